"""`pip install .` (not editable) into an empty venv gives a working tom-audit whose
catalogues and schemas come from inside the installed package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_installed_wheel_works_outside_the_repository(tmp_path):
    source = tmp_path / "src"
    # a copy of the tracked tree, so neither .venv nor build leftovers leak in
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO,
                           capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        if (REPO / name).is_file():
            target = source / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--quiet", str(source)], check=True, timeout=600)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "TOM_AUDIT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": ""}
    tool = env_dir / "bin" / "tom-audit"

    def run(*args):
        return subprocess.run([tool, *args], cwd=work, env=env, capture_output=True, text=True, timeout=120)

    listing = run("catalogue", "list")
    assert listing.returncode == 0, listing.stderr
    assert "tom-art32" in listing.stdout
    assert run("new", "a.tom.yaml", "--org", "Test GmbH").returncode == 0
    status = run("status", "a.tom.yaml")
    assert status.returncode == 0, status.stderr
    where = subprocess.run([python, "-c", "from tom_audit.locations import data_dir; print(data_dir())"],
                           cwd=work, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert "site-packages" in where and where.endswith("_data")
    shutil.rmtree(source)  # nothing may depend on the source tree
    assert run("validate", "a.tom.yaml").returncode == 0
    # the transfer table (tom_audit/data/) and pycountry's names travel with the wheel
    added = run("provider", "add", "a.tom.yaml", "--name", "Cloud", "--country", "Schweiz", "--transfer", "adequacy")
    assert added.returncode == 0, added.stderr
    listing = run("--lang", "en", "provider", "list", "a.tom.yaml")
    assert "CH: Adequacy decision" in listing.stdout, listing.stderr
    # the annex template travels in the wheel: the PDF and Word annex work when installed
    for name in ("a.pdf", "a.docx"):
        result = run("export", "a.tom.yaml", "-o", name)
        assert result.returncode == 0, result.stderr
        assert (work / name).read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
