"""The workbook's "Anlage TOM" sheet: the contract annex as a table that prints as a document
of its own.

Rows are measured first (`xlsx_layout.row_height`, the fonts' own metrics), then the page
breaks are planned from those heights (`plan_breaks`: a category heading, its control goal
and its first measure stay on one page), then the rows are written. The sheet counts its
own pages ("Seite 2 von 9" within the annex); the draft mark in its header comes with every
sheet's (`print_setup`).
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from tom_audit.export.annex_model import AnnexOptions, approval_info, closing_block
from tom_audit.export.content import ExportContent
from tom_audit.export.references import reference_text
from tom_audit.export.text import format_date, sheet_name
from tom_audit.export.text_width import TextStyle
from tom_audit.export.xlsx_layout import (
    BODY, BOLD, FONT, STATUS_FILLS, RowWriter, Styles, fit_widths, number_pages, page_capacity, plan_breaks, print_setup,
    row_height, set_widths, single_row,
)
from tom_audit.i18n import tr

HEADER_ROW = 5  # the table's header row, printed again on every page
TITLE = TextStyle(FONT, 16, bold=True)
HEADING = TextStyle(FONT, 11, bold=True)
GOAL = TextStyle(FONT, 9)
SMALL = TextStyle(FONT, 8.5)
# (min, max) width per column: id, measure, kind, status, implementation, evidence,
# [changed since,] references
WIDTHS = ([8, 36, 10, 12, 56, 36, 24], [10, 36, 16, 22, 56, 36, 30])
WIDTHS_SINCE = ([8, 32, 10, 12, 52, 32, 18, 20], [10, 32, 16, 22, 52, 32, 30, 24])


@dataclass
class _Row:
    cells: list
    height: float
    keep: bool = False  # stays on the page of the next row
    merge: bool = False  # one cell across the whole width


def annex_sheet(wb: Workbook, content: ExportContent) -> None:
    lang = content.lang
    a = content.assessment
    ws = wb.create_sheet(sheet_name(tr("export.sheet.annex", lang)))
    st = Styles.of(ws, lang)
    measures = [r for r in content.annex if r.role == "measure"]
    references = {r.measure_id: reference_text(r.references, lang, short=True) for r in measures}
    headers = [tr("export.col.id", lang), tr("export.col.measure", lang), tr("export.col.kind", lang),
               tr("export.col.status", lang), tr("export.col.implementation", lang), tr("export.col.evidence", lang)]
    columns = [[r.measure_id for r in measures], [], [r.kind for r in measures], [r.status_label for r in measures],
               [], []]
    since = content.changes is not None
    if since:  # before the references, which stay the last column
        headers.append(tr("export.col.changed_since", lang, date=format_date(content.changes.since, lang)))
        columns.append([r.changed for r in measures])
    headers.append(tr("annex.col.references", lang))
    columns.append(list(references.values()))
    widths = fit_widths(headers, columns, *(WIDTHS_SINCE if since else WIDTHS))
    n_columns = len(headers)
    set_widths(ws, widths)
    total = sum(widths)
    last = get_column_letter(n_columns)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    print_setup(ws, content, f"{HEADER_ROW}:{HEADER_ROW}", internal=False)

    def merged(text: str, style: str, text_style: TextStyle, pad: float = 4, keep: bool = False) -> _Row:
        cells = [st.cell(ws, text, style)] + [st.cell(ws, None, style) for _ in range(n_columns - 1)]
        return _Row(cells, single_row([(text, total, text_style)], pad=pad), keep, merge=True)

    service = f"{a.organisation.name} · {a.scope.service}" if a.scope.service else a.organisation.name
    plan = [
        # the sign-off state in the title: "… · Entwurf (nicht freigegeben)" or "… · Version 1.0, freigegeben …"
        merged(f"{tr('export.annex.title', lang)} · {content.cover.status}", "title", TITLE, pad=8),
        merged(service, "meta", BODY),
        merged(tr("export.annex.meta", lang, date=format_date(content.stand, lang), catalogue=content.catalogue.id,
                  version=content.catalogue.version, responsible=a.scope.responsible or "-",
                  months=a.scope.review_interval_months), "meta", BODY),
        merged(tr("export.annex.intro_planned" if content.options.include_planned else "export.annex.intro", lang),
               "meta", BODY),
        _Row([st.cell(ws, h, "header") for h in headers],
             single_row([(h, w, BOLD) for h, w in zip(headers, widths)], pad=8)),
    ]
    for r in content.annex:
        if r.role == "heading":
            plan.append(merged(r.title, "heading", HEADING, pad=10, keep=True))
            plan.append(merged(r.goal, "goal", GOAL, keep=True))
        elif r.role == "empty":
            plan.append(_Row([st.cell(ws, "", "empty"), st.cell(ws, r.title, "empty"),
                              *(st.cell(ws, "", "empty") for _ in range(n_columns - 2))],
                             single_row([(r.title, widths[1], BODY)])))
        else:
            refs = references[r.measure_id]
            texts = [(r.title, widths[1], BOLD), (r.kind, widths[2], BODY), (r.status_label, widths[3], BODY),
                     (r.description, widths[4], BODY), (r.evidence, widths[5], BODY), (refs, widths[-1], SMALL)]
            cells = [st.cell(ws, r.measure_id, "cell"), st.cell(ws, r.title, "cell_bold"), st.cell(ws, r.kind, "cell"),
                     st.cell(ws, r.status_label, f"status_{r.status}" if r.status in STATUS_FILLS else "alert"),
                     st.cell(ws, r.description, "cell"),
                     st.cell(ws, r.evidence, "cell")]
            if since:
                texts.append((r.changed, widths[6], BODY))
                cells.append(st.cell(ws, r.changed, "changed" if r.changed else "cell"))
            cells.append(st.cell(ws, refs, "cell_small"))
            plan.append(_Row(cells, single_row(texts)))

    plan += _closing(content, st, ws, widths, merged)
    heights = [row.height for row in plan]
    starts = set(plan_breaks(heights, [row.keep for row in plan], page_capacity(widths), heights[HEADER_ROW - 1]))
    rows = RowWriter(ws)
    for index, row in enumerate(plan):
        if index in starts:
            rows.page_break()
        if row.merge:
            ws.merged_cells.add(f"A{rows.count + 1}:{last}{rows.count + 1}")
        rows.add(row.cells, row.height)
    number_pages(ws, content, len(starts) + 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(rows.count, HEADER_ROW)}"
    ws.print_area = f"A1:{last}{rows.count}"


def _closing(content: ExportContent, st: Styles, ws, widths: list[float], merged) -> list[_Row]:
    """Version, review and the processor's signature lines, kept on one page. The same
    texts as the closing block of the PDF and Word annex (`annex_model.closing_block`)."""
    closing = closing_block(content, AnnexOptions(dpo_line=True), approval_info(content))
    n_columns = len(widths)
    rows = [_Row([], 12, keep=True), merged(closing.heading, "heading", HEADING, pad=10, keep=True),
            merged(closing.version_line, "meta", BODY, keep=True), merged(closing.review_line, "meta", BODY, keep=True)]
    places = (1, 4, 5)  # place and date under "Maßnahme", name under "Umsetzung", signature under "Nachweise"
    for block in closing.signatures:
        rows.append(_Row([], 10, keep=True))
        rows.append(_Row([None, st.cell(ws, block.party, "label")], single_row([(block.party, widths[1], BOLD)]),
                         keep=True))
        line = [None] * n_columns
        labels = [None] * n_columns
        for place, text in zip(places, block.lines):
            line[place] = st.cell(ws, "", "sign")
            labels[place] = st.cell(ws, text, "sign_label")
        rows.append(_Row(line, 30, keep=True))
        rows.append(_Row(labels, single_row(), keep=True))
    rows[-1].keep = False
    return rows
