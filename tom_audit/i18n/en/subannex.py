"""Strings of the sub-processor annex (PDF, Word) and the change notice as a document (issue 12)."""

STRINGS = {
    "subannex.title": "List of sub-processors under Art. 28 (2) and (4) GDPR",
    "subannex.title_both": "Technical and organisational measures (Art. 32 GDPR) and sub-processors (Art. 28 GDPR)",
    "subannex.header_both": "TOM (Art. 32 GDPR) and sub-processors",
    "subannex.section": "Sub-processors",
    "subannex.ancillary_intro": "These service providers do not process personal data on our behalf; they are listed for completeness only.",
    "subannex.cli.annex": "Which annex (PDF/Word): tom = the TOM (default), subprocessors = the list of sub-processors, both = both in one document",
    "subannex.cli.done": "Wrote {file} ({format}, list of sub-processors: {count} {count|entry|entries}, language {language}).",
    "subannex.notice.kicker": "Notice",
    "subannex.notice.date": "Notice of",
    "subannex.notice.compared": "Compared with the list of",
    "subannex.notice.planned": "Planned date of the change",
    "subannex.notice.deadline": "Objections until",
    "subannex.notice.objection_title": "Objection",
    "subannex.notice.summary": "Overview",
    "problem.subannex.empty_register": "The sub-processor register is empty; the annex would state that none are engaged, but the organisation has not said so (scoping: \"Does the organisation engage sub-processors?\" is not answered no).",
    "problem.subannex.empty_register.hint": "Nothing was written. Enter the sub-processors (tom-audit provider add, or p in the questionnaire) or, if really none are engaged, answer the scoping question no in the questionnaire.",
}
