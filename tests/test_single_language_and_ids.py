"""Single-language catalogues (`languages: [de]`), imported ids as their sources write them,
and the one id rule shared by the schema and the code."""

from __future__ import annotations

import json

import pytest

from tests.conftest import REPO
from tom_audit.cli.main import main
from tom_audit.model.ids import MEASURE_ID_PATTERN, is_measure_id
from tom_audit.store.assessment_store import load_assessment
from tom_audit.store.catalogue_store import load_catalogue_file

GERMAN_ONLY = """\
format: tom-audit/catalogue
format_version: 1
id: nur-deutsch
version: "1"
title: {de: Nur Deutsch}
languages: [de]
categories:
  - {id: zugang, title: {de: Zugang}, goal: {de: Nur Befugte melden sich an.}}
measures:
  - id: ASST.1.1.1
    category: zugang
    kind: technical
    title: {de: Zwei-Faktor-Anmeldung für Fernzugänge}
    guidance: {de: Für VPN und Webmail.}
    level: normal
    references: {}
  - id: "5.15"
    category: zugang
    kind: organisational
    title: {de: Zugriffsregeln festlegen}
    guidance: {de: Schriftlich.}
    level: hoch
    references: {iso27001: [A.5.15]}
"""


@pytest.fixture
def german_only(tmp_path):
    path = tmp_path / "nur-deutsch.yaml"
    path.write_text(GERMAN_ONLY, encoding="utf-8")
    return path


def test_schema_and_code_share_one_id_rule():
    schema = json.loads((REPO / "schemas" / "catalogue.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["measure_id"]["pattern"] == MEASURE_ID_PATTERN


@pytest.mark.parametrize("value", ["ACC-01", "ASST.1.1.1", "ORP.4.A8", "5.15", "OIS-01", "GC.1.2", "x"])
def test_source_ids_are_measure_ids(value):
    assert is_measure_id(value)


@pytest.mark.parametrize("value", ["", "-x", "x-", ".5", "a b", "a/b", "a\x1b[1m", "=1+1", "ä", "x" * 65, 5])
def test_ids_that_would_surprise_a_shell_or_sheet_are_not(value):
    assert not is_measure_id(value)


def test_german_only_catalogue_works_in_the_cli_and_exports(german_only, tmp_path, capsys):
    catalogue = load_catalogue_file(german_only)
    assert catalogue.languages == ("de",)
    assert catalogue.measures[0].title("en") == "Zwei-Faktor-Anmeldung für Fernzugänge"  # falls back
    file = tmp_path / "a.tom.yaml"
    assert main(["new", str(file), "--catalogue", str(german_only), "--lang", "en"]) == 0
    assert main(["set", str(file), "ASST.1.1.1", "--status", "implemented", "--note", "VPN mit TOTP"]) == 0
    assert main(["set", str(file), "5.15", "--status", "partial", "--note", "Entwurf"]) == 0
    assert load_assessment(file).assessment.measures["5.15"].status == "partial"
    assert main(["lint", str(file)]) in (0, 1)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for suffix in ("xlsx", "md", "json"):
        assert main(["export", str(file), "-o", str(tmp_path / f"x.{suffix}"), "--lang", "en"]) == 0
    assert "Zugriffsregeln festlegen" in (tmp_path / "x.md").read_text(encoding="utf-8")


def test_two_language_catalogue_missing_english_names_the_line(german_only, tmp_path, capsys):
    both = tmp_path / "both.yaml"
    both.write_text(GERMAN_ONLY.replace("languages: [de]\n", ""), encoding="utf-8")
    assert main(["catalogue", "show", str(both)]) == 2
    err = capsys.readouterr().err
    assert "both.yaml:5:" in err  # the title, the first text without English
    assert "languages: [de]" in err  # what to do


def test_evidence_hints_are_optional_for_imported_catalogues_only(german_only):
    assert load_catalogue_file(german_only).measures[0].evidence == ()
    from tom_audit.store.catalogue_store import load_catalogue

    assert all(m.evidence for m in load_catalogue("tom-art32").measures)  # ours keep their hints


async def test_ui_says_which_language_the_catalogue_lacks(german_only, tmp_path):
    from tom_audit.i18n import current_language
    from tom_audit.tui.app import TomAuditApp
    from tom_audit.tui.session import Session

    file = tmp_path / "a.tom.yaml"
    assert main(["new", str(file), "--catalogue", str(german_only)]) == 0
    app = TomAuditApp(Session.open(file, by="tester"), watch_disk=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert current_language() == "en"
        messages = [n.message for n in app._notifications]
        assert any("no English texts" in m and "German" in m for m in messages)
        assert "Zwei-Faktor-Anmeldung" in str(app.screen.query_one("#detail-body").render())
