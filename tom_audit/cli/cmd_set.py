"""tom-audit set FILE MEASURE: record an answer from a script, without the UI."""

from __future__ import annotations

from pathlib import Path

from tom_audit.cli.output import EXIT_OK, report
from tom_audit.i18n import tr
from tom_audit.logic.answers import AnswerError, Edit, current_user, record
from tom_audit.model.assessment import EVIDENCE_KINDS, STATUSES
from tom_audit.store.assessment_store import update_assessment
from tom_audit.store.evidence_files import evidence_for
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
    parser.add_argument("--valid-until", metavar="YYYY-MM-DD", default="")
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
                     valid_until=args.valid_until)
        for target in args.evidence
    ]
    report(p for p in (url_problem(e.ref, "--evidence") for e in evidence) if p is not None)  # tokens: a warning
    edit = Edit(status=args.status, note=args.note, owner=args.owner, answers=answers, add_evidence=evidence)
    by = args.by if args.by is not None else current_user()

    def change(loaded) -> None:
        report(loaded.warnings)
        record(loaded.assessment, loaded.catalogue, args.measure, edit, by=by)

    update_assessment(args.file, change)
    print(tr("cli.set.done", id=args.measure, file=str(args.file)))
    return EXIT_OK
