"""How much room text takes in a spreadsheet cell, measured with the font's own advance widths
(`font_metrics`, from Liberation Sans = Arial's metrics and Carlito = Calibri's).

Spreadsheets do not grow a row to fit wrapped text when the file says how tall the row is,
and LibreOffice does not grow rows on opening at all: a row that is too short cuts the last
line off. So the workbook writer measures: it wraps each text the way a spreadsheet does
(greedy, at spaces; a word longer than the line is broken) into the column's width and sets
the row's height from the number of lines. Every rounding goes the safe way (a line breaks
only at spaces here, where the spreadsheet may also break after a hyphen; unknown characters
count as the widest glyph; the column loses its cell padding and 4 % more), so a row gets a
little air rather than a cut line.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections import defaultdict
from functools import lru_cache

from tom_audit.export.font_metrics import METRICS

# A column width unit is the digit width of the workbook's default font (Calibri 11: 7 px
# at 96 dpi); a column of width w is trunc(w * 7 + 5) px wide, of which the spreadsheet
# keeps about 3 px each side free (cell padding and grid line).
DIGIT_PX = 7
PADDING_PX = 7
SAFETY = 0.96
PT_PER_PX = 0.75
LINE_SPACING = 1.11  # the spreadsheet's line pitch over the font's own line height


@dataclass(frozen=True)
class TextStyle:
    font: str = "Arial"
    size: float = 10.0  # points
    bold: bool = False

    @property
    def line_height(self) -> float:
        """Points per line of wrapped text (Arial 10: 12.8; Calibri 11: 14.9)."""
        return round(self.size * _metrics(self.font, self.bold)[2] / 1000 * LINE_SPACING, 2)


def _metrics(font: str, bold: bool) -> tuple[dict[str, int], int, int]:
    return METRICS.get((font, bold)) or METRICS[("Arial", bold)]


@lru_cache(maxsize=None)
def _advances(font: str, bold: bool) -> defaultdict[str, int]:
    """Width by character; a character the table lacks counts as the widest glyph."""
    widths, widest, _ = _metrics(font, bold)
    return defaultdict(lambda: widest, widths)


def column_points(width: float) -> float:
    """The room for text in a column of `width` (Excel width units), in points."""
    pixels = int(width * DIGIT_PX + 5) - PADDING_PX
    return max(pixels, 1) * PT_PER_PX * SAFETY


@lru_cache(maxsize=65536)
def _word_width(word: str, font: str, bold: bool) -> int:
    return sum(map(_advances(font, bold).__getitem__, word))


def text_width(text: str, style: TextStyle) -> float:
    """Width of one line of `text` in points."""
    return _word_width(text, style.font, style.bold) * style.size / 1000


@lru_cache(maxsize=65536)
def wrapped_lines(text: str, room: float, style: TextStyle) -> int:
    """Lines `text` takes when wrapped into `room` points (line breaks in the text count).
    Cached: a workbook measures the same title or status in the same column on many rows
    and sheets."""
    scale = style.size / 1000
    units = room / scale  # the room in 1/1000 em
    widths, widest, _ = _metrics(style.font, style.bold)
    if len(text) * widest <= units and "\n" not in text:
        return 1  # fits even in the widest glyphs: most cells
    space = widths[" "]
    lines = 0
    for paragraph in text.split("\n"):
        if sum(map(_advances(style.font, style.bold).__getitem__, paragraph)) <= units:
            lines += 1
            continue
        used, count = 0.0, 1
        for word in paragraph.split(" "):
            size = _word_width(word, style.font, style.bold)
            if used and used + space + size <= units:
                used += space + size
                continue
            if used:
                count += 1
            if size > units:  # a word longer than the line is broken where it runs out
                used = 0.0
                for char in word:
                    step = widths.get(char, widest)
                    if used and used + step > units:
                        count += 1
                        used = 0.0
                    used += step
            else:
                used = size
        lines += count
    return lines
