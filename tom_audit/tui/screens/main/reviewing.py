"""The main screen, the DPO's side: review keys and form, approval, findings."""

from __future__ import annotations

from tom_audit.i18n import tr
from tom_audit.logic.answers import AnswerError
from tom_audit.logic.approval import ApprovalRefused
from tom_audit.logic.lint import Finding
from tom_audit.tui.screens.findings import FindingsScreen
from tom_audit.tui.screens.review_dialogs import NEEDS_COMMENT, ApproveDialog, ReviewDialog, ReviewerDialog
from tom_audit.tui.session import TO_REVIEW
from tom_audit.tui.widgets.measure_table import MeasureTable


class ReviewingMixin:
    """Part of MainScreen: reviewing (review mode) and the findings."""

    def record_review(self, measure_id: str, state: str, comment: str = "") -> str | None:
        """Record the DPO's review through the core; None if it worked, else the message."""
        try:
            self.session.set_review(measure_id, state, comment)
        except AnswerError as error:
            return tr(error.key, **error.params)
        self.after_change(measure_id)
        if state != "open":
            self.call_after_refresh(self.advance, measure_id)
        return None

    def with_reviewer(self, then) -> None:
        """Run `then()` once the session knows who reviews: the name from `review --by`, else
        asked for once. A verdict is never credited to the login name."""
        if self.session.reviewer:
            then()
            return

        def named(name: str) -> None:
            self.session.reviewer = name
            self.call_after_refresh(then)

        self.app.push_screen(ReviewerDialog(named))

    def action_review(self, state: str) -> None:
        self.with_reviewer(lambda: self._review(state))

    def _review(self, state: str) -> None:
        if state in NEEDS_COMMENT:
            self.review_form(state)
            return
        measure = self.current()
        if measure is None:
            return
        error = self.record_review(measure.id, state)
        if error:
            self.notify(error, severity="error")

    def review_form(self, state: str | None = None) -> None:
        """The review dialog: state (preset) and comment."""
        if not self.session.reviewer:
            self.with_reviewer(lambda: self.review_form(state))
            return
        measure = self.current()
        if measure is None:
            return
        self.app.push_screen(ReviewDialog(
            self.session, measure, self.lang, state or self.session.review_state(measure.id),
            lambda chosen, comment: self.record_review(measure.id, chosen, comment)))

    def advance(self, reviewed: str) -> None:
        """After a review, on to the next measure: in a work list the reviewed one left, the
        one that took its row; else the next one below not reviewed yet; else the next in the
        DPO's walk (findings first), wherever it is."""
        table = self.query_one(MeasureTable)
        ids = table.measure_ids
        if reviewed not in ids:
            if ids:
                return  # it left the work list: the cursor is on the one that took its row
        elif self.current_id() != reviewed:
            return  # the user moved on already
        else:
            below = ids[ids.index(reviewed) + 1:]
            following = next((m for m in below if self.session.review_state(m) in TO_REVIEW), None)
            if following is not None:
                table.select_measure(following)
                return
        target = self.session.next_unreviewed(reviewed)
        if target is None:
            self.notify(tr("tui.notify.all_reviewed"), timeout=6)
            return
        self.go_to(target.id)

    def action_approve(self) -> None:
        self.app.push_screen(ApproveDialog(self.session, self.approve))

    def approve(self, by: str, version: str, force: bool = False) -> str | None:
        try:
            approval = self.session.approve(by, version or None, force=force)
        except ApprovalRefused as refused:
            return tr("tui.approve.refused_checklist", count=len(refused.blockers))
        except AnswerError as error:
            key = f"tui.approve.refused.{error.key}"
            message = tr(key, **error.params)
            return message if message != key else tr(error.key, **error.params)
        self.refresh_overview()
        self.app.request_save()
        self.notify(tr("tui.notify.approved", version=approval.version, date=approval.date, by=approval.by)
                    + (" " + tr("tui.notify.approved_forced", count=len(approval.open_items)) if approval.forced else ""),
                    severity="warning" if approval.forced else "information", timeout=8)
        return None

    # -- findings ------------------------------------------------------------------------

    def action_next_finding(self) -> None:
        target = self.session.next_finding(self.current_id())
        if target is None:
            self.notify(tr("tui.notify.no_findings"))
            return
        self.go_to(target.id)
        self.query_one(MeasureTable).focus()

    def action_findings(self) -> None:
        self.app.push_screen(FindingsScreen(self.session, self.current_id()), self._finding_chosen)

    def _finding_chosen(self, finding: Finding | None) -> None:
        if finding is None:
            return
        if finding.measure_id:
            self.go_to(finding.measure_id)
        elif finding.category_id:
            self.go_to_category(finding.category_id)
        self.query_one(MeasureTable).focus()
