"""Findings beside the measures, the DPO's review mode (`tom-audit review`), the sign-off, IT
staff seeing the objections first, and what happens when something unexpected goes wrong.
Driven with keys (Textual Pilot); every test re-reads the saved file."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from tom_audit.i18n import set_language
from tom_audit.logic.answers import Edit, record
from tom_audit.logic.review import set_review
from tom_audit.model.assessment import Evidence
from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.tui.app import TomAuditApp
from tom_audit.tui.screens.findings import FindingsScreen
from tom_audit.tui.screens.main import MainScreen
from tom_audit.tui.screens.review_dialogs import ApproveDialog, ReviewDialog
from tom_audit.tui.session import Session
from tom_audit.tui.widgets.category_list import CategoryList
from tom_audit.tui.widgets.measure_table import MeasureTable

SIZE = (120, 40)
TODAY = date.today().isoformat()
EVIDENCE = Evidence(ref="https://wiki.example.org/richtlinie", kind="policy", description="Richtlinie",
                    date=TODAY)
DPO = "Dr. Eva Schmidt"


def make_app(path: Path, *, mode: str = "normal", reviewer: str | None = None) -> TomAuditApp:
    app = TomAuditApp(Session.open(path, by="tester", reviewer=reviewer), watch_disk=False, mode=mode)
    app.lint_delay = 0  # lint at once after a change (still in its thread)
    return app


async def settle(app, pilot) -> None:
    """Let messages run, and the save and lint threads finish and report."""
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def table(app) -> MeasureTable:
    return app.screen.query_one(MeasureTable)


def detail_text(app) -> str:
    return str(app.screen.query_one("#detail-body").render())


def mark(app, measure_id: str) -> str:
    return table(app).get_cell(measure_id, "mark").plain


def saved(path: Path):
    return load_assessment(path).assessment


def prepare(path: Path, edits: dict[str, Edit], reviews: dict[str, tuple[str, str]] | None = None) -> None:
    """Answers (and the DPO's reviews) as someone left them before the UI opens."""
    loaded = load_assessment(path)
    assessment, catalogue = loaded.assessment, loaded.catalogue
    for measure_id, edit in edits.items():
        record(assessment, catalogue, measure_id, edit, by="it", at="2026-03-02T09:30:00+01:00")
    for measure_id, (state, comment) in (reviews or {}).items():
        set_review(assessment, measure_id, state, reviewer="Dr. Katrin Vogel", comment=comment, day="2026-03-05")
    save_assessment(path, assessment)


# -- findings in the normal UI ----------------------------------------------------------------


async def test_finding_marker_and_detail_in_both_languages(new_file, catalogue):
    prepare(new_file, {"ENT-01": Edit(status="implemented", note="Transponder seit 2021, Protokolle 90 Tage."),
                       "ENT-02": Edit(status="implemented", note="Meldeanlage mit Aufschaltung seit 2019.",
                                      add_evidence=[EVIDENCE])})
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert table(app).measure_id == "ENT-01"
        assert mark(app, "ENT-01") == "✔! "  # implemented, a warning, not reviewed
        assert mark(app, "ENT-02") == "✔  "
        text = detail_text(app)
        # the finding comes first, above the answer: message, hint and rule
        assert "TOM002" in text and "ohne jeden Nachweis" in text and "Richtlinie" in text
        assert text.index("TOM002") < text.index("Umgesetzt\n")
        summary = str(app.screen.query_one("#sb-findings").render())
        assert "!" in summary
        first_category = catalogue.categories[0].id
        assert app.screen.query_one(CategoryList).category_ids[0] == first_category
        await pilot.press("l")
        await pilot.pause()
        assert "without any evidence" in detail_text(app)
        # evidence fixes it: the marker goes once lint has run again (after the save)
        await pilot.press("l", "e")
        await pilot.pause()
        app.screen.query_one("#target").value = "https://wiki.example.org/zutritt"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert mark(app, "ENT-01") == "✔  "
        assert "TOM002" not in detail_text(app)
    assert saved(new_file).measures["ENT-01"].evidence[0].ref == "https://wiki.example.org/zutritt"


async def test_next_finding_and_the_findings_list(new_file, catalogue):
    third = catalogue.categories[2].id
    later = catalogue.measures_by_category[third][1].id
    prepare(new_file, {"ENT-03": Edit(status="implemented", note="Kameras an allen Zugängen seit 2020."),
                       later: Edit(status="partial", note="Für 40 von 55 Systemen umgesetzt.")})
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert table(app).measure_id == "ENT-03"
        await pilot.press("exclamation_mark")  # on to the next category that has one
        await pilot.pause()
        assert table(app).measure_id == later
        assert app.screen.query_one(CategoryList).category_id == third
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, FindingsScreen)
        findings = app.screen.findings
        assert any(f.measure_id is None and f.category_id is None for f in findings)  # the whole assessment
        assert any(f.measure_id is None and f.category_id for f in findings)  # a category as a whole
        assert app.screen.highlighted().measure_id == later  # starts at the selected measure
        index = next(i for i, f in enumerate(findings) if f.measure_id == "ENT-03")
        app.screen.query_one("#findings-table").move_cursor(row=index)
        await pilot.pause()
        assert "TOM002" in str(app.screen.query_one("#findings-detail").render())
        await pilot.press("l")  # the list follows the language
        await pilot.pause()
        assert app.screen.query_one("#findings-table").columns["finding"].label.plain == "Finding"
        assert "without any evidence" in str(app.screen.query_one("#findings-detail").render())
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert table(app).measure_id == "ENT-03"
        await pilot.press("1")  # the keys work on the measure gone to
        await settle(app, pilot)
    assert saved(new_file).measures["ENT-03"].status == "implemented"


