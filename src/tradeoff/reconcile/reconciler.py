"""Reconcile: many sources → one value per fact, with every disagreement kept.

Precedence (docs/architecture.md): a curated fact or a hand-written offering
(catalog/providers/<id>.toml) beats everything; then a source that is the provider's own
(first-party) data; then datasets by rank (SOURCE_RANK); a newer checked date breaks ties.
Model-level facts fall back to what the offerings of a model say, but only when they all
agree; a disagreement there leaves the fact unknown and is recorded as a conflict.
"""

from __future__ import annotations

from collections import defaultdict

from tradeoff.catalog.load import CatalogText
from tradeoff.catalog.schema import ImportedModelFacts, SourceEntry
from tradeoff.errors import DataError
from tradeoff.normalize import normalize
from tradeoff.reconcile.aliases import FLOATING_UNKNOWN, AliasIndex, CanonicalRef, FloatingRef
from tradeoff.reconcile.model_facts import resolve_models
from tradeoff.reconcile.offerings import link_and_merge_offerings
from tradeoff.reconcile.resolved import SOURCE_RANK, Resolved, Stated
from tradeoff.reconcile.text_sides import drop_text_prices_of_no_text_sides
from tradeoff.records import (
    Lab,
    Provider,
    Source,
)


def reconcile(text: CatalogText) -> Resolved:
    """Compute the one-value-per-fact catalog from parsed catalog text."""
    out = Resolved()
    _sources(text, out)
    provider_alias = _providers(text, out)
    canonical = _canonical_models(text, out)
    index = _alias_index(text, canonical, out)
    out.index = index
    offerings_by_model = link_and_merge_offerings(text, out, index, provider_alias)
    resolve_models(text, out, canonical, offerings_by_model)
    # needs the models' resolved modalities (docs/units.md "A side with no text")
    drop_text_prices_of_no_text_sides(out)
    _labs(text, out)
    return out


def _source(source_id: str, entry: SourceEntry) -> Source:
    return Source(
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


def _sources(text: CatalogText, out: Resolved) -> None:
    # One record per source: hand-declared, or an import's header (never both: see load).
    for source_id, entry in text.sources.items():
        out.sources[source_id] = _source(source_id, entry)


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
            region_of=entry.region_of,
            price_basis=entry.price_basis,
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


def is_floating(facts: ImportedModelFacts) -> bool:
    """A dataset's model that is a floating id, not a checkpoint: its id floats (``-latest``)
    or its name says "(latest)" (models.dev's ``claude-sonnet-4-0``, "Claude Sonnet 4
    (latest)")."""
    named_latest = "(latest)" in (facts.name or "").lower()
    return facts.floating or named_latest or normalize(facts.id).floating


def _canonical_models(text: CatalogText, out: Resolved) -> dict[str, Stated]:
    """Canonical model id → model-level facts stated by each import (strongest first).

    A floating id is not a model (docs/identity.md): it is skipped, and its offerings link
    through the ``floating`` table of aliases.toml to the checkpoint it pointed to. A dataset
    model that aliases.toml names as a spelling of another model is skipped too."""
    found: dict[str, Stated] = defaultdict(list)
    spelled = {alias.lower(): model_id for alias, model_id in text.aliases.aliases.items()}
    ordered = sorted(text.imports, key=lambda f: SOURCE_RANK.get(f.source_id, 90))
    for imported in ordered:
        for facts in imported.models:
            floating = text.aliases.floating.get(facts.id)
            if floating is not None or is_floating(facts):
                why = FLOATING_UNKNOWN
                if floating is not None and floating.target is not None:
                    why = f"floating id, pointed to {floating.target} as of {floating.as_of}"
                out.skipped_models[facts.id] = f"{imported.source_id}: {why} (catalog/aliases.toml)"
                continue
            if facts.id in spelled:
                out.skipped_models[facts.id] = (
                    f"{imported.source_id}: the same checkpoint as {spelled[facts.id]} "
                    "(catalog/aliases.toml)"
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
    out.floating_ids = dict(text.aliases.floating)
    for pair in text.aliases.distinct:
        for model_id in pair.models:
            if model_id not in index.models:
                raise DataError(
                    f"distinct pair names unknown model {model_id!r}",
                    path=text.root / "aliases.toml",
                    field="distinct",
                )
    out.distinct_models = list(text.aliases.distinct)
    for floating_id, entry in sorted(text.aliases.floating.items()):
        ref = FloatingRef(
            entry.target, entry.as_of.isoformat() if entry.as_of else None, entry.note
        )
        index.add_floating(floating_id, ref, str(text.root / "aliases.toml"))
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
        index.never.setdefault(normalize(never).key, reason)
    for spelling, model_id in index.exact.items():
        out.aliases[spelling] = (model_id, "alias")
    for key, model_id in index.keys.items():
        out.aliases.setdefault(key, (model_id, "normalized"))
    for spelling, ref in index.floating.items():
        if ref.target is not None:
            out.aliases.setdefault(spelling, (ref.target, "floating"))
    return index


def _labs(text: CatalogText, out: Resolved) -> None:
    for lab_id, entry in text.labs.items():
        out.labs[lab_id] = Lab(lab_id, entry.name, entry.url)
    for model in out.models.values():
        if model.lab_id not in out.labs:
            out.labs[model.lab_id] = Lab(model.lab_id, model.lab_id)
