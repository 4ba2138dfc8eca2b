"""Deutsche Texte: Argumente, die kein Dateiname sein können (tom_audit.cli.arg_text), und Änderungen, die nichts ändern würden (logic.answers)."""

STRINGS: dict[str, str] = {
    "problem.path.unusable": "Der Dateiname{place} enthält ein Null-Zeichen oder ein einzelnes UTF-16-Ersatzzeichen und kann im Dateisystem nicht vorkommen.",
    "problem.path.unusable.hint": "Den Dateinamen neu eingeben (ohne unsichtbare Zeichen); das Terminal auf UTF-8 stellen (z. B. LANG=de_DE.UTF-8).",
    "answer.nothing_to_confirm": "{id} hat keine übernommene Antwort, die zu bestätigen wäre; die Datei bleibt unverändert. Zu bestätigen sind nur Antworten, die `tom-audit new --from` aus dem Vorjahr übernommen hat.",
}
