"""The main screen, recording IT staff's answers: status keys, N/A, the answer, evidence and
gap forms, undo. Every change goes through `Session.record` (logic.answers.record)."""

from __future__ import annotations

from tom_audit.i18n import tr
from tom_audit.logic.answers import AnswerError, Edit
from tom_audit.tui.screens.dialogs import ReasonDialog
from tom_audit.tui.screens.edit_dialogs import AnswerDialog, EvidenceDialog, GapDialog
from tom_audit.tui.session import APPROVAL


class RecordingMixin:
    """Part of MainScreen: the answer keys (normal mode)."""

    def record(self, measure_id: str, edit: Edit) -> str | None:
        """Record through the core; None if it worked, else the message (nothing changed)."""
        try:
            self.session.record(measure_id, edit)
        except AnswerError as error:
            return tr(error.key, **error.params)
        self.after_change(measure_id)
        return None

    def action_set_status(self, status: str) -> None:
        measure = self.current()
        if measure is None:
            return
        error = self.record(measure.id, Edit(status=status, confirm=True))
        if error:
            self.notify(error, severity="error")

    def action_not_applicable(self) -> None:
        measure = self.current()
        if measure is None:
            return
        hint = measure.not_applicable_reason(self.lang) if measure.not_applicable_reason else ""
        current = self.session.answer(measure.id).note
        self.app.push_screen(ReasonDialog(
            f"{measure.id} {measure.title(self.lang)}", current, hint,
            lambda reason: self.record(measure.id, Edit(status="not_applicable", note=reason, confirm=True)),
        ))

    def action_answer(self) -> None:
        measure = self.current()
        if measure is not None:
            self.app.push_screen(AnswerDialog(self.session, measure, self.lang,
                                              lambda edit: self.record(measure.id, edit)))

    def action_evidence(self) -> None:
        measure = self.current()
        if measure is not None:
            self.app.push_screen(EvidenceDialog(self.session, measure, self.lang,
                                                lambda edit: self.record(measure.id, edit)))

    def action_gap(self) -> None:
        measure = self.current()
        if measure is not None:
            self.app.push_screen(GapDialog(self.session, measure, self.lang,
                                           lambda edit: self.record(measure.id, edit)))

    def action_undo(self) -> None:
        measure_id = self.session.undo()
        if measure_id is None:
            self.notify(tr("tui.notify.nothing_to_undo"))
            return
        if measure_id == APPROVAL:
            self.refresh_overview()
            self.app.request_save()
            self.notify(tr("tui.notify.approval_undone"))
            return
        self.go_to(measure_id)
        self.after_change(measure_id)
        self.notify(tr("tui.notify.undone", id=measure_id))
