"""Small text helpers shared by every export format: cell escaping, dates and numbers.
(Parsing dates and adding months: `tom_audit.logic.lint`, so both read dates alike.)

Plain Python, no openpyxl: the row builders and tests use them without opening Excel.
"""

from __future__ import annotations

import re
from datetime import date

# A cell whose text starts with one of these is read as a formula by Excel or LibreOffice,
# on opening, on editing the cell, or when the sheet goes through CSV (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"


def escape_cell_text(text: str) -> str:
    """Text a user typed, made safe for a spreadsheet cell: a leading formula trigger gets
    an apostrophe in front, so the cell shows the text and never computes it."""
    if text and text.startswith(FORMULA_TRIGGERS):
        return ESCAPE + text
    return text


# Control characters that the xlsx format cannot hold (tab, LF and CR are fine)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_CELL_CHARS = 32_767  # Excel's limit per cell


def cell_text(text: str) -> str:
    """Any text bound for a spreadsheet cell: characters the format cannot hold become
    U+FFFD, overlong text is cut with an ellipsis, and a formula trigger is escaped."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("\ufffd", text)
    text = escape_cell_text(text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


def unescape_cell_text(text: str) -> str:
    """The inverse of `escape_cell_text`, for reading a cell we wrote (import of a review)."""
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
