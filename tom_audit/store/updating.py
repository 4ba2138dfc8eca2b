"""Read-change-write of one assessment file, for the writers of the everyday flow (setup,
set --confirm/--remove-evidence). Uses store.assessment_store.update_assessment (the file's
lock) where it exists; until that has landed, load-change-save in this one place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tom_audit.store import assessment_store

T = TypeVar("T")


def update(path: Path, change: Callable[[assessment_store.Loaded], T]) -> T:
    """Load `path`, call `change(loaded)` to change `loaded.assessment` in place, save.
    If `change` raises, nothing is written. Returns what `change` returned."""
    locked = getattr(assessment_store, "update_assessment", None)
    if locked is not None:
        return locked(path, change)
    loaded = assessment_store.load_assessment(path)
    result = change(loaded)
    loaded.adopt_catalogue()
    assessment_store.save_assessment(path, loaded.assessment)
    return result
