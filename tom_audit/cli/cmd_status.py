"""tom-audit status FILE...: progress per category."""

from __future__ import annotations

import json
from pathlib import Path

from tom_audit.cli.output import EXIT_BAD_INPUT, EXIT_OK, report, table
from tom_audit.i18n import current_language, tr
from tom_audit.logic.agenda import has_open_gap, owned_by
from tom_audit.logic.applicability import effective
from tom_audit.logic.progress import progress
from tom_audit.problems import InputError
from tom_audit.store.assessment_store import load_assessment

NAME = "status"
ORDER = 30


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("cli.status.help"), description=tr("cli.status.help"))
    parser.add_argument("files", metavar="FILE", type=Path, nargs="+")
    parser.add_argument("--json", action="store_true", help=tr("cli.status.json"))
    parser.add_argument("--owner", metavar="NAME", default=None, help=tr("cli.status.owner"))
    parser.set_defaults(run=run)


def _as_json(loaded, result) -> dict:
    a = loaded.assessment
    return {
        "file": str(loaded.path),
        "organisation": a.organisation.name,
        "protection_need": a.scope.protection_need,
        "catalogue": {"id": loaded.catalogue.id, "version": loaded.catalogue.version},
        "categories": [{"id": c.id, **counts.as_dict()} for c, counts in result.categories],
        "overall": result.overall.as_dict(),
        "orphans": loaded.orphans,
    }


def _as_text(loaded, result) -> str:
    a = loaded.assessment
    head = tr("status.head", file=str(loaded.path), org=a.organisation.name or "-",
              need=tr(f"level.{a.scope.protection_need}"), catalogue=loaded.catalogue.id,
              version=loaded.catalogue.version)
    headers = [tr("status.col.category"), tr("status.col.answered"), tr("status.short.implemented"),
               tr("status.short.partial"), tr("status.short.planned"), tr("status.short.not_implemented"),
               tr("status.short.not_applicable"), tr("status.col.open"), tr("status.col.required")]

    def row(title, c):
        s = c.by_status
        return [title, f"{c.answered}/{c.total}", s["implemented"], s["partial"], s["planned"],
                s["not_implemented"], s["not_applicable"], c.open, f"{c.required_implemented}/{c.required}"]

    rows = [row(cat.title(current_language()), counts) for cat, counts in result.categories]
    rows.append(row(tr("status.total"), result.overall))
    return f"{head}\n\n{table(headers, rows, right=range(1, 9))}"


def _owned(loaded, owner: str) -> list[dict]:
    """The measures `owner` answers for (logic.agenda.owned_by), in catalogue order."""
    out = []
    for measure in loaded.catalogue.measures:
        answer = loaded.assessment.measures.get(measure.id)
        if owned_by(answer, owner):
            state = effective(measure, answer, loaded.assessment.scoping)
            out.append({"id": measure.id, "title": measure.title(current_language()), "status": state.status,
                        "to_confirm": answer.to_confirm, "gap_due": answer.gap.due if has_open_gap(answer) else None})
    return out


def _owned_text(loaded, owner: str) -> str:
    rows = [(m["id"], m["title"], tr(f"status.{m['status']}") if m["status"] else tr("status.open"),
             m["gap_due"] or "-") for m in _owned(loaded, owner)]
    head = tr("cli.status.owned", owner=owner, count=len(rows))
    if not rows:
        return head
    return head + "\n" + table([tr("cli.agenda.col.id"), tr("cli.agenda.col.measure"), tr("cli.status.col.status"),
                                tr("cli.status.col.due")], rows)


def run(args) -> int:
    outputs, failed = [], False
    for path in args.files:
        try:
            loaded = load_assessment(path)
        except InputError as error:
            report(error.problems)
            failed = True
            continue
        report(loaded.warnings)
        result = progress(loaded.catalogue, loaded.assessment)
        if args.json:
            data = _as_json(loaded, result)
            if args.owner is not None:
                data["owner"] = {"name": args.owner, "measures": _owned(loaded, args.owner)}
            outputs.append(data)
        else:
            text = _as_text(loaded, result)
            if args.owner is not None:
                text += "\n\n" + _owned_text(loaded, args.owner)
            outputs.append(text)
    if args.json:
        print(json.dumps(outputs if len(args.files) > 1 else (outputs[0] if outputs else None),
                         ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(outputs))
    return EXIT_BAD_INPUT if failed else EXIT_OK
