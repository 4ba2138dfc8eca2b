"""Command-line arguments are one of the places text enters: each string argument is
checked by `tom_audit.text_rules` before a command runs (exit 2 naming the option)."""

from __future__ import annotations

import argparse

from tom_audit.problems import InputError
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
    names, which the operating system gives us as they are). Raises InputError."""
    problems = []
    for action in _actions(parser, args):
        value = getattr(args, action.dest, None)
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
