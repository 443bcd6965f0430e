"""Offerings from every import: map providers, merge spellings, link, pick one value per field.

Each (provider, model id) may be stated by several sources; the strongest source's value wins
field by field (``rank``), and every disagreement is kept as a ``Conflict``.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from tradeoff.catalog.load import CatalogText
from tradeoff.catalog.schema import ImportedOffering, ImportedTier, ImportFile
from tradeoff.normalize import offering_spelling
from tradeoff.reconcile.aliases import AliasIndex, Link
from tradeoff.reconcile.resolved import (
    FIRST_PARTY_SOURCE,
    OFFERING_FIELDS,
    Claim,
    Resolved,
    UnlinkedOffering,
    rank,
)
from tradeoff.records import (
    PRICE_FIELDS,
    Conflict,
    DroppedValue,
    Offering,
    PricePoint,
    Prices,
    PriceTier,
)


def link_and_merge_offerings(
    text: CatalogText, out: Resolved, index: AliasIndex, provider_alias: dict[str, str]
) -> dict[str, list[tuple[ImportedOffering, str, str]]]:
    """Link and merge offerings; returns model id → (offering, source id, checked) claims."""
    grouped: dict[tuple[str, str], list[tuple[ImportedOffering, ImportFile]]] = defaultdict(list)
    excluded = {
        (e.source, e.provider, e.provider_model_id.lower()): e.reason for e in text.exclusions
    }
    for imported in text.imports:
        for dropped in imported.dropped:
            out.dropped.append(
                DroppedValue(
                    imported.source_id, dropped.entity, dropped.field, dropped.value, dropped.reason
                )
            )
        for unlinked in imported.unlinked:
            out.unlinked.append(
                UnlinkedOffering(
                    imported.source_id,
                    unlinked.provider,
                    unlinked.provider_model_id,
                    unlinked.reason,
                )
            )
        unmapped = out.unmapped_providers.setdefault(imported.source_id, Counter())
        for offering in imported.offerings:
            if offering.provider.lower() not in out.provider_alias:
                unmapped[offering.provider] += 1
            pid = provider_alias.get(offering.provider.lower(), offering.provider)
            reason = excluded.get((imported.source_id, pid, offering.provider_model_id.lower()))
            if reason is not None:
                out.dropped.append(
                    DroppedValue(
                        imported.source_id,
                        f"offering:{pid}/{offering.provider_model_id}",
                        "offering",
                        offering.provider_model_id,
                        f"excluded (catalog/exclusions.toml): {reason}",
                    )
                )
                continue
            grouped[(pid, offering.provider_model_id.lower())].append((offering, imported))
    by_model: dict[str, list[tuple[ImportedOffering, str, str]]] = defaultdict(list)
    for (pid, _), claims in sorted(_merge_spellings(grouped).items()):
        merged = _merge_offering(pid, claims, index, out)
        if merged is None:
            continue
        out.offerings.append(merged)
        for _, imported in claims:
            stats = out.source_stats.setdefault(imported.source_id, Counter())
            stats["offerings"] += 1
            stats["linked"] += merged.model_id is not None
        if merged.model_id:
            for offering, imported in claims:
                checked = (offering.checked or imported.source.retrieved).isoformat()
                by_model[merged.model_id].append((offering, imported.source_id, checked))
    return by_model


Grouped = dict[tuple[str, str], list[tuple[ImportedOffering, ImportFile]]]


def _merge_spellings(grouped: Grouped) -> Grouped:
    """Merge groups of one provider whose ids differ only by spelling (together_ai's
    ``moonshotai/Kimi-K2-Instruct`` and ``kimi-k2-instruct``), but only when no source lists
    both: a source that lists two spellings says they are two offerings."""
    by_spelling: dict[tuple[str, tuple[str, str | None, bool]], list[tuple[str, str]]] = (
        defaultdict(list)
    )
    for pid, lowered in grouped:
        by_spelling[(pid, offering_spelling(lowered))].append((pid, lowered))
    merged: Grouped = {}
    for keys in by_spelling.values():
        sources = [{f.source_id for _, f in grouped[k]} for k in keys]
        disjoint = sum(len(s) for s in sources) == len(set().union(*sources))
        if len(keys) > 1 and disjoint:
            merged[keys[0]] = [claim for k in keys for claim in grouped[k]]
        else:
            merged.update({k: grouped[k] for k in keys})
    return merged


def _link(claims: list[tuple[ImportedOffering, ImportFile]], index: AliasIndex) -> Link:
    """Link by the strongest claim's id, then by every id and alias the claims give."""
    best = claims[0][0]
    first = index.link(best.provider_model_id, best.model_id)
    if first.model_id is not None or (first.reason or "").startswith("never linked"):
        return first
    for offering, _ in claims:
        for spelling in (offering.provider_model_id, *offering.aliases):
            found = index.link(spelling, offering.model_id)
            if found.model_id is not None:
                return found
            if (found.reason or "").startswith("never linked"):
                return found
    return first


