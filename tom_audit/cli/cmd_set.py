"""tom-audit set FILE MEASURE: record an answer from a script, without the UI."""

from __future__ import annotations

from pathlib import Path

from tom_audit.cli.output import EXIT_OK, report
from tom_audit.i18n import tr
from tom_audit.logic.answers import AnswerError, Edit, current_user, find_measure, record
from tom_audit.logic.evidence import label, matching
from tom_audit.model.assessment import EVIDENCE_KINDS, STATUSES
from tom_audit.store.assessment_store import update_assessment
from tom_audit.store.evidence_files import evidence_for, relative_ref
from tom_audit.text_rules import url_problem

NAME = "set"
ORDER = 50


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("cli.set.help"), description=tr("cli.set.help"))
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("measure", metavar="MEASURE_ID")
    parser.add_argument("--status", choices=STATUSES)
    parser.add_argument("--note", metavar="TEXT", help=tr("cli.set.note"))
    parser.add_argument("--owner", metavar="NAME")
    parser.add_argument("--evidence", metavar="PATH_OR_URL", action="append", default=[], help=tr("cli.set.evidence"))
    parser.add_argument("--evidence-kind", choices=EVIDENCE_KINDS, default="other")
    parser.add_argument("--evidence-description", metavar="TEXT", default="")
    parser.add_argument("--valid-until", metavar="TT.MM.JJJJ|YYYY-MM-DD", default="")
    parser.add_argument("--evidence-review-months", metavar="MONTHS", default=None, help=tr("cli.set.evidence_review_months"))
    parser.add_argument("--remove-evidence", metavar="REF", action="append", default=[], help=tr("cli.set.remove_evidence"))
    parser.add_argument("--review-months", metavar="MONTHS", default=None, help=tr("cli.set.review_months"))
    parser.add_argument("--note-en", metavar="TEXT", default=None, help=tr("cli.set.note_en"))
    parser.add_argument("--confirm", action="store_true", help=tr("cli.set.confirm"))
    parser.add_argument("--answer", metavar="QUESTION=VALUE", action="append", default=[], help=tr("cli.set.answer"))
    parser.add_argument("--by", metavar="NAME", default=None, help=tr("cli.set.by"))
    parser.set_defaults(run=run)


def run(args) -> int:
    answers = {}
    for item in args.answer:
        question, sep, value = item.partition("=")
        if not sep:
            raise AnswerError("answer.bad_answer_arg", value=item)
        answers[question.strip()] = value
    evidence = [
        evidence_for(target, args.file, kind=args.evidence_kind, description=args.evidence_description,
                     valid_until=args.valid_until, review_months=args.evidence_review_months)
        for target in args.evidence
    ]
    report(p for p in (url_problem(e.ref, "--evidence") for e in evidence) if p is not None)  # tokens: a warning
    by = args.by if args.by is not None else current_user()

    def change(loaded) -> None:
        report(loaded.warnings)
        edit = Edit(status=args.status, note=args.note, owner=args.owner, answers=answers, add_evidence=evidence,
                    confirm=args.confirm, review_months=args.review_months, note_en=args.note_en)
        if args.remove_evidence:
            measure = find_measure(loaded.catalogue, args.measure)
            edit.remove_evidence = _to_remove(loaded.assessment.answer(measure.id).evidence, args.remove_evidence,
                                              args.file)
        record(loaded.assessment, loaded.catalogue, args.measure, edit, by=by)

    update_assessment(args.file, change)
    print(tr("cli.set.done", id=args.measure, file=str(args.file)))
    return EXIT_OK


def _to_remove(items, refs: list[str], assessment_path: Path) -> list[int]:
    """The records each REF means (path as typed or as recorded, URL, SHA-256 prefix); every
    REF must name exactly one, else AnswerError listing the records apart by date and hash."""
    indexes = []
    for ref in refs:
        candidates = [ref]
        if "://" not in ref:
            candidates.append(relative_ref(Path(ref), assessment_path))
        found = matching(items, candidates)
        if len(found) != 1:
            listed = "; ".join(label(item) for item in (items if not found else [items[i] for i in found])) or "-"
            raise AnswerError("cli.set.remove_none" if not found else "cli.set.remove_ambiguous", ref=ref, records=listed)
        indexes += found
    return indexes
