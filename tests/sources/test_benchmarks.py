"""Benchmark CSVs: settings from variant text, exact scores, reporters, errors naming file,
line and column; every known file has a source with its licence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.catalog.benchmark_registry import load_registry
from tradeoff.catalog.load import load_catalog
from tradeoff.errors import DataError
from tradeoff.sources.benchmarks import KNOWN_FILES, parse_settings, read_csv

FIXTURES = Path(__file__).parents[1] / "fixtures" / "benchmarks"


def test_settings_are_parsed_from_variant_text() -> None:
    assert parse_settings("") == {}
    assert parse_settings("5-shot") == {"shots": "5"}
    assert parse_settings("reasoning effort: high") == {"reasoning_effort": "high"}
    assert parse_settings("high; reasoning_effort=high") == {"reasoning_effort": "high"}
    assert parse_settings("thinking 32k") == {"thinking": "on", "thinking_budget": "32k"}
    assert parse_settings("24k think; thinking_tokens=24576") == {
        "thinking": "on",
        "thinking_budget": "24k",
    }
    assert parse_settings("no thinking") == {"thinking": "off"}
    assert parse_settings("few-shot") == {"variant": "few-shot"}  # not understood: kept whole


def test_csv_rows_keep_exact_scores_names_and_reporters(catalog_dir: Path) -> None:
    path = FIXTURES / "epoch-benchmark-stitching.csv"
    got = read_csv(path, load_registry(catalog_dir), "epoch-benchmarks")
    by_score = {r.score: r for r in got.results}
    kimi = by_score["54.6"]
    assert (kimi.benchmark, kimi.metric, kimi.metric_as_published) == (
        "gpqa-diamond",
        "accuracy",
        "accuracy (%)",
    )
    assert kimi.source_model == "Kimi-K2-Instruct" and kimi.line == 2
    assert (kimi.reported, kimi.run_by) == ("independent", "Epoch AI")
    assert by_score["77.8"].settings == {"shots": "5"}
    assert by_score["77.8"].run_by == "Stanford CRFM (HELM)"
    # the unknown benchmark is counted for review, not imported
    assert [(u.benchmark, u.rows) for u in got.unregistered] == [("Made-Up Bench", 1)]
    assert len(got.results) == 6


def test_vendor_rows_are_vendor_reported(catalog_dir: Path) -> None:
    got = read_csv(
        FIXTURES / "vendor-kimi-k2-instruct.csv",
        load_registry(catalog_dir),
        "kimi-k2-model-card",
    )
    assert {(r.reported, r.run_by) for r in got.results} == {("vendor", "Moonshot AI")}


def test_malformed_row_names_file_line_and_column(catalog_dir: Path) -> None:
    path = FIXTURES / "malformed" / "epoch-benchmark-stitching.csv"
    with pytest.raises(DataError) as caught:
        read_csv(path, load_registry(catalog_dir), "epoch-benchmarks")
    assert (caught.value.path, caught.value.line, caught.value.field) == (str(path), 3, "score")
    assert "'34.1x' is not a number" in caught.value.message


def test_known_files_have_sources_with_their_licences(catalog_dir: Path) -> None:
    sources = load_catalog(catalog_dir).sources
    for known in KNOWN_FILES.values():
        assert known.source_id in sources
    assert not sources["lmarena"].redistributable
    assert not sources["swebench"].redistributable


def _copy_with(tmp_path: Path, text: str) -> Path:
    """The epoch fixture's header and first row, then ``text``, under the fixture's name."""
    source = (FIXTURES / "epoch-benchmark-stitching.csv").read_text(encoding="utf-8")
    header, first = source.splitlines()[:2]
    path = tmp_path / "epoch-benchmark-stitching.csv"
    path.write_text(f"{header}\n{first}\n{text}", encoding="utf-8")
    return path


@pytest.mark.parametrize("date", ["2026-02-30", "2025-13", "2025-00-10"])
def test_a_date_that_is_not_on_the_calendar_names_line_and_column(
    tmp_path: Path, catalog_dir: Path, date: str
) -> None:
    row = f",GPQA Diamond,50,accuracy (%),Epoch AI (Inspect),https://x.example,{date},,M,,,,,,\n"
    with pytest.raises(DataError) as caught:
        read_csv(_copy_with(tmp_path, row), load_registry(catalog_dir), "epoch-benchmarks")
    assert (caught.value.line, caught.value.field) == (3, "date")


def test_a_file_cut_inside_a_quoted_field_is_refused(tmp_path: Path, catalog_dir: Path) -> None:
    cut = (
        ',GPQA Diamond,50,accuracy (%),Epoch AI (Inspect),https://x.example,2025-01-01,,M,,,,,,"no'
    )
    with pytest.raises(DataError, match="malformed CSV"):
        read_csv(_copy_with(tmp_path, cut), load_registry(catalog_dir), "epoch-benchmarks")
