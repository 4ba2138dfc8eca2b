"""The foundation's commands as a user meets them: new, set, status, validate, catalogue."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CATALOGUE
from tom_audit.cli.main import main
from tom_audit.store import migrations
from tom_audit.store.assessment_store import load_assessment


def test_new_creates_a_valid_file_and_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "a.tom.yaml"
    assert main(["new", str(path), "--org", "Muster GmbH", "--lang", "en"]) == 0
    loaded = load_assessment(path)
    assert loaded.assessment.organisation.name == "Muster GmbH"
    assert loaded.assessment.language == "en"
    assert loaded.assessment.catalogue.id == "tom-art32"
    assert loaded.assessment.catalogue.sha256 == loaded.catalogue.sha256
    before = path.read_bytes()
    assert main(["new", str(path)]) == 2
    assert "nichts überschrieben" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_set_records_status_note_owner_answers_and_hashed_evidence(new_file, tmp_path, catalogue):
    evidence = tmp_path / "evidence" / "mfa-policy.pdf"
    evidence.parent.mkdir()
    evidence.write_bytes(b"%PDF-1.4 MFA policy")
    measure = next(m for m in catalogue.measures if m.questions and m.questions[0].type == "number")
    question = measure.questions[0]
    value = int(question.min or 0) + 1
    code = main(["set", str(new_file), measure.id, "--status", "partial", "--note", "no",
                 "--owner", "IT-Betrieb", "--evidence", str(evidence), "--evidence", "https://wiki.example.org/mfa",
                 "--evidence-kind", "policy", "--answer", f"{question.id}={value}", "--by", "tester"])
    assert code == 0
    answer = load_assessment(new_file).assessment.measures[measure.id]
    assert (answer.status, answer.note, answer.owner) == ("partial", "no", "IT-Betrieb")
    assert answer.answers == {question.id: value}
    file_item, url_item = answer.evidence
    assert file_item.ref == "evidence/mfa-policy.pdf"  # relative to the assessment
    assert file_item.sha256 == hashlib.sha256(b"%PDF-1.4 MFA policy").hexdigest()
    assert file_item.size == len(b"%PDF-1.4 MFA policy")
    assert file_item.kind == "policy"
    assert url_item.ref == "https://wiki.example.org/mfa" and not url_item.sha256
    assert answer.changed.by == "tester"


def test_set_not_applicable_needs_a_reason(new_file, capsys):
    assert main(["set", str(new_file), "ENT-01", "--status", "not_applicable"]) == 2
    assert "Begründung" in capsys.readouterr().err
    assert main(["set", str(new_file), "ENT-01", "--status", "not_applicable",
                 "--note", "Kein eigener Serverraum; Rechenzentrum des Hosters (ISO 27001)."]) == 0


def test_set_checks_typed_answers(new_file, catalogue, capsys):
    measure = next(m for m in catalogue.measures if any(q.type == "number" for q in m.questions))
    question = next(q for q in measure.questions if q.type == "number")
    assert main(["set", str(new_file), measure.id, "--answer", f"{question.id}=viel"]) == 2
    assert "Zahl" in capsys.readouterr().err
    assert main(["set", str(new_file), measure.id, "--answer", "no_such_question=1"]) == 2


def test_missing_evidence_file_is_an_error_and_nothing_is_written(new_file, capsys):
    before = new_file.read_bytes()
    assert main(["set", str(new_file), "ENT-01", "--status", "implemented", "--evidence", "nope.pdf"]) == 2
    assert "nope.pdf" in capsys.readouterr().err
    assert new_file.read_bytes() == before


def test_status_counts_and_json(new_file, capsys, catalogue):
    main(["set", str(new_file), "ENT-01", "--status", "implemented"])
    capsys.readouterr()
    assert main(["status", str(new_file), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    entry = next(c for c in report["categories"] if c["id"] == "entry")
    assert entry["implemented"] == 1
    assert entry["total"] == len(catalogue.measures_by_category["entry"])
    assert report["overall"]["total"] == len(catalogue.measures)
    assert report["overall"]["answered"] == 1
    assert main(["status", str(new_file)]) == 0
    text = capsys.readouterr().out
    assert "Zutrittskontrolle" in text and "Gesamt" in text


def test_scoping_makes_measures_not_applicable_with_their_reason(new_file, catalogue):
    from tom_audit.logic.applicability import effective_of

    loaded = load_assessment(new_file)
    loaded.assessment.scoping["hosting"] = "iaas_paas"
    server_room = catalogue.measure_by_id["ENT-01"]
    state = effective_of(loaded.assessment, server_room)
    assert state.status == "not_applicable" and state.automatic
    assert "kein eigener Serverraum" in state.reason.de


def test_unknown_keys_and_orphan_answers_are_kept_and_reported(new_file, capsys):
    text = new_file.read_text().replace(
        "measures: {}",
        'measures:\n  OLD-99:\n    status: "implemented"\n    note: "aus dem alten Katalog"\n'
        '  ENT-01:\n    status: "planned"\n    x_ticket: "JIRA-12"\n')
    new_file.write_text(text + 'x_custom: "bleibt"\n')
    assert main(["status", str(new_file)]) == 0
    err = capsys.readouterr().err
    assert "OLD-99" in err and "x_ticket" in err and "x_custom" in err
    assert main(["set", str(new_file), "ENT-01", "--owner", "Anna"]) == 0
    saved = new_file.read_text()
    assert "OLD-99" in saved and "aus dem alten Katalog" in saved
    assert 'x_ticket: "JIRA-12"' in saved and 'x_custom: "bleibt"' in saved


def test_a_changed_catalogue_is_reported_with_added_removed_and_reworded(tmp_path, capsys):
    catalogue = tmp_path / "own.yaml"
    shutil.copy(BUNDLED_CATALOGUE, catalogue)
    path = tmp_path / "a.tom.yaml"
    assert main(["new", str(path), "--catalogue", str(catalogue)]) == 0
    assert main(["set", str(path), "ENT-01", "--status", "implemented"]) == 0
    text = catalogue.read_text(encoding="utf-8")
    text = text.replace('version: "2026.2"', 'version: "2026.3"', 1)
    text = text.replace("personenbezogenen Transpondern", "personalisierten Transpondern", 1)
    catalogue.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["status", str(path)]) == 0
    err = capsys.readouterr().err
    assert "2026.2 → 2026.3" in err and "ENT-01" in err
    # the next save adopts the new catalogue and asks to confirm the reworded answer
    assert main(["set", str(path), "ENT-02", "--status", "planned"]) == 0
    loaded = load_assessment(path)
    assert loaded.catalogue_changes is None
    assert loaded.assessment.measures["ENT-01"].to_confirm
    assert loaded.assessment.catalogue.source == "own.yaml"


def test_a_missing_catalogue_is_a_clear_error(tmp_path, capsys):
    catalogue = tmp_path / "own.yaml"
    shutil.copy(BUNDLED_CATALOGUE, catalogue)
    path = tmp_path / "a.tom.yaml"
    main(["new", str(path), "--catalogue", str(catalogue)])
    catalogue.unlink()
    capsys.readouterr()
    assert main(["status", str(path)]) == 2
    err = capsys.readouterr().err
    assert "a.tom.yaml" in err and "own.yaml" in err


def test_migrations_upgrade_old_files_on_load(new_file, monkeypatch):
    monkeypatch.setattr(migrations, "FORMAT_VERSION", 2)

    def one_to_two(document):
        document["organisation"]["name"] = document["organisation"].pop("name") + " (migriert)"
        return document

    monkeypatch.setitem(migrations.STEPS, 1, one_to_two)
    from tom_audit.store.assessment_store import read_document

    assessment, _, _ = read_document(new_file)
    assert assessment.organisation.name == "Muster GmbH (migriert)"
    assert assessment.format_version == 2


def test_catalogue_list_and_show_in_both_languages(capsys):
    assert main(["catalogue", "list"]) == 0
    assert "tom-art32" in capsys.readouterr().out
    assert main(["catalogue", "show", "tom-art32", "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "Physical entry control" in english and "ENT-01" in english
    assert main(["catalogue", "show", "tom-art32"]) == 0
    assert "Zutrittskontrolle" in capsys.readouterr().out
    assert main(["catalogue", "show", "tom-art32", "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# TOM-Katalog")
    assert main(["catalogue", "show", "tom-art3"]) == 2
    assert "tom-art32" in capsys.readouterr().err


def test_validate_names_what_it_checked(new_file, capsys):
    assert main(["validate", str(new_file), str(BUNDLED_CATALOGUE)]) == 0
    out = capsys.readouterr().out
    assert "gültige Bewertung" in out and "gültiger Katalog" in out


def test_bare_file_argument_means_open():
    from tom_audit.cli.main import _normalise

    assert _normalise(["x.tom.yaml"]) == ["open", "x.tom.yaml"]
    assert _normalise([]) == ["open"]
    assert _normalise(["--lang", "en", "x.tom.yaml"]) == ["--lang", "en", "open", "x.tom.yaml"]
    assert _normalise(["status", "x.tom.yaml"]) == ["status", "x.tom.yaml"]
    assert _normalise(["--help"]) == ["--help"]


def test_approve_adopts_a_changed_catalogue(tmp_path, capsys):
    catalogue = tmp_path / "own.yaml"
    shutil.copy(BUNDLED_CATALOGUE, catalogue)
    path = tmp_path / "a.tom.yaml"
    assert main(["new", str(path), "--catalogue", str(catalogue)]) == 0
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace('version: "2026.2"', 'version: "2026.3"', 1),
                         encoding="utf-8")
    assert main(["approve", str(path), "--by", "DSB", "--force"]) == 0
    loaded = load_assessment(path)
    assert loaded.catalogue_changes is None
    assert loaded.assessment.catalogue.version == "2026.3"
