"""Styles and layout for the workbook: fonts and fills, column widths that fit their
content, row heights measured for wrapped text (`text_width`; LibreOffice does not grow rows
by itself), print setup with page breaks that keep headings with their first rows, and a
row writer for openpyxl's write-only sheets."""

from __future__ import annotations

import weakref
from datetime import date, datetime

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties

from tom_audit.export.content import ExportContent
from tom_audit.export.text import cell_text, excel_date_format, format_date, needs_formula_guard, one_line
from tom_audit.export.text_width import (
    DIGIT_PX, PT_PER_PX, TextStyle, column_points, lines_up_to, split_after_lines, wrapped_lines,
)
from tom_audit.i18n import tr

FONT = "Arial"  # LibreOffice draws it with Liberation Sans, the same metrics
SIZE = 10
HEADER_FILL = "1F4E79"
STATUS_FILLS = {"implemented": "E2EFDA", "partial": "FFF2CC", "planned": "DDEBF7", "not_applicable": "EDEDED"}
RISK_FILLS = {"critical": "F4B6B6", "high": "F8CBAD", "medium": "FFE699", "low": "E2EFDA"}
ALERT_FILL = "FCE4E4"  # overdue gaps, expired evidence
ALERT_FONT = "9C0006"
DPO_FILL = "FFFBE6"  # the review columns the DPO fills in
CHANGED_FILL = "EAF1FB"  # a measure changed since the version given with --since
CHART_COLOURS = {"implemented": "70AD47", "partial": "FFC000", "planned": "5B9BD5",
                 "not_implemented": "C00000", "open": "A5A5A5"}

_thin = Side(style="thin", color="BFBFBF")
GRID = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_TOP = Alignment(vertical="top")
_WRAP = Alignment(vertical="top", wrap_text=True)


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", start_color=colour, end_color=colour)


class _Cell(Cell):
    """A styled cell for a write-only sheet, with a short repr (openpyxl puts repr(cell)
    into error messages it builds on the way) and its style's index in the workbook's style
    table known in advance (`_sid`; None: openpyxl looks it up when the cell is written)."""

    __slots__ = ("_sid",)

    def __repr__(self) -> str:
        return "<cell>"

    @property
    def style_id(self) -> int:
        sid = getattr(self, "_sid", None)
        return sid if sid is not None else Cell.style_id.fget(self)


