"""`tom-audit`: parse the command line and hand over to one command module.

Exit codes: 0 success; 1 findings (lint, diff with changes); 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys

import importlib
import pkgutil

from tom_audit import __version__
from tom_audit.cli.arg_text import check_arguments
from tom_audit.commands import COMMAND_PACKAGES
from tom_audit.cli.output import EXIT_BAD_INPUT, report
from tom_audit.reporting import never_fail_on_encoding
from tom_audit.arguments import localise_argparse
from tom_audit.i18n import LANGUAGES, set_language, tr
from tom_audit.logic.answers import AnswerError
from tom_audit.problems import InputError
from tom_audit.store.os_errors import problem_for
from tom_audit.text_rules import escaped_terminal_output

# Every cmd_*.py of the command packages (cli/, the UI's tui/command_line/) is a command: NAME,
# ORDER (its place in --help), register(subparsers). Command modules import heavy libraries
# (openpyxl, Textual) inside their run function.
COMMANDS = sorted(
    (importlib.import_module(f"{package}.{m.name}") for package in COMMAND_PACKAGES
     for m in pkgutil.iter_modules(importlib.import_module(package).__path__) if m.name.startswith("cmd_")),
    key=lambda module: module.ORDER,
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: exit 2, one clear line, no traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"tom-audit: {tr('severity.error')}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tom-audit", description=tr("cli.description"))
    parser.add_argument("--version", action="version", version=f"tom-audit {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help=tr("cli.lang_help"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS:
        module.register(commands)
    return parser


def _normalise(argv: list[str]) -> list[str]:
    """`tom-audit FILE` means `tom-audit open FILE`; bare `tom-audit` shows the start screen."""
    names = {m.NAME for m in COMMANDS}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--lang":
            i += 2
        elif arg in ("-h", "--help", "--version"):
            return argv
        elif arg.startswith("-"):
            i += 1
        elif arg in names:
            return argv
        else:
            return [*argv[:i], "open", *argv[i:]]
    return [*argv, "open"]


def _hoist_lang(argv: list[str]) -> list[str]:
    """`--lang X` is allowed anywhere (`tom-audit status --lang en F`, as the README says):
    move every one (the last wins) before the command, where the main parser takes it."""
    rest: list[str] = []
    lang: str | None = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest += argv[i:]
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
            i += 2
            continue
        if arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return rest if lang is None else ["--lang", lang, *rest]


# Failures of a parser on the user's data (a damaged workbook): bad input, not a bug of ours.
def _parser_errors() -> tuple[type[BaseException], ...]:
    import zipfile
    from xml.etree.ElementTree import ParseError
    from xml.parsers.expat import ExpatError

    return (zipfile.BadZipFile, ParseError, ExpatError)


def main(argv: list[str] | None = None) -> int:
    never_fail_on_encoding()
    argv = _hoist_lang(list(sys.argv[1:] if argv is None else argv))
    lang = os.environ.get("TOM_AUDIT_LANG") or "de"
    if argv[:1] == ["--lang"] and len(argv) > 1:  # before building the parser, so --help speaks it too
        lang = argv[1]
    set_language(lang if lang in LANGUAGES else "de")
    localise_argparse()  # argparse's own messages in that language too
    parser = build_parser()
    with escaped_terminal_output():  # usage errors quote the arguments
        args = parser.parse_args(_normalise(argv))
    if args.lang:
        set_language(args.lang)
    if args.command in FULL_SCREEN:
        return _run(parser, args)
    with escaped_terminal_output():  # what a file holds can not steer the terminal
        return _run(parser, args)


FULL_SCREEN = ("open", "review")  # commands that hand the terminal to the Textual UI


# form fields (tom_audit.logic.provider_form) whose option is not simply --field-name
_FIELD_OPTIONS = {"countries": "--country", "certificates": "--certificate", "since": "--engaged-since",
                  "date": "--date", "id": "ID"}


def _option_of(field: str) -> str:
    """The option a refused field came from, so the message names it; "tom-audit" if none."""
    if not field:
        return "tom-audit"
    return _FIELD_OPTIONS.get(field, "--" + field.replace("_", "-"))


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        check_arguments(parser, args)
        return args.run(args)
    except InputError as error:
        report(error.problems)
        return EXIT_BAD_INPUT
    except AnswerError as error:
        print(f"{_option_of(getattr(error, 'field', ''))}: {tr('severity.error')}: {tr(error.key, **error.params)}",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:  # the disk, the file system, permissions: the user's to fix
        report([problem_for(error)])
        return EXIT_BAD_INPUT
    except RuntimeError as error:
        if not str(error).startswith("Symlink loop"):  # pathlib's resolve() before Python 3.13
            return _internal_error(error)
        name = str(error).split("'")[1] if str(error).count("'") >= 2 else None
        report([problem_for(OSError(errno.ELOOP, os.strerror(errno.ELOOP), name))])
        return EXIT_BAD_INPUT
    except _parser_errors() as error:
        print(f"tom-audit: {tr('severity.error')}: {tr('problem.parse.workbook', reason=str(error) or type(error).__name__)}"
              f" {tr('problem.parse.workbook.hint')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:
        return _internal_error(error)


def _internal_error(error: Exception) -> int:
    """A bug of ours: say so plainly; TOM_AUDIT_DEBUG shows the trace."""
    if os.environ.get("TOM_AUDIT_DEBUG"):
        raise error
    print(tr("cli.internal_error", error=f"{type(error).__name__}: {error}"), file=sys.stderr)
    return 3
