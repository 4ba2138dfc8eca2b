"""The contract annex as one plain document model, rendered alike as PDF (`annex_pdf`) and
Word (`annex_docx`).

`build_annex(content, options)` takes what `content.build` already computed for the
"Anlage TOM" sheet (the annex rows, the cover's identity fields) and arranges it as a
document: a title block, one or more annex sections (kind "tom": the measures by category;
kind "entries": one card per sub-processor or notice item, see `annex_providers`), a closing block with the signature lines, and the
draft state. Nothing internal goes in: no lint findings, gap details, review states or counts.

Every text a user typed passes `user_text` (the export sanitiser of `export.text`) on its way
in, so both writers receive clean text and never need to escape anything themselves beyond
their own format (the PDF template reads the model as JSON data; Word takes plain runs).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from tom_audit.export.content import ExportContent
from tom_audit.export.text import format_date, one_line, safe_text
from tom_audit.export.text_width import TextStyle, text_width
from tom_audit.i18n import tr
from tom_audit.logic.dates import add_months, parse_date


class AnnexError(ValueError):
    """The annex cannot be made as asked; `key` (an i18n problem key, "problem.<key>") and
    `params` say why and what to do. The export turns it into an InputError (exit 2)."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class AnnexOptions:
    """What the user chose for the document (CLI: `export -o x.pdf|x.docx`)."""

    contract: str = ""  # --contract: the contract the annex belongs to, printed under the title
    annex_no: str = ""  # --annex-no: "2" gives "Anlage 2"
    dpo_line: bool = False  # --dpo-signature: a "reviewed by the DPO" signature line
    annex: str = "tom"  # --annex: "tom", "subprocessors" or "both" (ANNEX_CHOICES)


ANNEX_CHOICES = ("tom", "subprocessors", "both")
ANNEX_NO_MAX = 10  # characters of `annex_no`: a label ("2", "3.1"), in the header of every page
CONTRACT_MAX = 300  # characters of `contract`: a line under the title, at most three when wrapped


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class AnnexMeasure:
    id: str
    title: str
    kind: str  # technical / organisational, localised
    status: str  # status id
    status_label: str  # localised; planned measures with their target date
    text: list[str]  # the organisation's own words, then typed answers ("RPO: 24 h"), one per line
    evidence: list[str]  # one reference per line; none with --no-evidence (ExportOptions)


@dataclass(frozen=True)
class AnnexCategory:
    id: str
    heading: str  # title with the Art. 32 lit. reference
    goal: str  # the control-goal sentence
    measures: list[AnnexMeasure]
    empty_note: str = ""  # when no measure of the category is shown


@dataclass(frozen=True)
class AnnexEntry:
    """One card of an "entries" section: a sub-processor (name, then labelled fields: legal
    entity and address, service, data, locations, transfer basis, AVV) or a notice item."""

    title: str  # "1. Name"
    fields: list[Field]  # values may hold several lines ("\n")


@dataclass(frozen=True)
class AnnexSection:
    """One annex inside the document. `kind` says which writer part lays it out: "tom"
    (categories of measures in a table) or "entries" (one card per entry)."""

    kind: str
    title: str
    intro: str
    columns: list[str] = field(default_factory=list)  # "tom": id, measure / implementation, status
    categories: list[AnnexCategory] = field(default_factory=list)
    entries: list[AnnexEntry] = field(default_factory=list)
    empty_note: str = ""  # "entries": printed when there is none
    level: int = 1  # heading level of `title` (2: a part inside the annex before it)
    new_page: bool = False  # starts on a new page (the sub-processor list after the TOM)


@dataclass(frozen=True)
class SignatureBlock:
    party: str  # "Für den Auftragsverarbeiter"
    lines: list[str]  # "Ort, Datum", "Name, Funktion", "Unterschrift"


@dataclass(frozen=True)
class Closing:
    heading: str
    version_line: str  # "Version 1.0, freigegeben am ... durch ..." or "Entwurf ..."
    review_line: str  # review interval and next review date
    signatures: list[SignatureBlock]


@dataclass(frozen=True)
class PageFrame:
    """What every page carries: header left/right, footer parts and the page label."""

    header: str
    organisation: str
    stand: str
    page_label: str  # "Seite {page} von {pages}": the writers fill in the numbers
    draft_mark: str  # "ENTWURF" on every page; "" when approved and unchanged


