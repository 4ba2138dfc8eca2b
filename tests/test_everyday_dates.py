"""Dates as German users type them (31.03.2027) and as ISO, wherever a date is entered; and
messages that name fields as the user sees them, never internal keys."""

from __future__ import annotations

import pytest

from tom_audit.cli.main import main
from tom_audit.logic.dates import read_date
from tom_audit.store.assessment_store import load_assessment


@pytest.mark.parametrize("typed, stored", [
    ("2027-03-31", "2027-03-31"), ("31.03.2027", "2027-03-31"), ("1.3.2027", "2027-03-01"),
    (" 31.03.2027 ", "2027-03-31"), ("", ""),
    ("31.02.2027", None), ("2027-02-30", None), ("03/31/2027", None), ("31.03.27", None), ("morgen", None),
])
def test_read_date(typed, stored):
    assert read_date(typed) == stored


def test_set_takes_a_german_valid_until(new_file, tmp_path, catalogue):
    evidence = tmp_path / "cert.pem"
    evidence.write_text("certificate", encoding="utf-8")
    measure = catalogue.measures[0].id
    assert main(["set", str(new_file), measure, "--evidence", str(evidence), "--valid-until", "31.03.2027"]) == 0
    assert load_assessment(new_file).assessment.measures[measure].evidence[0].valid_until == "2027-03-31"


def test_a_bad_date_names_the_field_as_the_user_sees_it(new_file, tmp_path, catalogue, capsys):
    evidence = tmp_path / "cert.pem"
    evidence.write_text("certificate", encoding="utf-8")
    before = new_file.read_bytes()
    code = main(["set", str(new_file), catalogue.measures[0].id, "--evidence", str(evidence),
                 "--valid-until", "31.02.2027"])
    err = capsys.readouterr().err
    assert code == 2
    assert "„Gültig bis“" in err and "valid_until" not in err and "31.03.2027" in err
    assert new_file.read_bytes() == before


def test_a_bad_number_names_the_question_and_its_id(new_file, catalogue, capsys):
    measure = next(m for m in catalogue.measures if any(q.id == "rpo_hours" for q in m.questions))
    assert main(["set", str(new_file), measure.id, "--answer", "rpo_hours=viel"]) == 2
    err = capsys.readouterr().err
    assert "RPO" in err and "(rpo_hours)" in err  # the label, and the id `--answer` takes
    assert main(["set", str(new_file), measure.id, "--answer", "rpo=4"]) == 2
    err = capsys.readouterr().err
    assert "rpo_hours" in err and "RPO" in err
