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
STRINGS.update({"field.answer.review_months": "Prüfrhythmus der Maßnahme (Monate)"})
STRINGS.update({
    # lint TOM040-TOM043 (docs/lint-rules.md)
    "lint.evidence_expiring": "Der Nachweis {ref} läuft am {valid_until} ab (in {days} Tagen).",
    "lint.evidence_expiring.hint": "Erneuern Sie ihn rechtzeitig und hängen Sie die neue Fassung an; sie ersetzt den alten Eintrag (`tom-audit set DATEI MASSNAHME --evidence PFAD --valid-until TT.MM.JJJJ`).",
    "lint.evidence_duplicate": "Der Nachweis {ref} ist mehrfach erfasst.",
    "lint.evidence_duplicate.hint": "Entfernen Sie die älteren Einträge (`tom-audit set DATEI MASSNAHME --remove-evidence SHA256-ANFANG`); sie bleiben in der Historie der Antwort.",
    "lint.evidence_review_due": "Der Nachweis {ref} vom {date} ist älter als sein eigener Prüfrhythmus von {months} Monaten.",
    "lint.evidence_review_due.hint": "Wiederholen Sie die Prüfung (z. B. die Rezertifizierung der Zugriffsrechte) und hängen Sie das neue Ergebnis an.",
    "lint.english_missing": "{count} Notizen oder Lückenmaßnahmen haben keinen englischen Text: {ids}.",
    "lint.english_missing.hint": "Die englische Anlage (`--lang en`) zeigt dort den deutschen Text. Tragen Sie den englischen im Antwort- bzw. Lückenformular ein.",
})
STRINGS.update({
    "lint.title.TOM040": "Nachweis läuft bald ab",
    "lint.title.TOM041": "Nachweis doppelt erfasst",
    "lint.title.TOM042": "Nachweis über seinen Prüfrhythmus hinaus",
    "lint.title.TOM043": "Englischer Text fehlt",
})
STRINGS.update({
    # tom-audit set: evidence over time, year two, English text
    "cli.set.evidence_review_months": "eigener Prüfrhythmus der Nachweise in Monaten (z. B. 3 für eine vierteljährliche Rezertifizierung)",
    "cli.set.remove_evidence": "einen Nachweis entfernen (Pfad, URL oder Anfang des SHA-256); er bleibt in der Historie der Antwort",
    "cli.set.review_months": "eigener Prüfrhythmus der Maßnahme in Monaten (0 entfernt ihn)",
    "cli.set.note_en": "die Notiz auf Englisch, für die englische Anlage",
    "cli.set.confirm": "die aus dem Vorjahr übernommene Antwort als weiterhin zutreffend bestätigen",
    "cli.set.remove_none": "Kein Nachweis passt zu „{ref}“. Vorhanden: {records}. Geben Sie den Pfad, die URL oder den Anfang des SHA-256 an.",
    "cli.set.remove_ambiguous": "„{ref}“ passt zu mehreren Nachweisen: {records}. Geben Sie den Anfang des SHA-256 an, um einen zu wählen.",
})
STRINGS.update({
    # year two
    "tui.detail.carried_over": "Aus {year} übernommen: bitte prüfen und bestätigen (c bestätigen, C bestätigen und weiter) oder ändern.",
    "tui.key.confirm": "bestätigen",
    "tui.key.confirm.tip": "Die übernommene Antwort trifft weiterhin zu, oder der N/A-Vorschlag des Katalogs gilt",
    "tui.key.confirm_next": "bestätigen und weiter",
    "tui.notify.nothing_to_confirm": "{id} ist schon bestätigt.",
})
STRINGS.update({
    # tom-audit agenda
    "cli.agenda.help": "Was fällig ist: offene Lücken und ablaufende Nachweise nach Datum; mit -o due.ics als Kalenderdatei.",
    "cli.agenda.owner": "nur, wofür NAME verantwortlich ist (Teil des Namens genügt)",
    "cli.agenda.days": "ablaufende Nachweise bis so viele Tage im Voraus zeigen (Vorgabe 90)",
    "cli.agenda.json": "als JSON ausgeben",
    "cli.agenda.output": "als iCalendar-Datei (.ics) schreiben, zum Import in den Kalender",
    "cli.agenda.written": "{file} geschrieben: {count} Termine.",
    "cli.agenda.empty": "Nichts fällig: keine offenen Lücken und keine bald ablaufenden Nachweise.",
    "cli.agenda.kind.gap": "Lücke",
    "cli.agenda.kind.evidence": "Nachweis läuft ab",
    "cli.agenda.overdue": "(überfällig)",
    "cli.agenda.col.date": "Datum",
    "cli.agenda.col.kind": "Art",
    "cli.agenda.col.id": "Nr.",
    "cli.agenda.col.measure": "Maßnahme",
    "cli.agenda.col.owner": "Verantwortlich",
    "cli.agenda.col.what": "Was",
    "cli.agenda.summary.gap": "TOM {id} fällig: {title}",
    "cli.agenda.summary.evidence": "TOM {id}: Nachweis läuft ab ({title})",
    "cli.agenda.owner_line": "Verantwortlich: {owner}",
    "problem.agenda.not_ics": "Die Kalenderdatei muss auf .ics enden.",
    "problem.agenda.not_ics.hint": "Zum Beispiel: tom-audit agenda DATEI -o faellig.ics",
})
STRINGS.update({
    "cli.status.owner": "dazu die Maßnahmen, für die NAME verantwortlich ist (Antwort oder Lücke)",
    "cli.status.owned": "Verantwortlich „{owner}“: {count} {count|Maßnahme|Maßnahmen}.",
    "cli.status.col.status": "Status",
    "cli.status.col.due": "Lücke fällig",
})

