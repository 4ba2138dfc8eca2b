"""What changed since an earlier version of the assessment (`export --since OLD`), as plain
rows: the annex's "changed since" column and the change list, one row per change.

The comparison itself is `logic.diff`; this module only checks that OLD fits and turns the
`AssessmentDiff` into localised rows (labels instead of ids, dates in the export's format).
Texts the users typed (notes, owners, comments, evidence titles) are kept as typed; the
writers escape them (`text.cell_text` in the workbook, `md_cell` in Markdown).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from tom_audit.export.content import evidence_line, question_value, stand_of
from tom_audit.export.text import format_date
from tom_audit.i18n import current_language, tr
from tom_audit.logic.diff import AssessmentDiff, FieldChange, MeasureDiff, diff, summarise
from tom_audit.logic.dates import parse_date
from tom_audit.model.assessment import Evidence, Gap
from tom_audit.model.catalogue import Catalogue, Measure
from tom_audit.problems import WARNING, InputError, Problem, display_path
from tom_audit.store.assessment_store import Loaded

# the assessment's own fields, labelled as on the cover
FIELD_LABELS = {
    "organisation.name": "export.cover.organisation",
    "organisation.address": "export.cover.address",
    "organisation.contact": "export.cover.contact",
    "scope.service": "export.cover.service",
    "scope.protection_need": "export.cover.protection_need",
    "scope.responsible": "export.cover.responsible",
    "scope.review_interval_months": "export.changes.field.review_interval",
    "language": "export.changes.field.language",
}
# gap fields in the order they are shown, with their column labels
GAP_FIELDS = (("description", "export.col.gap"), ("action", "export.col.action"), ("owner", "export.col.owner"),
              ("due", "export.col.due"), ("risk", "export.col.risk"), ("state", "export.col.gap_state"))


@dataclass(frozen=True)
class ChangeRow:
    """One change: to the assessment (`measure_id` empty), the catalogue or a measure."""

    section: str  # "assessment", "catalogue" or "measure"
    kind: str  # e.g. "status", "evidence_added", "gap_opened", "answer", "scoping", "catalogue_added"
    kind_label: str  # localised, e.g. "Status", "Nachweis hinzugefügt", "Angabe: RPO"
    measure_id: str = ""
    title: str = ""  # measure title, or what else changed ("Schutzbedarf", a scoping question)
    old: str = ""
    new: str = ""


@dataclass
class ChangeList:
    """Everything `--since OLD` adds to an export."""

    since: date  # the "Stand" of OLD
    old_file: str  # OLD's file name (no folder: the export does not depend on where it lay)
    old_approval: str  # OLD's approval version, "" when it had none
    diff: AssessmentDiff
    summaries: dict[str, str]  # measure id -> one line, for the annex column
    rows: list[ChangeRow]

    @property
    def measures_changed(self) -> int:
        return len(self.diff.measures)

    def __bool__(self) -> bool:
        return bool(self.rows)


# -- checking OLD ------------------------------------------------------------------------


def check_since(old: Loaded, new: Loaded, today: date) -> list[Problem]:
    """OLD must be a version of the same assessment: another assessment id raises an
    InputError. Warnings (returned): OLD is newer than FILE, which usually means the two
    were given the wrong way round."""
    shown = display_path(old.path)
    if not new.assessment.follows(old.assessment):
        raise InputError([Problem(shown, "export.since.other_assessment",
                                  {"old": old.assessment.id or "-", "new": new.assessment.id or "-",
                                   "file": display_path(new.path)})])
    old_stand, new_stand = stand_of(old.assessment, today), stand_of(new.assessment, today)
    if old_stand > new_stand:
        lang = current_language()
        dates = {"old": format_date(old_stand, lang), "new": format_date(new_stand, lang)}
        return [Problem(shown, "export.since.newer", dates, severity=WARNING)]
    return []


# -- the rows ----------------------------------------------------------------------------


def _status(status: str | None, lang: str) -> str:
    return tr(f"status.{status}", lang) if status else tr("status.open", lang)


def _plain(value: Any, lang: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return tr("word.yes" if value else "word.no", lang)
    return str(value)


def _date_text(text: str, lang: str) -> str:
    parsed = parse_date(text) if text else None
    return format_date(parsed, lang) if parsed else text


def evidence_detail(item: Evidence, lang: str) -> str:
    """A piece of evidence as the change list names it: as in the annex, plus its date and
    the start of its hash, which tell two versions of one file apart."""
    parts = [evidence_line(item, lang)]
    if item.date:
        parts.append(tr("export.changes.evidence_date", lang, date=_date_text(item.date, lang)))
    if item.sha256:
        parts.append(f"SHA-256 {item.sha256[:12]}…")
    return " · ".join(parts)


def _gap_value(gap: Gap, name: str, lang: str) -> str:
    value = getattr(gap, name) or ""
    if not value:
        return ""
    if name == "due":
        return _date_text(value, lang)
    if name == "risk":
        return tr(f"export.risk.{value}", lang)
    if name == "state":
        return tr(f"export.gap_state.{value}", lang)
    return value.strip()


def gap_texts(old: Gap | None, new: Gap | None, lang: str) -> tuple[str, str]:
    """Before and after of a gap, one "Label: value" line per field: every field when the
    gap is new or gone, only the fields that differ when it was edited."""
    both = old is not None and new is not None

    def lines(gap: Gap | None) -> str:
        if gap is None:
            return ""
        out = []
        for name, label in GAP_FIELDS:
            value = _gap_value(gap, name, lang)
            if both and value == _gap_value(old if gap is new else new, name, lang):
                continue
            if value:
                out.append(f"{tr(label, lang)}: {value}")
        return "\n".join(out)

    return lines(old), lines(new)


def _question_value(measure: Measure | None, question_id: str, value: Any, lang: str) -> str:
    if value is None:
        return ""
    question = next((q for q in measure.questions if q.id == question_id), None) if measure else None
    return question_value(question, value, lang) if question else _plain(value, lang)


def _question_label(measure: Measure | None, question_id: str, lang: str) -> str:
    question = next((q for q in measure.questions if q.id == question_id), None) if measure else None
    return question.label(lang) if question else question_id


def measure_rows(change: MeasureDiff, measure: Measure | None, title: str, lang: str) -> list[ChangeRow]:
    """Every change of one measure, in the order of `MeasureDiff.kinds()`."""
    rows: list[ChangeRow] = []

    def add(kind: str, old: str = "", new: str = "", label: str | None = None) -> None:
        rows.append(ChangeRow("measure", kind, label or tr(f"export.changes.kind.{kind}", lang), change.measure_id,
                              title, old, new))

    if change.catalogue:
        add(f"catalogue_{change.catalogue}")
    if change.status:
        add("status", _status(change.status.old, lang), _status(change.status.new, lang))
    for item in change.evidence_added:
        add("evidence_added", "", evidence_detail(item, lang))
    for item in change.evidence_removed:
        add("evidence_removed", evidence_detail(item, lang), "")
    for before, after in change.evidence_updated:
        add("evidence_updated", evidence_detail(before, lang), evidence_detail(after, lang))
    if change.gap:
        add(f"gap_{change.gap}", *gap_texts(change.gap_old, change.gap_new, lang))
    if change.note:
        add("note", change.note.old.strip(), change.note.new.strip())
    if change.owner:
        add("owner", change.owner.old or "", change.owner.new or "")
    for answer in change.answers:
        question_id = answer.field.split(".", 1)[1]
        add("answer", _question_value(measure, question_id, answer.old, lang),
            _question_value(measure, question_id, answer.new, lang),
            label=tr("export.changes.kind.answer", lang, question=_question_label(measure, question_id, lang)))
    if change.to_confirm:
        to_confirm, confirmed = tr("export.changes.confirm.open", lang), tr("export.changes.confirm.done", lang)
        add("to_confirm", *(to_confirm if v else confirmed for v in (change.to_confirm.old, change.to_confirm.new)))
    if change.review:
        add("review", tr(f"review.state.{change.review.old}", lang), tr(f"review.state.{change.review.new}", lang))
    if change.review_comment:
        add("review_comment", change.review_comment.old or "", change.review_comment.new or "")
    return rows


def _approval_text(value: dict[str, Any] | None, lang: str) -> str:
    if not value:
        return tr("review.approval.none", lang)
    return tr("review.approval.approved", lang, version=value.get("version") or "-",
              date=_date_text(value.get("date") or "", lang) or "-", by=value.get("by") or "-")


def _scoping_text(catalogue: Catalogue, question_id: str, value: Any, lang: str) -> str:
    if value is None:
        return tr("status.open", lang)
    question = next((q for q in catalogue.scoping if q.id == question_id), None)
    if question is not None and not isinstance(value, bool):
        return next((o.label(lang) for o in question.options if o.id == value), str(value))
    return _plain(value, lang)


def assessment_rows(result: AssessmentDiff, catalogue: Catalogue, lang: str) -> list[ChangeRow]:
    """Changes to the assessment as a whole: its fields, the scoping answers, the approval
    and the catalogue it is answered against."""
    rows = []
    for change in result.fields:
        label = FIELD_LABELS.get(change.field)
        title = tr(label, lang) if label else change.field
        old, new = change.old, change.new
        if change.field == "scope.protection_need":
            old, new = (tr(f"level.{v}", lang) if v else "" for v in (old, new))
        rows.append(ChangeRow("assessment", "field", tr("export.changes.kind.field", lang), title=title,
                              old=_plain(old, lang), new=_plain(new, lang)))
    questions = {q.id: q for q in catalogue.scoping}
    for change in result.scoping:
        question_id = change.field.split(".", 1)[1]
        question = questions.get(question_id)
        rows.append(ChangeRow("assessment", "scoping", tr("export.changes.kind.scoping", lang),
                              title=question.question(lang) if question else question_id,
                              old=_scoping_text(catalogue, question_id, change.old, lang),
                              new=_scoping_text(catalogue, question_id, change.new, lang)))
    if result.approval:
        rows.append(ChangeRow("assessment", "approval", tr("export.changes.kind.approval", lang),
                              title=tr("export.cover.approval", lang),
                              old=_approval_text(result.approval.old, lang),
                              new=_approval_text(result.approval.new, lang)))
    c = result.catalogue
    if c and (c.old_id, c.old_version) != (c.new_id, c.new_version):
        rows.append(ChangeRow("catalogue", "catalogue", tr("export.changes.kind.catalogue", lang),
                              title=tr("export.cover.catalogue", lang),
                              old=f"{c.old_id} {c.old_version}", new=f"{c.new_id} {c.new_version}"))
    return rows


def _labelled(change: MeasureDiff, measure: Measure | None, lang: str) -> MeasureDiff:
    """The change with its typed answers under their labels and in their units, so that the
    one-line summary reads "RPO: 24 Std. → 4 Std." rather than "rpo_hours: 24 → 4"."""
    if not change.answers:
        return change
    answers = []
    for answer in change.answers:
        question_id = answer.field.split(".", 1)[1]
        old = _question_value(measure, question_id, answer.old, lang) or None
        new = _question_value(measure, question_id, answer.new, lang) or None
        answers.append(FieldChange(f"answers.{_question_label(measure, question_id, lang)}", old, new))
    return dataclasses.replace(change, answers=answers)


def change_list(old: Loaded, new: Loaded, lang: str, today: date) -> ChangeList:
    """Compare OLD with the assessment being exported (raises InputError when OLD is another
    assessment) and lay the differences out as rows."""
    check_since(old, new, today)
    result = diff(old.assessment, new.assessment, catalogue_old=old.catalogue, catalogue_new=new.catalogue)
    rows = assessment_rows(result, new.catalogue, lang)
    summaries = {}
    for change in result.measures:
        measure = new.catalogue.measure_by_id.get(change.measure_id) or old.catalogue.measure_by_id.get(
            change.measure_id)
        title = measure.title(lang) if measure else ""
        rows += measure_rows(change, measure, title, lang)
        line = summarise(_labelled(change, measure, lang), lang)
        summaries[change.measure_id] = line[:1].upper() + line[1:]  # a cell of its own: "Status: …"
    approval = old.assessment.approval
    return ChangeList(since=stand_of(old.assessment, today), old_file=old.path.name,
                      old_approval=approval.version if approval else "", diff=result, summaries=summaries,
                      rows=rows)