# The page of the PDF and the Word annex: A4 portrait with 2 cm margins left and right
# (templates/annex.typ, annex_docx._page_frame), header and footer in 8 pt.
_TEXT_WIDTH = (210 - 2 * 20) / 25.4 * 72  # points
_GAP = 8.0  # between the parts of a header or footer line (the template's gutter of 1 em)
# Measured with Arial's widths, wider than Libertinus Serif's (PDF) and Liberation Serif's
# (Word) for most glyphs; for the few that are not (a capital W), 5 % of the room stays free.
# The draft mark is 10 pt bold in Word, 8 pt in the PDF.
_FRAME_STYLE = TextStyle("Arial", 8)
_MARK_STYLE = TextStyle("Arial", 10, bold=True)
_SAFETY = 0.95


def page_frame(header: str, organisation: str, stand: str, page_label: str, draft_mark: str) -> PageFrame:
    """The frame of every page, each part one line that fits its room: the header beside
    the draft mark, the organisation in the footer's left third (beside the "Stand" and the
    page label). A part too long is cut with "…" (`text.one_line`); the title block still
    shows the whole organisation name. The page label keeps its {page} and {pages}."""
    def fits(room: float):
        return lambda text: text_width(text, _FRAME_STYLE) <= room * _SAFETY

    stand, draft_mark = one_line(stand), one_line(draft_mark)
    header_room = _TEXT_WIDTH - _GAP - (text_width(draft_mark, _MARK_STYLE) if draft_mark else 0)
    organisation_room = (_TEXT_WIDTH - 2 * _GAP - text_width(stand, _FRAME_STYLE)) / 2
    return PageFrame(header=one_line(header, fits=fits(header_room)),
                     organisation=one_line(organisation, fits=fits(organisation_room)),
                     stand=stand, page_label=one_line(page_label), draft_mark=draft_mark)


@dataclass(frozen=True)
class DocumentProperties:
    title: str
    subject: str
    author: str
    keywords: str
    language: str  # BCP 47: de-DE, en-GB
    stand: date


@dataclass(frozen=True)
class AnnexDocument:
    lang: str
    kicker: str  # "Anlage 2" / "Annex"
    title: str
    contract: str
    title_fields: list[Field]
    draft: bool
    sections: list[AnnexSection]
    closing: Closing | None  # None: no closing block (the change notice)
    frame: PageFrame
    properties: DocumentProperties
    labels: dict[str, str]  # small words the writers print: "Nachweise", ...

    def as_data(self) -> dict:
        """The model as JSON-ready data (what the Typst template reads)."""
        data = asdict(self)
        data["properties"]["stand"] = self.properties.stand.isoformat()
        return data


def user_text(text: str | None) -> str:
    """Every user string of the annex passes here, on its way into the model: the export
    sanitiser of `export.text` (characters no document format can hold are replaced)."""
    return safe_text(text)


# -- approval ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApprovalInfo:
    approved: bool  # approved and unchanged since: no draft mark
    line: str  # what the title block and the closing say about the version


def approval_info(content: ExportContent) -> ApprovalInfo:
    """The one place the documents read the approval (`content.approval`, from
    `logic.approval.approval_state`). An annex is final only when the assessment is approved
    and unchanged since (content hash); anything else is a draft (issue 10: "Entwurf / Draft
    on every page"). A forced approval says so, with the number of items left open."""
    lang = content.lang
    state = content.approval
    if not state.approved and not state.changed_since_approval:
        return ApprovalInfo(False, tr("annex.version.draft", lang))
    day = parse_date(state.date)
    params = dict(version=user_text(state.version) or "-", by=user_text(state.by) or "-",
                  date=format_date(day, lang) if day else user_text(state.date) or "-")
    if not state.approved:
        return ApprovalInfo(False, tr("annex.version.changed", lang, **params))
    line = tr("annex.version.approved", lang, **params)
    if state.forced:
        line += " " + tr("annex.version.forced", lang, count=len(state.open_items))
    return ApprovalInfo(True, line)


# -- building the document ---------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return user_text(text).split("\n")


def tom_section(content: ExportContent) -> AnnexSection:
    """The TOM annex from the annex rows of `content` (the "Anlage TOM" sheet's rows): per
    category its heading, control goal and the measures shown (`content.annex_rows` decides
    which: implemented, partial, N/A with reason, planned only with --include-planned)."""
    lang = content.lang
    categories: list[AnnexCategory] = []
    current: dict | None = None

    def close() -> None:
        if current is not None:
            categories.append(AnnexCategory(**current))

    for row in content.annex:
        if row.role == "heading":
            close()
            current = dict(id=row.category_id, heading=user_text(row.title), goal=user_text(row.goal), measures=[],
                           empty_note="")
        elif current is None:
            continue
        elif row.role == "empty":
            current["empty_note"] = user_text(row.title)
        else:
            text = _lines(row.description) if row.description.strip() else []
            evidence = _lines(row.evidence) if row.evidence.strip() else []  # none with --no-evidence
            current["measures"].append(AnnexMeasure(
                id=user_text(row.measure_id), title=user_text(row.title), kind=row.kind, status=row.status,
                status_label=row.status_label, text=text, evidence=evidence))
    close()
    intro = tr("export.annex.intro_planned" if content.options.include_planned else "export.annex.intro", lang)
    columns = [tr("export.col.id", lang), tr("annex.col.measure", lang), tr("export.col.status", lang)]
    return AnnexSection("tom", tr("annex.section.tom", lang), intro, columns, categories)


