"""Upgrades of older assessment files, one step per format version.

To change the format: bump FORMAT_VERSION in model/assessment.py and add a function here
that turns a version N document into version N+1. Old files are upgraded on load and
written in the new version on the next save; `FILE.bak` keeps the old one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tom_audit.model.assessment import FORMAT_VERSION

Document = dict[str, Any]



def _v1_to_v2(document: Document) -> Document:
    """Version 2 adds the provider register (`providers:`) and an answer's `provider` (the
    register entry that covers the measure). A version 1 file has neither, so nothing moves;
    a hand-written `providers` key in a v1 file was unknown then and is read as the register now."""
    return document


# from-version -> function producing the next version's document
STEPS: dict[int, Callable[[Document], Document]] = {1: _v1_to_v2}


class TooNew(Exception):
    pass


def migrate(document: Document) -> Document:
    version = document.get("format_version")
    if not isinstance(version, int):
        return document  # the schema reports it
    if version > FORMAT_VERSION:
        raise TooNew(version)
    while version < FORMAT_VERSION:
        document = STEPS[version](document)
        version += 1
        document["format_version"] = version
    return document
