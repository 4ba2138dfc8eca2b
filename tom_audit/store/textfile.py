"""Read a user's file as UTF-8 text, turning every way it can fail into a Problem."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from tom_audit.problems import InputError, Problem, display_path

# A 20,000-measure catalogue is about 27 MB; anything far larger is not one of ours.
MAX_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class TextFile:
    path: Path
    shown: str  # the path as printed in messages
    raw: bytes
    text: str


def read_text_file(path: Path | str) -> TextFile:
    path = Path(path)
    shown = display_path(path)

    def fail(key: str, **params) -> InputError:
        return InputError([Problem(shown, key, params)])

    try:
        st = path.stat()
    except FileNotFoundError:
        raise fail("file.missing") from None
    except OSError as exc:
        raise fail("file.unreadable", reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise fail("file.is_directory")
    if not stat.S_ISREG(st.st_mode):
        # a FIFO would block the read for ever, /dev/zero never end: only regular files
        raise fail("file.not_regular")
    if st.st_size > MAX_BYTES:
        raise fail("file.too_large", size_mb=f"{st.st_size / 1e6:.1f}", limit_mb=MAX_BYTES // 2**20)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise fail("file.permission") from None
    except OSError as exc:
        raise fail("file.unreadable", reason=exc.strerror or str(exc)) from None
    if not raw.strip():
        raise fail("file.empty")
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        raise InputError([Problem(shown, "file.binary", {}, line=line)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = f"0x{raw[exc.start]:02X}"
        raise InputError([Problem(shown, "file.not_utf8", {"byte": byte}, line=line, col=col)]) from None
    return TextFile(path=path, shown=shown, raw=raw, text=text)
