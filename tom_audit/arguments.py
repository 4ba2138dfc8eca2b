"""Argument helpers shared by the commands of both shells (argparse only)."""

from __future__ import annotations

import argparse

from tom_audit.i18n import LANGUAGES, tr


def add_lang(parser: argparse.ArgumentParser, key: str = "cli.lang_help") -> None:
    # SUPPRESS keeps a `--lang` given before the command from being reset by this default
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=tr(key))


# argparse's own messages (usage, errors, --help headings) by their English text, in the UI
# language; what is not listed stays as argparse says it.
_ARGPARSE = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positional",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "show program's version number and exit": "argparse.version",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "not allowed with argument %s": "argparse.not_allowed",
    "one of the arguments %s is required": "argparse.one_required",
    "%(prog)s: error: %(message)s\n": "argparse.error",
}


def localise_argparse() -> None:
    """Make argparse speak the current language (it asks gettext for every message)."""
    def translate(message: str) -> str:
        key = _ARGPARSE.get(message)
        return tr(key) if key else message

    argparse._ = translate  # type: ignore[attr-defined]
