"""What goes into an export, as plain rows: no openpyxl, no files.

`build(loaded, lang, options)` turns a loaded assessment into an `ExportContent`: the cover
fields, the summary per category, the annex rows, the action plan, the evidence register and
the review rows. The xlsx, Markdown and JSON writers only lay these out, so tests can check
every row without opening a workbook, and the three formats cannot disagree.

Everything here depends only on the assessment, the catalogue, the language and the
options (`today`, `exported_on`): the same input gives the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from tom_audit.export import review_layout
from tom_audit.export.text import format_date, format_number
from tom_audit.i18n import tr
from tom_audit.logic.applicability import effective_of
from tom_audit.logic.approval import ApprovalState, Completeness, approval_state, completeness
from tom_audit.logic.na_reasons import na_reason
from tom_audit.logic.dates import add_months, parse_date
from tom_audit.logic.progress import Counts, progress
from tom_audit.logic.review import answer_fingerprint, review_counts
from tom_audit.logic.review import review_state as shown_review_state
from tom_audit.logic.provider_text import inherited_line
from tom_audit.model.assessment import OPEN_GAP_STATES, RISKS, STATUSES, Answer, Assessment, Evidence
from tom_audit.model.catalogue import Catalogue, Category, Measure, Question
from tom_audit.store.assessment_store import Loaded

if TYPE_CHECKING:
    from tom_audit.export.changes import ChangeList

ANNEX_STATUSES = ("implemented", "partial", "not_applicable")
ACTION_STATUSES = ("partial", "planned", "not_implemented")
# highest risk first; a gap without a risk after all rated ones
RISK_ORDER = {risk: i for i, risk in enumerate(reversed(RISKS))}


@dataclass(frozen=True)
class ExportOptions:
    include_planned: bool = False  # planned measures in the annex, with their target date
    today: date = field(default_factory=date.today)  # for "overdue" and "expired"
    exported_on: datetime | None = None  # the stamp on the cover; None: no stamp
    include_evidence: bool = True  # False (--no-evidence): the annex names no evidence


@dataclass(frozen=True)
class CoverField:
    label: str
    value: str | int | date
    user: bool = True  # typed by a user (escaped in cells)


@dataclass
class Cover:
    title: str
    subtitle: str
    fields: list[CoverField]
    scoping: list[CoverField]
    counts: list[CoverField]
    status: str = ""  # "Version 1.0, approved on … by …" or "Draft …", under the title
    draft: bool = True
    notice: str = ""  # what the export leaves out (Completeness.line), "" when complete


@dataclass(frozen=True)
class SummaryRow:
    category_id: str
    title: str
    art32: str
    counts: Counts

    @property
    def applicable(self) -> int:
        return self.counts.total - self.counts.by_status["not_applicable"]

    @property
    def coverage(self) -> float | None:
        """Share of applicable measures that are implemented; None when none apply."""
        return self.counts.by_status["implemented"] / self.applicable if self.applicable else None


@dataclass(frozen=True)
class AnnexRow:
    """One line of the contract annex: a category heading, a measure, or the note that a
    category has nothing to show."""

    role: str  # "heading", "measure" or "empty"
    category_id: str
    measure_id: str = ""
    title: str = ""  # measure title, or the category heading
    goal: str = ""  # category rows: the control goal
    kind: str = ""  # technical / organisational, localised
    status: str = ""  # status id
    status_label: str = ""  # localised, with the target date for planned measures
    description: str = ""  # the organisation's note plus its answers to extra questions
    evidence: str = ""  # one reference per line
    target_date: date | None = None
    automatic: bool = False  # N/A decided by the scoping answers, reason from the catalogue
    changed: str = ""  # with --since: what changed since then, in one line
    references: dict[str, tuple[str, ...]] = field(default_factory=dict)  # catalogue key -> ids (`references`)


@dataclass(frozen=True)
class ActionRow:
    measure_id: str
    title: str
    category: str
    required: bool
    required_label: str
    status_label: str
    risk: str  # risk id or ""
    risk_label: str
    description: str
    action: str
    owner: str
    due: date | None
    due_text: str  # the stored text, also when it is not a valid date
    state: str
    state_label: str
    overdue: bool


@dataclass(frozen=True)
class EvidenceRow:
    measure_id: str
    title: str
    kind: str
    kind_label: str
    ref: str
    is_url: bool
    description: str
    date: date | None
    valid_until: date | None
    sha256: str
    expired: bool


@dataclass(frozen=True)
class ReviewRow:
    key: str
    measure_id: str
    category: str
    title: str
    required_label: str
    status: str  # status id, "" when open
    status_label: str
    note: str
    evidence_count: int
    review_state: str
    review_state_label: str
    reviewer: str
    review_date: date | None
    comment: str
    fingerprint: str = ""  # logic.review.answer_fingerprint of the answer shown in this row


@dataclass
class ExportContent:
    lang: str
    options: ExportOptions
    assessment: Assessment
    catalogue: Catalogue
    stand: date
    cover: Cover
    summary: list[SummaryRow]
    overall: Counts
    annex: list[AnnexRow]
    actions: list[ActionRow]
    evidence: list[EvidenceRow]
    review: list[ReviewRow]
    changes: ChangeList | None = None  # with --since OLD: what changed since then
    approval: ApprovalState = field(default_factory=lambda: ApprovalState(approved=False))
    completeness: Completeness = field(default_factory=Completeness)

    @property
    def draft(self) -> bool:
        """Everything but an approved, unchanged assessment is a draft ("Entwurf")."""
        return not self.approval.approved

    @property
    def organisation(self) -> str:
        return self.assessment.organisation.name

    @property
    def references(self) -> list:
        """Each measure's ISO/BSI/SDM/Grundschutz++ references with its status (export.references)."""
        from tom_audit.export.reference_table import reference_rows

        return reference_rows(self.catalogue, self.assessment, self.lang)


