"""A corpus of bad inputs, run through every command: each gets exit code 2 and a message
that names the file (and the line where there is one) and says what to do; never a
traceback; and the file itself is left exactly as it was."""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import zipfile
from pathlib import Path

import pytest

from tom_audit.cli.main import main
from tom_audit.store.assessment_store import load_assessment

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
    # -- text that would break an output format or the terminal (issue 9, kind 2) --
    org = VALID_HEAD + "organisation:\n  name: {}\nmeasures: {{}}\n"
    put("control_char", org.format('"ACME\\x01"'), 8)  # the example
    put("raw_control_char", org.format('"AC\x07ME"'), 8)
    put("escape_sequence", org.format('"ACME\\e[2J\\e]0;pwned\\a"'), 8)
    put("c1_control", org.format('"ACME\\x9b2J"'), 8)
    put("nul_escape", VALID_HEAD + 'measures:\n  ENT-01:\n    note: "a\\0b"\n', 9)
    put("lone_surrogate", org.format('"Ma\\udcdfnahme"'), 8)
    put("noncharacter", org.format('"ACME\\uFFFE"'), 8)
    put("astral_noncharacter", org.format('"ACME\\U0010FFFF"'), 8)
    put("key_with_newline", VALID_HEAD + 'measures:\n  "ENT-01\\n":\n    status: "planned"\n', 8)
    put("key_with_escape", VALID_HEAD + 'measures:\n  "ENT-01\\e[2J":\n    status: "planned"\n', 8)
    # -- secrets (kind 7) --
    put("password_url", VALID_HEAD + 'measures:\n  ENT-01:\n    evidence:\n'
        '      - ref: "https://user:s3cret@wiki.example/x"\n', 10)
    put("password_url_plain", VALID_HEAD + 'measures:\n  ENT-01:\n    evidence: [{ref: https://u:p@h.example/x}]\n', 9)
    # -- encodings, line ends, formats --
    (tmp / "utf16.tom.yaml").write_bytes(b"\xff\xfe" + (VALID_HEAD + "measures: {}\n").encode("utf-16-le"))
    files["utf16"] = (tmp / "utf16.tom.yaml", 1)
    put("wrong_format_line", VALID_HEAD.replace("tom-audit/assessment", "tom-audit/assessmnt") + "measures: {}\n", 1)
    put("json_not_ours", '{"format": "tom-audit/assesment", "measures": {}}\n', 1)
    put("null_document", "~\n", 1)
    put("two_documents", VALID_HEAD + "measures: {}\n---\nx: 1\n", 8)
    put("tab_indent", VALID_HEAD + "measures:\n\tENT-01: {}\n", 8)
    put("yes_as_status", VALID_HEAD + "measures:\n  ENT-01:\n    status: yes\n", 9)
    put("measures_list", VALID_HEAD + "measures: [ENT-01, ENT-02]\n", 7)
    put("foreign_tag", VALID_HEAD + "x: !custom 1\nmeasures: {}\n", 7)
    put("binary_tag", VALID_HEAD + "x: !!binary aGk=\nmeasures: {}\n", 7)
    put("set_tag", VALID_HEAD + "x: !!set {a: null}\nmeasures: {}\n", 7)
    put("merge_key", VALID_HEAD + "base: &b {status: planned}\nmeasures:\n  ENT-01:\n    <<: *b\n", None)
    put("billion_laughs", VALID_HEAD + "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
        + "measures: {}\n", None)
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
ASSESSMENT_ERRORS = {"wrong_type", "unknown_status", "bad_date", "too_new", "control_char", "escape_sequence",
                     "c1_control", "nul_escape", "noncharacter", "astral_noncharacter",
                     "key_with_newline", "key_with_escape", "password_url", "password_url_plain", "yes_as_status",
                     "measures_list"}

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
    ("provider_add", lambda f: ["provider", "add", f, "--name", "Cloud", "--country", "DE"]),
    ("provider_set", lambda f: ["provider", "set", f, "cloud", "--service", "x"]),
    ("provider_list", lambda f: ["provider", "list", f]),
    ("provider_import", lambda f: ["provider", "import", f, "list.csv"]),
    ("provider_notice_old", lambda f: ["provider", "notice", GOOD, "--since", f, "-o", "OUT.md"]),
    ("provider_notice_new", lambda f: ["provider", "notice", f, "--since", GOOD, "-o", "OUT.md"]),
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
    assert "Traceback" not in result.stderr and "Aufruf" in result.stderr  # argparse speaks German too


# -- files that may be taken or refused, but never crash, hang or get half-changed -----------


