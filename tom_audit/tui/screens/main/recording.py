"""The main screen, recording IT staff's answers: status keys, N/A, the answer, evidence and
gap forms, undo. Every change goes through `Session.record` (logic.answers.record)."""

from __future__ import annotations

from tom_audit.i18n import tr
from tom_audit.logic import na_reasons
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

    def action_confirm_na(self) -> None:
        """c: the catalogue's suggested "not applicable" reason becomes the organisation's own."""
        measure = self.current()
        if measure is None:
            return
        reason = na_reasons.suggestion(self.session.catalogue, self.session.assessment, measure)
        if reason is None:
            self.notify(tr("tui.notify.no_suggestion", id=measure.id))
            return
        cited = na_reasons.unsupported(reason(self.session.assessment.language), self.session.catalogue,
                                       self.session.assessment, measure.id)
        if cited:  # confirming would state what nobody said: write an own reason (key 5)
            self.notify(tr("tui.notify.suggestion_unsupported", id=measure.id, ids=", ".join(cited)),
                        severity="warning", timeout=8)
            return
        self.session.confirm_na(measure.id)
        self.after_change(measure.id)
        self.notify(tr("tui.notify.na_confirmed", id=measure.id))

    def action_confirm_all_na(self) -> None:
        """C: confirm every suggestion (those leaning on an unimplemented measure are left)."""
        done, left = self.session.confirm_all_na()
        for measure_id in done:
            self.after_change(measure_id)
        message = tr("tui.notify.na_confirmed_all", count=len(done))
        if left:
            message += " " + tr("tui.notify.na_left", ids=", ".join(left))
        self.notify(message, severity="warning" if left else "information", timeout=8)

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
