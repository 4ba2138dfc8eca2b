"""Strings added after a newcomer's walk through the questionnaire."""

STRINGS = {
    "tui.notify.review_mode_unnamed": "Review mode: measures with findings first. Your name is asked at the first verdict. a accept, r reject, q question, ! next finding, F all findings, A approve.",
    "tui.approve.force_note": "A forced approval is recorded with the open items and shown on the cover.",
}
