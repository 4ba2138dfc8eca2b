"""Shared fixtures. Every test runs with its own cache and state folders, in German unless
a test says otherwise, so no test depends on the machine or on another test."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import settings

from tom_audit.i18n import set_language

# CI runs the same property examples every time (a red run must be reproducible);
# developers' runs explore new ones.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
BUNDLED_CATALOGUE = REPO / "catalogues" / "tom-art32.yaml"
EXAMPLE = REPO / "examples" / "hosting-gmbh.tom.yaml"  # the shipped, fully filled assessment


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TOM_AUDIT_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("TOM_AUDIT_STATE_DIR", str(home / "state"))
    monkeypatch.delenv("TOM_AUDIT_LANG", raising=False)
    monkeypatch.delenv("TOM_AUDIT_DEBUG", raising=False)
    set_language("de")
    yield
    set_language("de")


@pytest.fixture
def catalogue():
    from tom_audit.store.catalogue_store import load_catalogue

    return load_catalogue("tom-art32")


@pytest.fixture
def new_file(tmp_path):
    """A fresh assessment file on the bundled catalogue, made through the CLI's own path."""
    from tom_audit.store.creating import create_assessment as create

    path = tmp_path / "assessment.tom.yaml"
    create(path, "tom-art32", "Muster GmbH", "de")
    return path


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: int = 60):
    """Run `python -m tom_audit ARGS` as a user would; returns the CompletedProcess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tom_audit", *args], cwd=cwd, env=full_env,
        capture_output=True, text=True, timeout=timeout,
    )


@pytest.fixture
def cli():
    return run_cli


# Sentences an organisation might write about a measure; long notes are made of them
_SENTENCES = (
    "Der Zutritt zu den Serverräumen wird über ein elektronisches Schließsystem mit personenbezogenen Transpondern "
    "gesteuert.",
    "Jede Berechtigung wird vom Informationssicherheitsbeauftragten schriftlich freigegeben und jährlich überprüft.",
    "Verlorene Transponder werden sofort gesperrt, die Sperrung wird im Ticketsystem dokumentiert.",
    "Besucher werden am Empfang registriert, erhalten einen Besucherausweis und werden ständig begleitet.",
    "Die Protokolle des Schließsystems werden 90 Tage aufbewahrt und bei Auffälligkeiten ausgewertet.",
    "Administrative Zugänge erfolgen ausschließlich über den zentralen Bastion-Host mit "
    "Zwei-Faktor-Authentifizierung.",
    "Änderungen an Firewall-Regeln durchlaufen das Change-Management (Vier-Augen-Prinzip, Ticket, Freigabe).",
    "Sicherungen werden täglich verschlüsselt in ein zweites Rechenzentrum übertragen; die Wiederherstellung wird "
    "quartalsweise geprüft.",
)
LONG_NOTE_LENGTHS = (5000, 6000, 6700, 7400, 8200, 9000)  # characters; one page of the annex holds about 4,000


def long_note(index: int, length: int, paragraphs: bool) -> str:
    """About `length` characters of running text from `_SENTENCES` (a paragraph every five
    sentences, or none), opening with "ANF{index}X" and ending in "END{index}X"."""
    parts, count = [f"ANF{index:02d}X"], 0
    while sum(map(len, parts)) + len(parts) < length:
        parts.append(_SENTENCES[(index + count) % len(_SENTENCES)])
        count += 1
        if paragraphs and count % 5 == 0:
            parts[-1] += "\n"
    return " ".join(parts).replace("\n ", "\n") + f" END{index:02d}X"


@pytest.fixture
def long_notes(tmp_path):
    """The example where six measures of the annex (implemented or partial) have notes of
    5,000-9,000 characters (`LONG_NOTE_LENGTHS`), most in paragraphs, the 6,700 one a single
    paragraph: (loaded assessment, {measure id: note as stored})."""
    from tom_audit.logic.answers import Edit, record
    from tom_audit.store.assessment_store import load_assessment, save_assessment

    path = tmp_path / "long.tom.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    loaded = load_assessment(path)
    a, c = loaded.assessment, loaded.catalogue
    ids = [m.id for m in c.measures if a.answer(m.id).status in ("implemented", "partial")]
    notes = {}
    for index, (measure_id, length) in enumerate(zip(ids[::7], LONG_NOTE_LENGTHS)):
        notes[measure_id] = long_note(index, length, paragraphs=length != 6700)
        record(a, c, measure_id, Edit(note=notes[measure_id]))
    save_assessment(path, a)
    return load_assessment(path), notes


class PdfWord(NamedTuple):
    page: int  # from 1
    x0: float  # points from the page's left and top edges
    y0: float
    x1: float
    y1: float
    text: str


def pdf_words(pdf: Path) -> list[PdfWord]:
    """Every word printed in `pdf`, with its box, as `pdftotext -bbox` (poppler) reads it."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        match = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', line)
        if match:
            words.append(PdfWord(page, *map(float, match.groups()[:4]), match.group(5)))
    return words
