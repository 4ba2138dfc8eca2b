"""What changed between two assessments (last year and this, before and after an edit):
per measure the status, evidence, gap, note, owner, typed answers and review; the
assessment's own fields and scoping answers; the approval; and the catalogue, as measures
added, removed or reworded (told by their fingerprints).

Timestamps of the last change (`updated`, `changed`) are not differences: saving a file
unchanged must not make it "differ".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from tom_audit.i18n import tr
from tom_audit.logic import evidence
from tom_audit.model.assessment import OPEN_GAP_STATES, Answer, Assessment, Evidence, Gap, Review
from tom_audit.model.catalogue import Catalogue



@dataclass(frozen=True)
class FieldChange:
    field: str  # e.g. "scope.protection_need", "scoping.hosting", "status", "answers.rpo_hours"
    old: Any
    new: Any

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "old": self.old, "new": self.new}


def _evidence_dict(item: Evidence) -> dict[str, Any]:
    data = {"ref": item.ref, "kind": item.kind, "date": item.date}
    if item.valid_until:
        data["valid_until"] = item.valid_until
    if item.sha256:
        data["sha256"] = item.sha256
    return data


def _gap_dict(gap: Gap | None) -> dict[str, Any] | None:
    if gap is None:
        return None
    return {"description": gap.description, "risk": gap.risk, "action": gap.action, "owner": gap.owner,
            "due": gap.due, "state": gap.state}


@dataclass
class MeasureDiff:
    measure_id: str
    status: FieldChange | None = None
    note: FieldChange | None = None
    owner: FieldChange | None = None
    to_confirm: FieldChange | None = None
    answers: list[FieldChange] = field(default_factory=list)  # typed extra questions
    evidence_added: list[Evidence] = field(default_factory=list)
    evidence_removed: list[Evidence] = field(default_factory=list)
    evidence_updated: list[tuple[Evidence, Evidence]] = field(default_factory=list)  # same ref, new file/date
    gap: str | None = None  # "opened", "closed", "changed"
    gap_old: Gap | None = None
    gap_new: Gap | None = None
    review: FieldChange | None = None  # review state, old -> new ("open" when none)
    review_comment: FieldChange | None = None
    catalogue: str | None = None  # "added", "removed", "reworded" in the catalogue

    def __bool__(self) -> bool:
        return bool(self.kinds())

    def kinds(self) -> list[str]:
        """What kind of changes this measure has, in a fixed order."""
        kinds = []
        for name in ("catalogue", "status", "evidence", "gap", "note", "owner", "answers", "to_confirm", "review"):
            if name == "evidence":
                present = self.evidence_added or self.evidence_removed or self.evidence_updated
            elif name == "review":
                present = self.review or self.review_comment
            else:
                present = getattr(self, name)
            if present:
                kinds.append(name)
        return kinds

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"measure": self.measure_id, "kinds": self.kinds()}
        if self.catalogue:
            data["catalogue"] = self.catalogue
        for name in ("status", "note", "owner", "to_confirm", "review", "review_comment"):
            change = getattr(self, name)
            if change:
                data[name] = {"old": change.old, "new": change.new}
        if self.answers:
            data["answers"] = [c.as_dict() for c in self.answers]
        if self.evidence_added:
            data["evidence_added"] = [_evidence_dict(e) for e in self.evidence_added]
        if self.evidence_removed:
            data["evidence_removed"] = [_evidence_dict(e) for e in self.evidence_removed]
        if self.evidence_updated:
            data["evidence_updated"] = [{"old": _evidence_dict(a), "new": _evidence_dict(b)}
                                        for a, b in self.evidence_updated]
        if self.gap:
            data["gap"] = {"change": self.gap, "old": _gap_dict(self.gap_old), "new": _gap_dict(self.gap_new)}
        return data


@dataclass
class CatalogueDiff:
    old_id: str
    old_version: str
    new_id: str
    new_version: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reworded: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.reworded) or (self.old_id, self.old_version) != (
            self.new_id, self.new_version)

    def as_dict(self) -> dict[str, Any]:
        return {"old": {"id": self.old_id, "version": self.old_version},
                "new": {"id": self.new_id, "version": self.new_version},
                "added": self.added, "removed": self.removed, "reworded": self.reworded}


@dataclass
class AssessmentDiff:
    old_id: str
    new_id: str
    related: bool = True  # the same assessment, or NEW carried over from OLD (new --from)
    fields: list[FieldChange] = field(default_factory=list)  # organisation, scope, language
    scoping: list[FieldChange] = field(default_factory=list)
    approval: FieldChange | None = None  # {"version", "by", "date"} or None, old -> new
    catalogue: CatalogueDiff | None = None
    measures: list[MeasureDiff] = field(default_factory=list)  # only measures that differ

    def __bool__(self) -> bool:
        return bool(self.fields or self.scoping or self.approval or self.catalogue or self.measures)

    @property
    def same_assessment(self) -> bool:
        """Two versions of one assessment (or last year's and this year's), rather than two
        unrelated assessments."""
        return self.related

    def measure(self, measure_id: str) -> MeasureDiff | None:
        return next((m for m in self.measures if m.measure_id == measure_id), None)

    def by_measure(self) -> dict[str, MeasureDiff]:
        return {m.measure_id: m for m in self.measures}

    def as_dict(self) -> dict[str, Any]:
        return {
            "differ": bool(self),
            "same_assessment": self.same_assessment,
            "ids": {"old": self.old_id, "new": self.new_id},
            "fields": [c.as_dict() for c in self.fields],
            "scoping": [c.as_dict() for c in self.scoping],
            "approval": {"old": self.approval.old, "new": self.approval.new} if self.approval else None,
            "catalogue": self.catalogue.as_dict() if self.catalogue else None,
            "measures": [m.as_dict() for m in self.measures],
        }


# -- computing -------------------------------------------------------------------------------


def _change(name: str, old: Any, new: Any) -> FieldChange | None:
    return FieldChange(name, old, new) if old != new else None


def pair_evidence(old: list[Evidence], new: list[Evidence]) -> tuple[list[tuple[Evidence, Evidence]], list[Evidence], list[Evidence]]:
    """Match last version's evidence to this one's by identity, not by path text (a file
    keeps its SHA-256 when the assessment moves to another folder and its paths are
    rewritten): first the same SHA-256, then the same path or URL, then the same file name.
    Returns (pairs (old, new), removed, added)."""
    left, right = list(old), list(new)
    pairs: list[tuple[Evidence, Evidence]] = []
    for same in (lambda a, b: bool(a.sha256) and a.sha256 == b.sha256, evidence.same_place,
                 lambda a, b: not a.is_url and not b.is_url and PurePosixPath(a.ref).name == PurePosixPath(b.ref).name):
        for item in list(right):
            match = next((o for o in left if same(o, item)), None)
            if match is not None:
                pairs.append((match, item))
                left.remove(match)
                right.remove(item)
    return pairs, left, right


def _same_evidence(a: Evidence, b: Evidence) -> bool:
    return (a.sha256, a.date, a.valid_until, a.kind, a.description) == (
        b.sha256, b.date, b.valid_until, b.kind, b.description)


def _gap_is_open(gap: Gap | None) -> bool:
    return gap is not None and gap.state in OPEN_GAP_STATES


def _gap_change(old: Gap | None, new: Gap | None) -> str | None:
    if _gap_is_open(new) and not _gap_is_open(old):
        return "opened"
    if _gap_is_open(old) and not _gap_is_open(new):
        return "closed"
    if _gap_dict(old) != _gap_dict(new):
        return "changed"
    return None


def _measure_diff(measure_id: str, old: Answer, new: Answer) -> MeasureDiff:
    d = MeasureDiff(measure_id)
    d.status = _change("status", old.status, new.status)
    d.note = _change("note", old.note, new.note)
    d.owner = _change("owner", old.owner, new.owner)
    d.to_confirm = _change("to_confirm", old.to_confirm, new.to_confirm)
    for question in list(dict.fromkeys([*old.answers, *new.answers])):
        change = _change(f"answers.{question}", old.answers.get(question), new.answers.get(question))
        if change:
            d.answers.append(change)
    pairs, d.evidence_removed, d.evidence_added = pair_evidence(old.evidence, new.evidence)
    d.evidence_updated = [(a, b) for a, b in pairs if not _same_evidence(a, b)]
    d.gap = _gap_change(old.gap, new.gap)
    if d.gap:
        d.gap_old, d.gap_new = old.gap, new.gap
    old_review, new_review = old.review or Review(), new.review or Review()
    d.review = _change("review.state", old_review.state, new_review.state)
    d.review_comment = _change("review.comment", old_review.comment, new_review.comment)
    return d


def _order(old: Assessment, new: Assessment, catalogue_new: Catalogue | None,
           catalogue_old: Catalogue | None) -> list[str]:
    ids: list[str] = []
    for catalogue in (catalogue_new, catalogue_old):
        if catalogue is not None:
            ids += [m.id for m in catalogue.measures]
    ids += list(new.fingerprints) + list(old.fingerprints) + list(new.measures) + list(old.measures)
    return list(dict.fromkeys(ids))


def diff(old: Assessment, new: Assessment, *, catalogue_old: Catalogue | None = None,
         catalogue_new: Catalogue | None = None) -> AssessmentDiff:
    """Everything that differs from `old` to `new`, measures in catalogue order.

    Catalogue changes compare the measure fingerprints each assessment recorded when it
    last saw its catalogue (what each one was answered against); the catalogues, when
    given, stand in for an assessment that recorded none, and give the order of measures.
    """
    result = AssessmentDiff(old.id, new.id, related=new.follows(old))
    for part in ("organisation", "scope"):
        a, b = getattr(old, part), getattr(new, part)
        for name in a.__dataclass_fields__:
            if name != "extra":
                change = _change(f"{part}.{name}", getattr(a, name), getattr(b, name))
                if change:
                    result.fields.append(change)
    language = _change("language", old.language, new.language)
    if language:
        result.fields.append(language)
    for question in dict.fromkeys([*old.scoping, *new.scoping]):
        change = _change(f"scoping.{question}", old.scoping.get(question), new.scoping.get(question))
        if change:
            result.scoping.append(change)

    def approval(a: Assessment):
        return {"version": a.approval.version, "by": a.approval.by, "date": a.approval.date} if a.approval else None

    result.approval = _change("approval", approval(old), approval(new))

    def seen(a: Assessment, c: Catalogue | None) -> tuple[dict[str, str], tuple[str, str]]:
        if a.fingerprints or c is None:
            return a.fingerprints, (a.catalogue.id, a.catalogue.version)
        return {m.id: m.fingerprint for m in c.measures}, (c.id, c.version)

    fp_old, ref_old = seen(old, catalogue_old)
    fp_new, ref_new = seen(new, catalogue_new)
    catalogue = CatalogueDiff(*ref_old, *ref_new)
    if fp_old and fp_new:
        catalogue.added = [m for m in fp_new if m not in fp_old]
        catalogue.removed = [m for m in fp_old if m not in fp_new]
        catalogue.reworded = [m for m in fp_new if m in fp_old and fp_old[m] != fp_new[m]]
    result.catalogue = catalogue if catalogue else None
    marks = {**dict.fromkeys(catalogue.added, "added"), **dict.fromkeys(catalogue.removed, "removed"),
             **dict.fromkeys(catalogue.reworded, "reworded")}

    for measure_id in _order(old, new, catalogue_new, catalogue_old):
        d = _measure_diff(measure_id, old.answer(measure_id), new.answer(measure_id))
        d.catalogue = marks.get(measure_id)
        if d:
            result.measures.append(d)
    return result


# -- short summaries (the export's "changed since" column, text output) ------------------------


def _status_text(status: str | None, lang: str | None) -> str:
    return tr(f"status.{status}", lang) if status else tr("status.open", lang)


def summarise(change: MeasureDiff, lang: str | None = None) -> str:
    """One line saying what changed for a measure, e.g. "Status: Geplant → Umgesetzt; Nachweis +1"."""
    parts = []
    if change.catalogue:
        parts.append(tr(f"diff.catalogue.{change.catalogue}", lang))
    if change.status:
        parts.append(tr("diff.status", lang, old=_status_text(change.status.old, lang),
                        new=_status_text(change.status.new, lang)))
    counts = [(what, len(items)) for what, items in (("added", change.evidence_added),
              ("removed", change.evidence_removed), ("updated", change.evidence_updated)) if items]
    if counts:
        said = ", ".join(tr(f"diff.evidence.{what}", lang, count=n) for what, n in counts)
        parts.append(tr("diff.evidence", lang, changes=said))
    if change.gap:
        parts.append(tr(f"diff.gap.{change.gap}", lang))
    if change.note:
        parts.append(tr("diff.note", lang))
    if change.owner:
        parts.append(tr("diff.owner", lang, old=change.owner.old or "-", new=change.owner.new or "-"))
    for answer in change.answers:
        parts.append(tr("diff.answer", lang, question=answer.field.split(".", 1)[1],
                        old="-" if answer.old is None else answer.old, new="-" if answer.new is None else answer.new))
    if change.to_confirm:
        parts.append(tr("diff.confirmed" if not change.to_confirm.new else "diff.to_confirm", lang))
    if change.review:
        parts.append(tr("diff.review", lang, old=tr(f"review.state.{change.review.old}", lang),
                        new=tr(f"review.state.{change.review.new}", lang)))
    elif change.review_comment:
        parts.append(tr("diff.review_comment", lang))
    return "; ".join(parts)


def changed_since(old: Assessment, new: Assessment, lang: str | None = None, *,
                  catalogue_old: Catalogue | None = None, catalogue_new: Catalogue | None = None) -> dict[str, str]:
    """Measure id -> a one-line summary of what changed since `old`, only for measures that
    changed. For the export's "changed since" column; `diff()` gives the details."""
    result = diff(old, new, catalogue_old=catalogue_old, catalogue_new=catalogue_new)
    return {m.measure_id: summarise(m, lang) for m in result.measures}
