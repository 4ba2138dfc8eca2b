"""tom-audit provider add|set|remove|list|import|inherit|notice: the register of
sub-processors (Art. 28 GDPR) from the command line. The logic lives in the core
(logic/providers.py, provider_form.py, provider_import.py, provider_notice.py)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from tom_audit.cli.output import EXIT_OK, fail, report, table
from tom_audit.i18n import tr

NAME = "provider"
ORDER = 55


def _update(path: Path, change):
    """Read-change-write the assessment under its lock (store.update_assessment): the one
    place this command writes; a refused change leaves the file byte-identical."""
    from tom_audit.store.assessment_store import update_assessment

    return update_assessment(path, change)


def _form_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", metavar="NAME")
    parser.add_argument("--legal-entity", metavar="TEXT")
    parser.add_argument("--address", metavar="TEXT")
    parser.add_argument("--service", metavar="TEXT")
    parser.add_argument("--data-categories", metavar="TEXT")
    parser.add_argument("--data-subjects", metavar="TEXT")
    parser.add_argument("--country", metavar="CC", action="append", help=tr("cli.provider.opt.country"))
    parser.add_argument("--transfer", metavar="BASIS|CC=BASIS", action="append", help=tr("cli.provider.opt.transfer"))
    parser.add_argument("--scc-module", metavar="1-4", help=tr("cli.provider.opt.scc_module"))
    parser.add_argument("--tia", metavar="yes|no|DATE", help=tr("cli.provider.opt.tia"))
    parser.add_argument("--avv-date", metavar="DATE")
    parser.add_argument("--avv-location", metavar="TEXT")
    parser.add_argument("--certificate", metavar="TEXT", action="append", help=tr("cli.provider.opt.certificate"))
    parser.add_argument("--tom-checked", metavar="DATE")
    parser.add_argument("--engaged-since", metavar="DATE")
    parser.add_argument("--ended", metavar="DATE")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--ancillary", dest="ancillary", action="store_true", default=None,
                      help=tr("cli.provider.opt.ancillary"))
    kind.add_argument("--subprocessor", dest="ancillary", action="store_false", help=tr("cli.provider.opt.subprocessor"))
    parser.add_argument("--note", metavar="TEXT")


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("cli.provider.help"), description=tr("cli.provider.help"))
    sub = parser.add_subparsers(dest="provider_command", metavar="ACTION", required=True,
                                parser_class=type(parser))

    add = sub.add_parser("add", help=tr("cli.provider.add.help"), description=tr("cli.provider.add.help"))
    add.add_argument("file", metavar="FILE", type=Path)
    add.add_argument("--id", metavar="ID", default="", help=tr("cli.provider.opt.id"))
    _form_options(add)
    add.set_defaults(run=run_add)

    change = sub.add_parser("set", help=tr("cli.provider.set.help"), description=tr("cli.provider.set.help"))
    change.add_argument("file", metavar="FILE", type=Path)
    change.add_argument("id", metavar="ID")
    _form_options(change)
    change.set_defaults(run=run_set)

    remove = sub.add_parser("remove", help=tr("cli.provider.remove.help"), description=tr("cli.provider.remove.help"))
    remove.add_argument("file", metavar="FILE", type=Path)
    remove.add_argument("id", metavar="ID")
    remove.set_defaults(run=run_remove)

    listing = sub.add_parser("list", help=tr("cli.provider.list.help"), description=tr("cli.provider.list.help"))
    listing.add_argument("file", metavar="FILE", type=Path)
    listing.add_argument("--json", action="store_true", help=tr("cli.provider.opt.json"))
    listing.add_argument("--all", action="store_true", help=tr("cli.provider.opt.all"))
    listing.set_defaults(run=run_list)

    imp = sub.add_parser("import", help=tr("cli.provider.import.help"), description=tr("cli.provider.import.help"))
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("source", metavar="LIST.csv|LIST.xlsx", type=Path)
    imp.set_defaults(run=run_import)

    inherit = sub.add_parser("inherit", help=tr("cli.provider.inherit.help"), description=tr("cli.provider.inherit.help"))
    inherit.add_argument("file", metavar="FILE", type=Path)
    inherit.add_argument("id", metavar="ID", nargs="?", default=None)
    inherit.add_argument("measures", metavar="MEASURE_ID", nargs="+")
    inherit.add_argument("--clear", action="store_true", help=tr("cli.provider.opt.clear"))
    inherit.set_defaults(run=run_inherit)

    notice = sub.add_parser("notice", help=tr("cli.provider.notice.help"), description=tr("cli.provider.notice.help"))
    notice.add_argument("file", metavar="FILE", type=Path)
    notice.add_argument("--since", metavar="OLD", type=Path, required=True, help=tr("cli.provider.opt.since"))
    notice.add_argument("--period", metavar="DAYS", type=int, default=30, help=tr("cli.provider.opt.period"))
    notice.add_argument("--date", metavar="DATE", default="", help=tr("cli.provider.opt.date"))
    notice.add_argument("--notice-date", metavar="DATE", default="", help=tr("cli.provider.opt.notice_date"))
    notice.add_argument("-o", "--output", metavar="OUT.md|OUT.json|OUT.pdf|OUT.docx", type=Path, required=True,
                        help=tr("cli.provider.opt.output"))
    notice.set_defaults(run=run_notice)


def _form(args):
    from tom_audit.logic.provider_form import ProviderForm

    def joined(values):
        return None if values is None else "; ".join(values)

    return ProviderForm(
        name=args.name, legal_entity=args.legal_entity, address=args.address, service=args.service,
        data_categories=args.data_categories, data_subjects=args.data_subjects, countries=joined(args.country),
        transfer=joined(args.transfer), scc_module=args.scc_module, tia=args.tia, avv_date=args.avv_date,
        avv_location=args.avv_location, certificates=joined(args.certificate), tom_checked=args.tom_checked,
        since=args.engaged_since, ended=args.ended, ancillary=args.ancillary, note=args.note,
    )


def run_add(args) -> int:
    from tom_audit.logic.providers import add_provider

    form = _form(args)

    def change(loaded):
        report(loaded.warnings)
        return add_provider(loaded.assessment, form, provider_id=args.id)

    provider = _update(args.file, change)
    print(tr("cli.provider.added", id=provider.id, name=_safe(provider.name), file=str(args.file)))
    return EXIT_OK


def run_set(args) -> int:
    from tom_audit.logic.providers import update_provider

    form = _form(args)

    def change(loaded):
        report(loaded.warnings)
        return update_provider(loaded.assessment, args.id, form)

    provider = _update(args.file, change)
    print(tr("cli.provider.changed", id=provider.id, file=str(args.file)))
    return EXIT_OK


def run_remove(args) -> int:
    from tom_audit.logic.providers import remove_provider

    def change(loaded):
        report(loaded.warnings)
        return remove_provider(loaded.assessment, args.id)

    provider = _update(args.file, change)
    print(tr("cli.provider.removed", id=provider.id, file=str(args.file)))
    return EXIT_OK


def run_inherit(args) -> int:
    from tom_audit.logic.answers import current_user
    from tom_audit.logic.providers import set_inherited

    if args.clear and args.id is not None:
        args.measures.insert(0, args.id)  # `inherit FILE --clear M1 M2`: no provider id
        args.id = None
    if not args.clear and args.id is None:
        return fail("provider.unknown", field="id", id="", known="-")

    def change(loaded):
        report(loaded.warnings)
        return set_inherited(loaded.assessment, loaded.catalogue, args.measures, None if args.clear else args.id,
                             by=current_user())

    changed = _update(args.file, change)
    key = "cli.provider.cleared" if args.clear else "cli.provider.inherited"
    print(tr(key, count=len(changed), id=args.id or "", file=str(args.file)))
    return EXIT_OK


def _safe(text: str) -> str:
    """Text for the terminal: no control characters (escape sequences)."""
    from tom_audit.logic.provider_form import printable

    return printable(text).replace("\n", " ")


def run_list(args) -> int:
    from tom_audit.logic.provider_text import kind_label, transfer_label
    from tom_audit.logic.providers import is_active
    from tom_audit.store.assessment_store import load_assessment
    from tom_audit.store.providers_codec import provider_document

    loaded = load_assessment(args.file)
    report(loaded.warnings)
    today = date.today()
    providers = [p for p in loaded.assessment.providers if args.all or is_active(p, today)]
    if args.json:
        json.dump([provider_document(p) for p in providers], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    if not providers:
        print(tr("cli.provider.empty"))
        return EXIT_OK
    lang = _lang()
    rows = []
    for p in providers:
        transfers = "; ".join(f"{t.country}: {transfer_label(t, lang)}" for t in p.transfers) or "–"
        avv = p.avv_date or ("–" if p.ancillary else "!")
        kind = kind_label(p, lang) + (f" ({tr('provider.ended_on', date=p.ended)})" if p.ended else "")
        rows.append([_safe(p.id), _safe(p.name), ", ".join(p.locations), _safe(transfers), avv, kind])
    headers = [tr(f"cli.provider.col.{c}") for c in ("id", "name", "countries", "transfer", "avv", "kind")]
    print(table(headers, rows))
    return EXIT_OK


def _lang() -> str:
    from tom_audit.i18n import current_language

    return current_language()


def run_import(args) -> int:
    from tom_audit.logic.provider_import import merge_into, read_provider_list

    read: list = []

    def change(loaded):
        report(loaded.warnings)
        provider_list = read_provider_list(args.source)  # every problem at once, before any change
        report(provider_list.warnings)
        read.append(provider_list)
        return merge_into(loaded.assessment, provider_list)

    added, updated = _update(args.file, change)
    provider_list = read[0]
    print(tr("cli.provider.imported", added=added, updated=updated, source=provider_list.source, file=str(args.file)))
    return EXIT_OK


def _day(text: str, field: str) -> date | None:
    from tom_audit.logic.provider_form import parse_day

    value = parse_day(text, field)
    return date.fromisoformat(value) if value else None


def run_notice(args) -> int:
    from tom_audit.export.notice import notice_json, notice_markdown
    from tom_audit.logic.provider_notice import build_notice
    from tom_audit.problems import display_path
    from tom_audit.store.assessment_store import load_assessment
    from tom_audit.store.atomic import atomic_write

    suffix = args.output.suffix.casefold()
    if suffix not in (".md", ".json", ".pdf", ".docx"):
        return fail("provider.notice_bad_format", name=str(args.output))
    folder = args.output.parent if str(args.output.parent) else Path(".")
    if not folder.is_dir():
        return fail("export.cli.no_folder", folder=str(folder))
    notice_date = _day(args.notice_date, "--notice-date") or date.today()
    planned = _day(args.date, "--date")
    new = load_assessment(args.file)
    report(new.warnings)
    old = load_assessment(args.since)
    report(old.warnings)
    notice = build_notice(old.assessment, new.assessment, notice_date=notice_date, period_days=args.period,
                          planned=planned)
    lang = _lang()
    if suffix in (".pdf", ".docx"):
        from tom_audit.export.notice_document import build_notice_document

        document = build_notice_document(notice, lang)
        if suffix == ".pdf":
            from tom_audit.export.annex_pdf import render_pdf as render_document
        else:
            from tom_audit.export.annex_docx import render_docx as render_document
        data = render_document(document)
    else:
        text = notice_json(notice, lang) if suffix == ".json" else notice_markdown(notice, lang,
                                                                                   source=display_path(args.file))
        data = text.encode("utf-8")
    atomic_write(args.output, data, output=True)
    print(tr("cli.provider.notice_written", file=str(args.output), added=len(notice.added),
             removed=len(notice.removed), changed=len(notice.changed), deadline=notice.deadline.isoformat()))
    return EXIT_OK
