"""Strings of the everyday flow: field names in messages, cover data (setup), evidence over
time, year two, agenda, owners."""

STRINGS = {
    # fields as the user sees them (messages never show internal keys such as gap.due)
    "field.gap.due": "Due",
    "field.gap.risk": "Risk",
    "field.gap.state": "State",
    "field.evidence.date": "Evidence date",
    "field.evidence.valid_until": "Valid until",
    "field.evidence.review_months": "Review rhythm (months)",
    "field.review.date": "Review date",
    "field.approval.date": "Approval date",
}
