"""Reasons for "not applicable": the catalogue's suggestion versus the organisation's word.

When the scoping answers rule a measure out, the catalogue offers a reason ("no own server
room; ..."). That reason is a suggestion, not a statement of the organisation: the annex
(a contract annex under Art. 28(3)(c) GDPR) prints it only once the user has confirmed it
(it is then stored as the answer's note, status "not_applicable") or written their own.
A reason that leans on another measure ("printing is prohibited (see ORG-05)") is only as
good as that measure: unless it is implemented, lint reports it (TOM022) and the exports
do not print the claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tom_audit.logic.answers import Edit, record
from tom_audit.logic.applicability import effective_of
from tom_audit.model.assessment import Answer, Assessment
from tom_audit.model.catalogue import Catalogue, Measure, Text

_MEASURE_ID = re.compile(r"\b[A-Z][A-Z0-9]{1,9}-\d{1,4}\b")


def cited_measures(text: str, catalogue: Catalogue, own_id: str = "") -> list[str]:
    """Ids of the catalogue's measures that `text` names (e.g. "(siehe ORG-05)"), in order of
    appearance, without repeats and without `own_id`."""
    found: list[str] = []
    for match in _MEASURE_ID.finditer(text or ""):
        measure_id = match.group()
        if measure_id != own_id and measure_id in catalogue.measure_by_id and measure_id not in found:
            found.append(measure_id)
    return found


def unsupported(text: str, catalogue: Catalogue, assessment: Assessment, own_id: str = "") -> list[str]:
    """The measures a reason relies on that are not implemented (partly, planned, not at all,
    not applicable or unanswered): a reason relying on them claims what nobody stated.

    A reason relies on every measure it names ("(see ORG-05)"). When it is the catalogue's
    own reason for `own_id` (suggested, or confirmed word for word), it also relies on the
    measures its `see:` lists as where the control lives instead: at least one of those
    must be implemented (they are alternatives, e.g. a data centre or a server cabinet)."""
    def missing(ids) -> list[str]:
        return [mid for mid in ids if effective_of(assessment, catalogue.measure_by_id[mid]).status != "implemented"]

    result = missing(cited_measures(text, catalogue, own_id))
    measure = catalogue.measure_by_id.get(own_id)
    reason = measure.not_applicable_reason if measure else None
    if reason is not None and text.strip() in (reason.de.strip(), reason.en.strip()):
        see = [mid for mid in getattr(measure, "see", ()) if mid in catalogue.measure_by_id and mid != own_id]
        absent = missing(see)
        if see and len(absent) == len(see):
            result += [mid for mid in absent if mid not in result]
    return result


def suggestion(catalogue: Catalogue, assessment: Assessment, measure: Measure) -> Text | None:
    """The catalogue's reason for a measure that is "not applicable" only because the
    scoping answers (or the catalogue) say so, not yet confirmed; None otherwise."""
    state = effective_of(assessment, measure)
    if not state.automatic or state.status != "not_applicable":
        return None
    return state.reason or Text("", "")


@dataclass(frozen=True)
class NaReason:
    """The reason the exports may print for a "not applicable" measure, or why they may not.

    `text` is "" when there is none to print: `suggested` (only the catalogue's suggestion,
    not confirmed) or `unsupported` (it cites measures that are not implemented)."""

    text: str
    suggested: bool = False
    unsupported: tuple[str, ...] = ()

    @property
    def printable(self) -> bool:
        return bool(self.text) and not self.suggested and not self.unsupported


def na_reason(catalogue: Catalogue, assessment: Assessment, measure: Measure, lang: str) -> NaReason | None:
    """What an export may say about a "not applicable" measure; None when it is not N/A."""
    state = effective_of(assessment, measure)
    if state.status != "not_applicable":
        return None
    if state.automatic:
        text = state.reason(lang) if state.reason else ""
        return NaReason("", suggested=True, unsupported=tuple(unsupported(text, catalogue, assessment, measure.id)))
    text = assessment.answer(measure.id).note.strip()
    bad = tuple(unsupported(text, catalogue, assessment, measure.id))
    return NaReason("" if bad else text, unsupported=bad)


def confirm(assessment: Assessment, catalogue: Catalogue, measure_id: str, *, by: str = "",
            text: str | None = None, at: str | None = None) -> Answer:
    """Make the catalogue's suggestion (or `text`, the user's rewording) the organisation's
    own reason: stored as status "not_applicable" with the reason as note, in the
    assessment's language. Raises AnswerError (through `record`) for an unknown measure;
    ValueError when the measure has no suggestion to confirm and no `text` is given."""
    measure = catalogue.measure_by_id.get(measure_id)
    reason = suggestion(catalogue, assessment, measure) if measure else None
    if text is None:
        if reason is None:
            raise ValueError(measure_id)
        text = reason(assessment.language)
    return record(assessment, catalogue, measure_id, Edit(status="not_applicable", note=text.strip()), by=by, at=at)


def confirm_all(assessment: Assessment, catalogue: Catalogue, *, by: str = "") -> tuple[list[str], list[str]]:
    """Confirm every suggestion at once (the "confirm all" setting of a user who read them).
    Returns (confirmed ids, ids left unconfirmed because their reason cites a measure that is
    not implemented: confirming it would state what nobody said)."""
    done, left = [], []
    for measure in catalogue.measures:
        reason = suggestion(catalogue, assessment, measure)
        if reason is None:
            continue
        if unsupported(reason(assessment.language), catalogue, assessment, measure.id):
            left.append(measure.id)
            continue
        confirm(assessment, catalogue, measure.id, by=by)
        done.append(measure.id)
    return done, left
