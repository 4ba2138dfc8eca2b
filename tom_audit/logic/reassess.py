"""Next year's re-assessment from last year's: nobody starts from zero, nothing is taken
for granted. Every answer is carried over marked "to confirm"; evidence keeps its date (so
its age shows); scoping and scope stay; the new assessment gets its own id and dates, and
no approval. Progress then counts what has been confirmed.
"""

from __future__ import annotations

import copy
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from tom_audit.logic.answers import Edit, record
from tom_audit.logic.catalogue_changes import adopt
from tom_audit.model.assessment import Answer, Assessment
from tom_audit.model.catalogue import Catalogue, Category


def reassess(last: Assessment, *, now: str, catalogue: Catalogue | None = None, source: str | None = None,
             old_dir: Path | None = None, new_dir: Path | None = None) -> Assessment:
    """A new assessment carrying over every answer of `last`, each marked to confirm.

    Review states are not carried over: they belong to last year's sign-off, and the DPO
    reviews the new year afresh. With `catalogue` (and its `source` as recorded in the new
    file) the new assessment follows that catalogue, as `adopt` does. With `old_dir` and
    `new_dir` (the folders of the two files) relative evidence paths are rewritten so they
    still point at the same files.
    """
    new = copy.deepcopy(last)
    new.id = str(uuid.uuid4())
    new.previous = last.id
    new.created = now
    new.updated = now
    new.approval = None
    for answer in new.measures.values():
        answer.review = None
        if not answer.is_empty():
            answer.to_confirm = True
    new.measures = {mid: a for mid, a in new.measures.items() if not a.is_empty()}
    if catalogue is not None:
        adopt(new, catalogue, source if source is not None else new.catalogue.source)
    if old_dir is not None and new_dir is not None:
        rebase_evidence(new, old_dir, new_dir)
    return new


def rebase_evidence(assessment: Assessment, old_dir: Path, new_dir: Path) -> None:
    """Rewrite relative evidence paths written from `old_dir` so they work from `new_dir`."""
    old_dir, new_dir = Path(os.path.abspath(old_dir)), Path(os.path.abspath(new_dir))
    if old_dir == new_dir:
        return
    for answer in assessment.measures.values():
        for item in answer.evidence:
            if item.is_url or PurePath(item.ref).is_absolute():
                continue
            target = os.path.normpath(old_dir / item.ref)
            try:
                item.ref = PurePath(os.path.relpath(target, new_dir)).as_posix()
            except ValueError:  # another drive
                item.ref = PurePath(target).as_posix()


def confirm(assessment: Assessment, catalogue: Catalogue, measure_id: str, *, by: str = "") -> Answer:
    """Confirm a carried-over answer as still true, unchanged."""
    return record(assessment, catalogue, measure_id, Edit(confirm=True), by=by)


@dataclass
class ConfirmCounts:
    answered: int = 0  # measures with a status
    to_confirm: int = 0  # of those, carried over and not yet confirmed

    @property
    def confirmed(self) -> int:
        return self.answered - self.to_confirm

    def add(self, other: ConfirmCounts) -> None:
        self.answered += other.answered
        self.to_confirm += other.to_confirm

    def as_dict(self) -> dict[str, int]:
        return {"answered": self.answered, "confirmed": self.confirmed, "to_confirm": self.to_confirm}


@dataclass
class Confirmation:
    categories: list[tuple[Category, ConfirmCounts]] = field(default_factory=list)
    overall: ConfirmCounts = field(default_factory=ConfirmCounts)


def confirmation(catalogue: Catalogue, assessment: Assessment) -> Confirmation:
    """"Confirmed x of y" per category and overall, for a re-assessment's progress."""
    result = Confirmation()
    for category in catalogue.categories:
        counts = ConfirmCounts()
        for measure in catalogue.measures_by_category.get(category.id, ()):
            answer = assessment.measures.get(measure.id)
            if answer is None or not answer.status:
                continue
            counts.answered += 1
            counts.to_confirm += answer.to_confirm
        result.categories.append((category, counts))
        result.overall.add(counts)
    return result


def confirm_reason(assessment: Assessment, answer: Answer) -> tuple[str, str]:
    """Why an answer is "to confirm": ("carried_over", year it was last answered) for one
    carried over from last year's assessment and not touched since, else ("reworded", "")
    (the catalogue's text changed under it, see catalogue_changes.adopt)."""
    changed = answer.changed.at if answer.changed else ""
    if assessment.previous and (not changed or not assessment.created or changed < assessment.created):
        year = changed[:4] if changed else (str(int(assessment.created[:4]) - 1) if assessment.created[:4].isascii() and assessment.created[:4].isdigit() else "")
        return "carried_over", year
    return "reworded", ""