# -- helpers ---------------------------------------------------------------------------


def note_in(answer, lang: str) -> str:
    """The answer's note in `lang`: its English text (note_en) for English, where given."""
    return (answer.note_en.strip() if lang == "en" and answer.note_en.strip() else answer.note.strip())


def action_in(gap, lang: str) -> str:
    """The gap's action in `lang`: its English text (action_en) for English, where given."""
    return (gap.action_en.strip() if lang == "en" and gap.action_en.strip() else gap.action.strip())


def art32_label(category: Category, lang: str) -> str:
    if not category.art32:
        return ""
    return tr("export.art32", lang, letters=", ".join(category.art32))


def art32_heading(category: Category, lang: str) -> str:
    art32 = art32_label(category, lang)
    return f"{category.title(lang)} ({art32})" if art32 else category.title(lang)


def stand_of(assessment: Assessment, today: date) -> date:
    """The date the assessment speaks for ("Stand"): its last change, else its creation."""
    return parse_date(assessment.updated) or parse_date(assessment.created) or today


def answer_lines(measure: Measure, answer: Answer, lang: str) -> list[str]:
    """The answers to a measure's extra questions as "label: value unit" lines, in catalogue order."""
    lines = []
    for question in measure.questions:
        if question.id in answer.answers:
            lines.append(f"{question.label(lang)}: {question_value(question, answer.answers[question.id], lang)}")
    return lines


def question_value(question: Question, value: float | int | str, lang: str) -> str:
    if question.type == "number" and isinstance(value, (int, float)):
        text = format_number(value, lang)
        return f"{text} {question.unit(lang)}" if question.unit else text
    if question.type == "choice":
        for option in question.options:
            if option.id == value:
                return option.label(lang)
    if question.type == "date":
        parsed = parse_date(str(value))
        return format_date(parsed, lang) if parsed else str(value)
    return str(value)


def evidence_line(item: Evidence, lang: str) -> str:
    """How the annex names a piece of evidence: its kind and title (a file's path is internal
    and stays in the evidence register), a URL in full, and the validity if it has one."""
    name = item.description.strip() or item.ref
    if item.is_url and item.description.strip():
        name += f" ({item.ref})"
    line = f"{tr(f'evidence.{item.kind}', lang)}: {name}"
    valid = parse_date(item.valid_until)
    if valid:
        line += " " + tr("export.annex.valid_until", lang, date=format_date(valid, lang))
    return line


def level_label(measure: Measure, need: str, lang: str, scoping: dict | None = None) -> str:
    """"Pflicht" / "empf." at the protection need; "überholt" for a deprecated practice,
    which is neither (BSI advises against it: not doing it is the good answer)."""
    if measure.deprecated_reason:
        return tr("export.deprecated", lang)
    return tr("export.required" if measure.required_at(need, scoping) else "export.recommended", lang)


def _status_labels(lang: str) -> dict[str | None, str]:
    labels: dict[str | None, str] = {s: tr(f"status.{s}", lang) for s in STATUSES}
    labels[None] = tr("status.open", lang)
    return labels


