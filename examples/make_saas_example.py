"""Make `examples/cloud-saas.tom.yaml`: a fully filled assessment of a fictitious small SaaS
company on a cloud platform (Beispiel Planwerk GmbH, Köln) with its register of a dozen
providers: some in third countries (USA, India, United Kingdom, Switzerland), one ancillary
cleaning service, one ended engagement, and one expired certificate (the offsite backup
provider's ISO/IEC 27001), so that `tom-audit lint` shows what the register rules find.

Run it again whenever the catalogue changes:

    .venv/bin/python examples/make_saas_example.py

Providers go through `add_provider` and answers through `record()`, the same checks as the
CLI and the UI. The output is the same on every run. All companies, people and addresses are
invented; the domains are `.example`.
"""

from __future__ import annotations

import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tom_audit.logic.answers import Edit, record  # noqa: E402
from tom_audit.logic.applicability import applies  # noqa: E402
from tom_audit.logic.progress import progress  # noqa: E402
from tom_audit.logic.provider_form import ProviderForm  # noqa: E402
from tom_audit.logic.providers import add_provider, set_inherited  # noqa: E402
from tom_audit.model.assessment import Change, Evidence, Gap, Organisation, Scope  # noqa: E402
from tom_audit.store.assessment_store import load_assessment, new_assessment, render  # noqa: E402
from tom_audit.store.atomic import atomic_write  # noqa: E402
from tom_audit.store.catalogue_store import load_catalogue  # noqa: E402

OUT = HERE / "cloud-saas.tom.yaml"
ASSESSMENT_ID = "b3e0c7d2-51a4-4c6e-8f0b-2d9e6a7c1f48"
CREATED = "2026-09-01T09:00:00+02:00"
UPDATED = "2026-11-25T15:00:00+01:00"
AUTHOR = "j.arslan"

ORGANISATION = Organisation(
    name="Beispiel Planwerk GmbH",
    address="Vogelsanger Straße 321, 50827 Köln",
    contact="Jana Arslan, IT und Datenschutzkoordination · datenschutz@planwerk.example · +49 221 555 0190",
)
SCOPE = Scope(
    service="Planwerk: Einsatz- und Terminplanung als Software-as-a-Service für Handwerksbetriebe "
            "(Web-App und Mobile-App), betrieben auf der Nimbus Cloud Platform in Frankfurt am Main",
    protection_need="normal",
    responsible="Jana Arslan (IT und Datenschutzkoordination)",
    review_interval_months=12,
)
SCOPING = {"office": "own_or_rented", "hosting": "iaas_paas", "team_size": "small", "remote_maintenance": False,
           "health_cloud": False, "paper_records": False, "mobile_work": True, "software_development": True,
           "sub_processors": True, "third_country": True, "special_categories": False}

IT = "Jana Arslan (IT)"
DEV = "Felix Brandt (Entwicklung)"
CEO = "Ole Petersen (Geschäftsführung)"
OWNERS = {"entry": CEO, "organisation": CEO, "processor": IT, "review": IT}
WIKI = "https://wiki.planwerk.example"

