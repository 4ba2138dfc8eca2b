"""Resolve an OSCAL profile: find each imported catalog (or profile), select its controls by
`include-all` / `include-controls` / `exclude-controls`, and apply `set-parameters`.

Where an import's file is (OSCAL profile resolution, NIST SP 800-53 style):
1. `--resolve HREF=PATH` given by the user, matched against the import's href, the
   back-matter resource's href, or that href's file name;
2. the href relative to the profile's folder;
3. a file of the same name beside the profile (the BSI's profile points into its repository
   layout, `../catalogs/Kernel/...`, which a downloaded copy seldom keeps).
A missing import is a problem naming the href and both ways out (`--resolve`,
`--skip-missing`); a file whose digest differs from the one the profile states (rlink
`hashes`) is used, and said so. The structure is kept as the catalogs have it (OSCAL `merge: as-is`);
`alters` are not applied and are named in the notes; a profile importing a profile takes
all that the inner one selects.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

from tom_audit.interop.draft import Draft
from tom_audit.interop.oscal_catalog import CatalogReader
from tom_audit.interop.source import Source, as_dict, as_list, as_str, dicts, read_source
from tom_audit.problems import InputError


def _resource_href(profile: dict, href: str) -> str:
    """`#uuid` -> the back-matter resource's first rlink href; other hrefs as they are."""
    if not href.startswith("#"):
        return href
    for resource in dicts(as_dict(profile.get("back-matter")).get("resources")):
        if resource.get("uuid") == href[1:]:
            links = [r for r in dicts(resource.get("rlinks")) if as_str(r.get("href"))]
            json_links = [r for r in links if as_str(r.get("media-type")).endswith("json")]
            if json_links or links:
                return as_str((json_links or links)[0]["href"])
    return ""


def _expected_hashes(profile: dict, href: str) -> dict[str, str]:
    """Algorithm -> hex digest the back-matter resource states for `#uuid` (OSCAL rlink hashes)."""
    for resource in dicts(as_dict(profile.get("back-matter")).get("resources")):
        if href.startswith("#") and resource.get("uuid") == href[1:]:
            for link in dicts(resource.get("rlinks")):
                return {as_str(h.get("algorithm")).upper().replace("-", ""): as_str(h.get("value")).lower()
                        for h in dicts(link.get("hashes"))}
    return {}


def _hash_differs(path: Path, expected: dict[str, str]) -> bool:
    import hashlib

    names = {"MD5": "md5", "SHA1": "sha1", "SHA224": "sha224", "SHA256": "sha256", "SHA384": "sha384",
             "SHA512": "sha512", "SHA3256": "sha3_256", "SHA3384": "sha3_384", "SHA3512": "sha3_512"}
    for algorithm, value in expected.items():
        if algorithm in names and value:
            return hashlib.new(names[algorithm], path.read_bytes()).hexdigest() != value
    return False


def _locate(profile_file: Path, href: str, target: str, resolve: dict[str, str]) -> Path | None:
    for wanted in (href, target, Path(target).name if target else ""):
        if wanted and wanted in resolve:
            return Path(resolve[wanted])
    if not target or "://" in target:
        return None
    folder = profile_file.parent
    for candidate in (folder / target, folder / Path(target).name):
        if candidate.is_file():
            return candidate
    return None


def _all_ids(controls: list, parent_selected: bool, include: set | None, patterns: list[str],
             children: bool, out: set[str]) -> None:
    for control in dicts(controls):
        cid = as_str(control.get("id"))
        chosen = include is None or cid in include or any(fnmatch.fnmatchcase(cid, p) for p in patterns)
        chosen = chosen or (parent_selected and children)
        if chosen:
            out.add(cid)
        _all_ids(control.get("controls"), chosen, include, patterns, children, out)


def _walk_controls(catalog: dict) -> list:
    found: list = dicts(catalog.get("controls"))
    stack = dicts(catalog.get("groups"))
    while stack:
        group = stack.pop()
        found += dicts(group.get("controls"))
        stack += dicts(group.get("groups"))
    return found


def selection(imp: dict, catalog: dict) -> set[str]:
    """Ids selected by one import statement from `catalog`."""
    top = _walk_controls(catalog)
    chosen: set[str] = set()
    if "include-all" in imp or not dicts(imp.get("include-controls")):
        _all_ids(top, False, None, [], True, chosen)
    for rule in dicts(imp.get("include-controls")):
        ids = {as_str(i) for i in as_list(rule.get("with-ids"))}
        patterns = [as_str(m.get("pattern")) for m in dicts(rule.get("matching")) if as_str(m.get("pattern"))]
        children = rule.get("with-child-controls") == "yes"
        _all_ids(top, False, ids, patterns, children, chosen)
    for rule in dicts(imp.get("exclude-controls")):
        ids = {as_str(i) for i in as_list(rule.get("with-ids"))}
        patterns = [as_str(m.get("pattern")) for m in dicts(rule.get("matching")) if as_str(m.get("pattern"))]
        dropped: set[str] = set()
        _all_ids(top, False, ids, patterns, rule.get("with-child-controls") == "yes", dropped)
        chosen -= dropped
    return chosen


def set_parameters(profile: dict) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for setting in dicts(as_dict(profile.get("modify")).get("set-parameters")):
        chosen = [as_str(v) for v in as_list(setting.get("values")) if as_str(v)]
        if as_str(setting.get("param-id")) and chosen:
            values[as_str(setting["param-id"])] = chosen
    return values


def read_profile(draft: Draft, source: Source, *, _seen: tuple[Path, ...] = (),
                 _set_values: dict[str, list[str]] | None = None) -> None:
    """Add the controls the profile in `source` selects to `draft`; problems go to the draft."""
    profile = source.data["profile"]
    values = {**set_parameters(profile), **(_set_values or {})}
    if as_dict(profile.get("modify")).get("alters"):
        draft.note("interop.note.alters_ignored", file=source.shown)
    imports = profile.get("imports")
    if not isinstance(imports, list) or not imports:
        draft.problems.append(source.problem(("profile",), "interop.profile_no_imports"))
        return
    seen = (*_seen, source.file.path.resolve())
    for i, imp in enumerate(imports):
        path = ("profile", "imports", i, "href")
        href = as_str(imp.get("href")) if isinstance(imp, dict) else ""
        imp = as_dict(imp)
        target = _resource_href(profile, href)
        found = _locate(source.file.path, href, target, draft.options.resolve)
        if found is None or not found.is_file():
            if draft.options.skip_missing:
                draft.note("interop.note.import_skipped", href=target or href)
                continue
            draft.problems.append(source.problem(path, "interop.import_missing", href=target or href))
            continue
        if found.resolve() in seen:
            draft.problems.append(source.problem(path, "interop.import_cycle", href=target or href))
            continue
        if _hash_differs(found, _expected_hashes(profile, href)):
            draft.note("interop.note.hash_differs", file=str(found), href=target or href)
        try:
            imported = read_source(found)
        except InputError as error:
            draft.problems += error.problems
            continue
        if imported.kind == "ciso":
            draft.problems.append(source.problem(path, "interop.import_not_oscal", href=target or href))
            continue
        if imported.kind == "profile":
            read_profile(draft, imported, _seen=seen, _set_values=values)
            continue
        catalog = imported.data["catalog"]
        chosen = selection(imp, catalog)
        draft.note("interop.note.imported", file=imported.shown, count=len(chosen))
        CatalogReader(draft, imported, ("catalog",), selected=chosen.__contains__, set_values=values).read(catalog)
