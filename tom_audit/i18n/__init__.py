"""UI, CLI and export strings, one module per language (de first, en second).

`tr(key, lang, **params)` formats the string for `key`; the current language is set once by
the shell (CLI flag, TUI toggle) and defaults to German, or to TOM_AUDIT_LANG.
"""

from __future__ import annotations

import os
import re
from typing import Any

from tom_audit.i18n import de, en

LANGUAGES = ("de", "en")
_TABLES = {"de": de.STRINGS, "en": en.STRINGS}
_current = os.environ.get("TOM_AUDIT_LANG", "de") if os.environ.get("TOM_AUDIT_LANG") in LANGUAGES else "de"


def set_language(lang: str) -> None:
    global _current
    if lang not in _TABLES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def current_language() -> str:
    return _current


_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")  # {count|Frage|Fragen}


def tr(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The string for `key` in `lang` (default: the current language), formatted with
    `params`. `{count|Frage|Fragen}` in a string is the singular when count is 1, else the
    plural ("1 Frage", "2 Fragen"). Returns `key` itself when there is no such string."""
    table = _TABLES[lang or _current]
    template = table.get(key)
    if template is None:
        return key
    if "|" in template:
        template = _PLURAL.sub(lambda m: m.group(2) if params.get(m.group(1)) == 1 else m.group(3), template)
    return template.format(**params) if params else template


def has(key: str, lang: str | None = None) -> bool:
    return key in _TABLES[lang or _current]


def table(lang: str) -> dict[str, str]:
    return _TABLES[lang]
