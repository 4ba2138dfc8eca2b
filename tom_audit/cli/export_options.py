"""What `tom-audit export` writes, and which of its options apply to that: one rule for
every combination, checked before anything is read or written.

- The output: `--format` if given, else what OUT's extension names (`named_format`). Both
  given, they must agree; OUT's extension naming no format needs `--format`. `--soa` writes a
  workbook, so it takes xlsx only.
- An option has an effect only on the outputs `APPLIES_TO` lists for it; given for any other,
  it is refused (exit 2), naming the option and the outputs it applies to. An option counts
  as given when it differs from its default (`--annex` has none: `--annex tom` is given too).
- `--contract` and `--annex-no` are printed as one line of the document: their text is
  checked here (`text_rules.check_line`), `--annex-no` as a short label.

Takes the parsed arguments and returns problems (`Problem`, the option or OUT as where);
reads no file and writes none (it only asks whether OUT is a folder).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tom_audit.export.annex_model import ANNEX_NO_MAX, CONTRACT_MAX
from tom_audit.i18n import tr
from tom_audit.problems import Problem, display_path
from tom_audit.text_rules import check_line

DOCUMENTS = ("pdf", "docx")  # the annex as a contract document
REPORTS = ("xlsx", "md", "json", *DOCUMENTS)  # built from the assessment's export content
OUTPUTS = (*REPORTS, "oscal", "soa")  # "soa": the Statement of Applicability workbook (--soa)

# Extension -> the output it names. ".oscal.json" before ".json": OSCAL is JSON, but a file
# named *.oscal.json is meant to be OSCAL.
EXTENSIONS = {".oscal.json": "oscal", ".xlsx": "xlsx", ".md": "md", ".markdown": "md", ".json": "json",
              ".pdf": "pdf", ".docx": "docx"}
# --format F for a file whose extension names another output, and yet no conflict
COMPATIBLE = {("oscal", "json")}  # an OSCAL document is a JSON file: `--format oscal -o x.json`


@dataclass(frozen=True)
class Scope:
    """Where an option has an effect: these outputs; with `needs_tom`, in a PDF or Word
    document only when it holds the TOM (not with `--annex subprocessors`)."""

    outputs: tuple[str, ...]
    needs_tom: bool = False


# The rule: argument (dest) -> (option as typed, where it has an effect).
APPLIES_TO: dict[str, tuple[str, Scope]] = {
    "contract": ("--contract", Scope(DOCUMENTS)),
    "annex_no": ("--annex-no", Scope(DOCUMENTS)),
    "dpo_signature": ("--dpo-signature", Scope(DOCUMENTS)),
    "annex": ("--annex", Scope(DOCUMENTS)),
    "since": ("--since", Scope(("xlsx", "md", "json"))),  # the PDF and Word annex have no "changed" column
    "include_planned": ("--include-planned", Scope(REPORTS, needs_tom=True)),
    "no_evidence": ("--no-evidence", Scope(REPORTS, needs_tom=True)),
    "controls": ("--controls", Scope(("soa",))),
}


def known_extension(path: Path | str) -> str | None:
    """The extension of EXTENSIONS that `path` ends in (".oscal.json", ".pdf"), or None."""
    name = Path(path).name.lower()
    return next((ext for ext in EXTENSIONS if name.endswith(ext)), None)


def named_format(path: Path | str) -> str | None:
    """The output OUT's extension names (one of OUTPUTS but "soa"), None for any other."""
    extension = known_extension(path)
    return EXTENSIONS[extension] if extension else None


def output_label(output: str) -> str:
    """An output as the messages name it: "PDF (.pdf)", "Word (.docx)"."""
    return tr(f"export.output.{output}")


def labels(outputs: tuple[str, ...]) -> str:
    """Outputs for a message: "PDF (.pdf), Word (.docx)"."""
    return ", ".join(output_label(o) for o in outputs)


def choose_output(out: Path, fmt: str | None, soa: str | None) -> tuple[str | None, list[Problem]]:
    """The output the arguments ask for (one of OUTPUTS), or None and the problem why there
    is none: OUT is a folder, `--format` against OUT's extension, an extension that names
    nothing, `--soa` with anything but xlsx."""
    shown = display_path(out)
    if out.is_dir():  # no file name at all: say that, not that its "extension" names no format
        return None, [Problem(shown, "write.is_directory")]
    named = named_format(out)
    if fmt and named and fmt != named and (fmt, named) not in COMPATIBLE:
        return None, [Problem(shown, "export.output.conflict",
                              {"format": fmt, "extension": known_extension(out), "named": output_label(named)})]
    chosen = fmt or named
    if chosen is None:
        return None, [Problem(shown, "export.output.unknown",
                              {"extensions": ", ".join(EXTENSIONS), "formats": ", ".join(OUTPUTS[:-1])})]
    if soa:
        if chosen != "xlsx":
            return None, [Problem(shown, "export.output.soa", {"chosen": output_label(chosen)})]
        return "soa", []
    return chosen, []


def given(args, dest: str) -> bool:
    """Whether an option was given: it differs from its default (None, False or "")."""
    return getattr(args, dest, None) not in (None, False, "")


def misplaced_options(args, output: str) -> list[Problem]:
    """A problem for each option given that has no effect on `output` (`APPLIES_TO`)."""
    problems = []
    without_tom = output in DOCUMENTS and args.annex == "subprocessors"
    for dest, (option, scope) in APPLIES_TO.items():
        if not given(args, dest):
            continue
        if output not in scope.outputs:
            problems.append(Problem(option, "export.option.not_for",
                                    {"option": option, "outputs": labels(scope.outputs),
                                     "chosen": output_label(output), "file": display_path(args.output)}))
        elif scope.needs_tom and without_tom:
            problems.append(Problem(option, "export.option.needs_tom", {"option": option}))
    return problems


def annex_no_problem(value: str) -> Problem | None:
    """`--annex-no`: a short label ("2", "2a", "3.1", "IV"), letters, digits, "." and "-"."""
    problem = check_line(value, "--annex-no")
    if problem is not None:
        return problem
    for at, char in enumerate(value, 1):
        if not (char.isalpha() or char in "0123456789.-"):
            code = f"U+{ord(char):04X}"
            shown = f'"{char}" ({code})' if char.isprintable() and not char.isspace() else code
            return Problem("--annex-no", "export.annex_no.char", {"char": shown, "at": at, "limit": ANNEX_NO_MAX})
    if len(value) > ANNEX_NO_MAX:
        return Problem("--annex-no", "export.annex_no.too_long", {"length": len(value), "limit": ANNEX_NO_MAX})
    return None


def check_export_arguments(args) -> tuple[str | None, list[Problem]]:
    """The output `tom-audit export` is to write and every problem with its arguments:
    the output itself (`choose_output`), options without effect on it, `--annex-no` and
    `--contract` that do not fit their line. Cleans `args.annex_no` and `args.contract`
    of surrounding spaces (a number " 2" is the number 2)."""
    output, problems = choose_output(args.output, args.format, args.soa)
    if output is None:
        return None, problems
    args.annex_no = (args.annex_no or "").strip(" ")
    args.contract = (args.contract or "").strip(" ")
    problems = misplaced_options(args, output)
    if args.annex_no:
        problems.append(annex_no_problem(args.annex_no))
    if args.contract:
        problems.append(check_line(args.contract, "--contract", limit=CONTRACT_MAX))
    return output, [p for p in problems if p is not None]
