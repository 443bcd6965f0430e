"""Benchmark CSVs: settings from variant text, exact scores, reporters, errors naming file,
line and column; every known file has a source with its licence."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.catalog.benchmark_registry import load_registry
from tradeoff.catalog.load import load_catalog
from tradeoff.errors import DataError
from tradeoff.sources.benchmarks import KNOWN_FILES, parse_settings, preview_checkpoint, read_csv

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


# --- settings classes: Aider variants, models.dev copies of Aider rows, Epoch withdrawals ---

HEADER = (
    "model_id,benchmark,score,metric,harness,source_url,date,source_repo_path,source_model,"
    "variant,dataset,version,match,provider_ref,notes\n"
)
AIDER = "https://aider.chat/docs/leaderboards/"
AIDER_ROWS = (
    f"anthropic/claude-sonnet-4-20250514,Aider Polyglot,61.3,percent correct,aider 0.83.3.dev,"
    f"{AIDER},2025-05-24,a:p@1,claude-sonnet-4-20250514 (32k thinking),"
    f"32k thinking; thinking_tokens=32000,,,slug,,\n"
    f"anthropic/claude-sonnet-4-20250514,Aider Polyglot,56.4,percent correct,aider 0.83.3.dev,"
    f"{AIDER},2025-05-24,a:p@1,claude-sonnet-4-20250514 (no thinking),no thinking,,,slug,,\n"
    f",Aider Polyglot,83.1,percent correct,aider 0.84.1.dev,{AIDER},2025-06-06,a:p@1,"
    f"gemini-2.5-pro-preview-06-05 (32k think),32k think; thinking_tokens=32768,,,,,\n"
    f"alibaba/qwen3-235b-a22b,Aider Polyglot,59.6,percent correct,aider 0.82.4.dev,{AIDER},"
    f'2025-05-09,a:p@1,"Qwen3 235B A22B diff, no think, Alibaba API",,,,slug,,\n'
)
MODELS_DEV_COPIES = (
    f"anthropic/claude-sonnet-4-20250514,Aider Polyglot,61.3,percent correct,,{AIDER},"
    f"2025-05-24,m:s@1,Claude Sonnet 4,,,,canonical,,\n"
    f"google/gemini-2.5-pro,Aider Polyglot,83.1,percent correct,,{AIDER},2025-06-06,m:g@1,"
    f"Gemini 2.5 Pro,,,,canonical,,\n"
)


def test_aider_variants_give_each_run_its_settings_class(tmp_path: Path, catalog_dir: Path) -> None:
    path = tmp_path / "aider-leaderboards.csv"
    path.write_text(HEADER + AIDER_ROWS, encoding="utf-8")
    got = {r.source_model: r for r in read_csv(path, load_registry(catalog_dir), "aider").results}
    assert got["claude-sonnet-4-20250514 (32k thinking)"].settings == {
        "thinking": "on",
        "thinking_budget": "32k",
    }
    assert got["claude-sonnet-4-20250514 (no thinking)"].settings == {"thinking": "off"}
    gemini = got["gemini-2.5-pro-preview-06-05 (32k think)"]
    assert gemini.checkpoint == "gemini-2.5-pro-preview-06-05"
    # the run's settings are in its name when the variant column is empty
    assert got["Qwen3 235B A22B diff, no think, Alibaba API"].settings["thinking"] == "off"


def test_a_models_dev_copy_of_an_aider_row_takes_that_rows_class(
    tmp_path: Path, catalog_dir: Path
) -> None:
    (tmp_path / "aider-leaderboards.csv").write_text(HEADER + AIDER_ROWS, encoding="utf-8")
    path = tmp_path / "models-dev.csv"
    path.write_text(HEADER + MODELS_DEV_COPIES, encoding="utf-8")
    got = {r.model_id: r for r in read_csv(path, load_registry(catalog_dir), "models-dev").results}
    sonnet = got["anthropic/claude-sonnet-4-20250514"]
    assert sonnet.settings == {"thinking": "on", "thinking_budget": "32k"}
    assert sonnet.settings_from.startswith("'claude-sonnet-4-20250514 (32k thinking)' on ")
    gemini = got["google/gemini-2.5-pro"]  # models.dev quotes a preview run for the release
    assert gemini.checkpoint == "gemini-2.5-pro-preview-06-05"


def test_epoch_runs_missing_from_its_latest_file_are_withdrawn(catalog_dir: Path) -> None:
    path = FIXTURES / "epoch-benchmark-stitching.csv"
    got = read_csv(path, load_registry(catalog_dir), "epoch-benchmarks").results
    withdrawn = {r.source_model for r in got if r.withdrawn}
    assert withdrawn == {"Kimi-K2-Instruct"}
    kimi = next(r for r in got if r.withdrawn)
    assert kimi.withdrawn == (
        "withdrawn by Epoch: run not in latest file (last seen at commit 900096de11fb)"
    )


def test_a_preview_id_a_provider_serves_the_model_under_is_no_other_checkpoint() -> None:
    assert preview_checkpoint("kimi-k2-0711-preview", None, "moonshotai/kimi-k2-0711-preview") == ""
    assert preview_checkpoint("Gemini 2.5 Pro Preview 03-25") == "Gemini 2.5 Pro Preview 03-25"
    assert preview_checkpoint("gemini-exp-1206 (diff)") == "gemini-exp-1206"
    assert preview_checkpoint("claude-opus-4-20250514 (32k thinking)") == ""