async def test_lint_runs_in_a_thread_after_each_save(new_file, monkeypatch):
    threads = []
    original = Session.lint

    def spy(self, data, today=None):
        threads.append(threading.current_thread())
        return original(self, data, today)

    monkeypatch.setattr(Session, "lint", spy)
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert len(threads) == 1
        await pilot.press("1")
        await settle(app, pilot)
        assert len(threads) == 2
        assert "ENT-01" in app.session.findings_by_measure
    assert threads and all(t is not threading.main_thread() for t in threads)


# -- review mode ------------------------------------------------------------------------------


async def test_review_mode_accept_reject_question_and_undo(new_file):
    prepare(new_file, {"ENT-01": Edit(status="implemented", note="Transponder seit 2021, Protokolle 90 Tage.",
                                      add_evidence=[EVIDENCE]),
                       "ENT-02": Edit(status="implemented", note="Meldeanlage seit 2019, Aufschaltung 24/7."),
                       "ENT-04": Edit(status="implemented", note="Schränke mit Zylinderschloss seit 2018.",
                                      add_evidence=[EVIDENCE])})
    app = make_app(new_file, mode="review", reviewer=DPO)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert screen.filter == "review"
        ids = table(app).measure_ids
        assert ids[0] == "ENT-02" and ids.index("ENT-01") > ids.index("ENT-02")  # findings first
        assert table(app).measure_id == "ENT-02"
        assert "Prüfung: offen" in detail_text(app)
        # the answer keys are the IT staff's: here 1 does nothing
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("r")  # rejected asks for a comment
        await pilot.pause()
        assert isinstance(app.screen, ReviewDialog)
        await pilot.press("enter")  # none: refused
        await pilot.pause()
        assert isinstance(app.screen, ReviewDialog)
        assert "fehlt" in str(app.screen.query_one(".dialog-error").render())
        await pilot.press(*"Bitte den Prüfbericht der Meldeanlage anhängen.")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert mark(app, "ENT-02")[2] == "✗"
        next_id = table(app).measure_id
        assert next_id != "ENT-02"  # on to the next one not reviewed
        await pilot.press("a")
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        app.screen.query_one("#review-comment").value = "Gilt das auch für das Lager?"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        questioned = [m for m in table(app).measure_ids if app.session.review_state(m) == "question"]
        assert len(questioned) == 1
        text_after = saved(new_file).measures
        assert text_after["ENT-02"].review.state == "rejected"
        assert text_after[next_id].review.state == "accepted"
        await pilot.press("ctrl+z")  # the question is taken back
        await settle(app, pilot)
        assert table(app).measure_id == questioned[0]
    measures = saved(new_file).measures
    rejected = measures["ENT-02"].review
    assert (rejected.state, rejected.reviewer, rejected.date, rejected.comment) == (
        "rejected", DPO, TODAY, "Bitte den Prüfbericht der Meldeanlage anhängen.")
    accepted = measures[next_id].review
    assert (accepted.state, accepted.reviewer, accepted.date, accepted.comment) == ("accepted", DPO, TODAY, "")
    assert questioned[0] not in measures or measures[questioned[0]].review is None
    assert measures["ENT-02"].status == "implemented"  # reviewing changes no answer
    assert measures["ENT-02"].changed.by == "it"


