"""Saving never leaves a half-written assessment: a writer killed at any moment leaves the
old or the new version, whole, and FILE.bak holds the one before."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.store.atomic import atomic_write

WRITER = r"""
import sys
from tom_audit.store.assessment_store import load_assessment, save_assessment
from tom_audit.logic.answers import Edit, record
path = sys.argv[1]
loaded = load_assessment(path)
ids = [m.id for m in loaded.catalogue.measures]
n = 0
print("ready", flush=True)
while True:
    n += 1
    note = f"Version {n}: " + "Lorem ipsum dolor sit amet. " * 200
    record(loaded.assessment, loaded.catalogue, ids[n % len(ids)], Edit(status="implemented", note=note))
    save_assessment(path, loaded.assessment)
"""


@pytest.mark.slow
def test_killing_the_writer_at_random_moments_never_corrupts_the_file(new_file):
    rng = random.Random(32)
    for _ in range(25):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(new_file)], stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        loaded = load_assessment(new_file)  # raises if the file is broken
        assert loaded.assessment.organisation.name == "Muster GmbH"
        backup = new_file.with_name(new_file.name + ".bak")
        if backup.exists():
            load_assessment(backup)
    leftovers = [p.name for p in new_file.parent.iterdir() if p.name.endswith(".tmp")]
    # a kill between mkstemp and rename can leave a temp file, never a broken main file
    assert all(name.startswith(".assessment.tom.yaml.") for name in leftovers)


def test_backup_holds_the_previous_version(new_file):
    loaded = load_assessment(new_file)
    first = new_file.read_bytes()
    loaded.assessment.organisation.name = "Neue GmbH"
    save_assessment(new_file, loaded.assessment)
    assert new_file.with_name("assessment.tom.yaml.bak").read_bytes() == first
    assert load_assessment(new_file).assessment.organisation.name == "Neue GmbH"


def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "x.txt"
    target.write_bytes(b"old")
    import tom_audit.store.atomic as atomic

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write(target, b"new", backup=False)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_permissions_of_the_file_are_kept(new_file):
    new_file.chmod(0o600)
    loaded = load_assessment(new_file)
    save_assessment(new_file, loaded.assessment)
    assert new_file.stat().st_mode & 0o777 == 0o600


def test_a_new_file_gets_the_usual_permissions(tmp_path):
    """Not the temporary file's private 0600: a new assessment is shared like any file."""
    import os

    mask = os.umask(0)  # read the process's umask
    os.umask(mask)
    target = tmp_path / "new.tom.yaml"
    atomic_write(target, b"x", backup=False)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
