"""The read-only query layer: the only runtime SQL. Returns plain records."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from functools import cached_property
from pathlib import Path
from typing import Any

from tradeoff.db.offering_rows import (
    OFFERING_COLUMNS,
    PRICE_COLUMNS,
    Memo,
    parse_decimal,
    price_side_tables,
)
from tradeoff.errors import AmbiguousModel, DataError, UnknownModel
from tradeoff.names import compact, rank, spelling_forms
from tradeoff.normalize import normalize
from tradeoff.records import (
    CAPABILITIES,
    Conflict,
    DroppedValue,
    Fact,
    Lab,
    Model,
    Offering,
    PartialDate,
    Prices,
    Provider,
    Source,
    snapshot_name,
)


class Catalog:
    """A compiled catalog opened read-only. Records are loaded once and cached."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise DataError("catalog database not found", path=path)
        self.path = path
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row

    def close(self) -> None:
        self._conn.close()

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        return self._conn.execute(sql, params).fetchall()

    def connection(self) -> sqlite3.Connection:
        """The read-only connection, for modules that own extra tables (benchmarks)."""
        return self._conn

    @cached_property
    def version(self) -> str:
        return str(self._rows("SELECT value FROM meta WHERE key = 'version'")[0][0])

    # --- entities -----------------------------------------------------------------------

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {
            r["id"]: Source(
                r["id"],
                r["name"],
                r["kind"],
                r["url"],
                r["licence"],
                r["retrieved"],
                r["commit"],
                r["attribution"],
                bool(r["redistributable"]),
            )
            for r in self._rows("SELECT * FROM sources ORDER BY id")
        }

    @cached_property
    def labs(self) -> dict[str, Lab]:
        return {
            r["id"]: Lab(r["id"], r["name"], r["url"])
            for r in self._rows("SELECT * FROM labs ORDER BY id")
        }

    @cached_property
    def providers(self) -> dict[str, Provider]:
        return {
            r["id"]: Provider(
                r["id"],
                r["name"],
                r["kind"],
                r["status"],
                r["defunct_since"],
                r["url"],
                r["lab_id"],
                r["region_of"],
            )
            for r in self._rows("SELECT * FROM providers ORDER BY id")
        }

    @cached_property
    def models(self) -> dict[str, Model]:
        facts: dict[str, dict[str, Fact[Any]]] = defaultdict(dict)
        sources = self.sources
        for r in self._rows("SELECT * FROM model_facts"):
            value = None if r["value_json"] is None else json.loads(r["value_json"])
            source, checked = r["source_id"], r["checked"]
            as_of = snapshot_name(sources.get(source or ""), checked)
            facts[r["model_id"]][r["field"]] = Fact(
                value, source, checked, r["note"], bool(r["disputed"]), as_of
            )
        out: dict[str, Model] = {}
        for r in self._rows("SELECT * FROM models ORDER BY id"):
            f = facts[r["id"]]

            def date(key: str, f: dict[str, Fact[Any]] = f) -> Fact[PartialDate]:
                x = f.get(key, Fact(None))
                value = PartialDate(x.value) if x.value else None
                return Fact(value, x.source_id, x.checked, x.note, x.disputed, x.as_of)

            def seq(key: str, f: dict[str, Fact[Any]] = f) -> Fact[tuple[str, ...]]:
                x = f.get(key, Fact(None))
                value = tuple(x.value) if x.value else None
                return Fact(value, x.source_id, x.checked, x.note, x.disputed, x.as_of)

            out[r["id"]] = Model(
                id=r["id"],
                name=r["name"],
                lab_id=r["lab_id"],
                family=r["family"],
                release_date=date("release_date"),
                knowledge_cutoff=date("knowledge_cutoff"),
                licence=f.get("licence", Fact(None)),
                open_weights=f.get("open_weights", Fact(None)),
                parameters_total=f.get("parameters_total", Fact(None)),
                parameters_active=f.get("parameters_active", Fact(None)),
                architecture=f.get("architecture", Fact(None)),
                experts_total=f.get("experts_total", Fact(None)),
                experts_per_token=f.get("experts_per_token", Fact(None)),
                context_tokens=f.get("context_tokens", Fact(None)),
                max_output_tokens=f.get("max_output_tokens", Fact(None)),
                modalities_input=seq("modalities_input"),
                modalities_output=seq("modalities_output"),
                capabilities={c: f.get(f"capability.{c}", Fact(None)) for c in CAPABILITIES},
                weights_url=r["weights_url"],
                kind=f.get("kind", Fact(None)),
                base_model=f.get("base_model", Fact(None)),
            )
        return out

    @cached_property
    def offerings(self) -> list[Offering]:
        tiers, history, units = price_side_tables(self._rows)
        out: list[Offering] = []
        dec = Memo(parse_decimal)  # prices repeat a lot: parse each distinct text once
        js = Memo(json.loads)
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples: this loop runs for every offering
        columns = ", ".join(OFFERING_COLUMNS)
        rows = cursor.execute(
            f"SELECT {columns} FROM offerings ORDER BY provider_id, provider_model_id"
        )
        sources = self.sources
        for row in rows:
            rec = dict(zip(OFFERING_COLUMNS, row, strict=True))
            key = (rec["provider_id"], rec["provider_model_id"])
            price_sources = dict(js(rec["price_sources_json"]))
            # A merged offering is dated by its oldest shown value: a snapshot date when that
            # value is a dataset's (its own source, or the dataset one of its prices cites).
            as_of = next(
                (
                    name
                    for sid in dict.fromkeys([rec["source_id"], *price_sources.values()])
                    if (name := snapshot_name(sources.get(sid), rec["checked"]))
                ),
                None,
            )
            prices = Prices(
                **{k: dec(rec[k]) for k in PRICE_COLUMNS},
                free=bool(rec["free"]),
                tiers=tuple(tiers.get(key, ())),
                unit_prices=tuple(units.get(key, ())),
            )
            out.append(
                Offering(
                    provider_id=rec["provider_id"],
                    provider_model_id=rec["provider_model_id"],
                    model_id=rec["model_id"],
                    name=rec["name"],
                    prices=prices,
                    source_id=rec["source_id"],
                    checked=rec["checked"],
                    context_tokens=rec["context_tokens"],
                    max_output_tokens=rec["max_output_tokens"],
                    quantization=rec["quantization"],
                    capabilities=dict(js(rec["capabilities_json"])),
                    lifecycle=rec["lifecycle"],
                    deprecated_on=rec["deprecated_on"],
                    retired_on=rec["retired_on"],
                    successor=rec["successor"],
                    link=rec["link"],
                    source_url=rec["source_url"],
                    price_origin=rec["price_origin"],
                    price_sources=price_sources,
                    history=tuple(history.get(key, ())),
                    disputed_fields=tuple(js(rec["disputed_json"])),
                    as_of=as_of,
                )
            )
        return out

    @cached_property
    def _offerings_by_model(self) -> dict[str, list[Offering]]:
        grouped: dict[str, list[Offering]] = defaultdict(list)
        for offering in self.offerings:
            if offering.model_id:
                grouped[offering.model_id].append(offering)
        return grouped

    def offerings_for(self, model_id: str) -> list[Offering]:
        """Every offering linked to a model, in provider order."""
        return list(self._offerings_by_model.get(model_id, []))

    @cached_property
    def _conflicts_by_entity(self) -> dict[str, list[Conflict]]:
        grouped: dict[str, list[Conflict]] = defaultdict(list)
        for r in self._rows("SELECT * FROM conflicts ORDER BY entity, field"):
            conflict = Conflict(
                r["entity"],
                r["field"],
                r["chosen"],
                r["chosen_source_id"],
                tuple(tuple(v) for v in json.loads(r["values_json"])),
                r["rule"],
            )
            grouped[conflict.entity].append(conflict)
        return dict(grouped)

    def conflicts(self, model_id: str | None = None) -> list[Conflict]:
        """Recorded disagreements, optionally only those about one model and its offerings."""
        by_entity = self._conflicts_by_entity
        if model_id is None:
            return [c for entity in sorted(by_entity) for c in by_entity[entity]]
        entities = {f"model:{model_id}"} | {
            f"offering:{o.provider_id}/{o.provider_model_id}" for o in self.offerings_for(model_id)
        }
        return [c for entity in sorted(entities) for c in by_entity.get(entity, [])]

    def dropped(self) -> list[DroppedValue]:
        return [
            DroppedValue(r["source_id"], r["entity"], r["field"], r["value"], r["reason"])
            for r in self._rows("SELECT * FROM dropped_values")
        ]

    def unlinked(self) -> list[tuple[str, str, str, str]]:
        return [
            (r["source_id"], r["provider_id"], r["provider_model_id"], r["reason"])
            for r in self._rows("SELECT * FROM unlinked ORDER BY provider_id, provider_model_id")
        ]

    def skipped_models(self) -> dict[str, str]:
        return {r["id"]: r["reason"] for r in self._rows("SELECT * FROM skipped_models")}

    def floating_ids(self) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
        """(id, target model, as of, source, note): docs/identity.md."""
        rows = self._rows("SELECT * FROM floating_ids ORDER BY id")
        return [(r["id"], r["target_model_id"], r["as_of"], r["source"], r["note"]) for r in rows]

    def distinct_models(self) -> dict[frozenset[str], str]:
        """Model pairs reviewed as different checkpoints → the reason."""
        rows = self._rows("SELECT * FROM distinct_models")
        return {frozenset((r["model_a"], r["model_b"])): r["reason"] for r in rows}

    @cached_property
    def aliases(self) -> dict[str, str]:
        return {r["alias"]: r["model_id"] for r in self._rows("SELECT * FROM aliases")}

    @cached_property
    def ambiguous_names(self) -> dict[str, tuple[str, ...]]:
        rows = self._rows("SELECT * FROM ambiguous_names")
        return {r["name"]: tuple(json.loads(r["candidates_json"])) for r in rows}

    # --- name resolution ----------------------------------------------------------------

    @cached_property
    def _spellings(self) -> dict[str, str]:
        """Lower-cased id, slug and bare slug (after the lab) → model id."""
        out: dict[str, str] = {}
        for model in self.models.values():
            out.setdefault(model.id.split("/", 1)[1].lower(), model.id)
        for model in self.models.values():
            out[model.id.lower()] = out[model.slug.lower()] = model.id
        return out

    @cached_property
    def _ids_by_key(self) -> dict[str, list[str]]:
        """Normalized key of each model id → the model ids that share it (sorted)."""
        grouped: dict[str, list[str]] = defaultdict(list)
        for model_id in sorted(self.models):
            grouped[normalize(model_id).key].append(model_id)
        return dict(grouped)

    def resolve(self, name: str) -> Model:
        """A canonical id, a slug or a known alias → the model; ambiguity and typos are errors."""
        models = self.models
        text = name.strip()
        if text in models:
            return models[text]
        lowered = text.lower()
        bare = {m.id for m in models.values() if m.id.split("/", 1)[1].lower() == lowered}
        if lowered in self._spellings and (len(bare) <= 1 or "/" in lowered or "--" in lowered):
            return models[self._spellings[lowered]]
        if lowered in self.aliases:
            return models[self.aliases[lowered]]
        key = normalize(text).key
        if key in self.ambiguous_names:
            raise AmbiguousModel(name, list(self.ambiguous_names[key]))
        if key in self.aliases:
            return models[self.aliases[key]]
        candidates = sorted(bare | set(self._ids_by_key.get(key, ())))
        if len(candidates) == 1:
            return models[candidates[0]]
        prefixed = sorted(
            model_id
            for model_key, ids in self._ids_by_key.items()
            if model_key.startswith(key)
            for model_id in ids
        )
        if len(candidates) > 1 or len(prefixed) > 1:
            raise AmbiguousModel(name, (candidates or prefixed)[:12])
        if len(prefixed) == 1:
            raise UnknownModel(name, prefixed)
        return models[self._spelled_or_near(name)]

    def _spelled_or_near(self, name: str) -> str:
        """A name spelled without separators ("gpt4o", "GPT 4o") → its one model id; else
        ambiguous, or unknown with near names closest first (``tradeoff.names``: the site's
        search ranks the same way)."""
        text = name.strip()
        spelled = sorted(self._ids_by_compact.get(compact(text), ()))
        if len(spelled) == 1:
            return spelled[0]
        if spelled:
            raise AmbiguousModel(name, spelled[:12])
        near = [m.id for m in rank(text, self.name_spellings)]
        raise UnknownModel(name, near[:5])

    @cached_property
    def name_spellings(self) -> dict[str, tuple[str, ...]]:
        """Model id → the compact forms of its id, bare id, slug, name and aliases."""
        aliases: dict[str, list[str]] = defaultdict(list)
        for alias, model_id in self.aliases.items():
            aliases[model_id].append(alias)
        return {
            m.id: spelling_forms([m.id, m.id.split("/", 1)[1], m.name, *aliases[m.id]])
            for m in self.models.values()
        }

    @cached_property
    def _ids_by_compact(self) -> dict[str, set[str]]:
        """Compact form of each id, bare id and alias → the models spelled so."""
        grouped: dict[str, set[str]] = defaultdict(set)
        for spelling, model_id in (*self._spellings.items(), *self.aliases.items()):
            grouped[compact(spelling)].add(model_id)
        return dict(grouped)
