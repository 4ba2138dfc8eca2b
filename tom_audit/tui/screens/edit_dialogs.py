"""Editing one measure's answer: the answer form (Enter), evidence (e) and the gap (g).

Each dialog builds an `Edit` and hands it to `record`, which returns None when the change
was recorded, or the message why not; the dialog stays open to show it.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from tom_audit.i18n import tr
from tom_audit.logic.answers import Edit
from tom_audit.model.assessment import EVIDENCE_KINDS, GAP_STATES, RISKS, STATUSES, Gap
from tom_audit.model.catalogue import Measure, Question
from tom_audit.problems import InputError
from tom_audit.store.evidence_files import evidence_for
from tom_audit.text_rules import url_problem
from tom_audit.tui.screens.dialogs import FormDialog, PathSuggester, long_text, typed
from tom_audit.tui.session import Session

Record = Callable[[Edit], "str | None"]


def _label(text: str) -> Label:
    return Label(text, classes="field-label")


class AnswerDialog(FormDialog):
    """Status, note, owner, the typed extra questions, and removing evidence items."""

    title_key = "tui.answer.title"

    def __init__(self, session: Session, measure: Measure, lang: str, record: Record):
        super().__init__()
        self.session, self.measure, self.lang, self._record = session, measure, lang, record
        self.answer = session.answer(measure.id)

    def title_text(self) -> str:
        return tr(self.title_key, id=self.measure.id, title=self.measure.title(self.lang))

    def body(self) -> ComposeResult:
        yield _label(tr("tui.field.status"))
        options = [(f"{i + 1}  {tr(f'status.{s}')}", s) for i, s in enumerate(STATUSES)]
        yield Select(options, value=self.answer.status or Select.NULL, prompt=tr("status.open"), id="status")
        yield _label(tr("tui.field.note"))
        yield long_text(self.answer.note, "note")
        yield _label(tr("tui.field.owner"))
        yield Input(self.answer.owner, id="owner", placeholder=tr("tui.field.owner_placeholder"))
        for question in self.measure.questions:
            yield from self._question(question)
        if self.answer.evidence:
            yield _label(tr("tui.answer.remove_evidence"))
            for index, item in enumerate(self.answer.evidence):
                yield Checkbox(f"{item.ref}", id=f"remove-{index}")

    def _question(self, question: Question) -> ComposeResult:
        label = question.label(self.lang)
        if question.unit is not None:
            label += f" ({question.unit(self.lang)})"
        yield _label(label)
        value = self.answer.answers.get(question.id)
        if question.type == "choice":
            options = [(o.label(self.lang), o.id) for o in question.options]
            yield Select(options, value=value if value is not None else Select.NULL, id=f"q-{question.id}",
                         prompt="—")
        else:
            placeholder = tr("tui.date_placeholder") if question.type == "date" else ""
            if question.type == "number" and (question.min is not None or question.max is not None):
                placeholder = f"{question.min if question.min is not None else ''} … {question.max if question.max is not None else ''}"
            yield Input("" if value is None else str(value), id=f"q-{question.id}", placeholder=placeholder)

    def on_mount(self) -> None:
        self.query_one("#status", Select).focus()

    def apply(self) -> str | None:
        status = self.query_one("#status", Select).value
        edit = Edit(
            note=typed(self.query_one("#note", TextArea)),
            owner=typed(self.query_one("#owner", Input)),
            confirm=True,
        )
        if status is Select.NULL:
            edit.clear_status = True
        elif status != self.answer.status:
            edit.status = str(status)
        for question in self.measure.questions:
            widget = self.query_one(f"#q-{question.id}")
            value = widget.value
            value = "" if value is Select.NULL else typed(widget) if isinstance(widget, Input) else str(value).strip()
            if value != str(self.answer.answers.get(question.id, "")):
                edit.answers[question.id] = value
        edit.remove_evidence = [i for i in range(len(self.answer.evidence))
                                if self.query_one(f"#remove-{i}", Checkbox).value]
        if status == "not_applicable" and not edit.note:
            return tr("answer.na_needs_reason", id=self.measure.id)
        return self._record(edit)


class EvidenceDialog(FormDialog):
    """A file (hashed now) or a URL, with its kind, a description and how long it is valid."""

    title_key = "tui.evidence.title"
    save_key = "tui.button.add"

    def __init__(self, session: Session, measure: Measure, lang: str, record: Record):
        super().__init__()
        self.session, self.measure, self.lang, self._record = session, measure, lang, record

    def title_text(self) -> str:
        return tr(self.title_key, id=self.measure.id)

    def body(self) -> ComposeResult:
        yield _label(tr("tui.evidence.target"))
        yield Input(id="target", placeholder=tr("tui.evidence.target_placeholder"), suggester=PathSuggester())
        yield Static(tr("tui.evidence.cwd", folder=os.getcwd()), classes="hint")
        hints = [h for h in self.measure.evidence]
        first_kind = hints[0].kind if hints else "other"
        yield _label(tr("tui.evidence.kind"))
        yield Select([(tr(f"evidence.{k}"), k) for k in EVIDENCE_KINDS], value=first_kind, allow_blank=False,
                     id="kind")
        yield _label(tr("tui.evidence.description"))
        yield Input(id="description")
        yield _label(tr("tui.evidence.valid_until"))
        yield Input(id="valid_until", placeholder=tr("tui.date_placeholder"))
        if hints:
            yield Static("\n".join(f"• {tr(f'evidence.{h.kind}')}: {h.hint(self.lang)}" for h in hints),
                         classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#target", Input).focus()

    def apply(self) -> str | None:
        target = os.path.expanduser(typed(self.query_one("#target", Input)))
        if not target:
            return tr("tui.evidence.empty")
        try:
            item = evidence_for(
                target, self.session.path, kind=str(self.query_one("#kind", Select).value),
                description=typed(self.query_one("#description", Input)),
                valid_until=typed(self.query_one("#valid_until", Input)),
            )
        except InputError as error:
            return "\n".join(p.render() for p in error.problems)
        error = self._record(Edit(add_evidence=[item]))
        warning = url_problem(item.ref, tr("tui.evidence.target")) if item.is_url else None
        if error is None and warning is not None:  # a token in the URL: taken, with a word of warning
            self.app.notify(warning.render(), severity="warning", timeout=10)
        return error


class GapDialog(FormDialog):
    """What is missing, how risky that is, what will be done, by whom, by when."""

    title_key = "tui.gap.title"

    def __init__(self, session: Session, measure: Measure, lang: str, record: Record):
        super().__init__()
        self.session, self.measure, self.lang, self._record = session, measure, lang, record
        self.gap = copy.deepcopy(session.answer(measure.id).gap)

    def title_text(self) -> str:
        return tr(self.title_key, id=self.measure.id)

    def body(self) -> ComposeResult:
        gap = self.gap or Gap()
        yield _label(tr("tui.gap.description"))
        yield long_text(gap.description, "gap-description", tr("tui.gap.description_placeholder"))
        yield _label(tr("tui.gap.risk"))
        yield Select([(tr(f"tui.risk.{r}"), r) for r in RISKS], value=gap.risk or Select.NULL, prompt="—",
                     id="gap-risk")
        yield _label(tr("tui.gap.action"))
        yield long_text(gap.action, "gap-action")
        with Horizontal(classes="field-row"):
            yield _label(tr("tui.gap.owner"))
            yield _label(tr("tui.gap.due"))
        with Horizontal(classes="field-row"):
            yield Input(gap.owner, id="gap-owner", placeholder=tr("tui.field.owner_placeholder"))
            yield Input(gap.due, id="gap-due", placeholder=tr("tui.date_placeholder"))
        yield _label(tr("tui.gap.state"))
        yield Select([(tr(f"tui.gap_state.{s}"), s) for s in GAP_STATES], value=gap.state, allow_blank=False,
                     id="gap-state")

    def extra_buttons(self) -> ComposeResult:
        if self.gap is not None:
            yield Button(tr("tui.gap.remove"), variant="error", id="remove-gap")

    def on_mount(self) -> None:
        self.query_one("#gap-description", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "remove-gap":
            event.stop()
            error = self._record(Edit(clear_gap=True))
            if error:
                self.show_error(error)
            else:
                self.dismiss(True)
            return
        super().on_button_pressed(event)

    def apply(self) -> str | None:
        risk = self.query_one("#gap-risk", Select).value
        gap = Gap(
            description=typed(self.query_one("#gap-description", TextArea)),
            risk="" if risk is Select.NULL else str(risk),
            action=typed(self.query_one("#gap-action", TextArea)),
            owner=typed(self.query_one("#gap-owner", Input)),
            due=typed(self.query_one("#gap-due", Input)),
            state=str(self.query_one("#gap-state", Select).value),
            extra=self.gap.extra if self.gap else {},
        )
        if not gap.description:
            return tr("tui.gap.needs_description")
        return self._record(Edit(gap=gap))
