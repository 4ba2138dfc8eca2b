"""The DPO's review and sign-off: review states per measure, approval with a version and
a content hash, the order in which IT staff see the review, and reading a review back
from rows of an exported workbook (checked whole before anything is applied).

Pure functions over the model; no files. The CLI (`approve`, `import-review`) and the UI
call these.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date

from tom_audit.i18n import tr
from tom_audit.logic.answers import AnswerError, find_measure, now_iso
from tom_audit.logic.dates import read_date
from tom_audit.model.assessment import REVIEW_STATES, Answer, Approval, Assessment, Review
from tom_audit.model.catalogue import Catalogue, Measure
from tom_audit.problems import InputError, Problem

OBJECTIONS = ("rejected", "question")  # review states that need an answer from IT staff
CHANGED = "changed"  # derived, never stored: the answer changed after the verdict was given
SHOWN_STATES = (*REVIEW_STATES, CHANGED)  # what a UI or export shows per measure
_VERSION = re.compile(r"^(\d+)\.(\d+)\Z")  # \Z: "$" would let a final newline through


# -- review states ---------------------------------------------------------------------------


def answer_fingerprint(answer: Answer | None) -> str:
    """A short fingerprint (16 hex digits of a SHA-256) of what a reviewer judges in an answer:
    status, note, the typed answers, the evidence's identities (a file's SHA-256, else its
    path; a link's URL) and the gap. Who changed it last, the owner and the review itself are
    left out, so recording a verdict does not change the fingerprint it recorded."""
    answer = answer or Answer()
    evidence = tuple(sorted(
        ("url", item.ref) if item.is_url else ("file", item.sha256 or item.ref) for item in answer.evidence
    ))
    gap = answer.gap
    judged = (answer.status or "", answer.note.strip(), tuple((str(k), v) for k, v in answer.answers.items()),
              evidence,
              (gap.description.strip(), gap.risk, gap.action.strip(), gap.owner.strip(), gap.due, gap.state)
              if gap else None)
    try:
        return _fingerprint(judged)
    except TypeError:  # an unhashable typed answer, from a model built in code
        return _fingerprint.__wrapped__(judged)


# An export asks for each reviewed answer's fingerprint up to five times, in passes over all
# answers: the cache holds a whole assessment (a smaller one would be emptied by each pass).
@functools.lru_cache(maxsize=32_768)
def _fingerprint(judged: tuple) -> str:
    status, note, answers, evidence, gap = judged
    data = {"status": status, "note": note, "answers": dict(answers), "evidence": [list(e) for e in evidence],
            "gap": list(gap) if gap else None}
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    # surrogatepass: a model built in code may hold what no file can; it still gets a fingerprint
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def changed_since_review(answer: Answer | None) -> bool:
    """True when a verdict (accepted, rejected, question) was given and the answer is no
    longer the one it judged. A verdict without a fingerprint (written by hand or by an
    older tom-audit) cannot be tied to any answer, so it counts as changed too."""
    review = answer.review if answer else None
    if review is None or review.state == "open":
        return False
    return review.fingerprint != answer_fingerprint(answer)


def review_state(answer: Answer | None) -> str:
    """The review state of an answer as shown: "open" when nobody has reviewed it yet,
    "changed" when the answer changed since the verdict, else the verdict."""
    if not answer or not answer.review:
        return "open"
    return CHANGED if changed_since_review(answer) else answer.review.state


def set_review(assessment: Assessment, measure_id: str, state: str, *, reviewer: str, comment: str = "",
               day: date | str | None = None, catalogue: Catalogue | None = None) -> Review:
    """Record the DPO's review of one measure. Checks first; nothing changes on error."""
    if catalogue is not None:
        find_measure(catalogue, measure_id)
    if state not in REVIEW_STATES:
        raise AnswerError("review.bad_state", value=state, allowed=", ".join(REVIEW_STATES))
    day_text = day.isoformat() if isinstance(day, date) else (read_date(day or "") or day or date.today().isoformat())
    if read_date(day_text) != day_text:
        raise AnswerError("answer.bad_date", field=tr("field.review.date"), value=day_text)
    # a new Answer, never a change in place: a save thread may be writing the old one
    answer = assessment.measures.get(measure_id) or Answer()
    if not reviewer.strip():
        raise AnswerError("review.needs_reviewer")
    new_review = Review(state=state, reviewer=reviewer.strip(), date=day_text, comment=comment,
                        fingerprint=answer_fingerprint(answer),
                        extra=dict(answer.review.extra) if answer.review else {})
    assessment.measures[measure_id] = replace(answer, review=new_review)
    assessment.updated = now_iso()
    return new_review


def review_counts(catalogue: Catalogue, assessment: Assessment) -> dict[str, int]:
    """How many of the catalogue's measures are in each shown review state (`SHOWN_STATES`)."""
    counts = dict.fromkeys(SHOWN_STATES, 0)
    for measure in catalogue.measures:
        counts[review_state(assessment.measures.get(measure.id))] += 1
    return counts


