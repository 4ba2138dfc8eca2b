"""The setup of an assessment: organisation, service, protection need, scoping questions.

Shown when a new assessment starts and again with `s`. Nothing changes until "apply"; the
line at the bottom says how many measures the answers leave out, before they are applied.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Static

from tom_audit.i18n import current_language, tr
from tom_audit.logic.applicability import applies
from tom_audit.model.catalogue import LEVELS, ScopingQuestion
from tom_audit.tui.bindings import Translated
from tom_audit.tui.session import Session


class SetupScreen(Translated, Screen[bool]):
    BINDINGS = [
        Binding("ctrl+s", "apply", "tui.key.apply", priority=True),
        Binding("escape", "cancel", "tui.key.setup_cancel"),
    ]

    def __init__(self, session: Session, *, first: bool):
        super().__init__()
        self.session, self.first = session, first

    @property
    def lang(self) -> str:
        return current_language()

    def compose(self) -> ComposeResult:
        assessment = self.session.assessment
        lang = self.lang
        with VerticalScroll(id="setup-form"):
            yield Label(tr("tui.setup.title_first" if self.first else "tui.setup.title"), classes="screen-title")
            yield Static(tr("tui.setup.intro", catalogue=self.session.catalogue.title(lang),
                            count=len(self.session.catalogue.measures)), classes="hint")
            yield Label(tr("tui.setup.organisation"), classes="field-label")
            yield Input(assessment.organisation.name, id="organisation",
                        placeholder=tr("tui.setup.organisation_placeholder"))
            yield Label(tr("tui.setup.service"), classes="field-label")
            yield Input(assessment.scope.service, id="service", placeholder=tr("tui.setup.service_placeholder"))
            yield Label(tr("tui.setup.need"), classes="field-label")
            with RadioSet(id="need", classes="inline"):
                for level in LEVELS:
                    yield RadioButton(tr(f"level.{level}"), value=assessment.scope.protection_need == level, name=level,
                                      id=f"need--{level}")
            yield Static(Content("\n").join(
                Content.assemble((tr(f"level.{level}"), "bold"), ": ", tr(f"tui.need.{level}.explain"))
                for level in LEVELS), classes="hint")
            yield Label(tr("tui.setup.scoping"), classes="section-title")
            for question in self.session.catalogue.scoping:
                yield from self._question(question)
        with Vertical(id="setup-bottom"):
            yield Static(id="setup-summary")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("tui.setup.apply"), variant="primary", id="apply")
                yield Button(tr("tui.setup.skip" if self.first else "tui.button.cancel"), id="cancel")
        yield Footer(compact=True)

    def _question(self, question: ScopingQuestion) -> ComposeResult:
        lang = self.lang
        current = self.session.assessment.scoping.get(question.id)
        yield Label(question.question(lang), classes="field-label question")
        if question.help is not None:
            yield Static(question.help(lang), classes="hint", markup=False)
        with RadioSet(id=f"scoping-{question.id}", classes="scoping inline" if question.type == "bool" else "scoping"):
            if question.type == "bool":
                yield RadioButton(tr("word.yes"), value=current is True, name="true", id=f"{question.id}--true")
                yield RadioButton(tr("word.no"), value=current is False, name="false", id=f"{question.id}--false")
            else:
                for option in question.options:
                    yield RadioButton(option.label(lang), value=current == option.id, name=option.id,
                                      id=f"{question.id}--{option.id}")

    def on_mount(self) -> None:
        self.query_one("#organisation", Input).focus()
        self.update_summary()

    # -- reading the form --------------------------------------------------------------

    def chosen_need(self) -> str:
        pressed = self.query_one("#need", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else self.session.assessment.scope.protection_need

    def chosen_scoping(self) -> dict:
        scoping = dict(self.session.assessment.scoping)
        for question in self.session.catalogue.scoping:
            pressed = self.query_one(f"#scoping-{question.id}", RadioSet).pressed_button
            if pressed is None or not pressed.name:
                continue
            scoping[question.id] = {"true": True, "false": False}[pressed.name] if question.type == "bool" else pressed.name
        return scoping

    @on(RadioSet.Changed)
    def update_summary(self) -> None:
        scoping = self.chosen_scoping()
        measures = self.session.catalogue.measures
        dropped = sum(1 for m in measures if m.excluded_reason is None and not applies(m, scoping))
        need = self.chosen_need()
        required = sum(1 for m in measures if applies(m, scoping) and m.required_at(need, scoping))
        open_questions = sum(1 for q in self.session.catalogue.scoping if q.id not in scoping)
        text = tr("tui.setup.summary", applies=len(measures) - dropped, total=len(measures), dropped=dropped,
                  required=required)
        if open_questions:
            text += " " + tr("tui.setup.summary_open", count=open_questions)
        self.query_one("#setup-summary", Static).update(Content.styled(text, "bold"))

    # -- applying ----------------------------------------------------------------------

    def action_apply(self) -> None:
        assessment = self.session.assessment
        organisation = self.query_one("#organisation", Input).value.strip()
        service = self.query_one("#service", Input).value.strip()
        need = self.chosen_need()
        scoping = self.chosen_scoping()
        changed = (organisation, service, need, scoping) != (
            assessment.organisation.name, assessment.scope.service, assessment.scope.protection_need,
            assessment.scoping)
        if changed:
            before = {m.id for m in self.session.catalogue.measures if not applies(m, assessment.scoping)}
            assessment.organisation.name = organisation
            assessment.scope.service = service
            assessment.scope.protection_need = need
            assessment.scoping.clear()
            assessment.scoping.update(scoping)
            self.session.touch()
            after = {m.id for m in self.session.catalogue.measures if not applies(m, scoping)}
            if after != before:
                self.notify(tr("tui.setup.dropped", count=len(after)), timeout=6)
        self.dismiss(changed)

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed)
    def button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "apply":
            self.action_apply()
        else:
            self.action_cancel()

    @on(Input.Submitted)
    def next_field(self) -> None:
        self.focus_next()
