"""Key bindings in the user's language, for the footer, the help screen and the palette.

`BINDINGS` name their description (and tooltip) by string key ("tui.key.…"); screens with
`Translated` show them translated, so the footer, the help screen (built from the same active
bindings) and the command palette can never drift apart or from the keys that really work.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from textual.binding import ActiveBinding, Binding
from textual.dom import DOMNode

from tom_audit.i18n import has, tr

# Textual's own bindings, named by action; those not named here stay out of the help
_BUILTIN = {
    "command_palette": "tui.key.palette", "quit": "tui.key.quit", "app.quit": "tui.key.quit",
    "cursor_up": "tui.nav.up", "cursor_down": "tui.nav.down", "page_up": "tui.nav.page_up",
    "page_down": "tui.nav.page_down", "first": "tui.nav.first", "last": "tui.nav.last",
    "scroll_top": "tui.nav.first", "scroll_bottom": "tui.nav.last", "scroll_home": "tui.nav.first",
    "scroll_end": "tui.nav.last", "app.focus_next": "tui.nav.focus_next",
    "app.focus_previous": "tui.nav.focus_previous", "select": "tui.nav.select",
}


def i18n_key(binding: Binding) -> str | None:
    """The string key that describes a binding, or None for Textual internals we do not list."""
    key = _BUILTIN.get(binding.action, binding.description)
    return key if key.startswith("tui.") else None


def translate(binding: Binding, screen: object) -> Binding:
    key = i18n_key(binding)
    if key is None:
        return binding
    # a key that does its mode's own thing (Enter reviews in review mode) says so
    key = getattr(screen, "binding_aliases", dict)().get(key, key)
    params = getattr(screen, "binding_params", dict)()
    tooltip_key = key + ".tip"
    tooltip = tr(tooltip_key, **params)
    group = binding.group
    if group is not None and group.description.startswith("tui."):
        group = Binding.Group(tr(group.description), compact=group.compact)
    return dataclasses.replace(
        binding, description=tr(key, **params), tooltip="" if tooltip == tooltip_key else tooltip, group=group,
    )


class Translated:
    """Mixin for screens: their active bindings, translated (used by Footer and help)."""

    def binding_params(self) -> dict[str, str]:
        """Values for placeholders in binding descriptions (e.g. the current filter)."""
        return {}

    def binding_aliases(self) -> dict[str, str]:
        """String keys to describe some bindings by instead (a mode's own meaning of a key)."""
        return {}

    def raw_active_bindings(self) -> dict[str, ActiveBinding]:
        return super().active_bindings  # type: ignore[misc]

    def footer_hides(self) -> set[str]:
        """Actions the footer leaves out for now (the help and the palette keep them)."""
        return set()

    @property
    def compact_footer(self) -> bool:
        """A narrow terminal (under 100 columns, e.g. 80x24): the footer uses short labels."""
        try:
            return self.app.size.width < COMPACT_BELOW  # type: ignore[attr-defined]
        except Exception:  # no app yet
            return False

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        out = {}
        hides = self.footer_hides()
        compact = self.compact_footer
        for key, active in self.raw_active_bindings().items():
            binding = translate(active.binding, self)
            if binding.action.split("(", 1)[0] in hides:  # "confirm(True)" is the action "confirm"
                binding = dataclasses.replace(binding, show=False)
            elif compact and (short := _short(active.binding, self)) is not None:
                binding = dataclasses.replace(binding, description=short)
            out[key] = ActiveBinding(active.node, binding, active.enabled, binding.tooltip)
        return out


COMPACT_BELOW = 100  # columns


def _short(binding: Binding, screen: object) -> str | None:
    """The footer's short label for a binding (its key + ".short"), if there is one."""
    key = i18n_key(binding)
    if key is None:
        return None
    key = getattr(screen, "binding_aliases", dict)().get(key, key)
    return tr(f"{key}.short", **getattr(screen, "binding_params", dict)()) if has(f"{key}.short") else None


@dataclass(frozen=True)
class KeyRow:
    keys: str  # as shown, e.g. "1" or "^z", several joined with " / "
    description: str
    tooltip: str
    action: str
    node: DOMNode
    enabled: bool
    navigation: bool  # moving about, rather than doing something


def key_rows(screen, app) -> list[KeyRow]:
    """Every described binding that works on `screen` now: one row per action, keys joined;
    what the screen does first, moving about last."""
    raw = screen.raw_active_bindings() if hasattr(screen, "raw_active_bindings") else screen.active_bindings
    rows: dict[tuple[int, str], KeyRow] = {}
    for _key, active in raw.items():
        binding = active.binding
        i18n = i18n_key(binding)
        if binding.system or i18n is None:
            continue
        binding = translate(binding, screen)
        ident = (id(active.node), binding.action)
        shown = app.get_key_display(binding)
        if ident in rows:
            old = rows[ident]
            if shown not in old.keys.split(" / "):
                rows[ident] = dataclasses.replace(old, keys=f"{old.keys} / {shown}")
            continue
        rows[ident] = KeyRow(shown, binding.description, binding.tooltip, binding.action, active.node,
                             active.enabled, i18n.startswith("tui.nav."))
    return sorted(rows.values(), key=lambda row: row.navigation)