def review_order(catalogue: Catalogue, assessment: Assessment) -> list[Measure]:
    """The measures as IT staff should work through them: rejected first, then those with a
    question, then the rest; catalogue order within each group."""
    rank = {"rejected": 0, "question": 1}
    return sorted(catalogue.measures, key=lambda m: rank.get(review_state(assessment.measures.get(m.id)), 2))


def objections(catalogue: Catalogue, assessment: Assessment) -> list[str]:
    """Ids of the measures the DPO rejected or asked about, in review order."""
    return [m.id for m in review_order(catalogue, assessment)
            if review_state(assessment.measures.get(m.id)) in OBJECTIONS]


# -- approval --------------------------------------------------------------------------------


def content_hash(assessment: Assessment) -> str:
    """SHA-256 of what an approval covers: everything the assessment says, but not the
    approval itself, timestamps, who changed what last, or the review states (reviewing
    is not changing)."""
    data = _without_empty_additions(asdict(assessment))
    for name in ("approval", "created", "updated"):
        data.pop(name, None)
    # The format version is not content: pinned to 1, so that approvals made under format 1
    # stay valid after the upgrade.
    data["format_version"] = 1
    measures = {}
    for measure_id, answer in data["measures"].items():
        answer.pop("review", None)
        answer.pop("changed", None)
        if any(value not in (None, "", [], {}, False) for value in answer.values()):
            measures[measure_id] = answer
    data["measures"] = measures
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# Fields added after format 1 (register, English texts, evidence rhythm and history, forced
# approval, expiry warning): left out of the content hash while empty, so that an approval
# made before they existed still matches the same content. Set, they are content.
_ADDED_FIELDS = frozenset({
    "providers", "provider", "note_en", "action_en", "review_months", "evidence_history", "retired",
    "expiry_warning_days",
})


def _without_empty_additions(value):
    if isinstance(value, dict):
        return {key: _without_empty_additions(item) for key, item in value.items()
                if not (key in _ADDED_FIELDS and item in (None, "", [], {}))}
    if isinstance(value, list):
        return [_without_empty_additions(item) for item in value]
    return value


def changed_since_approval(assessment: Assessment) -> bool:
    """True when the assessment has an approval and its content changed after it."""
    approval = assessment.approval
    return approval is not None and approval.sha256 != content_hash(assessment)


def approval_state(assessment: Assessment) -> str:
    """"none" (never approved), "approved" (unchanged since) or "changed" (changed since).
    Exports use `tom_audit.logic.approval.approval_state`, which says all of it."""
    if assessment.approval is None:
        return "none"
    return "changed" if changed_since_approval(assessment) else "approved"