async def test_review_mode_walks_the_objections_list(new_file):
    prepare(new_file, {}, {"ENT-03": ("question", "Welche Kameras?"), "ENT-06": ("rejected", "Liste fehlt."),
                           "ACC-01": ("question", "Auch für Dienstkonten?")})
    app = make_app(new_file, mode="review", reviewer=DPO)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f", "f", "f")
        await pilot.pause()
        assert app.screen.filter == "objections"
        assert table(app).measure_ids == ["ENT-06", "ENT-03", "ACC-01"]
        assert "Beanstandet" in table(app).columns["title"].label.plain
        await pilot.press("a")  # leaves the list; the question that took its row is next
        await settle(app, pilot)
        assert app.screen.filter == "objections"
        assert table(app).measure_ids == ["ENT-03", "ACC-01"] and table(app).measure_id == "ENT-03"
        await pilot.press("a", "a")
        await settle(app, pilot)
        # the list is done: on to the next measure nobody has reviewed, in its category
        assert app.screen.filter == "all" and app.session.review_state(table(app).measure_id) == "open"
        await pilot.press("f")  # back to the DPO's walk; a search from there looks everywhere
        await pilot.pause()
        assert app.screen.filter == "review"
        await pilot.press("slash", *"Transponder")
        await pilot.pause()
        assert app.screen.filter == "all" and "ENT-01" in table(app).measure_ids
    measures = saved(new_file).measures
    assert [measures[m].review.state for m in ("ENT-06", "ENT-03", "ACC-01")] == ["accepted"] * 3


async def test_review_mode_enter_opens_the_form_with_every_state(new_file):
    prepare(new_file, {}, {"ENT-01": ("question", "Welche Räume?")})
    app = make_app(new_file, mode="review", reviewer=DPO)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.screen.go_to("ENT-01")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewDialog)
        assert app.screen.query_one("#review-comment").value == "Welche Räume?"
        assert app.screen.query_one("#review--question").value
        await pilot.click("#review--accepted")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    review = saved(new_file).measures["ENT-01"].review
    assert (review.state, review.reviewer, review.comment) == ("accepted", DPO, "Welche Räume?")


async def test_approve_refused_with_objections_then_given(new_file):
    prepare(new_file, {"ENT-01": Edit(status="implemented", note="Transponder seit 2021, Protokolle 90 Tage.",
                                      add_evidence=[EVIDENCE])},
            {"ENT-01": ("rejected", "Protokolldauer belegen.")})
    app = make_app(new_file, mode="review", reviewer=DPO)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ApproveDialog)
        assert app.screen.query_one("#approve-version").value == "1.0"
        blockers = " ".join(str(w.render()) for w in app.screen.query(".approve-blocker"))
        assert "1 Maßnahmen sind abgelehnt: ENT-01." in blockers  # the checklist, one line per blocker
        assert "Angaben für die Anlage fehlen" in blockers
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ApproveDialog)  # refused, and says why
        error = str(app.screen.query_one(".dialog-error").render())
        assert "Nicht freigegeben" in error and "offene Punkte" in error
        await pilot.press("escape")
        await settle(app, pilot)
        assert saved(new_file).approval is None
        app.screen.go_to("ENT-01")
        await pilot.pause()
        await pilot.press("a", "A")
        await settle(app, pilot)
        assert isinstance(app.screen, ApproveDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ApproveDialog)  # ENT-01 accepted, but the rest is still open
        app.screen.query_one("#approve-force").value = True
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert "Freigabe 1.0" in str(app.screen.query_one("#sb-approval").render())
        approval = saved(new_file).approval
        assert (approval.version, approval.by, approval.date) == ("1.0", DPO, TODAY)
        assert approval.forced and any(item.startswith("metadata_missing: ") for item in approval.open_items)
        await pilot.press("ctrl+z")  # the approval is taken back like any change
        await settle(app, pilot)
        assert saved(new_file).approval is None
        await pilot.press("A")
        await pilot.pause()
        app.screen.query_one("#approve-force").value = True
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    data = saved(new_file)
    assert data.approval.version == "1.0" and data.approval.sha256
    assert data.measures["ENT-01"].review.state == "accepted"


