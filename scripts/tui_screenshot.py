"""Redraw docs/images/tui-main.svg: the questionnaire at 120x40 on the shipped example,
on REC-04 (a question from the DPO and an overdue gap). Run after the example or the main
screen changed: `PYTHONPATH=. python scripts/tui_screenshot.py`. The file is not written."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tom_audit.tui.app import TomAuditApp
from tom_audit.tui.session import Session

ROOT = Path(__file__).resolve().parent.parent


async def main() -> None:
    session = Session.open(ROOT / "examples" / "hosting-gmbh.tom.yaml", by="s.krueger")
    app = TomAuditApp(session, watch_disk=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # lint has reported
        await pilot.pause(1.0)  # the greeting toasts are gone from the picture
        app.screen.go_to("REC-04")
        await pilot.pause(0.5)
        app.save_screenshot(str(ROOT / "docs" / "images" / "tui-main.svg"))


if __name__ == "__main__":
    asyncio.run(main())
