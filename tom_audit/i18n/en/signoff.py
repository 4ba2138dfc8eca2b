"""Sign-off: the approval checklist, approval labels, review fingerprints, N/A suggestions."""

STRINGS = {
    "approval.cli.refused": "Not approved: {count} open items on the approval checklist.",
    "approval.cli.refused_hint": "The file is unchanged. Settle the items (`tom-audit lint FILE`, `tom-audit review FILE --by NAME`) or approve anyway with --force; that is recorded with the open items and shown on the cover.",
    "approval.cli.forced": "Forced: recorded with {count} open items, shown on the cover and in the annex:",
    "approval.blocker.metadata_missing": "Details for the annex are missing: {ids}.",
    "approval.blocker.lint_errors": "Lint reports errors in {count} places: {ids}.",
    "approval.blocker.unanswered_required": "{count} applicable required measures are unanswered: {ids}.",
    "approval.blocker.na_unconfirmed": "{count} automatic \"not applicable\" reasons are only the catalogue's suggestion, not yet confirmed: {ids}.",
    "approval.blocker.review_rejected": "{count} measures are rejected: {ids}.",
    "approval.blocker.review_question": "{count} measures have an open question: {ids}.",
    "approval.blocker.review_changed": "{count} answers changed since they were reviewed: {ids}.",
    "approval.blocker.review_open": "{count} answered measures are not reviewed yet: {ids}.",
    "approval.refused": "Not approved, {count} open items: {reasons} Settle them first, or approve anyway with --force (recorded together with the open items).",
    "approval.label.approved": "Version {version}, approved on {date} by {by}",
    "approval.label.forced": "Version {version}, approved on {date} by {by} (forced despite open items)",
    "approval.label.draft": "Draft (not approved)",
    "approval.label.draft_changed": "Draft: changed since version {version} was approved on {date} by {by}",
    "approval.draft_mark": "DRAFT",
}
