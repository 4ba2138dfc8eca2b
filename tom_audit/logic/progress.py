"""Progress per category and overall: answered, each status, open, required vs recommended."""

from __future__ import annotations

from dataclasses import dataclass, field

from tom_audit.logic.applicability import effective_of
from tom_audit.model.assessment import STATUSES, Assessment
from tom_audit.model.catalogue import Catalogue, Category


@dataclass
class Counts:
    total: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    open: int = 0
    required: int = 0  # applicable and required at the assessment's protection need
    required_implemented: int = 0
    required_open: int = 0
    recommended: int = 0

    @property
    def answered(self) -> int:
        return self.total - self.open

    def add(self, other: Counts) -> None:
        self.total += other.total
        self.open += other.open
        self.required += other.required
        self.required_implemented += other.required_implemented
        self.required_open += other.required_open
        self.recommended += other.recommended
        for status, n in other.by_status.items():
            self.by_status[status] += n

    def as_dict(self) -> dict[str, int]:
        return {"total": self.total, "answered": self.answered, **self.by_status, "open": self.open,
                "required": self.required, "required_implemented": self.required_implemented,
                "required_open": self.required_open, "recommended": self.recommended}


@dataclass
class Progress:
    categories: list[tuple[Category, Counts]]
    overall: Counts


def progress(catalogue: Catalogue, assessment: Assessment) -> Progress:
    need = assessment.scope.protection_need
    rows = []
    overall = Counts()
    for category in catalogue.categories:
        counts = Counts()
        for measure in catalogue.measures_by_category.get(category.id, ()):
            state = effective_of(assessment, measure)
            counts.total += 1
            if state.status is None:
                counts.open += 1
            else:
                counts.by_status[state.status] += 1
            if state.status == "not_applicable" or measure.deprecated_reason:
                continue  # a deprecated practice is neither required nor recommended
            if measure.required_at(need, assessment.scoping):
                counts.required += 1
                counts.required_implemented += state.status == "implemented"
                counts.required_open += state.status is None
            else:
                counts.recommended += 1
        rows.append((category, counts))
        overall.add(counts)
    return Progress(rows, overall)
