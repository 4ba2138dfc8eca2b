"""Which characters tom-audit takes in, and how file text is shown on a terminal.

Text enters tom-audit in four places, and each is checked once, here, before anything is
stored or exported:

- YAML files (assessments and catalogues): `check_tree` after parsing, at FILE:LINE:COL
  (keys, being ids and field names, may not hold a tab or line break either);
- command-line arguments: `check_value` per option (the CLI names the option); an option
  printed as one line of a document (a title, a page header) also `check_line`;
- text typed or pasted into the terminal UI: `clean_typed` (the UI cleans, never refuses);
- cells of a workbook read back (`import-review`): `check_value` per cell (row and column).

The policy, per class of character:

=================================  ===========================  ===================  ============
class                              example                      files, arguments,    UI input
                                                                workbook cells
=================================  ===========================  ===================  ============
CR and CR LF (line ends)           ``"a\\r\\nb"``               cleaned to LF        cleaned
tab, LF                            ``"a\\tb"``                  kept                 kept
other C0 controls, DEL             ``\\x01``, ``\\x1b`` (ESC)   refused, exit 2      dropped
C1 controls                        ``\\x85``, ``\\x9b`` (CSI)   refused, exit 2      dropped
lone surrogates                    ``\\udcdf`` (argv byte       refused, exit 2      U+FFFD
                                   0xDF that is not UTF-8)
noncharacters                      U+FFFE, U+FFFF, U+FDD0–FDEF  refused, exit 2      dropped
bidi overrides and isolates        U+202E, U+2066               kept (right-to-left text needs them);
                                                                shown escaped on a terminal
everything else                    umlauts, emoji, CJK          kept
=================================  ===========================  ===================  ============

A value that a document prints as one line (`check_line`: the contract line and the annex
number of `export`) takes no tab or line break either, and has a maximum length: a second
line would break the title block or the page header it stands in.

Why refuse rather than clean in files and arguments: the user wrote them on purpose or a
tool did; a character nobody can see silently dropped from a legal record is worse than a
clear message naming where it is. C0 controls cannot be carried by XML 1.0 (xlsx, docx),
C1 controls are discouraged there, and both are terminal control sequences; surrogates
cannot be encoded as UTF-8 at all; noncharacters are for a program's internal use (The
Unicode Standard, section 23.7) and are not allowed in XML either. (A raw NEL, U+0085, in a
YAML file is a line break to YAML, so it never reaches a value; escaped as ``\\N`` it does,
and is refused.)

Evidence URLs get two more rules (`url_problem`): a password in the URL (``user:pw@host``)
is refused, because whatever is stored ends up in the annex sent to customers; token-like
query parameters (``access_token=``, ``sig=``, ...) are accepted with a warning (they are
sometimes the only way to link a document) and reported by lint (TOM056).

Text shown on a terminal that came from a file goes through `terminal_text`, which shows
C0/C1 controls, bidi controls and lone surrogates as visible ``\\uXXXX`` escapes, so a file
cannot clear the screen, move the cursor or reorder what is printed.

Exports have their own, last line of defence: `tom_audit.export.text.safe_text`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TextIO
from urllib.parse import parse_qsl, urlsplit

from tom_audit.problems import WARNING, Problem

_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
# What files, arguments and workbook cells may not contain (CR is cleaned before this check).
REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS + "]")
# The same in two parts, ten times faster: a class with astral members is slow in `re`.
_REFUSED_BMP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_ASTRAL_END = re.compile("[\U0001fffe-\U0010ffff]")  # noncharacters are among these (xFFFE, xFFFF)
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates (Unicode UAX #9): they reorder what
# follows them on screen ("Trojan Source", CVE-2021-42574).
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + BIDI_CONTROLS + "]")

EXCEL_CELL_LIMIT = 32_767  # UTF-16 code units in one cell (Excel specifications and limits)


@dataclass(frozen=True)
class BadChar:
    """The first character of a text that `REFUSED` matches: its class, code and place."""

    kind: str  # "control", "surrogate" or "noncharacter"
    code: str  # "U+0001"
    at: int  # 1-based position in the text

    def params(self) -> dict[str, Any]:
        return {"char": self.code, "at": self.at}


def clean_line_ends(text: str) -> str:
    """CR LF and a lone CR become LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def find_bad(text: str) -> BadChar | None:
    """The first refused character in `text` (after line ends are cleaned), or None."""
    match = _REFUSED_BMP.search(text)
    if not text.isascii():
        end = match.start() if match else len(text)
        for astral in _ASTRAL_END.finditer(text, 0, end):
            if ord(astral.group()) & 0xFFFE == 0xFFFE:
                match = astral
                break
    if match is None:
        return None
    char = match.group()
    kind = "surrogate" if _SURROGATE.match(char) else "control" if _CONTROL.match(char) else "noncharacter"
    return BadChar(kind, f"U+{ord(char):04X}", match.start() + 1)


