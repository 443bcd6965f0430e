"""Model-level facts: curated beats datasets; offerings' claims count only when they agree."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal

from tradeoff.catalog.load import CatalogText
from tradeoff.catalog.schema import OFFERING_EVIDENCE_FACTS, ImportedOffering
from tradeoff.reconcile.model_kind import resolve_kind
from tradeoff.reconcile.resolved import MODEL_FACTS, Claim, Resolved, Stated, rank
from tradeoff.records import (
    CAPABILITIES,
    Conflict,
    DroppedValue,
    Fact,
    Model,
    Offering,
    PartialDate,
    Source,
)
from tradeoff.units import without_text


def resolve_models(
    text: CatalogText,
    out: Resolved,
    canonical: dict[str, Stated],
    offerings_by_model: dict[str, list[tuple[ImportedOffering, str, str]]],
) -> None:
    linked_by_model: dict[str, list[Offering]] = defaultdict(list)
    for offering in out.offerings:
        if offering.model_id:
            linked_by_model[offering.model_id].append(offering)
    providers = list(out.providers.values())
    excluded = {(e.source, e.model, e.field, e.value): e.reason for e in text.fact_exclusions}
    for model_id, stated in sorted(canonical.items()):
        curated = text.curated.get(model_id)
        created = text.aliases.models.get(model_id)
        facts: dict[str, Fact[object]] = {}
        # Once per model, not per fact: this set was a third of a build's reconcile time.
        first_party = {p.id for p in providers if p.is_first_party_for(model_id.split("/")[0])}
        evidence = offerings_by_model.get(model_id, [])
        facts["kind"] = resolve_kind(model_id, curated, created, stated, evidence, out)
        for name in (*MODEL_FACTS, *CAPABILITIES):
            if name == "kind":
                continue
            facts[name] = _model_fact(
                model_id,
                name,
                curated,
                stated,
                offerings_by_model.get(model_id, []),
                first_party,
                out,
                excluded,
            )
        linked = linked_by_model.get(model_id, [])
        for name, field in (
            ("prompt_caching", "cache_read_per_mtok"),
            ("batch_api", "batch_input_per_mtok"),
        ):
            facts[name] = _derived(linked, field, facts[name], out.sources)
        facts["parameters_active"] = _dense_active(facts)
        _no_calls_without_text(model_id, curated, facts, out)
        _drop_dataset_date_against_cited(model_id, curated, facts, out)
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


DATE_FACTS = ("release_date", "knowledge_cutoff")


def _drop_dataset_date_against_cited(
    model_id: str, curated: object, facts: dict[str, Fact[object]], out: Resolved
) -> None:
    """A knowledge cutoff after the release date is impossible. When one of the two dates is
    cited in the curated file and the other is only a dataset's, the dataset's date is the
    wrong one: it is dropped (and reported as dropped), never shown. When both are cited, or
    both are datasets', `tradeoff check` fails on the pair (maintain.fact_checks)."""
    release, cutoff = facts["release_date"], facts["knowledge_cutoff"]
    if release.value is None or cutoff.value is None:
        return
    if not PartialDate(str(cutoff.value)).after(PartialDate(str(release.value))):
        return
    cited = [name for name in DATE_FACTS if name in getattr(curated, "facts", {})]
    if len(cited) != 1:
        return
    kept = cited[0]
    wrong = next(name for name in DATE_FACTS if name != kept)
    dropped = facts[wrong]
    reason = (
        f"knowledge cutoff after release: {cutoff.value} after {release.value}, "
        f"contradicts the cited {kept.replace('_', ' ')} ({facts[kept].source_id})"
    )
    out.dropped.append(
        DroppedValue(
            dropped.source_id or "", f"model:{model_id}", wrong, str(dropped.value), reason
        )
    )
    facts[wrong] = Fact(None, note=f"dataset value {dropped.value} dropped: {reason}")


def _dense_active(facts: dict[str, Fact[object]]) -> Fact[object]:
    """A dense model uses every parameter for every token: active = total, from their sources."""
    active, total, arch = (
        facts["parameters_active"],
        facts["parameters_total"],
        facts["architecture"],
    )
    if active.known or not total.known or arch.value != "dense":
        return active
    return Fact(
        total.value,
        total.source_id,
        total.checked,
        note=f"dense architecture ({arch.source_id}): every parameter is active",
    )


