"""Model and offering rows read back as records: the whole catalog, or only some models.

Apart from ``db.queries`` (the ``Catalog``) so that a page can load the few models it shows
(``Catalog.models_of``, ``Catalog.offerings_of``) with the same code that loads them all.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from tradeoff.db.offering_rows import (
    OFFERING_COLUMNS,
    PRICE_COLUMNS,
    Memo,
    parse_decimal,
    price_side_tables,
)
from tradeoff.records import CAPABILITIES, Fact, Model, PartialDate, Source, snapshot_name

TYPE_CHECKING = False  # typing.TYPE_CHECKING (mypy knows the name)
if TYPE_CHECKING:
    from tradeoff.offering_records import Offering, UnitPrice

_UNSOURCED: Fact[Any] = Fact(None)  # immutable: one for every fact a model lacks
_new_fact = tuple.__new__

Rows = Callable[[str, tuple[Any, ...]], list[sqlite3.Row]]
Tuples = Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]


def _where(column: str, ids: Sequence[str] | None) -> str:
    """`` WHERE column IN (?, …)`` for ``ids``; nothing for None (every row)."""
    return "" if ids is None else f" WHERE {column} IN ({', '.join('?' * len(ids))})"


# facts whose stored JSON value is read back as another type than JSON gives
_DATES = frozenset(("release_date", "knowledge_cutoff"))  # PartialDate
_SEQUENCES = frozenset(("modalities_input", "modalities_output"))  # tuple of str


def _fact(facts: Mapping[str, Fact[Any]], key: str) -> Fact[Any]:
    # typed Fact[Any]: mypy would not pass what dict.get infers to a Fact[str] field
    return facts.get(key, _UNSOURCED)


def load_models(
    tuples: Tuples, sources: Mapping[str, Source], ids: Sequence[str] | None = None
) -> dict[str, Model]:
    """Every model (``ids`` None), or the models of ``ids`` that exist, by id in id order."""
    params = tuple(ids or ())
    sql = "SELECT model_id, field, value_json, source_id, checked, note, disputed FROM model_facts"
    rows = tuples(sql + _where("model_id", ids), params)
    # every value decoded in one call, not one call each (a model has two dozen facts)
    values = json.loads(f"[{','.join('null' if r[2] is None else r[2] for r in rows)}]")
    facts: dict[str, dict[str, Fact[Any]]] = defaultdict(dict)
    dated: dict[tuple[str | None, str | None], str | None] = {}  # snapshot_name's, once each
    for (model_id, key, _, source, checked, note, disputed), value in zip(
        rows, values, strict=True
    ):
        if key in _DATES:
            value = PartialDate(value) if value else None
        elif key in _SEQUENCES:
            value = tuple(value) if value else None
        if (source, checked) in dated:
            as_of = dated[source, checked]
        else:
            as_of = dated[source, checked] = snapshot_name(sources.get(source or ""), checked)
        # every field in order: tuple.__new__ makes the record without the Python-level
        # __new__ a NamedTuple call runs (a page's first models read ~25 facts each)
        facts[model_id][key] = _new_fact(
            Fact, (value, source, checked, note, bool(disputed), as_of)
        )
    out: dict[str, Model] = {}
    columns = "id, name, lab_id, family, weights_url"
    for model_id, name, lab_id, family, weights_url in tuples(
        f"SELECT {columns} FROM models{_where('id', ids)} ORDER BY id", params
    ):
        f = facts[model_id]
        out[model_id] = Model(
            id=model_id,
            name=name,
            lab_id=lab_id,
            family=family,
            release_date=_fact(f, "release_date"),
            knowledge_cutoff=_fact(f, "knowledge_cutoff"),
            licence=_fact(f, "licence"),
            open_weights=_fact(f, "open_weights"),
            parameters_total=_fact(f, "parameters_total"),
            parameters_active=_fact(f, "parameters_active"),
            architecture=_fact(f, "architecture"),
            experts_total=_fact(f, "experts_total"),
            experts_per_token=_fact(f, "experts_per_token"),
            context_tokens=_fact(f, "context_tokens"),
            max_output_tokens=_fact(f, "max_output_tokens"),
            modalities_input=_fact(f, "modalities_input"),
            modalities_output=_fact(f, "modalities_output"),
            capabilities={c: _fact(f, f"capability.{c}") for c in CAPABILITIES},
            weights_url=weights_url,
            kind=_fact(f, "kind"),
            base_model=_fact(f, "base_model"),
        )
    return out


def load_offerings(
    rows: Rows,
    tuples: Tuples,
    sources: Mapping[str, Source],
    model_ids: Sequence[str] | None = None,
) -> list[Offering]:
    """Every offering (``model_ids`` None), or those linked to ``model_ids``, in provider
    order."""
    from tradeoff.offering_records import Offering, Prices  # not on cold paths

    tiers, history, units = price_side_tables(rows, model_ids)
    out: list[Offering] = []
    dec = Memo(parse_decimal)  # prices repeat a lot: parse each distinct text once
    js = Memo(json.loads)
    columns = ", ".join(OFFERING_COLUMNS)
    records = tuples(
        f"SELECT {columns} FROM offerings{_where('model_id', model_ids)} "
        "ORDER BY provider_id, provider_model_id",
        tuple(model_ids or ()),
    )
    for row in records:
        rec = dict(zip(OFFERING_COLUMNS, row, strict=True))
        key = (rec["provider_id"], rec["provider_model_id"])
        price_sources = dict(js(rec["price_sources_json"]))
        # A merged offering is dated by its oldest shown value: a snapshot date when the
        # source of that value is a dataset read on that day.
        dated_by = rec["checked_source"] or rec["source_id"]
        as_of = snapshot_name(sources.get(dated_by), rec["checked"])
        prices = Prices(
            **{k: dec(rec[k]) for k in PRICE_COLUMNS},
            free=bool(rec["free"]),
            tiers=tuple(tiers.get(key, ())),
            unit_prices=_snapshot_dated(units.get(key, ()), price_sources, rec, sources),
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
                checked_source=rec["checked_source"],
            )
        )
    return out


def _snapshot_dated(
    unit_prices: Sequence[UnitPrice],
    price_sources: Mapping[str, str],
    rec: Mapping[str, Any],
    sources: Mapping[str, Source],
) -> tuple[UnitPrice, ...]:
    """Each price in another unit with the dataset whose snapshot date its date is
    (``snapshot_name``: its own source's), as ``Offering.as_of`` is for the offering."""
    from dataclasses import replace  # not on the cold md path (tests/cli/test_fast_path.py)

    out = []
    for u in unit_prices:
        source = sources.get(price_sources.get(f"unit.{u.key}", rec["source_id"]))
        as_of = snapshot_name(source, u.checked)
        out.append(u if as_of is None else replace(u, as_of=as_of))
    return tuple(out)