# -- the parts -------------------------------------------------------------------------


def summary_rows(catalogue: Catalogue, assessment: Assessment, lang: str) -> tuple[list[SummaryRow], Counts]:
    result = progress(catalogue, assessment)
    rows = [SummaryRow(category.id, category.title(lang),
                       tr("export.art32_short", lang, letters=", ".join(category.art32)) if category.art32 else "",
                       counts)
            for category, counts in result.categories]
    return rows, result.overall


def annex_rows(catalogue: Catalogue, assessment: Assessment, lang: str, include_planned: bool = False,
               changed: dict[str, str] | None = None) -> list[AnnexRow]:
    """The contract annex: per category a heading, then what is implemented or partly so
    (with the organisation's own description), N/A with its reason, and planned measures
    (with target date) only when asked. Nothing about gaps, risks or owners. `changed`
    (measure id -> one line) fills the "changed since" column of `--since`."""
    changed = changed or {}
    statuses = _status_labels(lang)
    kinds = {"technical": tr("kind.technical", lang), "organisational": tr("kind.organisational", lang)}
    wanted = ANNEX_STATUSES + (("planned",) if include_planned else ())
    rows: list[AnnexRow] = []
    for category in catalogue.categories:
        measures = catalogue.measures_by_category.get(category.id, ())
        if not measures:
            continue
        rows.append(AnnexRow("heading", category.id, title=art32_heading(category, lang), goal=category.goal(lang)))
        count = 0
        for measure in measures:
            state = effective_of(assessment, measure)
            if state.status not in wanted:
                continue
            if state.status == "not_applicable" and state.automatic and measure.deprecated_reason:
                continue  # a deprecated practice ruled out: nothing to state, nothing open
            answer = assessment.answer(measure.id)
            label = statuses[state.status]
            status = state.status
            target = None
            if state.status == "not_applicable":
                # only the organisation's own, supported reason; else the measure is open
                reason = na_reason(catalogue, assessment, measure, lang)
                description = (reason.text if state.automatic else note_in(answer, lang)) if reason.printable else ""
                if not reason.printable:
                    status = "open"
                    label = (tr("export.annex.na_unsupported", lang, ids=", ".join(reason.unsupported))
                             if reason.unsupported and not reason.suggested else tr("export.annex.na_unconfirmed", lang))
            else:
                description = "\n".join(filter(None, [note_in(answer, lang), *answer_lines(measure, answer, lang)]))
            if answer.provider:  # inherited: the provider and its certificate, as in the register
                description = "\n".join(filter(None, [inherited_line(assessment.providers, answer.provider, lang),
                                                       description]))
            if state.status == "planned":
                target = parse_date(answer.gap.due) if answer.gap else None
                label = (tr("export.annex.planned_until", lang, date=format_date(target, lang)) if target
                         else tr("export.annex.planned_no_date", lang))
            evidence = "\n".join(evidence_line(item, lang) for item in answer.evidence) \
                if state.status != "not_applicable" else ""
            rows.append(AnnexRow(
                "measure", category.id, measure.id, measure.title(lang), kind=kinds.get(measure.kind, measure.kind),
                status=status, status_label=label, description=description, evidence=evidence,
                target_date=target, automatic=state.automatic, changed=changed.get(measure.id, ""),
                references=dict(measure.references),
            ))
            count += 1
        if not count:
            rows.append(AnnexRow("empty", category.id, title=tr("export.annex.none_implemented", lang)))
    return rows


def action_rows(catalogue: Catalogue, assessment: Assessment, lang: str, today: date) -> list[ActionRow]:
    """Every gap: a measure partly, not or only planned to be implemented, or any measure
    with a recorded gap; highest risk first, then the earliest due date."""
    statuses = _status_labels(lang)
    need = assessment.scope.protection_need
    keyed = []
    for index, measure in enumerate(catalogue.measures):
        answer = assessment.answer(measure.id)
        state = effective_of(assessment, measure)
        if state.status not in ACTION_STATUSES and answer.gap is None:
            continue
        if measure.deprecated_reason and (answer.gap is None or state.status == "not_implemented"):
            continue  # not doing a deprecated practice is the good answer, never a gap
        gap = answer.gap
        risk = gap.risk if gap else ""
        due_text = gap.due if gap else ""
        due = parse_date(due_text)
        gap_state = gap.state if gap else "open"
        overdue = due is not None and due < today and gap_state in OPEN_GAP_STATES  # as lint's TOM009
        required = measure.required_at(need, assessment.scoping)
        row = ActionRow(
            measure_id=measure.id, title=measure.title(lang),
            category=catalogue.category_by_id[measure.category].title(lang)
            if measure.category in catalogue.category_by_id else measure.category,
            required=required, required_label=level_label(measure, need, lang, assessment.scoping),
            status_label=statuses[state.status], risk=risk, risk_label=tr(f"export.risk.{risk}", lang) if risk else "",
            description=gap.description.strip() if gap else "", action=action_in(gap, lang) if gap else "",
            owner=(gap.owner or answer.owner) if gap else answer.owner,
            due=due, due_text=due_text, state=gap_state,
            state_label=tr(f"export.gap_state.{gap_state}", lang), overdue=overdue,
        )
        keyed.append(((RISK_ORDER.get(risk, len(RISKS)), due or date.max, index), row))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _, row in keyed]


