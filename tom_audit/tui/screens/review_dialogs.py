"""The DPO's dialogs in review mode: a measure's review (state and comment) and the approval.

Like the edit dialogs, each hands its input to a callback that records it through the core
(`Session.set_review`, `Session.approve`) and returns None, or the message why not; the
dialog stays open to show it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, Static, TextArea

from tom_audit.i18n import tr
from tom_audit.logic.approval import approval_state
from tom_audit.logic.lint import counts
from tom_audit.logic.review import SHOWN_STATES
from tom_audit.model.assessment import REVIEW_STATES
from tom_audit.model.catalogue import Measure
from tom_audit.tui.screens.dialogs import FormDialog, long_text, typed
from tom_audit.tui.session import Session

NEEDS_COMMENT = ("rejected", "question")  # IT staff must learn what is missing or asked


def _label(text: str) -> Label:
    return Label(text, classes="field-label")


class ReviewDialog(FormDialog):
    """State (preset by the key that opened it) and a comment for IT staff."""

    title_key = "tui.review.title"

    def __init__(self, session: Session, measure: Measure, lang: str, state: str,
                 record: Callable[[str, str], str | None]):
        super().__init__()
        self.session, self.measure, self.lang, self.state, self._record = session, measure, lang, state, record
        answer = session.assessment.measures.get(measure.id)
        self.comment = answer.review.comment if answer and answer.review else ""

    def title_text(self) -> str:
        return tr(self.title_key, id=self.measure.id, title=self.measure.title(self.lang))

    def body(self) -> ComposeResult:
        yield _label(tr("tui.review.state"))
        with RadioSet(id="review-state", classes="inline"):
            for state in REVIEW_STATES:
                yield RadioButton(tr(f"review.state.{state}"), value=state == self.state, name=state,
                                  id=f"review--{state}")
        yield _label(tr("tui.review.comment"))
        yield long_text(self.comment, "review-comment", tr("tui.review.comment_placeholder"))
        yield Static(tr("tui.review.recorded_as", by=self.session.reviewer or "?", date=date.today().isoformat()),
                     classes="hint")

    def on_mount(self) -> None:
        self.query_one("#review-comment", TextArea).focus()

    def chosen_state(self) -> str:
        pressed = self.query_one("#review-state", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else self.state

    def apply(self) -> str | None:
        state = self.chosen_state()
        comment = typed(self.query_one("#review-comment", TextArea))
        if state in NEEDS_COMMENT and not comment:
            return tr(f"tui.review.needs_comment.{state}")
        return self._record(state, comment)


class ApproveDialog(FormDialog):
    """The sign-off: what is approved (version, by whom), after a look at what is still open."""

    title_key = "tui.approve.title"
    save_key = "tui.approve.button"

    def __init__(self, session: Session, approve: Callable[[str, str, bool], str | None]):
        super().__init__()
        self.session, self._approve = session, approve
        self.open_items = session.blockers()  # the checklist (logic.approval.blockers)

    def body(self) -> ComposeResult:
        session = self.session
        current = approval_state(session.assessment).label()
        yield Static(Content.assemble((tr("tui.approve.current") + ": ", "$text-muted"), current))
        reviews = session.review_counts()
        yield Static(Content.assemble(
            (tr("tui.approve.reviews") + ": ", "$text-muted"),
            ", ".join(f"{reviews[s]} {tr(f'review.state.{s}')}" for s in SHOWN_STATES)))
        totals = counts(session.findings)
        yield Static(Content.assemble((tr("tui.approve.findings") + ": ", "$text-muted"),
                                      tr("tui.findings.summary", **totals)))
        if self.open_items:
            yield Static(Content.styled(tr("tui.approve.checklist", count=len(self.open_items)), "bold $text-error"),
                         id="approve-objections")
            for blocker in self.open_items:
                yield Static(Content.styled("• " + blocker.reason(), "$text-error"), classes="approve-blocker")
            yield Checkbox(tr("tui.approve.force"), id="approve-force")
            # a separate line: a checkbox label does not wrap and was cut at 80 columns
            yield Static(Content.styled(tr("tui.approve.force_note"), "$text-muted"), id="approve-force-note")
        else:
            yield Static(Content.styled(tr("tui.approve.checklist_clear"), "bold $text-success"))
        yield _label(tr("tui.approve.version"))
        yield Input(session.next_version(), id="approve-version")
        yield _label(tr("tui.approve.by"))
        yield Input(session.reviewer, id="approve-by", placeholder=tr("tui.approve.by_placeholder"))
        yield Static(tr("tui.approve.explain", date=date.today().isoformat()), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#approve-version", Input).focus()

    def apply(self) -> str | None:
        boxes = self.query("#approve-force")
        force = bool(boxes) and boxes.first(Checkbox).value
        return self._approve(typed(self.query_one("#approve-by", Input)),
                             typed(self.query_one("#approve-version", Input)), force)


class ReviewerDialog(FormDialog):
    """Who gives the verdicts: asked once per session when `tom-audit review` got no --by."""

    title_key = "tui.reviewer.title"

    def __init__(self, named: Callable[[str], None]):
        super().__init__()
        self._named = named

    def body(self) -> ComposeResult:
        yield Static(tr("tui.reviewer.explain"), classes="hint")
        yield _label(tr("tui.reviewer.name"))
        yield Input("", id="reviewer-name", placeholder=tr("tui.approve.by_placeholder"))

    def on_mount(self) -> None:
        self.query_one("#reviewer-name", Input).focus()

    def apply(self) -> str | None:
        name = typed(self.query_one("#reviewer-name", Input))
        if not name:
            return tr("tui.reviewer.needed")
        self._named(name)
        return None