# (id, form); dates and facts are invented
PROVIDERS = [
    ("nimbus", ProviderForm(
        name="Nimbus Cloud Platform", legal_entity="Nimbus Cloud Services EMEA S.à r.l.",
        address="12 Rue de l'Exemple, 1855 Luxembourg, Luxemburg",
        service="Infrastruktur und Plattform (Rechenzentren, virtuelle Server, verwaltete Datenbank, Objektspeicher)",
        data_categories="alle Auftraggeberdaten (Stammdaten, Termine, Einsatzorte, Kontaktdaten)",
        data_subjects="Beschäftigte und Kunden der Auftraggeber", countries="DE; IE; US",
        transfer="US=scc", scc_module="3", tia="2026-02-10", avv_date="2024-03-01",
        avv_location="Vertragsordner Cloud (DMS, Akte V-2024-03)",
        certificates="ISO 27001 bis 2027-05-31 (alle EU-Regionen); BSI C5 bis 2026-12-20 (Region Frankfurt); "
                     "SOC 2 Type II bis 2027-03-31",
        tom_checked="2026-02-10", since="2024-03-01",
        note="Fernwartung durch den Support des Mutterkonzerns in den USA nur nach Freigabe im Ticket.")),
    ("postwerk", ProviderForm(
        name="Postwerk Mail", legal_entity="Postwerk Mail Inc.", address="500 Example Avenue, Denver, CO 80202, USA",
        service="Versand von System-E-Mails (Terminbestätigungen, Passwort-Links)",
        data_categories="E-Mail-Adressen, Namen, Terminzeiten", data_subjects="Kunden der Auftraggeber",
        countries="US", transfer="dpf", avv_date="2024-04-15", avv_location="DMS, Akte V-2024-07",
        certificates="SOC 2 Type II bis 2027-01-31", tom_checked="2026-03-05", since="2024-04-15")),
    ("ticketfix", ProviderForm(
        name="Ticketfix", legal_entity="Ticketfix Ltd", address="8 Sample Street, Manchester M1 1AA, Vereinigtes Königreich",
        service="Helpdesk-Software für Supportanfragen der Auftraggeber",
        data_categories="Namen, E-Mail-Adressen, Inhalte von Supportanfragen",
        data_subjects="Ansprechpartner der Auftraggeber", countries="GB", transfer="adequacy",
        avv_date="2025-01-20", avv_location="DMS, Akte V-2025-02", certificates="ISO 27001 bis 2027-09-30",
        tom_checked="2026-01-25", since="2025-02-01")),
    ("sentinel", ProviderForm(
        name="Sentinel Metrics", legal_entity="Sentinel Metrics AB", address="Exempelgatan 4, 111 22 Stockholm, Schweden",
        service="Fehler- und Performance-Monitoring der Web-App (pseudonymisierte Nutzer-IDs)",
        data_categories="pseudonymisierte Nutzer-IDs, IP-Adressen (gekürzt), technische Fehlerdaten",
        data_subjects="Nutzer der Web-App", countries="SE", avv_date="2025-06-01", avv_location="DMS, Akte V-2025-09",
        certificates="ISO 27001 bis 2028-02-28", tom_checked="2026-06-01", since="2025-06-01")),
    ("tresor", ProviderForm(
        name="Tresor Backup", legal_entity="Tresor Backup AG", address="Musterweg 7, 8005 Zürich, Schweiz",
        service="Verschlüsselte Sicherungskopie außerhalb der Cloud-Plattform (unveränderbar, 35 Tage)",
        data_categories="verschlüsselte Datenbanksicherungen (Schlüssel nur bei Planwerk)",
        data_subjects="Beschäftigte und Kunden der Auftraggeber", countries="CH", transfer="adequacy",
        avv_date="2024-05-10", avv_location="DMS, Akte V-2024-08", certificates="ISO 27001 bis 2026-08-31",
        tom_checked="2025-09-15", since="2024-05-10",
        note="Rezertifizierungsaudit im Juli 2026 angekündigt; neues Zertifikat angefordert am 02.09.2026.")),
    ("codewerk", ProviderForm(
        name="Codewerk Solutions", legal_entity="Codewerk Solutions Pvt. Ltd.",
        address="21 Example Road, Pune 411001, Indien",
        service="Entwicklung und 2nd-Level-Support; Zugriff auf Produktivdaten nur im Störungsfall nach Freigabe",
        data_categories="Stammdaten und Termine bei Störungsanalyse", data_subjects="Beschäftigte und Kunden der Auftraggeber",
        countries="IN", transfer="scc", scc_module="3", tia="2025-11-03", avv_date="2025-11-10",
        avv_location="DMS, Akte V-2025-14", certificates="ISO 27001 bis 2027-11-30 (Entwicklungszentrum Pune)",
        tom_checked="2025-11-03", since="2025-11-15")),
    ("kundenkreis", ProviderForm(
        name="Kundenkreis CRM", legal_entity="Kundenkreis CRM GmbH", address="Beispielallee 3, 20095 Hamburg",
        service="Kundenverwaltung und Vertrieb (Verträge mit den Auftraggebern, Ansprechpartner)",
        data_categories="Namen, Kontaktdaten, Vertragsdaten", data_subjects="Ansprechpartner der Auftraggeber",
        countries="DE", avv_date="2024-02-01", avv_location="DMS, Akte V-2024-01",
        certificates="ISO 27001 bis 2027-06-30", tom_checked="2026-04-12", since="2024-02-01")),
    ("meetwise", ProviderForm(
        name="Meetwise", legal_entity="Meetwise Inc.", address="77 Sample Blvd, Austin, TX 78701, USA",
        service="Videokonferenzen für Schulungen und Support der Auftraggeber",
        data_categories="Namen, E-Mail-Adressen, Bild und Ton während der Sitzung",
        data_subjects="Ansprechpartner der Auftraggeber", countries="US; DE", transfer="dpf",
        avv_date="2025-03-01", avv_location="DMS, Akte V-2025-04", certificates="SOC 2 Type II bis 2027-02-28",
        tom_checked="2026-03-01", since="2025-03-01")),
    ("signal-sms", ProviderForm(
        name="Kurzbote SMS", legal_entity="Kurzbote Kommunikation GmbH", address="Exempelstraße 9, 80331 München",
        service="Versand von Termin-Erinnerungen per SMS",
        data_categories="Mobilnummern, Terminzeiten", data_subjects="Kunden der Auftraggeber", countries="DE",
        avv_date="2025-08-01", avv_location="DMS, Akte V-2025-11", tom_checked="2025-08-01", since="2025-08-01")),
    ("glanz", ProviderForm(
        name="Glanz Gebäudereinigung", legal_entity="Glanz Gebäudereinigung GmbH", address="Putzweg 5, 50667 Köln",
        service="Büroreinigung außerhalb der Arbeitszeit; keine Verarbeitung von Auftraggeberdaten",
        countries="DE", ancillary=True, since="2023-01-01", note="Vertraulichkeitsverpflichtung vom 03.01.2023.")),
    ("fernsprech", ProviderForm(
        name="Fernsprech Telekom", legal_entity="Fernsprech Telekom AG", address="Leitungsring 1, 53113 Bonn",
        service="Internetanschluss und Telefonie des Büros (reiner Transport)", countries="DE", ancillary=True,
        since="2023-01-01")),
    ("altwolke", ProviderForm(
        name="Altwolke Hosting", legal_entity="Altwolke Hosting GmbH", address="Serverstraße 2, 04109 Leipzig",
        service="Früheres Hosting der Web-App (abgelöst durch Nimbus)", countries="DE", avv_date="2022-06-01",
        avv_location="DMS, Akte V-2022-03", tom_checked="2023-06-01", since="2022-06-01", ended="2024-03-31",
        note="Löschbestätigung vom 12.04.2024 liegt vor.")),
]

