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

from tom_audit.export.annex_model import AnnexDocument

TEMPLATE = "annex.typ"
PDF_STANDARD = "a-2b"


# A word or URL longer than a table column may break anywhere: a zero-width space between
# its characters (Typst would let it run out of its cell). Done here rather than by a
# show rule in the template, which costs a quarter of the compile time.
_LONG_WORD = re.compile(r"\S{28,}")


def _breakable(value):
    if isinstance(value, str):
        return _LONG_WORD.sub(lambda m: "\u200b".join(m.group()), value) if len(value) >= 28 else value
    if isinstance(value, list):
        return [_breakable(v) for v in value]
    if isinstance(value, dict):
        return {k: _breakable(v) for k, v in value.items()}
    return value


def render_pdf(document: AnnexDocument) -> bytes:
    """PDF bytes of `document`. Raises RuntimeError (from typst) only on a broken template."""
    import typst

    data = json.dumps(_breakable(document.as_data()), ensure_ascii=False)
    stamp = datetime.combine(document.properties.stand, time(12, 0), tzinfo=timezone.utc)
    with as_file(files("tom_audit.export") / "templates" / TEMPLATE) as template:
        return typst.compile(
            str(template), root=str(template.parent), sys_inputs={"annex": data},
            ignore_system_fonts=True, pdf_standards=PDF_STANDARD, timestamp=int(stamp.timestamp()),
        )
