"""Recording answers: the one place that checks and applies a change to a measure's answer.

The CLI's `set` and every edit in the TUI go through `record`, so both check the same way.
"""

from __future__ import annotations

import copy
import difflib
import getpass
import math
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from tom_audit.i18n import tr
from tom_audit.logic import evidence
from tom_audit.logic.dates import read_date
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
            raise AnswerError("answer.not_a_number", question=question_name(question), value=value) from None
        if not math.isfinite(number):
            raise AnswerError("answer.not_a_number", question=question_name(question), value=value)
        if (question.min is not None and number < question.min) or (question.max is not None and number > question.max):
            raise AnswerError("answer.out_of_range", question=question_name(question), value=value,
                              min=question.min if question.min is not None else "-",
                              max=question.max if question.max is not None else "-")
        return int(number) if number.is_integer() else number
    text = str(value).strip()
    if question.type == "choice":
        options = [o.id for o in question.options]
        if text not in options:
            raise AnswerError("answer.bad_choice", question=question_name(question), value=text, allowed=", ".join(options))
    elif question.type == "date":
        return entered_date(text, question_name(question))
    return text


def question_name(question: Question, lang: str | None = None) -> str:
    """How messages name an extra question: its label and the id `set --answer` takes,
    e.g. "RPO (Stunden) (rpo_hours)"."""
    from tom_audit.i18n import current_language

    label = question.label(lang or current_language())
    unit = question.unit(lang or current_language()) if question.unit else ""
    shown = f"{label} ({unit})" if unit and unit not in label else label
    return f"{shown} ({question.id})"


def check_months(value: int | str | None, field: str) -> int:
    """A review rhythm in months (1-60), 0 for none ("" too); AnswerError naming `field`."""
    text = str(value if value is not None else "").strip()
    if not text:
        return 0
    try:
        months = int(text)
    except ValueError:
        raise AnswerError("answer.not_a_number", question=field, value=value) from None
    if not 0 <= months <= 60:
        raise AnswerError("answer.out_of_range", question=field, value=value, min=1, max=60)
    return months


def field_name(name: str) -> str:
    """A field as the user sees it ("Fällig am"), for `name` such as "gap.due"."""
    return tr(f"field.{name}")


def entered_date(text: str, field: str) -> str:
    """A date the user entered (ISO or 31.03.2027) in its stored ISO form; "" stays "".
    Raises AnswerError("answer.bad_date") naming `field` (as the user sees it) otherwise."""
    stored = read_date(text)
    if stored is None:
        raise AnswerError("answer.bad_date", field=field, value=text)
    return stored


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
    review_months: int | str | None = None  # the measure's own review rhythm; 0 or "" clears it
    note_en: str | None = None  # the note in English, for English exports


def _check_gap(gap: Gap) -> Gap:
    """The gap with its due date in stored form; AnswerError if a field is not allowed."""
    if gap.risk and gap.risk not in RISKS:
        raise AnswerError("answer.bad_choice", question=field_name("gap.risk"), value=gap.risk, allowed=", ".join(RISKS))
    if gap.state not in GAP_STATES:
        raise AnswerError("answer.bad_choice", question=field_name("gap.state"), value=gap.state,
                          allowed=", ".join(GAP_STATES))
    due = entered_date(gap.due, field_name("gap.due"))
    return gap if due == gap.due else replace(gap, due=due)


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
    if edit.note_en is not None:
        answer.note_en = edit.note_en
    if edit.owner is not None:
        answer.owner = edit.owner
    questions = {q.id: q for q in measure.questions}
    for question_id, value in edit.answers.items():
        if question_id not in questions:
            raise AnswerError("answer.unknown_question", id=measure.id, question=question_id,
                              known=", ".join(question_name(q) for q in questions.values()) or "-")
        if value == "" or value is None:
            answer.answers.pop(question_id, None)
        else:
            answer.answers[question_id] = coerce_question_value(questions[question_id], value)
    today = (at or now_iso())[:10]
    for index in sorted(set(edit.remove_evidence), reverse=True):
        if 0 <= index < len(answer.evidence):
            evidence.retire(answer, index, today)
    for item in edit.add_evidence:
        if item.review_months is not None:
            item = replace(item, review_months=check_months(item.review_months, field_name("evidence.review_months")) or None)
        dates = {name: entered_date(getattr(item, name), field_name(f"evidence.{name}")) for name in ("date", "valid_until")}
        evidence.attach(answer, replace(item, **dates), today)
    if edit.review_months is not None:
        answer.review_months = check_months(edit.review_months, field_name("answer.review_months")) or None
    if edit.gap is not None:
        answer.gap = _check_gap(edit.gap)
    if edit.clear_gap:
        answer.gap = None
    if edit.confirm:
        if not answer.to_confirm and edit == Edit(confirm=True):
            # nothing carried over to confirm: a bare stamp would claim a check that changed nothing
            raise AnswerError("answer.nothing_to_confirm", id=measure.id)
        answer.to_confirm = False
    if edit.status == "not_applicable" and not answer.note.strip():
        raise AnswerError("answer.na_needs_reason", id=measure.id)
    answer.changed = Change(by=by, at=at or now_iso())
    assessment.measures[measure_id] = answer
    assessment.updated = answer.changed.at
    return answer