_WORKBOOK_STYLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class Styles:
    """Named cell styles, each built and registered in the workbook's style table once; the
    cells of a style share its finished style array and index, which keeps styling 100,000+
    cells cheap (assigning font, fill, ... per cell costs 3-4× more, and looking each cell's
    style up in the table again when it is written costs about a fifth of the export).
    A cell's style is therefore never changed after `cell` made it (nothing here does).
    One set serves every sheet of a workbook (`Styles.of`)."""

    @classmethod
    def of(cls, ws, lang: str) -> Styles:
        """The styles of the workbook `ws` belongs to, built on its first sheet."""
        by_lang = _WORKBOOK_STYLES.setdefault(ws.parent, {})
        if lang not in by_lang:
            by_lang[lang] = cls(ws, lang)
        return by_lang[lang]

    def __init__(self, ws, lang: str):
        date_format = excel_date_format(lang)
        body = Font(name=FONT, size=SIZE)
        bold = Font(name=FONT, size=SIZE, bold=True)
        specs = {
            "title": dict(font=Font(name=FONT, size=16, bold=True, color=HEADER_FILL)),
            "subtitle_line": dict(font=Font(name=FONT, size=11, italic=True)),
            "section": dict(font=Font(name=FONT, size=12, bold=True, color=HEADER_FILL)),
            "meta": dict(font=body, alignment=_WRAP),
            "label": dict(font=bold, alignment=_WRAP),
            "value": dict(font=body, alignment=_WRAP),
            "value_date": dict(font=body, alignment=Alignment(vertical="top", horizontal="left"),
                               number_format=date_format),
            "value_int": dict(font=body, alignment=Alignment(vertical="top", horizontal="left")),
            "sign": dict(font=body, border=Border(bottom=Side(style="thin", color="000000"))),
            "sign_label": dict(font=body, alignment=Alignment(vertical="bottom")),
            "header": dict(font=Font(name=FONT, size=SIZE, bold=True, color="FFFFFF"), fill=_fill(HEADER_FILL),
                           alignment=Alignment(vertical="center", wrap_text=True), border=GRID),
            "cell": dict(font=body, alignment=_WRAP, border=GRID),
            "cell_bold": dict(font=bold, alignment=_WRAP, border=GRID),
            "cell_int": dict(font=body, alignment=_TOP, border=GRID),
            "cell_int_bold": dict(font=bold, alignment=_TOP, border=GRID),
            "cell_pct": dict(font=body, alignment=_TOP, border=GRID, number_format="0%"),
            "cell_pct_bold": dict(font=bold, alignment=_TOP, border=GRID, number_format="0%"),
            "cell_date": dict(font=body, alignment=_TOP, border=GRID, number_format=date_format),
            "cell_mono": dict(font=Font(name="Courier New", size=8), alignment=_WRAP, border=GRID),
            "cell_link": dict(font=Font(name=FONT, size=SIZE, color="0563C1", underline="single"),
                              alignment=_WRAP, border=GRID),
            "heading": dict(font=Font(name=FONT, size=11, bold=True, color=HEADER_FILL), fill=_fill("D9E1F2"),
                            alignment=Alignment(vertical="center", wrap_text=True), border=GRID),
            "goal": dict(font=Font(name=FONT, size=9, italic=True), alignment=_WRAP, border=GRID),
            "empty": dict(font=Font(name=FONT, size=SIZE, italic=True, color="7F7F7F"), alignment=_WRAP, border=GRID),
            "alert": dict(font=Font(name=FONT, size=SIZE, color=ALERT_FONT), fill=_fill(ALERT_FILL),
                          alignment=_WRAP, border=GRID),
            "alert_bold": dict(font=Font(name=FONT, size=SIZE, bold=True, color=ALERT_FONT), fill=_fill(ALERT_FILL),
                               alignment=_WRAP, border=GRID),
            "alert_date": dict(font=Font(name=FONT, size=SIZE, bold=True, color=ALERT_FONT), fill=_fill(ALERT_FILL),
                               alignment=_TOP, border=GRID, number_format=date_format),
            "alert_mono": dict(font=Font(name="Courier New", size=8, color=ALERT_FONT), fill=_fill(ALERT_FILL),
                               alignment=_WRAP, border=GRID),
            "dpo": dict(font=body, fill=_fill(DPO_FILL), alignment=_WRAP, border=GRID),
            "dpo_date": dict(font=body, fill=_fill(DPO_FILL), alignment=_TOP, border=GRID, number_format=date_format),
            "hidden": dict(font=Font(name=FONT, size=8, color="808080")),
            "cell_small": dict(font=Font(name=FONT, size=8.5, color="404040"), alignment=_WRAP, border=GRID),
            "changed": dict(font=body, fill=_fill(CHANGED_FILL), alignment=_WRAP, border=GRID),
        }
        for status, colour in STATUS_FILLS.items():
            specs[f"status_{status}"] = dict(font=body, fill=_fill(colour), alignment=_WRAP, border=GRID)
        for risk, colour in RISK_FILLS.items():
            specs[f"risk_{risk}"] = dict(font=bold if risk in ("critical", "high") else body, fill=_fill(colour),
                                         alignment=_WRAP, border=GRID)
        self._styles: dict[str, tuple[StyleArray, int]] = {}
        for name, spec in specs.items():
            template = Cell(ws, row=1, column=1)
            for attribute, value in spec.items():
                setattr(template, attribute, value)
            self._styles[name] = (template._style, template.style_id)

    def cell(self, ws, value, style: str | None = None) -> Cell:
        """A cell for `ws`: text through `cell_text`, stored as a string exactly as typed; a
        text a spreadsheet would read as a formula also gets the quotePrefix mark, so it is
        never computed (nor an error value such as "#N/A")."""
        array, sid = self._styles[style] if style else (StyleArray(), None)
        kind = type(value)
        if kind is str:
            value = cell_text(value)
            if needs_formula_guard(value):
                array, sid = array.__copy__(), None
                array.quotePrefix = 1
            return _plain_cell(ws, value, "s", array, sid)
        if kind is int or kind is float:
            return _plain_cell(ws, value, "n", array, sid)
        if value is None:
            return _plain_cell(ws, None, "n", array, sid)
        if isinstance(value, datetime):
            value = value.replace(tzinfo=None)
        # dates and the rest: openpyxl decides the type (and a date format, if none is set,
        # which is why such a cell's style is looked up when it is written)
        cell = _Cell(ws, row=1, column=1, value=value, style_array=array)
        cell._sid = None
        return cell


