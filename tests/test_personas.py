"""Five companies that use tom-audit, and the measures each must document (required, not
only recommended) under catalogue 2026.2. Each list was read the way a reviewer reads an annex:
nothing on it may be absurd for that company (no guard service for a remote start-up, no
server-room air conditioning for a medical practice). A change to the catalogue that changes a
list shows up here, so someone reads the new list before it ships.

The number of required measures under 2026.1 (same company, scoping answers mapped to the old
questions) is kept beside each list, to show what the new scoping changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tom_audit.logic.applicability import applies, required
from tom_audit.store.catalogue_store import load_catalogue, load_catalogue_file

OLD_CATALOGUE = Path(__file__).resolve().parent / "data" / "tom-art32-2026.1.yaml"

PERSONAS = {
    "startup": {
        "about": 'A fully remote five-person start-up that runs on SaaS only (no servers, no own software).',
        "protection_need": "normal",
        "scoping": {'office': 'none_remote', 'hosting': 'saas_only', 'team_size': 'small', 'paper_records': False, 'mobile_work': True, 'software_development': False, 'sub_processors': True, 'third_country': True, 'special_categories': False, 'remote_maintenance': False, 'health_cloud': False},
        "scoping_2026_1": {'own_premises': False, 'hosting': 'cloud_only'},
        "required_before": 102,
        "required": [
            "ENT-09", "ENT-14", "ACC-01", "ACC-02", "ACC-03", "ACC-04", "ACC-05", "ACC-06", "ACC-07", "ACC-08",
            "ACC-10", "ACC-11", "ACC-14", "ACC-16", "ACC-17", "ACC-18", "ACC-19", "ACC-20", "ACC-25", "ACC-27",
            "AUT-01", "AUT-02", "AUT-03", "AUT-08", "AUT-11", "AUT-12", "AUT-18", "SEP-01", "SEP-09", "SEP-12",
            "SEP-13", "CRY-01", "CRY-02", "CRY-03", "CRY-04", "CRY-06", "CRY-08", "CRY-10", "TRF-01", "TRF-02",
            "TRF-03", "TRF-04", "TRF-07", "TRF-10", "TRF-11", "TRF-12", "TRF-14", "INP-01", "INP-03", "INP-04",
            "INP-06", "INP-07", "INP-08", "INP-12", "INP-13", "AVL-01", "AVL-02", "AVL-03", "AVL-04", "AVL-12",
            "AVL-15", "AVL-16", "AVL-17", "REC-01", "REC-02", "REC-06", "REC-07", "REC-10", "REC-14", "PRC-01",
            "PRC-02", "PRC-03", "PRC-04", "PRC-05", "PRC-07", "PRC-08", "PRC-10", "PRC-11", "PRC-12", "PRC-13",
            "PRC-14", "PRC-15", "PRC-16", "PRC-17", "REV-01", "REV-05", "REV-06", "REV-07", "REV-08", "REV-09",
            "REV-10", "REV-12", "REV-15", "ORG-01", "ORG-02", "ORG-03", "ORG-04", "ORG-05", "ORG-06", "ORG-07",
            "ORG-08", "ORG-09", "ORG-10", "ORG-12", "ORG-15", "ORG-16", "ORG-17", "ORG-18",
        ],
    },
    "saas": {
        "about": 'A 40-person SaaS vendor: own software on IaaS/PaaS, an office in a rented floor.',
        "protection_need": "normal",
        "scoping": {'office': 'own_or_rented', 'hosting': 'iaas_paas', 'team_size': 'small', 'paper_records': False, 'mobile_work': True, 'software_development': True, 'sub_processors': True, 'third_country': False, 'special_categories': False, 'remote_maintenance': False, 'health_cloud': False},
        "scoping_2026_1": {'own_premises': True, 'hosting': 'cloud_only'},
        "required_before": 115,
        "required": [
            "ENT-05", "ENT-06", "ENT-07", "ENT-08", "ENT-09", "ENT-12", "ENT-13", "ENT-14", "ENT-16", "ACC-01",
            "ACC-02", "ACC-03", "ACC-04", "ACC-05", "ACC-06", "ACC-07", "ACC-08", "ACC-09", "ACC-10", "ACC-11",
            "ACC-13", "ACC-14", "ACC-16", "ACC-17", "ACC-18", "ACC-19", "ACC-20", "ACC-21", "ACC-24", "ACC-25",
            "ACC-26", "ACC-27", "AUT-01", "AUT-02", "AUT-03", "AUT-08", "AUT-09", "AUT-11", "AUT-12", "AUT-14",
            "AUT-18", "SEP-01", "SEP-03", "SEP-04", "SEP-05", "SEP-07", "SEP-09", "SEP-10", "SEP-12", "SEP-13",
            "CRY-01", "CRY-02", "CRY-03", "CRY-04", "CRY-06", "CRY-08", "CRY-09", "CRY-10", "CRY-11", "CRY-12",
            "TRF-01", "TRF-02", "TRF-03", "TRF-04", "TRF-07", "TRF-09", "TRF-10", "TRF-11", "TRF-12", "TRF-14",
            "INP-01", "INP-03", "INP-04", "INP-06", "INP-07", "INP-08", "INP-09", "INP-11", "INP-12", "INP-13",
            "AVL-01", "AVL-02", "AVL-03", "AVL-04", "AVL-11", "AVL-12", "AVL-14", "AVL-15", "AVL-16", "AVL-17",
            "REC-01", "REC-02", "REC-03", "REC-06", "REC-07", "REC-10", "REC-13", "REC-14", "PRC-01", "PRC-02",
            "PRC-03", "PRC-04", "PRC-05", "PRC-07", "PRC-10", "PRC-11", "PRC-12", "PRC-13", "PRC-14", "PRC-15",
            "PRC-16", "PRC-17", "REV-01", "REV-05", "REV-06", "REV-07", "REV-08", "REV-09", "REV-10", "REV-11",
            "REV-12", "REV-15", "REV-16", "ORG-01", "ORG-02", "ORG-03", "ORG-04", "ORG-05", "ORG-06", "ORG-07",
            "ORG-08", "ORG-09", "ORG-10", "ORG-12", "ORG-15", "ORG-16", "ORG-17", "ORG-18",
        ],
    },
    "msp": {
        "about": "An IT service provider with 15 staff that maintains its customers' systems remotely.",
        "protection_need": "normal",
        "scoping": {'office': 'own_or_rented', 'hosting': 'saas_only', 'team_size': 'small', 'paper_records': True, 'mobile_work': True, 'software_development': False, 'sub_processors': True, 'third_country': False, 'special_categories': False, 'remote_maintenance': True, 'health_cloud': False},
        "scoping_2026_1": {'own_premises': True, 'hosting': 'cloud_only'},
        "required_before": 111,
        "required": [
            "ENT-05", "ENT-06", "ENT-07", "ENT-08", "ENT-09", "ENT-11", "ENT-12", "ENT-13", "ENT-14", "ENT-16",
            "ACC-01", "ACC-02", "ACC-03", "ACC-04", "ACC-05", "ACC-06", "ACC-07", "ACC-08", "ACC-10", "ACC-11",
            "ACC-14", "ACC-16", "ACC-17", "ACC-18", "ACC-19", "ACC-20", "ACC-22", "ACC-24", "ACC-25", "ACC-27",
            "ACC-28", "AUT-01", "AUT-02", "AUT-03", "AUT-08", "AUT-11", "AUT-12", "AUT-16", "AUT-18", "SEP-01",
            "SEP-07", "SEP-09", "SEP-12", "SEP-13", "CRY-01", "CRY-02", "CRY-03", "CRY-04", "CRY-06", "CRY-08",
            "CRY-10", "TRF-01", "TRF-02", "TRF-03", "TRF-04", "TRF-07", "TRF-08", "TRF-10", "TRF-11", "TRF-12",
            "TRF-14", "INP-01", "INP-03", "INP-04", "INP-06", "INP-07", "INP-08", "INP-10", "INP-12", "INP-13",
            "AVL-01", "AVL-02", "AVL-03", "AVL-04", "AVL-12", "AVL-15", "AVL-16", "AVL-17", "REC-01", "REC-02",
            "REC-06", "REC-07", "REC-10", "REC-14", "PRC-01", "PRC-02", "PRC-03", "PRC-04", "PRC-05", "PRC-07",
            "PRC-10", "PRC-11", "PRC-12", "PRC-13", "PRC-14", "PRC-15", "PRC-16", "PRC-17", "REV-01", "REV-05",
            "REV-06", "REV-07", "REV-08", "REV-09", "REV-10", "REV-12", "REV-15", "ORG-01", "ORG-02", "ORG-03",
            "ORG-04", "ORG-05", "ORG-06", "ORG-07", "ORG-08", "ORG-09", "ORG-10", "ORG-12", "ORG-15", "ORG-16",
            "ORG-17", "ORG-18",
        ],
    },
    "practice": {
        "about": 'A medical practice with 8 staff, a small server in a locked cabinet, health data (high need).',
        "protection_need": "hoch",
        "scoping": {'office': 'own_or_rented', 'hosting': 'small_server_on_site', 'team_size': 'small', 'paper_records': True, 'mobile_work': False, 'software_development': False, 'sub_processors': True, 'third_country': False, 'special_categories': True, 'remote_maintenance': False, 'health_cloud': False},
        "scoping_2026_1": {'own_premises': True, 'hosting': 'own_datacenter'},
        "required_before": 148,
        "required": [
            "ENT-02", "ENT-04", "ENT-05", "ENT-06", "ENT-07", "ENT-08", "ENT-11", "ENT-12", "ENT-13", "ENT-15",
            "ENT-16", "ENT-17", "ENT-18", "ENT-20", "ACC-01", "ACC-02", "ACC-03", "ACC-04", "ACC-05", "ACC-06",
            "ACC-07", "ACC-08", "ACC-09", "ACC-10", "ACC-12", "ACC-16", "ACC-17", "ACC-18", "ACC-19", "ACC-20",
            "ACC-23", "ACC-24", "ACC-25", "ACC-27", "AUT-01", "AUT-02", "AUT-03", "AUT-05", "AUT-06", "AUT-08",
            "AUT-09", "AUT-10", "AUT-11", "AUT-12", "AUT-15", "AUT-16", "AUT-17", "AUT-18", "SEP-01", "SEP-05",
            "SEP-07", "SEP-09", "SEP-12", "SEP-13", "CRY-01", "CRY-02", "CRY-03", "CRY-04", "CRY-06", "CRY-07",
            "CRY-08", "CRY-10", "CRY-12", "TRF-01", "TRF-02", "TRF-03", "TRF-04", "TRF-05", "TRF-07", "TRF-08",
            "TRF-10", "TRF-11", "TRF-12", "TRF-14", "INP-01", "INP-02", "INP-03", "INP-04", "INP-06", "INP-07",
            "INP-08", "INP-10", "INP-12", "INP-13", "AVL-01", "AVL-02", "AVL-03", "AVL-04", "AVL-05", "AVL-11",
            "AVL-12", "AVL-15", "AVL-17", "REC-01", "REC-02", "REC-03", "REC-04", "REC-06", "REC-07", "REC-08",
            "REC-09", "REC-10", "REC-11", "REC-14", "PRC-01", "PRC-02", "PRC-03", "PRC-04", "PRC-05", "PRC-06",
            "PRC-07", "PRC-10", "PRC-11", "PRC-12", "PRC-14", "PRC-15", "PRC-16", "PRC-17", "REV-01", "REV-02",
            "REV-05", "REV-06", "REV-07", "REV-08", "REV-09", "REV-10", "REV-12", "REV-13", "REV-15", "ORG-01",
            "ORG-02", "ORG-03", "ORG-04", "ORG-05", "ORG-06", "ORG-07", "ORG-08", "ORG-09", "ORG-11", "ORG-12",
            "ORG-13", "ORG-14", "ORG-15", "ORG-16", "ORG-17", "ORG-18",
        ],
    },
    "hoster": {
        "about": 'A hosting company with 60 staff in colocation, own software, high protection need.',
        "protection_need": "hoch",
        "scoping": {'office': 'own_or_rented', 'hosting': 'colocation', 'team_size': 'medium', 'paper_records': False, 'mobile_work': True, 'software_development': True, 'sub_processors': True, 'third_country': False, 'special_categories': False, 'remote_maintenance': False, 'health_cloud': False},
        "scoping_2026_1": {'own_premises': True, 'hosting': 'colocation'},
        "required_before": 149,
        "required": [
            "ENT-02", "ENT-04", "ENT-05", "ENT-06", "ENT-07", "ENT-08", "ENT-09", "ENT-12", "ENT-13", "ENT-14",
            "ENT-15", "ENT-16", "ENT-17", "ENT-18", "ACC-01", "ACC-02", "ACC-03", "ACC-04", "ACC-05", "ACC-06",
            "ACC-07", "ACC-08", "ACC-09", "ACC-10", "ACC-11", "ACC-12", "ACC-13", "ACC-14", "ACC-16", "ACC-17",
            "ACC-18", "ACC-19", "ACC-20", "ACC-21", "ACC-23", "ACC-24", "ACC-25", "ACC-27", "AUT-01", "AUT-02",
            "AUT-03", "AUT-04", "AUT-05", "AUT-06", "AUT-07", "AUT-08", "AUT-09", "AUT-10", "AUT-11", "AUT-12",
            "AUT-14", "AUT-17", "AUT-18", "SEP-01", "SEP-03", "SEP-04", "SEP-05", "SEP-06", "SEP-07", "SEP-08",
            "SEP-09", "SEP-11", "SEP-12", "SEP-13", "CRY-01", "CRY-02", "CRY-03", "CRY-04", "CRY-05", "CRY-06",
            "CRY-07", "CRY-08", "CRY-09", "CRY-10", "CRY-11", "CRY-12", "CRY-15", "TRF-01", "TRF-02", "TRF-03",
            "TRF-04", "TRF-05", "TRF-06", "TRF-07", "TRF-09", "TRF-10", "TRF-11", "TRF-12", "TRF-13", "TRF-14",
            "INP-01", "INP-02", "INP-03", "INP-04", "INP-05", "INP-06", "INP-07", "INP-08", "INP-09", "INP-11",
            "INP-12", "INP-13", "AVL-01", "AVL-02", "AVL-03", "AVL-04", "AVL-09", "AVL-10", "AVL-11", "AVL-12",
            "AVL-13", "AVL-14", "AVL-15", "AVL-16", "AVL-17", "AVL-18", "REC-01", "REC-02", "REC-03", "REC-04",
            "REC-05", "REC-06", "REC-07", "REC-08", "REC-09", "REC-10", "REC-11", "REC-13", "REC-14", "PRC-01",
            "PRC-02", "PRC-03", "PRC-04", "PRC-05", "PRC-06", "PRC-07", "PRC-09", "PRC-10", "PRC-11", "PRC-12",
            "PRC-14", "PRC-15", "PRC-16", "PRC-17", "REV-01", "REV-02", "REV-03", "REV-04", "REV-05", "REV-06",
            "REV-07", "REV-08", "REV-09", "REV-10", "REV-11", "REV-12", "REV-13", "REV-14", "REV-15", "REV-16",
            "ORG-01", "ORG-02", "ORG-03", "ORG-04", "ORG-05", "ORG-06", "ORG-07", "ORG-08", "ORG-09", "ORG-10",
            "ORG-11", "ORG-12", "ORG-14", "ORG-15", "ORG-16", "ORG-17", "ORG-18",
        ],
    },
}

# What a reviewer would call absurd for each company: never required.
ABSURD = {
    "startup": ["ENT-02", "ENT-05", "ENT-07", "ENT-15", "ENT-17", "ACC-09", "ACC-13", "AVL-05", "AVL-06",
                "INP-11", "AVL-14", "REV-02", "REV-03", "SEP-06"],
    "saas": ["ENT-01", "ENT-10", "AVL-05", "AVL-06", "AVL-08", "ENT-19", "REC-08", "REV-03", "ACC-22"],
    "msp": ["ENT-01", "AVL-06", "ACC-13", "INP-11", "SEP-10", "ACC-26", "AVL-14", "REC-13"],
    "practice": ["AVL-06", "AVL-07", "AVL-08", "ENT-01", "ENT-10", "ENT-19", "INP-05", "SEP-06", "CRY-05",
                 "REV-03", "REV-04", "REV-14", "AVL-10", "AVL-13", "REC-05", "AUT-04", "INP-11", "ACC-13"],
    "hoster": ["AVL-06", "AVL-08", "ENT-01", "ENT-10", "ENT-20", "ACC-28", "PRC-18", "ACC-22"],
}


def required_measures(catalogue, scoping, need):
    return [m.id for m in catalogue.measures
            if not m.deprecated_reason and required(m, need, scoping)]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue("tom-art32")


@pytest.mark.parametrize("name", PERSONAS)
def test_required_measures_are_the_reviewed_list(catalogue, name):
    persona = PERSONAS[name]
    got = required_measures(catalogue, persona["scoping"], persona["protection_need"])
    assert got == persona["required"], (
        f"{name}: newly required {sorted(set(got) - set(persona['required']))}, "
        f"no longer required {sorted(set(persona['required']) - set(got))}; read the new list, then update it")


@pytest.mark.parametrize("name", PERSONAS)
def test_nothing_absurd_is_required(catalogue, name):
    persona = PERSONAS[name]
    got = set(required_measures(catalogue, persona["scoping"], persona["protection_need"]))
    assert not got & set(ABSURD[name])


@pytest.mark.parametrize("name", PERSONAS)
def test_every_scoping_question_is_answered(catalogue, name):
    assert set(PERSONAS[name]["scoping"]) == {q.id for q in catalogue.scoping}
    for question_id, value in PERSONAS[name]["scoping"].items():
        assert catalogue.scoping_by_id[question_id].accepts(value)


@pytest.mark.parametrize("name", PERSONAS)
def test_count_under_2026_1(name):
    persona = PERSONAS[name]
    old = load_catalogue_file(OLD_CATALOGUE)
    scoping = {k: v for k, v in persona["scoping"].items() if k in old.scoping_by_id} | persona["scoping_2026_1"]
    count = sum(1 for m in old.measures
                if not m.deprecated_reason and applies(m, scoping) and m.required_at(persona["protection_need"]))
    assert count == persona["required_before"]


def test_the_lists_differ_where_the_companies_differ(catalogue):
    lists = {name: set(p["required"]) for name, p in PERSONAS.items()}
    assert "ACC-22" in lists["msp"] and "ACC-22" not in lists["saas"]  # remote maintenance of customers
    assert "ENT-20" in lists["practice"] and "AVL-05" in lists["practice"]  # cabinet and UPS for its server
    assert "ENT-09" in lists["startup"] and "ENT-09" in lists["hoster"]  # proof from providers instead of locks
    assert "REV-02" in lists["hoster"] and "REV-02" not in lists["saas"]  # independent audits from 50 staff
    assert "AUT-15" in lists["practice"] and "CRY-13" not in lists["practice"]  # no own application to encrypt
    assert "ACC-28" in lists["msp"] and "ACC-09" not in lists["msp"]  # office firewall, no server firewall