# measure -> provider whose certificate covers it (the annex prints provider and certificate)
INHERITED = {"ENT-09": "nimbus", "AVL-10": "nimbus", "AVL-16": "nimbus", "PRC-13": "nimbus", "REC-12": "nimbus",
             "AVL-03": "tresor", "AVL-04": "tresor", "ENT-07": "glanz"}


def ok(note, *evidence, answers=None):
    return {"status": "implemented", "note": note, "evidence": evidence, "answers": answers or {}, "gap": None}


def part(note, gap, *evidence, answers=None):
    return {"status": "partial", "note": note, "evidence": evidence, "answers": answers or {}, "gap": gap}


def na(reason):
    return {"status": "not_applicable", "note": reason, "evidence": (), "answers": {}, "gap": None}


def url(path, kind, description, day, valid_until=""):
    return Evidence(ref=f"{WIKI}/{path}", kind=kind, description=description, date=day, valid_until=valid_until)


ISMS = url("isms/leitlinie", "policy", "Leitlinie Informationssicherheit v1.3", "2026-03-15")
CLOUD = url("vertraege/nimbus-zertifikate", "certificate", "Zertifikatsübersicht der Nimbus Cloud Platform",
            "2026-02-10", "2027-05-31")
BACKUP = url("betrieb/datensicherung", "policy", "Datensicherungskonzept v2.1", "2026-05-04")
SUBS = url("datenschutz/unterauftragsverarbeiter", "contract", "Verzeichnis der Unterauftragsverarbeiter (tom-audit)",
           "2026-11-25")

