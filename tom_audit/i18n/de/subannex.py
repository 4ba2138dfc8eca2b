"""Strings of the sub-processor annex (PDF, Word) and the change notice as a document (issue 12)."""

STRINGS = {
    "subannex.title": "Liste der Unterauftragsverarbeiter nach Art. 28 Abs. 2 und 4 DSGVO",
    "subannex.title_both": "Technische und organisatorische Maßnahmen (Art. 32 DSGVO) und Unterauftragsverarbeiter (Art. 28 DSGVO)",
    "subannex.header_both": "TOM (Art. 32 DSGVO) und Unterauftragsverarbeiter",
    "subannex.section": "Unterauftragsverarbeiter",
    "subannex.ancillary_intro": "Diese Dienstleister verarbeiten keine personenbezogenen Daten im Auftrag; sie sind nur zur Vollständigkeit genannt.",
    "subannex.cli.annex": "Welche Anlage (PDF/Word): tom = die TOM (Voreinstellung), subprocessors = die Liste der Unterauftragsverarbeiter, both = beide in einem Dokument",
    "subannex.cli.done": "{file} geschrieben ({format}, Liste der Unterauftragsverarbeiter: {count} {count|Eintrag|Einträge}, Sprache {language}).",
    "subannex.notice.kicker": "Mitteilung",
    "subannex.notice.date": "Mitteilung vom",
    "subannex.notice.compared": "Verglichen mit der Liste vom",
    "subannex.notice.planned": "Geplantes Datum der Änderung",
    "subannex.notice.deadline": "Einspruch bis",
    "subannex.notice.objection_title": "Einspruch",
    "subannex.notice.summary": "Überblick",
    "problem.subannex.empty_register": "Das Verzeichnis der Unterauftragsverarbeiter ist leer; die Anlage würde festhalten, dass keine eingesetzt sind, doch das hat die Organisation nicht angegeben (Eingrenzung: „Setzt die Organisation Unterauftragsverarbeiter ein?“ ist nicht mit Nein beantwortet).",
    "problem.subannex.empty_register.hint": "Es wurde nichts geschrieben. Tragen Sie die Unterauftragsverarbeiter ein (tom-audit provider add oder p im Fragebogen) oder, wenn wirklich keine eingesetzt sind, beantworten Sie die Eingrenzungsfrage im Fragebogen mit Nein.",
}
