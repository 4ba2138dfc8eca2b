"""Strings for upgrading an assessment to a newer catalogue version."""

STRINGS = {
    "catalogue.level_if": "Pflicht ab Schutzbedarf, abhängig von der Eingrenzung",
    "catalogue.see": "Siehe",
    "catalogue.replaces": "Übernimmt Antworten von",
    "upgrade.head": "Katalog {old} → {new}:",
    "upgrade.added": "{count} neu ({ids})",
    "upgrade.reworded": "{count} geändert, Antworten „zu bestätigen“ ({ids})",
    "upgrade.removed": "Entfallen: {count} ({ids}); ihre Antworten bleiben in der Datei.",
    "upgrade.scoping": "Eingrenzung: {old} = {old_value} wird zu {new} = {new_value}; bitte prüfen.",
    "upgrade.carried": "{new} übernimmt die Antwort von {old} („zu bestätigen“).",
    "upgrade.none": "Die Bewertung folgt bereits dem aktuellen Katalog.",
    "cli.catalogue.changes": "Zeigen, was ein Wechsel auf den aktuellen Katalog für eine Bewertung ändert (ohne zu speichern)",
}
