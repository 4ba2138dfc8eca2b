"""Where tom-audit finds its bundled data and keeps its caches and recent files."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import platformdirs

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir() -> Path:
    """Bundled catalogues and schemas: inside the installed wheel, or at the repository top."""
    packaged = _PACKAGE / "_data"
    if (packaged / "schemas").is_dir():
        return packaged
    return _PACKAGE.parent


def catalogues_dir() -> Path:
    return data_dir() / "catalogues"


def schemas_dir() -> Path:
    return data_dir() / "schemas"


def cache_dir() -> Path:
    """Validated catalogues keyed by their SHA-256. TOM_AUDIT_CACHE_DIR overrides (tests use it);
    an empty value turns the cache off."""
    override = os.environ.get("TOM_AUDIT_CACHE_DIR")
    if override is not None:
        return Path(override)
    return Path(platformdirs.user_cache_dir("tom-audit"))


def state_dir() -> Path:
    """Recent files and other small state. TOM_AUDIT_STATE_DIR overrides."""
    override = os.environ.get("TOM_AUDIT_STATE_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_state_dir("tom-audit"))
