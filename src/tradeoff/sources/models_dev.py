"""Importer for the models.dev TOML tree (models/, providers/*/provider.toml, offerings).

Reads a snapshot, resolves ``base_model`` inheritance, repairs or drops broken upstream values
(each with its reason) and returns one normalized ``ImportFile``. Linking offerings to canonical
models happens later, against the catalog's alias table, so that editing an alias never needs
a re-import.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from tradeoff.catalog.schema import (
    OFFERING_EVIDENCE_FACTS,
    ImportedModelFacts,
    ImportedOffering,
    ImportedProvider,
    ImportFile,
    SourceEntry,
)
from tradeoff.errors import DataError
from tradeoff.kinds import kind_from_modalities
from tradeoff.normalize import marked_free, normalize
from tradeoff.sources.models_dev_prices import cost_comment, read_prices
from tradeoff.sources.models_dev_reader import TreeReader, read_toml

SOURCE_ID = "models-dev"

MODEL_KEYS = {
    "name",
    "family",
    "release_date",
    "last_updated",
    "attachment",
    "reasoning",
    "temperature",
    "tool_call",
    "knowledge",
    "open_weights",
    "limit",
    "modalities",
    "structured_output",
    "weights",
    "links",
    "license",
    "benchmarks",
    "reasoning_options",
    "interleaved",
    "cost",
    "status",
    "experimental",
    "provider",
    "base_model",
    "base_model_omit",
}
LIMIT_KEYS = {"context", "output", "input"}
PROVIDER_KEYS = {"name", "env", "npm", "doc", "api"}
# models.dev's `status` values (its README, "Model Schema") → an offering's lifecycle stage.
STATUS_LIFECYCLE: dict[str, Literal["retired", "preview"]] = {
    "deprecated": "retired",
    "alpha": "preview",
    "beta": "preview",
}


def source_entry(commit: str | None, retrieved: dt.date) -> SourceEntry:
    """The models.dev source record for one snapshot."""
    return SourceEntry(
        name="models.dev",
        kind="dataset",
        url="https://github.com/anomalyco/models.dev",
        licence="MIT",
        retrieved=retrieved,
        commit=commit,
        attribution="models.dev (MIT)",
    )


def import_tree(
    root: Path, *, commit: str | None = None, retrieved: dt.date | None = None
) -> ImportFile:
    """Read a models.dev tree into one normalized import."""
    if not root.is_dir():
        raise DataError("not a directory (expected a models.dev tree)", path=root)
    for needed in ("models", "providers"):
        if not (root / needed).is_dir():
            raise DataError(f"missing '{needed}/' folder: not a models.dev tree", path=root)
    reader = TreeReader(root)
    canonical = _read_canonical(reader)
    providers, offerings = _read_providers(reader, canonical)
    return ImportFile(
        source_id=SOURCE_ID,
        source=source_entry(commit, retrieved or dt.date.today()),
        generated_by="tradeoff import models-dev",
        providers=providers,
        models=[facts for facts, _raw in canonical.values()],
        offerings=offerings,
        dropped=reader.dropped,
    )


def _read_canonical(reader: TreeReader) -> dict[str, tuple[ImportedModelFacts, dict[str, Any]]]:
    out: dict[str, tuple[ImportedModelFacts, dict[str, Any]]] = {}
    for path in sorted((reader.root / "models").glob("*/*.toml")):
        data = read_toml(path, reader.root)
        model_id = f"{path.parent.name}/{path.stem}"
        _check_keys(data, path)
        facts = _model_facts(reader, data, path, f"model:{model_id}")
        name = reader.expect(data, "name", str, path)
        kind = _kind(data)
        if kind is not None:
            facts["kind"] = kind
        weights = data.get("weights")
        weights_url = weights[0].get("url") if isinstance(weights, list) and weights else None
        out[model_id] = (
            ImportedModelFacts(
                id=model_id.lower(),
                name=name,
                lab=path.parent.name,
                family=reader.expect(data, "family", str, path),
                # "Claude Sonnet 4 (latest)": models.dev's name of a floating alias
                floating=normalize(model_id).floating or "(latest)" in (name or "").lower(),
                weights_url=weights_url,
                facts=facts,
            ),
            data,
        )
    return out


def _check_keys(data: dict[str, Any], path: Path) -> None:
    for key in data:
        if key not in MODEL_KEYS:
            raise DataError(f"unknown key {key!r}", path=path, field=key)
    for table, allowed in (("limit", LIMIT_KEYS), ("modalities", {"input", "output"})):
        section = data.get(table)
        if section is None:
            continue
        if not isinstance(section, dict):
            raise DataError(f"expected a table, got {section!r}", path=path, field=table)
        for key in section:
            if key not in allowed:
                raise DataError(f"unknown key {key!r}", path=path, field=f"{table}.{key}")


def _model_facts(
    reader: TreeReader, data: dict[str, Any], path: Path, entity: str
) -> dict[str, str | int | bool | list[str]]:
    facts: dict[str, str | int | bool | list[str]] = {}
    for key, fact in (
        ("release_date", "release_date"),
        ("last_updated", "last_updated"),
        ("knowledge", "knowledge_cutoff"),
    ):
        value = reader.date(data.get(key), path, key, entity)
        if value is not None:
            facts[fact] = value
    for key, fact in (
        ("open_weights", "open_weights"),
        ("reasoning", "reasoning"),
        ("tool_call", "tool_call"),
        ("structured_output", "structured_output"),
    ):
        value = reader.expect(data, key, bool, path)
        if value is not None:
            facts[fact] = value
    released, updated = facts.get("release_date"), facts.get("last_updated")
    if isinstance(released, str) and isinstance(updated, str) and updated < released:
        reader.drop(entity, "last_updated", updated, f"update before release ({released})")
        del facts["last_updated"]
    licence = reader.expect(data, "license", str, path)
    if licence:
        facts["licence"] = licence
    limit = data.get("limit") or {}
    context = reader.expect(limit, "context", int, path)
    output = reader.expect(limit, "output", int, path)
    if context is not None and context > 0:
        facts["context_tokens"] = context
    if output is not None and output > 0:
        if context and output > context:
            reader.drop(entity, "limit.output", output, f"max output above context ({context})")
        else:
            facts["max_output_tokens"] = output
    modalities = data.get("modalities") or {}
    for side in ("input", "output"):
        values = modalities.get(side)
        if values is None:
            continue
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise DataError(
                f"expected a list of strings, got {values!r}", path=path, field=f"modalities.{side}"
            )
        facts[f"modalities_{side}"] = sorted(values)
        if side == "input":
            facts["vision"] = "image" in values
            facts["multimodal_input"] = any(v != "text" for v in values)
    return facts


def _read_providers(
    reader: TreeReader, canonical: dict[str, tuple[ImportedModelFacts, dict[str, Any]]]
) -> tuple[list[ImportedProvider], list[ImportedOffering]]:
    providers: list[ImportedProvider] = []
    offerings: list[ImportedOffering] = []
    for provider_dir in sorted(p for p in (reader.root / "providers").iterdir() if p.is_dir()):
        manifest = provider_dir / "provider.toml"
        if not manifest.is_file():
            raise DataError("provider folder without provider.toml", path=provider_dir)
        meta = read_toml(manifest, reader.root)
        for key in meta:
            if key not in PROVIDER_KEYS:
                raise DataError(f"unknown key {key!r}", path=manifest, field=key)
        name = reader.expect(meta, "name", str, manifest)
        if not name:
            raise DataError("missing 'name'", path=manifest, field="name")
        providers.append(
            ImportedProvider(
                id=provider_dir.name, name=name, url=reader.expect(meta, "doc", str, manifest)
            )
        )
        models_dir = provider_dir / "models"
        if not models_dir.is_dir():
            continue
        for path in sorted(models_dir.rglob("*.toml")):
            model_id = str(path.relative_to(models_dir))[: -len(".toml")]
            if _dangling_link(path, reader.root):
                reader.drop(
                    f"offering:{provider_dir.name}/{model_id}",
                    "file",
                    path.read_text().strip(),
                    "symlink to a missing file: skipped",
                )
                continue
            offerings.append(_offering(reader, provider_dir.name, model_id, path, canonical))
    return providers, offerings


def _dangling_link(path: Path, root: Path) -> bool:
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    if text.endswith(".toml") and "\n" not in text and "=" not in text:
        return not (path.parent / text).resolve().is_file()
    return False


def _offering(
    reader: TreeReader,
    provider: str,
    model_id: str,
    path: Path,
    canonical: dict[str, tuple[ImportedModelFacts, dict[str, Any]]],
) -> ImportedOffering:
    own = read_toml(path, reader.root)
    _check_keys(own, path)
    entity = f"offering:{provider}/{model_id}"
    base_id = own.get("base_model")
    merged = dict(own)
    link: str | None = None
    evidence: dict[str, str | int | bool | list[str]] = {}
    evidence_keys: set[str] = set()
    if base_id is not None:
        if not isinstance(base_id, str) or base_id not in canonical:
            raise DataError(
                f"base_model {base_id!r} names no model in models/", path=path, field="base_model"
            )
        base_facts, base_raw = canonical[base_id]
        merged = _inherit(base_raw, own, own.get("base_model_omit") or [])
        for key in ("release_date", "open_weights", "knowledge"):
            if key in own and base_raw.get(key) is None:
                evidence_keys.add(key)  # states what the canonical file lacks: evidence only
                merged.pop(key, None)
            elif key in own and own[key] != base_raw[key]:
                reader.drop(
                    entity,
                    key,
                    own[key],
                    f"offering overrides model-only fact of {base_id} ({base_raw[key]!r})",
                )
                merged[key] = base_raw[key]
        released, updated = merged.get("release_date"), own.get("last_updated")
        if released and updated and str(updated) < str(released):
            # The offering's own update date against the model it serves.
            reader.drop(entity, "last_updated", updated, f"update before release ({released})")
        link = "base_model"
        model_ref = base_facts.id
    else:
        model_ref = None
        evidence = {
            k: v
            for k, v in _model_facts(reader, own, path, entity).items()
            if k in OFFERING_EVIDENCE_FACTS
        }
    if evidence_keys:
        stated = _model_facts(reader, {k: own[k] for k in evidence_keys}, path, entity)
        renamed = {"knowledge": "knowledge_cutoff"}
        wanted = {renamed.get(k, k) for k in evidence_keys}
        evidence = {k: v for k, v in stated.items() if k in wanted}
    limit = merged.get("limit") or {}
    context = reader.expect(limit, "context", int, path)
    output = reader.expect(limit, "output", int, path)
    if context is not None and context <= 0:
        reader.drop(entity, "limit.context", context, "non-positive context")
        context = None
    if output is not None and (output <= 0 or (context and output > context)):
        if output > 0 and base_id is not None and "limit" in own:
            # A standalone offering's limits were checked with its facts above; inherited limits
            # with the canonical model; an offering's own limits over a base model, here.
            reader.drop(entity, "limit.output", output, f"max output above context ({context})")
        output = None
    name = reader.expect(merged, "name", str, path)
    status = merged.get("status")
    # models.dev's README: `deprecated` = "no longer served by the provider's public API",
    # i.e. retired (no date given); alpha and beta are previews (docs/lifecycle.md).
    if status is not None and status not in STATUS_LIFECYCLE:
        reader.drop(entity, "status", status, f"unknown status (known: {sorted(STATUS_LIFECYCLE)})")
    lifecycle: Literal["retired", "preview", "ga"] = STATUS_LIFECYCLE.get(str(status), "ga")
    capabilities = {
        key: evidence[key]
        for key in ("reasoning", "tool_call", "structured_output", "vision")
        if isinstance(evidence.get(key), bool)
    }
    free = marked_free(model_id, name)
    prices = read_prices(
        reader,
        merged.get("cost"),
        path,
        entity,
        free,
        comment=cost_comment(path) if "cost" in own else None,
        modalities=merged.get("modalities"),
    )
    return ImportedOffering(
        provider=provider,
        provider_model_id=model_id,
        model_id=model_ref,
        link=link,
        name=name,
        prices=prices,
        context_tokens=context,
        max_output_tokens=output,
        quantization=normalize(model_id).quantization,
        kind=_kind(merged),
        capabilities=capabilities if base_id is None else {},
        lifecycle=lifecycle,
        facts=evidence,
    )


def _kind(data: dict[str, Any]) -> str | None:
    """The kind the entry's modalities and family state (``kinds.kind_from_modalities``)."""
    modalities = data.get("modalities") or {}
    sides = [
        modalities.get(side) if isinstance(modalities, dict) else None
        for side in ("input", "output")
    ]
    inputs, outputs = (
        s if isinstance(s, list) and all(isinstance(v, str) for v in s) else None for s in sides
    )
    family = data.get("family")
    stated = kind_from_modalities(inputs, outputs, family if isinstance(family, str) else None)
    return stated[0] if stated else None


def _inherit(base: dict[str, Any], own: dict[str, Any], omit: list[str]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for key, value in base.items():
        if key in ("benchmarks", "weights", "links"):
            continue
        merged[key] = dict(value) if isinstance(value, dict) else value
    for dotted in omit:
        head, _, tail = dotted.partition(".")
        if tail and isinstance(merged.get(head), dict):
            merged[head].pop(tail, None)
        elif not tail:
            merged.pop(head, None)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged
