"""Strings of the annex documents (PDF, Word) and their export options (issue 11)."""

STRINGS = {
    "annex.kicker": "Annex",
    "annex.kicker_no": "Annex {no}",
    "annex.title": "Technical and organisational measures under Art. 32 GDPR",
    "annex.section.tom": "Technical and organisational measures",
    "annex.col.measure": "Measure and implementation",
    "annex.version.draft": "Draft – not yet approved",
    "annex.version.approved": "Version {version}, approved on {date} by {by}",
    "annex.version.changed": "Draft – changed since version {version} was approved on {date} by {by}",
    "annex.closing": "Status, review and signatures",
    "annex.review_line": "The measures are reviewed every {months} months; next review by {date}.",
    "annex.page": "Page {page} of {pages}",
    "annex.draft_mark": "DRAFT",
    "annex.label.evidence": "Evidence",
    "annex.label.draft_note": "Draft: the assessment is not approved, or not in this version. Not for signature.",
    "annex.label.continued": "continued",
    "annex.cli.contract": "The contract the annex belongs to (PDF/Word), e.g. \"data processing agreement of 2026-03-01 with Muster AG\"",
    "annex.cli.annex_no": "Number of the annex in the contract (PDF/Word), e.g. 2 for \"Annex 2\"",
    "annex.cli.no_evidence": "Leave evidence references out (annex in PDF, Word and the workbook)",
    "annex.cli.dpo_signature": "Add the signature line \"Reviewed (data protection officer)\" to the PDF/Word annex",
}
