"""Country codes and names: ISO 3166-1 alpha-2 codes, names in German and English.

Names come from `pycountry` (the ISO 3166 database with its gettext translations), never
from a list of our own. What a user types in an import (a code, an alpha-3 code, a German
or English name) is turned into the alpha-2 code by `country_code`.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

# Codes people use that are not ISO 3166-1: the EU writes EL for Greece, and UK is common.
ALIASES = {"EL": "GR", "UK": "GB"}


@cache
def _translation(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def is_country(code: str) -> bool:
    """True for an assigned ISO 3166-1 alpha-2 code (upper case, e.g. "DE")."""
    return len(code) == 2 and code.isascii() and code.isupper() and pycountry.countries.get(alpha_2=code) is not None


def country_name(code: str, lang: str = "de") -> str:
    """The country's short name in `lang` ("de" or "en"), e.g. "US" -> "Vereinigte Staaten" /
    "United States"; the code itself when it is not an ISO 3166-1 alpha-2 code."""
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return code
    if lang == "en":
        return getattr(country, "common_name", None) or country.name
    return _translation(lang).gettext(country.name)


@cache
def _names() -> dict[str, str]:
    """Every spelling we accept, case-folded, to its alpha-2 code."""
    names: dict[str, str] = {}
    german = _translation("de")
    for country in pycountry.countries:
        code = country.alpha_2
        for text in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None),
                     country.alpha_3):
            if text:
                names.setdefault(text.casefold(), code)
                names.setdefault(german.gettext(text).casefold(), code)
    names.update({"usa": "US", "vereinigte staaten von amerika": "US", "großbritannien": "GB",
                  "grossbritannien": "GB", "südkorea": "KR", "suedkorea": "KR", "england": "GB"})
    return names


def country_code(text: str) -> str | None:
    """The alpha-2 code for a code or a German or English name ("de", "DEU", "Deutschland",
    "Germany" -> "DE"); None when nothing matches."""
    value = " ".join(text.split())
    if not value:
        return None
    upper = value.upper()
    if len(upper) == 2 and upper.isascii() and upper.isalpha():
        upper = ALIASES.get(upper, upper)
        return upper if is_country(upper) else None
    return _names().get(value.casefold())
