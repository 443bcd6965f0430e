"""Read-side records of the price history: dated spans of an offering and classified changes.

These are the records every history consumer reads (the model page's price-history chart,
"price changes" claims, ``/changes``, feeds, ``--as-of`` pricing). The database holds them in
two tables (``db/schema_history.sql``): ``price_spans`` and ``price_changes``; ``db.queries``
returns them as these dataclasses. docs/history.md states the classification rule.

- ``PriceSpan``: the state of one offering (provider id + provider's model id, after the
  catalog's provider mapping) from ``effective_from`` (inclusive, ISO date) to
  ``effective_to`` (exclusive; ``None`` = still in force, or until the offering left the
  catalog: see ``PriceChange`` ``lifecycle``/``retired``). Prices are USD per 1M text tokens,
  exactly as the current import would read them (same checks and units), with corrections
  already applied (a per-token value fixed to per-million is shown per-million from the start;
  a value reverted within the revert window never shows). The offering's last span equals its
  live price (a test holds it). ``model_id`` is the canonical model it links to (the live
  offering's link, else the alias index), ``None`` when unlinked.
- ``PriceChange``: one dated event of an offering, with ``kind`` one of ``CHANGE_KINDS``:
  ``price`` (a price move; ``direction`` cut / rise / mixed), ``correction`` (a data fix:
  not a cut or a rise; ``detail`` says which rule), ``limit`` (context / max output only),
  ``lifecycle`` (``detail``: appeared, retired, renamed, deprecated, preview, ga).
  ``before``/``after`` hold input and output per 1M text tokens around the change.

Only price moves may be stated as cuts or rises; a claim compares like for like (the same
offering, the same unit: per 1M text tokens).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

PRICE = "price"
CORRECTION = "correction"
LIMIT = "limit"
LIFECYCLE = "lifecycle"
CHANGE_KINDS = (PRICE, CORRECTION, LIMIT, LIFECYCLE)

# ``PriceChange.detail`` values
APPEARED, RETIRED, RENAMED, DEPRECATED = "appeared", "retired", "renamed", "deprecated"
UNIT_FIX, REVERTED, ZERO_ARTEFACT, EARLY_FIX, PRICE_STATED = (
    "unit-fix",  # per-token vs per-million: values differ by a factor of 1000 or more
    "reverted",  # the price went back to the earlier value within REVERT_DAYS
    "zero-artefact",  # a price set to 0 (or from 0) without the offering being free
    "early-fix",  # changed within EARLY_FIX_DAYS of the offering's first appearance
    "price-stated",  # a price appeared or was removed (absent ↔ value): not a move
)
CUT, RISE, MIXED = "cut", "rise", "mixed"


@dataclass(frozen=True)
class PriceSpan:
    """One offering's prices and limits in force from ``effective_from`` to ``effective_to``."""

    provider_id: str
    provider_model_id: str
    model_id: str | None
    effective_from: str  # ISO date, inclusive
    effective_to: str | None  # ISO date, exclusive; None = in force at the last snapshot
    input_per_mtok: Decimal | None
    output_per_mtok: Decimal | None
    cache_read_per_mtok: Decimal | None
    cache_write_per_mtok: Decimal | None
    context_tokens: int | None
    max_output_tokens: int | None
    status: str | None  # upstream status: preview | deprecated | None (generally available)
    source_id: str  # models-dev-history, genai-prices, …
    commit: str | None  # the dataset commit that set this state


@dataclass(frozen=True)
class PriceChange:
    """One classified, dated change of an offering (docs/history.md)."""

    provider_id: str
    provider_model_id: str
    model_id: str | None
    date: str  # ISO date the change took effect (for models.dev: the commit's UTC date)
    kind: str  # CHANGE_KINDS
    detail: str  # cut | rise | mixed (price), a correction rule, a lifecycle event, "limits"
    before_input: Decimal | None
    before_output: Decimal | None
    after_input: Decimal | None
    after_output: Decimal | None
    fields: tuple[str, ...]  # what changed: input, output, cache_read, context, status, …
    source_id: str
    commit: str | None
    note: str | None = None  # e.g. "renamed from openrouter/x", "reverted after 3 days"

    @property
    def is_move(self) -> bool:
        """A price move: the only kind a page may call a cut or a rise."""
        return self.kind == PRICE