def check_value(text: str, where: str, *, line: int | None = None, col: int | None = None,
                **params: Any) -> tuple[str, Problem | None]:
    """One text from outside (an argument, a cell): the cleaned text and a Problem if it
    holds a refused character. `where` names the place (an option, a file); `params` add
    to the message (e.g. `cell="L12"`)."""
    text = clean_line_ends(text)
    bad = find_bad(text)
    if bad is None:
        return text, None
    return text, Problem(where, f"text.{bad.kind}", {**bad.params(), "place": params.get("place", "")},
                         line=line, col=col)


def needs_check(source: str) -> bool:
    """Whether a YAML document parsed from `source` can hold a refused character, a CR or a
    key with a line break: only through a raw character, an escape (which needs a
    backslash) or a complex key ("? |"). A fast scan: a 27 MB catalogue takes a fraction of
    its parse time, and most files need no walk at all."""
    return "\\" in source or find_bad(source) is not None or _has_complex_key(source)


_QUESTION_MARK = re.compile(r"\?(?=[ \t\n]|$)")


def _has_complex_key(source: str) -> bool:
    """A "? " that starts a line's content (after indentation and list dashes)."""
    for match in _QUESTION_MARK.finditer(source):
        start = source.rfind("\n", 0, match.start()) + 1
        if not source[start:match.start()].strip(" \t-"):
            return True
    return False


def check_tree(data: Any, shown: str, position) -> list[Problem]:
    """Every refused character in the keys and strings of a parsed document, each at its
    line and column (`position(path, key=...)` gives them, e.g. `NodeIndex.position`).
    CR and CR LF inside strings are cleaned to LF in place."""
    problems: list[Problem] = []
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            for name in list(node):
                value = node[name]
                if isinstance(name, str):
                    bad = find_bad(name) or _line_break_in_key(name)
                    if bad is not None:
                        problems.append(Problem(shown, f"text.{bad.kind}", {**bad.params(), "place": ""},
                                                **position((*path, name), key=True)))
                if isinstance(value, str):
                    _check_string(node, name, value, (*path, name), shown, position, problems)
                elif isinstance(value, (dict, list)):
                    stack.append((value, (*path, name)))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                if isinstance(value, str):
                    _check_string(node, i, value, (*path, i), shown, position, problems)
                elif isinstance(value, (dict, list)):
                    stack.append((value, (*path, i)))
    problems.sort(key=lambda p: (p.line or 0, p.col or 0))
    return problems


_LINE_BREAK = re.compile("[\t\n\r\u2028\u2029]")  # what ends a line or jumps along one


def _line_break(text: str, kind: str) -> BadChar | None:
    match = _LINE_BREAK.search(text)
    if match is None:
        return None
    return BadChar(kind, f"U+{ord(match.group()):04X}", match.start() + 1)


def _line_break_in_key(name: str) -> BadChar | None:
    """Keys (ids, field names) are one line: a tab or line break in one is refused (an id
    "ENT-01\\n" would look right and match nothing)."""
    return _line_break(name, "key_break")


def check_line(text: str, where: str, *, limit: int | None = None, place: str = "") -> Problem | None:
    """A value printed as one line of a document (a title, a page header; CLI: `export
    --contract`, `--annex-no`): a refused character as in `check_value`, a tab or line break
    ("text.line_break": it would split the line), or more than `limit` characters
    ("text.too_long"). None when the value is fine. `where` names the option."""
    bad = find_bad(clean_line_ends(text)) or _line_break(text, "line_break")
    if bad is not None:
        return Problem(where, f"text.{bad.kind}", {**bad.params(), "place": place})
    if limit is not None and len(text) > limit:
        return Problem(where, "text.too_long", {"length": len(text), "limit": limit, "place": place})
    return None


def _check_string(parent, name, value: str, path: tuple, shown: str, position, problems: list[Problem]) -> None:
    cleaned = clean_line_ends(value)
    if cleaned is not value:
        parent[name] = cleaned
    bad = find_bad(cleaned)
    if bad is not None:
        problems.append(Problem(shown, f"text.{bad.kind}", {**bad.params(), "place": ""}, **position(path)))


_DROP_TYPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + _NONCHARACTERS + "]")


def clean_typed(text: str) -> str:
    """Text typed or pasted into the terminal UI, made storable: line ends to LF, controls
    and noncharacters dropped, lone surrogates replaced by U+FFFD. Tab and LF stay."""
    text = clean_line_ends(text)
    text = _DROP_TYPED.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


# -- terminals -------------------------------------------------------------------------