def evidence_rows(catalogue: Catalogue, assessment: Assessment, lang: str, today: date) -> list[EvidenceRow]:
    kinds = {}
    rows = []
    for measure in catalogue.measures:
        answer = assessment.measures.get(measure.id)
        if not answer or not answer.evidence:
            continue
        for item in answer.evidence:
            if item.kind not in kinds:
                kinds[item.kind] = tr(f"evidence.{item.kind}", lang)
            valid = parse_date(item.valid_until)
            rows.append(EvidenceRow(
                measure_id=measure.id, title=measure.title(lang), kind=item.kind, kind_label=kinds[item.kind],
                ref=item.ref, is_url=item.is_url, description=item.description, date=parse_date(item.date),
                valid_until=valid, sha256=item.sha256, expired=valid is not None and valid < today,
            ))
    return rows


def review_rows(catalogue: Catalogue, assessment: Assessment, lang: str) -> list[ReviewRow]:
    """One row per catalogue measure, in catalogue order, for the DPO's review."""
    statuses = _status_labels(lang)
    required, recommended = tr("export.required", lang), tr("export.recommended", lang)
    categories = {c.id: c.title(lang) for c in catalogue.categories}
    need = assessment.scope.protection_need
    rows = []
    for measure in catalogue.measures:
        answer = assessment.answer(measure.id)
        state = effective_of(assessment, measure)
        note = note_in(answer, lang)
        if state.automatic and not note:
            reason = state.reason(lang) if state.reason else tr("export.annex.na_scoping", lang)
            note = tr("export.review.automatic", lang, reason=reason)
        review = answer.review
        review_state = shown_review_state(answer)
        rows.append(ReviewRow(
            key=review_layout.review_key(assessment.id, measure.id), measure_id=measure.id,
            category=categories.get(measure.category, measure.category), title=measure.title(lang),
            required_label=tr("export.deprecated", lang) if measure.deprecated_reason
            else required if measure.required_at(need, assessment.scoping) else recommended,
            status=state.status or "", status_label=statuses[state.status], note=note,
            evidence_count=len(answer.evidence), review_state=review_state,
            review_state_label=review_layout.state_label(review_state, lang),
            reviewer=review.reviewer if review else "", review_date=parse_date(review.date) if review else None,
            comment=review.comment if review else "", fingerprint=answer_fingerprint(answer),
        ))
    return rows


def approval_text(assessment: Assessment, lang: str) -> str:
    """"Version 1.0, approved on DATE by NAME" (noting a forced approval), else "Draft", with
    the approval that no longer holds when the content changed since."""
    return approval_state(assessment).label(lang)




