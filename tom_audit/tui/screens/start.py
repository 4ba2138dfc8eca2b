"""`tom-audit` without a file: recent assessments, "new" and "open"."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tom_audit.i18n import current_language, tr
from tom_audit.problems import InputError, display_path
from tom_audit.store import recent
from tom_audit.store.catalogue_store import bundled_ids
from tom_audit.tui.bindings import Translated
from tom_audit.tui.screens.dialogs import FormDialog, PathSuggester, typed

DEFAULT_NAME = "assessment.tom.yaml"


class NewDialog(FormDialog):
    title_key = "tui.new.title"
    save_key = "tui.new.create"

    def __init__(self, default_catalogue: str):
        super().__init__()
        self.default_catalogue = default_catalogue

    def body(self) -> ComposeResult:
        yield Label(tr("tui.new.file"), classes="field-label")
        yield Input(DEFAULT_NAME, id="new-path", suggester=PathSuggester((".tom.yaml",)))
        yield Label(tr("tui.setup.organisation"), classes="field-label")
        yield Input(id="new-org", placeholder=tr("tui.setup.organisation_placeholder"))
        yield Label(tr("tui.new.catalogue"), classes="field-label")
        yield Input(self.default_catalogue, id="new-catalogue", suggester=SuggestFromList(bundled_ids()))
        yield Static(tr("tui.new.catalogue_hint", known=", ".join(bundled_ids())), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#new-path", Input).focus()

    def apply(self) -> str | None:
        from tom_audit.store.creating import create_assessment

        raw = self.query_one("#new-path", Input).value.strip()
        if not raw:
            return tr("tui.new.no_path")
        path = Path(raw).expanduser()
        if not path.name.endswith((".yaml", ".yml")):
            path = path.with_name(path.name + ".tom.yaml")
        if path.exists():
            return tr("cli.new.exists", file=display_path(path))
        if not path.parent.is_dir():
            return tr("cli.new.no_folder", folder=str(path.parent))
        catalogue = typed(self.query_one("#new-catalogue", Input)) or self.default_catalogue
        try:
            create_assessment(path, catalogue, typed(self.query_one("#new-org", Input)), current_language())
        except InputError as error:
            return "\n".join(p.render() for p in error.problems)
        except OSError as error:
            return tr("tui.error.write", file=display_path(path), reason=error.strerror or str(error))
        session, problems = self.app.load_session(path)
        if problems:
            return "\n".join(p.render() for p in problems)
        self.result = (session, True)
        return None


class OpenDialog(FormDialog):
    title_key = "tui.open.title"
    save_key = "tui.open.open"

    def body(self) -> ComposeResult:
        yield Label(tr("tui.open.file"), classes="field-label")
        yield Input(id="open-path", placeholder=DEFAULT_NAME, suggester=PathSuggester((".tom.yaml", ".yaml")))

    def on_mount(self) -> None:
        self.query_one("#open-path", Input).focus()

    def apply(self) -> str | None:
        raw = self.query_one("#open-path", Input).value.strip()
        if not raw:
            return tr("tui.new.no_path")
        session, problems = self.app.load_session(Path(raw).expanduser())
        if problems:
            return "\n".join(p.render() for p in problems)
        self.result = (session, False)
        return None


class StartScreen(Translated, Screen):
    BINDINGS = [
        Binding("n", "new", "tui.key.new"),
        Binding("o", "open", "tui.key.open"),
        Binding("j", "cursor('down')", show=False),
        Binding("k", "cursor('up')", show=False),
    ]

    def __init__(self, default_catalogue: str = "tom-art32"):
        super().__init__()
        self.default_catalogue = default_catalogue
        self.paths: list[Path] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="start"):
            yield Label("tom-audit", classes="screen-title", id="start-title")
            yield Static(tr("tui.start.intro"), classes="hint", id="start-intro")
            yield Label(tr("tui.start.recent"), classes="section-title", id="start-recent-title")
            yield OptionList(id="recent")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("tui.start.new"), variant="primary", id="new")
                yield Button(tr("tui.start.open"), id="open")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.fill()

    def fill(self) -> None:
        listing = self.query_one("#recent", OptionList)
        self.paths = [path for path, _ in recent.recent()]
        listing.clear_options()
        if not self.paths:
            listing.add_option(Option(Text(tr("tui.start.no_recent"), style="dim"), disabled=True))
            self.query_one("#new", Button).focus()
            return
        for path, opened in recent.recent():
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(path.name, style="bold")
            line.append(f"  {path.parent}", style="dim")
            if opened:
                line.append(f"  {opened[:16].replace('T', ' ')}", style="dim")
            listing.add_option(Option(line))
        listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionSelected, "#recent")
    def open_recent(self, event: OptionList.OptionSelected) -> None:
        path = self.paths[event.option_index]
        session, problems = self.app.load_session(path)
        if problems:
            from tom_audit.tui.screens.dialogs import ProblemsDialog

            self.app.push_screen(ProblemsDialog(tr("tui.open.failed", file=path.name), problems))
        else:
            self.app.show_session(session, new=False)

    @on(Button.Pressed)
    def button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "new":
            self.action_new()
        elif event.button.id == "open":
            self.action_open()

    def action_new(self) -> None:
        self.app.push_screen(NewDialog(self.default_catalogue), self._opened)

    def action_open(self) -> None:
        self.app.push_screen(OpenDialog(), self._opened)

    def _opened(self, result) -> None:
        if isinstance(result, tuple):
            session, new = result
            self.app.show_session(session, new=new)

    def action_cursor(self, direction: str) -> None:
        listing = self.query_one("#recent", OptionList)
        listing.action_cursor_down() if direction == "down" else listing.action_cursor_up()

    def refresh_language(self) -> None:
        self.query_one("#start-intro", Static).update(tr("tui.start.intro"))
        self.query_one("#start-recent-title", Label).update(tr("tui.start.recent"))
        self.query_one("#new", Button).label = tr("tui.start.new")
        self.query_one("#open", Button).label = tr("tui.start.open")
        self.fill()
