"""Price history: import time, database build time and model page time, with and without it.

Usage: .venv/bin/python bench/history.py PATH [--runs N] [--models M]
(PATH: the folder of models.dev's ``price-changes.csv``: ../shared/data/models-dev-history)

Prints medians over N runs, each beside its reference:
- import: reading and checking the CSV and writing ``catalog/history/models-dev.json`` text
  (the step ``tradeoff import models-dev-history`` adds before compiling);
- compile: linking and classifying the history (``db.history_writer.history_of``) against
  the reconcile of the same catalog (the reference: what every build already does);
- build: ``build_database`` of the bundled catalog with ``history/`` against a copy without;
- page: the model page (HTML) and its price-history chart for the M models with the most
  price moves, on the catalog with history against the same pages on the one without.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tradeoff.catalog.files import default_catalog_dir
from tradeoff.catalog.history_files import history_text
from tradeoff.catalog.load import load_catalog
from tradeoff.db.build import build_database
from tradeoff.db.history_writer import history_of
from tradeoff.db.queries import Catalog
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.sources.models_dev_history import import_history


def median(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def line(what: str, value: float, reference: float, ref_name: str) -> None:
    ratio = value / reference if reference else float("nan")
    print(f"{what:<44} {value * 1000:9.1f} ms   {ref_name}: {reference * 1000:9.1f} ms   "
          f"ratio {ratio:5.2f}")  # fmt: skip


def page_times(db: Path, slugs: list[str], runs: int) -> tuple[float, float]:
    from starlette.testclient import TestClient

    from tradeoff.web.app import create_app

    def pages(suffix: str) -> Callable[[], object]:
        def work() -> None:
            client = TestClient(create_app(db))  # a fresh app: nothing cached between runs
            for slug in slugs:
                assert client.get(suffix.format(slug=slug)).status_code in (200, 404)

        return work

    html = median(runs, pages("/models/{slug}")) / len(slugs)
    chart = median(runs, pages("/charts/price-history.svg?model={slug}")) / len(slugs)
    return html, chart


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--models", type=int, default=5)
    args = parser.parse_args()
    runs = args.runs
    history = import_history(args.path)
    print(f"history rows: {len(history.rows)}; runs: {runs} (median)")
    read = median(runs, lambda: history_text(import_history(args.path)))
    catalog_dir = default_catalog_dir()
    text = load_catalog(catalog_dir)
    resolved = reconcile(text)
    reconcile_time = median(runs, lambda: reconcile(text))

    def compile_once() -> None:
        history_of(text, reconcile(text))

    compile_time = median(runs, compile_once) - reconcile_time
    with tempfile.TemporaryDirectory() as scratch:
        bare = Path(scratch) / "catalog"
        shutil.copytree(catalog_dir, bare, ignore=shutil.ignore_patterns("history"))
        bare_text = load_catalog(bare)
        with_db, bare_db = Path(scratch) / "with.sqlite", Path(scratch) / "bare.sqlite"
        build = median(runs, lambda: build_database(text, with_db, "bench"))
        build_bare = median(runs, lambda: build_database(bare_text, bare_db, "bench"))
        line("import (read + check CSV, write JSON text)", read, reconcile_time, "reconcile")
        line("compile (link + classify)", compile_time, reconcile_time, "reconcile")
        line("database build", build, build_bare, "without history")
        catalog = Catalog(with_db)
        rows = catalog.connection().execute(
            "SELECT model_id, COUNT(*) FROM price_changes WHERE kind = 'price' "
            "AND model_id IS NOT NULL GROUP BY model_id ORDER BY 2 DESC, 1 LIMIT ?",
            (args.models,),
        )
        slugs = [catalog.models[m].slug for m, _ in rows.fetchall() if m in catalog.models]
        catalog.close()
        print(f"model pages: {', '.join(slugs)}")
        html, chart = page_times(with_db, slugs, runs)
        html_bare, _ = page_times(bare_db, slugs, runs)
        line("model page (HTML), per page", html, html_bare, "without history")
        line("price-history chart (SVG), per chart", chart, html, "its model page")
    del resolved


if __name__ == "__main__":
    main()
