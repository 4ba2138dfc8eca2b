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


# the worst finding of a measure (logic.lint severities); readable without colour too
FINDING_MARKERS = {"error": "‼", "warning": "!", "info": "i"}
_FINDING_COLOURS = {"error": "text-error", "warning": "text-warning", "info": "text-accent"}
FINDING_STYLES = {"error": "bold $text-error", "warning": "bold $text-warning", "info": "$text-accent"}

# the DPO's review of a measure ("open" shows nothing)
# "changed": a verdict on an answer that changed since (logic.review.CHANGED), to review again
REVIEW_MARKERS = {"open": " ", "accepted": "✓", "rejected": "✗", "question": "?", "changed": "≠"}
_REVIEW_COLOURS = {"accepted": "text-success", "rejected": "text-error", "question": "text-warning",
                   "changed": "text-warning"}
REVIEW_STYLES = {"open": "$text-muted", "accepted": "bold $text-success", "rejected": "bold $text-error",
                 "question": "bold $text-warning", "changed": "bold $text-warning"}


def _theme_style(app, variable: str | None, bold: bool = True) -> Style:
    colour = app.theme_variables.get(variable) if variable else None
    if colour is None:
        return Style(dim=True)
    try:
        return Style(color=colour, bold=bold)
    except Exception:  # a theme value Rich does not understand
        return Style(bold=bold)


def finding_style(app, severity: str | None) -> Style:
    return _theme_style(app, _FINDING_COLOURS.get(severity or ""), bold=severity != "info")


def review_style(app, state: str) -> Style:
    return _theme_style(app, _REVIEW_COLOURS.get(state))
