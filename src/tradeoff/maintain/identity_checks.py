"""Duplicate models (`tradeoff check`, error): one released checkpoint must be one model.

Two models of one lab are reported as one group when their names, their ids or the provider
ids of their offerings normalise to the same key (``tradeoff.normalize``; a name is read as an
id, with a trailing "(latest)" dropped), when they share a provider model id, or when one's id
carries the date the other (its undated twin) was released: ``gpt-4o`` released 2024-05-13
and ``gpt-4o-2024-05-13`` are one checkpoint. Either the
data is wrong (a floating id kept as a model of its own, a vendor spelling created twice), or
the two really are different checkpoints: then the pair goes to the reviewed ``[distinct]``
table of ``catalog/aliases.toml`` with its reason, and the detector leaves it alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tradeoff.catalog.alias_schema import DistinctModels
from tradeoff.db.queries import Catalog
from tradeoff.maintain.findings import Finding
from tradeoff.normalize import dates_agree, normalize

_LATEST_IN_NAME = re.compile(r"\(\s*latest\s*\)", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[()\[\],:;!?'\"]+")


@dataclass(frozen=True)
class ModelRef:
    id: str
    name: str
    lab_id: str
    release_date: str | None = None


@dataclass(frozen=True)
class OfferingRef:
    provider_id: str
    provider_model_id: str
    model_id: str


@dataclass(frozen=True)
class DuplicateGroup:
    """Models of one lab that the rules say may be one checkpoint, with the evidence."""

    lab_id: str
    model_ids: tuple[str, ...]
    evidence: tuple[str, ...]  # "name key 'claude-sonnet-4'", "provider id 'x' (openrouter)"…


def name_key(name: str) -> str:
    """A display name read as an id: "Claude 3.7 Sonnet" and "Claude Sonnet 3.7" agree."""
    text = _LATEST_IN_NAME.sub(" ", name)
    text = _PUNCTUATION.sub(" ", text).replace("/", " ")
    return normalize(text).key


def id_key(model_id: str) -> str:
    return normalize(model_id).key


def duplicate_groups(
    models: Iterable[ModelRef],
    offerings: Iterable[OfferingRef],
    distinct: Mapping[frozenset[str], str] | None = None,
) -> list[DuplicateGroup]:
    """Groups of two or more models of one lab that share a key; ``distinct`` pairs (reviewed
    as different checkpoints) do not join a group through each other."""
    distinct = distinct or {}
    by_id = {m.id: m for m in models}
    claims: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def claim(model_id: str, what: str, evidence: str) -> None:
        model = by_id.get(model_id)
        if model is not None and what:
            claims[(model.lab_id, what)][model_id].add(evidence)

    for model in by_id.values():
        claim(model.id, "key:" + name_key(model.name), f"name {model.name!r}")
        claim(model.id, "key:" + id_key(model.id), f"id {model.id!r}")
        # the undated model released on the day a dated id names is that checkpoint
        if model.release_date:
            claim(model.id, f"dated:{id_key(model.id)}@{model.release_date}", "release date")
    undated = {(m.lab_id, id_key(m.id)): m for m in by_id.values()}
    for model in by_id.values():
        norm = normalize(model.id)
        twin = undated.get((model.lab_id, norm.undated_key)) if norm.date else None
        if (
            twin is not None
            and twin.id != model.id
            and dates_agree(str(norm.date), twin.release_date)
        ):
            what = f"dated:{id_key(twin.id)}@{twin.release_date}"
            claim(model.id, what, f"its date is {twin.id}'s release")
    for o in offerings:
        claim(o.model_id, "key:" + id_key(o.provider_model_id), f"{o.provider_id} id")
        claim(o.model_id, "raw:" + o.provider_model_id.lower(), f"{o.provider_id} id")
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    evidence: dict[str, list[str]] = defaultdict(list)
    for (_lab, what), holders in sorted(claims.items()):
        ids = sorted(holders)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if frozenset((a, b)) in distinct:
                    continue
                parent[find(a)] = find(b)
                kind, _, key = what.partition(":")
                label = "provider id" if kind == "raw" else "key"
                evidence[a].append(
                    f"{label} {key!r}: {a} ({', '.join(sorted(holders[a]))}) ~ "
                    f"{b} ({', '.join(sorted(holders[b]))})"
                )
    groups: dict[str, list[str]] = defaultdict(list)
    for model_id in parent:
        groups[find(model_id)].append(model_id)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort()
        found = tuple(sorted({e for m in members for e in evidence[m]}))
        out.append(DuplicateGroup(by_id[members[0]].lab_id, tuple(members), found))
    return sorted(out, key=lambda g: (g.lab_id, g.model_ids))


def distinct_pairs(reviewed: Iterable[DistinctModels]) -> dict[frozenset[str], str]:
    """The reviewed ``[distinct]`` table as pair → reason."""
    return {frozenset(entry.models): entry.reason for entry in reviewed}


def identity_findings(catalog: Catalog) -> list[Finding]:
    """`tradeoff check`: each group of models that may be one checkpoint is an error."""
    groups = duplicate_groups(
        [
            ModelRef(
                m.id, m.name, m.lab_id, m.release_date.value.iso if m.release_date.value else None
            )
            for m in catalog.models.values()
        ],
        [
            OfferingRef(o.provider_id, o.provider_model_id, o.model_id)
            for o in catalog.offerings
            if o.model_id
        ],
        catalog.distinct_models(),
    )
    return [
        Finding(
            "error",
            "duplicate-models",
            f"model:{group.model_ids[0]}",
            f"{' and '.join(group.model_ids)} may be one checkpoint: "
            + "; ".join(group.evidence[:3])
            + " — merge them in catalog/aliases.toml, or list the pair under [distinct] "
            "with the reason they differ (docs/identity.md)",
        )
        for group in groups
    ]
