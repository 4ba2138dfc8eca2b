"""Whose measures "mine" lists: the user by default, or any name typed (part of it will do)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from tom_audit.i18n import tr
from tom_audit.tui.screens.dialogs import FormDialog


class OwnerDialog(FormDialog):
    title_key = "tui.mine.title"

    def __init__(self, current: str, apply: Callable[[str], str | None]):
        super().__init__()
        self.current, self._apply = current, apply

    def body(self) -> ComposeResult:
        yield Label(tr("tui.mine.label"))
        yield Input(self.current, id="owner-name")
        yield Static(tr("tui.mine.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#owner-name", Input).focus()

    def apply(self) -> str | None:
        name = self.query_one("#owner-name", Input).value.strip()
        return self._apply(name) if name else tr("tui.mine.no_name")
