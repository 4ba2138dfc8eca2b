"""The workbook's "Anlage TOM" sheet: the contract annex as a table that prints as a document
of its own.

Rows are measured (`xlsx_layout.row_height`, the fonts' own metrics) and planned onto pages
as they are made (`PagePlan`: a category heading, its control goal and its first measure stay
on one page), then written. A row never splits in print (LibreOffice cuts one taller than a
page at the page end, Excel one taller than 409 points), so a measure whose texts need more
than half a page (`long_row`) goes on in the rows below its own: its first row holds the
start of each text, as much as fits on its page, the rows below the rest, cut at line ends
(`xlsx_layout.split_row`), each filling its page; their other cells stay empty, but at the
top of a page the measure column says which measure goes on. The sheet counts its own pages
("Seite 2 von 9" within the annex); the draft mark in its header comes with every sheet's
(`print_setup`).
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
    BODY, BOLD, FONT, MAX_ROW_HEIGHT, PAD, STATUS_FILLS, PagePlan, RowWriter, Styles, fit_widths, least_height,
    number_pages, page_capacity, print_setup, set_widths, single_row, split_row,
)
from tom_audit.i18n import tr

TITLE = TextStyle(FONT, 16, bold=True)
HEADING = TextStyle(FONT, 11, bold=True)
GOAL = TextStyle(FONT, 9)
SMALL = TextStyle(FONT, 8.5)
# (min, max) width per column: id, measure, kind, status, implementation, evidence,
# [changed since,] references
WIDTHS = ([8, 36, 10, 12, 56, 36, 24], [10, 36, 16, 22, 56, 36, 30])
WIDTHS_SINCE = ([8, 32, 10, 12, 52, 32, 18, 20], [10, 32, 16, 22, 52, 32, 30, 24])
# A row of up to this share of a page stays one row: one that moves to the next page leaves
# at most this much of a page blank. A taller one is cut to fill its pages.
ROW_SHARE = 0.5
# Lines a long measure's first row shows at least (else it starts on the next page): its
# title, rarely longer, and the start of its text; a row going on shows two at least.
FIRST_LINES, NEXT_LINES = 4, 2


@dataclass
class _Row:
    cells: list
    height: float
    keep: bool = False  # stays on the page of the next row
    merge: bool = False  # one cell across the whole width
    continues: str = ""  # for a row going on with a measure: what it says at the top of a page


def long_row(widths: list[float]) -> float:
    """The tallest row (points) the annex sheet of these column widths keeps whole."""
    return min(MAX_ROW_HEIGHT, page_capacity(widths) * ROW_SHARE)


class _Plan:
    """The sheet's rows, planned onto pages as they are added (`PagePlan`); `repeat`: the
    height of the header row printed at the top of every later page."""

    def __init__(self, ws, st: Styles, widths: list[float], repeat: float):
        self.ws, self.st, self.widths = ws, st, widths
        self.rows: list[_Row] = []
        self.pages = PagePlan(page_capacity(widths), repeat)
        self.tallest = long_row(widths)

    def add(self, row: _Row) -> None:
        self.rows.append(row)
        if self.pages.add(row.height, row.keep) and row.continues:
            row.cells[1] = self.st.cell(self.ws, row.continues, "empty")

    def merged(self, text: str, style: str, text_style: TextStyle, pad: float = PAD, keep: bool = False) -> None:
        """`text` across the whole width: one row, or more when it is taller than `tallest`."""
        texts = [(text, sum(self.widths), text_style)]

        def row(values: list, height: float, going_on: bool) -> _Row:
            cells = [self.st.cell(self.ws, values[0], style)]
            return _Row(cells + [self.st.cell(self.ws, None, style) for _ in self.widths[1:]], height, keep, merge=True)

        self.split(texts, row, pad, NEXT_LINES)

    def split(self, texts: list, row, pad: float = PAD, first_lines: int = FIRST_LINES) -> None:
        """The row of `texts` ((value, column width, TextStyle) per cell), made by
        `row(values, height, going_on)`: whole when it is at most `tallest` high, else cut
        into rows that each take the room left on their page (and no more than a spreadsheet
        row holds), the first with `first_lines` at least, the others `going_on`."""
        height = single_row(texts, pad=pad)
        if height <= self.tallest:
            self.add(row([value for value, _, _ in texts], height, False))
            return
        values, going_on = [value for value, _, _ in texts], False
        while values is not None:
            left = [(value, width, font) for value, (_, width, font) in zip(values, texts)]
            room = self.pages.room(least_height(left, NEXT_LINES if going_on else first_lines, pad))
            head, values = split_row(left, min(room, MAX_ROW_HEIGHT), pad)
            height = single_row([(value, width, font) for value, (_, width, font) in zip(head, texts)], pad=pad)
            self.add(row(head, height, going_on))
            going_on = True


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
    last = get_column_letter(n_columns)
    header_row = _Row([st.cell(ws, h, "header") for h in headers],
                      single_row([(h, w, BOLD) for h, w in zip(headers, widths)], pad=8))
    plan = _Plan(ws, st, widths, header_row.height)

    service = f"{a.organisation.name} · {a.scope.service}" if a.scope.service else a.organisation.name
    # the sign-off state in the title: "… · Entwurf (nicht freigegeben)" or "… · Version 1.0, freigegeben …"
    plan.merged(f"{tr('export.annex.title', lang)} · {content.cover.status}", "title", TITLE, pad=8)
    plan.merged(service, "meta", BODY)
    plan.merged(tr("export.annex.meta", lang, date=format_date(content.stand, lang), catalogue=content.catalogue.id,
                   version=content.catalogue.version, responsible=a.scope.responsible or "-",
                   months=a.scope.review_interval_months), "meta", BODY)
    plan.merged(tr("export.annex.intro_planned" if content.options.include_planned else "export.annex.intro", lang),
                "meta", BODY)
    header = len(plan.rows) + 1  # the table's header row (5 but for a very long service), printed on every page
    plan.add(header_row)
    ws.freeze_panes = f"A{header + 1}"
    print_setup(ws, content, f"{header}:{header}", internal=False)
    for r in content.annex:
        if r.role == "heading":
            plan.merged(r.title, "heading", HEADING, pad=10, keep=True)
            plan.merged(r.goal, "goal", GOAL, keep=True)
        elif r.role == "empty":
            plan.add(_Row([st.cell(ws, "", "empty"), st.cell(ws, r.title, "empty"),
                           *(st.cell(ws, "", "empty") for _ in range(n_columns - 2))],
                          single_row([(r.title, widths[1], BODY)])))
        else:
            _measure(plan, r, references[r.measure_id], since, lang)

    _closing(content, st, ws, widths, plan)
    starts = set(plan.pages.finish())
    rows = RowWriter(ws)
    for index, row in enumerate(plan.rows):
        if index in starts:
            rows.page_break()
        if row.merge:
            ws.merged_cells.add(f"A{rows.count + 1}:{last}{rows.count + 1}")
        rows.add(row.cells, row.height)
    number_pages(ws, content, len(starts) + 1)
    ws.auto_filter.ref = f"A{header}:{last}{max(rows.count, header)}"
    ws.print_area = f"A1:{last}{rows.count}"


def _measure(plan: _Plan, r, references: str, since: bool, lang: str) -> None:
    """The row of the measure `r` (an annex row of `content`); when it is taller than the
    plan's `tallest`, the rows going on with its long texts, their other cells empty but
    styled as in its own row, and at the top of a page saying which measure goes on."""
    ws, st, widths = plan.ws, plan.st, plan.widths
    status = f"status_{r.status}" if r.status in STATUS_FILLS else "alert"
    texts = [(r.title, widths[1], BOLD), (r.kind, widths[2], BODY), (r.status_label, widths[3], BODY),
             (r.description, widths[4], BODY), (r.evidence, widths[5], BODY), (references, widths[-1], SMALL)]
    if since:
        texts.append((r.changed, widths[6], BODY))
    height = single_row(texts)  # an id fits its column (`fit_widths`)
    if height <= plan.tallest:
        cells = [st.cell(ws, r.measure_id, "cell"), st.cell(ws, r.title, "cell_bold"), st.cell(ws, r.kind, "cell"),
                 st.cell(ws, r.status_label, status), st.cell(ws, r.description, "cell"),
                 st.cell(ws, r.evidence, "cell")]
        if since:
            cells.append(st.cell(ws, r.changed, "changed" if r.changed else "cell"))
        cells.append(st.cell(ws, references, "cell_small"))
        plan.add(_Row(cells, height))
        return
    # in column order: id, measure, kind, status, implementation, evidence, [changed since,] references
    texts = [(r.measure_id, widths[0], BODY), *texts[:5], *texts[6:], texts[5]]
    styles = ["cell", "cell_bold", "cell", status, "cell", "cell", *(["changed" if r.changed else "cell"] * since),
              "cell_small"]
    marker = tr("annex.xlsx.continued", lang, id=r.measure_id)

    def row(values: list, height: float, going_on: bool) -> _Row:
        cells = [st.cell(ws, value, style) for value, style in zip(values, styles)]
        if not going_on:
            return _Row(cells, height)
        # the marker is counted in, so the height holds whether it is shown or not
        return _Row(cells, max(height, single_row([(marker, widths[1], BODY)])), continues=marker)

    plan.split(texts, row)


def _closing(content: ExportContent, st: Styles, ws, widths: list[float], plan: _Plan) -> None:
    """Version, review and the processor's signature lines, kept on one page. The same
    texts as the closing block of the PDF and Word annex (`annex_model.closing_block`)."""
    closing = closing_block(content, AnnexOptions(dpo_line=True), approval_info(content))
    n_columns = len(widths)
    plan.add(_Row([], 12, keep=True))
    plan.merged(closing.heading, "heading", HEADING, pad=10, keep=True)
    plan.merged(closing.version_line, "meta", BODY, keep=True)
    plan.merged(closing.review_line, "meta", BODY, keep=True)
    places = (1, 4, 5)  # place and date under "Maßnahme", name under "Umsetzung", signature under "Nachweise"
    for number, block in enumerate(closing.signatures, 1):
        plan.add(_Row([], 10, keep=True))
        plan.add(_Row([None, st.cell(ws, block.party, "label")], single_row([(block.party, widths[1], BOLD)]),
                      keep=True))
        line = [None] * n_columns
        labels = [None] * n_columns
        for place, text in zip(places, block.lines):
            line[place] = st.cell(ws, "", "sign")
            labels[place] = st.cell(ws, text, "sign_label")
        plan.add(_Row(line, 30, keep=True))
        plan.add(_Row(labels, single_row(), keep=number < len(closing.signatures)))
