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

# from-version -> function producing the next version's document
STEPS: dict[int, Callable[[Document], Document]] = {}


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
