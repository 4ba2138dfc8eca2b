"""The provider register screen: typed through with Pilot, checked in the saved file."""

from __future__ import annotations

from tom_audit.store.assessment_store import load_assessment
from tom_audit.tui.screens.main import MainScreen
from tom_audit.tui.screens.providers import ProviderDialog, ProvidersScreen, RemoveDialog
from tests.test_tui_flows import SIZE, make_app, settle


async def _type(pilot, text: str) -> None:
    await pilot.press(*text)


async def _fill(app, pilot, field: str, text: str) -> None:
    widget = app.screen.query_one(f"#pf-{field}")
    widget.focus()
    widget.value = ""
    await pilot.pause()
    await _type(pilot, text)


async def test_add_edit_and_remove_a_provider_through_the_screen(new_file):
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProvidersScreen)
        assert "leer" in str(app.screen.query_one("#providers-detail").render())
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ProviderDialog)
        await _type(pilot, "Example Cloud")
        await _fill(app, pilot, "countries", "DE, USA")
        await _fill(app, pilot, "transfer", "Standardvertragsklauseln")
        await _fill(app, pilot, "scc_module", "7")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # refused: the form stays open with the message, the bad field focused, nothing saved
        assert isinstance(app.screen, ProviderDialog)
        assert "SCC-Modul" in str(app.screen.query_one(".dialog-error").render())
        assert app.focused.id == "pf-scc_module"
        await _fill(app, pilot, "scc_module", "3")
        await _fill(app, pilot, "avv_date", "01.03.2024")
        await _fill(app, pilot, "certificates", "ISO 27001 bis 2027-05-31")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ProvidersScreen)
        saved = load_assessment(new_file).assessment.providers
        assert [(p.id, p.locations, p.avv_date) for p in saved] == [("example-cloud", ["DE", "US"], "2024-03-01")]
        assert (saved[0].transfer("US").basis, saved[0].transfer("US").scc_module) == ("scc", 3)

        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#pf-transfer").value == "US=scc"
        await _fill(app, pilot, "service", "IaaS")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        saved = load_assessment(new_file).assessment.providers
        assert saved[0].service == "IaaS" and saved[0].certificates[0].valid_until == "2027-05-31"
        assert saved[0].transfer("US").scc_module == 3  # untouched fields stay as they were

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, RemoveDialog)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert load_assessment(new_file).assessment.providers == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_the_register_is_in_the_command_palette(new_file):
    from tom_audit.tui.bindings import key_rows

    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = [r for r in key_rows(app.screen, app) if r.action == "providers"]
        assert rows and rows[0].description == "Unterauftragsverarbeiter" and rows[0].enabled


async def test_setup_with_cloud_hosting_offers_the_hosting_provider_entry(new_file):
    from tom_audit.tui.screens.providers import offer_hosting_provider
    from tom_audit.tui.session import Session

    session = Session.open(new_file, by="tester")
    said = []

    class Node:
        def notify(self, message, **kwargs):
            said.append(message)

    session.assessment.scoping["hosting"] = "iaas_paas"
    offer_hosting_provider(Node(), session)
    assert said and "Cloud-Anbieter" in said[0] and "p" in said[0]
    said.clear()
    session.assessment.scoping["hosting"] = "own_server_room"
    offer_hosting_provider(Node(), session)
    assert said == []


async def test_measures_covered_by_a_provider_are_set_in_the_screen_and_shown_in_the_detail(new_file):
    from tom_audit.cli.main import main
    from tom_audit.tui.screens.providers import InheritDialog
    from tom_audit.tui.widgets.measure_detail import MeasureDetail

    main(["provider", "add", str(new_file), "--name", "Example Cloud", "--id", "cloud", "--country", "DE",
          "--certificate", "BSI C5 bis 2027-06-30"])
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p", "i")
        await pilot.pause()
        assert isinstance(app.screen, InheritDialog)
        await _type(pilot, "ENT-01, nope-99")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InheritDialog)  # unknown id: refused, nothing changed
        assert "nope-99" in str(app.screen.query_one(".dialog-error").render())
        app.screen.query_one("#pf-measures").value = ""
        await _type(pilot, "ENT-01")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "Deckt ab: ENT-01" in str(app.screen.query_one("#providers-detail").render())
        await pilot.press("escape")
        await settle(app, pilot)
        detail = str(app.screen.query_one(MeasureDetail).query_one("Static").render())
        assert "Abgedeckt durch Example Cloud – BSI C5 gültig bis 30.06.2027" in detail
    assert load_assessment(new_file).assessment.measures["ENT-01"].provider == "cloud"
