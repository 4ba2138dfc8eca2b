"""tom-audit catalogue list | show ID | changes FILE: the bundled catalogues, and what an
upgrade to the current one changes in an assessment."""

from __future__ import annotations

from tom_audit.cli.common import add_format, add_lang
from tom_audit.cli.output import EXIT_OK, table
from tom_audit.i18n import current_language, tr
from tom_audit.logic.catalogue_changes import summary
from tom_audit.render.catalogue_text import catalogue_markdown, catalogue_text
from tom_audit.store.assessment_store import load_assessment
from tom_audit.store.catalogue_store import bundled_ids, load_catalogue

NAME = "catalogue"
ORDER = 90


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("cli.catalogue.help"), description=tr("cli.catalogue.help"))
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help=tr("cli.catalogue.list"))
    add_lang(listing)
    listing.set_defaults(run=run_list)
    show = actions.add_parser("show", help=tr("cli.catalogue.show"))
    show.add_argument("id", metavar="ID|PATH")
    add_lang(show)
    add_format(show, ("text", "md"), "text")
    show.set_defaults(run=run_show)
    changes = actions.add_parser("changes", help=tr("cli.catalogue.changes"))
    changes.add_argument("file", metavar="FILE")
    add_lang(changes)
    changes.set_defaults(run=run_changes)


def run_list(args) -> int:
    lang = current_language()
    rows = []
    for catalogue_id in bundled_ids():
        catalogue = load_catalogue(catalogue_id)
        rows.append([catalogue.id, catalogue.version, len(catalogue.categories), len(catalogue.measures),
                     catalogue.title(lang)])
    headers = [tr("catalogue.col.id"), tr("catalogue.col.version"), tr("catalogue.col.categories"),
               tr("catalogue.col.measures"), tr("catalogue.col.title")]
    print(table(headers, rows, right=(2, 3)))
    return EXIT_OK


def run_show(args) -> int:
    catalogue = load_catalogue(args.id)
    render = catalogue_markdown if args.format == "md" else catalogue_text
    print(render(catalogue, current_language()), end="")
    return EXIT_OK


def run_changes(args) -> int:
    loaded = load_assessment(args.file)
    lang = current_language()
    if not loaded.catalogue_changes:
        print(tr("upgrade.none"))
        return EXIT_OK
    print("\n".join(summary(loaded.catalogue_changes, loaded.catalogue, lang)))
    return EXIT_OK
