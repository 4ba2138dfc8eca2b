"""Deutsche Texte: Argumente, die kein Dateiname sein können (tom_audit.cli.arg_text)."""

STRINGS: dict[str, str] = {
    "problem.path.unusable": "Der Dateiname{place} enthält ein Null-Zeichen oder ein einzelnes UTF-16-Ersatzzeichen und kann im Dateisystem nicht vorkommen.",
    "problem.path.unusable.hint": "Den Dateinamen neu eingeben (ohne unsichtbare Zeichen); das Terminal auf UTF-8 stellen (z. B. LANG=de_DE.UTF-8).",
}
