"""The annex as PDF: the Typst template `templates/annex.typ` over the JSON of the model.

Typst (the `typst` wheel: the compiler itself, no system dependencies) lays out the pages.
The model goes in as data (`sys.inputs.annex`, a JSON string the template decodes), never
as markup, so nothing a user typed can change the document's structure. Only Typst's own
embedded fonts are used (system fonts ignored) and the PDF carries a fixed timestamp (the
assessment's "Stand"), so the same assessment gives the same bytes on every machine; the
file is PDF/A-2b, the archival profile.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, time, timezone
from importlib.resources import as_file, files

from tom_audit.export.annex_model import AnnexDocument, AnnexError
from tom_audit.export.text_width import TextStyle, text_width

TEMPLATE = "annex.typ"
PDF_STANDARD = "a-2b"


# Typst breaks lines at spaces, after hyphens and slashes, and inside URLs, never inside a
# word (hyphenation is off: it would add hyphens to what the organisation wrote). A piece
# between those break points that is wider than the narrowest column free text goes into
# (the measure column, about 330 pt) would run out of its cell, so it alone gets a break
# opportunity between its characters: zero-width spaces, which also end up in the PDF's
# text. Widths are estimated with Arial bold's metrics, wider than Libertinus Serif's, so
# a word of ordinary length ("Datenschutzfolgenabschätzung") stays as typed and searchable.
# Done here rather than by a show rule in the template, which costs a quarter of the compile.
_RUN = re.compile(r"\S{20,}")
_PIECE = re.compile(r"[^-/]+[-/]*|[-/]+")
_SUB_PIECE = re.compile(r"[^_.\\]+[_.\\]*|[_.\\]+")
_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_PIECE_ROOM = 300.0  # points at 10 pt: what a piece may take before it is broken
_ESTIMATE = TextStyle("Arial", 10, bold=True)


def _breakable(value):
    """`value` (the model as data) with break opportunities in pieces too wide for a line."""
    if isinstance(value, str):
        return _RUN.sub(_break_run, value) if len(value) >= 20 else value
    if isinstance(value, list):
        return [_breakable(v) for v in value]
    if isinstance(value, dict):
        return {k: _breakable(v) for k, v in value.items()}
    return value


def _break_run(match: re.Match) -> str:
    run = match.group()
    if _URL.match(run):
        return run  # Typst breaks a URL itself, and the URL stays one link to copy
    return "".join(_break_piece(piece) for piece in _PIECE.findall(run))


def _break_piece(piece: str) -> str:
    """A piece too wide for a line breaks after "_", "." or "\\" (file names, paths), and a
    part still too wide between any two characters."""
    if text_width(piece, _ESTIMATE) <= _PIECE_ROOM:
        return piece
    return "\u200b".join("\u200b".join(part) if text_width(part, _ESTIMATE) > _PIECE_ROOM else part
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

    data = document.as_data()
    body = _breakable({k: v for k, v in data.items() if k != "properties"})  # not the PDF's metadata
    data = json.dumps({**body, "properties": data["properties"]}, ensure_ascii=False)
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
