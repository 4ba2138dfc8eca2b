"""One organisation's answers to a catalogue, as stored in a `*.tom.yaml` file.

Every object keeps the keys tom-audit does not know in `extra`, so that a file edited by a
newer version or by hand loses nothing when we save it again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FORMAT = "tom-audit/assessment"
FORMAT_VERSION = 1

STATUSES = ("implemented", "partial", "planned", "not_implemented", "not_applicable")
RISKS = ("low", "medium", "high", "critical")
GAP_STATES = ("open", "in_progress", "done", "risk_accepted")
OPEN_GAP_STATES = ("open", "in_progress")  # a gap still to be closed
REVIEW_STATES = ("open", "accepted", "rejected", "question")
EVIDENCE_KINDS = ("policy", "config", "screenshot", "log", "report", "certificate", "contract",
                  "record", "interview", "other")


@dataclass
class Evidence:
    ref: str  # a path relative to the assessment file, or a URL
    kind: str = "other"
    description: str = ""
    date: str = ""  # ISO date the evidence was produced
    valid_until: str = ""
    sha256: str = ""  # files only
    size: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_url(self) -> bool:
        return "://" in self.ref


@dataclass
class Gap:
    description: str = ""
    risk: str = ""
    action: str = ""
    owner: str = ""
    due: str = ""
    state: str = "open"
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Review:
    state: str = "open"
    reviewer: str = ""
    date: str = ""
    comment: str = ""
    fingerprint: str = ""  # logic.review.answer_fingerprint of the answer the reviewer saw
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Change:
    by: str = ""
    at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Answer:
    status: str | None = None  # None: not answered yet
    to_confirm: bool = False  # carried over from last year's assessment, not yet confirmed
    note: str = ""
    owner: str = ""
    answers: dict[str, float | int | str] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    gap: Gap | None = None
    review: Review | None = None
    changed: Change | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return self == Answer()


@dataclass
class CatalogueRef:
    id: str
    version: str
    sha256: str
    source: str = "bundled"
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Organisation:
    name: str = ""
    address: str = ""
    contact: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Scope:
    service: str = ""
    protection_need: str = "normal"
    responsible: str = ""
    review_interval_months: int = 12
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Approval:
    """The DPO's sign-off: which version was approved, by whom, when, and a hash of the
    content approved, so that a later change shows as "changed since approval"."""

    version: str = ""  # "1.0", "1.1", ...
    by: str = ""
    date: str = ""  # ISO date
    sha256: str = ""  # logic.review.content_hash of the assessment when approved
    forced: bool = False  # approved with --force although the checklist had open items
    open_items: list[str] = field(default_factory=list)  # what was open then, one line per blocker
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Assessment:
    catalogue: CatalogueRef
    id: str = ""  # stable identity (a UUID), so exports and reviews can be matched to it
    previous: str = ""  # id of last year's assessment this one was carried over from
    organisation: Organisation = field(default_factory=Organisation)
    scope: Scope = field(default_factory=Scope)
    language: str = "de"
    created: str = ""
    updated: str = ""
    approval: Approval | None = None
    scoping: dict[str, bool | str] = field(default_factory=dict)
    measures: dict[str, Answer] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)  # catalogue wording last seen
    format_version: int = FORMAT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def follows(self, other: Assessment) -> bool:
        """True if this is a later version of `other`, or next year's assessment carried
        over from it: the two may be compared ("changed since")."""
        return bool(other.id) and other.id in (self.id, self.previous)

    def answer(self, measure_id: str) -> Answer:
        """The answer for a measure; an empty one (not stored) if there is none yet."""
        return self.measures.get(measure_id) or Answer()
