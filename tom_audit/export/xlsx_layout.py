"""Styles and layout for the workbook: fonts and fills, column widths that fit their
content, row heights for wrapped text (LibreOffice does not grow rows by itself), print
setup, and a row writer for openpyxl's write-only sheets."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from tom_audit.export.content import ExportContent
from tom_audit.export.text import cell_text, excel_date_format, format_date
from tom_audit.i18n import tr

FONT = "Arial"
SIZE = 10
LINE_HEIGHT = 12.75  # points per line of 10 pt text
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
    """A styled cell for a write-only sheet. `ws.append` first tries to store the cell as a
    value, which fails with an error message that includes repr(cell); a short repr keeps
    that cheap (it happens for every cell)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<cell>"


class Styles:
    """Named cell styles, each built once; cells copy the finished style array, which keeps
    styling 100,000+ cells cheap (assigning font, fill, ... per cell costs 3-4× more)."""

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
            "changed": dict(font=body, fill=_fill(CHANGED_FILL), alignment=_WRAP, border=GRID),
        }
        for status, colour in STATUS_FILLS.items():
            specs[f"status_{status}"] = dict(font=body, fill=_fill(colour), alignment=_WRAP, border=GRID)
        for risk, colour in RISK_FILLS.items():
            specs[f"risk_{risk}"] = dict(font=bold if risk in ("critical", "high") else body, fill=_fill(colour),
                                         alignment=_WRAP, border=GRID)
        self._arrays = {}
        for name, spec in specs.items():
            template = Cell(ws, row=1, column=1)
            for attribute, value in spec.items():
                setattr(template, attribute, value)
            self._arrays[name] = template._style

    def cell(self, ws, value, style: str | None = None) -> Cell:
        if isinstance(value, str):
            value = cell_text(value)
        elif isinstance(value, datetime):
            value = value.replace(tzinfo=None)
        # row and column are placeholders, as in openpyxl's WriteOnlyCell; append() sets them
        if style is None:
            return _Cell(ws, row=1, column=1, value=value)
        return _Cell(ws, row=1, column=1, value=value, style_array=self._arrays[style].__copy__())


# -- layout helpers --------------------------------------------------------------------

# Characters of 10 pt text per unit of column width. A width unit is the digit width of
# the workbook's default font (Calibri 11, 7 px), and mixed German text in Arial 10 (or
# DejaVu Sans, which LibreOffice uses without Arial) runs at 1.3-1.4 characters per unit;
# rows are sized for 1.2 so that they rather get a little air than cut a line off.
CHARS_PER_WIDTH = 1.2


def wrapped_lines(text: str, chars: int) -> int:
    """How many lines `text` takes when wrapped at word boundaries into lines of `chars`."""
    lines = 0
    for paragraph in text.split("\n"):
        if len(paragraph) <= chars:
            lines += 1
            continue
        used, count = 0, 1
        for word in paragraph.split(" "):
            size = len(word)
            if used and used + 1 + size <= chars:
                used += 1 + size
                continue
            if used:
                count += 1
            while size > chars:  # a word longer than the line is broken
                count += 1
                size -= chars
            used = size
        lines += count
    return lines


def row_height(cells, line: float = LINE_HEIGHT, pad: float = 3.0) -> float | None:
    """The height (points) a row needs for its wrapped texts; None when one line will do.
    `cells` are (value, column width, density): density below 1 for bold or bigger text."""
    lines = 1
    for value, width, density in cells:
        if isinstance(value, str) and value:
            chars = max(int(width * CHARS_PER_WIDTH * density) - 1, 1)
            if len(value) > chars or "\n" in value:
                lines = max(lines, wrapped_lines(value, chars))
    return lines * line + pad if lines > 1 else None


def fit_widths(headers: list[str], columns: list[list], minimum: list[float], maximum: list[float]) -> list[float]:
    """Column widths that fit the longest line of each column, within [minimum, maximum]."""
    widths = []
    for i, header in enumerate(headers):
        longest = max((len(word) for word in header.split()), default=0) + 2
        for value in columns[i] if i < len(columns) else ():
            if isinstance(value, (date, datetime)):
                longest = max(longest, 12)
            elif value is not None:
                longest = max(longest, max(len(line) for line in str(value).split("\n")) + 2)
            if longest >= maximum[i]:
                break
        widths.append(max(minimum[i], min(maximum[i], longest)))
    return widths


def set_widths(ws, widths: list[float]) -> None:
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


def _hf(text: str) -> str:
    """Text for a page header or footer: `&` starts a code there, so it is doubled."""
    return text.replace("&", "&&")


def print_setup(ws, content: ExportContent, title_rows: str | None, fit_height: bool = False) -> None:
    """A4 landscape, fit to the page width, header rows on every page, a footer with the
    organisation, the "Stand" and "page X of Y"."""
    lang = content.lang
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if fit_height else 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.left.text = _hf(tr("export.header", lang))
    ws.oddHeader.right.text = "&A"
    if getattr(content, "draft", False):  # "Entwurf" / "Draft" on every printed page
        ws.oddHeader.center.text = _hf(tr("approval.draft_mark", lang))
        ws.oddHeader.center.size = 12
        ws.oddHeader.center.font = f"{FONT},Bold"
        ws.oddHeader.center.color = ALERT_FONT
    ws.oddFooter.left.text = _hf(content.organisation or "")
    ws.oddFooter.center.text = _hf(tr("export.footer.stand", lang, date=format_date(content.stand, lang)))
    ws.oddFooter.right.text = tr("export.footer.page", lang)  # contains &P and &N
    for part in (ws.oddHeader.left, ws.oddHeader.right, ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
        part.size = 8
        part.font = FONT


class RowWriter:
    """Appends rows to a write-only sheet, setting each row's height before it is written."""

    def __init__(self, ws):
        self.ws = ws
        self.count = 0

    def add(self, cells: list, height: float | None = None) -> int:
        self.count += 1
        if height:
            self.ws.row_dimensions[self.count].height = height
        self.ws.append(cells)
        return self.count