ANSWERS = {
    "ENT-02": ok("Büro Köln: Einbruchmeldeanlage des Vermieters, nachts und am Wochenende scharf, Aufschaltung auf "
                 "die Leitstelle des Objektschutzes; im Büro werden keine Auftraggeberdaten gespeichert.", ISMS),
    "ENT-07": ok("Reinigung durch Glanz Gebäudereinigung (Nebenleistung, schriftlich zur Vertraulichkeit "
                 "verpflichtet); Reinigung nur werktags 18–20 Uhr, Büro ohne Serverraum.", ISMS),
    "ENT-09": ok("Zutrittsschutz der Rechenzentren weist die Nimbus Cloud Platform mit ISO/IEC 27001 und BSI C5 "
                 "nach; Geltungsbereich umfasst die genutzte Region Frankfurt.", CLOUD),
    "AVL-01": ok("Datensicherungskonzept: Snapshots der verwalteten Datenbank stündlich, Aufbewahrung 35 Tage; "
                 "tägliche verschlüsselte Kopie zu Tresor Backup (Schweiz).", BACKUP,
                 answers={"backup_retention_days": 35}),
    "AVL-03": ok("Tägliche, clientseitig verschlüsselte Sicherungskopie außerhalb der Cloud-Plattform bei Tresor "
                 "Backup in Zürich.", BACKUP),
    "AVL-04": ok("Die Kopie bei Tresor Backup ist 35 Tage unveränderbar (Object Lock im Compliance-Modus).", BACKUP),
    "AVL-10": ok("Web-App und Datenbank laufen in drei Verfügbarkeitszonen der Region Frankfurt.", CLOUD),
    "AVL-16": ok("Verfügbarkeitszusage der Plattform 99,95 % je Monat für die verwaltete Datenbank; "
                 "Redundanz über drei Zonen, nachgewiesen im C5-Testat.", CLOUD),
    "REC-12": ok("Umschalttest der Datenbank auf eine zweite Zone am 14.05.2026 (Dauer 4 Minuten, Protokoll im "
                 "Wiki).", url("betrieb/failover-2026-05", "record", "Protokoll Failover-Test", "2026-05-14")),
    "PRC-01": ok("AVV mit jedem Unterauftragsverarbeiter; das Verzeichnis wird in tom-audit gepflegt und "
                 "ist Anlage 2 jedes AVV.", SUBS),
    "PRC-02": part("TOM-Prüfung vor Beauftragung und alle 12 Monate anhand von Zertifikaten und Fragebogen; "
                   "bei Tresor Backup ist das Zertifikat abgelaufen, das neue ist angefordert.",
                   Gap(description="Zertifikat von Tresor Backup seit 31.08.2026 abgelaufen.", risk="medium",
                       action="Neues Zertifikat einholen oder Vor-Ort-Prüfung vereinbaren.", owner=IT,
                       due="2026-12-15"), SUBS, answers={"subprocessor_review_interval_months": 12}),
    "PRC-03": ok("Änderungen an Unterauftragsverarbeitern kündigen wir 30 Tage vorher per E-Mail an "
                 "(`tom-audit provider notice`); Einspruch bis zum Ende dieser Frist.", SUBS),
    "PRC-08": ok("Drittlandtransfers: USA (Nimbus-Support: SCC Modul 3 mit TIA vom 10.02.2026; Postwerk Mail und "
                 "Meetwise: Data Privacy Framework), Indien (Codewerk: SCC Modul 3, TIA vom 03.11.2025), "
                 "Vereinigtes Königreich und Schweiz (Angemessenheitsbeschlüsse).", SUBS),
    "PRC-13": ok("Verarbeitungsregion per Organisationsrichtlinie der Plattform auf eu-central (Frankfurt) "
                 "festgelegt; andere Regionen sind gesperrt.", CLOUD),
}

FALLBACK_RULES = [
    (r"datenschutzbeauftragt", "Externer Datenschutzbeauftragter Paul Richter (Richter Datenschutz, Köln) seit "
                               "2024 benannt; Kontakt dsb@planwerk.example."),
    (r"schulung|sensibilis|awareness|phishing", "Datenschutz- und Sicherheitsschulung bei Eintritt und jährlich "
                                                 "(E-Learning, 30 Minuten), Teilnahme 2026: 100 % der 14 "
                                                 "Beschäftigten."),
    (r"penetration|schwachstell", "Jährlicher externer Penetrationstest der Web-App (zuletzt 04/2026, keine "
                                   "kritischen Befunde); wöchentlicher automatischer Scan der Abhängigkeiten."),
    (r"vorfall|vorfälle|incident|datenpanne|verletzung", "Vorfallprozess mit Meldung an die Auftraggeber binnen 24 "
                                                          "Stunden nach Kenntnis; Rufbereitschaft im Wechsel zu zweit."),
    (r"änderung|change", "Änderungen nur über Pull-Requests mit Review durch eine zweite Person und automatische "
                         "Tests vor dem Deployment."),
    (r"richtlinie|leitlinie|konzept", "Leitlinie Informationssicherheit v1.3, von der Geschäftsführung am "
                                      "15.03.2026 freigegeben und allen Beschäftigten bekannt gemacht."),
]
FALLBACK_DEFAULT = ("Umgesetzt nach der Leitlinie Informationssicherheit v1.3; verantwortlich: {owner}; "
                    "zuletzt geprüft im jährlichen Review am 20.11.2026.")


