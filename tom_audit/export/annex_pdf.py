"""The annex as PDF: the Typst template `templates/annex.typ` over the JSON of the model.

Typst (the `typst` wheel: the compiler itself, no system dependencies) lays out the pages.
The model goes in as data (`sys.inputs.annex`, a JSON string the template decodes), never
as markup, so nothing a user typed can change the document's structure. Only Typst's own
embedded fonts are used (system fonts ignored) and the PDF carries a fixed timestamp (the
assessment's "Stand"), so the same assessment gives the same bytes on every machine; the
file is PDF/A-2b, the archival profile.
"""

from __future__ import annotations

import functools
import json
import re
from datetime import datetime, time, timezone
from importlib.resources import as_file, files

from tom_audit.export.annex_model import AnnexDocument, AnnexError
from tom_audit.export.font_metrics import METRICS
from tom_audit.export.text_width import TextStyle, text_width

TEMPLATE = "annex.typ"
PDF_STANDARD = "a-2b"


# Typst breaks lines at spaces, after hyphens and slashes, and inside URLs, never inside a
# word (hyphenation is off: it would add hyphens to what the organisation wrote). A piece
# between those break points that is wider than its column would run out of its cell, so it
# alone gets break opportunities: after "_", "." or "\\" first, else between its characters
# (zero-width spaces, which also end up in the PDF's text). Widths come from Libertinus
# Serif's own metrics (`font_metrics`, as Typst measures it), so a word that fits stays as
# typed and searchable. Done here rather than by a show rule in the template, which costs a
# quarter of the compile time.
_PIECE = re.compile(r"[^-/]+[-/]*|[-/]+")
_SUB_PIECE = re.compile(r"[^_.\\]+[_.\\]*|[_.\\]+")
_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# Room (points) for one piece, by the model's field: the "Nr." column (1.7 cm less its
# insets, 9 pt text), the measure column (about 335 pt: bold title, text, 8.5 pt evidence), the
# narrowest other column (the title block's values, about 280 pt).
_ROOM = {"id": 38.0, "title": 330.0, "text": 330.0, "evidence": 330.0}
_ROOM_TEXT = 280.0
_SIZE = {"id": 9.0, "evidence": 8.5}
_LEAVE = frozenset({"status", "kind", "lang", "properties"})  # looked up by the template, or metadata


def _breakable(value, key: str | None = None):
    """`value` (the model as data) with break opportunities in pieces too wide for their
    column; `key`: the field `value` sits in (decides the room, and bold for titles)."""
    if isinstance(value, str):
        style, room, run = _measure_for(key)
        return run.sub(lambda match: _break_run(match.group(), style, room), value) if len(value) > 3 else value
    if isinstance(value, list):
        return [_breakable(v, key) for v in value]
    if isinstance(value, dict):
        return {k: v if k in _LEAVE else _breakable(v, k) for k, v in value.items()}
    return value


@functools.lru_cache(maxsize=None)
def _measure_for(key: str | None) -> tuple[TextStyle, float, re.Pattern]:
    """(style, room, runs that may be too wide: those longer than the room holds of the
    widest glyph) for a field."""
    style = TextStyle("Libertinus Serif", _SIZE.get(key, 10.0), bold=key == "title")
    room = _ROOM.get(key, _ROOM_TEXT)
    widest = METRICS[(style.font, style.bold)][1] * style.size / 1000
    return style, room, re.compile(r"\S{%d,}" % (int(room / widest) + 1))


def _break_run(run: str, style: TextStyle, room: float) -> str:
    if text_width(run, style) <= room or _URL.search(run):
        return run  # fits; or a URL, which Typst breaks itself and which stays one link to copy
    return "".join(_break_piece(piece, style, room) for piece in _PIECE.findall(run))


def _break_piece(piece: str, style: TextStyle, room: float) -> str:
    if text_width(piece, style) <= room:
        return piece
    return "\u200b".join("\u200b".join(part) if text_width(part, style) > room else part
                          for part in _SUB_PIECE.findall(piece))


class UndisplayableText(AnnexError):
    """No font can draw `text` (one character or cluster, as Typst reports it): PDF/A allows
    no missing glyph. `places`: the measures and sub-processors that hold it (empty: the
    title block, header or closing)."""

    def __init__(self, text: str, places: list[str]):
        super().__init__("export.pdf.undisplayable", text=text, code=" ".join(f"U+{ord(c):04X}" for c in text),
                         places=", ".join(places))
        self.text = text
        self.places = places


_MISSING_GLYPH = re.compile(r"the text `?\"(.+?)\"`? could not be displayed")


def render_pdf(document: AnnexDocument) -> bytes:
    """PDF bytes of `document`, with Typst's embedded fonts only (the same bytes on every
    machine). Text they cannot draw (Chinese, Japanese, emoji, ...) is drawn with the fonts
    installed on this machine instead, if one has the glyph. Raises UndisplayableText when
    no font has it; RuntimeError (from typst) only on a broken template."""
    import typst

    data = json.dumps(_breakable(document.as_data()), ensure_ascii=False)  # metadata as typed
    stamp = datetime.combine(document.properties.stand, time(12, 0), tzinfo=timezone.utc)
    with as_file(files("tom_audit.export") / "templates" / TEMPLATE) as template:
        for system_fonts in (False, True):
            try:
                return typst.compile(
                    str(template), root=str(template.parent), sys_inputs={"annex": data},
                    ignore_system_fonts=not system_fonts, pdf_standards=PDF_STANDARD,
                    timestamp=int(stamp.timestamp()),
                )
            except typst.TypstError as error:
                missing = _MISSING_GLYPH.search(str(error))
                if missing is None:
                    raise
        raise UndisplayableText(missing.group(1), _places(document, missing.group(1)))


def _places(document: AnnexDocument, text: str) -> list[str]:
    """The measures (ids) and sub-processors (names) whose texts hold `text`; empty when it
    is elsewhere (organisation, contract, title block)."""
    places: list[str] = []

    def walk(value, place: str | None) -> None:
        if isinstance(value, str):
            if place and text in value and place not in places:
                places.append(place)
        elif isinstance(value, list):
            for item in value:
                walk(item, place)
        elif isinstance(value, dict):
            own = value.get("id") if "status" in value else value.get("title") if "fields" in value else None
            for item in value.values():
                walk(item, own or place)

    walk(document.as_data()["sections"], None)
    return places
