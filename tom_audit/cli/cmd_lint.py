"""tom-audit lint FILE: what a DPO would send back, with rule ids and hints."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tom_audit.cli.common import add_format, add_lang
from tom_audit.cli.output import EXIT_FINDINGS, EXIT_OK, report
from tom_audit.i18n import current_language, tr
from tom_audit.logic.lint import counts, fails, lint
from tom_audit.problems import display_path
from tom_audit.store.assessment_store import load_assessment

NAME = "lint"
ORDER = 55


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("lint.cli.help"), description=tr("lint.cli.help"))
    parser.add_argument("file", metavar="FILE", type=Path)
    add_format(parser, ("text", "json"), "text")
    add_lang(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    loaded = load_assessment(args.file)
    report(loaded.warnings)
    findings = lint(loaded.catalogue, loaded.assessment, today=date.today(),
                    evidence_base=loaded.path.resolve().parent)
    shown = display_path(loaded.path)
    lang = current_language()
    totals = counts(findings)
    if args.format == "json":
        print(json.dumps({
            "file": shown,
            "assessment": loaded.assessment.id,
            "catalogue": {"id": loaded.catalogue.id, "version": loaded.catalogue.version},
            "counts": totals,
            "findings": [f.as_dict(lang) for f in findings],
        }, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(f"{shown}: {finding.render(lang)}")
        print(tr("lint.cli.summary", file=shown, **totals) if findings else tr("lint.cli.clean", file=shown))
    return EXIT_FINDINGS if fails(findings) else EXIT_OK
