"""The questionnaire UI, each step beside a fair floor measured in the same run:

- `run_test()` to the main screen with the first measure selected, beside an empty Textual
  App reaching its first screen and beside a bare Textual app showing the same rows
  (id, title, level) in a DataTable, the least a table UI of this catalogue costs;
- the whole start as a user sees it: process start to the first measure on the terminal
  (under tmux, polling the pane), beside a bare Textual DataTable app started the same way.
  Skipped where tmux is missing."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import Row

UI_SIZES = (200, 2_000)  # the UI opens one file; 20,000 measures is a data-only size
SIZE = (120, 40)


async def _empty_app() -> float:
    from textual.app import App

    start = time.perf_counter()
    async with App().run_test(size=SIZE) as pilot:
        await pilot.pause(0)
        return time.perf_counter() - start


async def _main_screen(session) -> float:
    from tom_audit.tui.app import TomAuditApp
    from tom_audit.tui.screens.main import MainScreen
    from tom_audit.tui.widgets.measure_table import MeasureTable

    app = TomAuditApp(session, watch_disk=False)
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        while True:
            screen = app.screen
            if isinstance(screen, MainScreen) and screen.query_one(MeasureTable).measure_id is not None:
                elapsed = time.perf_counter() - start
                break
            await pilot.pause(0)
        first = screen.query_one(MeasureTable).measure_id
        assert first == session.ordered()[0].id, first
        return elapsed


async def _bare_table(rows: list[tuple[str, str, str]]) -> float:
    """A bare Textual app with one DataTable of the same rows, to its first row shown."""
    from textual.app import App
    from textual.widgets import DataTable

    class Bare(App):
        def compose(self):
            yield DataTable(cursor_type="row")

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Kennung", "Maßnahme", "Bedarf")
            table.add_rows(rows)

    app = Bare()
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        while app.query_one(DataTable).row_count < len(rows):
            await pilot.pause(0)
        return time.perf_counter() - start


BARE_SCRIPT = """
import sys
from textual.app import App
from textual.widgets import DataTable
rows = [line.split("\t") for line in open(sys.argv[1], encoding="utf-8").read().splitlines()]
class Bare(App):
    def compose(self):
        yield DataTable(cursor_type="row")
    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Kennung", "Massnahme", "Bedarf")
        table.add_rows(rows)
Bare().run()
"""


def _terminal_start(command: list[str], wanted: str, cwd: Path, timeout: float = 60.0) -> float:
    """Seconds from starting `command` in a fresh 120x40 tmux session to `wanted` on screen."""
    name = f"bench-{os.getpid()}-{time.perf_counter_ns()}"
    env_prefix = f"PYTHONPATH={os.environ.get('PYTHONPATH', '')} " if os.environ.get("PYTHONPATH") else ""
    shell = env_prefix + " ".join(f"'{part}'" for part in command)
    start = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", "-c", str(cwd), shell],
                   check=True)
    try:
        while time.perf_counter() - start < timeout:
            pane = subprocess.run(["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True).stdout
            if wanted in pane:
                return time.perf_counter() - start
            time.sleep(0.01)
        raise TimeoutError(f"{wanted!r} not on screen after {timeout} s")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def _best(make, repeats: int) -> float:
    return min(asyncio.run(make()) for _ in range(repeats))


def run(ctx) -> list[Row]:
    import tom_audit.tui.app  # noqa: F401  (imports are not what is timed)
    from tom_audit.tui.session import Session

    rows = []
    floor = _best(_empty_app, 3)
    for size in ctx.sizes:
        if size not in UI_SIZES:
            continue
        path = ctx.assessment(size)
        session = Session.open(path)
        ours = _best(lambda: _main_screen(session), ctx.repeats(size))
        rows.append(Row(size, "UI: run_test() to first measure selected", ours,
                        "empty Textual App to first screen", floor))

        def open_and_show():
            return _main_screen(Session.open(path))

        rows.append(Row(size, "UI: open file + first measure selected", _best(open_and_show, ctx.repeats(size)),
                        "empty Textual App to first screen", floor))
        lang = "de"
        table_rows = [(m.id, m.title(lang), m.level) for m in session.ordered()]
        bare = _best(lambda: _bare_table(table_rows), ctx.repeats(size))
        rows.append(Row(size, "UI: run_test() to first measure selected", ours,
                        "bare Textual DataTable of the same rows", bare))
        if shutil.which("tmux"):
            first = session.ordered()[0].id
            listing = ctx.work / f"rows-{size}.tsv"
            listing.write_text("\n".join("\t".join(r) for r in table_rows), encoding="utf-8")
            script = ctx.work / "bare_table.py"
            script.write_text(BARE_SCRIPT, encoding="utf-8")
            repeats = min(ctx.repeats(size), 2)
            user = min(_terminal_start([sys.executable, "-m", "tom_audit", "open", str(path)], first, ctx.work)
                       for _ in range(repeats))
            bare_start = min(_terminal_start([sys.executable, str(script), str(listing)], first, ctx.work)
                             for _ in range(repeats))
            rows.append(Row(size, "process start to first measure on screen (tmux)", user,
                            "bare Textual DataTable app, same rows, same way", bare_start))
    return rows
