"""Which measures apply, given the scoping answers, and what status each effectively has."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tom_audit.model.assessment import Answer, Assessment
from tom_audit.model.catalogue import Measure, Text, condition_met


def applies(measure: Measure, scoping: dict[str, Any]) -> bool:
    """False only when an answered scoping question rules the measure out; unanswered
    questions keep it in, so nothing is skipped before the setup is done."""
    return condition_met(measure.applies_if or {}, scoping, unanswered=True)


def required(measure: Measure, protection_need: str, scoping: dict[str, Any]) -> bool:
    """Whether a measure is required (not only recommended) for an organisation: it applies
    by the scoping answers and its level, as the scoping answers set it (`level_if`, e.g. by
    team size), is at or below the protection need (BSI 200-2 normal / hoch / sehr_hoch)."""
    return applies(measure, scoping) and measure.required_at(protection_need, scoping)


@dataclass(frozen=True)
class Effective:
    status: str | None  # None: still open
    automatic: bool = False  # True when scoping or the catalogue decided, not the user
    reason: Text | None = None  # why not applicable, when decided automatically


def effective(measure: Measure, answer: Answer, scoping: dict[str, Any]) -> Effective:
    if answer.status:
        return Effective(answer.status)
    if measure.excluded_reason:
        return Effective("not_applicable", True, measure.excluded_reason)
    if not applies(measure, scoping):
        return Effective("not_applicable", True, measure.not_applicable_reason)
    return Effective(None)


def effective_of(assessment: Assessment, measure: Measure) -> Effective:
    return effective(measure, assessment.answer(measure.id), assessment.scoping)