LIFECYCLE_FIELDS = ("deprecated_on", "retired_on", "successor")


def _tiers(
    claims: list[tuple[ImportedOffering, ImportFile]],
    input_price: object,
    price_sources: dict[str, str],
) -> list[ImportedTier]:
    """Context tiers from a source whose base price is the one shown (never mixed sources)."""
    for offering, imported in claims:
        if offering.prices.tiers and offering.prices.input_per_mtok == input_price:
            price_sources["tiers"] = imported.source_id
            return list(offering.prices.tiers)
    return []


def _merge_offering(
    pid: str,
    claims: list[tuple[ImportedOffering, ImportFile]],
    index: AliasIndex,
    out: Resolved,
) -> Offering | None:
    claims = sorted(
        claims,
        key=lambda c: rank(
            c[1].source_id,
            (c[0].checked or c[1].source.retrieved).isoformat(),
            FIRST_PARTY_SOURCE.get(pid) == c[1].source_id,
        ),
    )
    best, best_file = claims[0]
    link = _link(claims, index)
    if link.model_id is None:
        for offering, imported in claims:
            out.unlinked.append(
                UnlinkedOffering(
                    imported.source_id, pid, offering.provider_model_id, link.reason or ""
                )
            )
    entity = f"offering:{pid}/{best.provider_model_id}"
    chosen: dict[str, object] = {}
    price_sources: dict[str, str] = {}
    disputed: list[str] = []
    for name in PRICE_FIELDS + OFFERING_FIELDS + LIFECYCLE_FIELDS:
        values = [
            Claim(
                getattr(o.prices, name) if name in PRICE_FIELDS else getattr(o, name),
                f.source_id,
                (o.checked or f.source.retrieved).isoformat(),
                (0, ""),
            )
            for o, f in claims
        ]
        present = [c for c in values if c.value is not None]
        if not present:
            continue
        chosen[name] = present[0].value
        price_sources[name] = present[0].source_id
        if len({str(c.value) for c in present}) > 1:
            disputed.append(name)
            out.conflicts.append(
                Conflict(
                    entity=entity,
                    field=name,
                    chosen=str(present[0].value),
                    chosen_source_id=present[0].source_id,
                    values=tuple((str(c.value), c.source_id, c.checked) for c in present),
                    rule="precedence: first-party > dataset rank > newer checked date",
                )
            )
    tiers = _tiers(claims, chosen.get("input_per_mtok"), price_sources)
    # "ga" is every importer's default: a source that names another stage says more.
    stated = [o.lifecycle for o, _ in claims if o.lifecycle != "ga"]
    lifecycle = stated[0] if stated else "ga"
    history: list[PricePoint] = []
    for offering, imported in claims:
        for point in offering.history:
            history.append(
                PricePoint(
                    point.effective, point.input_per_mtok, point.output_per_mtok, imported.source_id
                )
            )
    capabilities: dict[str, bool] = {}
    for offering, _ in reversed(claims):
        capabilities.update(offering.capabilities)
    return Offering(
        provider_id=pid,
        provider_model_id=best.provider_model_id,
        model_id=link.model_id,
        name=best.name,
        prices=Prices(
            **{k: v for k, v in chosen.items() if k in PRICE_FIELDS},  # type: ignore[arg-type]
            free=any(o.prices.free for o, _ in claims),
            tiers=tuple(
                PriceTier(
                    t.above_input_tokens,
                    t.input_per_mtok,
                    t.output_per_mtok,
                    t.cache_read_per_mtok,
                    t.cache_write_per_mtok,
                )
                for t in tiers
            ),
        ),
        source_id=best_file.source_id,
        checked=(best.checked or best_file.source.retrieved).isoformat(),
        context_tokens=chosen.get("context_tokens"),  # type: ignore[arg-type]
        max_output_tokens=chosen.get("max_output_tokens"),  # type: ignore[arg-type]
        quantization=best.quantization or link.quantization,
        capabilities=capabilities,
        lifecycle=lifecycle,
        deprecated_on=chosen.get("deprecated_on"),  # type: ignore[arg-type]
        retired_on=chosen.get("retired_on"),  # type: ignore[arg-type]
        successor=chosen.get("successor"),  # type: ignore[arg-type]
        link=link.how,
        source_url=next((o.source_url for o, _ in claims if o.source_url), None),
        price_sources=price_sources,
        history=tuple(sorted(set(history), key=lambda p: (p.effective, p.source_id))),
        disputed_fields=tuple(disputed),
    )
