"""`tom-audit export`: which format is written, which options go with it, and the annex
number and contract line, which the document prints on one line.

The rule the user sees: the format comes from --format or OUT's extension, and both given
must agree; an extension that names no format needs --format; an option that has no effect
on the format written is refused (exit 2) naming the option and the formats it works in; a
refused command writes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from tom_audit.cli.main import main
from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.store.creating import create_assessment

# What the user is told an option works in (the help texts say the same).
WORKS_IN = {
    "--contract": ("pdf", "docx"),
    "--annex-no": ("pdf", "docx"),
    "--dpo-signature": ("pdf", "docx"),
    "--annex": ("pdf", "docx"),
    "--since": ("xlsx", "md", "json"),
    "--include-planned": ("xlsx", "md", "json", "pdf", "docx"),
    "--no-evidence": ("xlsx", "md", "json", "pdf", "docx"),
    "--controls": ("soa",),
}
LABELS = {"xlsx": "Excel-Arbeitsmappe (.xlsx)", "md": "Markdown (.md)", "json": "JSON (.json)", "pdf": "PDF (.pdf)",
          "docx": "Word (.docx)", "oscal": "OSCAL (.oscal.json)", "soa": "Erklärung zur Anwendbarkeit (--soa)"}
# how a user asks for each output
OUTPUT_ARGS = {"xlsx": ["-o", "OUT.xlsx"], "md": ["-o", "OUT.md"], "json": ["-o", "OUT.json"],
               "pdf": ["-o", "OUT.pdf"], "docx": ["-o", "OUT.docx"], "oscal": ["-o", "OUT.oscal.json"],
               "soa": ["-o", "OUT.xlsx", "--soa", "iso27001"]}


def option_args(option: str, folder: Path, assessment: Path) -> list[str]:
    value = {"--contract": "zum AVV vom 01.03.2026", "--annex-no": "2", "--annex": "both",
             "--since": str(assessment), "--controls": str(folder / "controls.json")}.get(option)
    return [option] if value is None else [option, value]


def export(args: list[str], folder: Path, capsys) -> tuple[int, str]:
    code = main(["export", *[a.replace("OUT", str(folder / "out")) for a in args]])
    return code, capsys.readouterr().err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def refused_cleanly(code: int, err: str, folder: Path, before: dict[str, bytes]) -> None:
    """Exit 2, a message, no traceback; no file written, every file byte-identical."""
    assert code == 2, err
    assert "Traceback" not in err and "interner Fehler" not in err
    assert snapshot(folder) == before


@pytest.fixture
def alone(tmp_path):
    """An assessment in a folder of its own, so any file written would show."""
    folder = tmp_path / "work"
    folder.mkdir()
    path = folder / "a.tom.yaml"
    create_assessment(path, "tom-art32", "Muster GmbH", "de")
    loaded = load_assessment(path)  # no sub-processor, as it said: the list may say "none"
    loaded.assessment.scoping["sub_processors"] = False
    save_assessment(path, loaded.assessment)
    return folder, path


# -- an option without effect on the format written ----------------------------------------

MISPLACED = [(option, output) for option, outputs in WORKS_IN.items() for output in OUTPUT_ARGS
             if output not in outputs]


@pytest.mark.parametrize(("option", "output"), MISPLACED, ids=[f"{o}-{f}" for o, f in MISPLACED])
def test_an_option_without_effect_on_the_format_is_refused(option, output, alone, capsys):
    folder, path = alone
    before = snapshot(folder)
    code, err = export([str(path), *OUTPUT_ARGS[output], *option_args(option, folder, path)], folder, capsys)
    refused_cleanly(code, err, folder, before)
    assert f"{option}: Fehler: Diese Option wirkt nur in diesen Ausgaben:" in err
    assert all(LABELS[works] in err for works in WORKS_IN[option]), err
    assert f"wird als {LABELS[output]} geschrieben" in err
    assert f"Lassen Sie {option} weg" in err


def test_every_misplaced_option_is_named_at_once(alone, capsys):
    folder, path = alone
    before = snapshot(folder)
    code, err = export([str(path), "-o", "OUT.xlsx", "--contract", "AVV", "--annex-no", "2", "--dpo-signature"],
                       folder, capsys)
    refused_cleanly(code, err, folder, before)
    assert [line.split(":")[0] for line in err.splitlines()] == ["--contract", "--annex-no", "--dpo-signature"]


@pytest.mark.parametrize("option", ["--include-planned", "--no-evidence"])
@pytest.mark.parametrize("suffix", ["pdf", "docx"])
def test_options_on_measures_are_refused_for_the_subprocessor_list_alone(option, suffix, alone, capsys):
    folder, path = alone
    before = snapshot(folder)
    code, err = export([str(path), "-o", f"OUT.{suffix}", "--annex", "subprocessors", option], folder, capsys)
    refused_cleanly(code, err, folder, before)
    assert f"{option}: Fehler:" in err and "--annex subprocessors" in err and "--annex both" in err


def test_annex_tom_counts_as_given(alone, capsys):
    """`--annex tom -o x.xlsx` could be read as "only the TOM": the workbook holds both lists."""
    folder, path = alone
    before = snapshot(folder)
    code, err = export([str(path), "-o", "OUT.xlsx", "--annex", "tom"], folder, capsys)
    refused_cleanly(code, err, folder, before)
    assert "--annex: Fehler:" in err


def test_the_message_speaks_english_too(alone, capsys):
    folder, path = alone
    code, err = export(["--lang", "en", str(path), "-o", "OUT.md", "--contract", "AVV"], folder, capsys)
    assert code == 2
    assert "--contract: error: This option has an effect only on these outputs: PDF (.pdf), Word (.docx)" in err
    assert "is written as Markdown (.md)" in err


@pytest.mark.slow
@pytest.mark.parametrize(("args", "check"), [
    (["-o", "OUT.pdf", "--contract", "zum AVV", "--annex-no", "2", "--dpo-signature", "--include-planned",
      "--no-evidence"], lambda data: data.startswith(b"%PDF")),
    (["-o", "OUT.docx", "--annex", "both", "--no-evidence"], lambda data: data.startswith(b"PK")),
    (["-o", "OUT.pdf", "--annex", "subprocessors", "--contract", "zum AVV", "--dpo-signature"],
     lambda data: data.startswith(b"%PDF")),
    (["-o", "OUT.md", "--since", "SELF", "--include-planned", "--no-evidence"], lambda data: b"# " in data),
    (["-o", "OUT.json", "--since", "SELF"], lambda data: b'"changes"' in data),
])
def test_options_that_apply_are_taken(args, check, alone, capsys):
    folder, path = alone
    code, err = export([str(path), *[str(path) if a == "SELF" else a for a in args]], folder, capsys)
    assert code == 0, err
    written = [p for p in folder.iterdir() if p.name.startswith("out.")]
    assert len(written) == 1 and check(written[0].read_bytes())


# -- --format and OUT's extension --------------------------------------------------------------

EXTENSIONS = {"xlsx": ".xlsx", "md": ".md", "json": ".json", "pdf": ".pdf", "docx": ".docx", "oscal": ".oscal.json"}
CONFLICTS = [(fmt, named) for fmt in EXTENSIONS for named in EXTENSIONS
             if fmt != named and (fmt, named) != ("oscal", "json")]


@pytest.mark.parametrize(("fmt", "named"), CONFLICTS, ids=[f"{f}-as-{n}" for f, n in CONFLICTS])
def test_format_and_extension_that_disagree_are_refused(fmt, named, alone, capsys):
    """`--format pdf -o x.xlsx` wrote a PDF into a file named .xlsx."""
    folder, path = alone
    before = snapshot(folder)
    code, err = export([str(path), "-o", f"OUT{EXTENSIONS[named]}", "--format", fmt], folder, capsys)
    refused_cleanly(code, err, folder, before)
    assert f"out{EXTENSIONS[named]}: Fehler: --format {fmt} passt nicht zur Endung {EXTENSIONS[named]}" in err
    assert LABELS[named] in err


@pytest.mark.parametrize("name", ["anlage.pdff", "anlage", "anlage.xls", "anlage.pdf.bak", "anlage.txt"])
def test_an_extension_that_names_no_format_is_refused_without_format(name, alone, capsys):
    """`-o anlage.pdff` silently wrote an Excel workbook."""
    folder, path = alone
    before = snapshot(folder)
    code, err = export([str(path), "-o", str(folder / name)], folder, capsys)
    refused_cleanly(code, err, folder, before)
    assert f"{name}: Fehler: Aus dem Namen der Ausgabedatei geht kein Format hervor" in err
    assert all(ext in err for ext in (".xlsx", ".pdf", ".docx", ".md", ".json", ".oscal.json")) and "--format" in err


@pytest.mark.slow
def test_an_unknown_extension_with_format_is_written_in_that_format(alone, capsys):
    folder, path = alone
    code, err = export([str(path), "-o", str(folder / "anlage.pdff"), "--format", "pdf"], folder, capsys)
    assert code == 0, err
    assert (folder / "anlage.pdff").read_bytes().startswith(b"%PDF")


def test_oscal_may_be_written_to_a_json_file_and_extensions_ignore_case(alone, capsys):
    folder, path = alone
    code, err = export([str(path), "-o", "OUT.json", "--format", "oscal"], folder, capsys)
    assert code == 0, err
    assert b"assessment-results" in (folder / "out.json").read_bytes()
    code, err = export([str(path), "-o", str(folder / "ANLAGE.MD")], folder, capsys)
    assert code == 0, err
    assert (folder / "ANLAGE.MD").read_bytes().startswith(b"# ")


@pytest.mark.parametrize("args", [["-o", "OUT.xlsx", "--format", "pdf"], ["-o", "OUT.pdf"],
                                  ["-o", "OUT.oscal.json"], ["-o", "OUT.pdf", "--format", "xlsx"],
                                  ["-o", "OUT.soa", "--format", "md"]])
def test_soa_is_only_a_workbook(args, alone, capsys):
    folder, path = alone
    before = snapshot(folder)
    code, err = export([str(path), *args, "--soa", "iso27001"], folder, capsys)
    refused_cleanly(code, err, folder, before)
    assert "Fehler:" in err


def test_soa_with_format_xlsx_may_have_any_name(alone, capsys):
    folder, path = alone
    code, err = export([str(path), "-o", "OUT.soa", "--format", "xlsx", "--soa", "iso27001"], folder, capsys)
    assert code == 0, err
    assert (folder / "out.soa").read_bytes().startswith(b"PK")


# -- --annex-no and --contract ---------------------------------------------------------------------

@pytest.mark.parametrize(("value", "said"), [
    ("2\n3", "U+000A an Stelle 2"),  # gave a two-line "Anlage 2 / 3" header
    ("2\t3", "U+0009 an Stelle 2"),
    ("7" * 11, "11 Zeichen lang; höchstens 10"),
    ("7" * 240, "240 Zeichen lang; höchstens 10"),
    ("2/3", '"/" (U+002F) an Stelle 2'),
    ("Anlage 2", "U+0020 an Stelle 7"),
    ("2_a", '"_" (U+005F) an Stelle 2'),
    ("2\x1b[2J", "U+001B"),
])
def test_an_annex_number_is_a_short_label(value, said, alone, capsys):
    folder, path = alone
    before = snapshot(folder)
    code, err = export([str(path), "-o", "OUT.pdf", "--annex-no", value], folder, capsys)
    refused_cleanly(code, err, folder, before)
    assert err.startswith("--annex-no: Fehler:") and said in err, err
    assert len(err.strip().splitlines()) == 1  # one paragraph


@pytest.mark.parametrize(("value", "said"), [
    ("zum Vertrag\nvom 01.03.2026", "U+000A an Stelle 12"),
    ("zum\u2028Vertrag", "U+2028"),
    ("zum\tVertrag", "U+0009"),
    ("x" * 301, "301 Zeichen lang; höchstens 300"),
    ("zum \x85Vertrag", "U+0085"),
])
def test_the_contract_is_one_line_of_sane_length(value, said, alone, capsys):
    folder, path = alone
    before = snapshot(folder)
    code, err = export([str(path), "-o", "OUT.docx", "--contract", value], folder, capsys)
    refused_cleanly(code, err, folder, before)
    assert err.startswith("--contract: Fehler:") and said in err, err


def test_help_names_the_limits():
    from tom_audit.export.annex_model import ANNEX_NO_MAX, CONTRACT_MAX
    from tom_audit.i18n import tr

    for lang in ("de", "en"):
        assert str(ANNEX_NO_MAX) in tr("annex.cli.annex_no", lang)
        assert str(CONTRACT_MAX) in tr("annex.cli.contract", lang)


@pytest.mark.slow
def test_annex_numbers_that_are_labels_reach_the_document(alone, capsys):
    folder, path = alone
    for number in ("2", "2a", "3.1", "IV", "A-1", " 4 ", "1234567890"):
        out = folder / "out.docx"
        code, err = export([str(path), "-o", str(out), "--annex-no", number, "--contract", "x" * 300],
                           folder, capsys)
        assert code == 0, err
        header = Document(str(out)).sections[0].header.paragraphs[0].text
        assert header.startswith(f"Anlage {number.strip()} · "), header
