"""What is due, and whose it is: open gaps by their due date and evidence that expires, across
the whole assessment; the measures an owner answers for.

`agenda` feeds `tom-audit agenda` (text, JSON, iCalendar) and the UI's "due" list;
`owned_by` feeds `status --owner` and the UI's "my measures".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tom_audit.logic.dates import parse_date
from tom_audit.model.assessment import OPEN_GAP_STATES, Answer, Assessment
from tom_audit.model.catalogue import Catalogue

EXPIRY_HORIZON_DAYS = 90  # evidence expiring within this many days is on the agenda


@dataclass(frozen=True)
class AgendaItem:
    day: date | None  # None: an open gap without a due date (listed last)
    kind: str  # "gap" or "evidence"
    measure_id: str
    owner: str  # the gap's owner, else the answer's
    text: str  # the gap's action (else its description), or the evidence ref
    overdue: bool

    def as_dict(self) -> dict:
        return {"date": self.day.isoformat() if self.day else None, "kind": self.kind, "measure": self.measure_id,
                "owner": self.owner, "text": self.text, "overdue": self.overdue}


def owned_by(answer: Answer | None, name: str) -> bool:
    """The answer's owner or its gap's owner names `name` (case-insensitive, part of it:
    "Schmidt" finds "Anna Schmidt (IT)")."""
    needle = name.strip().casefold()
    if not needle or answer is None:
        return False
    owners = [answer.owner] + ([answer.gap.owner] if answer.gap else [])
    return any(needle in owner.casefold() for owner in owners if owner)


def has_open_gap(answer: Answer | None) -> bool:
    return answer is not None and answer.gap is not None and answer.gap.state in OPEN_GAP_STATES


def agenda(catalogue: Catalogue, assessment: Assessment, *, today: date, owner: str = "",
           horizon_days: int = EXPIRY_HORIZON_DAYS) -> list[AgendaItem]:
    """Open gaps (with or without a due date) and evidence whose `valid_until` is at most
    `horizon_days` ahead (or passed), by date, earliest first; undated gaps last. With
    `owner`, only what `owned_by` that name. Measures the catalogue lacks are left out.
    A horizon beyond the calendar's end (year 9999) means "everything"."""
    items: list[AgendaItem] = []
    horizon = today + timedelta(days=max(0, min(horizon_days, (date.max - today).days)))
    for measure in catalogue.measures:
        answer = assessment.measures.get(measure.id)
        if answer is None or (owner and not owned_by(answer, owner)):
            continue
        if has_open_gap(answer):
            gap = answer.gap
            due = parse_date(gap.due)
            items.append(AgendaItem(due, "gap", measure.id, gap.owner or answer.owner,
                                    gap.action or gap.description, bool(due and due < today)))
        for item in answer.evidence:
            valid_until = parse_date(item.valid_until)
            if valid_until and valid_until <= horizon:
                items.append(AgendaItem(valid_until, "evidence", measure.id, answer.owner,
                                        item.description or item.ref, valid_until < today))
    return sorted(items, key=lambda i: (i.day is None, i.day or today, i.measure_id))
