"""Argument helpers shared by several commands."""

from __future__ import annotations

import argparse

from tom_audit.arguments import add_lang  # noqa: F401  (used by most commands)
from tom_audit.i18n import tr


def add_format(parser: argparse.ArgumentParser, choices: tuple[str, ...], default: str) -> None:
    parser.add_argument("--format", choices=choices, default=default, help=tr("cli.format_help"))
