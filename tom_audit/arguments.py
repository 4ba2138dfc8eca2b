"""Argument helpers shared by the commands of both shells (argparse only)."""

from __future__ import annotations

import argparse

from tom_audit.i18n import LANGUAGES, tr


def add_lang(parser: argparse.ArgumentParser, key: str = "cli.lang_help") -> None:
    # SUPPRESS keeps a `--lang` given before the command from being reset by this default
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=tr(key))
