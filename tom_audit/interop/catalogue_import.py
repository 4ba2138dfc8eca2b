"""`tom-audit catalogue import`: an OSCAL catalog or profile, or a CISO Assistant library,
converted into a tom-audit catalogue file, deterministically (same input and options, same
bytes), all or nothing.

The converted document is checked like any catalogue file (schema, languages, ids) before a
byte is written; any problem stops the import and the target stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tom_audit.interop.ciso_assistant import library_language, read_library
from tom_audit.interop.draft import Draft, ImportOptions, clean
from tom_audit.interop.oscal_catalog import CatalogReader
from tom_audit.interop.oscal_ids import TOM_NS
from tom_audit.interop.oscal_profile import read_profile
from tom_audit.interop.source import Source, as_dict, as_str, dicts, read_source
from tom_audit.model.catalogue import Catalogue
from tom_audit.model.ids import slug
from tom_audit.problems import InputError, Problem, display_path
from tom_audit.store.atomic import atomic_write
from tom_audit.store.catalogue_store import catalogue_from_text
from tom_audit.store.documents import kind_of as tom_audit_kind
from tom_audit.store.textfile import TextFile
from tom_audit.store.yaml_emit import dump


@dataclass
class ImportResult:
    catalogue: Catalogue
    text: str
    notes: list[tuple[str, dict[str, Any]]]
    kind: str  # what the source was: catalog, profile, ciso


def _metadata(source: Source) -> dict[str, Any]:
    if source.kind == "ciso":
        data = source.data
        framework = data["objects"]["framework"]
        return {"title": clean(framework.get("name")) or clean(data.get("name")),
                "version": clean(as_str(data.get("version"))) or "1",
                "description": clean(framework.get("description")) or clean(data.get("description")),
                "publisher": clean(data.get("provider")),
                "license": clean(data.get("copyright"))}
    meta = as_dict(source.data[source.kind].get("metadata"))
    parties = [clean(p.get("name")) for p in dicts(meta.get("parties")) if clean(p.get("name"))]
    return {"title": clean(meta.get("title")), "version": clean(as_str(meta.get("version"))) or "1",
            "description": clean(meta.get("remarks")), "publisher": parties[0] if parties else "",
            "license": ""}


def _own_id(source: Source) -> str | None:
    """The catalogue id our own OSCAL export recorded (metadata prop `catalogue_id`)."""
    if source.kind != "catalog":
        return None
    for prop in dicts(as_dict(source.data["catalog"].get("metadata")).get("props")):
        if prop.get("ns") == TOM_NS and prop.get("name") == "catalogue_id":
            value = as_str(prop.get("value"))
            return value if value == slug(value) else None
    return None


def build_document(source: Source, options: ImportOptions) -> tuple[dict[str, Any], Draft]:
    """The catalogue document for `source`; raises InputError with every problem found."""
    lang = options.language or (library_language(source) if source.kind == "ciso" else None) or "de"
    draft = Draft(lang, options)
    if source.kind == "catalog":
        CatalogReader(draft, source, ("catalog",)).read(source.data["catalog"])
    elif source.kind == "profile":
        read_profile(draft, source)
    else:
        read_library(draft, source)
    if draft.problems:
        raise InputError(draft.problems)
    if not draft.measures:
        raise InputError([Problem(source.shown, "interop.no_measures", {}, line=1)])
    meta = _metadata(source)
    languages = [lang]
    other = "en" if lang == "de" else "de"
    if all(other in m["title"] for m in draft.measures) and all(other in c["title"] for c in draft.categories):
        languages.append(other)
        text = lambda value: {lang: value, other: value}  # noqa: E731 - metadata has no translation
    else:
        text = draft.text
    document: dict[str, Any] = {
        "format": "tom-audit/catalogue",
        "format_version": 1,
        "id": options.catalogue_id or _own_id(source) or slug(source.file.path.stem.removesuffix("-catalog"), "imported"),
        "version": meta["version"],
        "title": text(meta["title"] or source.file.path.stem),
    }
    if meta["description"]:
        document["description"] = text(meta["description"])
    if meta["publisher"]:
        document["publisher"] = meta["publisher"]
    if meta["license"]:
        document["license"] = meta["license"]
    document["languages"] = sorted(languages, key=("de", "en").index)
    document["categories"] = draft.categories
    document["measures"] = draft.measures
    return document, draft


def _header(source: Source, options: ImportOptions) -> str:
    settings = []
    if options.level_map:
        settings.append("--level-map " + " ".join(f"{k}={v}" for k, v in sorted(options.level_map.items())))
    if options.reference_key:
        settings.append(f"--ref-key {options.reference_key}")
    return (f"Converted by `tom-audit catalogue import` from {source.file.path.name}"
            f"{' (' + ', '.join(settings) + ')' if settings else ''}.\n"
            "The texts are the source's; its licence and attribution apply. Re-import rather than edit.")


def convert(source_path: Path | str, out: Path | str, options: ImportOptions | None = None) -> ImportResult:
    """Read `source_path`, convert it and check the result; nothing is written. Raises
    InputError with every problem, each naming the source file, JSON pointer and line."""
    options = options or ImportOptions()
    source = read_source(source_path)
    document, draft = build_document(source, options)
    text = dump(document, _header(source, options))
    out = Path(out)
    raw = text.encode("utf-8")
    file = TextFile(path=out, shown=display_path(out), raw=raw, text=text)
    catalogue = catalogue_from_text(file, str(out))
    return ImportResult(catalogue, text, draft.notes, source.kind)


def import_catalogue(source_path: Path | str, out: Path | str, options: ImportOptions | None = None) -> ImportResult:
    """`convert`, then write `out` atomically (the previous file kept as OUT.bak). Refuses to
    overwrite the source itself or an assessment."""
    out = Path(out)
    if out.exists() and Path(source_path).exists() and out.resolve() == Path(source_path).resolve():
        raise InputError([Problem(display_path(out), "interop.out_is_source")])
    if out.is_file():
        try:
            if tom_audit_kind(out) == "assessment":
                raise InputError([Problem(display_path(out), "interop.out_is_assessment")])
        except InputError as error:
            if error.problems[0].key == "interop.out_is_assessment":
                raise
    result = convert(source_path, out, options)
    atomic_write(out, result.text.encode("utf-8"), output=True)
    return result
