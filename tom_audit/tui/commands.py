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


class MeasureJump(Provider):
    """Go to a measure by its id or title: "REC-01", "Wiederherstellungstest"."""

    LIMIT = 40  # hits; a 2,000-measure catalogue must not flood the list
    # Textual's fuzzy scores are not capped at 1 (they grow with the letters matched), so the
    # measure whose id was typed exactly needs a score no fuzzy hit can reach to come first
    EXACT_SCORE = 1e9

    def _measures(self):
        session = getattr(self.app, "session", None)
        return session.ordered() if session is not None else []

    def _go(self, measure_id: str) -> None:
        go_to = getattr(self.screen, "go_to", None)  # the screen the palette was opened on
        if go_to is not None:
            go_to(measure_id)

    async def search(self, query: str) -> Hits:
        from tom_audit.i18n import current_language, tr

        if not query.strip() or not hasattr(self.screen, "go_to"):
            return
        lang = current_language()
        matcher = self.matcher(query)
        wanted = query.strip().casefold()
        hits = 0
        for measure in self._measures():
            text = f"{measure.id}  {measure.title(lang)}"
            exact = measure.id.casefold() == wanted
            score = self.EXACT_SCORE if exact else matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._go, measure.id),
                          help=tr("tui.palette.go_to_measure"))
                hits += 1
                if hits >= self.LIMIT:
                    return
