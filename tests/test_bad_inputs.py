"""A corpus of bad inputs, run through every command: each gets exit code 2 and a message
that names the file (and the line where there is one) and says what to do; never a
traceback; and the file itself is left exactly as it was."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tom_audit.cli.main import main

VALID_HEAD = 'format: "tom-audit/assessment"\nformat_version: 1\ncatalogue:\n  id: "tom-art32"\n  version: "2026.1"\n  sha256: "' + "0" * 64 + '"\n'


def _corpus(tmp: Path, catalogue_file: Path) -> dict[str, tuple[Path, int | None]]:
    """name -> (path, expected line or None)."""
    files: dict[str, tuple[Path, int | None]] = {}

    def put(name: str, content: bytes | str, line: int | None) -> None:
        path = tmp / f"{name}.tom.yaml"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        files[name] = (path, line)

    put("broken_yaml", VALID_HEAD + "measures:\n  ENT-01:\n    status: \"implemented\n    note: x\n", 9)
    put("bad_indent", VALID_HEAD + "measures:\n  ENT-01:\n      status: implemented\n    note: x\n", 10)
    put("wrong_type", VALID_HEAD + "measures:\n  ENT-01:\n    evidence: \"a file\"\n", 9)
    put("unknown_status", VALID_HEAD + "measures:\n  ENT-01:\n    status: done\n", 9)
    put("duplicate_key", VALID_HEAD + "measures:\n  ENT-01:\n    status: implemented\n  ENT-01:\n    status: planned\n", 10)
    put("bad_date", VALID_HEAD + "measures:\n  ENT-01:\n    gap:\n      due: 31.12.2026\n", 10)
    put("empty", "", None)
    put("only_spaces", "  \n\n", None)
    put("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(64), 3)
    put("latin1", VALID_HEAD + "organisation:\n  name: \"M\xfcller\"\n".replace("\xfc", "") + "x: \"\xe4\"\n", None)
    (tmp / "latin1.tom.yaml").write_bytes(VALID_HEAD.encode() + "x: \"Müller\"\n".encode("latin-1"))
    files["latin1"] = (tmp / "latin1.tom.yaml", 7)
    put("not_a_mapping", "- a\n- b\n", 1)
    put("no_format", "measures: {}\n", 1)
    put("foreign_yaml", "apiVersion: v1\nkind: Pod\nformat: kubernetes\n", 3)
    put("too_new", VALID_HEAD.replace("format_version: 1", "format_version: 99") + "measures: {}\n", 2)
    put("alias_bomb", VALID_HEAD + "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\nmeasures: {}\n", None)
    put("python_tag", VALID_HEAD + "x: !!python/object/apply:os.system [\"echo hi\"]\nmeasures: {}\n", 7)
    files["catalogue_instead"] = (catalogue_file, 3)
    files["missing"] = (tmp / "nope.tom.yaml", None)
    (tmp / "a_directory.tom.yaml").mkdir()
    files["directory"] = (tmp / "a_directory.tom.yaml", None)
    big = tmp / "big.tom.yaml"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    files["fifty_megabytes"] = (big, None)
    return files


@pytest.fixture
def corpus(tmp_path):
    from tests.conftest import BUNDLED_CATALOGUE

    return _corpus(tmp_path, BUNDLED_CATALOGUE)


# Well-formed assessments whose only fault is in their content: where a catalogue is read,
# the first thing said of them is that they are an assessment (line 1, the format line).
ASSESSMENT_ERRORS = {"wrong_type", "unknown_status", "bad_date", "too_new"}

GOOD = "GOOD"  # replaced by a valid assessment file where a command takes two
# a minimal valid OSCAL mapping-collection, for `catalogue map` given a bad catalogue
MAPPING = Path(__file__).resolve().parent / "data" / "iso-to-gspp-mapping.json"

COMMANDS = [
    ("open", lambda f: ["open", f]),
    ("status", lambda f: ["status", f]),
    ("validate", lambda f: ["validate", f]),
    ("set", lambda f: ["set", f, "ENT-01", "--status", "implemented"]),
    ("new_from_bad_catalogue", lambda f: ["new", "OUT.tom.yaml", "--catalogue", f]),
    ("new_from_bad_last_year", lambda f: ["new", "OUT.tom.yaml", "--from", f]),
    ("lint", lambda f: ["lint", f]),
    ("export", lambda f: ["export", f, "-o", "OUT.xlsx"]),
    ("diff_old", lambda f: ["diff", f, GOOD]),
    ("diff_new", lambda f: ["diff", GOOD, f]),
    ("approve", lambda f: ["approve", f, "--by", "DSB"]),
    ("import_review", lambda f: ["import-review", f, "review.xlsx"]),
    ("catalogue_show", lambda f: ["catalogue", "show", f]),
    ("catalogue_export", lambda f: ["catalogue", "export", f, "-o", "OUT.json"]),
    ("catalogue_map", lambda f: ["catalogue", "map", f, "MAPPING", "-o", "OUT.yaml"]),
    ("catalogue_import", lambda f: ["catalogue", "import", f, "-o", "OUT.yaml"]),
    ("catalogue_map_mapping", lambda f: ["catalogue", "map", "tom-art32", f, "-o", "OUT.yaml"]),
    ("export_oscal", lambda f: ["export", f, "-o", "OUT.oscal.json"]),
    ("export_soa", lambda f: ["export", f, "-o", "OUT.xlsx", "--soa", "iso27001"]),
]
# Commands that read catalogues: a catalogue is their right input, an assessment is not.
READS_CATALOGUE = {"new_from_bad_catalogue", "catalogue_show", "validate", "catalogue_export", "catalogue_map"}
# Commands that read third-party files (OSCAL, CISO Assistant): any tom-audit file is wrong there.
READS_FOREIGN = {"catalogue_import", "catalogue_map_mapping"}


@pytest.mark.parametrize("command", [c[0] for c in COMMANDS])
def test_every_command_rejects_every_bad_input_cleanly(command, corpus, tmp_path, capsys, monkeypatch, new_file):
    monkeypatch.chdir(tmp_path)
    build = dict(COMMANDS)[command]
    for name, (path, line) in corpus.items():
        if name == "catalogue_instead" and command in READS_CATALOGUE | {"set"}:
            continue  # valid where catalogues are read; set is covered by its own test below
        before = path.read_bytes() if path.is_file() and name != "fifty_megabytes" else None
        args = [a.replace("OUT", str(tmp_path / f"out-{name}")).replace(GOOD, str(new_file)).replace("MAPPING", str(MAPPING))
                for a in build(str(path))]
        code = main(args)
        err = capsys.readouterr().err
        assert code == 2, f"{command} {name}: exit {code}\n{err}"
        assert "Traceback" not in err, f"{command} {name}"
        assert path.name in err, f"{command} {name}: file not named in\n{err}"
        if command in READS_CATALOGUE - {"validate"} and name in ASSESSMENT_ERRORS:
            line = 1  # read as a catalogue, these are simply "an assessment, not a catalogue"
        if command in READS_FOREIGN and (name in ASSESSMENT_ERRORS or name in ("catalogue_instead", "foreign_yaml")):
            line = 1  # "already a tom-audit file" / "not a mapping"
        if line is not None:
            assert re.search(rf"{re.escape(path.name)}:{line}(:\d+)?:", err), f"{command} {name}: no line {line} in\n{err}"
        first = err.strip().splitlines()[0]
        assert len(first.split("Fehler:", 1)[-1]) > 40, f"{command} {name}: message too thin: {first}"
        if before is not None:
            assert path.read_bytes() == before, f"{command} {name} changed the file"
        assert not list(tmp_path.glob(f"out-{name}*")), f"{command} {name} left an output file"


def test_set_refuses_to_write_into_a_catalogue(corpus, capsys):
    path, _ = corpus["catalogue_instead"]
    before = path.read_bytes()
    assert main(["set", str(path), "ENT-01", "--status", "implemented"]) == 2
    assert "Katalog" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_an_unreadable_file_says_so(new_file, capsys, monkeypatch):
    # We run as root in CI, where chmod 000 does not stop reading: fail the open instead.
    import tom_audit.store.textfile as textfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(textfile, "open", refuse, raising=False)
    assert main(["status", str(new_file)]) == 2
    err = capsys.readouterr().err
    assert "assessment.tom.yaml" in err and "Leseberechtigung" in err


def test_all_problems_of_a_file_are_reported_at_once(new_file, capsys):
    text = new_file.read_text().replace(
        "measures: {}",
        "measures:\n  ENT-01:\n    status: done\n  ENT-02:\n    gap:\n      risk: huge\n      due: soon\n")
    new_file.write_text(text)
    assert main(["validate", str(new_file)]) == 2
    err = capsys.readouterr().err
    assert err.count("Fehler") == 3, err
    assert "done" in err and "huge" in err and "soon" in err


def test_unknown_measure_id_in_set_suggests_the_right_one(new_file, capsys):
    before = new_file.read_bytes()
    assert main(["set", str(new_file), "ENT-1", "--status", "implemented"]) == 2
    err = capsys.readouterr().err
    assert "ENT-1" in err and "ENT-01" in err and "catalogue show" in err
    assert new_file.read_bytes() == before


def test_messages_follow_the_language(new_file, capsys):
    new_file.write_text("")
    assert main(["--lang", "en", "status", str(new_file)]) == 2
    assert "The file is empty" in capsys.readouterr().err
    assert main(["status", str(new_file)]) == 2
    assert "Die Datei ist leer" in capsys.readouterr().err


def test_usage_errors_exit_2_without_traceback(cli):
    result = cli("set")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "usage" in result.stderr
