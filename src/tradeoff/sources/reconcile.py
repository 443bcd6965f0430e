"""Reconcile: many sources → one value per fact, with every disagreement kept.

Precedence (docs/data.md): a curated fact beats everything; then a source that is the
provider's own (first-party) data; then datasets by rank (SOURCE_RANK); a newer checked date
breaks ties. Model-level facts fall back to what the offerings of a model say, but only when
they all agree; a disagreement there leaves the fact unknown and is recorded as a conflict.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from tradeoff.catalog.load import CatalogText
from tradeoff.catalog.schema import ImportedModelFacts, ImportedOffering, ImportFile
from tradeoff.records import (
    CAPABILITIES,
    Conflict,
    DroppedValue,
    Fact,
    Lab,
    Model,
    Offering,
    PartialDate,
    PricePoint,
    Prices,
    PriceTier,
    Provider,
    Source,
)
from tradeoff.sources.aliases import AliasIndex, CanonicalRef, Link
from tradeoff.sources.normalize import normalize

# Lower is stronger. Sources not listed rank after all listed ones.
SOURCE_RANK: dict[str, int] = {
    "models-dev": 10,
    "genai-prices": 20,
    "litellm": 30,
    "openrouter": 40,
}
# The source that is a provider's own first-party data for that provider's offerings.
FIRST_PARTY_SOURCE: dict[str, str] = {"openrouter": "openrouter"}
PRICE_FIELDS = (
    "input_per_mtok",
    "output_per_mtok",
    "cache_read_per_mtok",
    "cache_write_per_mtok",
    "reasoning_per_mtok",
    "batch_input_per_mtok",
    "batch_output_per_mtok",
    "flex_input_per_mtok",
    "flex_output_per_mtok",
    "priority_input_per_mtok",
    "priority_output_per_mtok",
)
OFFERING_FIELDS = ("context_tokens", "max_output_tokens")
MODEL_FACTS = (
    "release_date",
    "knowledge_cutoff",
    "licence",
    "open_weights",
    "parameters_total",
    "parameters_active",
    "architecture",
    "experts_total",
    "experts_per_token",
    "context_tokens",
    "max_output_tokens",
    "modalities_input",
    "modalities_output",
)
CONSENSUS_FACTS = (
    "release_date",
    "open_weights",
    "knowledge_cutoff",
    "context_tokens",
    "modalities_input",
    "modalities_output",
    "vision",
    "multimodal_input",
    "reasoning",
    "tool_call",
    "structured_output",
)


@dataclass(frozen=True)
class UnlinkedOffering:
    source_id: str
    provider_id: str
    provider_model_id: str
    reason: str


@dataclass
class Resolved:
    """The reconciled catalog, ready to compile."""

    sources: dict[str, Source] = field(default_factory=dict)
    labs: dict[str, Lab] = field(default_factory=dict)
    providers: dict[str, Provider] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)
    offerings: list[Offering] = field(default_factory=list)
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias → (model, how)
    conflicts: list[Conflict] = field(default_factory=list)
    dropped: list[DroppedValue] = field(default_factory=list)
    unlinked: list[UnlinkedOffering] = field(default_factory=list)
    skipped_models: dict[str, str] = field(default_factory=dict)  # id → reason
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name → candidates
    index: AliasIndex = field(default_factory=AliasIndex)  # for linking other data (benchmarks)
    provider_alias: dict[str, str] = field(default_factory=dict)  # dataset id → provider id
    # source → Counter(offerings=…, linked=…): each import's own offerings, after merging
    source_stats: dict[str, Counter[str]] = field(default_factory=dict)
    # source → provider ids that neither providers.toml nor its aliases know → offering count
    unmapped_providers: dict[str, Counter[str]] = field(default_factory=dict)


@dataclass
class _Claim:
    value: object
    source_id: str
    checked: str
    rank: tuple[int, str]  # (precedence, inverted date) — sorted ascending = strongest first


def _rank(source_id: str, checked: str, first_party: bool = False) -> tuple[int, str]:
    base = 0 if first_party else SOURCE_RANK.get(source_id, 90)
    inverted = "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in checked)
    return (base, inverted)


def reconcile(text: CatalogText) -> Resolved:
    """Compute the one-value-per-fact catalog from parsed catalog text."""
    out = Resolved()
    _sources(text, out)
    provider_alias = _providers(text, out)
    canonical = _canonical_models(text, out)
    index = _alias_index(text, canonical, out)
    out.index = index
    offerings_by_model = _offerings(text, out, index, provider_alias)
    _models(text, out, canonical, offerings_by_model)
    _labs(text, out)
    return out


def _sources(text: CatalogText, out: Resolved) -> None:
    for source_id, entry in text.sources.items():
        out.sources[source_id] = Source(
            id=source_id,
            name=entry.name,
            kind=entry.kind,
            url=entry.url,
            licence=entry.licence,
            retrieved=entry.retrieved.isoformat(),
            commit=entry.commit,
            attribution=entry.attribution,
            redistributable=entry.redistributable,
        )
    for imported in text.imports:
        entry = imported.source
        out.sources.setdefault(
            imported.source_id,
            Source(
                id=imported.source_id,
                name=entry.name,
                kind=entry.kind,
                url=entry.url,
                licence=entry.licence,
                retrieved=entry.retrieved.isoformat(),
                commit=entry.commit,
                attribution=entry.attribution,
                redistributable=entry.redistributable,
            ),
        )


def _providers(text: CatalogText, out: Resolved) -> dict[str, str]:
    alias: dict[str, str] = {}
    for provider_id, entry in text.providers.items():
        out.providers[provider_id] = Provider(
            id=provider_id,
            name=entry.name,
            kind=entry.kind,
            status=entry.status,
            defunct_since=entry.defunct_since,
            url=entry.url,
            lab_id=entry.lab,
        )
        alias[provider_id] = provider_id
        for other in entry.aliases:
            alias[other.lower()] = provider_id
    out.provider_alias = dict(alias)
    for imported in text.imports:
        for provider in imported.providers:
            pid = alias.get(provider.id.lower(), provider.id)
            if pid not in out.providers:
                out.providers[pid] = Provider(
                    id=pid, name=provider.name, kind="unknown", status="active", url=provider.url
                )
            alias.setdefault(provider.id.lower(), pid)
    return alias


Stated = list[tuple[ImportedModelFacts, str]]  # facts and the id of the source stating them


def _canonical_models(text: CatalogText, out: Resolved) -> dict[str, Stated]:
    """Canonical model id → model-level facts stated by each import (strongest first)."""
    found: dict[str, Stated] = defaultdict(list)
    ordered = sorted(text.imports, key=lambda f: SOURCE_RANK.get(f.source_id, 90))
    for imported in ordered:
        for facts in imported.models:
            if facts.floating:
                out.skipped_models[facts.id] = (
                    f"{imported.source_id}: floating alias (moves between checkpoints)"
                )
                continue
            found[facts.id].append((facts, imported.source_id))
    for model_id in text.curated:
        found.setdefault(model_id, [])
    for model_id in text.aliases.models:
        found.setdefault(model_id, [])
    return dict(found)


def _release_of(text: CatalogText, model_id: str, stated: Stated) -> str | None:
    curated = text.curated.get(model_id)
    if curated and "release_date" in curated.facts:
        return str(curated.facts["release_date"].value)
    for facts, _ in stated:
        if "release_date" in facts.facts:
            return str(facts.facts["release_date"])
    return None


def _alias_index(text: CatalogText, canonical: dict[str, Stated], out: Resolved) -> AliasIndex:
    index = AliasIndex()
    for name, candidates in text.aliases.ambiguous.items():
        index.ambiguous[normalize(name).key] = tuple(candidates)
    for model_id, stated in sorted(canonical.items()):
        index.add_model(CanonicalRef(model_id, _release_of(text, model_id, stated)))
    for model_id, model in sorted(text.curated.items()):
        for alias in model.aliases:
            index.add_alias(alias, model_id, str(text.curated_paths[model_id]))
    for model_id, created in sorted(text.aliases.models.items()):
        for alias in created.aliases:
            index.add_alias(alias, model_id, str(text.root / "aliases.toml"))
    for alias, model_id in sorted(text.aliases.aliases.items()):
        index.add_alias(alias, model_id, str(text.root / "aliases.toml"))
    for never, reason in text.aliases.never.items():
        index.never[never.lower()] = reason
    for spelling, model_id in index.exact.items():
        out.aliases[spelling] = (model_id, "alias")
    for key, model_id in index.keys.items():
        out.aliases.setdefault(key, (model_id, "normalized"))
    for key, models in index.ambiguous.items():
        out.ambiguous[key] = models
    return index


def _offerings(
    text: CatalogText, out: Resolved, index: AliasIndex, provider_alias: dict[str, str]
) -> dict[str, list[tuple[ImportedOffering, str, str]]]:
    """Link and merge offerings; returns model id → (offering, source id, checked) claims."""
    grouped: dict[tuple[str, str], list[tuple[ImportedOffering, ImportFile]]] = defaultdict(list)
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


def offering_spelling(provider_model_id: str) -> tuple[str, str | None, bool]:
    """What makes two ids of one provider the same offering: normalized key (routing prefix,
    case and separators erased), quantization, and a free-tier suffix."""
    norm = normalize(provider_model_id)
    free = bool(re.search(r"[:-]free$", provider_model_id.lower()))
    return norm.key, norm.quantization, free


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


def _merge_offering(
    pid: str,
    claims: list[tuple[ImportedOffering, ImportFile]],
    index: AliasIndex,
    out: Resolved,
) -> Offering | None:
    claims = sorted(
        claims,
        key=lambda c: _rank(
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
    for name in PRICE_FIELDS + OFFERING_FIELDS:
        values = [
            _Claim(
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
    tiers = next((o.prices.tiers for o, _ in claims if o.prices.tiers), [])
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
        lifecycle=best.lifecycle,
        deprecated_on=best.deprecated_on,
        retired_on=best.retired_on,
        successor=best.successor,
        link=link.how,
        price_sources=price_sources,
        history=tuple(sorted(set(history), key=lambda p: (p.effective, p.source_id))),
        disputed_fields=tuple(disputed),
    )


def _models(
    text: CatalogText,
    out: Resolved,
    canonical: dict[str, Stated],
    offerings_by_model: dict[str, list[tuple[ImportedOffering, str, str]]],
) -> None:
    first_party_of: dict[str, set[str]] = defaultdict(set)  # lab → its own providers
    for p in out.providers.values():
        if p.kind == "first-party":
            first_party_of[p.lab_id or ""].add(p.id)
    linked_by_model: dict[str, list[Offering]] = defaultdict(list)
    for offering in out.offerings:
        if offering.model_id:
            linked_by_model[offering.model_id].append(offering)
    for model_id, stated in sorted(canonical.items()):
        curated = text.curated.get(model_id)
        created = text.aliases.models.get(model_id)
        facts: dict[str, Fact[object]] = {}
        for name in (*MODEL_FACTS, *CAPABILITIES):
            facts[name] = _model_fact(
                model_id,
                name,
                curated,
                stated,
                offerings_by_model.get(model_id, []),
                first_party_of[model_id.split("/")[0]] | first_party_of[""],
                out,
            )
        linked = linked_by_model.get(model_id, [])
        facts["prompt_caching"] = _derived(linked, "cache_read_per_mtok", facts["prompt_caching"])
        facts["batch_api"] = _derived(linked, "batch_input_per_mtok", facts["batch_api"])
        name_or_none = (curated.name if curated else None) or (created.name if created else None)
        name = name_or_none or next((s.name for s, _ in stated if s.name), None) or model_id
        lab_or_none = (curated.lab if curated else None) or (created.lab if created else None)
        lab = (
            lab_or_none or next((s.lab for s, _ in stated if s.lab), None) or model_id.split("/")[0]
        )
        family = (curated.family if curated else None) or (created.family if created else None)
        family = family or next((s.family for s, _ in stated if s.family), None)
        weights = (curated.weights_url if curated else None) or next(
            (s.weights_url for s, _ in stated if s.weights_url), None
        )
        out.models[model_id] = _model_record(model_id, name, lab, family, weights, facts)


def _model_record(
    model_id: str,
    name: str,
    lab: str,
    family: str | None,
    weights: str | None,
    facts: dict[str, Fact[object]],
) -> Model:
    def date_fact(key: str) -> Fact[PartialDate]:
        f = facts[key]
        value = PartialDate(str(f.value)) if f.value is not None else None
        return Fact(value, f.source_id, f.checked, f.note, f.disputed)

    def tuple_fact(key: str) -> Fact[tuple[str, ...]]:
        f = facts[key]
        value = tuple(f.value) if isinstance(f.value, list | tuple) else None
        return Fact(value, f.source_id, f.checked, f.note, f.disputed)

    return Model(
        id=model_id,
        name=name,
        lab_id=lab,
        family=family,
        release_date=date_fact("release_date"),
        knowledge_cutoff=date_fact("knowledge_cutoff"),
        licence=facts["licence"],  # type: ignore[arg-type]
        open_weights=facts["open_weights"],  # type: ignore[arg-type]
        parameters_total=facts["parameters_total"],  # type: ignore[arg-type]
        parameters_active=facts["parameters_active"],  # type: ignore[arg-type]
        architecture=facts["architecture"],  # type: ignore[arg-type]
        experts_total=facts["experts_total"],  # type: ignore[arg-type]
        experts_per_token=facts["experts_per_token"],  # type: ignore[arg-type]
        context_tokens=facts["context_tokens"],  # type: ignore[arg-type]
        max_output_tokens=facts["max_output_tokens"],  # type: ignore[arg-type]
        modalities_input=tuple_fact("modalities_input"),
        modalities_output=tuple_fact("modalities_output"),
        capabilities={c: facts[c] for c in CAPABILITIES},  # type: ignore[misc]
        weights_url=weights,
    )


def _model_fact(
    model_id: str,
    name: str,
    curated: object,
    stated: Stated,
    offerings: list[tuple[ImportedOffering, str, str]],
    first_party: set[str],
    out: Resolved,
) -> Fact[object]:
    claims: list[_Claim] = []
    curated_facts = getattr(curated, "facts", {})
    if name in curated_facts:
        cf = curated_facts[name]
        claims.append(_Claim(cf.value, cf.source, cf.checked.isoformat(), (-1, "")))
    for facts, source in stated:
        if name in facts.facts:
            checked = out.sources[source].retrieved if source in out.sources else ""
            claims.append(_Claim(facts.facts[name], source, checked, _rank(source, checked)))
    consensus: Fact[object] | None = None
    evidence: list[tuple[object, str, str, ImportedOffering]] = []
    own: list[tuple[object, str, str, ImportedOffering]] = []
    if name in CONSENSUS_FACTS:
        evidence = [(o.facts[name], src, chk, o) for o, src, chk in offerings if name in o.facts]
        own = [
            e
            for e in evidence
            if out.provider_alias.get(e[3].provider.lower(), e[3].provider) in first_party
        ]
        pool = own or evidence
        distinct = {json.dumps(e[0]) for e in pool}
        if pool and len(distinct) == 1:
            value, src, chk, _ = pool[0]
            who = "first-party offering" if own else f"all {len(pool)} offerings stating it"
            consensus = Fact(value, src, chk, note=f"as stated by {who}")
        elif len(distinct) > 1 and not claims:
            out.conflicts.append(
                Conflict(
                    entity=f"model:{model_id}",
                    field=name,
                    chosen="unknown",
                    chosen_source_id="",
                    values=tuple(sorted({(json.dumps(e[0]), e[1], e[2]) for e in pool})),
                    rule="offerings disagree and no curated or canonical value: left unknown",
                )
            )
            return Fact(None, note=f"offerings disagree ({len(distinct)} values)", disputed=True)
    if not claims:
        return consensus if consensus is not None else Fact(None)
    if name in CONSENSUS_FACTS:
        # What a dataset says about the lab's own offering is a claim of that dataset (ranked
        # as the dataset: it is not the lab's own docs), so it can never outrank a curated fact.
        claims += [_Claim(value, src, chk, _rank(src, chk)) for value, src, chk, _ in own]
    claims.sort(key=lambda c: c.rank)
    best = claims[0]
    distinct_values = {json.dumps(_plain(c.value)) for c in claims}
    disputed = len(distinct_values) > 1
    if disputed:
        stated_values = [(json.dumps(_plain(c.value)), c.source_id, c.checked) for c in claims]
        # Every source's word on it, including what other offerings state (deduplicated).
        stated_values += sorted((json.dumps(v), src, chk) for v, src, chk, _ in evidence)
        out.conflicts.append(
            Conflict(
                entity=f"model:{model_id}",
                field=name,
                chosen=json.dumps(_plain(best.value)),
                chosen_source_id=best.source_id,
                values=tuple(dict.fromkeys(stated_values)),
                rule="precedence: curated > first-party > dataset rank > newer checked date",
            )
        )
    return Fact(best.value, best.source_id, best.checked, disputed=disputed)


def _plain(value: object) -> object:
    return str(value) if isinstance(value, Decimal) else value


def _derived(linked: list[Offering], price_field: str, current: Fact[object]) -> Fact[object]:
    if current.known:
        return current
    priced = [o for o in linked if getattr(o.prices, price_field) is not None]
    if priced:
        first = priced[0]
        return Fact(
            True,
            first.source_id,
            first.checked,
            note=f"{len(priced)} offering(s) list a {price_field.split('_per')[0]} price",
        )
    return current


def _labs(text: CatalogText, out: Resolved) -> None:
    for lab_id, entry in text.labs.items():
        out.labs[lab_id] = Lab(lab_id, entry.name, entry.url)
    for model in out.models.values():
        if model.lab_id not in out.labs:
            out.labs[model.lab_id] = Lab(model.lab_id, model.lab_id)
