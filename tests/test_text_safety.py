"""Text that could break an output format, leak a secret or steer a terminal (issue 9,
kinds 2, 7 and 10): refused or cleaned where it enters, and sanitised in every export."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from tom_audit import text_rules
from tom_audit.cli.main import main
from tom_audit.export import ExportOptions, render
from tom_audit.export.content import build
from tom_audit.export.markdown import md_cell, md_text
from tom_audit.export.text import cell_text, safe_text, sheet_name
from tom_audit.logic.answers import Edit, record
from tom_audit.logic.lint import lint
from tom_audit.model.assessment import Evidence, Gap, Review
from tom_audit.problems import InputError
from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.store.yaml_emit import quote

OPTIONS = ExportOptions(today=date(2026, 11, 21), exported_on=datetime(2026, 11, 21, 9, 30, tzinfo=timezone.utc))


def _with_org(path, name_yaml: str) -> None:
    """Put `name_yaml` (YAML source of a scalar) as the organisation name of the file."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"organisation:\n  name: .*\n", lambda _: f"organisation:\n  name: {name_yaml}\n", text, count=1)
    if "organisation:\n  name:" not in text:
        text = text.replace("organisation: {}", f"organisation:\n  name: {name_yaml}")
    path.write_text(text, encoding="utf-8")


# -- kind 2: where text enters -------------------------------------------------------------


def test_the_issues_control_character_in_the_name_is_refused_at_its_line(new_file, capsys):
    _with_org(new_file, '"ACME\\x01"')
    before = new_file.read_bytes()
    for command in (["validate"], ["status"], ["export", "-o", str(new_file.with_suffix(".xlsx"))]):
        assert main([command[0], str(new_file), *command[1:]]) == 2
        err = capsys.readouterr().err
        line = before.decode().splitlines().index('  name: "ACME\\x01"') + 1
        assert re.search(rf"assessment\.tom\.yaml:{line}:\d+: Fehler: .*U\+0001", err), err
        assert "Traceback" not in err
    assert new_file.read_bytes() == before
    assert not new_file.with_suffix(".xlsx").exists()


@pytest.mark.parametrize("scalar,kind", [
    ('"ACME\\x1b[2J"', "Steuerzeichen U+001B"),
    ('"ACME\\u0085"', "Steuerzeichen U+0085"),  # C1: NEL
    ('"ACME\\x9b"', "Steuerzeichen U+009B"),  # C1: CSI
    ('"ACME\\uFFFE"', "Nichtzeichen U+FFFE"),
    ('"ACME\\uFDD0"', "Nichtzeichen U+FDD0"),
    ('"ACME\\U0001FFFF"', "Nichtzeichen U+1FFFF"),
    ('"ACME\\ud800"', "Ungültiges Zeichen U+D800"),
])
def test_every_refused_class_is_refused_in_files(new_file, capsys, scalar, kind):
    _with_org(new_file, scalar)
    assert main(["validate", str(new_file)]) == 2
    err = capsys.readouterr().err
    assert kind in err and re.search(r"assessment\.tom\.yaml:\d+:\d+:", err), err


def test_a_raw_control_character_is_refused_at_its_column(new_file, capsys):
    _with_org(new_file, '"AC\x07ME"')
    assert main(["validate", str(new_file)]) == 2
    err = capsys.readouterr().err
    assert "U+0007" in err and "Stelle 3 " in err and re.search(r"assessment\.tom\.yaml:\d+:12:", err), err


def test_tab_newline_bidi_and_emoji_are_kept_and_cr_becomes_lf(new_file, capsys):
    _with_org(new_file, '"A\\tB\\r\\nC \\u202eD 😀 \\u2028"')
    assert main(["validate", str(new_file)]) == 0
    assert load_assessment(new_file).assessment.organisation.name == "A\tB\nC \u202eD 😀 \u2028"


