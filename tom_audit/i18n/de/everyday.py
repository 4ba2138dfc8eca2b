"""Strings of the everyday flow: field names in messages, cover data (setup), evidence over
time, year two, agenda, owners."""

STRINGS = {
    # fields as the user sees them (messages never show internal keys such as gap.due)
    "field.gap.due": "Fällig am",
    "field.gap.risk": "Risiko",
    "field.gap.state": "Stand",
    "field.evidence.date": "Datum des Nachweises",
    "field.evidence.valid_until": "Gültig bis",
    "field.evidence.review_months": "Prüfrhythmus (Monate)",
    "field.review.date": "Datum der Prüfung",
    "field.approval.date": "Datum der Freigabe",
}
STRINGS.update({
    # cover data (tom-audit setup, new, the setup screen)
    "cover.field.org": "Organisation",
    "cover.field.address": "Anschrift",
    "cover.field.contact": "Kontakt",
    "cover.field.service": "Leistung / Geltungsbereich",
    "cover.field.responsible": "Verantwortlich",
    "cover.field.protection_need": "Schutzbedarf",
    "cover.field.review_interval": "Überprüfungsrhythmus (Monate)",
    "cover.help": "Deckblattangaben der Bewertung anzeigen oder ändern (ohne Optionen: anzeigen).",
    "cover.opt.org": "Name der Organisation (Auftragsverarbeiter)",
    "cover.opt.address": "Anschrift",
    "cover.opt.contact": "Kontakt (z. B. Datenschutz-E-Mail)",
    "cover.opt.service": "Leistung bzw. Geltungsbereich der Verarbeitung",
    "cover.opt.responsible": "verantwortliche Person oder Rolle für die TOM",
    "cover.opt.protection_need": "Schutzbedarf: normal, hoch oder sehr_hoch",
    "cover.opt.review_interval": "Überprüfung der TOM alle MONATE Monate (1–60)",
    "cover.saved": "Deckblattangaben in {file} gespeichert: {fields}.",
    "cover.unchanged": "Nichts geändert: {file} hat diese Angaben schon.",
    "cover.blank": "(leer)",
    "cover.months": "{months} Monate",
    "cover.missing": "Für das Deckblatt fehlen noch: {fields}. Nachtragen mit: tom-audit setup {file} {options}",
})
STRINGS.update({"cli.setup.field": "Angabe", "cli.setup.value": "Wert"})
STRINGS.update({
    "tui.setup.address_placeholder": "Straße Nr., PLZ Ort",
    "tui.setup.contact_placeholder": "z. B. datenschutz@example.de",
    "tui.setup.responsible_placeholder": "Person oder Rolle, z. B. Leitung IT",
    "tui.setup.review_interval_placeholder": "12",
})
