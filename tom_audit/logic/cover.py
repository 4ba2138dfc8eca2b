"""The cover data of an assessment: who processes (organisation, address, contact), what
(service), who answers for it (responsible), how much protection it needs and how often the
TOM are reviewed. They fill the annex's cover page (Art. 28(3)(c), Art. 32 GDPR).

`tom-audit setup`, `tom-audit new` and the UI's setup screen all change them through
`set_cover`, which checks every value before it changes anything.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from tom_audit.i18n import tr
from tom_audit.logic.answers import AnswerError
from tom_audit.model.assessment import Assessment
from tom_audit.model.catalogue import LEVELS

REVIEW_INTERVAL_RANGE = (1, 60)  # months, as the schema allows


@dataclass(frozen=True)
class CoverField:
    name: str  # the CLI option without dashes, underscores for dashes: --review-interval -> review_interval
    part: str  # "organisation" or "scope"
    attribute: str  # the model's field

    def label(self, lang: str | None = None) -> str:
        return tr(f"cover.field.{self.name}", lang)


FIELDS = (
    CoverField("org", "organisation", "name"),
    CoverField("address", "organisation", "address"),
    CoverField("contact", "organisation", "contact"),
    CoverField("service", "scope", "service"),
    CoverField("responsible", "scope", "responsible"),
    CoverField("protection_need", "scope", "protection_need"),
    CoverField("review_interval", "scope", "review_interval_months"),
)
BY_NAME = {f.name: f for f in FIELDS}


def cover_values(assessment: Assessment) -> dict[str, str | int]:
    """Every cover field's current value, by FIELDS name (review_interval in months)."""
    return {f.name: getattr(getattr(assessment, f.part), f.attribute) for f in FIELDS}


def check_value(name: str, value: Any) -> str | int:
    """A value as entered (text) in its stored form; AnswerError naming the field if it is
    not allowed (protection need: normal, hoch, sehr_hoch; review interval: 1 to 60 months)."""
    field = BY_NAME[name]
    if name == "protection_need":
        text = str(value).strip().lower().replace(" ", "_").replace("-", "_")
        if text not in LEVELS:
            raise AnswerError("answer.bad_choice", question=field.label(), value=value, allowed=", ".join(LEVELS))
        return text
    if name == "review_interval":
        low, high = REVIEW_INTERVAL_RANGE
        try:
            months = int(str(value).strip())
        except ValueError:
            raise AnswerError("answer.not_a_number", question=field.label(), value=value) from None
        if not low <= months <= high:
            raise AnswerError("answer.out_of_range", question=field.label(), value=value, min=low, max=high)
        return months
    text = "".join(ch for ch in str(value) if ch == "\n" or unicodedata.category(ch) != "Cc")
    if name == "address":  # lines stay lines
        return "\n".join(" ".join(line.split()) for line in text.strip().splitlines() if line.strip())
    return " ".join(text.split())


def set_cover(assessment: Assessment, values: dict[str, Any]) -> list[str]:
    """Set the cover fields in `values` (FIELDS names; None: leave as it is). Checks all of
    them first: on AnswerError nothing has changed. Returns the names whose value changed.
    The organisation and scope are replaced, never changed in place (a save may be running)."""
    checked = {name: check_value(name, value) for name, value in values.items() if value is not None}
    current = cover_values(assessment)
    changed = [name for name, value in checked.items() if value != current[name]]
    for part in ("organisation", "scope"):
        updates = {BY_NAME[n].attribute: checked[n] for n in changed if BY_NAME[n].part == part}
        if updates:
            setattr(assessment, part, replace(getattr(assessment, part), **updates))
    return changed


def missing_fields(assessment: Assessment) -> list[str]:
    """Cover fields the annex shows blank (FIELDS names)."""
    values = cover_values(assessment)
    return [name for name in ("org", "address", "contact", "service", "responsible") if not str(values[name]).strip()]
