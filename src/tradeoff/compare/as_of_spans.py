"""Prices in force on a past day from the dated price history (``PriceSpan`` records), over
records (pure); ``tradeoff compare|cost --as-of DATE`` when the catalog holds spans.

The rule, per offering (matched to its spans by provider and provider model id, the id
compared case-insensitively, as the history pages match them):

- retired on or before ``day`` (the offering's ``retired_on``): left out;
- a span in force on ``day``, unless the live record is dated later than the span's start
  and not after ``day`` (``live_dated``: then that newer witness prices it, as below): priced
  from the span (models.dev's when several sources have one, else another's): input, output,
  cache read and cache write per 1M text tokens as the span states them, with its context
  and output limits and status. When those four prices equal today's, today's batch / flex /
  priority / tier prices are kept; else they are left unpriced rather than shown at today's
  values. Prices in other units (per image, per audio minute…) are never on the timeline:
  they are kept as they are;
- no span in force on ``day`` (none at all, its first span starts later, or its last one
  ended before): kept only within the live snapshot's range for that offering — from the
  day its live price is dated (its first ``price_history`` point, else its checked /
  snapshot date) through today (``live_dated`` is not None) — and priced by
  ``compare.as_of.offering_as_of`` (an offering models.dev dropped but another dataset
  still sells is sold on the days that dataset dates); before that range it is left out: it
  was not sold then, or not known at a price.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from tradeoff.compare.as_of import offering_as_of, stage_on
from tradeoff.history_records import PriceSpan
from tradeoff.records import Offering, Prices

OfferingKey = tuple[str, str]  # (provider id, provider model id, lower case)
PREFERRED_SOURCE = "models-dev"
_STATUS = {"preview": "preview", "deprecated": "deprecated"}


def key_of(provider_id: str, provider_model_id: str) -> OfferingKey:
    """How an offering and its spans are matched."""
    return (provider_id, provider_model_id.lower())


def in_force(spans: Iterable[PriceSpan]) -> dict[OfferingKey, PriceSpan]:
    """One span per offering among ``spans`` (all in force the same day): models.dev's first."""
    chosen: dict[OfferingKey, PriceSpan] = {}
    for s in sorted(spans, key=lambda s: (s.source_id != PREFERRED_SOURCE, s.source_id)):
        chosen.setdefault(key_of(s.provider_id, s.provider_model_id), s)
    return chosen


def offering_on_span(offering: Offering, span: PriceSpan, day: str) -> Offering:
    """``offering`` as ``span`` states it (see above); ``day`` decides a deprecation."""
    today = offering.prices
    stated = (
        span.input_per_mtok,
        span.output_per_mtok,
        span.cache_read_per_mtok,
        span.cache_write_per_mtok,
    )
    same = stated == (
        today.input_per_mtok,
        today.output_per_mtok,
        today.cache_read_per_mtok,
        today.cache_write_per_mtok,
    )
    paid = any(p is not None and p > 0 for p in stated[:2])
    prices = (
        today
        if same
        else Prices(
            input_per_mtok=span.input_per_mtok,
            output_per_mtok=span.output_per_mtok,
            cache_read_per_mtok=span.cache_read_per_mtok,
            cache_write_per_mtok=span.cache_write_per_mtok,
            free=today.free and not paid,
            unit_prices=today.unit_prices,
        )
    )
    stage = stage_on(offering, day)
    lifecycle = stage if stage == "deprecated" else _STATUS.get(span.status or "", "ga")
    fields = ("input_per_mtok", "output_per_mtok", "cache_read_per_mtok", "cache_write_per_mtok")
    sources = dict(offering.price_sources) if same else {}
    sources.update({f: span.source_id for f, v in zip(fields, stated, strict=True) if v})
    return replace(
        offering,
        prices=prices,
        lifecycle=lifecycle,
        context_tokens=span.context_tokens or offering.context_tokens,
        max_output_tokens=span.max_output_tokens or offering.max_output_tokens,
        checked=span.effective_from,
        checked_source=span.source_id,  # the date is the span's: cited with its source
        as_of=span.source_id,
        price_sources=sources,
        history=tuple(p for p in offering.history if p.effective[:10] <= day),
    )


def live_dated(offering: Offering, day: str) -> str | None:
    """The date of the live record's state on ``day``: its last ``price_history`` point on or
    before ``day``, else (no point) its checked / snapshot date when not after ``day``; None
    when the live record says nothing of that day."""
    if offering.history:
        points = [p.effective[:10] for p in offering.history if p.effective[:10] <= day]
        return max(points) if points else None
    return offering.checked[:10] if offering.checked[:10] <= day else None


def offerings_on_spans(
    offerings: Iterable[Offering], day: str, spans: Mapping[OfferingKey, PriceSpan]
) -> list[Offering]:
    """Every offering sold on ``day`` at that day's prices; ``spans`` are those in force that
    day (``in_force``)."""
    out: list[Offering] = []
    for o in offerings:
        if o.retired_on and o.retired_on[:10] <= day:
            continue
        span = spans.get(key_of(o.provider_id, o.provider_model_id))
        witness = live_dated(o, day)
        if span is not None and (witness is None or span.effective_from >= witness):
            out.append(offering_on_span(o, span, day))
        elif witness is not None:
            out += [kept] if (kept := offering_as_of(o, day)) else []
    return out
