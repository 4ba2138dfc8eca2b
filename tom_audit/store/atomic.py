"""Write a file so that, whatever happens, the old or the new version is there, whole.

The new content goes to a temporary file in the same folder, is flushed to disk, and then
renamed over the old one, which POSIX does atomically. With `backup`, the previous version
stays as `FILE.bak`: hard-linked before the rename, so there is never a moment without FILE.

Every save and every export goes through `atomic_write`, so these rules hold for all of
them (new exporters included):

- a symbolic link is written through: its target gets the new content, the link stays;
- the target keeps its owner, group and mode (the temporary file gets them before the rename);
- a file without any write permission (0444) is refused, even for root, as is a file the
  caller may not write; so is a target that is neither a regular file nor (for exports,
  `backup=False`) a character device or FIFO, which are written straight into
  (`export -o /dev/stdout`), never replaced;
- an export never overwrites an assessment, its backup or its lock file;
- temporary files are named `.FILE.tom-audit-PID-RANDOM.tmp`; those left by a killed writer
  (its process gone, or older than an hour) are removed by the next write of FILE.

Refusals raise InputError (exit 2, file unchanged); the OS's own failures raise OSError
(WriteFailed) with the target's name (`cli.main` turns them into a one-paragraph error, exit 2).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import tempfile
import time
from pathlib import Path

from tom_audit.problems import InputError, Problem, display_path
from tom_audit.store.os_errors import WriteFailed

STALE_AFTER_S = 3600  # a temp file this old is litter even if its writer's pid is alive (reused)
_ASSESSMENT_MARK = b"tom-audit/assessment"


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


def temp_prefix(name: str) -> str:
    """The start of every temporary file we make for FILE `name` (in its folder)."""
    return f".{name}.tom-audit-"


def _temp_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.tom-audit-(\d+)-[A-Za-z0-9_]{{4,}}\.tmp")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # maybe another thread of ours, right now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def remove_stale_temps(folder: Path, name: str) -> list[str]:
    """Remove temporary files of FILE `name` that a killed writer left in `folder`: those
    whose writer (the pid in the name) is gone, or older than STALE_AFTER_S. Returns the
    names removed. Only names of our exact pattern are touched."""
    pattern = _temp_pattern(name)
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if not match:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            if _pid_alive(int(match.group(1))) and now - info.st_mtime < STALE_AFTER_S:
                continue
            os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            continue
    return removed


def _refuse(path: Path, key: str, **params) -> InputError:
    return InputError([Problem(display_path(path), key, params)])


def _may_write(info: os.stat_result, real: Path) -> bool:
    if not info.st_mode & 0o222:
        return False  # nobody may write it: a deliberate "read-only", which root respects too
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return True
    return os.access(real, os.W_OK)


def _looks_like_ours(real: Path) -> bool:
    """An assessment (or its backup) by content, whatever its name."""
    try:
        with open(real, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return _ASSESSMENT_MARK in head


def _is_lock_of_existing(real: Path) -> bool:
    return real.name.endswith(".lock") and real.with_name(real.name[:-5]).exists()


def _write_into(real: Path, info: os.stat_result, data: bytes) -> None:
    """Write straight into a character device or FIFO (no rename: it stays what it is)."""
    flags = os.O_WRONLY | (os.O_NONBLOCK if stat.S_ISFIFO(info.st_mode) else 0)
    try:
        fd = os.open(real, flags)
    except OSError as error:
        if stat.S_ISFIFO(info.st_mode) and error.errno == errno.ENXIO:  # ENXIO: nobody reads the pipe
            raise _refuse(real, "write.fifo_no_reader") from None
        raise
    try:
        if stat.S_ISFIFO(info.st_mode):
            os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    finally:
        os.close(fd)


def _keep_backup(real: Path) -> None:
    backup = real.with_name(real.name + ".bak")
    try:
        if os.path.samefile(real, backup):
            return  # a save killed before its rename left FILE.bak as FILE: already the backup
    except OSError:
        pass
    staging = real.with_name(f"{temp_prefix(real.name)}{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        os.link(real, staging)
    except OSError:
        # no hard links on this file system: copy instead
        import shutil

        shutil.copy2(real, staging)
    try:
        os.replace(staging, backup)
    except BaseException:
        try:
            os.unlink(staging)
        except OSError:
            pass
        raise


def _keep_owner(fd: int, info: os.stat_result) -> None:
    """Give the temporary file the owner and group of the file it replaces, as far as we
    may (root: both; others: the group, if they belong to it)."""
    if not hasattr(os, "fchown"):
        return
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (info.st_uid, info.st_gid):
        return
    try:
        os.fchown(fd, info.st_uid, info.st_gid)
    except PermissionError:
        try:
            os.fchown(fd, -1, info.st_gid)
        except PermissionError:
            pass


def atomic_write(path: Path | str, data: bytes, *, backup: bool = True, exclusive: bool = False,
                 output: bool | None = None) -> None:
    """Replace the file `path` with `data` (bytes) so that it is always whole, old or new.

    `backup`: keep the previous version as FILE.bak (assessments); `backup=False` is an
    output (export, cache), which may also be a character device or FIFO, and which never
    overwrites an assessment, its backup or lock. `exclusive`: create only; refuse (InputError)
    if the file exists, even one made a moment ago by another program. `output` (default:
    `not backup`): something we produce (a catalogue, a notice), which never overwrites an
    assessment, its backup or lock, even where it keeps its own previous version as .bak.
    Raises InputError for refused targets and OSError (naming `path`) for the OS's failures."""
    path = Path(path)
    if output is None:
        output = not backup
    real = Path(os.path.realpath(path))  # through symlinks, to the file that holds the data
    folder = real.parent
    try:
        info: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise WriteFailed(error.errno, error.strerror, str(path)) from None
    if info is not None:
        if exclusive:
            raise _refuse(path, "write.exists")
        if stat.S_ISDIR(info.st_mode):
            raise _refuse(path, "write.is_directory")
        if not stat.S_ISREG(info.st_mode):
            if not backup and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
                try:
                    _write_into(real, info, data)
                except OSError as error:
                    raise WriteFailed(error.errno, error.strerror, str(path)) from None
                return
            raise _refuse(path, "write.not_regular")
        if output and (_looks_like_ours(real) or _is_lock_of_existing(real)):
            raise _refuse(path, "write.protected")
        if not _may_write(info, real):
            raise _refuse(path, "write.read_only")
    try:
        _replace(real, folder, data, info, backup=backup, exclusive=exclusive)
    except FileExistsError:
        raise _refuse(path, "write.exists") from None
    except WriteFailed:
        raise
    except OSError as error:
        raise WriteFailed(error.errno, error.strerror, str(path)) from None


def _replace(real: Path, folder: Path, data: bytes, info: os.stat_result | None, *, backup: bool,
             exclusive: bool) -> None:
    remove_stale_temps(folder, real.name)
    if info is not None and backup:
        _keep_backup(real)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f"{temp_prefix(real.name)}{os.getpid()}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            if info is not None:
                _keep_owner(handle.fileno(), info)
            # mkstemp makes the temporary file private (0600): give it the mode it replaces
            os.fchmod(handle.fileno(), info.st_mode & 0o777 if info is not None else _NEW_FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            _link_new(tmp_name, real)
        else:
            os.replace(tmp_name, real)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _fsync_dir(folder)


def _link_new(tmp_name: str, real: Path) -> None:
    """Put the temporary file in place only if nothing is there (FileExistsError otherwise)."""
    try:
        os.link(tmp_name, real)
    except FileExistsError:
        raise
    except OSError:  # no hard links here: the lock keeps our own writers out
        if real.exists():
            raise FileExistsError(str(real)) from None
        os.replace(tmp_name, real)
        return
    os.unlink(tmp_name)