def test_keys_are_checked_too(new_file, capsys):
    text = new_file.read_text(encoding="utf-8").replace("measures: {}", 'measures:\n  "ENT-01\\x00":\n    status: "planned"')
    new_file.write_text(text, encoding="utf-8")
    assert main(["validate", str(new_file)]) == 2
    assert "U+0000" in capsys.readouterr().err


def test_a_catalogue_with_a_control_character_is_refused(tmp_path, capsys):
    from tests.conftest import BUNDLED_CATALOGUE

    text = BUNDLED_CATALOGUE.read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace('de: "TOM-Katalog nach Art. 32 DSGVO"', 'de: "TOM-Katalog\\e[31m"', 1),
                   encoding="utf-8")
    assert main(["catalogue", "show", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "U+001B" in err and "bad.yaml:" in err


def test_the_issues_latin1_argument_is_refused_naming_the_option(new_file, capsys):
    before = new_file.read_bytes()
    note = b"Ma\xdfnahme".decode("utf-8", "surrogateescape")  # how Python hands over $'Ma\xdfnahme'
    assert main(["set", str(new_file), "ENT-01", "--note", note]) == 2
    err = capsys.readouterr().err
    assert err.startswith("--note: Fehler: Ungültiges Zeichen U+DCDF"), err
    assert "UTF-8" in err
    assert new_file.read_bytes() == before


@pytest.mark.parametrize("args,option", [
    (["--owner", "Max\x1b[2J"], "--owner"),
    (["--answer", "q=\x00"], "--answer"),
    (["--evidence-description", "x\x85", "--evidence", "https://wiki.example/x"], "--evidence-description"),
    (["--by", "\ufffe"], "--by"),
])
def test_every_text_argument_is_checked(new_file, capsys, args, option):
    before = new_file.read_bytes()
    assert main(["set", str(new_file), "ENT-01", *args]) == 2
    assert capsys.readouterr().err.startswith(f"{option}: Fehler:")
    assert new_file.read_bytes() == before


def test_cr_lf_in_an_argument_is_stored_as_lf(new_file):
    assert main(["set", str(new_file), "ENT-01", "--note", "Zeile 1\r\nZeile 2\rZeile 3"]) == 0
    assert load_assessment(new_file).assessment.measures["ENT-01"].note == "Zeile 1\nZeile 2\nZeile 3"


def test_new_org_argument_is_checked(tmp_path, capsys):
    out = tmp_path / "n.tom.yaml"
    assert main(["new", str(out), "--org", "ACME\x01"]) == 2
    assert "--org: Fehler" in capsys.readouterr().err
    assert not out.exists()


def test_text_typed_in_the_ui_is_cleaned():
    assert text_rules.clean_typed("a\r\nb\x1b[2J\x00c\ufffe\ud800\td") == "a\nb[2Jc\ufffd\td"


# -- kind 2: the one sanitiser of every export -------------------------------------------------


def test_safe_text_keeps_good_text_and_replaces_what_no_format_carries():
    good = "Müller & Söhne <GmbH> \t\n 😀 \u202e مرحبا"
    assert safe_text(good) == good
    assert safe_text("a\x01b\x7fc\x85d\ud800e\uffff") == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffd"
    assert safe_text("a\r\nb\rc") == "a\nb\nc"
    assert safe_text("a\n\tb\u2028c", line=True) == "a b c"
    assert safe_text(None) == ""


@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=40))
@settings(max_examples=400, deadline=None)
def test_safe_text_takes_out_every_unsafe_character_and_nothing_else(text):
    # the sanitiser skips its search for printable text: both paths must agree
    from tom_audit.export.text import _UNSAFE

    out = safe_text(text)
    assert not _UNSAFE.search(out) and "\r" not in out
    if not _UNSAFE.search(text) and "\r" not in text:
        assert out == text
    assert safe_text(text, line=True) == safe_text(out, line=True)
    assert not re.search("[\t\n\u2028\u2029]", safe_text(text, line=True))


def test_sheet_names_follow_excels_rules():
    assert sheet_name("Q1/Q2: [alt]*?\\") == "Q1-Q2- -alt----"
    assert len(sheet_name("x" * 40)) == 31
    assert sheet_name("'quoted'") == "quoted"


