"""Write a file so that, whatever happens, the old or the new version is there, whole.

The new content goes to a temporary file in the same folder, is flushed to disk, and then
renamed over the old one, which POSIX does atomically. The previous version stays as
`FILE.bak`: hard-linked before the rename, so there is never a moment without FILE.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _read_umask() -> int:
    # Read once: setting and restoring it on every save would race with threads saving.
    mask = os.umask(0)
    os.umask(mask)
    return mask


_NEW_FILE_MODE = 0o666 & ~_read_umask()  # what open() would give a new file


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _keep_backup(path: Path) -> None:
    backup = path.with_name(path.name + ".bak")
    staging = path.with_name(f".{path.name}.bak.tmp")
    try:
        staging.unlink(missing_ok=True)
        os.link(path, staging)
    except OSError:
        # no hard links on this file system: copy instead
        import shutil

        shutil.copy2(path, staging)
    os.replace(staging, backup)


def atomic_write(path: Path | str, data: bytes, *, backup: bool = True) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    mode = _NEW_FILE_MODE  # mkstemp makes the temporary file private (0600)
    if path.exists():
        mode = path.stat().st_mode & 0o777
        if backup:
            _keep_backup(path)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _fsync_dir(folder)
