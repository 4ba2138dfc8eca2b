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
ESCAPE = "'"  # how workbooks before the quotePrefix guard escaped a trigger (still read back)


def needs_formula_guard(text: str) -> bool:
    """True when a spreadsheet would take `text` for a formula. The workbook writer then
    stores the cell as a string with the `quotePrefix` style (Excel's "text, not formula"
    mark, shown as nothing): the cell shows exactly what the user wrote and never computes."""
    return bool(text) and text.startswith(FORMULA_TRIGGERS)


# Control characters that the xlsx format cannot hold (tab, LF and CR are fine)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAX_CELL_CHARS = 32_767  # Excel's limit per cell


def cell_text(text: str) -> str:
    """Any text bound for a spreadsheet cell: characters the format cannot hold become
    U+FFFD and overlong text is cut with an ellipsis. A leading formula trigger stays as
    typed: the cell writer marks such a cell instead (`needs_formula_guard`)."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("\ufffd", text)
    if len(text) > MAX_CELL_CHARS:
        text = text[: MAX_CELL_CHARS - 1] + "…"
    return text


_NOT_IN_DOCUMENTS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Any user text bound for a document (PDF, Word): characters no document format can
    hold (C0 controls but tab and line breaks, lone surrogates, non-characters) become
    U+FFFD; CR LF and CR become LF. Nothing else changes: the text is data, never markup."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NOT_IN_DOCUMENTS.search(text):
        text = _NOT_IN_DOCUMENTS.sub("\ufffd", text)
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
