"""Before any workbook (.xlsx) a user gives us is parsed: is it safe to read?

An .xlsx is a zip of XML files. A small file can unpack to gigabytes (a "zip bomb": the
issue's 1.5 MB workbook with one comment cell of 1.5 GB) and make openpyxl use gigabytes of
memory. `check_workbook` reads only the zip's directory (member count, declared sizes,
compression ratios), which Python's zipfile then holds the members to, and refuses in
milliseconds what is far beyond any workbook we export. `PARSE_ERRORS` are what a damaged
workbook raises inside openpyxl; callers turn them into InputError (exit 2).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

from tom_audit.problems import InputError, Problem, display_path

MAX_MEMBERS = 2_000
MAX_UNPACKED = 128 * 2**20  # bytes; our 20,000-measure annex unpacks to far less
MAX_RATIO = 200  # unpacked / packed for one member; XML we write stays far below
RATIO_FROM = 2**20  # members smaller than this may have any ratio (tiny files compress oddly)

PARSE_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, ParseError, ExpatError, KeyError, ValueError, TypeError,
    IndexError, EOFError, OSError, UnicodeDecodeError,
)


def check_workbook(path: Path) -> None:
    """Raise InputError if the zip behind `path` is damaged or would unpack beyond our limits
    (MAX_MEMBERS members, MAX_UNPACKED bytes in all, MAX_RATIO for any member > 1 MiB)."""
    shown = display_path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise InputError([Problem(shown, "review.import.not_xlsx", {"reason": str(error) or type(error).__name__})]) from None

    def too_big(detail: str, size: int) -> InputError:
        return InputError([Problem(shown, "workbook.too_big", {
            "size_mb": f"{size / 2**20:.0f}", "limit_mb": MAX_UNPACKED // 2**20, "detail": detail})])

    if len(members) > MAX_MEMBERS:
        raise too_big(f"{len(members)} parts", sum(m.file_size for m in members))
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED:
        raise too_big(f"{len(members)} parts", total)
    for member in members:
        if member.file_size > RATIO_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise too_big(f"{member.filename}: {member.file_size // max(member.compress_size, 1)}:1", total)
