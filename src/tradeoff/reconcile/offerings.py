"""Offerings from every import and hand-written file: map providers, merge spellings, link,
pick one value per field.

Each (provider, model id) may be stated by several origins; the strongest statement's value
wins field by field (``rank``: hand-written > first-party > dataset rank > newer checked
date), and every disagreement is kept as a ``Conflict``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from tradeoff.catalog.load import CatalogText
from tradeoff.catalog.schema import ImportedOffering
from tradeoff.errors import DataError
from tradeoff.normalize import offering_spelling
from tradeoff.reconcile.aliases import AliasIndex, Link
from tradeoff.reconcile.lifecycle import (
    UNMATCHED,
    CuratedLifecycle,
    curated_lifecycle,
    stage_by_date,
)
from tradeoff.reconcile.offering_links import RULE, datasets_link, link_of, model_of
from tradeoff.reconcile.offering_prices import (
    cite_billing,
    free_flag,
    history_of,
    ordered_history,
    price_origin,
    tiers_statement,
    unit_prices_of,
    without_token_prices,
)
from tradeoff.reconcile.other_unit_rates import without_other_unit_rates
from tradeoff.reconcile.resolved import (
    FIRST_PARTY_SOURCE,
    OFFERING_FIELDS,
    Resolved,
    UnlinkedOffering,
)
from tradeoff.reconcile.statements import Statement, from_hand, from_import
from tradeoff.reconcile.unit_evidence import gather
from tradeoff.records import (
    PRICE_FIELDS,
    Conflict,
    DroppedValue,
    Offering,
    Prices,
    PriceTier,
)

Grouped = dict[tuple[str, str], list[Statement]]
LIFECYCLE_FIELDS = ("deprecated_on", "retired_on", "successor")


def link_and_merge_offerings(
    text: CatalogText, out: Resolved, index: AliasIndex, provider_alias: dict[str, str]
) -> dict[str, list[tuple[ImportedOffering, str, str]]]:
    """Link and merge offerings; returns model id → (offering, source id, checked) claims
    of the datasets (evidence for model facts; hand-written offerings state none)."""
    grouped: Grouped = defaultdict(list)
    _import_statements(text, out, provider_alias, grouped)
    _hand_statements(text, index, grouped)
    by_model: dict[str, list[tuple[ImportedOffering, str, str]]] = defaultdict(list)
    curated = curated_lifecycle(text)
    # Linked once, before the merge: a reseller's text price may be the image rate of the
    # lab's own offering of the same model (docs/units.md), which needs every group's model.
    links = [
        (pid, stated, datasets_link(stated, index))
        for (pid, _), stated in sorted(_merge_spellings(grouped).items())
    ]
    evidence = gather(
        text, out.providers, [(pid, model_of(s, found), s) for pid, s, found in links]
    )
    for pid, stated, found in links:
        strongest = min(stated, key=lambda s: s.rank).offering.provider_model_id
        entity = f"offering:{pid}/{strongest}"
        model_id = model_of(stated, found)
        known = evidence.get(model_id) if model_id else None
        statements = without_other_unit_rates(entity, stated, out, known)
        merged, relinked = _merge_offering(pid, statements, found, out, curated)
        out.offerings.append(merged)
        for statement in statements:
            if statement.hand_written:
                continue
            stats = out.source_stats.setdefault(statement.origin, Counter())
            stats["offerings"] += 1
            stats["linked"] += merged.model_id is not None
            if merged.model_id and not relinked:
                by_model[merged.model_id].append(
                    (statement.offering, statement.source_id, statement.checked)
                )
    for source_id, pid, named, where in curated.unmatched():
        out.lifecycle_unmatched.append(f"{where} ({named})")
        out.dropped.append(
            DroppedValue(
                source_id, f"offering:{pid}/{named}", "lifecycle", named, f"{UNMATCHED} ({where})"
            )
        )
    return by_model


def _import_statements(
    text: CatalogText, out: Resolved, provider_alias: dict[str, str], grouped: Grouped
) -> None:
    excluded = {
        (e.source, e.provider, e.provider_model_id.lower()): e.reason for e in text.exclusions
    }
    other_unit = {
        (e.source, e.provider, pmid.lower()): e
        for e in text.price_exclusions
        for pmid in e.provider_model_ids
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
            unit_exclusion = other_unit.get(
                (imported.source_id, pid, offering.provider_model_id.lower())
            )
            if unit_exclusion is not None:
                offering = without_token_prices(
                    offering, f"offering:{pid}/{offering.provider_model_id}", unit_exclusion,
                    imported.source_id, out,
                )  # fmt: skip
            first_party = FIRST_PARTY_SOURCE.get(pid) == imported.source_id
            statement = from_import(offering, imported, first_party)
            if unit_exclusion is not None:
                statement = cite_billing(statement, unit_exclusion, text.sources)
            grouped[(pid, offering.provider_model_id.lower())].append(statement)


def _hand_statements(text: CatalogText, index: AliasIndex, grouped: Grouped) -> None:
    """Hand-written offerings name their model: it must be a model of the catalog."""
    sources = text.sources
    for loaded in text.provider_files:
        for number, entry in enumerate(loaded.file.offerings):
            if entry.model not in index.models:
                raise DataError(
                    f"model {entry.model!r} is not in the catalog: curate it "
                    "(catalog/curated/<lab>/<slug>.toml) or check the id",
                    path=loaded.path,
                    field=f"offerings.{number}.model",
                    line=loaded.model_lines[number],
                )
            key = (loaded.provider_id, entry.provider_model_id.lower())
            grouped[key].append(from_hand(entry, loaded.provider_id, sources))


def _merge_spellings(grouped: Grouped) -> Grouped:
    """Merge groups of one provider whose ids differ only by spelling (together_ai's
    ``moonshotai/Kimi-K2-Instruct`` and ``kimi-k2-instruct``), but only when no origin lists
    both: an origin that lists two spellings says they are two offerings."""
    by_spelling: dict[tuple[str, tuple[str, str | None, bool]], list[tuple[str, str]]] = (
        defaultdict(list)
    )
    for pid, lowered in grouped:
        by_spelling[(pid, offering_spelling(lowered))].append((pid, lowered))
    merged: Grouped = {}
    for keys in by_spelling.values():
        origins = [{s.origin for s in grouped[k]} for k in keys]
        disjoint = sum(len(o) for o in origins) == len(set().union(*origins))
        if len(keys) > 1 and disjoint:
            merged[keys[0]] = [statement for k in keys for statement in grouped[k]]
        else:
            merged.update({k: grouped[k] for k in keys})
    return merged


def _shown(value: object) -> str:
    """A value in a conflict; a hand-written lifecycle without this date states "none"."""
    return "none" if value is None else str(value)


def _field_value(statement: Statement, name: str) -> object:
    offering = statement.offering
    return getattr(offering.prices, name) if name in PRICE_FIELDS else getattr(offering, name)


def _merge_offering(
    pid: str,
    statements: list[Statement],
    found: Link | None,
    out: Resolved,
    curated: CuratedLifecycle | None = None,
) -> tuple[Offering, bool]:
    """The offering, and whether a hand-written file linked it to another model than the
    datasets do (their entries then describe another model: no evidence for its facts)."""
    statements = sorted(statements, key=lambda s: s.rank)
    best = statements[0]
    entity = f"offering:{pid}/{best.offering.provider_model_id}"
    conflicts_before = len(out.conflicts)
    link = link_of(entity, statements, found, out)
    relinked = len(out.conflicts) > conflicts_before  # only a model_id conflict is recorded there
    # A curated lifecycle entry states the lifecycle fields only, above every other origin.
    life = (
        curated.for_offering(pid, {s.offering.provider_model_id for s in statements}, link.model_id)
        if curated
        else None
    )
    lifecycle_statements = [life, *statements] if life else statements
    if link.model_id is None:
        for statement in statements:
            out.unlinked.append(
                UnlinkedOffering(
                    statement.origin, pid, statement.offering.provider_model_id, link.reason or ""
                )
            )
    chosen: dict[str, object] = {}
    price_sources: dict[str, str] = {}
    disputed: list[str] = []
    shown_dates: list[tuple[str, str]] = []  # (checked date, source) of every value shown

    def pick(name: str, present: Sequence[tuple[object, str, str]], cite: bool = True) -> object:
        """The strongest statement's value; a disagreement is recorded as a conflict.

        ``cite``: name its source in ``price_sources`` (db.export nulls the column of each
        field a non-redistributable source gave, so only column names and hand-written
        capabilities go there)."""
        value, source_id, checked = present[0]
        if value is not None:
            if cite:
                price_sources[name] = source_id
            shown_dates.append((checked, source_id))
        if len({_shown(v) for v, _, _ in present}) > 1:
            disputed.append(name)
            out.conflicts.append(
                Conflict(
                    entity=entity,
                    field=name,
                    chosen=_shown(value),
                    chosen_source_id=source_id,
                    values=tuple((_shown(v), s, c) for v, s, c in present),
                    rule=RULE,
                )
            )
        return value

    for name in PRICE_FIELDS + OFFERING_FIELDS + LIFECYCLE_FIELDS:
        present = [
            (_field_value(s, name), *s.source_of(name))
            for s in (lifecycle_statements if name in LIFECYCLE_FIELDS else statements)
            if s.states(name, _field_value(s, name))
        ]
        if present:
            value = pick(name, present)
            if value is not None:
                chosen[name] = value
    free = free_flag(statements, pick)
    tiers_from = tiers_statement(statements, chosen)
    tiers = list(tiers_from.offering.prices.tiers) if tiers_from else []
    if tiers_from is not None:
        price_sources["tiers"] = tiers_from.source_id
        shown_dates.append((tiers_from.checked, tiers_from.source_id))
    unit_prices = unit_prices_of(statements, pick, price_sources)
    # "ga" is every importer's default: a source that names another stage says more, and
    # a hand-written lifecycle says it even when it is "ga".
    stages = [
        (s.offering.lifecycle, *s.source_of("lifecycle"))
        for s in lifecycle_statements
        if s.offering.lifecycle != "ga" or "lifecycle" in s.cited
    ]
    lifecycle = str(pick("lifecycle", stages, cite=False)) if stages else "ga"
    retired_by = next(
        (s for s in lifecycle_statements if s.states("retired_on", s.offering.retired_on)), None
    )
    if retired_by is not None:
        lifecycle = stage_by_date(
            lifecycle, retired_by.offering.retired_on, retired_by.source_of("retired_on")[1]
        )
    quantizations = [
        (s.offering.quantization, *s.source_of("quantization"))
        for s in statements
        if s.offering.quantization
    ]
    quantization = pick("quantization", quantizations) if quantizations else link.quantization
    # Capabilities are provider overrides. A hand-written one keeps its citation in
    # ``price_sources["capability.<name>"]`` (a dataset's is the offering's dataset). Pages
    # do not show them yet: their dates do not count in ``checked``.
    capabilities: dict[str, bool] = {}
    dates_before = len(shown_dates)
    for capability in sorted({c for s in statements for c in s.offering.capabilities}):
        key = f"capability.{capability}"
        stating = [s for s in statements if capability in s.offering.capabilities]
        present = [(s.offering.capabilities[capability], *s.source_of(key)) for s in stating]
        capabilities[capability] = bool(pick(key, present, cite=stating[0].hand_written))
    del shown_dates[dates_before:]
    history = history_of(statements, chosen, entity, out)
    oldest = min(
        shown_dates,
        key=lambda d: (d[0], d[1] != best.source_id, d[1]),
        default=(best.checked, best.source_id),
    )
    offering = best.offering
    # A hand-written offering need not repeat the provider's display name a dataset gives.
    names = [s.offering.name for s in statements if s.offering.name]
    merged = Offering(
        provider_id=pid,
        provider_model_id=offering.provider_model_id,
        model_id=link.model_id,
        name=offering.name or (names[0] if best.hand_written and names else None),
        prices=Prices(
            **{k: v for k, v in chosen.items() if k in PRICE_FIELDS},  # type: ignore[arg-type]
            free=free,
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
            unit_prices=unit_prices,
        ),
        source_id=best.source_id,
        # Last reviewed: the oldest date of the values shown (a mixed row is as old as its
        # oldest part), with the source that dated it.
        checked=oldest[0],
        checked_source=oldest[1] if oldest[1] != best.source_id else None,
        context_tokens=chosen.get("context_tokens"),  # type: ignore[arg-type]
        max_output_tokens=chosen.get("max_output_tokens"),  # type: ignore[arg-type]
        quantization=quantization,  # type: ignore[arg-type]
        capabilities=capabilities,
        lifecycle=lifecycle,
        deprecated_on=chosen.get("deprecated_on"),  # type: ignore[arg-type]
        retired_on=chosen.get("retired_on"),  # type: ignore[arg-type]
        successor=chosen.get("successor"),  # type: ignore[arg-type]
        link=link.how,
        source_url=next((s.offering.source_url for s in statements if s.offering.source_url), None),
        price_origin=price_origin(statements, price_sources.get("input_per_mtok")),
        price_sources=price_sources,
        history=ordered_history(history),
        disputed_fields=tuple(disputed),
    )
    return merged, relinked