STRINGS.update({"tui.key.ctrl": "Strg"})
STRINGS.update({
    # argparse's own messages (tom_audit/arguments.py)
    "argparse.usage": "Aufruf: ",
    "argparse.positional": "Argumente",
    "argparse.options": "Optionen",
    "argparse.help": "diese Hilfe zeigen und beenden",
    "argparse.version": "die Version zeigen und beenden",
    "argparse.argument": "Angabe %(argument_name)s: %(message)s",
    "argparse.required": "diese Angaben fehlen: %s",
    "argparse.unrecognized": "unbekannte Angaben: %s",
    "argparse.invalid_choice": "ungültige Wahl: %(value)r (möglich: %(choices)s)",
    "argparse.invalid_value": "ungültiger Wert (%(type)s): %(value)r",
    "argparse.expected_one": "erwartet einen Wert",
    "argparse.expected_at_most_one": "erwartet höchstens einen Wert",
    "argparse.expected_at_least_one": "erwartet mindestens einen Wert",
    "argparse.ambiguous": "mehrdeutige Option: %(option)s passt zu %(matches)s",
    "argparse.not_allowed": "nicht zusammen mit %s erlaubt",
    "argparse.one_required": "eine dieser Angaben ist nötig: %s",
    "argparse.error": "%(prog)s: Fehler: %(message)s\n",
})
STRINGS.update({
    # the command palette
    "tui.palette.placeholder": "Befehl oder Maßnahme suchen (Nr. oder Titel) …",
    "tui.palette.go_to_measure": "zu dieser Maßnahme springen",
    "tui.palette.theme": "Farbschema",
    "tui.palette.theme.help": "Das Farbschema wechseln",
    "tui.palette.minimize": "Normale Größe",
    "tui.palette.minimize.help": "Den vergrößerten Bereich wieder verkleinern",
    "tui.palette.screenshot": "Bildschirmfoto",
    "tui.palette.screenshot.help": "Den Bildschirm als SVG-Datei speichern",
})
STRINGS.update({
    # filters: scope, my measures, due
    "tui.scope.all_categories": "alle Kategorien",
    "tui.scope.this_category": "diese Kategorie",
    "tui.filter.mine": "von {owner}",
    "tui.filter.due": "Lücken nach Fälligkeit",
    "tui.key.my_measures": "Meine Maßnahmen",
    "tui.key.my_measures.tip": "Maßnahmen, für die Sie (oder ein anderer Name) verantwortlich sind",
    "tui.mine.title": "Maßnahmen einer verantwortlichen Person",
    "tui.mine.label": "Name (Teil genügt; Antwort oder Lücke)",
    "tui.mine.hint": "Vorgabe ist Ihr Anmeldename. Der Filter „von …“ zeigt dann deren Maßnahmen aus allen Kategorien.",
    "tui.mine.no_name": "Bitte einen Namen angeben.",
})
STRINGS.update({
    # two languages in the answers
    "tui.field.note_en": "Notiz auf Englisch (optional, für die englische Anlage)",
    "tui.field.note_en_placeholder": "leer: die englische Anlage zeigt den deutschen Text",
    "tui.gap.action_en": "Maßnahme auf Englisch (optional)",
})
STRINGS.update({
    # short footer labels for 80 columns
    "tui.key.next_open.short": "offen",
    "tui.key.filter.short": "Filter",
    "tui.key.palette.short": "Befehle",
    "tui.key.next_unreviewed.short": "ungeprüft",
    "tui.key.review_form.short": "Prüfen",
    "tui.key.confirm.short": "bestät.",
})
STRINGS.update({"tui.key.evidence.short": "Nachw.", "tui.key.answer.short": "Antw."})
