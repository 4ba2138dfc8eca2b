"""The Statement of Applicability as its own workbook (`tom-audit export FILE -o soa.xlsx
--soa iso27001|gspp`): one sheet, one row per control, filterable, printable landscape.

Every text a user typed goes through `export.text.cell_text` (no formula, no illegal
character); the workbook's metadata carries a fixed date, so the same input gives the same
file (see `to_bytes`).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from tom_audit.export.text import cell_text
from tom_audit.export.xlsx_layout import MAX_ROW_HEIGHT, row_height
from tom_audit.i18n import tr
from tom_audit.interop.soa import SoaRow

WIDTHS = (12, 34, 15, 40, 18, 60, 50)
FIXED = datetime(2000, 1, 1)
FILLS = {"implemented": "E2F0D9", "partial": "FFF2CC", "planned": "FFF2CC", "not_implemented": "F8CBAD",
         "open": "EDEDED", "not_covered": "F8CBAD", "not_applicable": "FFFFFF"}


def _status(value: str | None, lang: str) -> str:
    return tr(f"soa.status.{value or 'open'}", lang)


def _measures(row: SoaRow, lang: str) -> str:
    return "\n".join(f"{m.measure_id} {m.title(lang)}: {_status(m.status, lang)}" for m in row.measures)


def _justification(row: SoaRow, lang: str) -> str:
    if row.applicable == "not_covered":
        return tr("soa.justify.not_covered", lang)
    if row.applicable == "no":
        return "\n".join(row.justification)
    return tr("soa.justify.applicable", lang, measures=", ".join(m.measure_id for m in row.measures))


def _evidence(row: SoaRow) -> str:
    return "\n".join(f"{m.measure_id}: {item}" for m in row.measures for item in m.evidence)


def build_workbook(rows: list[SoaRow], *, framework: str, lang: str, heading: list[str]) -> Workbook:
    """The workbook for `rows`; `heading`: lines above the table (organisation, catalogue, date)."""
    wb = Workbook()
    ws = wb.active
    ws.title = tr(f"soa.sheet.{framework}", lang)[:31]
    ws.append([cell_text(tr(f"soa.title.{framework}", lang))])
    ws["A1"].font = Font(bold=True, size=14)
    for line in heading:
        ws.append([cell_text(line)])
    counts = {key: sum(1 for r in rows if r.implementation == key)
              for key in ("implemented", "partial", "planned", "not_implemented", "open", "not_applicable", "not_covered")}
    ws.append([cell_text(tr("soa.summary", lang, total=len(rows), **counts))])
    ws.append([cell_text(tr(f"soa.note.{framework}", lang))])
    ws.append([])
    header_row = ws.max_row + 1
    ws.append([tr(f"soa.col.{c}", lang) for c in ("control", "title", "applicable", "justification",
                                                    "implementation", "measures", "evidence")])
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
    for row in rows:
        values = [
            cell_text(row.control.id), cell_text(row.control.title(lang) if row.control.title else ""),
            tr(f"soa.applicable.{row.applicable}", lang), cell_text(_justification(row, lang)),
            _status(row.implementation, lang), cell_text(_measures(row, lang)), cell_text(_evidence(row)),
        ]
        ws.append(values)
        ws.cell(ws.max_row, 5).fill = PatternFill("solid", fgColor=FILLS.get(row.implementation, "FFFFFF"))
        height = row_height([(v, w, 1.0) for v, w in zip(values, WIDTHS)])
        if height:  # LibreOffice and Excel do not grow rows for wrapped text written by openpyxl
            ws.row_dimensions[ws.max_row].height = min(height, MAX_ROW_HEIGHT)  # Excel's limit; the cell keeps all
    for line in ws.iter_rows(min_row=header_row):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions["ABCDEFG"[i]].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 3)
    ws.auto_filter.ref = f"A{header_row}:G{ws.max_row}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.creator = "tom-audit"
    wb.properties.created = wb.properties.modified = FIXED
    return wb


def to_bytes(workbook: Workbook) -> bytes:
    """The xlsx bytes, with fixed zip entry times and document dates (openpyxl stamps the
    current time on both), so the same assessment gives the same file."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the clock on save
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2000-01-01T00:00:00Z\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, data)
    return out.getvalue()


def export_soa(loaded, out, *, framework: str, lang: str, controls_path=None) -> list[SoaRow]:
    """Write the SoA workbook of a loaded assessment (`store.assessment_store.Loaded`) to `out`
    atomically; returns its rows. `controls_path`: OSCAL catalog/profile listing the gspp
    controls (None: the ids the catalogue references)."""
    from tom_audit.interop.soa import controls_from_oscal, soa_rows
    from tom_audit.logic.dates import parse_date
    from tom_audit.export.text import format_date
    from tom_audit.store.atomic import atomic_write

    assessment, catalogue = loaded.assessment, loaded.catalogue
    controls = controls_from_oscal(controls_path) if controls_path else None
    rows = soa_rows(catalogue, assessment, framework, lang, controls)
    heading = []
    if assessment.organisation.name:
        heading.append(tr("soa.heading.organisation", lang, name=assessment.organisation.name))
    heading.append(tr("soa.heading.catalogue", lang, id=catalogue.id, version=catalogue.version))
    stand = parse_date(assessment.updated) or parse_date(assessment.created)
    if stand:
        heading.append(tr("soa.heading.stand", lang, date=format_date(stand, lang)))
    workbook = build_workbook(rows, framework=framework, lang=lang, heading=heading)
    atomic_write(out, to_bytes(workbook), backup=False)
    return rows