def cover(loaded: Loaded, lang: str, options: ExportOptions, stand: date, overall: Counts,
          actions: list[ActionRow], evidence: list[EvidenceRow], complete: Completeness | None = None) -> Cover:
    """Who, what, as of when, the approval and review state, what the export leaves out,
    the scope, the counts."""
    a, c = loaded.assessment, loaded.catalogue
    state = approval_state(a)
    complete = complete or Completeness()
    s = overall.by_status
    next_review = add_months(stand, a.scope.review_interval_months)
    fields = [
        CoverField(tr("export.cover.organisation", lang), a.organisation.name),
        CoverField(tr("export.cover.address", lang), a.organisation.address),
        CoverField(tr("export.cover.contact", lang), a.organisation.contact),
        CoverField(tr("export.cover.service", lang), a.scope.service),
        CoverField(tr("export.cover.protection_need", lang), tr(f"level.{a.scope.protection_need}", lang), False),
        CoverField(tr("export.cover.catalogue", lang), f"{c.title(lang)} ({c.id}, {tr('export.version', lang)} {c.version})"),
        CoverField(tr("export.cover.assessment_id", lang), a.id),
        CoverField(tr("export.cover.stand", lang), stand, False),
        CoverField(tr("export.cover.approval", lang), approval_text(a, lang)),
        CoverField(tr("export.cover.responsible", lang), a.scope.responsible),
        CoverField(tr("export.cover.review_cycle", lang),
                   tr("export.cover.review_cycle_value", lang, months=a.scope.review_interval_months,
                      date=format_date(next_review, lang)), False),
        CoverField(tr("export.cover.review_state", lang),
                   tr("export.cover.review_summary", lang, **review_counts(c, a)), False),
        CoverField(tr("export.cover.completeness", lang), complete.line(lang) or tr("completeness.complete", lang),
                   False),
    ]
    if state.approved and state.forced:
        fields.append(CoverField(tr("export.cover.forced_items", lang), "\n".join(state.open_item_texts(lang))))
    if options.exported_on:
        stamp = options.exported_on
        fields.append(CoverField(tr("export.cover.exported_on", lang),
                                 f"{format_date(stamp.date(), lang)} {stamp:%H:%M}", False))
    scoping = []
    for question in c.scoping:
        if question.id not in a.scoping:
            value = tr("status.open", lang)
        else:
            answer = a.scoping[question.id]
            if isinstance(answer, bool):
                value = tr("word.yes" if answer else "word.no", lang)
            else:
                value = next((o.label(lang) for o in question.options if o.id == answer), str(answer))
        scoping.append(CoverField(question.question(lang), value, False))
    open_gaps = [r for r in actions if r.state in OPEN_GAP_STATES]
    counts = [
        CoverField(tr("export.cover.count.total", lang), overall.total, False),
        CoverField(tr("status.implemented", lang), s["implemented"], False),
        CoverField(tr("status.partial", lang), s["partial"], False),
        CoverField(tr("status.planned", lang), s["planned"], False),
        CoverField(tr("status.not_implemented", lang), s["not_implemented"], False),
        CoverField(tr("status.not_applicable", lang), s["not_applicable"], False),
        CoverField(tr("export.cover.count.open", lang), overall.open, False),
        CoverField(tr("export.cover.count.required", lang),
                   tr("export.cover.count.required_value", lang, done=overall.required_implemented,
                      total=overall.required), False),
        CoverField(tr("export.cover.count.gaps", lang),
                   tr("export.cover.count.gaps_value", lang, open=len(open_gaps),
                      overdue=sum(r.overdue for r in actions)), False),
        CoverField(tr("export.cover.count.evidence", lang),
                   tr("export.cover.count.evidence_value", lang, total=len(evidence),
                      expired=sum(r.expired for r in evidence)), False),
    ]
    return Cover(tr("export.cover.title", lang), tr("export.cover.subtitle", lang), fields, scoping, counts,
                 status=state.label(lang), draft=not state.approved, notice=complete.line(lang))


def build(loaded: Loaded, lang: str, options: ExportOptions | None = None,
          since: Loaded | None = None) -> ExportContent:
    """The rows of every part. `since`: an earlier version of the same assessment (else an
    InputError); adds the annex's "changed since" column and the change list."""
    options = options or ExportOptions()
    a, c = loaded.assessment, loaded.catalogue
    changes = None
    if since is not None:
        from tom_audit.export.changes import change_list  # it builds on this module's helpers

        changes = change_list(since, loaded, lang, options.today)
    stand = stand_of(a, options.today)
    summary, overall = summary_rows(c, a, lang)
    actions = action_rows(c, a, lang, options.today)
    evidence = evidence_rows(c, a, lang, options.today)
    review = review_rows(c, a, lang)
    complete = completeness(c, a, today=options.today, evidence_base=loaded.path.resolve().parent)
    annex = annex_rows(c, a, lang, options.include_planned, changes.summaries if changes else None)
    if not options.include_evidence:
        annex = [replace(row, evidence="") for row in annex]
    return ExportContent(
        lang=lang, options=options, assessment=a, catalogue=c, stand=stand,
        cover=cover(loaded, lang, options, stand, overall, actions, evidence, complete), summary=summary,
        overall=overall, annex=annex,
        actions=actions, evidence=evidence, review=review, changes=changes,
        approval=approval_state(a), completeness=complete,
    )
