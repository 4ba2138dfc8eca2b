"""Evidence over time: re-attaching replaces the record (the old one goes to the history),
the same URL is one record, records can be removed by path, URL or hash, expiry is warned
ahead, and evidence with its own review rhythm is checked against it."""

from __future__ import annotations

from datetime import date, timedelta

from tom_audit.cli.main import main
from tom_audit.logic.lint import lint
from tom_audit.store.assessment_store import load_assessment


def _answer(path, measure_id):
    return load_assessment(path).assessment.measures[measure_id]


def _rules(path, measure_id=None, today=None):
    loaded = load_assessment(path)
    found = lint(loaded.catalogue, loaded.assessment, today=today or date.today(), evidence_base=path.parent)
    return {f.rule for f in found if measure_id is None or f.measure_id == measure_id}


def test_reattaching_a_changed_file_replaces_its_record(new_file, tmp_path, catalogue):
    measure = catalogue.measures[0].id
    policy = tmp_path / "policy.pdf"
    policy.write_bytes(b"version 1")
    assert main(["set", str(new_file), measure, "--status", "implemented", "--evidence", str(policy),
                 "--evidence-kind", "policy", "--evidence-description", "Richtlinie"]) == 0
    first = _answer(new_file, measure).evidence[0]
    policy.write_bytes(b"version 2, longer")
    assert "TOM006" in _rules(new_file, measure)  # lint: the file changed, re-attach it
    assert main(["set", str(new_file), measure, "--evidence", str(policy)]) == 0
    answer = _answer(new_file, measure)
    assert len(answer.evidence) == 1
    now = answer.evidence[0]
    assert now.sha256 != first.sha256 and now.size == len(b"version 2, longer")
    assert (now.kind, now.description) == ("policy", "Richtlinie")  # kept from the old record
    assert [h.sha256 for h in answer.evidence_history] == [first.sha256]
    assert answer.evidence_history[0].retired == date.today().isoformat()
    assert "TOM006" not in _rules(new_file, measure)


def test_the_same_url_twice_is_one_record(new_file, catalogue):
    measure = catalogue.measures[0].id
    for url in ("https://wiki.example.org/mfa", "https://wiki.example.org/mfa/"):
        assert main(["set", str(new_file), measure, "--evidence", url]) == 0
    assert len(_answer(new_file, measure).evidence) == 1


def test_remove_evidence_by_path_url_or_hash(new_file, tmp_path, catalogue, capsys):
    measure = catalogue.measures[0].id
    one, two = tmp_path / "a.pdf", tmp_path / "b.pdf"
    one.write_bytes(b"A")
    two.write_bytes(b"B")
    assert main(["set", str(new_file), measure, "--evidence", str(one), "--evidence", str(two),
                 "--evidence", "https://x.example/report"]) == 0
    before = new_file.read_bytes()
    assert main(["set", str(new_file), measure, "--remove-evidence", "nothing.pdf"]) == 2
    err = capsys.readouterr().err
    assert "a.pdf" in err and "b.pdf" in err and "Traceback" not in err
    assert new_file.read_bytes() == before
    assert main(["set", str(new_file), measure, "--remove-evidence", str(one)]) == 0
    assert main(["set", str(new_file), measure, "--remove-evidence", "https://x.example/report"]) == 0
    answer = _answer(new_file, measure)
    assert [e.ref for e in answer.evidence] == ["b.pdf"]
    assert main(["set", str(new_file), measure, "--remove-evidence", answer.evidence[0].sha256[:8]]) == 0
    answer = _answer(new_file, measure)
    assert answer.evidence == [] and len(answer.evidence_history) == 3


def test_alike_records_are_told_apart_by_hash(new_file, tmp_path, catalogue, capsys):
    from tom_audit.model.assessment import Evidence
    from tom_audit.store.assessment_store import save_assessment

    measure = catalogue.measures[0].id
    loaded = load_assessment(new_file)  # an older file: the same path recorded twice
    answer = loaded.assessment.answer(measure)
    answer.evidence = [Evidence(ref="x.pdf", date="2025-01-01", sha256="a" * 64),
                       Evidence(ref="x.pdf", date="2026-01-01", sha256="b" * 64)]
    loaded.assessment.measures[measure] = answer
    save_assessment(new_file, loaded.assessment)
    assert "TOM041" in _rules(new_file, measure)
    assert main(["set", str(new_file), measure, "--remove-evidence", "x.pdf"]) == 2
    err = capsys.readouterr().err
    assert "2025-01-01" in err and "aaaaaaaa" in err and "bbbbbbbb" in err
    assert main(["set", str(new_file), measure, "--remove-evidence", "aaaaaa"]) == 0
    assert [e.date for e in _answer(new_file, measure).evidence] == ["2026-01-01"]


def test_expiry_is_warned_ahead_and_the_period_is_configurable(new_file, tmp_path, catalogue):
    measure = catalogue.measures[0].id
    cert = tmp_path / "cert.pem"
    cert.write_text("cert", encoding="utf-8")
    soon = (date.today() + timedelta(days=10)).strftime("%d.%m.%Y")
    assert main(["set", str(new_file), measure, "--evidence", str(cert), "--evidence-kind", "certificate",
                 "--valid-until", soon]) == 0
    assert "TOM040" in _rules(new_file, measure)
    loaded = load_assessment(new_file)
    loaded.assessment.scope.expiry_warning_days = 7
    from tom_audit.store.assessment_store import save_assessment

    save_assessment(new_file, loaded.assessment)
    assert "TOM040" not in _rules(new_file, measure)


def test_evidence_with_its_own_review_rhythm(new_file, tmp_path, catalogue):
    measure = catalogue.measures[0].id
    record = tmp_path / "recert.pdf"
    record.write_text("access recertification", encoding="utf-8")
    assert main(["set", str(new_file), measure, "--evidence", str(record), "--evidence-review-months", "3"]) == 0
    assert _answer(new_file, measure).evidence[0].review_months == 3
    in_four_months = date.today() + timedelta(days=125)
    assert "TOM042" in _rules(new_file, measure, today=in_four_months)
    assert "TOM004" not in _rules(new_file, measure, today=in_four_months)
    # the measure's own rhythm, for evidence without one
    other = catalogue.measures[1].id
    assert main(["set", str(new_file), other, "--evidence", str(record), "--review-months", "6"]) == 0
    assert "TOM042" not in _rules(new_file, other, today=in_four_months)
    assert "TOM042" in _rules(new_file, other, today=date.today() + timedelta(days=200))
    assert main(["set", str(new_file), other, "--review-months", "99"]) == 2
