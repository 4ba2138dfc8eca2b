"""The operating system's refusals (full disk, read-only file system, no permission, a folder
where a file was meant) as a Problem the user can act on: the file, what happened in the
OS's own words (strerror), and what to do. They are never "internal errors"."""

from __future__ import annotations

import errno

from tom_audit.i18n import tr
from tom_audit.problems import Problem, display_path

_KEYS = {
    errno.ENOSPC: "os.no_space", errno.EDQUOT: "os.no_space", errno.EFBIG: "os.no_space",
    errno.EROFS: "os.read_only_fs",
    errno.EACCES: "os.permission", errno.EPERM: "os.permission",
    errno.EISDIR: "os.is_directory",
    errno.ENOENT: "os.missing", errno.ENOTDIR: "os.missing",
}


class WriteFailed(OSError):
    """An OSError met while writing a file (so the message can say "writing")."""


def problem_for(error: OSError, action: str | None = None) -> Problem:
    """`error` as a Problem naming its file; `action` is "read" or "write" (default: from
    the error's type, WriteFailed meaning write)."""
    if action is None:
        action = "write" if isinstance(error, WriteFailed) else "read"
    file = error.filename if error.filename is not None else "tom-audit"
    reason = error.strerror or str(error) or type(error).__name__
    key = _KEYS.get(error.errno, "os.error")
    return Problem(display_path(file) if file != "tom-audit" else file, key,
                   {"action": tr(f"os.action.{action}"), "reason": reason})
