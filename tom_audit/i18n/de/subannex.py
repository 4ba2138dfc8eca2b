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
}
