"""Linking a history's offerings as the current import's are linked (reconcile.history)."""

from __future__ import annotations

from collections import defaultdict
from typing import cast

from tradeoff.catalog.load import CatalogText
from tradeoff.normalize import offering_spelling
from tradeoff.reconcile.history_rules import PRICE_NAMES, Prices
from tradeoff.reconcile.mislabelled import is_mislabelled, key
from tradeoff.reconcile.resolved import Resolved
from tradeoff.units import without_text


class Linker:
    """Provider mapping, model links and the per-1M-text-token rule of one catalog."""

    def __init__(self, resolved: Resolved) -> None:
        self.resolved = resolved
        self.live: dict[tuple[str, str], str | None] = {}
        self.by_provider: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for o in resolved.offerings:
            self.live[(o.provider_id, o.provider_model_id.lower())] = o.model_id
            self.by_provider[o.provider_id].append((o.provider_model_id.lower(), o.model_id))
        # a provider's offerings by spelling, built on the first id not found as written
        self.spelled: dict[str, dict[tuple[str, str | None, bool], str | None]] = {}
        self.cache: dict[tuple[str, str], tuple[str, str | None]] = {}
        self.no_text: dict[str, set[str]] = {}  # "provider/model" → price names never per 1M

    def read_units(self, text: CatalogText, source_id: str) -> None:
        """What the dataset's current import read in another unit than per 1M text tokens
        (a ``# per audio minute`` table, a side without text): never a per-1M price in the
        history either (the unit of an offering does not change with time)."""
        for imported in text.imports:
            if imported.source_id != source_id:
                continue
            for d in imported.dropped:
                name = d.field.removeprefix("cost.")
                if name in PRICE_NAMES and ("no text" in d.reason or "priced" in d.reason):
                    self.no_text.setdefault(d.entity.removeprefix("offering:"), set()).add(name)
            for o in imported.offerings:
                if any(u.unit != "per_mtok_audio" for u in o.prices.unit_prices):
                    self.no_text[f"{o.provider}/{o.provider_model_id}"] = set(PRICE_NAMES)

    def _spelled(self, pid: str, lowered: str) -> tuple[bool, str | None]:
        if pid not in self.spelled:
            self.spelled[pid] = {
                offering_spelling(mid): model_id for mid, model_id in self.by_provider[pid]
            }
        spelling = offering_spelling(lowered)
        found = self.spelled[pid]
        return (spelling in found, found.get(spelling))

    def link(self, provider: str, model: str) -> tuple[str, str | None]:
        """(provider id, canonical model id or None) of a dataset's offering."""
        key = (provider, model)
        if key not in self.cache:
            pid = self.resolved.provider_alias.get(provider.lower(), provider)
            lowered = model.lower()
            if (pid, lowered) in self.live:
                model_id = self.live[(pid, lowered)]
            else:
                known, model_id = self._spelled(pid, lowered)
                if not known:
                    model_id = self.resolved.index.link(model).model_id
            self.cache[key] = (pid, model_id)
        return self.cache[key]

    def text_sides(
        self,
        model_id: str | None,
        prices: Prices,
        entity: str = "",
        offering: tuple[str, str, str] | None = None,
    ) -> Prices:
        """No price per 1M text tokens on a side without text (docs/units.md), nor a number
        the live record reads as another unit's rate for this (source, provider, model)
        ``offering`` (reconcile.mislabelled): the same rule, on every dated state."""
        rule = self.resolved.mislabelled.get(key(*offering)) if offering else None
        if rule:
            prices = cast(
                Prices,
                tuple(
                    None if is_mislabelled(rule, f"{n}_per_mtok", p) else p
                    for n, p in zip(PRICE_NAMES, prices, strict=True)
                ),
            )
        dropped = self.no_text.get(entity)
        if dropped:
            prices = cast(
                Prices,
                tuple(
                    None if n in dropped else p for n, p in zip(PRICE_NAMES, prices, strict=True)
                ),
            )
        model = self.resolved.models.get(model_id) if model_id else None
        if model is None:
            return prices
        i, o, cr, cw = prices
        if without_text(model.modalities_input.value):
            i, cr, cw = None, None, None
        if without_text(model.modalities_output.value):
            o = None
        return (i, o, cr, cw)
