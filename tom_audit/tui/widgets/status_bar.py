"""The top line: who and what is assessed, overall progress (in review mode: how much is
reviewed, and the approval), the findings, and whether all is saved. What the list shows
(filter, search) heads the list itself."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from tom_audit.i18n import tr
from tom_audit.logic.progress import Counts
from tom_audit.tui.look import bar

SAVE_STATES = ("saved", "saving", "unsaved", "conflict", "failed")
_SAVE_STYLE = {"saved": "$text-success", "saving": "$text-muted", "unsaved": "$text-warning",
               "conflict": "bold $text-error", "failed": "bold $text-error"}


class StatusBar(Horizontal):
    save_state: reactive[str] = reactive("saved")

    def compose(self) -> ComposeResult:
        yield Static(id="sb-title")
        yield Static(id="sb-bar")
        yield Static(id="sb-progress")
        yield Static(id="sb-approval")
        yield Static(id="sb-findings")
        yield Static(id="sb-file")
        yield Static(id="sb-saved")

    def show(self, *, organisation: str, service: str, need: str, file_name: str, overall: Counts,
             findings: Content | None = None, reviewed: tuple[int, int] | None = None,
             approval: str = "") -> None:
        title = Content.assemble(
            (organisation or tr("tui.status.no_org"), "bold"),
            (" · " + tr("tui.status.need", need=tr(f"level.{need}")), "$text-muted"),
            (f" · {service}" if service else "", ""),
        )
        self.query_one("#sb-file", Static).update(Content.styled(file_name, "$text-muted"))
        self.query_one("#sb-title", Static).tooltip = f"{title.plain} · {file_name}"
        self.query_one("#sb-title", Static).update(title)
        done, total, key = overall.answered, overall.total, "tui.status.progress"
        if reviewed is not None:
            (done, total), key = reviewed, "tui.status.reviewed"
        self.query_one("#sb-bar", Static).update(Content.styled(bar(done, total, 10), "$text-success"))
        self.query_one("#sb-progress", Static).update(Content.styled(tr(key, done=done, total=total), "bold"))
        approval_bar = self.query_one("#sb-approval", Static)
        approval_bar.update(Content.styled(approval, "$text-accent"))
        approval_bar.set_class(not approval, "-empty")
        self.query_one("#sb-findings", Static).update(findings or "")
        self.watch_save_state(self.save_state)

    def watch_save_state(self, state: str) -> None:
        self.query_one("#sb-saved", Static).update(
            Content.styled(tr(f"tui.save.{state}"), _SAVE_STYLE.get(state, "")))