def _plain_cell(ws, value, data_type: str, array: StyleArray, sid: int | None) -> Cell:
    """A cell built without openpyxl's type sniffing (the hot path: every text and number
    of the workbook). row and column are placeholders; the row writer sets them."""
    cell = _Cell.__new__(_Cell)
    cell.parent = ws
    cell._style = array
    cell._sid = sid
    cell.row = cell.column = 1
    cell._value = value
    cell.data_type = data_type
    cell._hyperlink = None
    cell._comment = None
    return cell


# -- layout helpers --------------------------------------------------------------------

BODY = TextStyle(FONT, SIZE)
BOLD = TextStyle(FONT, SIZE, bold=True)
LINE_HEIGHT = BODY.line_height  # points per line of 10 pt text
PAD = 4.0  # points above and below the text of a row


def _style_of(style) -> TextStyle:
    """A TextStyle; a bare number is the older "density" (below 1: bold body text)."""
    if isinstance(style, TextStyle):
        return style
    return BOLD if style < 1.0 else BODY


def row_height(cells, line: float | None = None, pad: float = PAD) -> float | None:
    """The height (points) a row needs for its wrapped texts; None when one line of body
    text will do. `cells` are (value, column width, TextStyle) for the texts of the row,
    each measured with its font's metrics (`text_width`); `line` overrides the line pitch."""
    needed = 0.0
    multi = False
    for value, width, style in cells:
        if value and isinstance(value, str):
            if type(style) is not TextStyle:
                style = _style_of(style)
            lines = wrapped_lines(value, column_points(width), style)
            if lines > 1 or style.size > SIZE:
                multi = True
            height = lines * (line or style.line_height)
            if height > needed:
                needed = height
    return round(needed + pad, 2) if multi else None


def single_row(cells=(), line: float | None = None, pad: float = PAD) -> float:
    """Like `row_height`, but always a number: the height of a row of one line at least."""
    return row_height(cells, line, pad) or round((line or LINE_HEIGHT) + pad, 2)


# Excel's largest row height, 409 points ("Excel specifications and limits": row height
# 409 points): a row written taller is cut there. `RowWriter` writes no row taller; a text
# that needs more is cut off in the sheet's view and print, but the cell keeps all of it.
MAX_ROW_HEIGHT = 409.0


