"""The benchmark registry: strict schema, one benchmark per spelling, metric/subset mapping."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tradeoff.catalog.benchmark_registry import REGISTRY_FILE, load_registry
from tradeoff.catalog.load import default_catalog_dir
from tradeoff.errors import DataError

ENTRY = """
[benchmarks.gpqa-diamond]
name = "GPQA Diamond"
metric = "accuracy"
unit = "%"
higher_is_better = true
category = "knowledge"
names = ["GPQA Diamond"]
metrics = ["accuracy (%)"]
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / REGISTRY_FILE).write_text(text, encoding="utf-8")
    return tmp_path


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


def test_unknown_key_is_rejected_naming_file_and_field(tmp_path: Path) -> None:
    root = write(tmp_path, ENTRY + 'homepgae = "https://typo.example"\n')
    with pytest.raises(DataError) as caught:
        load_registry(root)
    assert caught.value.message == "unknown key"
    assert caught.value.field == "benchmarks.gpqa-diamond.homepgae"
    assert caught.value.path == str(root / REGISTRY_FILE)


def test_unknown_category_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_registry(write(tmp_path, ENTRY.replace('"knowledge"', '"vibes"')))
    assert caught.value.field == "benchmarks.gpqa-diamond.category"


def test_a_spelling_claimed_by_two_benchmarks_is_an_error(tmp_path: Path) -> None:
    twice = ENTRY + ENTRY.replace("[benchmarks.gpqa-diamond]", "[benchmarks.gpqa-copy]")
    with pytest.raises(DataError, match="claimed by 'gpqa-copy' and 'gpqa-diamond'"):
        load_registry(write(tmp_path, twice))


def test_missing_registry_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="benchmark registry not found"):
        load_registry(tmp_path)


def test_malformed_toml_names_the_line(tmp_path: Path) -> None:
    shutil.copy(default_catalog_dir() / REGISTRY_FILE, tmp_path / REGISTRY_FILE)
    with (tmp_path / REGISTRY_FILE).open("a", encoding="utf-8") as handle:
        handle.write("\n[benchmarks.broken\n")
    with pytest.raises(DataError) as caught:
        load_registry(tmp_path)
    assert caught.value.line is not None
