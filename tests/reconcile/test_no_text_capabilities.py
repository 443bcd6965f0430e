"""A model whose output holds no text calls no function and returns no structured output:
a dataset's "yes" for it cannot be the model's (Poe's models.dev entries gave DALL·E 3,
Sora 2 and Sora 2 Pro "function calling: yes"; their outputs are image and video)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tradeoff.catalog.load import load_catalog
from tradeoff.maintain.checks import DROPPED_KINDS
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved
from tradeoff.sources import models_dev

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def resolved() -> Resolved:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.imports = [
        models_dev.import_tree(
            FIXTURES / "no-text-calls" / "models-dev", retrieved=dt.date(2026, 7, 2)
        )
    ]
    return reconcile(text)


def test_an_image_model_does_not_call_functions(resolved: Resolved) -> None:
    paint = resolved.models["acme/paint-1"]
    assert paint.modalities_output.value == ("image",)
    for name in ("tool_call", "structured_output"):
        fact = paint.capabilities[name]
        assert fact.value is False, (name, fact)
        # read off the output modalities, with their source
        assert fact.source_id == paint.modalities_output.source_id
        assert fact.note is not None and "output modalities are image (no text)" in fact.note


def test_the_dataset_yes_is_reported_as_dropped(resolved: Resolved) -> None:
    dropped = {
        (d.source_id, d.field, d.value): d.reason
        for d in resolved.dropped
        if d.entity == "model:acme/paint-1"
    }
    reason = dropped[("models-dev", "tool_call", "True")]
    assert "output modalities are image (no text)" in reason
    assert ("models-dev", "structured_output", "True") in dropped
    kind = next(k for text, k in DROPPED_KINDS if text in reason)
    assert kind == "capability-without-text-output"  # how `tradeoff check` reports it


def test_a_text_model_keeps_its_function_calling(resolved: Resolved) -> None:
    talk = resolved.models["acme/talk-1"]
    assert talk.capabilities["tool_call"].value is True
    assert not [d for d in resolved.dropped if d.entity == "model:acme/talk-1"]
