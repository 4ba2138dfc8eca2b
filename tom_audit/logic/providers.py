"""The provider register's operations: add, change, remove an entry, and mark measures as
covered by ("inherited from") a provider. One place for the CLI, the TUI and the import.

Every function checks first and changes the assessment only when all is well; on error it
raises ProviderError (a message key naming the field) and the assessment is untouched.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from datetime import date

from tom_audit.logic.answers import find_measure, now_iso
from tom_audit.logic.dates import parse_date
from tom_audit.logic.provider_form import ProviderError, ProviderForm, apply_form
from tom_audit.model.assessment import Answer, Assessment, Change
from tom_audit.model.catalogue import Catalogue
from tom_audit.model.providers import Provider, provider_by_id

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def slug(name: str) -> str:
    """A readable id from a name: "Müller Cloud GmbH" -> "mueller-cloud-gmbh" (at most 40 chars)."""
    text = name.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-")
    return text or "provider"


def new_id(name: str, taken: set[str]) -> str:
    """A stable id for a new entry, unique among `taken`: the slug of its name, "-2", "-3", ... if needed."""
    base = slug(name)
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def find_provider(assessment: Assessment, provider_id: str) -> Provider:
    provider = provider_by_id(assessment.providers, provider_id)
    if provider is None:
        known = ", ".join(p.id for p in assessment.providers) or "-"
        raise ProviderError("provider.unknown", "id", id=provider_id, known=known)
    return provider


def add_provider(assessment: Assessment, form: ProviderForm, *, provider_id: str = "") -> Provider:
    """A new register entry from the form (name required); its id is `provider_id` or made
    from the name. Returns the stored entry."""
    if not (form.name or "").strip():
        raise ProviderError("provider.name_missing", "name")
    taken = {p.id for p in assessment.providers}
    if provider_id:
        if not ID_PATTERN.match(provider_id):
            raise ProviderError("provider.bad_id", "id", id=provider_id)
        if provider_id in taken:
            raise ProviderError("provider.duplicate_id", "id", id=provider_id)
    provider = apply_form(Provider(id=provider_id or new_id(form.name or "", taken)), form)
    assessment.providers.append(provider)
    assessment.updated = now_iso()
    return provider


def update_provider(assessment: Assessment, provider_id: str, form: ProviderForm) -> Provider:
    """Apply the form's given fields to an existing entry; the id never changes."""
    old = find_provider(assessment, provider_id)
    new = apply_form(old, form)
    assessment.providers[assessment.providers.index(old)] = new
    assessment.updated = now_iso()
    return new


def users_of(assessment: Assessment, provider_id: str) -> list[str]:
    """Measure ids whose answer points at the provider."""
    return [mid for mid, answer in assessment.measures.items() if answer.provider == provider_id]


def remove_provider(assessment: Assessment, provider_id: str) -> Provider:
    """Delete an entry. Refused while answers still point at it (they would lose their
    cover): end the engagement (`ended`) or move those measures first."""
    provider = find_provider(assessment, provider_id)
    users = users_of(assessment, provider_id)
    if users:
        raise ProviderError("provider.in_use", "id", id=provider_id, measures=", ".join(users))
    assessment.providers.remove(provider)
    assessment.updated = now_iso()
    return provider


def set_inherited(assessment: Assessment, catalogue: Catalogue, measure_ids: list[str], provider_id: str | None,
                  *, by: str = "") -> list[str]:
    """Mark measures as covered by a provider (None: no longer). Each changed answer is a new
    Answer with `changed` set, like every other change. Returns the measure ids changed."""
    if provider_id is not None:
        find_provider(assessment, provider_id)
    measures = [find_measure(catalogue, mid).id for mid in measure_ids]
    at = now_iso()
    for measure_id in measures:
        answer = copy.deepcopy(assessment.measures.get(measure_id) or Answer())
        answer.provider = provider_id or ""
        answer.changed = Change(by=by, at=at)
        assessment.measures[measure_id] = answer
    if measures:
        assessment.updated = at
    return measures


def is_active(provider: Provider, today: date) -> bool:
    """Engaged on `today`: not ended before it (an end date still ahead is announced, not done)."""
    ended = parse_date(provider.ended)
    return ended is None or ended >= today


def annex_entries(providers: list[Provider], today: date) -> list[Provider]:
    """The sub-processors an AVV annex lists: Art. 28 entries still engaged, in register order."""
    return [p for p in providers if p.is_subprocessor and is_active(p, today)]
