"""tom-audit setup FILE [--org ...]: show or change the cover data (see logic.cover)."""

from __future__ import annotations

from pathlib import Path

from tom_audit.cli.output import EXIT_OK, report, table
from tom_audit.i18n import tr
from tom_audit.logic.cover import FIELDS, cover_values, missing_fields, set_cover
from tom_audit.store.assessment_store import load_assessment, update_assessment

NAME = "setup"
ORDER = 25


def add_cover_options(parser) -> None:
    """--org, --address, --contact, --service, --responsible, --protection-need,
    --review-interval: shared with `new`."""
    metavars = {"org": "NAME", "responsible": "NAME", "protection_need": "normal|hoch|sehr_hoch",
                "review_interval": "MONTHS"}
    for field in FIELDS:
        parser.add_argument(f"--{field.name.replace('_', '-')}", dest=field.name, default=None,
                            metavar=metavars.get(field.name, "TEXT"), help=tr(f"cover.opt.{field.name}"))


def given(args) -> dict[str, str]:
    return {f.name: getattr(args, f.name) for f in FIELDS if getattr(args, f.name, None) is not None}


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("cover.help"), description=tr("cover.help"))
    parser.add_argument("file", metavar="FILE", type=Path)
    add_cover_options(parser)
    parser.set_defaults(run=run)


def show(assessment) -> str:
    values = cover_values(assessment)
    rows = []
    for field in FIELDS:
        value = values[field.name]
        if field.name == "review_interval":
            value = tr("cover.months", months=value)
        elif field.name == "protection_need":
            value = tr(f"level.{value}")
        rows.append((field.label(), str(value).replace("\n", ", ") or tr("cover.blank")))
    return table((tr("cli.setup.field"), tr("cli.setup.value")), rows)


def run(args) -> int:
    values = given(args)
    if not values:
        loaded = load_assessment(args.file)
        report(loaded.warnings)
        print(show(loaded.assessment))
        missing = missing_fields(loaded.assessment)
        if missing:
            print()
            options = " ".join(f'--{n.replace("_", "-")} "…"' for n in missing)
            print(tr("cover.missing", fields=", ".join(FIELDS_BY[n].label() for n in missing), file=str(args.file),
                     options=options))
        return EXIT_OK

    def change(loaded):
        report(loaded.warnings)
        return set_cover(loaded.assessment, values)

    changed = update_assessment(args.file, change)
    if changed:
        print(tr("cover.saved", file=str(args.file), fields=", ".join(FIELDS_BY[n].label() for n in changed)))
    else:
        print(tr("cover.unchanged", file=str(args.file)))
    return EXIT_OK


FIELDS_BY = {f.name: f for f in FIELDS}
