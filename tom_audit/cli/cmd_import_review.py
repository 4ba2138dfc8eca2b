"""tom-audit import-review FILE WORKBOOK: the DPO's review, read back from the review sheet
of an exported workbook.

All or nothing: every row is checked first (rows are matched by the key in the hidden
column A, so their order does not matter, and the key must name the measure the row shows);
any problem refuses the whole import and leaves the file untouched. A verdict on a row whose
answer changed since the export (its hidden fingerprint differs) is refused, or with
`--skip-stale` left out and listed. A verdict needs a reviewer: the row's, else `--by`.
Then every change is applied, reported, and the file saved once.
The sheet layout is the exporter's (`tom_audit.export.review_layout`).
"""

from __future__ import annotations

import re
import sys
from datetime import date, datetime
from pathlib import Path

from tom_audit.cli.common import add_lang
from tom_audit.cli.output import EXIT_OK, report
from tom_audit.i18n import LANGUAGES, tr
from tom_audit.logic.review import ReviewChange, ReviewRow, apply_review_import, plan_review_import
from tom_audit.problems import InputError, Problem, display_path
from tom_audit.store.assessment_store import Unchanged, update_assessment

NAME = "import-review"
ORDER = 75
READ_COLUMNS = ("key", "measure_id", "review_state", "reviewer", "review_date", "comment", "fingerprint")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\Z")


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("review.import.help"), description=tr("review.import.help"))
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("workbook", metavar="WORKBOOK", type=Path)
    parser.add_argument("--by", metavar="NAME", default=None, help=tr("review.import.by"))
    parser.add_argument("--skip-stale", action="store_true", help=tr("review.import.skip_stale"))
    add_lang(parser)
    parser.set_defaults(run=run)


def _date_text(value) -> str:
    """A date cell as an ISO date: Excel dates, ISO text, or DD.MM.YYYY as typed in German."""
    from openpyxl.utils.datetime import from_excel

    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return from_excel(value).date().isoformat()
        except (ValueError, OverflowError, TypeError, AttributeError):
            return str(value)
    text = str(value).strip()
    dotted = _DOTTED.match(text)
    if dotted:
        day, month, year = dotted.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}([ T].*)?$", text) else text


def read_review_sheet(path: Path, limit: int | None = None) -> list[ReviewRow]:
    """The data rows of the workbook's review sheet. Columns are found by their header in
    row 1 (either language), so inserted or moved columns do no harm; a missing review
    column or sheet, a damaged or oversized workbook (`store.workbook_guard`) or more than
    2 * `limit` + 100 data rows (`limit`: the catalogue's measures) raise InputError."""
    from openpyxl.utils.exceptions import InvalidFileException

    from tom_audit.store.workbook_guard import PARSE_ERRORS, check_workbook

    shown = display_path(path)
    if not path.is_file():
        raise InputError([Problem(shown, "file.missing")])
    check_workbook(path)  # before openpyxl reads anything: no zip bomb
    try:
        return _read_review_sheet(path, shown, limit)
    except (InvalidFileException, *PARSE_ERRORS) as exc:
        raise InputError([Problem(shown, "review.import.not_xlsx", {"reason": str(exc) or type(exc).__name__})]) from None


def _read_review_sheet(path: Path, shown: str, limit: int | None) -> list[ReviewRow]:
    from openpyxl import load_workbook

    from tom_audit.export import review_layout as layout

    most = None if limit is None else 2 * limit + 100
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        titles = set(layout.SHEET_TITLES.values())
        sheet_name = next((name for name in workbook.sheetnames if name in titles), None)
        if sheet_name is None:
            raise InputError([Problem(shown, "review.import.no_sheet", {
                "wanted": " / ".join(layout.SHEET_TITLES.values()), "sheets": ", ".join(workbook.sheetnames)})])
        rows = workbook[sheet_name].iter_rows(min_row=layout.HEADER_ROW, values_only=True)
        header = [layout.read_text(v).casefold() for v in next(rows, ())]
        where: dict[str, int] = {}
        for column in layout.REVIEW_COLUMNS:
            names = {tr(column.header_key, lang).casefold() for lang in LANGUAGES}
            index = next((i for i, text in enumerate(header) if text in names), None)
            if index is not None:
                where[column.id] = index
            elif column.id == "fingerprint":
                raise InputError([Problem(shown, "review.import.no_fingerprint")])
            elif column.id in READ_COLUMNS:
                raise InputError([Problem(shown, "review.import.bad_header", {
                    "column": " / ".join(tr(column.header_key, lang) for lang in LANGUAGES)})])
        read = {where[name] for name in READ_COLUMNS}
        result = []
        for number, values in enumerate(rows, start=layout.FIRST_DATA_ROW):
            if most is not None and len(result) >= most:
                raise InputError([Problem(shown, "workbook.too_many_rows", {"limit": most, "measures": limit})])

            def cell(name: str, values=values):
                index = where.get(name)
                return values[index] if index is not None and index < len(values) else None

            other = any(v not in (None, "") for i, v in enumerate(values) if i not in read)
            result.append(ReviewRow(
                row=number, key=layout.read_text(cell("key")), state=layout.read_text(cell("review_state")),
                reviewer=layout.read_text(cell("reviewer")), date=_date_text(cell("review_date")),
                comment=layout.read_text(cell("comment")), other=other,
                shown_id=layout.read_text(cell("measure_id")), fingerprint=layout.read_text(cell("fingerprint")),
            ))
        return result
    finally:
        workbook.close()


def _describe(change: ReviewChange) -> str:
    old = change.old
    parts = []
    old_state = old.state if old else "open"
    if old_state != change.new.state:
        parts.append(tr("review.import.state", old=tr(f"review.state.{old_state}"),
                        new=tr(f"review.state.{change.new.state}")))
    if (old.reviewer if old else "") != change.new.reviewer:
        parts.append(tr("review.import.reviewer", old=(old.reviewer if old else "") or "-", new=change.new.reviewer or "-"))
    if (old.date if old else "") != change.new.date:
        parts.append(tr("review.import.date", old=(old.date if old else "") or "-", new=change.new.date))
    if (old.comment if old else "") != change.new.comment:
        parts.append(tr("review.import.comment"))
    return tr("review.import.change", id=change.measure_id, row=change.row, what="; ".join(parts))


def run(args) -> int:
    from tom_audit.export import review_layout as layout

    shown = display_path(args.file)

    def change(loaded):
        report(loaded.warnings)
        rows = read_review_sheet(args.workbook, limit=len(loaded.catalogue.measures))
        plan = plan_review_import(loaded.assessment, loaded.catalogue, rows, shown=display_path(args.workbook),
                                  state_of=layout.state_from_label, today=date.today(),
                                  by=args.by or "", skip_stale=args.skip_stale)
        for item in plan.changes:
            print(_describe(item))
        if plan.stale:
            print(tr("review.import.skipped", count=len(plan.stale)), file=sys.stderr)
            for stale in plan.stale:
                print(tr("review.import.skipped_row", id=stale.measure_id, row=stale.row), file=sys.stderr)
        if plan.missing:
            print(tr("review.import.missing", count=len(plan.missing), ids=", ".join(plan.missing)))
        if not plan.changes:
            print(tr("review.import.nothing", file=shown, unchanged=plan.unchanged))
            return Unchanged()
        apply_review_import(loaded.assessment, plan)
        return plan

    plan = update_assessment(args.file, change)
    if plan is not None:
        print(tr("review.import.done", file=shown, changes=len(plan.changes), unchanged=plan.unchanged))
    return EXIT_OK
