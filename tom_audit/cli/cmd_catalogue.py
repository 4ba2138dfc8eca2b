"""tom-audit catalogue list | show ID | changes FILE | import SOURCE | export ID | map CATALOGUE MAPPING:
the bundled catalogues, what an upgrade changes in an assessment, and open formats (OSCAL,
Grundschutz++, CISO Assistant)."""

from __future__ import annotations

import sys
from pathlib import Path

from tom_audit.cli.common import add_format, add_lang
from tom_audit.cli.output import EXIT_OK, table
from tom_audit.i18n import current_language, tr
from tom_audit.logic.catalogue_changes import summary
from tom_audit.render.catalogue_text import catalogue_markdown, catalogue_text
from tom_audit.store.assessment_store import load_assessment
from tom_audit.store.catalogue_store import bundled_ids, load_catalogue

NAME = "catalogue"
ORDER = 90
LEVEL_NAMES = ("normal", "hoch", "sehr_hoch")
WARNING_NOTES = ("interop.note.import_skipped", "interop.note.hash_differs", "interop.note.alters_ignored")


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
    _register_import(actions)
    export = actions.add_parser("export", help=tr("cli.catalogue.export"), description=tr("cli.catalogue.export"))
    export.add_argument("id", metavar="ID|PATH")
    export.add_argument("--format", choices=("oscal",), default="oscal", help=tr("cli.format_help"))
    export.add_argument("-o", "--output", metavar="FILE", type=Path, required=True, help=tr("cli.catalogue.export.output"))
    add_lang(export)
    export.set_defaults(run=run_export)
    mapping = actions.add_parser("map", help=tr("cli.catalogue.map"), description=tr("cli.catalogue.map"))
    mapping.add_argument("catalogue", metavar="CATALOGUE")
    mapping.add_argument("mapping", metavar="MAPPING", type=Path, help=tr("cli.catalogue.map.mapping"))
    mapping.add_argument("-o", "--output", metavar="FILE", type=Path, required=True, help=tr("cli.catalogue.map.output"))
    mapping.add_argument("--from", dest="source_key", choices=("iso27001", "bsi", "gspp"), default=None)
    mapping.add_argument("--to", dest="target_key", choices=("iso27001", "bsi", "gspp"), default=None)
    mapping.add_argument("--reverse", action="store_true", help=tr("cli.catalogue.map.reverse"))
    add_lang(mapping)
    mapping.set_defaults(run=run_map)


def _register_import(actions) -> None:
    parser = actions.add_parser("import", help=tr("cli.catalogue.import"), description=tr("cli.catalogue.import"))
    parser.add_argument("source", metavar="SOURCE", type=Path, help=tr("cli.catalogue.import.source"))
    parser.add_argument("-o", "--output", metavar="FILE", type=Path, required=True, help=tr("cli.catalogue.import.output"))
    parser.add_argument("--level-map", metavar="SOURCE=LEVEL", action="append", default=[],
                        help=tr("cli.catalogue.import.level_map"))
    parser.add_argument("--level-prop", metavar="NAME", default="sec_level", help=tr("cli.catalogue.import.level_prop"))
    parser.add_argument("--id", dest="catalogue_id", metavar="ID", default=None, help=tr("cli.catalogue.import.id"))
    parser.add_argument("--source-lang", choices=("de", "en"), default=None, help=tr("cli.catalogue.import.source_lang"))
    parser.add_argument("--kind", choices=("organisational", "technical"), default="organisational",
                        help=tr("cli.catalogue.import.kind"))
    parser.add_argument("--ref-key", choices=("iso27001", "bsi", "gspp"), default=None, help=tr("cli.catalogue.import.ref_key"))
    parser.add_argument("--resolve", metavar="HREF=PATH", action="append", default=[], help=tr("cli.catalogue.import.resolve"))
    parser.add_argument("--skip-missing", action="store_true", help=tr("cli.catalogue.import.skip_missing"))
    add_lang(parser)
    parser.set_defaults(run=run_import)


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


def _pairs(values: list[str], option: str, allowed: tuple[str, ...] | None) -> dict[str, str]:
    """`["erhöht=hoch"]` -> {"erhöht": "hoch"}; a malformed pair is an InputError."""
    from tom_audit.problems import InputError, Problem

    pairs: dict[str, str] = {}
    for value in values:
        left, sep, right = value.partition("=")
        if not sep or not left.strip() or not right.strip() or (allowed and right.strip() not in allowed):
            hint = tr("cli.catalogue.level_help") if allowed else "HREF=PATH"
            raise InputError([Problem(option, "interop.bad_option", {"value": value, "option": option, "allowed": hint})])
        pairs[left.strip()] = right.strip()
    return pairs


def run_import(args) -> int:
    from tom_audit.interop.catalogue_import import import_catalogue
    from tom_audit.interop.draft import ImportOptions

    options = ImportOptions(
        level_map=_pairs(args.level_map, "--level-map", LEVEL_NAMES), level_prop=args.level_prop,
        language=args.source_lang, catalogue_id=args.catalogue_id, kind=args.kind,
        reference_key=args.ref_key, resolve=_pairs(args.resolve, "--resolve", None),
        skip_missing=args.skip_missing,
    )
    result = import_catalogue(args.source, args.output, options)
    for key, params in result.notes:
        if key in WARNING_NOTES:  # what the user should know was left out or differs
            print(f"{args.source}: {tr('severity.warning')}: {tr(key, **params)}", file=sys.stderr)
        else:
            print(tr(key, **params))
    catalogue = result.catalogue
    print(tr("cli.catalogue.import.done", file=str(args.output), id=catalogue.id, categories=len(catalogue.categories),
             measures=len(catalogue.measures), languages=", ".join(catalogue.languages)))
    return EXIT_OK


def run_export(args) -> int:
    from tom_audit.interop.oscal_export import catalogue_to_catalog, dumps
    from tom_audit.store.atomic import atomic_write
    from tom_audit.store.catalogue_store import resolve
    from tom_audit.store.output_target import refuse_overwriting_inputs

    catalogue = load_catalogue(args.id)
    refuse_overwriting_inputs(args.output, resolve(args.id)[0])  # also the bundled file itself
    lang = getattr(args, "lang", None)
    if lang not in catalogue.languages:
        lang = current_language() if current_language() in catalogue.languages else catalogue.languages[0]
    atomic_write(args.output, dumps(catalogue_to_catalog(catalogue, lang)).encode("utf-8"), backup=False)
    print(tr("cli.catalogue.export.done", file=str(args.output), measures=len(catalogue.measures)))
    return EXIT_OK


def run_map(args) -> int:
    from tom_audit.interop.mapping import map_catalogue

    result = map_catalogue(args.catalogue, args.mapping, args.output, args.source_key, args.target_key, args.reverse)
    print(tr("cli.catalogue.map.done", file=str(args.output), added=result.added, target=result.target_key,
             measures=result.measures))
    return EXIT_OK


def run_changes(args) -> int:
    loaded = load_assessment(args.file)
    lang = current_language()
    if not loaded.catalogue_changes:
        print(tr("upgrade.none"))
        return EXIT_OK
    print("\n".join(summary(loaded.catalogue_changes, loaded.catalogue, lang)))
    return EXIT_OK
