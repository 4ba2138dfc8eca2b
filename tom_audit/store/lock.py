"""The exclusive lock that every writer of an assessment holds around read-change-write.

Two writers that both read, change and save one file lose one of the changes ("lost
update"). So every writer (the CLI's `set`, `approve`, `import-review`, `new`, the TUI's
autosave, and any command added later) takes this lock first: an OS lock (`flock`, through
the `filelock` package) on `FILE.lock` beside the real file (symlinks resolved, so two names
of one file share one lock). The OS drops the lock when its holder dies, so a killed writer
never leaves a stale lock behind.

The lock file holds who has it (user, host, process id, command, since when), so that a
writer that waits in vain can say who is in its way. The wait is bounded (`TIMEOUT_S`,
or TOM_AUDIT_LOCK_TIMEOUT in seconds); then `FileBusy` (an InputError: exit 2).

Within one process the lock is re-entrant per file (a registry keyed by the real path), so
`update_assessment` can hold it while `save_assessment` takes it again.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from filelock import FileLock, Timeout

from tom_audit.problems import InputError, Problem, display_path

TIMEOUT_S = 10.0  # long enough for any save we make, short enough to notice


class FileBusy(InputError):
    """Another writer holds the lock on the file for longer than we wait."""


def lock_path(path: Path | str) -> Path:
    """`FILE.lock` beside the real file that `path` names (symlinks followed)."""
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + ".lock")


def _timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("TOM_AUDIT_LOCK_TIMEOUT", TIMEOUT_S)))
    except ValueError:
        return TIMEOUT_S


def _holder_record() -> bytes:
    try:
        user = getpass.getuser()
    except Exception:  # no passwd entry (containers): the id is still useful
        user = str(os.getuid()) if hasattr(os, "getuid") else "?"
    command = " ".join(["tom-audit", *sys.argv[1:]])[:300]
    return json.dumps({
        "user": user, "host": socket.gethostname(), "pid": os.getpid(), "command": command,
        "since": time.strftime("%Y-%m-%d %H:%M:%S"),
    }, ensure_ascii=False).encode("utf-8", "backslashreplace")


def _write_holder(guarded: Path, fd: int) -> None:
    """On taking the lock: note who we are in the lock file, and give it the group and the
    read/write bits of the file it guards, so that a group sharing a 0660 assessment shares
    its lock too (only the lock file's owner may change them; otherwise they stay)."""
    try:
        info = os.stat(guarded)
        os.fchown(fd, -1, info.st_gid)
        os.fchmod(fd, (info.st_mode & 0o666) | 0o600)
    except (OSError, AttributeError):
        pass
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, _holder_record(), 0)
    except OSError:
        pass  # the lock holds without the note; a waiter then says "another program"


def read_holder(path: Path | str) -> dict[str, str]:
    """Who holds (or last held) the lock of `path`: user, host, pid, command, since; {} if unknown."""
    try:
        with open(lock_path(path), "rb") as handle:
            data = json.loads(handle.read(4096).decode("utf-8", "replace"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in data.items()} if isinstance(data, dict) else {}


class _Entry:
    def __init__(self, file: Path):
        guarded = file.with_name(file.name[: -len(".lock")])
        self.file_lock = FileLock(str(file), timeout=0, on_acquired=partial(_write_holder, guarded),
                                  thread_local=False)
        self.thread_lock = threading.RLock()
        self.depth = 0


_registry: dict[Path, _Entry] = {}
_registry_lock = threading.Lock()


def _busy(path: Path) -> FileBusy:
    holder = read_holder(path)
    shown = display_path(path)
    if holder:
        return FileBusy([Problem(shown, "lock.busy", {
            "user": holder.get("user", "?"), "host": holder.get("host", "?"), "pid": holder.get("pid", "?"),
            "command": holder.get("command", "?"), "since": holder.get("since", "?"),
            "lock": display_path(lock_path(path))})])
    return FileBusy([Problem(shown, "lock.busy_unknown", {"lock": display_path(lock_path(path))})])


@contextmanager
def assessment_lock(path: Path | str, timeout: float | None = None) -> Iterator[None]:
    """Hold the exclusive lock of `path` for the `with` block; waits at most `timeout`
    seconds (default TIMEOUT_S / TOM_AUDIT_LOCK_TIMEOUT), then raises FileBusy naming the
    holder. Raises OSError when the lock file cannot be made (read-only folder)."""
    path = Path(path)
    file = lock_path(path)
    wait = _timeout() if timeout is None else timeout
    with _registry_lock:
        entry = _registry.get(file)
        if entry is None:
            entry = _registry[file] = _Entry(file)
    deadline = time.monotonic() + wait
    if not entry.thread_lock.acquire(timeout=wait):  # another thread of ours is saving
        raise _busy(path)
    try:
        if entry.depth == 0:
            try:
                entry.file_lock.acquire(timeout=max(0.0, deadline - time.monotonic()), poll_interval=0.02)
            except Timeout:
                raise _busy(path) from None
        entry.depth += 1
        try:
            yield
        finally:
            entry.depth -= 1
            if entry.depth == 0:
                entry.file_lock.release()
    finally:
        entry.thread_lock.release()


def _forget_after_fork() -> None:
    # a forked child holds none of its parent's locks (flock is per open file, not inherited
    # as ours): it starts with an empty registry
    global _registry, _registry_lock
    _registry = {}
    _registry_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)
