"""The selected measure: the DPO's review and the findings first, then its answer and what it
asks (guidance, evidence hints, references)."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tom_audit.i18n import tr
from tom_audit.logic import na_reasons
from tom_audit.model.catalogue import Measure
from tom_audit.tui.look import FINDING_MARKERS, FINDING_STYLES, MARKERS, REVIEW_MARKERS, REVIEW_STYLES
from tom_audit.tui.session import GAP_STATUSES, Session

_STATUS_STYLE = {
    "implemented": "bold $text-success",
    "partial": "bold $text-warning",
    "planned": "bold $text-primary",
    "not_implemented": "bold $text-error",
    "not_applicable": "bold",
    None: "bold $text-muted",
}
HEAD = "bold $text-accent"
MUTED = "$text-muted"


def _size(n: int | None) -> str:
    if n is None:
        return ""
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return ""


def _field(label: str, value: str) -> Content:
    return Content.assemble((f"{label}: ", MUTED), value or "—", "\n")


def review_content(session: Session, measure: Measure, lang: str, review_mode: bool) -> list:
    """The DPO's word on the measure: state, by whom, when, the comment. Shown to IT staff
    when there is one; in review mode always, with the keys that set it."""
    answer = session.assessment.measures.get(measure.id)
    review = answer.review if answer else None
    state = session.review_state(measure.id)  # "changed" when the answer changed since the verdict
    if state == "open" and not review_mode:
        return []
    parts: list = []
    marker = REVIEW_MARKERS[state].strip() or "·"
    parts.append((f"{marker} {tr('tui.review.label')}: {tr(f'review.state.{state}')}", REVIEW_STYLES[state]))
    if state == "changed" and review is not None:
        parts.append((" " + tr("tui.review.was", state=tr(f"review.state.{review.state}")), MUTED))
    if review is not None and (review.reviewer or review.date):
        parts.append((" " + tr("tui.review.by", by=review.reviewer or "?", date=review.date or "?"), MUTED))
    if review_mode and state == "open":
        parts.append(("  (" + tr("tui.review.how") + ")", MUTED))
    parts.append("\n")
    if review is not None and review.comment:
        parts.append(("  „" if lang == "de" else "  “", MUTED))
        parts.append((review.comment, "bold" if state in ("rejected", "question") else ""))
        parts.append(("“" if lang == "de" else "”", MUTED))
        parts.append("\n")
    return parts


def findings_content(session: Session, measure: Measure, lang: str) -> list:
    """The findings of lint for the measure, worst first: message, then how to fix it."""
    parts: list = []
    for finding in session.findings_by_measure.get(measure.id, ()):
        style = FINDING_STYLES[finding.severity]
        severity = tr(f"severity.{finding.severity}")
        parts.append((f"{FINDING_MARKERS[finding.severity]} {severity[:1].upper()}{severity[1:]}: ", style))
        parts.append(finding.message(lang))
        parts.append((f" [{finding.rule}]", MUTED))
        parts.append("\n")
        parts.append(("  " + finding.hint(lang, ui=True) + "\n", MUTED))
    return parts


def detail_content(session: Session, measure: Measure, lang: str, review_mode: bool = False) -> Content:
    state = session.effective(measure)
    answer = session.answer(measure.id)
    category = session.catalogue.category_by_id.get(measure.category)
    need = session.assessment.scope.protection_need
    parts: list[Content | str | tuple[str, str]] = []
    add = parts.append

    add((measure.id, "bold"))
    add((" · " + (category.title(lang) if category else measure.category), MUTED))
    add((" · " + tr(f"kind.{measure.kind}"), MUTED))
    add("\n")
    add((measure.title(lang), "bold"))
    add("\n")
    if measure.deprecated_reason is not None:
        # neither required nor recommended: what replaces it comes first (BSI advises against it)
        add((tr("tui.detail.deprecated_first"), "bold $text-warning"))
        if measure.replaced_by:
            replacement = session.catalogue.measure_by_id.get(measure.replaced_by)
            add(("\n" + tr("tui.detail.replaced_by", id=measure.replaced_by,
                            title=replacement.title(lang) if replacement else ""), "bold"))
        add(("\n" + measure.deprecated_reason(lang), MUTED))
    else:
        required = measure.required_at(need, session.assessment.scoping)
        add((tr("tui.detail.required" if required else "tui.detail.recommended",
                level=tr(f"level.{measure.level_for(session.assessment.scoping)}"), need=tr(f"level.{need}")), MUTED))
    add("\n\n")

    # what the DPO said and what lint found: what needs doing, so it comes first
    top = review_content(session, measure, lang, review_mode) + findings_content(session, measure, lang)
    if top:
        parts += top
        add("\n")

    # then the answer: it is what the user works on
    status_label = tr(f"status.{state.status}") if state.status else tr("status.open")
    add((f"{MARKERS[state.status]} {status_label}", _STATUS_STYLE[state.status]))
    if state.automatic:
        add((" " + tr("tui.detail.automatic"), MUTED))
        if state.reason is not None:
            # the catalogue's suggestion, not the organisation's word until confirmed
            add(("\n" + tr("tui.detail.suggested_reason") + ": ", "bold $text-warning"))
            add(state.reason(lang))
            cited = na_reasons.unsupported(state.reason(lang), session.catalogue, session.assessment, measure.id)
            if cited:
                add(("\n" + tr("tui.detail.suggestion_unsupported", ids=", ".join(cited)), "$text-error"))
            elif not review_mode:
                add(("\n" + tr("tui.detail.suggestion_how"), MUTED))
    if answer.to_confirm:
        add(("\n" + tr("tui.detail.to_confirm"), "bold $text-warning"))
    add("\n")
    if answer.note:
        add(_field(tr("tui.detail.note"), answer.note))
    if answer.owner:
        add(_field(tr("tui.field.owner"), answer.owner))
    for question in measure.questions:
        value = answer.answers.get(question.id)
        shown = "" if value is None else str(value)
        if question.type == "choice" and value is not None:
            shown = next((o.label(lang) for o in question.options if o.id == value), shown)
        if shown and question.unit is not None:
            shown += f" {question.unit(lang)}"
        add(_field(question.label(lang), shown))
    if answer.evidence:
        add((tr("tui.detail.evidence_items") + "\n", MUTED))
        for item in answer.evidence:
            line = f"  • [{tr(f'evidence.{item.kind}')}] {item.ref}"
            extra = [x for x in (item.description, item.date and tr("tui.detail.dated", date=item.date),
                                 item.valid_until and tr("tui.detail.valid_until", date=item.valid_until),
                                 _size(item.size), item.sha256 and f"SHA-256 {item.sha256[:12]}…") if x]
            add(line)
            if extra:
                add((" (" + ", ".join(extra) + ")", MUTED))
            add("\n")
    gap = answer.gap
    if gap is not None:
        add((tr("tui.detail.gap") + "\n", "bold $text-error" if gap.state not in ("done", "risk_accepted") else HEAD))
        add(_field("  " + tr("tui.gap.description"), gap.description))
        add(_field("  " + tr("tui.gap.risk"), tr(f"tui.risk.{gap.risk}") if gap.risk else ""))
        add(_field("  " + tr("tui.gap.action"), gap.action))
        add(_field("  " + tr("tui.gap.owner"), gap.owner))
        add(_field("  " + tr("tui.gap.due"), gap.due))
        add(_field("  " + tr("tui.gap.state"), tr(f"tui.gap_state.{gap.state}")))
    elif state.status in GAP_STATUSES:
        add((tr("tui.detail.no_gap") + "\n", "$text-warning"))
    if answer.changed is not None and answer.changed.at:
        add((tr("tui.detail.changed", by=answer.changed.by or "?", at=answer.changed.at[:16].replace("T", " ")) + "\n", MUTED))
    if answer.status is None and not state.automatic and not review_mode:
        add((tr("tui.detail.how_to_answer") + "\n", MUTED))

    add(("\n" + tr("tui.detail.guidance") + "\n", HEAD))
    add(measure.guidance(lang) + "\n")
    if measure.evidence:
        add(("\n" + tr("tui.detail.evidence_hints") + "\n", HEAD))
        for hint in measure.evidence:
            add(f"  • {tr(f'evidence.{hint.kind}')}: {hint.hint(lang)}\n")
    if measure.references:
        add(("\n" + tr("tui.detail.references") + "\n", HEAD))
        for name, refs in measure.references.items():
            add(f"  {name}: {', '.join(refs)}\n")
    return Content.assemble(*parts)


class MeasureDetail(VerticalScroll, can_focus=True):
    """Scrollable; focusable so that it can be scrolled with the keys too; `z` maximizes it."""

    ALLOW_MAXIMIZE = True

    def compose(self):
        yield Static(id="detail-body")

    def show(self, session: Session, measure: Measure | None, lang: str, *, review_mode: bool = False,
             keep_scroll: bool = False, empty: str = "tui.detail.nothing") -> None:
        body = self.query_one("#detail-body", Static)
        if measure is None:
            body.update(Content.styled(tr(empty), MUTED))
        else:
            body.update(detail_content(session, measure, lang, review_mode))
        if not keep_scroll:
            self.scroll_home(animate=False)
