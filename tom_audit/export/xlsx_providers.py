"""The workbook sheet "Unterauftragsverarbeiter" (English: "Sub-processors"): the sub-processor list in
the layout of an AVV annex (No., company, legal entity and address, service, data, locations,
transfer tool, DPA, certificates, ...), then the ancillary services apart, then the source of
the adequacy table. Expired certificates and third countries without a tool are marked."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from tom_audit.export.content import ExportContent
from tom_audit.export.providers_table import ProviderRow, empty_list_text, headers, provider_rows, says_none_engaged
from tom_audit.export.text import format_date
from tom_audit.export.xlsx_layout import (
    LINE_HEIGHT, RowWriter, Styles, fit_widths, number_pages, print_setup, row_height, set_widths,
)
from tom_audit.i18n import tr
from tom_audit.logic.transfer_countries import table

MINIMUM = [5, 18, 22, 22, 18, 14, 22, 14, 22, 12, 16, 14, 10]
MAXIMUM = [5, 28, 34, 36, 28, 24, 34, 22, 34, 13, 16, 20, 18]
HEADER_ROW = 4


def _add(rows: RowWriter, st: Styles, r: ProviderRow, widths: list[float]) -> None:
    ws = rows.ws
    cells = r.cells()
    text_cols = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12]
    height = row_height([(cells[i], widths[i], 0.9 if i == 1 else 1.0) for i in text_cols])
    out = []
    for i, value in enumerate(cells):
        if i in (9, 10):  # dates
            out.append(st.cell(ws, value, "cell_date") if value else st.cell(ws, "", "cell"))
        elif i == 6 and r.transfer_missing or i == 8 and r.certificate_expired:
            out.append(st.cell(ws, value, "alert_bold"))
        elif i == 1:
            out.append(st.cell(ws, value, "cell_bold"))
        elif i == 0:
            out.append(st.cell(ws, value, "cell_int"))
        else:
            out.append(st.cell(ws, value, "cell"))
    rows.add(out, height)


def providers_sheet(wb, content: ExportContent) -> None:
    """Add the sheet when the register has entries (an assessment without one keeps its
    workbook as it was)."""
    providers = content.assessment.providers
    if not providers:
        return
    lang = content.lang
    subs, ancillary = provider_rows(providers, lang, content.options.today)
    heads = headers(lang)
    everything = subs + ancillary
    widths = fit_widths(heads, [[r.cells()[i] for r in everything] for i in range(len(heads))], MINIMUM, MAXIMUM)
    ws = wb.create_sheet(tr("providers.sheet", lang))  # a sheet title: at most 31 characters, no /
    set_widths(ws, widths)
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    print_setup(ws, content, f"{HEADER_ROW}:{HEADER_ROW}")
    st = Styles.of(ws, lang)
    rows = RowWriter(ws, widths, (HEADER_ROW, HEADER_ROW))
    org = content.assessment.organisation.name
    title = tr("providers.export.title", lang) + (f" – {org}" if org else "")
    rows.add([st.cell(ws, title, "title")], 24)
    rows.add([st.cell(ws, tr("providers.export.intro", lang, date=format_date(content.stand, lang)),
                      "subtitle_line")])
    rows.add([])
    rows.add([st.cell(ws, h, "header") for h in heads],
             row_height([(h, w, 0.9) for h, w in zip(heads, widths)], pad=6) or LINE_HEIGHT + 8)
    if not subs:
        none = empty_list_text(says_none_engaged(content.assessment), lang)
        rows.add([st.cell(ws, "", "empty"), st.cell(ws, none, "empty")])
    for r in subs:
        _add(rows, st, r, widths)
    last_list_row = rows.count
    if ancillary:
        rows.add([])
        rows.add([st.cell(ws, tr("providers.export.ancillary_title", lang), "section")], 18)
        for r in ancillary:
            _add(rows, st, r, widths)
    rows.add([])
    t = table()
    rows.add([st.cell(ws, tr("providers.export.as_of", lang, as_of=t.as_of, source=t.source), "subtitle_line")])
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(heads))}{max(last_list_row, HEADER_ROW + 1)}"
    ws.print_area = f"A1:{get_column_letter(len(heads))}{rows.count}"
    number_pages(ws, content, rows.pages.count)
