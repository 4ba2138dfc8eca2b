"""Shared fixtures. Every test runs with its own cache and state folders, in German unless
a test says otherwise, so no test depends on the machine or on another test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from tom_audit.i18n import set_language

# CI runs the same property examples every time (a red run must be reproducible);
# developers' runs explore new ones.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
BUNDLED_CATALOGUE = REPO / "catalogues" / "tom-art32.yaml"
EXAMPLE = REPO / "examples" / "hosting-gmbh.tom.yaml"  # the shipped, fully filled assessment


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TOM_AUDIT_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("TOM_AUDIT_STATE_DIR", str(home / "state"))
    monkeypatch.delenv("TOM_AUDIT_LANG", raising=False)
    monkeypatch.delenv("TOM_AUDIT_DEBUG", raising=False)
    set_language("de")
    yield
    set_language("de")


@pytest.fixture
def catalogue():
    from tom_audit.store.catalogue_store import load_catalogue

    return load_catalogue("tom-art32")


@pytest.fixture
def new_file(tmp_path):
    """A fresh assessment file on the bundled catalogue, made through the CLI's own path."""
    from tom_audit.store.creating import create_assessment as create

    path = tmp_path / "assessment.tom.yaml"
    create(path, "tom-art32", "Muster GmbH", "de")
    return path


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: int = 60):
    """Run `python -m tom_audit ARGS` as a user would; returns the CompletedProcess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tom_audit", *args], cwd=cwd, env=full_env,
        capture_output=True, text=True, timeout=timeout,
    )


@pytest.fixture
def cli():
    return run_cli