class _Hang(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: int):
    """A hang is a failure: SIGALRM interrupts the command after `seconds`."""
    def alarm(signum, frame):
        raise _Hang(f"no answer after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _tolerated(tmp: Path, good: Path) -> dict[str, Path]:
    """Odd but possibly valid files, made from a good one: name -> path."""
    base = good.read_text(encoding="utf-8")
    files: dict[str, Path] = {}

    def put(name: str, content: bytes | str) -> None:
        path = tmp / f"{name}.tom.yaml"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        files[name] = path

    def measures(body: str) -> str:
        return base.replace("measures: {}", "measures:\n" + body)

    put("bom", b"\xef\xbb\xbf" + base.encode())
    put("crlf", base.replace("\n", "\r\n"))
    put("cr_only", base.replace("\n", "\r"))
    put("bidi_name", base.replace("Muster GmbH", "Muster \u202eHbmG\u202c GmbH"))
    put("emoji_and_cjk", base.replace("Muster GmbH", "Muster 😀 株式会社 \u200d\ufeff"))
    put("line_separator", base.replace("Muster GmbH", "Muster\u2028GmbH"))
    put("cr_escape", base.replace('"Muster GmbH"', '"Muster\\r\\nGmbH"'))
    put("huge_note", measures('  ENT-01:\n    status: "implemented"\n    note: "' + "Ä😀 " * 300_000 + '"\n'))
    put("long_key", base.replace("measures: {}", f"x{'k' * 20_000}: 1\nmeasures: {{}}"))
    put("deep_nesting", base.replace("measures: {}", "x: " + "[" * 400 + "]" * 400 + "\nmeasures: {}"))
    put("numeric_answer_keys", measures('  ENT-01:\n    answers: {1: 2, true: 3}\n'))
    put("numeric_measure_key", measures("  1: {}\n"))
    put("trailing_newline_id", measures('  "ENT-01\\n":\n    status: "planned"\n'))
    put("empty_key", measures('  "": {}\n'))
    put("scalar_alias", base.replace("measures: {}", "a: &x 1\nb: *x\nmeasures: {}"))
    put("impossible_date", measures('  ENT-01:\n    status: "planned"\n    gap:\n      due: "2026-02-30"\n'))
    put("format_version_text", base.replace("format_version: 1", 'format_version: "1"'))
    put("number_note", measures("  ENT-01:\n    note: 1.10\n    owner: null\n"))
    put("token_url", measures('  ENT-01:\n    evidence:\n      - ref: "https://wiki.example/x?access_token=abc"\n'))
    put("markdown_and_formula", measures(
        '  ENT-01:\n    status: "implemented"\n    note: "=HYPERLINK(\\"http://x\\") ![i](http://x/i.png) <script>|"\n'))
    put("unknown_measures", measures('  ZZZ-99:\n    status: "implemented"\n'))
    return files


# `open` with a file it takes starts the UI (tests/test_tui_*.py drive that).
TOLERANT_COMMANDS = [c for c in COMMANDS if c[0] not in ("import_review", "open")] + [
    ("export_md", lambda f: ["export", f, "-o", "OUT.md"]),
    ("export_json", lambda f: ["export", f, "-o", "OUT.json"]),
    ("lint_json", lambda f: ["lint", "--format", "json", f]),
]


@pytest.mark.parametrize("command", [c[0] for c in TOLERANT_COMMANDS])
def test_odd_files_are_taken_or_refused_never_crash(command, tmp_path, capsys, monkeypatch, new_file):
    """Exit 0, 1 (findings) or 2, never 3 and never a hang; a refused file is left as it
    was, and a file we wrote can be read again."""
    monkeypatch.chdir(tmp_path)
    build = dict(TOLERANT_COMMANDS)[command]
    for name, path in _tolerated(tmp_path, new_file).items():
        before = path.read_bytes()
        args = [a.replace("OUT", str(tmp_path / f"out-{name}")).replace(GOOD, str(new_file))
                for a in build(str(path))]
        with _time_limit(60):
            code = main(args)
        captured = capsys.readouterr()
        assert code in (0, 1, 2), f"{command} {name}: exit {code}\n{captured.err[-2000:]}"
        assert "Traceback" not in captured.err and "\x1b" not in captured.out + captured.err
        if code == 2:
            assert path.read_bytes() == before, f"{command} {name}: refused, yet the file changed"
        elif path.read_bytes() != before:
            with _time_limit(60):
                assert main(["validate", str(path)]) == 0, f"{command} {name}: wrote a file it cannot read"
            capsys.readouterr()


# -- command-line arguments --------------------------------------------------------------------

NOT_UTF8 = b"Ma\xdfnahme".decode("utf-8", "surrogateescape")  # $'Ma\xdfnahme' as Python receives it

ARGUMENTS = {
    "note_not_utf8": ["set", "F", "ENT-01", "--note", NOT_UTF8],
    "note_escape": ["set", "F", "ENT-01", "--note", "\x1b[2J\x1b]0;x\x07"],
    "note_nul": ["set", "F", "ENT-01", "--note", "a\x00b"],
    "note_huge": ["set", "F", "ENT-01", "--note", "x" * 1_000_000],
    "note_empty_na": ["set", "F", "ENT-01", "--status", "not_applicable", "--note", ""],
    "owner_c1": ["set", "F", "ENT-01", "--owner", "\x9b31m"],
    "by_noncharacter": ["set", "F", "ENT-01", "--by", "\uffff"],
    "by_bidi": ["set", "F", "ENT-01", "--status", "planned", "--by", "\u202eevil"],
    "measure_newline": ["set", "F", "ENT-01\n", "--status", "planned"],
    "measure_escape": ["set", "F", "\x1b[2JENT-01", "--status", "planned"],
    "measure_long": ["set", "F", "E" * 100_000, "--status", "planned"],
    "measure_empty": ["set", "F", "", "--status", "planned"],
    "answer_no_equals": ["set", "F", "ENT-01", "--answer", "nothing"],
    "answer_control": ["set", "F", "ENT-01", "--answer", "q=\x01"],
    "valid_until_impossible": ["set", "F", "ENT-01", "--evidence", "https://wiki.example/x",
                               "--valid-until", "2026-02-30"],
    "evidence_password": ["set", "F", "ENT-01", "--evidence", "https://user:s3cret@wiki.example/x"],
    "evidence_ftp_password": ["set", "F", "ENT-01", "--evidence", "ftp://admin:admin@files.example/a.pdf"],
    "evidence_missing_file": ["set", "F", "ENT-01", "--evidence", "no/such/file.pdf"],
    "evidence_directory": ["set", "F", "ENT-01", "--evidence", "."],
    "evidence_not_utf8_name": ["set", "F", "ENT-01", "--evidence", NOT_UTF8 + ".pdf"],
    "evidence_description_escape": ["set", "F", "ENT-01", "--evidence", "https://wiki.example/x",
                                    "--evidence-description", "\x1b[31mrot"],
    "lang_unknown": ["status", "F", "--lang", "xx"],
    "approve_by_escape": ["approve", "F", "--by", "DSB\x1b[2J"],
    "import_review_by_surrogate": ["import-review", "F", "WB", "--by", NOT_UTF8],
    "new_org_control": ["new", "NEW.tom.yaml", "--org", "ACME\x01"],
    "new_catalogue_surrogate": ["new", "NEW.tom.yaml", "--catalogue", NOT_UTF8],
    "new_catalogue_escape": ["new", "NEW.tom.yaml", "--catalogue", "\x1b[2J"],
    "export_since_escape": ["export", "F", "-o", "OUT.xlsx", "--since", "\x1b[2J.tom.yaml"],
    "catalogue_show_escape": ["catalogue", "show", "\x1b[2Jtom-art32"],
    "diff_not_utf8_path": ["diff", "F", NOT_UTF8 + ".tom.yaml"],
    "scc_module_superscript": ["provider", "add", "F", "--name", "X", "--country", "US", "--transfer", "scc",
                               "--scc-module", "\u00b2"],
    "agenda_days_beyond_calendar": ["agenda", "F", "--days", "99999999"],
    "annex_no_long": ["export", "F", "-o", "OUT.docx", "--annex-no", "7" * 400],
    "soa_controls_nul": ["export", "F", "-o", "OUT.xlsx", "--soa", "gspp", "--controls", "a\x00b"],
    "new_path_lone_surrogate": ["new", "\ud800.tom.yaml"],
    "confirm_na_path_nul": ["confirm-na", "a\x00b.tom.yaml", "--all"],
}


@pytest.mark.parametrize("name", list(ARGUMENTS))
def test_bad_arguments_are_refused_cleanly(name, new_file, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    from tom_audit.export import ExportOptions, export

    workbook = tmp_path / "review.xlsx"
    if "WB" in ARGUMENTS[name]:
        export(load_assessment(new_file), workbook, options=ExportOptions())
    before = new_file.read_bytes()
    args = [a.replace("F", str(new_file)) if a == "F" else a.replace("WB", str(workbook)) if a == "WB" else
            a.replace("NEW", str(tmp_path / "new")).replace("OUT", str(tmp_path / "out")) for a in ARGUMENTS[name]]
    with _time_limit(60):
        try:
            code = main(args)
        except SystemExit as stop:  # argparse's own usage errors
            code = stop.code
    captured = capsys.readouterr()
    assert code in (0, 2), f"{name}: exit {code}\n{captured.err[-2000:]}"
    assert "Traceback" not in captured.err
    for stream in (captured.out, captured.err):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", stream), f"{name}: raw control in {stream!r}"
        assert "s3cret" not in stream
    if code == 2:
        assert new_file.read_bytes() == before, f"{name}: refused, yet the file changed"
        assert not (tmp_path / "new.tom.yaml").exists() and not (tmp_path / "out.xlsx").exists()


# -- workbooks for import-review ---------------------------------------------------------------


def _workbooks(tmp: Path, good_book: Path) -> dict[str, Path]:
    from openpyxl import Workbook, load_workbook

    books: dict[str, Path] = {}

    def put(name: str, content: bytes) -> None:
        books[name] = tmp / f"{name}.xlsx"
        books[name].write_bytes(content)

    put("text_file", b"Kennung;Status\nENT-01;ok\n")
    put("empty", b"")
    put("truncated", good_book.read_bytes()[: good_book.stat().st_size // 2])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    put("zip_without_workbook", buffer.getvalue())
    other = Workbook()
    other.active.title = "Tabelle1"
    other.active["A1"] = "nothing here"
    path = tmp / "wrong_sheets.xlsx"
    other.save(path)
    books["wrong_sheets"] = path
    from tom_audit.export import review_layout as layout

    # C1 controls are legal XML 1.0, so a workbook can carry them into the cells read
    for name, column, value in (("csi_in_comment", "comment", "Bitte\x9b2J prüfen"),
                                ("nel_in_reviewer", "reviewer", "D\x85SB"),
                                ("c1_in_state", "review_state", "akzeptiert\x9d")):
        wb = load_workbook(good_book)
        ws = wb[layout.sheet_title("de")]
        ws[f"{layout.COLUMN[column].letter}{layout.FIRST_DATA_ROW}"].value = value
        books[name] = tmp / f"{name}.xlsx"
        wb.save(books[name])
    # a cell with an escaped control character, as Excel writes it (_x001B_)
    with zipfile.ZipFile(good_book) as source, zipfile.ZipFile(tmp / "escaped_control.xlsx", "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/sharedStrings.xml" or item.filename.startswith("xl/worksheets/"):
                data = data.replace(b">ENT-01<", b">ENT-01_x001B_[2J<", 1)
            target.writestr(item, data)
    books["escaped_control"] = tmp / "escaped_control.xlsx"
    (tmp / "folder.xlsx").mkdir()
    books["directory"] = tmp / "folder.xlsx"
    books["missing"] = tmp / "missing.xlsx"
    return books


def test_bad_workbooks_are_refused_cleanly(new_file, tmp_path, capsys):
    from tom_audit.export import ExportOptions, export

    good = tmp_path / "good.xlsx"
    export(load_assessment(new_file), good, options=ExportOptions())
    before = new_file.read_bytes()
    for name, book in _workbooks(tmp_path, good).items():
        with _time_limit(60):
            code = main(["import-review", str(new_file), str(book)])
        captured = capsys.readouterr()
        assert code in (0, 2), f"{name}: exit {code}\n{captured.err[-2000:]}"
        assert "Traceback" not in captured.err and "\x1b" not in captured.out + captured.err
        if name not in ("escaped_control",):
            assert code == 2 and book.name in captured.err, f"{name}: {code}\n{captured.err}"
        assert new_file.read_bytes() == before, f"{name}: the assessment changed"


def test_a_control_character_in_a_review_cell_names_the_cell(new_file, tmp_path, capsys):
    from openpyxl import load_workbook

    from tom_audit.export import ExportOptions, export
    from tom_audit.export import review_layout as layout

    book = tmp_path / "review.xlsx"
    export(load_assessment(new_file), book, options=ExportOptions())
    wb = load_workbook(book)
    ws = wb[layout.sheet_title("de")]
    letter = layout.COLUMN["comment"].letter
    row = layout.FIRST_DATA_ROW + 2
    ws[f"{letter}{row}"].value = "Bitte\x9b2J prüfen"  # CSI: legal in XML, a command to a terminal
    wb.save(book)
    before = new_file.read_bytes()
    assert main(["import-review", str(new_file), str(book)]) == 2
    err = capsys.readouterr().err
    assert f"review.xlsx:{row}:" in err and f"Zelle {letter}{row}" in err and "U+009B" in err, err
    assert new_file.read_bytes() == before