def split_row(cells, limit: float, pad: float = PAD) -> tuple[list, list | None]:
    """The values of a row cut to fit `limit` points: (the row's values, the values that go
    on in the row below, or None when nothing does).

    `cells` are (value, column width, TextStyle) as for `row_height`. A text keeps as many
    of its wrapped lines as fit in `limit` (one at least) and leaves the rest to the row below,
    cut by `split_after_lines`: at a line break or a space, which the cut takes (inside a word
    only where it is too long for a line), so text == head + that character + rest. A cell
    with nothing more gets None there."""
    head, rest = [], []
    for value, width, style in cells:
        cut = None
        if value and isinstance(value, str):
            lines = max(1, int((limit - pad) / style.line_height))
            cut = split_after_lines(value, column_points(width), style, lines)
        head.append(value if cut is None else cut[0])
        rest.append(None if cut is None else cut[1])
    return head, (rest if any(value is not None for value in rest) else None)


def least_height(cells, lines: int, pad: float = PAD) -> float:
    """The height (points) of the first `lines` lines of the row of `cells` (as for
    `row_height`): what a row cut with `split_row` needs at least to show them."""
    needed = 0.0
    for value, width, style in cells:
        if value and isinstance(value, str):
            needed = max(needed, lines_up_to(value, column_points(width), style, lines) * style.line_height)
    return round(needed + pad, 2)


def fit_widths(headers: list[str], columns: list[list], minimum: list[float], maximum: list[float]) -> list[float]:
    """Column widths that fit the longest line of each column, within [minimum, maximum]."""
    widths = []
    for i, header in enumerate(headers):
        longest = max((len(word) for word in header.split()), default=0) + 2
        for value in columns[i] if i < len(columns) else ():
            if isinstance(value, str):
                if len(value) + 2 > longest:  # else no line of it can be longer
                    longest = max(longest, max(map(len, value.split("\n"))) + 2)
            elif isinstance(value, (date, datetime)):
                longest = max(longest, 12)
            elif value is not None:
                longest = max(longest, max(map(len, str(value).split("\n"))) + 2)
            if longest >= maximum[i]:
                break
        widths.append(max(minimum[i], min(maximum[i], longest)))
    return widths


def set_widths(ws, widths: list[float]) -> None:
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _hf(text: str) -> str:
    """Text for a page header or footer: one line, at most FRAME_CHARS characters (as in the
    PDF and Word annex, `text.one_line`), and `&` starts a code there, so it is doubled."""
    return one_line(text).replace("&", "&&")


# A4 landscape in points, and the margins print_setup sets (inches)
PAGE_WIDTH, PAGE_HEIGHT = 841.89, 595.28
MARGIN_SIDE, MARGIN_TOP = 0.5, 0.75
# Our page breaks come this much before the spreadsheet's own: its scaling to the page
# width may round differently from ours, and a break of its own before ours would leave a
# heading alone at the foot of a page again.
PAGE_SAFETY = 0.93


