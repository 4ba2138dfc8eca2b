"""The UI's plain parts without a terminal: the session rules, recent files, its strings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tom_audit.i18n import table
from tom_audit.logic.answers import AnswerError, Edit
from tom_audit.store import recent
from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.tui.session import ExternalChange, Session, snapshot

TUI = Path(__file__).resolve().parents[1] / "tom_audit" / "tui"


def test_every_ui_string_exists_in_both_languages():
    used = set()
    prefixes = set()
    for path in TUI.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'"(tui\.[a-z0-9_.]+[a-z0-9_])"', text))
        prefixes |= set(re.findall(r'f"(tui\.[a-z0-9_.]+)\{', text))
    de, en = table("de"), table("en")
    assert sorted(k for k in used if k not in de or k not in en) == []
    assert all(any(k.startswith(p) for k in de) for p in prefixes)
    assert {k for k in de if k.startswith("tui.")} == {k for k in en if k.startswith("tui.")}


def test_record_and_undo(new_file):
    session = Session.open(new_file, by="tester")
    session.record("ENT-01", Edit(status="implemented"))
    session.record("ENT-01", Edit(status="partial", note="Nur Haupteingang"))
    with pytest.raises(AnswerError):
        session.record("ENT-01", Edit(status="not_applicable", note=" ", clear_status=False))
    assert len(session.undo_stack) == 2  # a refused change leaves no undo step
    assert session.undo() == "ENT-01"
    assert session.answer("ENT-01").status == "implemented" and session.answer("ENT-01").note == ""
    assert session.undo() == "ENT-01"
    assert "ENT-01" not in session.assessment.measures
    assert session.undo() is None


def test_save_refuses_to_overwrite_an_external_change(new_file):
    session = Session.open(new_file)
    session.record("ENT-01", Edit(status="implemented"))
    other = load_assessment(new_file).assessment
    other.organisation.name = "Jemand anderes"
    save_assessment(new_file, other)
    with pytest.raises(ExternalChange):
        session.save()
    assert load_assessment(new_file).assessment.organisation.name == "Jemand anderes"
    assert session.save(force=True)
    assert load_assessment(new_file).assessment.measures["ENT-01"].status == "implemented"
    assert not session.changed_on_disk()


def test_an_older_save_never_overwrites_a_newer_one(new_file):
    session = Session.open(new_file)
    session.record("ENT-01", Edit(status="implemented"))
    older = session.prepare_save()
    session.record("ENT-02", Edit(status="planned"))
    newer = session.prepare_save()
    assert session.write(*newer)
    assert not session.write(*older)  # arrives late: skipped
    assert set(load_assessment(new_file).assessment.measures) == {"ENT-01", "ENT-02"}
    assert not session.dirty


def test_snapshot_is_independent_of_later_changes(new_file):
    session = Session.open(new_file)
    copy = snapshot(session.assessment)
    session.record("ENT-01", Edit(status="implemented"))
    session.assessment.scoping["own_premises"] = True
    assert copy.measures == {} and copy.scoping == {}


def test_reload_drops_undo_and_keeps_generations_rising(new_file):
    session = Session.open(new_file)
    session.record("ENT-01", Edit(status="implemented"))
    pending = session.prepare_save()
    session.reload()
    assert session.undo_stack == [] and session.assessment.measures == {}
    assert not session.write(*pending)  # a save queued before the reload is dropped
    assert load_assessment(new_file).assessment.measures == {}


def test_next_open_and_filters(new_file, catalogue):
    session = Session.open(new_file)
    first, second = catalogue.measures[0].id, catalogue.measures[1].id
    assert session.next_open(None).id == first
    session.record(first, Edit(status="not_implemented"))
    assert session.next_open(first).id == second
    measure = session.measure(first)
    assert session.shows(measure, "gaps") and not session.shows(measure, "open")
    assert session.matches(measure, first.lower())


def test_recent_files(tmp_path):
    a, b = tmp_path / "a.tom.yaml", tmp_path / "b.tom.yaml"
    a.write_text("x"), b.write_text("x")
    recent.remember(a)
    recent.remember(b)
    recent.remember(a)
    assert [p for p, _ in recent.recent()] == [a.resolve(), b.resolve()]
    b.unlink()
    assert [p for p, _ in recent.recent()] == [a.resolve()]
    recent.forget(a)
    assert recent.recent() == []


def test_recent_files_survive_a_damaged_list(tmp_path):
    recent.recent_file().parent.mkdir(parents=True, exist_ok=True)
    recent.recent_file().write_text("{not json", encoding="utf-8")
    assert recent.recent() == []
    a = tmp_path / "a.tom.yaml"
    a.write_text("x")
    recent.remember(a)
    assert json.loads(recent.recent_file().read_text())["files"][0]["path"] == str(a.resolve())


def test_run_app_reports_a_bad_file_like_the_cli(tmp_path, capsys):
    from tom_audit.tui import run_app

    bad = tmp_path / "bad.tom.yaml"
    bad.write_text("format: tom-audit/assessment\nformat_version: [\n", encoding="utf-8")
    assert run_app(bad) == 2
    err = capsys.readouterr().err
    assert "bad.tom.yaml:" in err and "Traceback" not in err
    assert run_app(tmp_path / "missing.tom.yaml") == 2
    assert run_app(tmp_path / "no" / "folder.tom.yaml", create=True) == 2
