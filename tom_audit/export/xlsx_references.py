"""The workbook's "Bezüge" sheet: each measure's ISO/IEC 27001, BSI, SDM and Grundschutz++
references with its status (rows from `export.references`)."""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from tom_audit.export.reference_table import cells, headers
from tom_audit.export.xlsx_layout import LINE_HEIGHT, RowWriter, Styles, fit_widths, print_setup, row_height, set_widths
from tom_audit.i18n import tr


def references_sheet(wb, content) -> None:
    """Append the sheet to `wb` (write-only or not); nothing when no measure has references."""
    lang, items = content.lang, content.references
    if not items:
        return
    names = headers(lang)
    columns = [[c[i] for c in map(cells, items)] for i in range(len(names))]
    widths = fit_widths(names, columns, [8, 26, 12, 12, 12, 16, 16], [10, 46, 18, 22, 22, 30, 30])
    ws = wb.create_sheet(tr("references.sheet", lang))
    set_widths(ws, widths)
    ws.freeze_panes = "C2"
    print_setup(ws, content, "1:1")
    st = Styles(ws, lang)
    rows = RowWriter(ws)
    rows.add([st.cell(ws, h, "header") for h in names],
             row_height([(h, w, 0.9) for h, w in zip(names, widths)], pad=6) or LINE_HEIGHT + 8)
    for row in items:
        values = cells(row)
        rows.add([st.cell(ws, v, "cell") for v in values], row_height([(v, w, 1.0) for v, w in zip(values, widths)]))
    ws.auto_filter.ref = f"A1:{get_column_letter(len(names))}{len(items) + 1}"
