"""The rule for measure ids, in one place (mirrored by `$defs/measure_id` of the catalogue
schema; a test keeps the two equal).

Our own ids look like `ACC-01`; imported measures keep their source's id exactly as written:
Grundschutz++ `ASST.1.1.1`, IT-Grundschutz 2023 `ORP.4.A8`, ISO/IEC 27001 `5.15`, BSI C5
`OIS-01`. So an id is 1 to 64 letters, digits, dots, hyphens and underscores, starting and
ending with a letter or digit: nothing that a shell, a file name or a spreadsheet would treat
specially.
"""

from __future__ import annotations

import re

MEASURE_ID_PATTERN = r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$"
_MEASURE_ID = re.compile(MEASURE_ID_PATTERN)


def is_measure_id(value: object) -> bool:
    """True if `value` is a string that may be a measure id."""
    return isinstance(value, str) and _MEASURE_ID.fullmatch(value) is not None


def slug(value: str, fallback: str = "x") -> str:
    """A category or catalogue id (`^[a-z][a-z0-9_-]{0,63}$`) made from any text:
    `ASST.1` -> `asst-1`, `Organisation (OIS)` -> `organisation-ois`."""
    text = re.sub(r"[^a-z0-9]+", "-", value.casefold().replace("ß", "ss")
                  .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")).strip("-")
    if not text or not text[0].isalpha():
        text = f"{fallback}-{text}" if text else fallback
    return text[:64].rstrip("-")
