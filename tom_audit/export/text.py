"""Small text helpers shared by every export format: cell escaping, dates and numbers.
(Parsing dates and adding months: `tom_audit.logic.lint`, so both read dates alike.)

Plain Python, no openpyxl: the row builders and tests use them without opening Excel.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

# A cell whose text starts with one of these is read as a formula by Excel or LibreOffice,
# on opening, on editing the cell, or when the sheet goes through CSV (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"  # how workbooks before the quotePrefix guard escaped a trigger (still read back)


def needs_formula_guard(text: str) -> bool:
    """True when a spreadsheet would take `text` for a formula. The workbook writer then
    stores the cell as a string with the `quotePrefix` style (Excel's "text, not formula"
    mark, shown as nothing): the cell shows exactly what the user wrote and never computes."""
    return bool(text) and text.startswith(FORMULA_TRIGGERS)


# What no export format may carry: C0 controls but tab and LF, DEL, C1 controls (XML 1.0
# forbids or discourages them, terminals obey them), lone surrogates (not encodable as
# UTF-8) and noncharacters (U+FFFE, U+FFFF, U+FDD0-U+FDEF, U+nFFFE/F; not allowed in XML).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                     + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
                     + "]")
_LINE_BREAKS = re.compile("[\t\n\u2028\u2029]+")
MAX_CELL_CHARS = 32_767  # Excel's limit per cell, in UTF-16 code units


def safe_text(text: object, *, line: bool = False) -> str:
    """The one sanitiser for every string an exporter writes (cells, document properties,
    headers and footers, sheet names, hyperlinks, Markdown, JSON, PDF, DOCX).

    In: any object (None gives ""). Out: text that every format can hold: CR LF and CR
    become LF; characters no format may carry (see `_UNSAFE`) become U+FFFD. With
    `line=True` (sheet names, headers, footers, document properties, link targets) tabs
    and line breaks become one space. Text the loader accepted (tom_audit.text_rules)
    passes unchanged but for line ends; this is the last line of defence for text from
    elsewhere (file names, catalogue add-ons, other tools' files)."""
    value = "" if text is None else text if isinstance(text, str) else str(text)
    if value.isprintable():
        # No control, separator other than space, surrogate or unassigned code point
        # (noncharacters are never assigned): nothing to do, and 10× faster than the search.
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _UNSAFE.search(value):
        value = _UNSAFE.sub("\ufffd", value)
    if line and _LINE_BREAKS.search(value):
        value = _LINE_BREAKS.sub(" ", value).strip()
    return value


ELLIPSIS = "…"
# At most this many characters in one part of a page header or footer, in every format: Excel
# takes 255 for a whole header (left, centre and right part with their codes).
FRAME_CHARS = 100


def one_line(text: object, limit: int = FRAME_CHARS, fits: Callable[[str], bool] | None = None) -> str:
    """Text for one part of a page header or footer. In: any text; `fits` (optional) says
    whether a text fits the part's room. Out: one line (`safe_text(line=True)`) of at most
    `limit` characters that `fits` accepts; what had to be cut ends in "…"."""
    value = safe_text(text, line=True)
    if len(value) <= limit and (fits is None or fits(value)):
        return value
    keep = min(len(value), limit - 1)
    if fits is not None:  # the longest start that fits together with the ellipsis
        low, high = 0, keep
        while low < high:
            middle = (low + high + 1) // 2
            if fits(value[:middle].rstrip() + ELLIPSIS):
                low = middle
            else:
                high = middle - 1
        keep = low
    return value[:keep].rstrip() + ELLIPSIS


def _utf16_units(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


def fits_cell(text: str) -> bool:
    """Whether `text` (as `cell_text` returns it) fits an Excel cell uncut."""
    return len(text) <= MAX_CELL_CHARS // 2 or _utf16_units(text) <= MAX_CELL_CHARS


def cell_text(text: str) -> str:
    """Any text bound for a spreadsheet cell: through `safe_text`, and text longer than a
    cell holds (32,767 UTF-16 code units) cut with an ellipsis (`export` and lint TOM055 say
    so). A leading formula trigger stays as typed: the cell writer marks such a cell instead
    (`needs_formula_guard`, quotePrefix)."""
    if text.isprintable() and len(text) <= MAX_CELL_CHARS // 2:
        return text  # most cells: nothing to clean, nothing to cut
    text = safe_text(text)
    if not fits_cell(text):
        text = text[: MAX_CELL_CHARS - 1]
        while _utf16_units(text) > MAX_CELL_CHARS - 1:
            text = text[:-((_utf16_units(text) - MAX_CELL_CHARS + 2) // 2 or 1)]
        text += "…"
    return text




def unescape_cell_text(text: str) -> str:
    """A cell we wrote, as the user typed it: workbooks exported before the quotePrefix
    guard carry an apostrophe in front of a formula trigger, which is dropped here."""
    if text and text.startswith(ESCAPE) and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def format_date(value: date | None, lang: str) -> str:
    if value is None:
        return ""
    return value.strftime("%d.%m.%Y") if lang == "de" else value.isoformat()


def excel_date_format(lang: str) -> str:
    return "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"


def format_number(value: float | int, lang: str) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "de" else text


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(text: str) -> str:
    """A worksheet name Excel accepts: one line, none of []:*?/\\, no apostrophe at either
    end, at most 31 characters (ECMA-376 / Excel's rules)."""
    name = _SHEET_FORBIDDEN.sub("-", safe_text(text, line=True)).strip("'")
    return name[:31] or "-"


# Which stored field a too-long cell comes from, for the warning (i18n text.field.<name>)
_CELL_FIELDS = {("annex", "description"): "note", ("annex", "evidence"): "evidence.ref",
                ("actions", "description"): "gap.description", ("actions", "action"): "gap.action",
                ("actions", "owner"): "owner", ("evidence", "description"): "evidence.description",
                ("evidence", "ref"): "evidence.ref", ("review", "note"): "note", ("review", "comment"): "review.comment"}


def overlong_cells(content) -> list[tuple[str, str, int]]:
    """The cells of the workbook of `content` (export.content.ExportContent) that `cell_text`
    will cut: (measure id, field as in text.field.<field>, length in UTF-16 code units), once
    per measure and field, in the order of the workbook."""
    found: dict[tuple[str, str], int] = {}
    for part in ("annex", "actions", "evidence", "review"):
        for row in getattr(content, part):
            for (where, name), label in _CELL_FIELDS.items():
                if where != part:
                    continue
                value = getattr(row, name, None)
                if isinstance(value, str) and not fits_cell(safe_text(value)):
                    key = (row.measure_id, label)
                    found.setdefault(key, _utf16_units(value))
    return [(mid, label, length) for (mid, label), length in found.items()]
