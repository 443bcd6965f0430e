"""The read-only query layer: the only runtime SQL. Returns plain records."""

from __future__ import annotations

import json
import sqlite3
from _thread import RLock  # threading's RLock, without importing threading (a cold start)
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

from tradeoff.db.record_rows import load_models, load_offerings
from tradeoff.errors import AmbiguousModel, DataError, UnknownModel
from tradeoff.records import Lab, Model, Provider, Source

TYPE_CHECKING = False  # typing.TYPE_CHECKING (mypy knows the name)
if TYPE_CHECKING:
    from tradeoff.offering_records import Conflict, DroppedValue, Offering


class Catalog:
    """A compiled catalog opened read-only. Records are loaded once and cached."""

    # today's catalog; False for one repriced on another day (pages.as_of), which the values
    # precomputed at build (db.derived) do not describe
    live = True

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise DataError("catalog database not found", path=path)
        self.path = path
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._lock = RLock()  # one connection, shared by the web app's threads
        self._some_models: dict[str, Model] = {}  # models_of: loaded one page at a time
        self._some_offerings: dict[str, list[Offering]] = {}

    def close(self) -> None:
        self._conn.close()

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _tuples(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            cursor = self._conn.cursor()
            cursor.row_factory = None  # plain tuples: loops over every offering read these
            return cursor.execute(sql, params).fetchall()

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
                r["price_basis"],
            )
            for r in self._rows("SELECT * FROM providers ORDER BY id")
        }

    @cached_property
    def models(self) -> dict[str, Model]:
        """Every model by id (the whole catalog; a page showing a few reads ``models_of``)."""
        return load_models(self._tuples, self.sources)

    @cached_property
    def model_ids(self) -> list[str]:
        """Every model id, sorted: what name resolution needs, without loading a model."""
        return [r[0] for r in self._tuples("SELECT id FROM models ORDER BY id")]

    @cached_property
    def model_names(self) -> dict[str, str]:
        """Every model's name by id, in id order, without loading a model (pickers)."""
        return {r[0]: r[1] for r in self._tuples("SELECT id, name FROM models ORDER BY id")}

    def models_of(self, ids: Iterable[str]) -> dict[str, Model]:
        """The models of ``ids`` that exist, in that order; loads only those (once each)."""
        wanted = list(dict.fromkeys(ids))
        known = self.__dict__.get("models") or self._some_models
        missing = [i for i in wanted if i not in known]
        if missing:
            with self._lock:
                known.update(load_models(self._tuples, self.sources, missing))
        return {i: known[i] for i in wanted if i in known}

    def model(self, model_id: str) -> Model:
        """One model by canonical id (a KeyError names an unknown id)."""
        return self.models_of([model_id])[model_id]

    @cached_property
    def offerings(self) -> list[Offering]:
        """Every offering (the whole catalog; a page showing a few models reads
        ``offerings_of``)."""
        return load_offerings(self._rows, self._tuples, self.sources)

    def offerings_of(self, model_ids: Iterable[str]) -> dict[str, list[Offering]]:
        """The offerings linked to each of ``model_ids``, in provider order; loads only those."""
        wanted = list(dict.fromkeys(model_ids))
        if "offerings" in self.__dict__:
            return {i: self.offerings_for(i) for i in wanted}
        missing = [i for i in wanted if i not in self._some_offerings]
        if missing:
            loaded: dict[str, list[Offering]] = {i: [] for i in missing}
            for o in load_offerings(self._rows, self._tuples, self.sources, missing):
                loaded[o.model_id or ""].append(o)
            with self._lock:
                self._some_offerings.update(loaded)
        return {i: list(self._some_offerings[i]) for i in wanted}

    @cached_property
    def _offerings_by_model(self) -> dict[str, list[Offering]]:
        grouped: dict[str, list[Offering]] = defaultdict(list)
        for offering in self.offerings:
            if offering.model_id:
                grouped[offering.model_id].append(offering)
        return grouped

    def offerings_for(self, model_id: str) -> list[Offering]:
        """Every offering linked to a model, in provider order."""
        if "offerings" in self.__dict__:
            return list(self._offerings_by_model.get(model_id, []))
        return self.offerings_of([model_id])[model_id]

    @cached_property
    def _conflicts_by_entity(self) -> dict[str, list[Conflict]]:
        return _by_entity(self._rows("SELECT * FROM conflicts ORDER BY entity, field, rowid"))

    def conflicts(self, model_id: str | None = None) -> list[Conflict]:
        """Recorded disagreements, optionally only those about one model and its offerings
        (then only their rows are read, unless every conflict is loaded already: a model
        page's first request read and parsed all of them)."""
        if model_id is None:
            by_entity = self._conflicts_by_entity
            return [c for entity in sorted(by_entity) for c in by_entity[entity]]
        entities = sorted(
            {f"model:{model_id}"}
            | {
                f"offering:{o.provider_id}/{o.provider_model_id}"
                for o in self.offerings_for(model_id)
            }
        )
        if "_conflicts_by_entity" in self.__dict__:
            by_entity = self._conflicts_by_entity
        else:
            marks = ",".join("?" * len(entities))
            sql = f"SELECT * FROM conflicts WHERE entity IN ({marks}) ORDER BY entity, field, rowid"
            by_entity = _by_entity(self._rows(sql, tuple(entities)))
        return [c for entity in entities for c in by_entity.get(entity, [])]

    def dropped(self) -> list[DroppedValue]:
        from tradeoff.offering_records import DroppedValue  # not on cold paths

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
        for model_id in self.model_ids:
            out.setdefault(model_id.split("/", 1)[1].lower(), model_id)
        for model_id in self.model_ids:
            out[model_id.lower()] = out[model_id.replace("/", "--").lower()] = model_id
        return out

    @cached_property
    def _ids_by_key(self) -> dict[str, list[str]]:
        """Normalized key of each model id → the model ids that share it (sorted)."""
        from tradeoff.normalize import normalize

        grouped: dict[str, list[str]] = defaultdict(list)
        for model_id in self.model_ids:
            grouped[normalize(model_id).key].append(model_id)
        return dict(grouped)

    def resolve(self, name: str) -> Model:
        """A canonical id, a slug or a known alias → the model; ambiguity and typos are errors.

        Only the model found is loaded (``models_of``), not the whole catalog."""
        return self.model(self.resolve_id(name))

    @cached_property
    def _id_set(self) -> frozenset[str]:
        return frozenset(self.model_ids)

    def resolve_id(self, name: str) -> str:
        """``resolve``, as the canonical id."""
        ids = self._id_set
        text = name.strip()
        if text in ids:
            return text
        lowered = text.lower()
        bare = {m for m in self.model_ids if m.split("/", 1)[1].lower() == lowered}
        if lowered in self._spellings and (len(bare) <= 1 or "/" in lowered or "--" in lowered):
            return self._spellings[lowered]
        if lowered in self.aliases:
            return self.aliases[lowered]
        # the fallbacks' imports (their patterns and the name ranker) are paid only by a name
        # that is neither an id, a slug nor an alias: not by a cold ``tradeoff compare A B``
        from tradeoff.normalize import normalize

        key = normalize(text).key
        if key in self.ambiguous_names:
            raise AmbiguousModel(name, list(self.ambiguous_names[key]))
        if key in self.aliases:
            return self.aliases[key]
        candidates = sorted(bare | set(self._ids_by_key.get(key, ())))
        if len(candidates) == 1:
            return candidates[0]
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
        return self._spelled_or_near(name)

    def _spelled_or_near(self, name: str) -> str:
        """A name spelled without separators ("gpt4o", "GPT 4o") → its one model id; else
        ambiguous, or unknown with near names closest first (``tradeoff.names``: the site's
        search ranks the same way)."""
        from tradeoff.names import compact, rank

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
        from tradeoff.names import spelling_forms

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
        from tradeoff.names import compact

        grouped: dict[str, set[str]] = defaultdict(set)
        for spelling, model_id in (*self._spellings.items(), *self.aliases.items()):
            grouped[compact(spelling)].add(model_id)
        return dict(grouped)


def _by_entity(rows: list[sqlite3.Row]) -> dict[str, list[Conflict]]:
    """Conflict rows (in entity, field order) as records, grouped by entity."""
    from tradeoff.offering_records import Conflict  # not on cold paths

    grouped: dict[str, list[Conflict]] = defaultdict(list)
    for r in rows:
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