def terminal_text(text: str) -> str:
    """Text for a terminal line: C0/C1 controls (except tab and LF), bidi controls and
    lone surrogates shown as visible ``\\uXXXX`` escapes, everything else as it is."""
    if not _TERMINAL_UNSAFE.search(text):
        return text
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class TerminalWriter:
    """A text stream that puts everything written through `terminal_text`."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_text(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def escaped_terminal_output() -> Iterator[None]:
    """While active, sys.stdout and sys.stderr escape what a file could use to control the
    terminal. For the CLI's line-oriented commands, not for the full-screen UI."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalWriter(out), TerminalWriter(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


# -- URLs ------------------------------------------------------------------------------

# Query parameters that commonly carry a credential: OAuth (RFC 6750 access_token), cloud
# storage signatures (AWS X-Amz-Signature/X-Amz-Credential, Azure SAS sig), API keys.
TOKEN_PARAMS = frozenset({
    "access_token", "refresh_token", "id_token", "token", "auth", "authorization", "key", "apikey", "api_key",
    "api-key", "sig", "signature", "password", "passwd", "pwd", "secret", "client_secret", "session",
    "sessionid", "sid", "code", "x-amz-signature", "x-amz-credential", "x-amz-security-token", "sv",
})


def url_has_password(ref: str) -> bool:
    """Whether a URL carries user information (``user:password@`` or ``token@``)."""
    if "://" not in ref or "@" not in ref:
        return False
    try:
        parts = urlsplit(ref)
    except ValueError:
        return False
    return "@" in parts.netloc


def token_params(ref: str) -> list[str]:
    """The names of token-like query (or fragment) parameters in a URL, as written."""
    if "://" not in ref or ("?" not in ref and "#" not in ref):
        return []
    try:
        parts = urlsplit(ref)
    except ValueError:
        return []
    found = []
    for part in (parts.query, parts.fragment):
        for name, _ in parse_qsl(part, keep_blank_values=True):
            if name.lower() in TOKEN_PARAMS and name not in found:
                found.append(name)
    return found


def url_problem(ref: str, where: str, *, line: int | None = None, col: int | None = None) -> Problem | None:
    """A refusal (password in the URL) or a warning (token-like parameters), or None."""
    if url_has_password(ref):
        host = urlsplit(ref).hostname or "?"
        return Problem(where, "text.url_password", {"host": host}, line=line, col=col)
    names = token_params(ref)
    if names:
        return Problem(where, "text.url_token", {"names": ", ".join(names)}, line=line, col=col, severity=WARNING)
    return None


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, as Excel counts (characters outside the BMP count 2)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def redact_url(ref: str) -> str:
    """The URL with user information and the values of token-like parameters replaced by
    ``***``, fit to be printed (e.g. ``https://***@host/x?access_token=***``)."""
    try:
        parts = urlsplit(ref)
    except ValueError:
        return "***"
    if "@" in parts.netloc:
        parts = parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1])

    def mask(part: str) -> str:
        pieces = []
        for piece in part.split("&"):
            name, sep, _ = piece.partition("=")
            pieces.append(f"{name}=***" if sep and name.lower() in TOKEN_PARAMS else piece)
        return "&".join(pieces)

    return parts._replace(query=mask(parts.query), fragment=mask(parts.fragment)).geturl()


def evidence_url_problems(measures: dict, shown: str, position) -> list[Problem]:
    """For a loaded assessment's `measures` (id -> Answer): a refusal for each evidence URL
    with a password, a warning for each with token-like parameters, at their lines."""
    problems = []
    for measure_id, answer in measures.items():
        for i, item in enumerate(answer.evidence):
            if "://" in item.ref:
                problem = url_problem(item.ref, shown, **position(("measures", measure_id, "evidence", i, "ref")))
                if problem is not None:
                    problems.append(problem)
    return problems


def long_texts(answer) -> list[tuple[str, int]]:
    """The texts of one answer that an Excel cell cannot hold: (field, UTF-16 length), field
    as "note", "gap.action", "evidence.description", ... (i18n keys text.field.<field>)."""
    texts = [("note", answer.note), ("owner", answer.owner)]
    if answer.gap is not None:
        texts += [("gap.description", answer.gap.description), ("gap.action", answer.gap.action)]
    if answer.review is not None:
        texts.append(("review.comment", answer.review.comment))
    for item in answer.evidence:
        texts += [("evidence.description", item.description), ("evidence.ref", item.ref)]
    found = []
    for name, text in texts:
        if len(text) * 2 > EXCEL_CELL_LIMIT or len(text) > EXCEL_CELL_LIMIT // 2:
            length = utf16_length(text)
            if length > EXCEL_CELL_LIMIT:
                found.append((name, length))
    return found
