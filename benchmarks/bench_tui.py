"""The questionnaire UI: from `App.run_test()` to the main screen with the first measure
selected, beside an empty Textual app reaching its first screen in the same run."""

from __future__ import annotations

import asyncio
import time

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
    return rows
