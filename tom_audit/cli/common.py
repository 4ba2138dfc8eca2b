"""Argument helpers shared by several commands."""

from __future__ import annotations

import argparse

from tom_audit.i18n import LANGUAGES, tr


def add_lang(parser: argparse.ArgumentParser, key: str = "cli.lang_help") -> None:
    # SUPPRESS keeps a `--lang` given before the command from being reset by this default
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=tr(key))


def add_format(parser: argparse.ArgumentParser, choices: tuple[str, ...], default: str) -> None:
    parser.add_argument("--format", choices=choices, default=default, help=tr("cli.format_help"))
