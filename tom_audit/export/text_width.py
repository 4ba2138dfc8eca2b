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

import math
from bisect import bisect_right
from dataclasses import dataclass
from collections import defaultdict
from functools import cached_property, lru_cache
from itertools import accumulate, islice
from typing import Iterator

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

    @cached_property  # asked for every measured cell
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


@lru_cache(maxsize=1024)
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

    The spreadsheet's greedy wrap: a line takes words while they fit, spaces that would
    open a line are dropped, and a word longer than a line is broken where it runs out
    (at least one character per line). Cached: a workbook measures the same title or
    status in the same column on many rows and sheets."""
    # Widths are whole 1/1000 em, so the room can be too: nothing fits in the fraction.
    units = math.floor(room / (style.size / 1000))
    widths, widest, _ = _metrics(style.font, style.bold)
    if len(text) * widest <= units and "\n" not in text:
        return 1  # fits even in the widest glyphs: most cells
    cache = _word_widths(style.font, style.bold)
    if "\n" not in text:
        return _paragraph_lines(text.split(" "), units, cache, widths[" "], style)
    return sum(_paragraph_lines(paragraph.split(" "), units, cache, widths[" "], style)
               for paragraph in text.split("\n"))


def _paragraph_lines(words: list[str], units: int, cache: dict[str, int], space: int, style: TextStyle) -> int:
    sizes = list(map(cache.get, words))
    if None in sizes:
        sizes = [_remember(cache, word, style) if size is None else size for word, size in zip(words, sizes)]
    # ends[k]: the width of words[:k], each followed by a space; words i..k-1 on one line
    # take ends[k] - ends[i] - space (every character is wider than 0, so only an empty
    # word is 0 wide: one that opens a line is dropped, as a spreadsheet drops the space)
    ends = list(accumulate(map(space.__add__, sizes), initial=0))
    count, lines, index, used = len(words), 0, 0, 0
    while True:
        if not used:
            while index < count and not sizes[index]:
                index += 1
            lines += 1
        if index >= count:
            return lines
        limit = ends[index] + units - used + (0 if used else space)
        fits = bisect_right(ends, limit, index) - 1  # words[index:fits] fit on this line
        if fits >= count:
            return lines
        if fits > index:
            index, used = fits, 0
        elif used:
            used = 0  # the word opens the next line
        else:  # a word too long for a line, broken where it runs out
            broken, used = _broken_word(words[index], units, style)
            lines += broken - 1
            index += 1


def _broken_word(word: str, units: int, style: TextStyle) -> tuple[int, int]:
    """(lines, width of the last line) of a word broken into lines of `units` width."""
    lines, used = 1, 0
    for step in map(_advances(style.font, style.bold).__getitem__, word):
        if used and used + step > units:
            lines += 1
            used = 0
        used += step
    return lines, used


def split_after_lines(text: str, room: float, style: TextStyle, lines: int) -> tuple[str, str] | None:
    """`text` cut where its line `lines + 1` starts when wrapped into `room` points (the wrap
    of `wrapped_lines`), or None when it takes at most `lines` (at least 1) lines.

    Returns (head, rest): `head` takes `lines` lines, `rest` the others, wrapped as they were.
    `text` is head + the one character at the cut + rest: the line break or the space a
    spreadsheet drops there; nothing ("") only inside a word too long for a line. Reads no
    further into `text` than the cut: a text of a million characters is cut as fast as any."""
    cut = next(islice(_line_starts(text, room, style), max(lines, 1), None), None)
    if cut is None or cut >= len(text):
        return None  # nothing after the cut but the spaces or line break that end `text`: those stay
    gap = 1 if text[cut - 1] in " \n" else 0
    return text[:cut - gap], text[cut:]


def lines_up_to(text: str, room: float, style: TextStyle, most: int) -> int:
    """`wrapped_lines`, counted no further than `most`: min(most, the lines `text` takes)."""
    return sum(1 for _ in islice(_line_starts(text, room, style), max(most, 0)))


def _line_starts(text: str, room: float, style: TextStyle) -> Iterator[int]:
    """Where each line of `text` wrapped into `room` points starts (offsets), one after the
    other as asked for: the wrap of `wrapped_lines` (`_paragraph_lines`) word by word, which
    the tests hold to the lines it counts; kept apart from it, which runs for every cell."""
    units = math.floor(room / (style.size / 1000))
    advances = _advances(style.font, style.bold)
    space = advances[" "]
    start = 0
    while True:  # paragraph by paragraph
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield from _paragraph_starts(text, start, end, units, advances, space)
        if end == len(text):
            return
        start = end + 1


def _paragraph_starts(text: str, start: int, end: int, units: int, advances, space: int) -> Iterator[int]:
    """The line starts of the paragraph text[start:end] (see `_line_starts`)."""
    def words() -> Iterator[tuple[int, int, str]]:  # (offset, width, word) of each word between spaces
        position = start
        while True:
            gap = text.find(" ", position, end)
            stop = end if gap < 0 else gap
            word = text[position:stop]
            yield position, sum(map(advances.__getitem__, word)), word
            if gap < 0:
                return
            position = gap + 1

    following = words()
    current = next(following)
    opening = start  # the first line starts with the paragraph, spaces or not
    while True:  # line by line
        while current is not None and not current[1]:  # spaces that would open a line are dropped
            current = next(following, None)
        yield opening if opening is not None else end if current is None else current[0]
        opening = None
        if current is None:
            return
        offset, line, word = current  # line: the width used on the line
        if line > units:  # a word too long for a line, broken where it runs out; its end opens the next
            line = 0
            for index, step in enumerate(map(advances.__getitem__, word)):
                if line and line + step > units:
                    yield offset + index
                    line = 0
                line += step
        current = next(following, None)
        while current is not None and line + space + current[1] <= units:
            line += space + current[1]
            current = next(following, None)
        if current is None:
            return


@lru_cache(maxsize=None)
def _word_widths(font: str, bold: bool) -> dict[str, int]:
    return {}


def _remember(cache: dict[str, int], word: str, style: TextStyle) -> int:
    if len(cache) > 200_000:  # words of every export of a long session: keep memory bounded
        cache.clear()
    size = cache[word] = sum(map(_advances(style.font, style.bold).__getitem__, word))
    return size


def clear_caches() -> None:
    """Forget every measured text and word, as in a fresh process (the benchmark's cold runs)."""
    wrapped_lines.cache_clear()
    _word_width.cache_clear()
    _word_widths.cache_clear()  # the next call starts an empty dict
