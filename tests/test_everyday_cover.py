"""Cover data (organisation, address, contact, service, responsible, protection need, review
interval): set with `tom-audit setup`, `new` and the setup screen, so the lint finding clears."""

from __future__ import annotations

from datetime import date

from tests.test_tui_flows import click, make_app, settle, type_text
from tom_audit.cli.main import main
from tom_audit.logic.lint import lint
from tom_audit.store.assessment_store import load_assessment
from tom_audit.tui.screens.main import MainScreen
from tom_audit.tui.screens.setup import SetupScreen


def _rules(path):
    loaded = load_assessment(path)
    return {f.rule for f in lint(loaded.catalogue, loaded.assessment, today=date.today())}


def test_setup_prints_and_sets_the_cover_data(new_file, capsys):
    assert main(["setup", str(new_file)]) == 0
    out = capsys.readouterr().out
    assert "Verantwortlich" in out and "(leer)" in out and "Muster GmbH" in out
    assert "--responsible" in out  # says how to fill what is missing
    before = _rules(new_file)
    assert main(["setup", str(new_file), "--responsible", "Anna Schmidt (Leitung IT)", "--address",
                 "Hauptstr. 1, 12345 Musterstadt", "--contact", "datenschutz@muster.de", "--service",
                 "Hosting", "--protection-need", "hoch", "--review-interval", "6"]) == 0
    assert "gespeichert" in capsys.readouterr().out
    data = load_assessment(new_file).assessment
    assert (data.scope.responsible, data.scope.service, data.scope.protection_need,
            data.scope.review_interval_months) == ("Anna Schmidt (Leitung IT)", "Hosting", "hoch", 6)
    assert (data.organisation.address, data.organisation.contact) == ("Hauptstr. 1, 12345 Musterstadt",
                                                                     "datenschutz@muster.de")
    after = _rules(new_file)
    assert "TOM020" in before and "TOM020" not in after  # the "cover data missing" finding cleared
    assert main(["setup", str(new_file)]) == 0
    assert "Anna Schmidt" in capsys.readouterr().out


def test_setup_refuses_bad_values_and_leaves_the_file_alone(new_file, capsys):
    before = new_file.read_bytes()
    for option, value in (("--protection-need", "mittel"), ("--review-interval", "0"),
                          ("--review-interval", "jährlich")):
        assert main(["setup", str(new_file), "--responsible", "X", option, value]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and ("Schutzbedarf" in err or "Überprüfung" in err)
        assert new_file.read_bytes() == before


def test_setup_refuses_terminal_escapes(new_file, capsys):
    """Text enters once (tom_audit.text_rules): a control character in an argument is refused
    with the option named, and the file stays as it was."""
    before = new_file.read_bytes()
    assert main(["setup", str(new_file), "--org", "Evil\x1b[31m GmbH\x07"]) == 2
    assert "--org" in capsys.readouterr().err
    assert new_file.read_bytes() == before


def test_new_takes_the_cover_options(tmp_path):
    path = tmp_path / "a.tom.yaml"
    assert main(["new", str(path), "--org", "Muster GmbH", "--responsible", "Anna", "--review-interval", "24",
                 "--protection-need", "sehr_hoch"]) == 0
    data = load_assessment(path).assessment
    assert (data.organisation.name, data.scope.responsible, data.scope.review_interval_months,
            data.scope.protection_need) == ("Muster GmbH", "Anna", 24, "sehr_hoch")
    other = tmp_path / "b.tom.yaml"
    assert main(["new", str(other), "--review-interval", "99"]) == 2
    assert not other.exists()


async def test_setup_screen_sets_the_cover_data(new_file):
    app = make_app(new_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        for name, text in (("address", "Hauptstr. 1, 12345 Musterstadt"), ("contact", "dsb@muster.de"),
                           ("responsible", "Anna Schmidt")):
            await click(app, pilot, f"#cover-{name}")
            await type_text(pilot, text)
        app.screen.query_one("#cover-review_interval").value = ""
        await click(app, pilot, "#cover-review_interval")
        await type_text(pilot, "6")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    data = load_assessment(new_file).assessment
    assert data.organisation.address == "Hauptstr. 1, 12345 Musterstadt"
    assert data.organisation.contact == "dsb@muster.de"
    assert data.scope.responsible == "Anna Schmidt"
    assert data.scope.review_interval_months == 6


async def test_setup_screen_refuses_a_bad_interval(new_file):
    before = new_file.read_bytes()
    app = make_app(new_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#cover-review_interval").value = "0"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, SetupScreen)  # stays open, says why
    assert new_file.read_bytes() == before
