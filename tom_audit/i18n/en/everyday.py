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
STRINGS.update({"field.answer.review_months": "The measure's review rhythm (months)"})
STRINGS.update({
    # lint TOM040-TOM043 (docs/lint-rules.md)
    "lint.evidence_expiring": "Evidence {ref} expires on {valid_until} (in {days} days).",
    "lint.evidence_expiring.hint": "Renew it in time and attach the new version; it replaces the old record (`tom-audit set FILE MEASURE --evidence PATH --valid-until YYYY-MM-DD`).",
    "lint.evidence_duplicate": "Evidence {ref} is recorded more than once.",
    "lint.evidence_duplicate.hint": "Remove the older records (`tom-audit set FILE MEASURE --remove-evidence SHA256-PREFIX`); they stay in the answer's history.",
    "lint.evidence_review_due": "Evidence {ref} of {date} is older than its own review rhythm of {months} months.",
    "lint.evidence_review_due.hint": "Repeat the check (e.g. the access recertification) and attach the new result.",
    "lint.english_missing": "{count} notes or gap actions have no English text: {ids}.",
    "lint.english_missing.hint": "The English annex (`--lang en`) shows the German text there. Enter the English one in the answer or gap form.",
})
STRINGS.update({
    "lint.title.TOM040": "Evidence expires soon",
    "lint.title.TOM041": "Evidence recorded twice",
    "lint.title.TOM042": "Evidence past its review rhythm",
    "lint.title.TOM043": "English text missing",
})
STRINGS.update({
    # tom-audit set: evidence over time, year two, English text
    "cli.set.evidence_review_months": "the evidence's own review rhythm in months (e.g. 3 for a quarterly recertification)",
    "cli.set.remove_evidence": "remove an evidence record (path, URL or start of its SHA-256); it stays in the answer's history",
    "cli.set.review_months": "the measure's own review rhythm in months (0 removes it)",
    "cli.set.note_en": "the note in English, for the English annex",
    "cli.set.confirm": "confirm the answer carried over from last year as still true",
    "cli.set.remove_none": "No evidence matches \"{ref}\". Recorded: {records}. Give the path, the URL or the start of the SHA-256.",
    "cli.set.remove_ambiguous": "\"{ref}\" matches several evidence records: {records}. Give the start of the SHA-256 to pick one.",
})
STRINGS.update({
    # year two
    "tui.detail.carried_over": "Carried over from {year}: please check and confirm (c confirm, C confirm and next) or change it.",
    "tui.key.confirm": "confirm",
    "tui.key.confirm.tip": "The carried-over answer is still true, or the catalogue's N/A suggestion holds",
    "tui.key.confirm_next": "confirm and next",
    "tui.notify.nothing_to_confirm": "{id} is confirmed already.",
})
STRINGS.update({
    # tom-audit agenda
    "cli.agenda.help": "What is due: open gaps and expiring evidence by date; with -o due.ics as a calendar file.",
    "cli.agenda.owner": "only what NAME is responsible for (part of the name will do)",
    "cli.agenda.days": "show expiring evidence this many days ahead (default 90)",
    "cli.agenda.json": "print JSON",
    "cli.agenda.output": "write an iCalendar file (.ics) to import into a calendar",
    "cli.agenda.written": "{file} written: {count} events.",
    "cli.agenda.empty": "Nothing due: no open gaps and no evidence expiring soon.",
    "cli.agenda.kind.gap": "Gap",
    "cli.agenda.kind.evidence": "Evidence expires",
    "cli.agenda.overdue": "(overdue)",
    "cli.agenda.col.date": "Date",
    "cli.agenda.col.kind": "Kind",
    "cli.agenda.col.id": "No.",
    "cli.agenda.col.measure": "Measure",
    "cli.agenda.col.owner": "Responsible",
    "cli.agenda.col.what": "What",
    "cli.agenda.summary.gap": "TOM {id} due: {title}",
    "cli.agenda.summary.evidence": "TOM {id}: evidence expires ({title})",
    "cli.agenda.owner_line": "Responsible: {owner}",
    "problem.agenda.not_ics": "The calendar file must end in .ics.",
    "problem.agenda.not_ics.hint": "For example: tom-audit agenda FILE -o due.ics",
})
STRINGS.update({
    "cli.status.owner": "also list the measures NAME is responsible for (answer or gap)",
    "cli.status.owned": "Responsible \"{owner}\": {count} {count|measure|measures}.",
    "cli.status.col.status": "Status",
    "cli.status.col.due": "Gap due",
})

STRINGS.update({"tui.key.ctrl": "Ctrl"})
STRINGS.update({
    # argparse's own messages (tom_audit/arguments.py)
    "argparse.usage": "usage: ",
    "argparse.positional": "positional arguments",
    "argparse.options": "options",
    "argparse.help": "show this help message and exit",
    "argparse.version": "show program's version number and exit",
    "argparse.argument": "argument %(argument_name)s: %(message)s",
    "argparse.required": "the following arguments are required: %s",
    "argparse.unrecognized": "unrecognized arguments: %s",
    "argparse.invalid_choice": "invalid choice: %(value)r (choose from %(choices)s)",
    "argparse.invalid_value": "invalid %(type)s value: %(value)r",
    "argparse.expected_one": "expected one argument",
    "argparse.expected_at_most_one": "expected at most one argument",
    "argparse.expected_at_least_one": "expected at least one argument",
    "argparse.ambiguous": "ambiguous option: %(option)s could match %(matches)s",
    "argparse.not_allowed": "not allowed with argument %s",
    "argparse.one_required": "one of the arguments %s is required",
    "argparse.error": "%(prog)s: error: %(message)s\n",
})
STRINGS.update({
    # the command palette
    "tui.palette.placeholder": "Search for a command or a measure (id or title) …",
    "tui.palette.go_to_measure": "go to this measure",
    "tui.palette.theme": "Theme",
    "tui.palette.theme.help": "Change the colour theme",
    "tui.palette.minimize": "Normal size",
    "tui.palette.minimize.help": "Restore the maximized area",
    "tui.palette.screenshot": "Screenshot",
    "tui.palette.screenshot.help": "Save the screen as an SVG file",
})
STRINGS.update({
    # filters: scope, my measures, due
    "tui.scope.all_categories": "all categories",
    "tui.scope.this_category": "this category",
    "tui.filter.mine": "of {owner}",
    "tui.filter.due": "gaps by due date",
    "tui.key.my_measures": "My measures",
    "tui.key.my_measures.tip": "Measures you (or another name) are responsible for",
    "tui.mine.title": "Measures of a responsible person",
    "tui.mine.label": "Name (part will do; answer or gap)",
    "tui.mine.hint": "Your login name by default. The filter \"of …\" then lists their measures from all categories.",
    "tui.mine.no_name": "Please give a name.",
})
STRINGS.update({
    # two languages in the answers
    "tui.field.note_en": "Note in English (optional, for the English annex)",
    "tui.field.note_en_placeholder": "empty: the English annex shows the German text",
    "tui.gap.action_en": "Action in English (optional)",
})
STRINGS.update({
    # short footer labels for 80 columns
    "tui.key.next_open.short": "open",
    "tui.key.filter.short": "Filter",
    "tui.key.palette.short": "Commands",
    "tui.key.next_unreviewed.short": "unreviewed",
    "tui.key.review_form.short": "Review",
    "tui.key.confirm.short": "confirm",
})
STRINGS.update({"tui.key.evidence.short": "Evid.", "tui.key.answer.short": "Ans."})
