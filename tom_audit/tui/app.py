"""The tom-audit app: which screen is shown, saving and linting in threads, watching the file
on disk, and what happens when something unexpected goes wrong."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.keys import format_key
from textual.screen import ModalScreen

from tom_audit.i18n import LANGUAGES, current_language, set_language, tr
from tom_audit.problems import InputError, Problem, display_path
from tom_audit.store import recent
from tom_audit.store.assessment_store import save_assessment
from tom_audit.tui.commands import MeasureJump, ScreenActions
from tom_audit.tui.screens.dialogs import ConflictDialog
from tom_audit.tui.screens.help import HelpScreen
from tom_audit.tui.screens.main import MainScreen
from tom_audit.tui.screens.setup import SetupScreen
from tom_audit.tui.screens.start import StartScreen
from tom_audit.tui.session import ExternalChange, Session
from tom_audit.tui.widgets.status_bar import StatusBar

DISK_CHECK_SECONDS = 2.0
LINT_DELAY = 0.3  # seconds after the last change: typing 1 1 1 … lints once


class TomAuditApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "tom-audit"
    COMMANDS = App.COMMANDS | {ScreenActions, MeasureJump}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide"), (150, "-wider")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "tui.key.quit", priority=True, show=False, id="quit"),
        Binding("question_mark,f1", "help", "tui.key.help", id="help"),
        Binding("l", "toggle_language", "tui.key.language", id="language"),
    ]

    def __init__(self, session: Session | None = None, *, new: bool = False, default_catalogue: str = "tom-art32",
                 watch_disk: bool = True, mode: str = "normal"):
        super().__init__()
        self.session = session
        self.new = new
        self.default_catalogue = default_catalogue
        self.watch_disk = watch_disk
        self.mode = mode  # "normal" (IT staff answer) or "review" (the DPO reviews)
        self.lint_delay = LINT_DELAY
        self._conflict_open = False
        self._lint_timer = None
        self._linted_generation = -1
        self.crash: BaseException | None = None  # what went wrong, if something unexpected did
        self.rescued: Path | None = None  # where the work was written when it did

    # -- screens -----------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.session is None:
            self.push_screen(StartScreen(self.default_catalogue))
        else:
            self.show_session(self.session, new=self.new)
        if self.watch_disk:
            self.set_interval(DISK_CHECK_SECONDS, self.check_disk)

    def get_system_commands(self, screen) -> Iterable[SystemCommand]:
        """Textual's own palette entries, in the UI language (the rest are our keys)."""
        yield SystemCommand(tr("tui.palette.theme"), tr("tui.palette.theme.help"), self.action_change_theme)
        if screen.maximized is not None:
            yield SystemCommand(tr("tui.palette.minimize"), tr("tui.palette.minimize.help"), screen.action_minimize)
        yield SystemCommand(tr("tui.palette.screenshot"), tr("tui.palette.screenshot.help"),
                            lambda: self.set_timer(0.1, self.deliver_screenshot))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=tr("tui.palette.placeholder")))

    def get_key_display(self, binding: Binding) -> str:
        """Keys as the keyboard says them: Strg+Z in German, Ctrl+Z in English (not ^z)."""
        if binding.key_display:
            return binding.key_display
        modifiers, key = binding.parse_key()
        if "ctrl" not in modifiers:
            return super().get_key_display(binding)
        modifiers.remove("ctrl")
        shown = format_key(key)
        return "+".join([tr("tui.key.ctrl"), *modifiers, shown.upper() if len(shown) == 1 else shown])

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
        main = MainScreen(session, self.mode)
        if isinstance(self.screen, StartScreen):
            self.switch_screen(main)
        else:
            self.push_screen(main)
        self.sub_title = display_path(session.path)
        if new:
            self.push_screen(SetupScreen(session, first=True), main._setup_done)
        self.call_after_refresh(self._announce, session)

    def _announce(self, session: Session) -> None:
        if self.mode == "review":
            self.notify(tr("tui.notify.review_mode", reviewer=session.reviewer) if session.reviewer
                        else tr("tui.notify.review_mode_unnamed"), timeout=8)
        elif session.objections():
            self.notify(tr("tui.notify.objections", count=len(session.objections())), severity="warning",
                        timeout=10)
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
        languages = self.session.catalogue.languages if self.session is not None else LANGUAGES
        if lang not in languages:  # a single-language catalogue: say why its texts do not switch
            self.notify(tr("tui.notify.language_missing", language=tr(f"language.{lang}"),
                           shown=tr(f"language.{languages[0]}")), severity="warning", timeout=5)
        else:
            self.notify(tr("tui.notify.language"), timeout=2)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        screen = self.screen
        if action == "toggle_language" and isinstance(screen, (SetupScreen, ModalScreen)):
            # forms and dialogs are built once: switch before or after them; screens that redraw
            # their texts (help, findings, the provider register) follow
            return hasattr(screen, "refresh_language")
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
            except InputError as error:
                self.save_failed(" ".join(tr(f"problem.{p.key}", **p.params) for p in error.problems))
                return
        self.exit(0)

    # -- saving ------------------------------------------------------------------------

    def request_save(self, *, force: bool = False) -> None:
        """Save the session in a thread; the status bar shows the outcome. Lint follows."""
        if self.session is None or (self._conflict_open and not force):
            return
        generation, data = self.session.prepare_save()
        self._set_save_state("saving")
        self._save(generation, data, force)
        self.schedule_lint()

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
        except InputError as error:  # busy (another writer holds the lock), or refused (read-only)
            self.call_from_thread(self.save_failed, " ".join(tr(f"problem.{p.key}", **p.params) for p in error.problems))
            return
        self.call_from_thread(self._saved)

    def _saved(self) -> None:
        if self.session is not None and not self.session.dirty:
            self._set_save_state("saved")

    def save_failed(self, reason: str) -> None:
        self._set_save_state("failed")
        self.notify(tr("tui.error.write", file=display_path(self.session.path), reason=reason),
                    severity="error", timeout=15)

    # -- findings ------------------------------------------------------------------------

    def schedule_lint(self, delay: float | None = None) -> None:
        """Lint again once changes pause (debounced); the check runs in a thread."""
        if self.session is None:
            return
        if self._lint_timer is not None:
            self._lint_timer.stop()
            self._lint_timer = None
        delay = self.lint_delay if delay is None else delay
        if delay <= 0:
            self.run_lint()
        else:
            self._lint_timer = self.set_timer(delay, self.run_lint)

    def run_lint(self) -> None:
        self._lint_timer = None
        session = self.session
        if session is None:
            return
        generation, data = session.prepare_save()
        self._lint(session, generation, data)

    @work(thread=True, group="lint", exit_on_error=False)
    def _lint(self, session: Session, generation: int, data) -> None:
        # evidence files are read (hashed) here, off the UI thread
        try:
            findings = session.lint(data)
        except Exception as error:  # a bug in a rule must not end the work on the assessment
            self.call_from_thread(self._lint_failed, error)
            return
        # as a message of the app: a bug in showing them is an internal error like any other
        self.call_from_thread(self.call_later, self._linted, session, generation, findings)

    def _linted(self, session: Session, generation: int, findings) -> None:
        if session is not self.session or generation < self._linted_generation:
            return  # an older run finished after a newer one
        self._linted_generation = generation
        session.set_findings(findings)
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_findings", None)
            if refresh is not None:
                refresh()

    def _lint_failed(self, error: Exception) -> None:
        if os.environ.get("TOM_AUDIT_DEBUG"):
            raise error
        self.notify(tr("tui.error.lint", error=f"{type(error).__name__}: {error}"), severity="error", timeout=10)
        for screen in self.screen_stack:  # lists waiting for the findings go on without them
            refresh = getattr(screen, "refresh_findings", None)
            if refresh is not None:
                refresh()

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
            self.schedule_lint(0)
            self.notify(tr("tui.notify.reloaded"))
        else:
            self.request_save(force=True)
            self.notify(tr("tui.notify.kept", backup=self.session.path.name + ".bak"))

    # -- the unexpected ----------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an exception nothing handled (it ends the app). Write the work
        first; then end with exit code 3, and `run_app` prints the CLI's one-line message
        instead of Textual's traceback (TOM_AUDIT_DEBUG=1 keeps the traceback)."""
        if self.crash is None:
            self.crash = error
            self.rescued = self.rescue()
        if os.environ.get("TOM_AUDIT_DEBUG"):
            super()._handle_exception(error)
            return
        self._return_code = 3
        if self._exception is None:  # what `run_test` raises again for a test to see
            self._exception = error
            self._exception_event.set()
        self._close_messages_no_wait()

    def rescue(self) -> Path | None:
        """Write unsaved work (after a crash): to the file, or, when someone else changed it
        meanwhile, beside it. The path written, or None when there was nothing to write."""
        session = self.session
        if session is None or not session.dirty:
            return None
        try:
            session.save()
            return session.path
        except ExternalChange:
            other = session.path.with_name(session.path.name.removesuffix(".tom.yaml") + ".unsaved.tom.yaml")
            try:
                save_assessment(other, session.prepare_save()[1])
            except Exception:
                return None
            return other
        except Exception:
            return None