def test_cell_text_counts_utf16_units():
    cut = cell_text("😀" * 20000)  # 40,000 UTF-16 code units
    assert len(cut.encode("utf-16-le")) // 2 <= 32767 and cut.endswith("…")
    assert cell_text("😀" * 16383) == "😀" * 16383  # 32,766 units: fits


def _hostile_loaded(new_file, catalogue, text: str, url: str = "https://wiki.example/x"):
    """An assessment whose every user field holds `text`, made in code (not through the
    loader), to test the exporters' own defence."""
    loaded = load_assessment(new_file)
    a = loaded.assessment
    a.organisation.name = a.organisation.address = a.organisation.contact = text
    a.scope.service = a.scope.responsible = text
    record(a, catalogue, "ENT-01", Edit(status="implemented", note=text, owner=text,
                                       add_evidence=[Evidence(ref=url + text, kind="other", description=text)]))
    record(a, catalogue, "ENT-02", Edit(status="not_implemented", note=text, gap=Gap(
        description=text, risk="high", action=text, owner=text, due="2026-01-01")))
    a.measures["ENT-02"].review = Review(state="question", reviewer=text, date="2026-11-01", comment=text)
    return loaded


def _assert_well_formed(loaded, text: str) -> None:
    for lang in ("de", "en"):
        content = build(loaded, lang, OPTIONS)
        book = render(content, "xlsx")
        with zipfile.ZipFile(io.BytesIO(book)) as archive:
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    ElementTree.fromstring(archive.read(name))  # raises if not well-formed
        wb = load_workbook(io.BytesIO(book))
        assert wb.sheetnames
        markdown = render(content, "md").decode("utf-8")
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", markdown)
        document = json.loads(render(content, "json").decode("utf-8"))
        assert document["assessment"]["organisation"]["name"] == safe_text(text)


HOSTILE = "=ACME\x01\x1b[2J\x85\x9b\ud800\udcdf\ufffe\uffff\U0010FFFF\u202e<b>&amp;]]>\r\n|*[x](y)![i](j)"


def test_the_issues_examples_export_to_well_formed_files(new_file, catalogue):
    _assert_well_formed(_hostile_loaded(new_file, catalogue, HOSTILE), HOSTILE)


# Every character class the loader might meet, weighted towards the dangerous ones.
_TEXT = st.text(st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list("\x00\x01\t\n\r\x1b\x7f\x85\x9b\u2028\u202e\u2066\ufeff\ufffe\uffff\U0001fffe&<>]|*_[")),
), max_size=40)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT)
def test_any_text_the_loader_accepts_exports_to_well_formed_files(new_file, catalogue, text):
    """The property of issue 9: text goes into a file as the emitter would write it; if the
    loader takes the file, every format is well-formed and JSON holds the text as loaded."""
    source = new_file.read_text(encoding="utf-8")
    path = new_file.with_name("prop.tom.yaml")
    field = quote(text)
    path.write_text(source.replace("measures: {}", f"measures:\n  ENT-01:\n    status: \"implemented\"\n"
                                                  f"    note: {field}\n    owner: {field}"), encoding="utf-8")
    _with_org(path, field)
    try:
        loaded = load_assessment(path)
    except InputError:
        assert text_rules.REFUSED.search(text.replace("\r", "")), f"refused without a reason: {text!r}"
        return
    assert not text_rules.REFUSED.search(loaded.assessment.organisation.name)
    _assert_well_formed(loaded, loaded.assessment.organisation.name)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.characters(), min_size=1, max_size=30))
def test_any_text_in_the_model_exports_to_well_formed_files(new_file, catalogue, text):
    """The exporters' own defence, for text that never went through the loader (other
    tools, future importers): any code point, lone surrogates included."""
    _assert_well_formed(_hostile_loaded(new_file, catalogue, text), text)


# -- kind 7: secrets and control sequences --------------------------------------------------


