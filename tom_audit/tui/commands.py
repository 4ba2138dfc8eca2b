"""The command palette (ctrl+p): every action the current screen offers, by its description."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tom_audit.tui.bindings import key_rows

_SKIP = {"command_palette", "help_quit"}


class ScreenActions(Provider):
    def _rows(self):
        app = self.app
        screen = self.screen
        for row in key_rows(screen, app):
            if row.action in _SKIP or row.navigation or not row.enabled:
                continue
            yield row, f"{row.description}  ({row.keys})", partial(app.call_later, app.run_action, row.action, row.node)

    async def discover(self) -> Hits:
        for row, text, run in self._rows():
            yield DiscoveryHit(text, run, help=row.tooltip or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for row, text, run in self._rows():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), run, help=row.tooltip or None)
