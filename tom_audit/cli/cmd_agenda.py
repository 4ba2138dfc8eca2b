"""tom-audit agenda FILE [--owner NAME] [--json] [-o due.ics]: open gaps and expiring
evidence by date (logic.agenda); as an iCalendar file so owners get the due dates into their
calendars (RFC 5545, via the icalendar package)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from tom_audit.cli.output import EXIT_OK, report, table
from tom_audit.i18n import current_language, tr
from tom_audit.logic.agenda import EXPIRY_HORIZON_DAYS, agenda
from tom_audit.problems import InputError, Problem, display_path
from tom_audit.store.assessment_store import load_assessment
from tom_audit.store.atomic import atomic_write

NAME = "agenda"
ORDER = 35


def register(commands) -> None:
    parser = commands.add_parser(NAME, help=tr("cli.agenda.help"), description=tr("cli.agenda.help"))
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("--owner", metavar="NAME", default="", help=tr("cli.agenda.owner"))
    parser.add_argument("--days", metavar="DAYS", type=int, default=EXPIRY_HORIZON_DAYS, help=tr("cli.agenda.days"))
    parser.add_argument("--json", action="store_true", help=tr("cli.agenda.json"))
    parser.add_argument("-o", "--output", metavar="FILE.ics", type=Path, default=None, help=tr("cli.agenda.output"))
    parser.set_defaults(run=run)


def run(args) -> int:
    loaded = load_assessment(args.file)
    report(loaded.warnings)
    items = agenda(loaded.catalogue, loaded.assessment, today=date.today(), owner=args.owner,
                   horizon_days=max(0, args.days))
    if args.output is not None:
        if args.output.suffix.lower() != ".ics":
            raise InputError([Problem(display_path(args.output), "agenda.not_ics", {})])
        atomic_write(args.output, to_ics(loaded, items), backup=False)  # an output, never an assessment
        print(tr("cli.agenda.written", file=str(args.output), count=sum(1 for i in items if i.day)))
        return EXIT_OK
    if args.json:
        print(json.dumps([i.as_dict() for i in items], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not items:
        print(tr("cli.agenda.empty"))
        return EXIT_OK
    lang = current_language()
    rows = [(i.day.strftime("%d.%m.%Y") if i.day and lang == "de" else (i.day.isoformat() if i.day else "-"),
             tr(f"cli.agenda.kind.{i.kind}") + (" " + tr("cli.agenda.overdue") if i.overdue else ""),
             i.measure_id, loaded.catalogue.measure_by_id[i.measure_id].title(lang), i.owner or "-", i.text)
            for i in items]
    print(table([tr(f"cli.agenda.col.{c}") for c in ("date", "kind", "id", "measure", "owner", "what")], rows))
    return EXIT_OK


def to_ics(loaded, items) -> bytes:
    """One all-day event per dated item; UIDs stable per assessment, measure and kind, so a
    calendar that imports the file again updates the events instead of doubling them."""
    from icalendar import Calendar, Event

    lang = current_language()
    calendar = Calendar()
    calendar.add("prodid", "-//tom-audit//agenda//DE")
    calendar.add("version", "2.0")
    stamp = datetime.now(timezone.utc).replace(microsecond=0)
    for item in items:
        if item.day is None:
            continue
        measure = loaded.catalogue.measure_by_id[item.measure_id]
        event = Event()
        event.add("uid", f"{loaded.assessment.id or 'tom-audit'}-{item.measure_id}-{item.kind}-{item.day.isoformat()}"
                         f"@tom-audit")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        if item.day < date.max:  # RFC 5545 3.6.1: a DATE start without an end is one day long
            event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", tr(f"cli.agenda.summary.{item.kind}", id=item.measure_id, title=measure.title(lang)))
        event.add("description", "\n".join(x for x in (item.text, tr("cli.agenda.owner_line", owner=item.owner)
                                                         if item.owner else "", str(loaded.path.name)) if x))
        calendar.add_component(event)
    return calendar.to_ical()
