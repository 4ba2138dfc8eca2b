"""Status markers and their colours, taken from the current theme (dark and light alike)."""

from __future__ import annotations

from rich.style import Style

MARKERS = {
    None: "·",
    "implemented": "✔",
    "partial": "◐",
    "planned": "◔",
    "not_implemented": "✘",
    "not_applicable": "–",
}
TO_CONFIRM = "?"

# theme variable for each status; None: the normal text colour, dimmed
_COLOURS = {
    "implemented": "text-success",
    "partial": "text-warning",
    "planned": "text-primary",
    "not_implemented": "text-error",
    "not_applicable": None,
    None: None,
}


def status_style(app, status: str | None) -> Style:
    variable = _COLOURS.get(status)
    if variable is None:
        return Style(dim=True)
    colour = app.theme_variables.get(variable)
    try:
        return Style(color=colour, bold=True)
    except Exception:  # a theme value Rich does not understand
        return Style(bold=True)


def bar(done: int, total: int, width: int) -> str:
    """A text progress bar: ██████░░░░"""
    if total <= 0 or width <= 0:
        return ""
    filled = round(width * done / total)
    return "█" * filled + "░" * (width - filled)
