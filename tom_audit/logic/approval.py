"""The DPO's sign-off as a checklist: what still blocks an approval, the approval itself, and
the one approval state every export reads ("Version X, approved on … by …" or "Draft").

An approval of a TOM annex is a signature on a legal document (Art. 28(3)(c), Art. 32 GDPR):
it may only be given when nothing in the checklist is open, or knowingly with `force`, which
is recorded with what was open. Pure functions over the model; the CLI `approve`, the UI's
approve dialog and the exporters all call these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tom_audit.i18n import current_language, tr
from tom_audit.logic.answers import AnswerError
from tom_audit.logic.applicability import effective_of
from tom_audit.logic.dates import parse_date
from tom_audit.logic.review import (
    CHANGED, changed_since_approval, content_hash, next_version, parse_version, review_state,
)
from tom_audit.model.assessment import Approval, Assessment
from tom_audit.model.catalogue import Catalogue

# In the order the checklist is shown; the i18n key is approval.blocker.<kind>.
BLOCKER_KINDS = (
    "metadata_missing",  # organisation, service or responsible person not given
    "lint_errors",  # findings of severity "error" (docs/lint-rules.md)
    "unanswered_required",  # applicable measures required at the protection need, no answer
    "na_unconfirmed",  # automatic "not applicable" still the catalogue's suggestion
    "review_rejected",
    "review_question",
    "review_changed",  # the answer changed after the verdict
    "review_open",  # answered, never reviewed
)


@dataclass(frozen=True)
class Blocker:
    """One open item of the approval checklist: its kind and what it concerns (measure ids;
    for "metadata_missing" the missing fields; for assessment-wide lint errors the rule id)."""

    kind: str
    items: tuple[str, ...]

    def reason(self, lang: str | None = None) -> str:
        return tr(f"approval.blocker.{self.kind}", lang, count=len(self.items), ids=shorten(self.items))

    def record(self) -> str:
        """How a forced approval stores it: "kind: A, B" (read back by `blocker_from_record`)."""
        return f"{self.kind}: {', '.join(self.items)}"


def blocker_from_record(text: str) -> Blocker | None:
    kind, sep, items = text.partition(":")
    if not sep or kind.strip() not in BLOCKER_KINDS:
        return None
    return Blocker(kind.strip(), tuple(i.strip() for i in items.split(",") if i.strip()))


def record_text(text: str, lang: str | None = None) -> str:
    """A stored open item in words; a line we cannot read (edited by hand) as it is."""
    blocker = blocker_from_record(text)
    return blocker.reason(lang) if blocker else text


def shorten(ids: tuple[str, ...] | list[str], limit: int = 10) -> str:
    ids = list(ids)
    return ", ".join(ids) if len(ids) <= limit else ", ".join(ids[:limit]) + f", … (+{len(ids) - limit})"


def needs_review(catalogue: Catalogue, assessment: Assessment) -> list[str]:
    """Ids of the measures a DPO must judge: every measure with a stated answer (status
    set by the organisation, including a confirmed "not applicable"), in catalogue order."""
    return [m.id for m in catalogue.measures if assessment.answer(m.id).status]


def blockers(catalogue: Catalogue, assessment: Assessment, *, today: date | None = None,
             evidence_base: Path | None = None) -> list[Blocker]:
    """Everything that stands between this assessment and an approval, one Blocker per
    kind that has items, in `BLOCKER_KINDS` order; [] when it may be approved.

    `evidence_base`: the assessment's folder, so that lint checks evidence files (None
    leaves those checks out). `today` is the day lint judges dates by."""
    from tom_audit.logic import lint  # lint imports review; keep the import graph one-way

    found: dict[str, list[str]] = {kind: [] for kind in BLOCKER_KINDS}
    org, scope = assessment.organisation, assessment.scope
    for name, value in (("organisation", org.name), ("service", scope.service), ("responsible", scope.responsible)):
        if not value.strip():
            found["metadata_missing"].append(name)
    findings = lint.lint(catalogue, assessment, today=today or date.today(), evidence_base=evidence_base)
    for finding in findings:
        if finding.severity == lint.ERROR:
            where = finding.measure_id or finding.category_id or finding.rule
            if where not in found["lint_errors"]:
                found["lint_errors"].append(where)
    need = scope.protection_need
    for measure in catalogue.measures:
        state = effective_of(assessment, measure)
        shown = review_state(assessment.measures.get(measure.id))
        if shown in ("rejected", "question", CHANGED):  # a verdict blocks whatever the answer
            found[{"rejected": "review_rejected", "question": "review_question"}.get(shown, "review_changed")].append(
                measure.id)
        elif state.status is None:
            if measure.required_at(need, assessment.scoping):
                found["unanswered_required"].append(measure.id)
        elif state.automatic:
            if not measure.deprecated_reason:
                found["na_unconfirmed"].append(measure.id)
        elif shown == "open":
            found["review_open"].append(measure.id)
    return [Blocker(kind, tuple(items)) for kind, items in found.items() if items]


def approve(assessment: Assessment, catalogue: Catalogue, *, by: str, version: str | None = None,
            day: date | None = None, force: bool = False, today: date | None = None,
            evidence_base: Path | None = None) -> Approval:
    """Record the DPO's approval and return it. Refused, with nothing changed, by AnswerError
    without a name or with a version that is malformed or not newer than the last one, and by
    `ApprovalRefused` (listing every blocker) while the checklist has open items, unless
    `force`: then the approval records that it was forced and what was open."""
    if not by.strip():
        raise AnswerError("review.approve_needs_name")
    previous = assessment.approval.version if assessment.approval else None
    if version is None:
        version = next_version(previous)
    parsed = parse_version(version)
    if parsed is None:
        raise AnswerError("review.bad_version", value=version)
    version = f"{parsed[0]}.{parsed[1]}"
    if previous and parse_version(previous) and parsed <= parse_version(previous):
        raise AnswerError("review.version_not_newer", value=version, previous=previous)
    day = day or date.today()
    open_items = blockers(catalogue, assessment, today=today or day, evidence_base=evidence_base)
    if open_items and not force:
        raise ApprovalRefused(open_items)
    extra = dict(assessment.approval.extra) if assessment.approval else {}
    assessment.approval = Approval(version=version, by=by.strip(), date=day.isoformat(),
                                   sha256=content_hash(assessment), forced=bool(open_items),
                                   open_items=[b.record() for b in open_items], extra=extra)
    return assessment.approval


class ApprovalRefused(AnswerError):
    """The checklist has open items; `blockers` lists them (each with its reason)."""

    def __init__(self, open_items: list[Blocker]):
        super().__init__("approval.refused", count=len(open_items),
                         reasons="; ".join(b.reason() for b in open_items))
        self.blockers = open_items


@dataclass(frozen=True)
class ApprovalState:
    """What an export says about the sign-off. `approved` only when an approval exists and
    nothing it covers changed since (`changed_since_approval`); everything else is a draft.
    `open_items` are the stored lines of a forced approval (see `record_text`)."""

    approved: bool
    version: str = ""
    date: str = ""  # ISO date of the approval
    by: str = ""
    forced: bool = False
    open_items: tuple[str, ...] = ()
    changed_since_approval: bool = False

    @property
    def status(self) -> str:
        """"approved", "changed" (approved once, changed since) or "none"."""
        if self.approved:
            return "approved"
        return "changed" if self.changed_since_approval else "none"

    def label(self, lang: str | None = None) -> str:
        """"Version 1.0, freigegeben am 30.11.2026 von Dr. Muster" or "Entwurf" / "Draft"
        (with what an earlier approval was, when it no longer holds)."""
        day = parse_date(self.date)
        german = (lang or current_language()) == "de"
        shown = (day.strftime("%d.%m.%Y") if german else day.isoformat()) if day else (self.date or "-")
        if self.approved:
            key = "approval.label.forced" if self.forced else "approval.label.approved"
            return tr(key, lang, version=self.version, date=shown, by=self.by or "-")
        if self.changed_since_approval:
            return tr("approval.label.draft_changed", lang, version=self.version, date=shown, by=self.by or "-")
        return tr("approval.label.draft", lang)

    def open_item_texts(self, lang: str | None = None) -> list[str]:
        return [record_text(text, lang) for text in self.open_items]


def approval_state(loaded: Any) -> ApprovalState:
    """The approval state of a loaded assessment (`store.assessment_store.Loaded`) or of an
    `Assessment` itself."""
    assessment: Assessment = getattr(loaded, "assessment", loaded)
    approval = assessment.approval
    if approval is None:
        return ApprovalState(approved=False)
    changed = changed_since_approval(assessment)
    return ApprovalState(approved=not changed, version=approval.version, date=approval.date, by=approval.by,
                         forced=approval.forced, open_items=tuple(approval.open_items),
                         changed_since_approval=changed)


@dataclass(frozen=True)
class Completeness:
    """What an export leaves out or cannot vouch for: lint errors, applicable measures not
    answered (deprecated practices do not count), and answered measures without a standing
    "accepted" verdict (open, rejected, questioned or changed since review)."""

    lint_errors: int = 0
    unanswered: int = 0
    open_reviews: int = 0

    @property
    def complete(self) -> bool:
        return not (self.lint_errors or self.unanswered or self.open_reviews)

    def line(self, lang: str | None = None) -> str:
        """One line for the export's output and the cover; "" when there is nothing to say."""
        if self.complete:
            return ""
        parts = [tr(f"completeness.{name}", lang, count=count)
                 for name, count in (("lint_errors", self.lint_errors), ("unanswered", self.unanswered),
                                     ("open_reviews", self.open_reviews)) if count]
        return tr("completeness.line", lang, parts=", ".join(parts))


def completeness(catalogue: Catalogue, assessment: Assessment, *, today: date | None = None,
                 evidence_base: Path | None = None) -> Completeness:
    """Count what `Completeness` describes. `evidence_base` as for `blockers`."""
    from tom_audit.logic import lint

    findings = lint.lint(catalogue, assessment, today=today or date.today(), evidence_base=evidence_base)
    unanswered = open_reviews = 0
    for measure in catalogue.measures:
        state = effective_of(assessment, measure)
        if state.status is None:
            unanswered += not measure.deprecated_reason
        elif not state.automatic and review_state(assessment.measures.get(measure.id)) != "accepted":
            open_reviews += 1
    return Completeness(lint_errors=sum(f.severity == lint.ERROR for f in findings), unanswered=unanswered,
                        open_reviews=open_reviews)
