"""Hostile and careless use of the commands that arrived with the big merge (providers,
agenda, catalogue interop, annex options): each case is one example of a kind of fault,
run in-process. Exit codes 0/1/2 only, no traceback, a refused change leaves every file
byte-identical, and nothing typed reaches the terminal as an escape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tom_audit.cli.main import main

MAPPING = Path(__file__).resolve().parent / "data" / "iso-to-gspp-mapping.json"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _run(args, capsys):
    try:
        code = main(args)
    except SystemExit as stop:
        code = stop.code
    out = capsys.readouterr()
    assert code in (0, 1, 2), f"{args!r}: exit {code}\n{out.err[-1500:]}"
    assert "Traceback" not in out.err and "interner Fehler" not in out.err, out.err[-1500:]
    assert not RAW.search(out.out + out.err), f"raw control in {out.out + out.err!r}"
    return code, out


# -- a path the OS cannot take (NUL, lone surrogate) is an input error, not a crash ----------

UNUSABLE = ["a\x00b.tom.yaml", "\ud800.tom.yaml"]
PATH_COMMANDS = {
    "agenda_file": lambda f, p: ["agenda", p],
    "agenda_ics": lambda f, p: ["agenda", f, "-o", p + ".ics"],
    "confirm_na": lambda f, p: ["confirm-na", p, "--all"],
    "setup": lambda f, p: ["setup", p, "--org", "X"],
    "provider_list": lambda f, p: ["provider", "list", p],
    "notice_since": lambda f, p: ["provider", "notice", f, "--since", p, "-o", "n.md"],
    "new": lambda f, p: ["new", p, "--org", "X"],
    "new_from": lambda f, p: ["new", "n.tom.yaml", "--from", p],
    "export_out": lambda f, p: ["export", f, "-o", p + ".pdf"],
    "export_since": lambda f, p: ["export", f, "-o", "o.xlsx", "--since", p],
    "soa_controls": lambda f, p: ["export", f, "-o", "o.xlsx", "--soa", "gspp", "--controls", p],
    "catalogue_export": lambda f, p: ["catalogue", "export", "tom-art32", "-o", p],
    "catalogue_map_out": lambda f, p: ["catalogue", "map", "tom-art32", str(MAPPING), "-o", p],
}


@pytest.mark.parametrize("command", list(PATH_COMMANDS))
@pytest.mark.parametrize("bad", UNUSABLE, ids=["nul", "surrogate"])
def test_a_path_the_os_cannot_take_is_refused_with_exit_2(command, bad, new_file, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = new_file.read_bytes()
    code, out = _run(PATH_COMMANDS[command](str(new_file), bad), capsys)
    assert code == 2
    assert "Null-Zeichen" in out.err  # says what is wrong with the name
    assert new_file.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock") == [new_file.name]


# -- outputs never overwrite an assessment, its backup or its lock ---------------------------


@pytest.mark.parametrize("target", ["assessment", "backup", "lock", "symlink"])
@pytest.mark.parametrize("command", ["catalogue_map", "catalogue_import", "provider_notice"])
def test_no_output_overwrites_an_assessment(command, target, new_file, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["set", str(new_file), "ENT-01", "--status", "planned"]) == 0  # makes the .bak
    lock = new_file.with_name(new_file.name + ".lock")
    lock.write_text("pid 1\n")
    link = tmp_path / "link.md"
    link.symlink_to(new_file)
    out = {"assessment": new_file, "backup": new_file.with_name(new_file.name + ".bak"), "lock": lock,
           "symlink": link}[target]
    oscal = tmp_path / "cat.json"
    assert main(["catalogue", "export", "tom-art32", "-o", str(oscal)]) == 0
    capsys.readouterr()
    files = {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file() and not p.is_symlink()}
    args = {"catalogue_map": ["catalogue", "map", "tom-art32", str(MAPPING), "-o", str(out)],
            "catalogue_import": ["catalogue", "import", str(oscal), "-o", str(out)],
            "provider_notice": ["provider", "notice", str(new_file), "--since", str(new_file), "-o", str(out)]}[command]
    code, captured = _run(args, capsys)
    assert code == 2, captured.out
    assert out.name in captured.err or out.resolve().name in captured.err
    for path, data in files.items():
        assert path.read_bytes() == data, f"{path.name} changed"
    assert not list(tmp_path.glob("*.bak.bak")) and not list(tmp_path.glob("*.lock.bak"))


# -- numbers: Unicode digits, values beyond the calendar ------------------------------------


def test_superscript_digit_as_scc_module_is_refused(new_file, capsys):
    before = new_file.read_bytes()
    code, out = _run(["provider", "add", str(new_file), "--name", "X", "--country", "US", "--transfer", "scc",
                      "--scc-module", "²"], capsys)
    assert code == 2 and "--scc-module" in out.err
    assert new_file.read_bytes() == before


@pytest.mark.parametrize("days", ["99999999", "9" * 400])
def test_agenda_horizon_beyond_the_calendar_shows_everything(days, new_file, tmp_path, capsys):
    main(["set", str(new_file), "ENT-01", "--evidence", "https://wiki.example/x", "--valid-until", "9999-12-31"])
    capsys.readouterr()
    code, out = _run(["agenda", str(new_file), "--days", days, "--json"], capsys)
    assert code == 0 and "9999-12-31" in out.out
    code, _ = _run(["agenda", str(new_file), "--days", days, "-o", str(tmp_path / "a.ics")], capsys)
    assert code == 0


def test_natural_sort_of_control_ids_takes_unicode_digits():
    from tom_audit.interop import mapping, soa

    for key in (soa._key, mapping._natural):
        assert sorted(["A.²", "A.10", "A.2"], key=key) == ["A.2", "A.10", "A.²"]


# -- the longest annex number or contract is clipped in the Word properties, not a crash ------


@pytest.mark.parametrize("option", ["--annex-no", "--contract"])
def test_long_cover_values_reach_the_word_annex(option, new_file, tmp_path, capsys):
    import docx

    from tom_audit.export.annex_model import ANNEX_NO_MAX, CONTRACT_MAX

    out = tmp_path / "annex.docx"
    value = "7" * (ANNEX_NO_MAX if option == "--annex-no" else CONTRACT_MAX)  # longer ones are refused
    code, _ = _run(["export", str(new_file), "-o", str(out), option, value], capsys)
    assert code == 0
    document = docx.Document(str(out))
    body = "\n".join(p.text for p in document.paragraphs)
    assert value in body  # the document says all of it
    assert len(document.core_properties.title) <= 255 and len(document.core_properties.subject) <= 255


def test_a_long_organisation_name_reaches_the_word_annex(tmp_path, capsys):
    import docx

    path = tmp_path / "long.tom.yaml"
    assert main(["new", str(path), "--org", "Sehr lange GmbH " * 30]) == 0
    out = tmp_path / "annex.docx"
    code, _ = _run(["export", str(path), "-o", str(out)], capsys)
    assert code == 0
    assert docx.Document(str(out)).core_properties.author.endswith("…")


# -- provider lists: a cell is text from outside like any argument ---------------------------


@pytest.mark.parametrize("cell, where", [("\x1b[2JEvil", "liste.csv:3:1:"), ("A\x9b31m", "liste.csv:3:1:")])
def test_a_refused_character_in_a_provider_list_cell_names_row_and_column(cell, where, new_file, tmp_path, capsys):
    listing = tmp_path / "liste.csv"
    listing.write_text(f"Name;Leistung;Land\nGut;Hosting;DE\n{cell};x;DE\n", encoding="utf-8")
    before = new_file.read_bytes()
    code, out = _run(["provider", "import", str(new_file), str(listing)], capsys)
    assert code == 2 and where in out.err
    assert new_file.read_bytes() == before
    assert main(["status", str(new_file)]) == 0  # and the file still loads


def test_an_unclosed_quote_in_a_provider_list_is_refused(new_file, tmp_path, capsys):
    listing = tmp_path / "liste.csv"
    listing.write_text('Name;Leistung;Land\n"Cloud;Hosting;DE\n', encoding="utf-8")
    before = new_file.read_bytes()
    code, out = _run(["provider", "import", str(new_file), str(listing)], capsys)
    assert code == 2 and "liste.csv:2" in out.err
    assert new_file.read_bytes() == before


def test_a_long_provider_list_merges_every_row_once(new_file, tmp_path, capsys):
    from tom_audit.store.assessment_store import load_assessment

    listing = tmp_path / "liste.csv"
    listing.write_text("Name;Leistung;Land\n" + "".join(f"P{i};x;DE\n" for i in range(2000)), encoding="utf-8")
    assert main(["provider", "add", str(new_file), "--name", "P7", "--country", "DE"]) == 0
    code, _ = _run(["provider", "import", str(new_file), str(listing)], capsys)
    assert code == 0
    providers = load_assessment(new_file).assessment.providers
    assert len(providers) == 2000 and len({p.id for p in providers}) == 2000
    assert [p.service for p in providers if p.name == "P7"] == ["x"]


# -- foreign JSON that Python's parser itself gives up on ----------------------------------


@pytest.mark.parametrize("text", [
    '{"catalog": ' + '[' * 5000 + ']' * 5000 + '}',
    '{"catalog": ' + '{"a":' * 5000 + '1' + '}' * 5000 + '}',
    '{"catalog": {"uuid": "x", "metadata": {"title": "T", "version": ' + "9" * 5000 + '}}}',
], ids=["deep_list", "deep_object", "huge_number"])
@pytest.mark.parametrize("command", ["import", "map", "soa"])
def test_foreign_json_beyond_the_parser_is_an_input_error(text, command, new_file, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "fremd.json"
    source.write_text(text)
    args = {"import": ["catalogue", "import", str(source), "-o", "c.yaml"],
            "map": ["catalogue", "map", "tom-art32", str(source), "-o", "m.yaml"],
            "soa": ["export", str(new_file), "-o", "s.xlsx", "--soa", "gspp", "--controls", str(source)]}[command]
    code, out = _run(args, capsys)
    assert code == 2 and "fremd.json:1:" in out.err
    assert not list(tmp_path.glob("[cms].*"))


# -- an output never takes the place of the command's own input ------------------------------


@pytest.mark.parametrize("case", ["export_onto_catalogue", "export_through_symlink", "map_onto_mapping",
                                  "map_onto_catalogue"])
def test_an_output_never_replaces_its_own_input(case, tmp_path, capsys, monkeypatch):
    import shutil

    from tests.conftest import BUNDLED_CATALOGUE

    monkeypatch.chdir(tmp_path)
    catalogue = tmp_path / "katalog.yaml"
    shutil.copy(BUNDLED_CATALOGUE, catalogue)
    mapping = tmp_path / "zuordnung.json"
    shutil.copy(MAPPING, mapping)
    (tmp_path / "link.json").symlink_to(catalogue)
    args = {"export_onto_catalogue": ["catalogue", "export", str(catalogue), "-o", str(catalogue)],
            "export_through_symlink": ["catalogue", "export", str(catalogue), "-o", "link.json"],
            "map_onto_mapping": ["catalogue", "map", str(catalogue), str(mapping), "-o", str(mapping)],
            "map_onto_catalogue": ["catalogue", "map", str(catalogue), str(mapping), "-o", str(catalogue)]}[case]
    before = {p: p.read_bytes() for p in (catalogue, mapping)}
    code, out = _run(args, capsys)
    assert code == 2 and "dieselbe Datei" in out.err
    assert {p: p.read_bytes() for p in (catalogue, mapping)} == before
    assert not list(tmp_path.glob("*.bak"))


def test_the_bundled_catalogue_is_never_an_output(tmp_path, capsys):
    from tests.conftest import BUNDLED_CATALOGUE

    before = BUNDLED_CATALOGUE.read_bytes()
    code, _ = _run(["catalogue", "export", "tom-art32", "-o", str(BUNDLED_CATALOGUE)], capsys)
    assert code == 2 and BUNDLED_CATALOGUE.read_bytes() == before


# -- a change that changes nothing is not recorded as one ------------------------------------


def test_confirm_without_anything_carried_over_is_refused(new_file, capsys):
    assert main(["set", str(new_file), "ENT-01", "--status", "implemented", "--note", "Transponder"]) == 0
    capsys.readouterr()
    before = new_file.read_bytes()
    code, out = _run(["set", str(new_file), "ENT-01", "--confirm"], capsys)
    assert code == 2 and "ENT-01" in out.err and "new --from" in out.err
    assert new_file.read_bytes() == before
    code, _ = _run(["set", str(new_file), "ENT-01", "--confirm", "--owner", "IT"], capsys)
    assert code == 0  # with a real change, --confirm is harmless
