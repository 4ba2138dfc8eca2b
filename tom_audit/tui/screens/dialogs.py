"""Small dialogs: a form frame, the N/A reason, the file-changed question, problems, paths."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Button, Input, Label, Static, TextArea

from tom_audit.i18n import tr
from tom_audit.problems import Problem
from tom_audit.text_rules import clean_typed
from tom_audit.tui.bindings import Translated

# A dialog's `apply` returns None when it worked, or a message to show in the dialog.
Apply = Callable[[], "str | None"]


class PathSuggester(Suggester):
    """Completes file and folder names as they are typed."""

    def __init__(self, suffixes: tuple[str, ...] = ()):
        super().__init__(use_cache=False, case_sensitive=True)
        self.suffixes = suffixes

    async def get_suggestion(self, value: str) -> str | None:
        if not value or "://" in value:
            return None
        path = Path(os.path.expanduser(value))
        folder, stem = (path, "") if value.endswith(os.sep) else (path.parent, path.name)
        try:
            names = sorted(p.name + (os.sep if p.is_dir() else "") for p in folder.iterdir()
                           if p.name.startswith(stem) and not p.name.startswith("."))
        except OSError:
            return None
        if self.suffixes:
            names = [n for n in names if n.endswith(os.sep) or n.endswith(self.suffixes)] or names
        if not names:
            return None
        return value + names[0][len(stem):]


class DialogBody(VerticalScroll, can_focus=False):
    """Scrolls with the mouse and follows the focus; the fields inside take the keys."""


def typed(widget: Input | TextArea) -> str:
    """What the user typed or pasted into a field, cleaned for storing (tom_audit.text_rules:
    line ends to LF, control characters dropped) and trimmed."""
    return clean_typed(widget.text if isinstance(widget, TextArea) else widget.value).strip()


def long_text(value: str, field_id: str, placeholder: str = "") -> TextArea:
    """A multi-line field for text that can be long (a note, a gap, a comment, a reason):
    a pasted paragraph keeps all its lines. Enter starts a new line, ctrl+s saves, tab moves on."""
    area = TextArea(value, id=field_id, soft_wrap=True, tab_behavior="focus", placeholder=placeholder,
                    classes="long-text")
    return area


class DiscardDialog(Translated, ModalScreen[bool]):
    """"Discard what you typed?": True discards, False (the default, and Esc) keeps editing."""

    BINDINGS = [Binding("escape", "keep", "tui.discard.no")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(tr("tui.discard.title"), classes="dialog-title")
            yield Static(tr("tui.discard.question"))
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("tui.discard.no"), variant="primary", id="keep")
                yield Button(tr("tui.discard.yes"), variant="error", id="discard")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "discard")

    def action_keep(self) -> None:
        self.dismiss(False)


def field_values(screen) -> dict[str, str]:
    """The text of every text field of a screen, by widget (for "was anything typed?")."""
    values = {}
    for index, widget in enumerate(screen.query("Input, TextArea")):
        values[widget.id or f"#{index}"] = widget.text if isinstance(widget, TextArea) else widget.value
    return values


class FormDialog(Translated, ModalScreen[bool]):
    """A titled form with an error line and save/cancel; `apply()` checks and records."""

    BINDINGS = [
        Binding("escape", "cancel", "tui.key.cancel"),
        Binding("ctrl+s", "save", "tui.key.save", priority=True),
        Binding("f1", "app.help", "tui.key.help"),  # not "?": that is typed into the fields
    ]
    title_key = ""
    save_key = "tui.button.save"
    result: object = True  # what the dialog gives back when saved

    def title_text(self) -> str:
        return tr(self.title_key)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Label(self.title_text(), classes="dialog-title")
            with DialogBody(classes="dialog-body"):
                yield from self.body()
            yield Static(classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield from self.extra_buttons()
                yield Button(tr(self.save_key), variant="primary", id="save")
                yield Button(tr("tui.button.cancel"), id="cancel")

    def body(self) -> ComposeResult:
        yield from ()

    def extra_buttons(self) -> ComposeResult:
        yield from ()

    def apply(self) -> str | None:
        raise NotImplementedError

    def on_mount(self) -> None:
        self._typed_at_start = field_values(self)

    def typed_anything(self) -> bool:
        """Whether a text field differs from what the dialog opened with."""
        return field_values(self) != getattr(self, "_typed_at_start", field_values(self))

    def show_error(self, message: str) -> None:
        self.query_one(".dialog-error", Static).update(Content.styled(message, "bold $text-error"))

    def action_save(self) -> None:
        error = self.apply()
        if error:
            self.show_error(error)
        else:
            self.dismiss(self.result)

    def action_cancel(self) -> None:
        """Esc or Cancel: close without saving, after asking if text was typed."""
        if not self.typed_anything():
            self.dismiss(False)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(DiscardDialog(), answered)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()


class ReasonDialog(FormDialog):
    """"Not applicable" needs a reason: where is the control met instead, or why not needed."""

    title_key = "tui.reason.title"

    def __init__(self, measure_label: str, current: str, hint: str, apply: Callable[[str], str | None]):
        super().__init__()
        self.measure_label, self.current, self.hint, self._apply = measure_label, current, hint, apply

    def title_text(self) -> str:
        return tr(self.title_key, measure=self.measure_label)

    def body(self) -> ComposeResult:
        yield Label(tr("tui.reason.label"))
        yield long_text(self.current, "reason", tr("tui.reason.placeholder"))
        if self.hint:
            yield Static(Content.assemble((tr("tui.reason.catalogue_hint") + " ", "$text-muted"), self.hint),
                         classes="hint")

    def apply(self) -> str | None:
        reason = typed(self.query_one("#reason", TextArea))
        if not reason:
            return tr("tui.reason.empty")
        return self._apply(reason)


class ConflictDialog(Translated, ModalScreen[str]):
    """The file changed on disk: reload it, or keep (and write) ours. Never silently."""

    BINDINGS = [
        Binding("r", "choose('reload')", "tui.key.reload"),
        Binding("k", "choose('keep')", "tui.key.keep"),
    ]

    def __init__(self, file_name: str, unsaved: bool, reload: Apply):
        super().__init__()
        self.file_name, self.unsaved, self._reload = file_name, unsaved, reload

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(tr("tui.conflict.title"), classes="dialog-title")
            yield Static(tr("tui.conflict.text", file=self.file_name))
            yield Static(tr("tui.conflict.unsaved" if self.unsaved else "tui.conflict.no_unsaved"),
                         classes="hint")
            yield Static(classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("tui.conflict.reload") + " (r)", variant="warning", id="reload")
                yield Button(tr("tui.conflict.keep") + " (k)", variant="primary", id="keep")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(event.button.id or "")

    def action_choose(self, choice: str) -> None:
        if choice == "reload":
            error = self._reload()
            if error:
                self.query_one(".dialog-error", Static).update(Content.styled(error, "bold $text-error"))
                return
        self.dismiss(choice)


class ProblemsDialog(Translated, ModalScreen[None]):
    """The problems of a file that cannot be used, as the CLI would print them."""

    BINDINGS = [Binding("escape,enter", "close", "tui.key.close")]

    def __init__(self, title: str, problems: list[Problem]):
        super().__init__()
        self.title_text, self.problems = title, problems

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide form"):
            yield Label(self.title_text, classes="dialog-title")
            with DialogBody(classes="dialog-body"):
                for problem in self.problems:
                    yield Static(Content(problem.render()), classes="problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("tui.button.close"), variant="primary", id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
