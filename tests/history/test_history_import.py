"""models.dev's dated history: reading the CSV, linking, classifying, fixing the record."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from support.stamps import assert_current_for_the_next_start

from tradeoff.catalog.history_files import read_history_file
from tradeoff.catalog.load import load_catalog
from tradeoff.errors import DataError
from tradeoff.history_records import CORRECTION, PRICE, PriceChange, PriceSpan
from tradeoff.maintain.history_import import import_history_file
from tradeoff.reconcile.history import History, compile_history
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.sources.models_dev_history import import_history

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CSV = FIXTURES / "models-dev-history"
SLICE = FIXTURES / "catalog-slice"


@pytest.fixture(scope="module")
def compiled() -> History:
    text = load_catalog(SLICE)
    return compile_history(text, reconcile(text), [import_history(CSV)])


def _spans(history: History, provider: str, model: str) -> list[PriceSpan]:
    return [
        s
        for s in history.spans
        if (s.provider_id, s.provider_model_id) == (provider, model) and s.source_id == "models-dev"
    ]


def _changes(history: History, provider: str, model: str) -> list[PriceChange]:
    return [c for c in history.changes if (c.provider_id, c.provider_model_id) == (provider, model)]


def test_the_committed_slice_history_is_the_fixture_csv_imported() -> None:
    assert read_history_file(SLICE / "history" / "models-dev.json") == import_history(CSV)


def test_last_state_equals_the_live_models_dev_offerings(compiled: History) -> None:
    imported = next(i for i in load_catalog(SLICE).imports if i.source_id == "models-dev")
    last = {
        (s.provider_id, s.provider_model_id): s
        for s in compiled.spans
        if s.source_id == "models-dev" and s.effective_to is None
    }
    assert imported.offerings
    for o in imported.offerings:
        span = last[(o.provider, o.provider_model_id)]
        p = o.prices
        assert (
            span.input_per_mtok,
            span.output_per_mtok,
            span.cache_read_per_mtok,
            span.cache_write_per_mtok,
            span.context_tokens,
            span.max_output_tokens,
        ) == (
            p.input_per_mtok,
            p.output_per_mtok,
            p.cache_read_per_mtok,
            p.cache_write_per_mtok,
            o.context_tokens,
            o.max_output_tokens,
        ), o.provider_model_id


def test_real_moves_are_cuts_and_rises(compiled: History) -> None:
    moves = [
        (c.date, c.detail, c.before_input, c.after_input)
        for c in _changes(compiled, "deepseek", "deepseek-chat")
        if c.kind == PRICE
    ]
    assert ("2025-08-25", "rise", Decimal("0.27"), Decimal("0.57")) in moves
    assert ("2025-11-17", "cut", Decimal("0.57"), Decimal("0.28")) in moves


def test_a_per_token_entry_fixed_to_per_million_fixes_the_record(compiled: History) -> None:
    changes = _changes(compiled, "openrouter", "openai/gpt-5.4-mini")
    fix = next(c for c in changes if c.date == "2026-04-22")
    assert (fix.kind, fix.detail) == (CORRECTION, "unit-fix")
    assert not any(c.kind == PRICE and c.date == "2026-04-22" for c in changes)
    spans = _spans(compiled, "openrouter", "openai/gpt-5.4-mini")
    assert spans[0].effective_from < "2026-04-22"
    assert {s.input_per_mtok for s in spans if s.effective_from < "2026-04-22"} == {Decimal("0.75")}


def test_a_price_reverted_within_days_is_two_corrections_and_no_step(compiled: History) -> None:
    changes = _changes(compiled, "openrouter", "qwen/qwen3.6-35b-a3b")
    dated = {c.date: (c.kind, c.detail) for c in changes if c.date in ("2026-05-20", "2026-05-21")}
    assert dated == {"2026-05-20": (CORRECTION, "reverted"), "2026-05-21": (CORRECTION, "reverted")}
    inputs = {
        s.input_per_mtok
        for s in _spans(compiled, "openrouter", "qwen/qwen3.6-35b-a3b")
        if "2026-05-19" <= s.effective_from <= "2026-05-21"
    }
    assert inputs == {Decimal("0.15")}


def test_an_implausible_new_value_is_a_correction_left_as_stated(compiled: History) -> None:
    changes = _changes(compiled, "cloudflare-ai-gateway", "workers-ai/llama-2-7b-chat-fp16")
    fix = next(c for c in changes if c.date == "2025-12-13")
    assert (fix.kind, fix.detail) == (CORRECTION, "unit-fix")
    spans = _spans(compiled, "cloudflare-ai-gateway", "workers-ai/llama-2-7b-chat-fp16")
    assert all(
        s.output_per_mtok == Decimal("6.67") for s in spans if s.effective_to == "2025-12-13"
    )


def test_spans_link_to_the_live_offerings_models(compiled: History) -> None:
    spans = _spans(compiled, "groq", "openai/gpt-oss-120b")
    assert spans and {s.model_id for s in spans} == {"openai/gpt-oss-120b"}


def test_a_bad_value_names_the_file_line_and_column(tmp_path: Path) -> None:
    text = (CSV / "price-changes.csv").read_text(encoding="utf-8").splitlines()
    header, first = text[0], text[1].split(",")
    first[header.split(",").index("input")] = "cheap"
    bad = tmp_path / "price-changes.csv"
    bad.write_text("\n".join([header, ",".join(first)]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        import_history(bad)
    assert "price-changes.csv:2" in str(info.value)
    assert "input" in str(info.value)


def test_missing_columns_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "price-changes.csv"
    bad.write_text("provider,model\nopenai,gpt-5\n", encoding="utf-8")
    with pytest.raises(DataError, match="missing columns: effective_date"):
        import_history(bad)


def test_a_history_import_leaves_a_database_current_for_the_next_start(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(SLICE, root)
    (root / "history" / "models-dev.json").unlink()
    db = tmp_path / "catalog.sqlite"
    import_history_file(CSV, root, db)
    assert_current_for_the_next_start(root, db, tmp_path)
