"""The change notice to customers under a general written authorisation (Art. 28 (2) GDPR):
which sub-processors are added, removed or changed since the list they were last told
about, the planned date, and the deadline for objections (notice date + notice period).

`build_notice(old, new, ...)` compares two versions of the register; it reads no files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from tom_audit.logic.dates import parse_date
from tom_audit.logic.provider_form import ProviderError
from tom_audit.logic.provider_text import locations_label, transfers_label
from tom_audit.model.assessment import Assessment
from tom_audit.model.providers import Provider

DEFAULT_PERIOD_DAYS = 30
# what customers are told about when it changes (EDPB Guidelines 07/2020: identity, location, transfer)
COMPARED = ("name", "legal_entity", "address", "service", "data_categories", "data_subjects", "locations",
            "transfers")


@dataclass
class FieldChange:
    field: str  # one of COMPARED
    old: dict[str, str]  # {"de": ..., "en": ...}
    new: dict[str, str]


@dataclass
class ChangedProvider:
    old: Provider
    new: Provider
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class Notice:
    notice_date: date
    period_days: int
    deadline: date  # objections until (inclusive)
    planned: date  # the change takes effect
    old_stand: date
    added: list[Provider] = field(default_factory=list)
    removed: list[Provider] = field(default_factory=list)
    changed: list[ChangedProvider] = field(default_factory=list)
    current: list[Provider] = field(default_factory=list)  # the list after the change
    organisation: str = ""
    contact: str = ""
    service: str = ""

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _value(provider: Provider, name: str, lang: str) -> str:
    if name == "locations":
        return locations_label(provider, lang)
    if name == "transfers":
        return transfers_label(provider, lang)
    return getattr(provider, name)


def _listed(providers: list[Provider], on: date) -> dict[str, Provider]:
    """Sub-processors in the annex on day `on` (not ancillary, not ended before it), by id."""
    out = {}
    for p in providers:
        ended = parse_date(p.ended)
        if p.is_subprocessor and (ended is None or ended > on):
            out[p.id] = p
    return out


def stand_of(assessment: Assessment, fallback: date) -> date:
    """The date an assessment version speaks for: its approval, else its last change."""
    for text in ((assessment.approval.date if assessment.approval else ""), assessment.updated, assessment.created):
        day = parse_date(text)
        if day:
            return day
    return fallback


def build_notice(old: Assessment, new: Assessment, *, notice_date: date, period_days: int = DEFAULT_PERIOD_DAYS,
                 planned: date | None = None) -> Notice:
    """Compare the register of `old` (what customers know) with `new` (as intended on the
    planned date). `planned` defaults to the objection deadline, notice date + period days;
    an earlier planned date is refused (ProviderError), since customers must be able to
    object before the change."""
    if not 1 <= period_days <= 365:
        raise ProviderError("provider.notice_bad_period", "period", value=period_days)
    deadline = notice_date + timedelta(days=period_days)
    planned = planned or deadline
    if planned < deadline:
        raise ProviderError("provider.notice_deadline_after_date", "date", planned=planned.isoformat(),
                            deadline=deadline.isoformat())
    old_stand = stand_of(old, notice_date)
    before = _listed(old.providers, old_stand)
    after = _listed(new.providers, planned)
    notice = Notice(notice_date=notice_date, period_days=period_days, deadline=deadline, planned=planned,
                    old_stand=old_stand, organisation=new.organisation.name, contact=new.organisation.contact,
                    service=new.scope.service)
    notice.added = [p for pid, p in after.items() if pid not in before]
    notice.removed = [p for pid, p in before.items() if pid not in after]
    for pid, p in after.items():
        if pid in before:
            changes = [FieldChange(name, {lang: _value(before[pid], name, lang) for lang in ("de", "en")},
                                   {lang: _value(p, name, lang) for lang in ("de", "en")})
                       for name in COMPARED if _value(before[pid], name, "en") != _value(p, name, "en")]
            if changes:
                notice.changed.append(ChangedProvider(before[pid], p, changes))
    notice.current = list(after.values())
    return notice
