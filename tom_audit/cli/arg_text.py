"""Command-line arguments are one of the places text enters: each string argument is
checked by `tom_audit.text_rules` before a command runs (exit 2 naming the option)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from tom_audit.i18n import tr
from tom_audit.problems import InputError, Problem
from tom_audit.text_rules import check_value


def _actions(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[argparse.Action]:
    """The actions of the parser and of the sub-command that was chosen."""
    found = []
    for action in parser._actions:  # argparse offers no public way to list them
        if isinstance(action, argparse._SubParsersAction):
            sub = action.choices.get(getattr(args, action.dest, None) or "")
            if sub is not None:
                found += _actions(sub, args)
        else:
            found.append(action)
    return found


def _name(action: argparse.Action) -> str:
    if action.option_strings:
        return max(action.option_strings, key=len)
    return action.metavar if isinstance(action.metavar, str) else action.dest.upper()


def check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Clean line ends and refuse refused characters in every text argument (not in file
    names, which the operating system gives us as they are; those only must be names the OS
    can take at all). Raises InputError."""
    problems = []
    for action in _actions(parser, args):
        value = getattr(args, action.dest, None)
        paths = value if isinstance(value, list) else [value]
        for path in paths:
            if isinstance(path, Path) and not _usable_path(path):
                place = tr("text.place.option", option=_name(action))
                problems.append(Problem(_name(action), "path.unusable", {"place": place}))
                break
        if isinstance(value, str):
            cleaned, problem = check_value(value, _name(action))
            setattr(args, action.dest, cleaned)
            if problem:
                problems.append(problem)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            cleaned_list = []
            for item in value:
                cleaned, problem = check_value(item, _name(action))
                cleaned_list.append(cleaned)
                if problem:
                    problems.append(problem)
            setattr(args, action.dest, cleaned_list)
    if problems:
        raise InputError(problems)


def _usable_path(path: Path) -> bool:
    """Whether the OS can take `path` as a name: no NUL, no lone surrogate (which `open`,
    `stat` and `exists` would raise ValueError for, not OSError)."""
    try:
        return b"\x00" not in os.fsencode(path)
    except UnicodeEncodeError:
        return False
