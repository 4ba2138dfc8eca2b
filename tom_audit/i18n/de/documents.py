"""Strings of the annex documents (PDF, Word) and their export options (issue 11)."""

STRINGS = {
    "annex.kicker": "Anlage",
    "annex.kicker_no": "Anlage {no}",
    "annex.title": "Technische und organisatorische Maßnahmen nach Art. 32 DSGVO",
    "annex.section.tom": "Technische und organisatorische Maßnahmen",
    "annex.col.measure": "Maßnahme und Umsetzung",
    "annex.version.draft": "Entwurf – noch nicht freigegeben",
    "annex.version.approved": "Version {version}, freigegeben am {date} durch {by}",
    "annex.version.changed": "Entwurf – seit der Freigabe der Version {version} vom {date} durch {by} geändert",
    "annex.closing": "Stand, Überprüfung und Unterschriften",
    "annex.review_line": "Die Maßnahmen werden alle {months} Monate überprüft; nächste Überprüfung bis {date}.",
    "annex.page": "Seite {page} von {pages}",
    "annex.draft_mark": "ENTWURF",
    "annex.label.evidence": "Nachweise",
    "annex.label.draft_note": "Entwurf: Die Bewertung ist nicht oder nicht in dieser Fassung freigegeben. Nicht zur Unterschrift.",
    "annex.label.continued": "Fortsetzung",
    "annex.cli.contract": "Der Vertrag, zu dem die Anlage gehört (PDF/Word), z. B. „Vertrag über die Auftragsverarbeitung vom 01.03.2026 mit Muster AG“",
    "annex.cli.annex_no": "Nummer der Anlage im Vertrag (PDF/Word), z. B. 2 für „Anlage 2“",
    "annex.cli.no_evidence": "Nachweise nicht nennen (Anlage in PDF, Word und Arbeitsmappe)",
    "annex.cli.dpo_signature": "Unterschriftszeile „Geprüft (Datenschutzbeauftragte/r)“ in PDF/Word aufnehmen",
}
