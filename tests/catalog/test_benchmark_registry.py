"""The benchmark registry: strict schema, one benchmark per spelling, metric/subset mapping."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tradeoff.catalog.benchmark_registry import REGISTRY_FILE, load_registry
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


def test_registry_maps_source_spellings(catalog_dir: Path) -> None:
    registry = load_registry(catalog_dir)
    assert registry.lookup("GPQA Diamond", "") == "gpqa-diamond"
    assert registry.lookup("swe-bench verified", "") == "swe-bench-verified"  # case-insensitive
    assert registry.lookup("Made-Up Bench", "") is None
    assert registry.metric("gpqa-diamond", "accuracy (%)") == "accuracy"
    assert registry.metric("gpqa-diamond", "Avg@8") == "Avg@8"  # unknown spelling kept
    assert registry.subset("swe-bench-verified", "500 instances") == ""
    reporter = registry.reporter("https://github.com/MoonshotAI/Kimi-K2")
    assert reporter is not None and (reporter.name, reporter.kind) == ("Moonshot AI", "vendor")
    assert registry.reporter("https://example.org/nobody") is None


def test_a_versioned_spelling_names_one_version(tmp_path: Path) -> None:
    versioned = """
[benchmarks.terminal-bench]
name = "Terminal-Bench (1.0)"
metric = "accuracy"
unit = "%"
higher_is_better = true
category = "agentic"
names = ["Terminal-Bench"]

[benchmarks."terminal-bench-2.1"]
name = "Terminal-Bench 2.1"
version = "2.1"
metric = "success rate"
unit = "%"
higher_is_better = true
category = "agentic"
names = ["Terminal-Bench@2.1", "Terminal-Bench 2.1"]
"""
    registry = load_registry(write(tmp_path, versioned))
    assert registry.lookup("Terminal-Bench", "2.1") == "terminal-bench-2.1"
    assert registry.lookup("terminal-bench 2.1", "") == "terminal-bench-2.1"
    assert registry.lookup("Terminal-Bench", "") == "terminal-bench"


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


def test_malformed_toml_names_the_line(tmp_path: Path, catalog_dir: Path) -> None:
    shutil.copy(catalog_dir / REGISTRY_FILE, tmp_path / REGISTRY_FILE)
    with (tmp_path / REGISTRY_FILE).open("a", encoding="utf-8") as handle:
        handle.write("\n[benchmarks.broken\n")
    with pytest.raises(DataError) as caught:
        load_registry(tmp_path)
    assert caught.value.line is not None
