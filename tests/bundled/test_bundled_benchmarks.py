"""The bundled catalog's benchmarks: the done criteria, licences, and the CLI surfaces."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tradeoff.catalog.benchmark_files import read_results_file, results_files
from tradeoff.catalog.benchmark_registry import load_registry
from tradeoff.catalog.load import CatalogText, default_catalog_dir
from tradeoff.cli import app
from tradeoff.compare.comparable import comparable
from tradeoff.db.benchmark_queries import benchmarks, results_by_model, results_for
from tradeoff.db.queries import Catalog
from tradeoff.sources.benchmarks import KNOWN_FILES

KIMI, MIXTRAL = "moonshotai/kimi-k2-instruct", "mistral/mixtral-8x22b-instruct"


def test_kimi_runs_epoch_withdrew_form_no_row_with_mixtral(catalog: Catalog) -> None:
    # Epoch's Kimi K2 GPQA Diamond (54.6) and MATH Level 5 (69.2) runs are not in its latest
    # runs file: they are listed as withdrawn, never set against Mixtral's 34.1 and 24.2
    got = comparable(results_for(catalog, KIMI), results_for(catalog, MIXTRAL))
    assert {r.benchmark_id for r in got.rows}.isdisjoint({"gpqa-diamond", "math-level-5"})
    withdrawn = {
        (x.result.benchmark_id, str(x.result.score))
        for x in got.left_out
        if x.reason.startswith("withdrawn by Epoch: run not in latest file")
    }
    assert {("gpqa-diamond", "54.6"), ("math-level-5", "69.2")} <= withdrawn


def test_every_models_dev_copy_of_an_aider_row_has_that_rows_class(catalog: Catalog) -> None:
    copies = [
        r
        for results in results_by_model(catalog).values()
        for r in results
        if r.source_id == "models-dev" and r.source_url.startswith("https://aider.chat/")
    ]
    assert copies and all(r.settings_from for r in copies)
    opus = next(r for r in copies if r.model_id == "anthropic/claude-opus-4-20250514")
    assert opus.settings_class == "thinking run (32k budget)"
    gemini = next(r for r in copies if r.model_id == "google/gemini-2.5-pro")
    assert gemini.checkpoint == "gemini-2.5-pro-preview-06-05"


def test_kimi_vendor_claims_are_labelled_and_never_against_independent(catalog: Catalog) -> None:
    kimi = results_for(catalog, KIMI)
    vendor = [r for r in kimi if r.source_id == "kimi-k2-model-card"]
    assert len(vendor) == 32 and all(r.reported == "vendor" for r in vendor)
    by_model = results_by_model(catalog)
    for other, results in by_model.items():
        if other == KIMI:
            continue
        for row in comparable(kimi, results).rows:
            assert row.a.reported == row.b.reported


def test_bundled_result_files_are_all_redistributable(bundled_text: CatalogText) -> None:
    root = default_catalog_dir()
    sources = bundled_text.sources
    files = results_files(root)
    assert files, "the bundled catalog ships benchmark results"
    for path in files:
        results = read_results_file(path)
        assert sources[results.source_id].redistributable, f"{path.name} must not be bundled"
    assert {read_results_file(p).source_id for p in files}.isdisjoint({"lmarena", "swebench"})


def test_benchmarks_list_json_counts_equal_lists(catalog: Catalog) -> None:
    result = CliRunner().invoke(app, ["benchmarks", "list", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["count"] == len(data["benchmarks"]) == len(benchmarks(catalog))
    gpqa = next(b for b in data["benchmarks"] if b["id"] == "gpqa-diamond")
    assert gpqa["model_count"] >= 2 and gpqa["higher_is_better"] is True


def test_models_show_lists_results_with_source_and_date(catalog: Catalog) -> None:
    result = CliRunner().invoke(app, ["models", "show", KIMI, "--json"])
    assert result.exit_code == 0, result.output
    entries = json.loads(result.output)["benchmarks"]
    assert len(entries) == len(results_for(catalog, KIMI))
    claim = next(e for e in entries if e["benchmark"] == "gpqa-diamond" and e["score"] == "75.1")
    assert claim["reported"] == "vendor" and claim["source"]["licence"] == "Modified MIT"
    assert claim["date"] == "2025-07-11"
    text = CliRunner().invoke(app, ["models", "show", KIMI], env={"COLUMNS": "200"})
    assert "vendor-reported (Moonshot AI)" in text.output


def test_bundled_registry_loads_and_maps_source_spellings() -> None:
    registry = load_registry(default_catalog_dir())
    assert registry.lookup("GPQA Diamond", "") == "gpqa-diamond"
    assert registry.lookup("swe bench pro", "") == "swe-bench-pro"  # case-insensitive
    assert registry.lookup("Terminal-Bench", "2.1") == "terminal-bench-2.1"
    assert registry.lookup("Terminal-Bench", "") == "terminal-bench"
    assert registry.lookup("Made-Up Bench", "") is None
    assert registry.metric("gpqa-diamond", "accuracy (%)") == "accuracy"
    assert registry.metric("gpqa-diamond", "Avg@8") == "Avg@8"  # unknown spelling kept
    assert registry.subset("swe-bench-verified", "500 instances") == ""
    reporter = registry.reporter("https://www.anthropic.com/news/claude-opus-4-8")
    assert reporter is not None and reporter.kind == "vendor"


def test_known_files_have_sources_with_their_licences(bundled_text: CatalogText) -> None:
    sources = bundled_text.sources
    for known in KNOWN_FILES.values():
        assert known.source_id in sources
    assert not sources["lmarena"].redistributable
    assert not sources["swebench"].redistributable