async def test_review_keys_in_footer_help_and_palette(new_file):
    from tom_audit.tui.commands import ScreenActions
    from tom_audit.tui.screens.help import HelpScreen

    app = make_app(new_file, mode="review", reviewer=DPO)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        footer = {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}
        assert {"akzeptieren", "ablehnen", "Rückfrage", "Prüfen", "nächster Befund"} <= footer
        assert "umgesetzt" not in footer and "Nachweis" not in footer
        texts = [str(hit.display) async for hit in ScreenActions(app.screen).discover()]
        assert any("Freigeben" in t for t in texts) and not any("Nachweis" in t for t in texts)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.query_one("#help-keys")
        actions = " ".join(str(rows.get_row_at(i)[1]) for i in range(rows.row_count))
        assert "akzeptieren" in actions and "Freigeben" in actions and "Liste der Befunde" in actions
        assert "‼" in str(app.screen.query_one("#help-legend").render())


# -- IT staff: the objections first -----------------------------------------------------------


async def test_normal_mode_shows_objections_first_with_the_comment(new_file, catalogue):
    late = catalogue.measures_by_category[catalogue.categories[3].id][0].id
    prepare(new_file, {late: Edit(status="partial", note="Für 40 von 55 Systemen umgesetzt."),
                       "ENT-01": Edit(status="implemented", note="Transponder seit 2021.", add_evidence=[EVIDENCE])},
            {"ENT-01": ("question", "Wer pflegt die Transponderliste?"),
             late: ("rejected", "Bitte die restlichen 15 Systeme mit Termin benennen."),
             "ENT-02": ("accepted", "")})
    app = make_app(new_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.screen.filter == "objections"
        assert table(app).measure_ids == [late, "ENT-01"]  # rejected first, then questions
        assert table(app).measure_id == late
        text = detail_text(app)
        assert "abgelehnt" in text and "Bitte die restlichen 15 Systeme mit Termin benennen." in text
        assert text.index("Bitte die restlichen") < text.index("Teilweise")
        assert any("Beanstandungen" in str(n.message) for n in app._notifications)
        await pilot.press("g")  # IT staff answer the objection: a gap plan
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#gap-description").value = "15 Altsysteme"
        dialog.query_one("#gap-action").value = "Migration"
        dialog.query_one("#gap-owner").value = "IT-Betrieb"
        dialog.query_one("#gap-due").value = "2027-03-31"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        # answered: the verdict no longer matches the answer ("changed since review"), the DPO's turn
        assert table(app).measure_ids == ["ENT-01"]
        assert app.screen.session.review_state(late) == "changed"
        await pilot.press("f", "f")  # findings, then all: the category of the measure
        await pilot.pause()
        assert app.screen.filter == "all"
        app.screen.go_to(late)
        await pilot.pause()
        assert app.screen.query_one(CategoryList).category_id == catalogue.categories[3].id
        assert table(app).measure_id == late
        assert "seit Prüfung geändert" in detail_text(app) and "damals: abgelehnt" in detail_text(app)
        await pilot.press("f", "f", "f", "f")  # back to the objections; a click on a category leaves them
        await pilot.pause()
        assert app.screen.filter == "objections" and app.screen.query_one(CategoryList).category_id is None
        await pilot.click("#categories", offset=(2, 1))
        await pilot.pause()
        assert app.screen.filter == "all"
        assert app.screen.query_one(CategoryList).category_id == catalogue.categories[1].id
        assert table(app).measure_ids == [m.id for m in catalogue.measures_by_category[catalogue.categories[1].id]]
    data = saved(new_file)
    assert data.measures[late].gap.action == "Migration"
    assert data.measures[late].review.comment == "Bitte die restlichen 15 Systeme mit Termin benennen."


# -- the command line and the unexpected ------------------------------------------------------


def test_review_command_on_a_bad_file_exits_2(tmp_path, capsys):
    from tom_audit.cli.main import main

    bad = tmp_path / "kaputt.tom.yaml"
    bad.write_text("format: tom-audit/assessment\nformat_version: 1\nmeasures: [\n", encoding="utf-8")
    assert main(["review", str(bad), "--by", DPO]) == 2
    review_err = capsys.readouterr().err
    assert main(["validate", str(bad)]) == 2
    assert review_err == capsys.readouterr().err  # the CLI's own message, word for word
    assert "kaputt.tom.yaml:" in review_err and "Traceback" not in review_err
    assert main(["review", str(tmp_path / "fehlt.tom.yaml")]) == 2
    assert "fehlt.tom.yaml" in capsys.readouterr().err


def _crash_in_an_action(monkeypatch):
    """`!` records a change (not yet saved) and then fails, as a bug of ours would."""

    def boom(self):
        self.session.record(self.current_id(), Edit(status="partial"))
        raise RuntimeError("kaputt im Befund-Sprung")

    monkeypatch.setattr(MainScreen, "action_next_finding", boom)


async def test_crash_in_an_action_saves_the_work_and_ends_with_3(new_file, monkeypatch):
    _crash_in_an_action(monkeypatch)
    app = make_app(new_file)
    with pytest.raises(RuntimeError, match="kaputt"):  # what run_test hands on to a test
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            await pilot.press("exclamation_mark")
            await pilot.pause()
    assert app.return_code == 3
    assert isinstance(app.crash, RuntimeError) and app.rescued == new_file
    assert saved(new_file).measures["ENT-01"].status == "partial"


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "TOM_AUDIT_DEBUG"])
def test_run_app_crash_prints_our_message_not_a_traceback(new_file, monkeypatch, capsys, debug):
    from tom_audit.tui import run_app

    _crash_in_an_action(monkeypatch)
    if debug:
        monkeypatch.setenv("TOM_AUDIT_DEBUG", "1")
    run = TomAuditApp.run

    def headless(self, **kwargs):
        async def press(pilot):
            await pilot.pause()
            await pilot.press("exclamation_mark")

        return run(self, headless=True, size=SIZE, auto_pilot=press)

    monkeypatch.setattr(TomAuditApp, "run", headless)
    monkeypatch.setattr("tom_audit.tui.has_terminal", lambda: True)  # headless stands in for one
    assert run_app(new_file, mode="review", reviewer=DPO) == 3
    err = capsys.readouterr().err
    assert "interner Fehler (RuntimeError: kaputt im Befund-Sprung)" in err
    assert "assessment.tom.yaml gespeichert" in err
    assert ("Traceback" in err) is debug
    assert saved(new_file).measures["ENT-01"].status == "partial"
    set_language("de")


