"""The layout of the review sheet ("Prüfung" / "Review"), shared by the exporter and by
`tom-audit import-review`, which reads the DPO's answers back.

One definition of every column, the review-state labels in both languages, and the hidden
key that ties a row to its assessment and measure. Change the layout only together with
`LAYOUT_VERSION`, which the exporter writes into the workbook's custom properties.
"""

from __future__ import annotations

from dataclasses import dataclass

from tom_audit.i18n import LANGUAGES, tr
from tom_audit.logic.review import SHOWN_STATES
from tom_audit.export.text import cell_text as _cell_text, unescape_cell_text

LAYOUT_VERSION = 2  # 2: hidden answer fingerprint column M
HEADER_ROW = 1
FIRST_DATA_ROW = 2


@dataclass(frozen=True)
class ReviewColumn:
    index: int  # 1-based, as openpyxl counts (A = 1)
    letter: str
    id: str
    header_key: str  # i18n key of the header text
    width: float
    dpo: bool = False  # a column the DPO fills in (read back by the import)


REVIEW_COLUMNS: tuple[ReviewColumn, ...] = (
    ReviewColumn(1, "A", "key", "export.review.col.key", 12),
    ReviewColumn(2, "B", "measure_id", "export.col.id", 9),
    ReviewColumn(3, "C", "category", "export.col.category", 20),
    ReviewColumn(4, "D", "title", "export.col.measure", 42),
    ReviewColumn(5, "E", "required", "export.col.required", 11),
    ReviewColumn(6, "F", "status", "export.col.status", 15),
    ReviewColumn(7, "G", "note", "export.review.col.note", 55),
    ReviewColumn(8, "H", "evidence_count", "export.review.col.evidence_count", 10),
    ReviewColumn(9, "I", "review_state", "export.review.col.state", 14, dpo=True),
    ReviewColumn(10, "J", "reviewer", "export.review.col.reviewer", 18, dpo=True),
    ReviewColumn(11, "K", "review_date", "export.review.col.date", 12, dpo=True),
    ReviewColumn(12, "L", "comment", "export.review.col.comment", 45, dpo=True),
    # the answer the DPO sees, as logic.review.answer_fingerprint: a verdict on a row whose
    # answer changed after the export is refused by import-review
    ReviewColumn(13, "M", "fingerprint", "export.review.col.fingerprint", 18),
)
COLUMN: dict[str, ReviewColumn] = {c.id: c for c in REVIEW_COLUMNS}
KEY_COLUMN = COLUMN["key"]  # hidden in the workbook
FINGERPRINT_COLUMN = COLUMN["fingerprint"]  # hidden too

# Custom document properties of the workbook (File > Properties > Custom)
PROP_ASSESSMENT_ID = "tom-audit assessment id"
PROP_CATALOGUE_ID = "tom-audit catalogue id"
PROP_CATALOGUE_VERSION = "tom-audit catalogue version"
PROP_LAYOUT_VERSION = "tom-audit review layout"
PROP_LANGUAGE = "tom-audit language"


def sheet_title(lang: str) -> str:
    return tr("export.sheet.review", lang)


SHEET_TITLES = {lang: sheet_title(lang) for lang in LANGUAGES}

# review state id -> label shown in the drop-down, per language; "changed" is shown for a
# verdict on an answer that changed since (not in the drop-down: it is not a verdict)
REVIEW_STATE_LABELS: dict[str, dict[str, str]] = {
    lang: {state: tr(f"export.review_state.{state}", lang) for state in SHOWN_STATES} for lang in LANGUAGES
}
VERDICT_LABELS: dict[str, dict[str, str]] = {
    lang: {s: label for s, label in labels.items() if s != "changed"} for lang, labels in REVIEW_STATE_LABELS.items()
}


def state_label(state: str, lang: str) -> str:
    return REVIEW_STATE_LABELS[lang].get(state, state)


def state_from_label(text: str | None) -> str | None:
    """The review state for a cell's text, in either language or as the plain id; None if unknown."""
    wanted = (text or "").strip().casefold()
    if not wanted:
        return None
    for labels in REVIEW_STATE_LABELS.values():
        for state, label in labels.items():
            if wanted in (label.casefold(), state):
                return state
    return None


def review_key(assessment_id: str, measure_id: str) -> str:
    return f"{assessment_id}/{measure_id}"


def parse_review_key(text: str | None) -> tuple[str, str] | None:
    """(assessment id, measure id) from a key cell; None when the cell is not one of ours.
    The assessment id is a UUID (no "/"), so the first "/" separates the two."""
    if not text or not isinstance(text, str):
        return None
    assessment_id, sep, measure_id = unescape_cell_text(text).partition("/")
    if not sep or not measure_id:
        return None
    return assessment_id, measure_id


def cell_text(value: str) -> str:
    """How the exporter writes a text into any cell (see `text.escape_cell_text`)."""
    return _cell_text(value)


def read_text(value: object) -> str:
    """A text cell as the user meant it: our formula escape removed, surrounding space trimmed."""
    if value is None:
        return ""
    return unescape_cell_text(str(value)).strip()
