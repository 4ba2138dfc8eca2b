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