# -- the session's rules, without a terminal ---------------------------------------------------


def test_session_review_approve_and_undo(new_file):
    prepare(new_file, {"ENT-01": Edit(status="implemented", note="Transponder seit 2021.", add_evidence=[EVIDENCE])})
    session = Session.open(new_file, by="it", reviewer=DPO)
    before = session.answer("ENT-01")
    session.set_review("ENT-01", "rejected", "Bitte Protokolldauer nennen.")
    assert before.review is None  # a save thread's snapshot keeps the answer it took
    assert session.objections() == ["ENT-01"]
    with pytest.raises(Exception):
        session.approve(DPO)  # refused by the core while objections are open
    assert session.assessment.approval is None and len(session.undo_stack) == 1
    session.set_review("ENT-01", "accepted")
    approval = session.approve(DPO, force=True)  # the rest of the checklist is still open
    assert (approval.version, approval.by) == ("1.0", DPO) and session.approval_state() == "approved"
    assert session.undo() == ":approval" and session.assessment.approval is None
    assert session.undo() == "ENT-01" and session.review_state("ENT-01") == "rejected"
    assert session.undo() == "ENT-01" and session.answer("ENT-01").review is None
    session.set_review("ENT-02", "question", "?")  # a measure not answered yet
    assert session.undo() == "ENT-02" and "ENT-02" not in session.assessment.measures


def test_session_work_lists_and_the_evidence_hash_cache(new_file, tmp_path, monkeypatch):
    prepare(new_file, {"ENT-05": Edit(status="implemented", note="Schlüsselbuch seit 2019."),
                       "ENT-02": Edit(status="implemented", note="Meldeanlage seit 2019.",
                                      add_evidence=[Evidence(ref="doc.txt", kind="policy", sha256="0" * 64)])},
            {"ENT-03": ("question", "?"), "ENT-06": ("rejected", "!")})
    (new_file.parent / "doc.txt").write_text("Richtlinie", encoding="utf-8")
    session = Session.open(new_file)
    reads = []
    from tom_audit.logic import lint as lint_module

    real = lint_module.file_sha
    monkeypatch.setattr(lint_module, "file_sha", lambda path: reads.append(path) or real(path))
    session.set_findings(session.lint(session.prepare_save()[1]))
    session.set_findings(session.lint(session.prepare_save()[1]))
    assert len(reads) == 1  # an unchanged evidence file is hashed once
    assert "TOM006" in {f.rule for f in session.findings_by_measure["ENT-02"]}
    walk = [m.id for m in session.review_walk()]
    flagged = [m for m in walk if m in session.findings_by_measure]
    assert walk[:len(flagged)] == flagged and {"ENT-02", "ENT-05"} <= set(flagged)
    assert [m.id for m in session.queue("objections")] == ["ENT-06", "ENT-03"]
    assert [m.id for m in session.queue("findings")] == flagged
    assert session.next_finding("ENT-02").id == "ENT-05"