def test_the_issues_password_url_is_refused_at_entry(new_file, capsys):
    before = new_file.read_bytes()
    assert main(["set", str(new_file), "ENT-01", "--evidence", "https://user:s3cret@wiki.example/x"]) == 2
    err = capsys.readouterr().err
    assert "Passwort entfernen" in err and "s3cret" not in err
    assert new_file.read_bytes() == before


def test_a_password_url_in_the_file_is_refused_at_its_line(new_file, capsys):
    text = new_file.read_text(encoding="utf-8").replace("measures: {}", (
        'measures:\n  ENT-01:\n    status: "implemented"\n    evidence:\n'
        '      - ref: "https://user:s3cret@wiki.example/x"\n'))
    new_file.write_text(text, encoding="utf-8")
    line = text.splitlines().index('      - ref: "https://user:s3cret@wiki.example/x"') + 1
    for command in ("validate", "status", "lint"):
        assert main([command, str(new_file)]) == 2
        err = capsys.readouterr().err
        assert f"assessment.tom.yaml:{line}:" in err and "Passwort" in err, err


@pytest.mark.parametrize("url", [
    "https://wiki.example/x?access_token=abc", "https://s3.example/b?X-Amz-Signature=ff&x=1",
    "https://blob.example/c?sv=2020&sig=abc", "https://api.example/d?key=123", "https://x.example/#token=1",
])
def test_token_parameters_warn_at_entry_and_in_lint(new_file, capsys, url):
    assert main(["set", str(new_file), "ENT-01", "--status", "implemented", "--evidence", url]) == 0
    err = capsys.readouterr().err
    assert "--evidence: Warnung" in err and "Token" in err
    assert main(["lint", str(new_file)]) in (0, 1)
    out = capsys.readouterr().out
    assert "[TOM056]" in out
    secret = re.search(r"(?:access_token|Signature|sig|key|token)=([^&]+)", url).group(1)
    assert f"={secret}" not in out  # the token's value is not printed


def test_a_url_without_token_gives_no_warning(new_file, capsys):
    assert main(["set", str(new_file), "ENT-01", "--evidence", "https://wiki.example/x?page=2&keyword=a"]) == 0
    assert "Warnung" not in capsys.readouterr().err


def test_lint_reports_a_password_url_made_in_code(new_file, catalogue):
    loaded = load_assessment(new_file)
    record(loaded.assessment, catalogue, "ENT-01", Edit(add_evidence=[Evidence(ref="https://u:p@h.example/x")]))
    findings = lint(catalogue, loaded.assessment, today=date(2026, 11, 21))
    assert any(f.rule == "TOM057" and f.severity == "error" for f in findings)


def test_the_issues_escape_sequence_is_shown_escaped_by_status(new_file, capsys):
    # What can still reach a terminal after the entry checks: bidi controls (accepted, for
    # right-to-left names) and file names (which are not ours to refuse): both shown escaped.
    loaded = load_assessment(new_file)
    loaded.assessment.organisation.name = "ACME \u202eHbmG\u202c"
    odd = new_file.with_name("a\x1b[2J\x1b]0;pwned\x07.tom.yaml")
    save_assessment(odd, loaded.assessment)
    capsys.readouterr()
    for command in (["status", str(odd)], ["diff", str(odd), str(new_file)], ["lint", str(odd)],
                    ["validate", str(odd)], ["status", str(odd) + "-missing"]):
        main(command)
        captured = capsys.readouterr()
        for stream in (captured.out, captured.err):
            assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream, command
    main(["status", str(odd)])
    assert "ACME \\u202eHbmG\\u202c" in capsys.readouterr().out


def test_terminal_text_escapes_controls_bidi_and_surrogates():
    assert text_rules.terminal_text("a\x1b[2Jb\u202ec\udcdf\td\ne\x9b") == \
        "a\\u001b[2Jb\\u202ec\\udcdf\td\ne\\u009b"
    assert text_rules.terminal_text("Müller 😀") == "Müller 😀"


