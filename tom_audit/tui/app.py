"""The tom-audit app: which screen is shown, saving in a thread, watching the file on disk."""

from __future__ import annotations

from pathlib import Path

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen

from tom_audit.i18n import LANGUAGES, current_language, set_language, tr
from tom_audit.problems import InputError, Problem, display_path
from tom_audit.store import recent
from tom_audit.tui.commands import ScreenActions
from tom_audit.tui.screens.dialogs import ConflictDialog
from tom_audit.tui.screens.help import HelpScreen
from tom_audit.tui.screens.main import MainScreen
from tom_audit.tui.screens.setup import SetupScreen
from tom_audit.tui.screens.start import StartScreen
from tom_audit.tui.session import ExternalChange, Session
from tom_audit.tui.widgets.status_bar import StatusBar

DISK_CHECK_SECONDS = 2.0


class TomAuditApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "tom-audit"
    COMMANDS = App.COMMANDS | {ScreenActions}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "tui.key.quit", priority=True, show=False, id="quit"),
        Binding("question_mark,f1", "help", "tui.key.help", id="help"),
        Binding("l", "toggle_language", "tui.key.language", id="language"),
    ]

    def __init__(self, session: Session | None = None, *, new: bool = False, default_catalogue: str = "tom-art32",
                 watch_disk: bool = True):
        super().__init__()
        self.session = session
        self.new = new
        self.default_catalogue = default_catalogue
        self.watch_disk = watch_disk
        self._conflict_open = False

    # -- screens -----------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.session is None:
            self.push_screen(StartScreen(self.default_catalogue))
        else:
            self.show_session(self.session, new=self.new)
        if self.watch_disk:
            self.set_interval(DISK_CHECK_SECONDS, self.check_disk)

    def load_session(self, path: Path) -> tuple[Session | None, list[Problem]]:
        """Open a file for the UI; its problems (as the CLI prints them) if it cannot be used."""
        try:
            session = Session.open(path)
        except InputError as error:
            return None, error.problems
        recent.remember(path)
        return session, []

    def show_session(self, session: Session, *, new: bool) -> None:
        self.session = session
        main = MainScreen(session)
        if isinstance(self.screen, StartScreen):
            self.switch_screen(main)
        else:
            self.push_screen(main)
        self.sub_title = display_path(session.path)
        if new:
            self.push_screen(SetupScreen(session, first=True), main._setup_done)
        self.call_after_refresh(self._announce, session)

    def _announce(self, session: Session) -> None:
        if session.changes:
            changes = session.changes
            self.notify(tr("tui.notify.catalogue_changed", old=changes.old_version, new=changes.new_version,
                           added=len(changes.added), removed=len(changes.removed), reworded=len(changes.reworded)),
                        severity="warning", timeout=12)
        others = [w for w in session.warnings if w.key != "assessment.catalogue_changed"]
        if others:
            self.notify("\n".join(w.render() for w in others[:5]), title=tr("tui.notify.warnings", count=len(others)),
                        severity="warning", timeout=12)

    def main_screen(self) -> MainScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        return None

    # -- app-wide actions --------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_language(self) -> None:
        lang = LANGUAGES[(LANGUAGES.index(current_language()) + 1) % len(LANGUAGES)]
        set_language(lang)
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_language", None)
            if refresh is not None:
                refresh()
            screen.refresh_bindings()
        self.notify(tr("tui.notify.language"), timeout=2)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        screen = self.screen
        if action == "toggle_language" and isinstance(screen, (SetupScreen, ModalScreen)):
            # forms and dialogs are built once: switch before or after them (help follows)
            return isinstance(screen, HelpScreen)
        return True

    async def action_quit(self) -> None:
        """Quit after the last save is on disk."""
        await self.workers.wait_for_complete()
        session = self.session
        if session is not None and session.dirty and not self._conflict_open:
            try:
                session.save()
            except ExternalChange:
                self.on_external_change()
                return
            except OSError as error:
                self.save_failed(str(error))
                return
        self.exit(0)

    # -- saving ------------------------------------------------------------------------

    def request_save(self, *, force: bool = False) -> None:
        """Save the session in a thread; the status bar shows the outcome."""
        if self.session is None or (self._conflict_open and not force):
            return
        generation, data = self.session.prepare_save()
        self._set_save_state("saving")
        self._save(generation, data, force)

    @work(thread=True, group="save", exit_on_error=False)
    def _save(self, generation: int, data, force: bool) -> None:
        session = self.session
        try:
            session.write(generation, data, force=force)
        except ExternalChange:
            self.call_from_thread(self.on_external_change)
            return
        except OSError as error:
            self.call_from_thread(self.save_failed, error.strerror or str(error))
            return
        self.call_from_thread(self._saved)

    def _saved(self) -> None:
        if self.session is not None and not self.session.dirty:
            self._set_save_state("saved")

    def save_failed(self, reason: str) -> None:
        self._set_save_state("failed")
        self.notify(tr("tui.error.write", file=display_path(self.session.path), reason=reason),
                    severity="error", timeout=15)

    def _set_save_state(self, state: str) -> None:
        main = self.main_screen()
        if main is not None:
            main.query_one(StatusBar).save_state = state

    # -- the file on disk --------------------------------------------------------------

    def on_app_focus(self, _event: events.AppFocus) -> None:
        self.check_disk()

    def check_disk(self) -> None:
        session = self.session
        if session is None or self._conflict_open:
            return
        if session.changed_on_disk():
            self.on_external_change()

    def on_external_change(self) -> None:
        if self._conflict_open or self.session is None:
            return
        self._conflict_open = True
        self._set_save_state("conflict")
        self.push_screen(ConflictDialog(self.session.path.name, self.session.dirty, self._reload),
                         self._conflict_resolved)

    def _reload(self) -> str | None:
        try:
            self.session.reload()
        except InputError as error:
            return "\n".join(p.render() for p in error.problems)
        return None

    def _conflict_resolved(self, choice: str | None) -> None:
        self._conflict_open = False
        main = self.main_screen()
        if choice == "reload":
            if main is not None:
                main.refresh_all()
            self._set_save_state("saved")
            self.notify(tr("tui.notify.reloaded"))
        else:
            self.request_save(force=True)
            self.notify(tr("tui.notify.kept", backup=self.session.path.name + ".bak"))
