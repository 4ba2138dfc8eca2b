"""tom-audit diff OLD NEW: what changed between two assessments."""

from __future__ import annotations

import json
from pathlib import Path

from tom_audit.cli.common import add_format, add_lang
from tom_audit.cli.output import EXIT_FINDINGS, EXIT_OK, report
from tom_audit.i18n import current_language, tr
from tom_audit.logic.diff import AssessmentDiff, diff, summarise
from tom_audit.problems import display_path
from tom_audit.store.assessment_store import load_assessment

NAME = "diff"
ORDER = 65


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("diff.cli.help"), description=tr("diff.cli.help"))
    parser.add_argument("old", metavar="OLD", type=Path)
    parser.add_argument("new", metavar="NEW", type=Path)
    add_format(parser, ("text", "json"), "text")
    add_lang(parser)
    parser.set_defaults(run=run)


def _value(value) -> str:
    if value is None or value == "":
        return tr("diff.cli.none")
    if isinstance(value, bool):
        return tr("word.yes" if value else "word.no")
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values() if v)
    return str(value)


def as_text(result: AssessmentDiff, titles: dict[str, str]) -> str:
    lang = current_language()
    lines: list[str] = []
    if not result.same_assessment:
        lines.append(tr("diff.cli.other_assessment", old=result.old_id, new=result.new_id))
    for heading, changes in (("diff.cli.fields", result.fields), ("diff.cli.scoping", result.scoping),
                             ("diff.cli.approval", [result.approval] if result.approval else [])):
        if changes:
            lines.append(tr(heading))
            lines += [f"  {tr('diff.cli.change', field=c.field, old=_value(c.old), new=_value(c.new))}" for c in changes]
    if result.catalogue:
        c = result.catalogue
        lines.append(tr("diff.cli.catalogue", old_id=c.old_id, old_version=c.old_version, new_id=c.new_id,
                        new_version=c.new_version, added=", ".join(c.added) or "-",
                        removed=", ".join(c.removed) or "-", reworded=", ".join(c.reworded) or "-"))
    if result.measures:
        lines.append(tr("diff.cli.measures", count=len(result.measures)))
        for change in result.measures:
            title = titles.get(change.measure_id, "")
            lines.append(f"  {change.measure_id} {title}".rstrip())
            lines.append(f"    {summarise(change, lang)}")
    return "\n".join(lines) if lines else tr("diff.cli.same")


def run(args) -> int:
    old = load_assessment(args.old)
    report(old.warnings)
    new = load_assessment(args.new)
    report(new.warnings)
    result = diff(old.assessment, new.assessment, catalogue_old=old.catalogue, catalogue_new=new.catalogue)
    if args.format == "json":
        print(json.dumps({"old": display_path(args.old), "new": display_path(args.new), **result.as_dict()},
                         ensure_ascii=False, indent=2))
    else:
        lang = current_language()
        titles = {m.id: m.title(lang) for m in old.catalogue.measures}
        titles.update({m.id: m.title(lang) for m in new.catalogue.measures})
        print(as_text(result, titles))
    return EXIT_FINDINGS if result else EXIT_OK
