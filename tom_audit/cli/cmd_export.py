"""tom-audit export FILE -o OUT: the workbook (xlsx), the contract annex as PDF or Word (docx),
Markdown, JSON, OSCAL or the Statement of Applicability (--soa); the format follows OUT's
extension or --format. Which option applies to which format: `export_options`."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from tom_audit.cli.common import add_lang
from tom_audit.cli.output import EXIT_OK, fail, report
from tom_audit.i18n import LANGUAGES, current_language, tr
from tom_audit.problems import display_path

NAME = "export"
ORDER = 60
FORMATS = ("xlsx", "md", "json", "pdf", "docx", "oscal")  # export_options.OUTPUTS but "soa", here to keep start-up light


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("export.cli.help"), description=tr("export.cli.help"))
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("-o", "--output", metavar="OUT", type=Path, required=True, help=tr("export.cli.output"))
    parser.add_argument("--format", choices=FORMATS, default=None, help=tr("export.cli.format"))
    parser.add_argument("--soa", choices=("iso27001", "gspp"), default=None, help=tr("export.cli.soa"))
    parser.add_argument("--controls", metavar="OSCAL", type=Path, default=None, help=tr("export.cli.controls"))
    parser.add_argument("--include-planned", action="store_true", help=tr("export.cli.include_planned"))
    parser.add_argument("--since", metavar="OLD", type=Path, default=None, help=tr("export.cli.since"))
    parser.add_argument("--no-evidence", action="store_true", help=tr("annex.cli.no_evidence"))
    parser.add_argument("--contract", metavar="TEXT", default="", help=tr("annex.cli.contract"))
    parser.add_argument("--annex-no", metavar="N", default="", help=tr("annex.cli.annex_no"))
    parser.add_argument("--annex", choices=("tom", "subprocessors", "both"), default=None,
                        help=tr("subannex.cli.annex"))  # None: not given (the TOM; export_options)
    parser.add_argument("--dpo-signature", action="store_true", help=tr("annex.cli.dpo_signature"))
    add_lang(parser)
    parser.set_defaults(run=run)


def exported_on() -> datetime:
    """The stamp on the cover: now, or SOURCE_DATE_EPOCH (UTC) for reproducible output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isascii() and epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (OverflowError, ValueError, OSError):
            pass  # beyond the calendar: not a stamp anyone meant, take the clock

    return datetime.now().astimezone()


def export_language(args, assessment_language: str) -> str:
    """--lang, else TOM_AUDIT_LANG, else the language the assessment was made in."""
    if getattr(args, "lang", None):
        return args.lang
    if os.environ.get("TOM_AUDIT_LANG") in LANGUAGES:
        return current_language()
    return assessment_language if assessment_language in LANGUAGES else current_language()


def load_since(path: Path, loaded, today):
    """OLD of `--since`: an earlier version of the same assessment. Whatever keeps it from
    being one comes as an InputError, led by a problem that names the option."""
    from tom_audit.export.changes import check_since
    from tom_audit.problems import InputError, Problem, display_path
    from tom_audit.store.assessment_store import load_assessment

    try:
        old = load_assessment(path)
    except InputError as error:
        raise InputError([Problem(display_path(path), "export.since.unusable"), *error.problems]) from None
    report(old.warnings)
    report(check_since(old, loaded, today))
    return old


def report_cut_cells(content) -> None:
    import sys

    from tom_audit.export.text import MAX_CELL_CHARS, overlong_cells

    for measure_id, field, length in overlong_cells(content):
        print(tr("text.truncated", id=measure_id, field=tr(f"text.field.{field}"), length=length,
                 limit=MAX_CELL_CHARS), file=sys.stderr)


def run(args) -> int:
    from tom_audit.cli.export_options import check_export_arguments
    from tom_audit.export import AnnexOptions, ExportOptions, export  # openpyxl only when exporting
    from tom_audit.problems import InputError
    from tom_audit.store.assessment_store import load_assessment

    out: Path = args.output
    fmt, problems = check_export_arguments(args)  # before anything is read or written
    if problems:
        raise InputError(problems)
    if out.exists() and args.file.exists() and out.resolve() == args.file.resolve():
        return fail("export.cli.same_file", file=str(out))
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        return fail("export.cli.no_folder", folder=str(folder))
    loaded = load_assessment(args.file)
    report(loaded.warnings)
    options = ExportOptions(include_planned=args.include_planned, exported_on=exported_on(),
                            include_evidence=not args.no_evidence)
    part = args.annex or "tom"
    annex = AnnexOptions(contract=args.contract, annex_no=args.annex_no, dpo_line=args.dpo_signature, annex=part)
    since = load_since(args.since, loaded, options.today) if args.since else None
    lang = export_language(args, loaded.assessment.language)
    if fmt in ("soa", "oscal"):
        return run_open_format(args, loaded, lang)
    content = export(loaded, out, fmt=fmt, lang=lang, options=options, since=since, annex=annex)
    if fmt == "xlsx":  # a cell holds 32,767 UTF-16 code units: say what was cut (lint: TOM055)
        report_cut_cells(content)
    if part == "subprocessors":  # the list alone (a PDF or Word document): no measure in it
        from tom_audit.export.providers_table import provider_rows

        count = sum(map(len, provider_rows(loaded.assessment.providers, lang, options.today)))
        print(tr("subannex.cli.done", file=str(out), format=fmt, count=count, language=lang))
    else:
        print(tr("export.cli.done", file=str(out), format=fmt, measures=len(loaded.catalogue.measures),
                 language=lang))
    notice = getattr(content, "completeness", None)
    if notice is not None and not notice.complete:  # what the export cannot vouch for, in one line
        import sys

        print(tr("export.cli.incomplete", file=display_path(args.file), line=notice.line(lang)), file=sys.stderr)
    return EXIT_OK


def run_open_format(args, loaded, lang: str) -> int:
    """`--soa iso27001|gspp` (Statement of Applicability workbook) or OSCAL assessment-results
    (`--format oscal` or an output named *.oscal.json): tom_audit.interop."""
    if args.soa:
        from tom_audit.interop.soa_xlsx import export_soa

        rows = export_soa(loaded, args.output, framework=args.soa, lang=lang, controls_path=args.controls)
        print(tr("export.cli.soa_done", file=str(args.output), framework=args.soa, controls=len(rows), language=lang))
        return EXIT_OK
    from tom_audit.interop.oscal_export import export_assessment

    document = export_assessment(loaded, args.output, lang)
    findings = len(document["assessment-results"]["results"][0].get("findings", []))
    print(tr("export.cli.oscal_done", file=str(args.output), findings=findings))
    return EXIT_OK
