"""Strings for upgrading an assessment to a newer catalogue version."""

STRINGS = {
    "catalogue.level_if": "Required from protection need, by scoping answer",
    "catalogue.see": "See",
    "catalogue.replaces": "Takes over answers of",
    "upgrade.head": "Catalogue {old} → {new}:",
    "upgrade.added": "{count} new ({ids})",
    "upgrade.reworded": "{count} changed, answers \"to confirm\" ({ids})",
    "upgrade.removed": "Removed: {count} ({ids}); their answers stay in the file.",
    "upgrade.scoping": "Scoping: {old} = {old_value} becomes {new} = {new_value}; please check.",
    "upgrade.carried": "{new} takes over the answer of {old} (\"to confirm\").",
    "upgrade.none": "The assessment already follows the current catalogue.",
    "cli.catalogue.changes": "Show what moving to the current catalogue changes in an assessment (does not save)",
}
