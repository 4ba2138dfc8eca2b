"""Sign-off: the approval checklist, approval labels, review fingerprints, N/A suggestions."""

STRINGS = {
    "approval.cli.refused": "Nicht freigegeben: {count} offene Punkte der Freigabe-Checkliste.",
    "approval.cli.refused_hint": "Die Datei bleibt unverändert. Klären Sie die Punkte (`tom-audit lint DATEI`, `tom-audit review DATEI --by NAME`) oder geben Sie mit --force trotzdem frei; das wird mit den offenen Punkten vermerkt und auf dem Deckblatt gezeigt.",
    "approval.cli.forced": "Erzwungen: vermerkt mit {count} offenen Punkten, die Deckblatt und Anlage zeigen:",
    "approval.blocker.metadata_missing": "Angaben für die Anlage fehlen: {ids}.",
    "approval.blocker.lint_errors": "Die Prüfung (lint) meldet Fehler bei {count} Stellen: {ids}.",
    "approval.blocker.unanswered_required": "{count} anwendbare Pflichtmaßnahmen sind unbeantwortet: {ids}.",
    "approval.blocker.na_unconfirmed": "{count} automatische „nicht anwendbar“-Begründungen sind nur Vorschläge des Katalogs und noch nicht bestätigt: {ids}.",
    "approval.blocker.review_rejected": "{count} Maßnahmen sind abgelehnt: {ids}.",
    "approval.blocker.review_question": "{count} Maßnahmen haben eine offene Rückfrage: {ids}.",
    "approval.blocker.review_changed": "{count} Antworten wurden seit der Prüfung geändert: {ids}.",
    "approval.blocker.review_open": "{count} beantwortete Maßnahmen sind noch nicht geprüft: {ids}.",
    "approval.refused": "Nicht freigegeben, {count} offene Punkte: {reasons} Klären Sie sie zuerst oder geben Sie mit --force trotzdem frei (das wird mit den offenen Punkten vermerkt).",
    "approval.label.approved": "Version {version}, freigegeben am {date} von {by}",
    "approval.label.forced": "Version {version}, freigegeben am {date} von {by} (trotz offener Punkte erzwungen)",
    "approval.label.draft": "Entwurf (nicht freigegeben)",
    "approval.label.draft_changed": "Entwurf: seit der Freigabe von Version {version} am {date} durch {by} geändert",
    "approval.draft_mark": "ENTWURF",
}
