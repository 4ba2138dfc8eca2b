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

from tom_audit.i18n import tr

# Textual's own bindings, named by action
_BUILTIN = {"command_palette": "tui.key.palette", "quit": "tui.key.quit", "app.quit": "tui.key.quit"}


def translate(binding: Binding, screen: object) -> Binding:
    key = _BUILTIN.get(binding.action, binding.description)
    if not key.startswith("tui."):
        return binding
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

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        out = {}
        for key, active in super().active_bindings.items():  # type: ignore[misc]
            binding = translate(active.binding, self)
            out[key] = ActiveBinding(active.node, binding, active.enabled, binding.tooltip)
        return out


@dataclass(frozen=True)
class KeyRow:
    keys: str  # as shown, e.g. "1" or "ctrl+z"
    description: str
    tooltip: str
    action: str
    node: DOMNode
    enabled: bool


def key_rows(screen, app) -> list[KeyRow]:
    """Every binding that works on `screen` right now (one row per action, keys joined)."""
    rows: dict[tuple[int, str], KeyRow] = {}
    for _key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        ident = (id(active.node), binding.action)
        shown = app.get_key_display(binding)
        if ident in rows:
            old = rows[ident]
            if shown not in old.keys.split(" / "):
                rows[ident] = dataclasses.replace(old, keys=f"{old.keys} / {shown}")
            continue
        rows[ident] = KeyRow(shown, binding.description, binding.tooltip, binding.action, active.node, active.enabled)
    return list(rows.values())