def closing_block(content: ExportContent, options: AnnexOptions, approval: ApprovalInfo) -> Closing:
    """Version line, review interval with the next review date, the signature lines (the
    processor's; the DPO's "reviewed" line when asked)."""
    lang = content.lang
    months = content.assessment.scope.review_interval_months
    next_review = add_months(content.stand, months)
    parties = [("export.cover.signoff.processor", True), ("export.cover.signoff.dpo", options.dpo_line)]
    signature_lines = [tr(k, lang) for k in ("export.cover.signoff.place_date", "export.cover.signoff.name",
                                             "export.cover.signoff.signature")]
    return Closing(
        heading=tr("annex.closing", lang),
        version_line=approval.line,
        review_line=tr("annex.review_line", lang, months=months, date=format_date(next_review, lang)),
        signatures=[SignatureBlock(tr(key, lang), signature_lines) for key, wanted in parties if wanted],
    )


def build_annex(content: ExportContent, options: AnnexOptions | None = None) -> AnnexDocument:
    """The annex document of `content` (from `content.build`). Pure: same input, same model."""
    options = options or AnnexOptions()
    lang = content.lang
    a, c = content.assessment, content.catalogue
    approval = approval_info(content)
    stand = format_date(content.stand, lang)
    org = user_text(a.organisation.name)
    with_tom = options.annex != "subprocessors"
    fields = [
        Field(tr("export.cover.organisation", lang), org),
        Field(tr("export.cover.address", lang), user_text(a.organisation.address)),
        Field(tr("export.cover.service", lang), user_text(a.scope.service)),
    ]
    if with_tom:  # protection need and catalogue describe the measures, not the list
        fields += [
            Field(tr("export.cover.protection_need", lang), tr(f"level.{a.scope.protection_need}", lang)),
            Field(tr("export.cover.catalogue", lang),
                  f"{user_text(c.title(lang))} ({user_text(c.id)}, {tr('export.version', lang)} {user_text(c.version)})"),
        ]
    fields += [Field(tr("export.cover.stand", lang), stand), Field(tr("export.cover.approval", lang), approval.line)]
    fields = [f for f in fields if f.value.strip()]
    sections = [tom_section(content)] if with_tom else []
    if options.annex in ("subprocessors", "both"):
        from tom_audit.export.annex_providers import provider_sections
        from tom_audit.export.providers_table import says_none_engaged

        sections += provider_sections(a.providers, lang, content.options.today, new_page=with_tom,
                                      stand=content.stand, none_engaged=says_none_engaged(a))
    closing = closing_block(content, options, approval)
    number = user_text(options.annex_no).strip()
    kicker = tr("annex.kicker_no", lang, no=number) if number else tr("annex.kicker", lang)
    title = tr({"tom": "annex.title", "subprocessors": "subannex.title", "both": "subannex.title_both"}
               .get(options.annex, "annex.title"), lang)
    running = {"subprocessors": "subannex.section", "both": "subannex.header_both"}.get(options.annex, "export.header")
    frame = page_frame(header=f"{kicker} · {tr(running, lang)}", organisation=org,
                       stand=tr("export.footer.stand", lang, date=stand), page_label=tr("annex.page", lang),
                       draft_mark="" if approval.approved else tr("annex.draft_mark", lang))
    properties = DocumentProperties(
        title=f"{kicker}: {title}" + (f" – {org}" if org else ""), subject=user_text(options.contract) or title,
        author=org or "tom-audit", keywords=tr("export.properties.keywords", lang),
        language="de-DE" if lang == "de" else "en-GB", stand=content.stand)
    labels = {key: tr(f"annex.label.{key}", lang) for key in ("evidence", "draft_note")}
    return AnnexDocument(
        lang=lang, kicker=kicker, title=title, contract=user_text(options.contract), title_fields=fields,
        draft=not approval.approved, sections=sections, closing=closing, frame=frame,
        properties=properties, labels=labels)