def _value(question):
    if question.type == "choice":
        return question.options[-1].id
    if question.type == "date":
        return "2026-11-20"
    if question.type == "text":
        return "siehe Beschreibung"
    hints = {"month": 12, "day": 30, "hour": 24, "minute": 5, "length": 12, "attempt": 5}
    value = next((v for word, v in hints.items() if word in question.id), 1)
    if question.max is not None:
        value = min(value, question.max)
    if question.min is not None:
        value = max(value, question.min)
    return value


def _stamp(index: int, total: int) -> str:
    """The edits spread over 01.09.–24.11.2026, German local time."""
    moment = datetime(2026, 9, 1, 9, 0) + timedelta(minutes=int(index * (84 * 24 * 60) / max(total, 1)))
    moment = moment.replace(hour=9 + index % 8)
    offset = 2 if moment < datetime(2026, 10, 25, 3, 0) else 1
    return moment.replace(tzinfo=timezone(timedelta(hours=offset))).isoformat(timespec="seconds")


def build():
    catalogue = load_catalogue("tom-art32")
    a = new_assessment(catalogue, source="bundled", organisation=ORGANISATION.name, language="de", now=CREATED)
    a.id, a.organisation, a.scope, a.scoping = ASSESSMENT_ID, ORGANISATION, SCOPE, dict(SCOPING)
    for provider_id, form in PROVIDERS:
        add_provider(a, form, provider_id=provider_id)
    measures = catalogue.measures
    for index, measure in enumerate(measures):
        spec = ANSWERS.get(measure.id)
        if spec is None:
            if measure.excluded_reason or not applies(measure, a.scoping):
                continue  # not applicable by the scoping answers: the catalogue gives the reason
            if measure.deprecated_reason:  # outdated practice: deliberately not done
                spec = {"status": "not_implemented", "note": "Bewusst nicht umgesetzt: überholte Praxis "
                        "(siehe Hinweis im Katalog).", "evidence": (), "answers": {}, "gap": None}
                edit = Edit(status=spec["status"], note=spec["note"], owner=IT)
                record(a, catalogue, measure.id, edit, by=AUTHOR, at=_stamp(index, len(measures)))
                continue
            owner = OWNERS.get(measure.category, DEV if measure.category in ("separation", "input") else IT)
            note = next((text for pattern, text in FALLBACK_RULES if re.search(pattern, measure.title.de, re.I)),
                        FALLBACK_DEFAULT.format(owner=owner))
            spec = ok(note, ISMS, answers={q.id: _value(q) for q in measure.questions})
        edit = Edit(status=spec["status"], note=spec["note"], answers=dict(spec["answers"]),
                    owner=OWNERS.get(measure.category, IT), add_evidence=list(spec["evidence"]), gap=spec["gap"])
        record(a, catalogue, measure.id, edit, by=AUTHOR, at=_stamp(index, len(measures)))
    for measure_id, provider_id in INHERITED.items():
        set_inherited(a, catalogue, [measure_id], provider_id, by=AUTHOR)
        a.measures[measure_id].changed = Change(by=AUTHOR, at=UPDATED)
    a.updated = UPDATED
    return a


def main() -> int:
    assessment = build()
    text = render(assessment).encode("utf-8")
    OUT.unlink(missing_ok=True)  # a generated file (in git): atomic_write never overwrites an assessment as output
    atomic_write(OUT, text, backup=False, exclusive=True)
    loaded = load_assessment(OUT)
    for warning in loaded.warnings:
        print(warning.render("en"), file=sys.stderr)
    overall = progress(loaded.catalogue, loaded.assessment).overall
    print(f"{OUT.relative_to(HERE.parent)}: {overall.total} measures, {overall.answered} answered, "
          f"{len(loaded.assessment.providers)} providers")
    return 1 if loaded.warnings or overall.open else 0


if __name__ == "__main__":
    sys.exit(main())
