"""The bundled history: its last state is the live models.dev import, exactly, as the live
record reads it (a number read as another unit's rate is no text price, reconcile.mislabelled)."""

from __future__ import annotations

from tradeoff.catalog.load import CatalogText
from tradeoff.db.history_writer import history_of
from tradeoff.reconcile.mislabelled import is_mislabelled, key
from tradeoff.reconcile.reconciler import reconcile


def test_last_history_state_equals_the_live_models_dev_offerings(bundled_text: CatalogText) -> None:
    resolved = reconcile(bundled_text)
    history = history_of(bundled_text, resolved)
    imported = next(i for i in bundled_text.imports if i.source_id == "models-dev")
    last = {
        (s.provider_id, s.provider_model_id): s
        for s in history.spans
        if s.source_id == "models-dev" and s.effective_to is None
    }
    mismatches = []
    mislabelled = 0
    for o in imported.offerings:
        provider = resolved.provider_alias.get(o.provider.lower(), o.provider)
        span = last.get((provider, o.provider_model_id))
        p = o.prices
        rule = resolved.mislabelled.get(key("models-dev", provider, o.provider_model_id), {})
        names = ("input_per_mtok", "output_per_mtok", "cache_read_per_mtok", "cache_write_per_mtok")
        live = tuple(
            None if is_mislabelled(rule, n, getattr(p, n)) else getattr(p, n) for n in names
        )
        mislabelled += bool(rule)
        if span is None or live != (
            span.input_per_mtok,
            span.output_per_mtok,
            span.cache_read_per_mtok,
            span.cache_write_per_mtok,
        ):
            mismatches.append(f"{o.provider}/{o.provider_model_id}")
        elif (span.context_tokens, span.max_output_tokens) != (
            o.context_tokens,
            o.max_output_tokens,
        ):
            mismatches.append(f"{o.provider}/{o.provider_model_id} limits")
    assert len(last) >= len(imported.offerings) > 5000
    assert mismatches == []
    assert mislabelled  # the rule was applied (Google's and 302.AI's Gemini 2.5 Flash Image)