def parse_version(text: str) -> tuple[int, int] | None:
    match = _VERSION.match(text.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def next_version(previous: str | None) -> str:
    """ "1.0" for the first approval, then 1.1, 1.2, ..."""
    parsed = parse_version(previous) if previous else None
    if parsed is None:
        return "1.0"
    return f"{parsed[0]}.{parsed[1] + 1}"


def approve(*args, **kwargs) -> Approval:
    """The approval with its checklist: see `tom_audit.logic.approval.approve`."""
    from tom_audit.logic.approval import approve as checked_approve  # approval builds on this module

    return checked_approve(*args, **kwargs)


# -- reading a review back from a workbook ----------------------------------------------------


@dataclass(frozen=True)
class ReviewRow:
    """One data row of a review sheet, as read from the workbook (texts already trimmed)."""

    row: int  # the sheet's row number, as the user sees it
    key: str  # "{assessment id}/{measure id}" from the hidden column; "" when empty
    state: str  # the cell's text: a localised label or a state id; "" when empty
    reviewer: str = ""
    date: str = ""  # ISO date, or the cell's text when it is not a date
    comment: str = ""
    other: bool = False  # the row has text in some other column (e.g. a row typed in by hand)
    shown_id: str = ""  # the measure id in the visible id column
    fingerprint: str = ""  # answer_fingerprint of the answer as exported ("" when the cell is empty)

    def is_blank(self) -> bool:
        return not (self.key or self.state or self.reviewer or self.date or self.comment or self.other
                    or self.shown_id or self.fingerprint)


@dataclass(frozen=True)
class ReviewChange:
    measure_id: str
    row: int
    old: Review | None
    new: Review


@dataclass(frozen=True)
class StaleRow:
    """A row whose answer changed after the workbook was exported: its verdict judged
    another text."""

    measure_id: str
    row: int


@dataclass
class ReviewImport:
    """What an import would do: every change, how many rows were unchanged, the measures
    the workbook has no row for (rows deleted, or a catalogue newer than the export; their
    review is left as it is) and, with `skip_stale`, the stale rows left out."""

    changes: list[ReviewChange] = field(default_factory=list)
    unchanged: int = 0
    missing: list[str] = field(default_factory=list)
    stale: list[StaleRow] = field(default_factory=list)


def plan_review_import(assessment: Assessment, catalogue: Catalogue, rows: Iterable[ReviewRow], *,
                       shown: str, state_of, today: date, by: str = "", skip_stale: bool = False) -> ReviewImport:
    """Check every row and work out the changes, without applying any. Raises InputError
    naming every bad row: a workbook of another assessment, rows without or with unknown
    or repeated keys, a key whose measure is not the one the row shows, unknown review
    states, invalid dates, a change without a reviewer (neither in the row nor `by`), and a
    change to a measure whose answer changed since the export (its fingerprint differs:
    the verdict judged another text) unless `skip_stale`, which leaves such rows out and
    lists them in `ReviewImport.stale`. Rows are matched by their key, so their order does
    not matter.

    `state_of(text)` turns a state cell into a state id, or "changed" for the exporter's
    "changed since review" label (no new verdict), None when unknown; an empty cell is
    "open". `by` is the reviewer recorded for changed rows that name none; never guessed.
    """
    problems: list[Problem] = []
    rows = [row for row in rows if not row.is_blank()]

    def problem(key: str, **params) -> None:
        problems.append(Problem(shown, f"review.import.{key}", params))

    keyed = []
    for row in rows:
        if not row.key:
            problem("no_key", row=row.row)
            continue
        assessment_id, sep, measure_id = row.key.partition("/")
        if not sep or not measure_id:
            problem("bad_key", row=row.row, key=row.key)
            continue
        keyed.append((row, assessment_id, measure_id))
    foreign = {aid for _, aid, _ in keyed if aid != assessment.id}
    if keyed and all(aid != assessment.id for _, aid, _ in keyed):
        other = ", ".join(sorted(foreign))
        raise InputError([Problem(shown, "review.import.other_assessment", {"other": other, "this": assessment.id})])
    seen: dict[str, int] = {}
    plan = ReviewImport()
    for row, assessment_id, measure_id in keyed:
        if assessment_id != assessment.id:
            problem("foreign_row", row=row.row, other=assessment_id, this=assessment.id)
            continue
        if measure_id not in catalogue.measure_by_id:
            problem("unknown_measure", row=row.row, id=measure_id, catalogue=catalogue.id)
            continue
        if measure_id in seen:
            problem("duplicate", row=row.row, first=seen[measure_id], id=measure_id)
            continue
        seen[measure_id] = row.row
        if row.shown_id != measure_id:
            problem("key_mismatch", row=row.row, measure=measure_id, shown=row.shown_id or "-")
            continue
        state = state_of(row.state) if row.state else "open"
        if state is None:
            problem("bad_state", row=row.row, value=row.state, id=measure_id)
            continue
        if row.date and read_date(row.date) is None:
            problem("bad_date", row=row.row, value=row.date, id=measure_id)
            continue
        row_date = read_date(row.date) if row.date else ""  # the workbook may say 31.03.2027
        answer = assessment.measures.get(measure_id)
        old = answer.review if answer else None
        before = old or Review()
        if state == CHANGED:  # the exporter's mark, left as it was: no new verdict
            if row.comment != before.comment or (row.reviewer and row.reviewer != before.reviewer):
                problem("needs_verdict", row=row.row, id=measure_id)  # a comment without a verdict
            else:
                plan.unchanged += 1
            continue
        bound = not changed_since_review(answer)
        if bound and (state, row.reviewer, row.comment) == (before.state, before.reviewer, before.comment) and (
                not row_date or row_date == before.date):
            plan.unchanged += 1
            continue
        current = answer_fingerprint(answer)
        if row.fingerprint != current:
            if skip_stale:
                plan.stale.append(StaleRow(measure_id, row.row))
            else:
                problem("stale", row=row.row, id=measure_id)
            continue
        reviewer = row.reviewer or by.strip()
        if not reviewer:
            problem("no_reviewer", row=row.row, id=measure_id)
            continue
        new = Review(state=state, reviewer=reviewer, date=row_date or today.isoformat(),
                     comment=row.comment, fingerprint=current, extra=dict(old.extra) if old else {})
        plan.changes.append(ReviewChange(measure_id, row.row, old, new))
    if problems:
        raise InputError(problems)
    plan.missing = [m.id for m in catalogue.measures if m.id not in seen]
    return plan


def apply_review_import(assessment: Assessment, plan: ReviewImport) -> None:
    """Apply a checked plan: all of it. The caller saves once."""
    for change in plan.changes:
        answer = assessment.measures.get(change.measure_id) or Answer()
        assessment.measures[change.measure_id] = replace(answer, review=copy.deepcopy(change.new))
    if plan.changes:
        assessment.updated = now_iso()
