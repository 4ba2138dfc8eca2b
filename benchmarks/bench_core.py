"""Opening and saving: catalogue load (cold and cached), assessment open, assessment save."""

from __future__ import annotations

import os
import shutil

import yaml

from benchmarks.common import Row, best_of


def _bare_parse(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle.read(), Loader=yaml.CSafeLoader)


def run(ctx) -> list[Row]:
    from tom_audit.store.assessment_store import load_assessment, render, save_assessment
    from tom_audit.store.catalogue_store import load_catalogue_file

    rows = []
    cache = ctx.work / "cache"
    for size in ctx.sizes:
        repeats = ctx.repeats(size)
        catalogue_path = ctx.catalogue(size)
        assessment_path = ctx.assessment(size)
        floor = best_of(lambda: _bare_parse(catalogue_path), repeats)

        def cold():
            shutil.rmtree(cache, ignore_errors=True)
            load_catalogue_file(catalogue_path)

        os.environ["TOM_AUDIT_CACHE_DIR"] = str(cache)
        rows.append(Row(size, "catalogue load+validate, first time", best_of(cold, repeats),
                        "yaml.load(CSafeLoader)", floor))
        load_catalogue_file(catalogue_path)  # warm the cache
        rows.append(Row(size, "catalogue load, cached by SHA-256", best_of(lambda: load_catalogue_file(catalogue_path), repeats),
                        "yaml.load(CSafeLoader)", floor))
        rows.append(Row(size, "assessment open (load+validate+catalogue)",
                        best_of(lambda: load_assessment(assessment_path), repeats),
                        "yaml.load(CSafeLoader)", best_of(lambda: _bare_parse(assessment_path), repeats)))
        loaded = load_assessment(assessment_path)
        target = ctx.work / f"save-{size}.tom.yaml"
        shutil.copy(assessment_path, target)
        data = render(loaded.assessment).encode()

        def bare_write():
            with open(ctx.work / "bare.yaml", "wb") as handle:
                handle.write(data)

        rows.append(Row(size, "assessment save (emit+fsync+rename+.bak)",
                        best_of(lambda: save_assessment(target, loaded.assessment), repeats),
                        "write same bytes, no fsync", best_of(bare_write, repeats)))
    return rows
