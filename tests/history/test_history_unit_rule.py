"""A history point never sets another unit's rate as a text price: the dated states of an
offering are read with the live record's rule (reconcile/other_unit_rates.py). models.dev
files an image model's price per 1M image output tokens (32) as its text output price; the
live record drops it (LiteLLM states 32 as the image rate, beside a text output price of 10),
and so must every span and change of its history, or the history mixes units and invents
price moves (Gemini 2.5 Flash Image: "fell 90%" from Google's $30 image rate)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from tradeoff.catalog.load import load_catalog
from tradeoff.compare.history_claims import moves
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.history_records import PriceSpan
from tradeoff.reconcile.history import History, compile_history
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.sources import litellm, models_dev
from tradeoff.sources.models_dev_history import import_history

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RATE = FIXTURES / "image-rate"


@pytest.fixture(scope="module")
def compiled() -> History:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.imports = [
        models_dev.import_tree(RATE / "models-dev", retrieved=dt.date(2026, 7, 2)),
        litellm.import_file(RATE / "litellm", retrieved=dt.date(2026, 11, 29)),
    ]
    return compile_history(text, reconcile(text), [import_history(RATE / "models-dev-history")])


def _spans(history: History, model: str) -> list[PriceSpan]:
    return [
        s
        for s in history.spans
        if (s.provider_id, s.provider_model_id) == ("hostco", model) and s.source_id == "models-dev"
    ]


def test_the_image_rate_is_never_a_text_output_price_in_the_history(compiled: History) -> None:
    spans = _spans(compiled, "acme/paint-2")
    assert [(s.effective_from, s.input_per_mtok, s.output_per_mtok) for s in spans] == [
        ("2025-04-01", Decimal("4.00"), None),
        ("2025-05-01", Decimal("5.00"), None),
    ]
    changes = [c for c in compiled.changes if c.provider_model_id == "acme/paint-2"]
    assert changes
    assert all(c.before_output is None and c.after_output is None for c in changes)


def test_no_price_move_is_computed_from_the_image_rate(compiled: History) -> None:
    # input alone is no blended price: the rise is not summed up with an image rate
    assert moves(compiled.changes, DEFAULT_BLEND, True) == []


def test_a_text_price_stated_as_such_stays_in_the_history(compiled: History) -> None:
    (span,) = _spans(compiled, "acme/chat-2")
    assert (span.input_per_mtok, span.output_per_mtok) == (Decimal("1.00"), Decimal("4.00"))
