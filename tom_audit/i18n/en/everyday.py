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
STRINGS.update({
    # cover data (tom-audit setup, new, the setup screen)
    "cover.field.org": "Organisation",
    "cover.field.address": "Address",
    "cover.field.contact": "Contact",
    "cover.field.service": "Service / scope",
    "cover.field.responsible": "Responsible",
    "cover.field.protection_need": "Protection need",
    "cover.field.review_interval": "Review interval (months)",
    "cover.help": "Show or change the assessment's cover data (without options: show).",
    "cover.opt.org": "name of the organisation (processor)",
    "cover.opt.address": "postal address",
    "cover.opt.contact": "contact (e.g. the data protection e-mail)",
    "cover.opt.service": "service or scope of the processing",
    "cover.opt.responsible": "person or role responsible for the TOM",
    "cover.opt.protection_need": "protection need: normal, hoch or sehr_hoch",
    "cover.opt.review_interval": "review the TOM every MONTHS months (1-60)",
    "cover.saved": "Cover data saved in {file}: {fields}.",
    "cover.unchanged": "Nothing changed: {file} already has these values.",
    "cover.blank": "(blank)",
    "cover.months": "{months} months",
    "cover.missing": "The cover still lacks: {fields}. Add them with: tom-audit setup {file} {options}",
})
STRINGS.update({"cli.setup.field": "Field", "cli.setup.value": "Value"})
STRINGS.update({
    "tui.setup.address_placeholder": "Street no., postcode town",
    "tui.setup.contact_placeholder": "e.g. privacy@example.com",
    "tui.setup.responsible_placeholder": "person or role, e.g. head of IT",
    "tui.setup.review_interval_placeholder": "12",
})