# What a model can only do by emitting text: a function call's arguments, a JSON object.
TEXT_OUTPUT_CAPABILITIES = ("tool_call", "structured_output")


def _no_calls_without_text(
    model_id: str, curated: object, facts: dict[str, Fact[object]], out: Resolved
) -> None:
    """A model whose output modalities hold no text (an image or video model) calls no
    function and returns no structured output: the fact reads "no", from the modalities'
    source, and a dataset's "yes" is dropped with the reason (Poe's models.dev listings said
    DALL·E 3 and Sora 2 call functions: a reseller's API, not the model). A cited value
    stands; unknown modalities are not "no text"."""
    modalities = facts["modalities_output"]
    shown = without_text(modalities.value)
    if shown is None:
        return
    why = (
        f"the model's output modalities are {', '.join(shown)} (no text): "
        "a model that emits no text calls no function and returns no structured output"
    )
    cited = getattr(curated, "facts", {})
    for name in TEXT_OUTPUT_CAPABILITIES:
        fact = facts[name]
        if name in cited or fact.value is False:
            continue
        entity = f"model:{model_id}"
        if fact.value is not None:
            stated = str(fact.value)
            out.dropped.append(DroppedValue(fact.source_id or "", entity, name, stated, why))
        out.conflicts[:] = [c for c in out.conflicts if (c.entity, c.field) != (entity, name)]
        facts[name] = Fact(False, modalities.source_id, modalities.checked, note=why)


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
        kind=facts["kind"],  # type: ignore[arg-type]
        base_model=facts["base_model"],  # type: ignore[arg-type]
    )


def _model_fact(
    model_id: str,
    name: str,
    curated: object,
    stated: Stated,
    offerings: list[tuple[ImportedOffering, str, str]],
    first_party: set[str],
    out: Resolved,
    excluded: dict[tuple[str, str, str, str], str],
) -> Fact[object]:
    claims: list[Claim] = []
    curated_facts = getattr(curated, "facts", {})
    if name in curated_facts:
        cf = curated_facts[name]
        claims.append(Claim(cf.value, cf.source, cf.checked.isoformat(), (-1, "")))

    reported: set[tuple[str, str]] = set()

    def kept(value: object, source: str) -> bool:
        """False for a value catalog/exclusions.toml excludes (reported once as dropped)."""
        reason = excluded.get((source, model_id, name, str(value)))
        if reason is None:
            return True
        if (source, str(value)) not in reported:
            reported.add((source, str(value)))
            why = f"excluded (catalog/exclusions.toml): {reason}"
            out.dropped.append(DroppedValue(source, f"model:{model_id}", name, str(value), why))
        return False

    for facts, source in stated:
        if name in facts.facts and kept(facts.facts[name], source):
            checked = out.sources[source].retrieved if source in out.sources else ""
            claims.append(Claim(facts.facts[name], source, checked, rank(source, checked)))
    consensus: Fact[object] | None = None
    evidence: list[tuple[object, str, str, ImportedOffering]] = []
    own: list[tuple[object, str, str, ImportedOffering]] = []
    if name in OFFERING_EVIDENCE_FACTS:
        evidence = [
            (o.facts[name], src, chk, o)
            for o, src, chk in offerings
            if name in o.facts and kept(o.facts[name], src)
        ]
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
    if name in OFFERING_EVIDENCE_FACTS:
        # What a dataset says about the lab's own offering is a claim of that dataset (ranked
        # as the dataset: it is not the lab's own docs), so it can never outrank a curated fact.
        claims += [Claim(value, src, chk, rank(src, chk)) for value, src, chk, _ in own]
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


def _derived(
    linked: list[Offering],
    price_field: str,
    current: Fact[object],
    sources: Mapping[str, Source],
) -> Fact[object]:
    """A capability a listed price shows (a cache-read price: prompt caching), cited with the
    source of that price and that source's date: the offering's own date only when that
    source gave it (``Offering.dated_by``), else the source's retrieved date."""
    if current.known:
        return current
    priced = [o for o in linked if getattr(o.prices, price_field) is not None]
    if priced:
        first = priced[0]
        source = first.price_sources.get(price_field, first.source_id)
        known = sources.get(source)
        checked = first.checked if source == first.dated_by or known is None else known.retrieved
        return Fact(
            True,
            source,
            checked,
            note=f"{len(priced)} offering(s) list a {price_field.split('_per')[0]} price",
        )
    return current
