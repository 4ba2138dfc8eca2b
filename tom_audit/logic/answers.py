"""Recording answers: the one place that checks and applies a change to a measure's answer.

The CLI's `set` and every edit in the TUI go through `record`, so both check the same way.
"""

from __future__ import annotations

import copy
import difflib
import getpass
import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tom_audit.logic.dates import is_date
from tom_audit.model.assessment import (
    GAP_STATES, RISKS, STATUSES, Answer, Assessment, Change, Evidence, Gap,
)
from tom_audit.model.catalogue import Catalogue, Measure, Question



class AnswerError(Exception):
    """A change that cannot be recorded; `key` and `params` name the message (i18n)."""

    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key = key
        self.params = params


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def current_user() -> str:
    """Who makes a change, when nobody says: the login name, or "" where there is none."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def find_measure(catalogue: Catalogue, measure_id: str) -> Measure:
    measure = catalogue.measure_by_id.get(measure_id)
    if measure is None:
        ids = list(catalogue.measure_by_id)
        upper = measure_id.strip().upper()
        numbered = re.match(r"^([A-Z]+)[- ]?0*(\d+)$", upper)
        padded = f"{numbered.group(1)}-{int(numbered.group(2)):02d}" if numbered else ""
        if upper in catalogue.measure_by_id:
            close = [upper]
        elif padded in catalogue.measure_by_id:
            close = [padded]
        else:
            close = difflib.get_close_matches(upper, ids, n=1, cutoff=0.5)
        raise AnswerError("answer.unknown_measure", id=measure_id, suggestion=close[0] if close else ids[0],
                          catalogue=catalogue.id)
    return measure


def coerce_question_value(question: Question, value: Any) -> float | int | str:
    """Check an answer to a typed extra question and return it in its stored form."""
    if question.type == "number":
        try:
            number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
        except ValueError:
            raise AnswerError("answer.not_a_number", question=question.id, value=value) from None
        if not math.isfinite(number):
            raise AnswerError("answer.not_a_number", question=question.id, value=value)
        if (question.min is not None and number < question.min) or (question.max is not None and number > question.max):
            raise AnswerError("answer.out_of_range", question=question.id, value=value,
                              min=question.min if question.min is not None else "-",
                              max=question.max if question.max is not None else "-")
        return int(number) if number.is_integer() else number
    text = str(value).strip()
    if question.type == "choice":
        options = [o.id for o in question.options]
        if text not in options:
            raise AnswerError("answer.bad_choice", question=question.id, value=text, allowed=", ".join(options))
    elif question.type == "date" and not is_date(text):
        raise AnswerError("answer.bad_date", field=question.id, value=text)
    return text


@dataclass
class Edit:
    """One change to a measure's answer. None means "leave as it is"."""

    status: str | None = None
    clear_status: bool = False
    note: str | None = None
    owner: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)  # question id -> value ("" clears)
    add_evidence: list[Evidence] = field(default_factory=list)
    remove_evidence: list[int] = field(default_factory=list)  # indexes into the current list
    gap: Gap | None = None
    clear_gap: bool = False
    confirm: bool = False  # the answer carried over from last year is confirmed as still true


def _check_gap(gap: Gap) -> None:
    if gap.risk and gap.risk not in RISKS:
        raise AnswerError("answer.bad_choice", question="gap.risk", value=gap.risk, allowed=", ".join(RISKS))
    if gap.state not in GAP_STATES:
        raise AnswerError("answer.bad_choice", question="gap.state", value=gap.state, allowed=", ".join(GAP_STATES))
    if gap.due and not is_date(gap.due):
        raise AnswerError("answer.bad_date", field="gap.due", value=gap.due)


def record(assessment: Assessment, catalogue: Catalogue, measure_id: str, edit: Edit, *,
           by: str = "", at: str | None = None) -> Answer:
    """Apply `edit` to the measure's answer, after checking all of it; nothing changes on error."""
    measure = find_measure(catalogue, measure_id)
    answer = copy.deepcopy(assessment.measures.get(measure_id) or Answer())
    if edit.status is not None:
        if edit.status not in STATUSES:
            raise AnswerError("answer.bad_status", value=edit.status, allowed=", ".join(STATUSES))
        answer.status = edit.status
    if edit.clear_status:
        answer.status = None
    if edit.note is not None:
        answer.note = edit.note
    if edit.owner is not None:
        answer.owner = edit.owner
    questions = {q.id: q for q in measure.questions}
    for question_id, value in edit.answers.items():
        if question_id not in questions:
            raise AnswerError("answer.unknown_question", id=measure.id, question=question_id,
                              known=", ".join(questions) or "-")
        if value == "" or value is None:
            answer.answers.pop(question_id, None)
        else:
            answer.answers[question_id] = coerce_question_value(questions[question_id], value)
    for index in sorted(set(edit.remove_evidence), reverse=True):
        if 0 <= index < len(answer.evidence):
            del answer.evidence[index]
    for item in edit.add_evidence:
        for name in ("date", "valid_until"):
            if getattr(item, name) and not is_date(getattr(item, name)):
                raise AnswerError("answer.bad_date", field=f"evidence.{name}", value=getattr(item, name))
        answer.evidence.append(item)
    if edit.gap is not None:
        _check_gap(edit.gap)
        answer.gap = edit.gap
    if edit.clear_gap:
        answer.gap = None
    if edit.confirm:
        answer.to_confirm = False
    if edit.status == "not_applicable" and not answer.note.strip():
        raise AnswerError("answer.na_needs_reason", id=measure.id)
    answer.changed = Change(by=by, at=at or now_iso())
    assessment.measures[measure_id] = answer
    assessment.updated = answer.changed.at
    return answer
