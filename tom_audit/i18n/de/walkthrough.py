"""Strings added after a newcomer's walk through the questionnaire."""

STRINGS = {
    "tui.notify.review_mode_unnamed": "Prüfmodus: Maßnahmen mit Befunden zuerst. Beim ersten Urteil fragt das Programm nach Ihrem Namen. a akzeptieren, r ablehnen, q Rückfrage, ! nächster Befund, F alle Befunde, A freigeben.",
    "tui.approve.force_note": "Eine erzwungene Freigabe wird mit den offenen Punkten vermerkt und auf dem Deckblatt gezeigt.",
}