def print_setup(ws, content: ExportContent, title_rows: str | None, fit_height: bool = False, *,
                internal: bool = True) -> None:
    """A4 landscape, fit to the page width, header rows on every page, a header that says
    "intern" on internal sheets, a footer with the organisation, the "Stand" and "page X of Y".
    Every sheet prints as a document of its own: `number_pages` finishes its footer."""
    lang = content.lang
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if fit_height else 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = MARGIN_SIDE
    ws.page_margins.top = ws.page_margins.bottom = MARGIN_TOP
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.left.text = _hf(tr("export.header", lang))
    ws.oddHeader.right.text = _hf(tr("annex.xlsx.internal", lang)) + " · &A" if internal else "&A"
    if getattr(content, "draft", False):  # "Entwurf" / "Draft" on every printed page
        ws.oddHeader.center.text = _hf(tr("approval.draft_mark", lang))
        ws.oddHeader.center.size = 12
        ws.oddHeader.center.font = f"{FONT},Bold"
        ws.oddHeader.center.color = ALERT_FONT
    ws.oddFooter.left.text = _hf(content.organisation or "")
    ws.oddFooter.center.text = _hf(tr("export.footer.stand", lang, date=format_date(content.stand, lang)))
    for part in (ws.oddHeader.left, ws.oddHeader.right, ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
        part.size = 8
        part.font = FONT


def number_pages(ws, content: ExportContent, pages: int) -> None:
    """The sheet's pages counted from 1 to `pages` in its footer ("Seite 2 von 7"), whatever
    the sheets printed before it: every page break is ours (`Pages`), or the sheet is fitted
    to one page, so the count is known. (A spreadsheet's own total, &N, counts every page of
    the print job in LibreOffice: internal pages after the annex read "Seite 20 von 39".)"""
    ws.page_setup.firstPageNumber = 1
    ws.page_setup.useFirstPageNumber = True
    ws.oddFooter.right.text = tr("export.footer.page", content.lang, pages=pages)
    ws.oddFooter.right.size = 8
    ws.oddFooter.right.font = FONT


def print_scale(widths: list[float]) -> float:
    """The factor "fit to page width" shrinks a sheet of these columns by (1 when it fits)."""
    sheet = sum(int(w * DIGIT_PX + 5) for w in widths) * PT_PER_PX
    room = PAGE_WIDTH - 2 * 72 * MARGIN_SIDE
    return min(1.0, int(room / sheet * 100) / 100)  # spreadsheets scale by whole percent


def page_capacity(widths: list[float]) -> float:
    """The printable height of one A4 landscape page, in sheet points (before scaling)."""
    return (PAGE_HEIGHT - 2 * 72 * MARGIN_TOP) / print_scale(widths) * PAGE_SAFETY


class Pages:
    """Rows filled into pages of `capacity` points, one after the other: a row that does not
    fit starts a new page, which first holds the title rows printed again (`repeat` points).
    A row taller than a page still goes on a page of its own. `count`: pages so far."""

    def __init__(self, capacity: float, repeat: float = 0.0):
        self.capacity = capacity
        self.repeat = repeat
        self.used = self.top = 0.0  # top: what a fresh page holds before any row
        self.count = 1

    def fits(self, height: float) -> bool:
        return self.used <= self.top or self.used + height <= self.capacity

    def new_page(self) -> None:
        self.count += 1
        self.top = self.used = self.repeat

    def add(self, height: float) -> None:
        self.used += height


class PagePlan:
    """Rows planned onto pages as they come, the way `plan_breaks` plans a list of them: a
    row added with `keep` stays on the page of the next one, a row that does not fit (with
    the rows kept for it) starts a new page, which first holds the title row printed again
    (`repeat` points). `starts`: the 0-based indices of the rows that start a new page."""

    def __init__(self, capacity: float, repeat: float = 0.0):
        self.pages = Pages(capacity, repeat)
        self.kept: list[float] = []  # heights of the rows waiting for the next
        self.count = 0
        self.starts: list[int] = []

    def add(self, height: float, keep: bool = False) -> bool:
        """Plans the next row, `height` points; True when it starts a new page (a row kept
        for the next one is planned with it: False until then)."""
        self.count += 1
        pages = self.pages
        if not self.kept and not keep:  # most rows: on their own
            if pages.fits(height):
                pages.add(height)
                return False
            self.starts.append(self.count - 1)
            pages.new_page()
            pages.add(height)
            return True
        self.kept.append(height)
        if keep:
            return False
        first = self.count - len(self.kept)
        if not pages.fits(sum(self.kept)):
            self.starts.append(first)
            pages.new_page()
        for offset, row in enumerate(self.kept):
            if not pages.fits(row):  # a block taller than a page
                self.starts.append(first + offset)
                pages.new_page()
            pages.add(row)
        self.kept.clear()
        return bool(self.starts) and self.starts[-1] == self.count - 1

    def room(self, least: float) -> float:
        """How tall the next row may be (points) and still fit on its page, with the rows kept
        for it: the room left on this page, or on the next when this one has less than `least`."""
        pages = self.pages
        kept = sum(self.kept)
        left = pages.capacity - pages.used - kept
        if left >= least:
            return left
        return max(least, pages.capacity - pages.repeat - kept)

    def finish(self) -> list[int]:
        """`starts`, with the rows still kept for a next one planned."""
        if self.kept:
            self.count -= 1
            self.add(self.kept.pop())
        return self.starts


def plan_breaks(heights: list[float], keep: list[bool], capacity: float, repeat: float = 0.0) -> list[int]:
    """Where the pages break: the 0-based indices of the rows that start a new page.

    `heights`: every row's height in points; `keep[i]`: row i stays on the page of row i+1
    (a heading with its control goal and its first measure); `capacity`: room on a page;
    `repeat`: the title row printed again at the top of every later page. Every page
    boundary is one of ours, so the page count is known (`len(result) + 1`)."""
    plan = PagePlan(capacity, repeat)
    for height, kept in zip(heights, keep):
        plan.add(height, kept)
    return plan.finish()


# What a row written without a height is counted as when pages are planned: one line of
# body text and its padding, more than a spreadsheet gives such a row (15 points at most).
DEFAULT_ROW = round(LINE_HEIGHT + PAD, 2)


class RowWriter:
    """Appends rows to a write-only sheet, setting each row's height before it is written.

    With `widths` (the printed columns) it also breaks the pages, before the spreadsheet
    would (`page_capacity`), and counts them (`pages.count`, for `number_pages`);
    `title_rows` (first, last) are the rows printed again at the top of every page."""

    def __init__(self, ws, widths: list[float] | None = None, title_rows: tuple[int, int] | None = None):
        self.ws = ws
        self.count = 0
        self.pages = Pages(page_capacity(widths)) if widths else None
        self.title_rows = title_rows
        self.streaming = hasattr(ws, "_values_to_row")
        if self.streaming:  # write-only: our cells go in as they are
            ws._values_to_row = _cells_to_row

    def add(self, cells: list, height: float | None = None) -> int:
        """Appends the row of `cells` (`Styles.cell`s or None), `height` points high (None: the
        spreadsheet's default), never more than `MAX_ROW_HEIGHT`. Returns its row number."""
        if height and height > MAX_ROW_HEIGHT:
            height = MAX_ROW_HEIGHT
        if self.pages is not None:
            counted = height or DEFAULT_ROW
            if not self.pages.fits(counted):
                self.page_break()
                self.pages.new_page()
            self.pages.add(counted)
            if self.title_rows and self.title_rows[0] <= self.count + 1 <= self.title_rows[1]:
                self.pages.repeat += counted
        self.count += 1
        if not height:
            self.ws.append(cells)
        elif self.streaming:
            # A write-only sheet writes the row's XML inside `append`, reading the row's
            # attributes from `row_dimensions`: the attributes a RowDimension of this height
            # gives, as a plain dict (building a RowDimension per row cost a tenth of the
            # export), dropped once the row is written (memory stays flat).
            dimensions = self.ws.row_dimensions
            dimensions[self.count] = {"ht": "%.16g" % height, "customHeight": "1"}
            self.ws.append(cells)
            del dimensions[self.count]
        else:
            self.ws.row_dimensions[self.count].height = height
            self.ws.append(cells)
        return self.count

    def page_break(self) -> None:
        """A page break after the last row written."""
        self.ws.row_breaks.append(Break(id=self.count))


def _cells_to_row(values, row_idx: int):
    """Replaces openpyxl's WriteOnlyWorksheet._values_to_row, which first tries every cell
    as a plain value (an exception per cell). Every value must be a cell (`Styles.cell`)."""
    for column, cell in enumerate(values, 1):
        if cell is None:
            continue
        if type(cell) is not _Cell and not isinstance(cell, Cell):
            raise TypeError(f"RowWriter takes cells (Styles.cell), not {type(cell).__name__}")
        cell.column = column
        cell.row = row_idx
        if cell._hyperlink is not None:
            cell._hyperlink.ref = cell.coordinate
        yield cell