def test_every_cli_line_is_escaped(new_file, capsys, monkeypatch):
    # whatever a command prints, through any path: a problem, a table, a plain print
    import tom_audit.cli.cmd_status as status

    def noisy(args):
        print("out\x1b[31m\u2066")
        import sys
        print("err\x9b2J", file=sys.stderr)
        return 0

    monkeypatch.setattr(status, "run", noisy)
    assert main(["status", str(new_file)]) == 0
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err and "\x9b" not in captured.err


def test_markdown_escapes_links_images_html_and_tables():
    cell = md_cell("![img](https://evil.example/x.png) [click](javascript:x) <script>a|b</script> **b** `c`")
    assert "](" not in cell.replace("\\](", "")
    assert "<script>" not in cell and "&lt;script&gt;" in cell
    assert "a\\|b" in cell and "\\*\\*b\\*\\*" in cell and "\\`c\\`" in cell
    assert md_text("# Überschrift") == "\\# Überschrift"
    assert md_text("1. Punkt") == "1\\. Punkt"
    assert md_cell("a\nb") == "a<br>b"


# -- kind 10: silent loss ------------------------------------------------------------------


def test_a_note_longer_than_a_cell_is_reported_on_export_and_in_lint(new_file, capsys, tmp_path):
    note = "Ä😀" * 11000  # 33,000 UTF-16 code units
    assert main(["set", str(new_file), "ENT-01", "--status", "implemented", "--note", note]) == 0
    capsys.readouterr()
    assert main(["export", str(new_file), "-o", str(tmp_path / "a.xlsx")]) == 0
    err = capsys.readouterr().err
    assert err.count("ENT-01: Die Notiz ist länger als eine Excel-Zelle") == 1, err
    assert "33000" in err
    main(["lint", "--format", "json", str(new_file)])
    findings = json.loads(capsys.readouterr().out)
    rows = findings["findings"] if isinstance(findings, dict) else findings
    assert any(f["rule"] == "TOM055" and f["measure"] == "ENT-01" for f in rows)
    # Markdown and JSON keep the whole text
    assert main(["export", str(new_file), "-o", str(tmp_path / "a.json")]) == 0
    assert "länger" not in capsys.readouterr().err
    assert note in (tmp_path / "a.json").read_text(encoding="utf-8")


def test_a_note_that_fits_is_not_reported(new_file, capsys, tmp_path):
    assert main(["set", str(new_file), "ENT-01", "--status", "implemented", "--note", "x" * 32000]) == 0
    capsys.readouterr()
    assert main(["export", str(new_file), "-o", str(tmp_path / "a.xlsx")]) == 0
    assert "Excel-Zelle" not in capsys.readouterr().err


def test_as_a_process_non_utf8_argv_and_escapes_in_output(new_file):
    """The issue's two examples end to end, as a shell runs them: argv bytes that are not
    UTF-8, and a file whose organisation name holds a screen-clearing escape."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "LC_ALL": "C.UTF-8"}
    before = new_file.read_bytes()
    run = subprocess.run([sys.executable, "-m", "tom_audit", "set", str(new_file), "ENT-01", "--note",
                          b"Ma\xdfnahme"], capture_output=True, env=env, timeout=60)
    assert run.returncode == 2 and b"--note" in run.stderr and b"Traceback" not in run.stderr
    assert new_file.read_bytes() == before
    odd = new_file.with_name("a\x1b[2J.tom.yaml")
    new_file.rename(odd)
    run = subprocess.run([sys.executable, "-m", "tom_audit", "status", str(odd)], capture_output=True,
                         env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert b"\x1b" not in run.stdout + run.stderr and b"a\\u001b[2J.tom.yaml" in run.stdout


def test_a_complex_key_with_a_line_break_is_refused(new_file, capsys):
    text = new_file.read_text(encoding="utf-8").replace("measures: {}", "measures:\n  ? |\n    ENT-01\n    x\n  : {}")
    new_file.write_text(text, encoding="utf-8")
    assert main(["validate", str(new_file)]) == 2
    assert "U+000A" in capsys.readouterr().err
