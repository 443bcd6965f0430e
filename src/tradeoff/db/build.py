"""Compile the reconciled catalog into SQLite: temporary file, then rename.

A failed build (bad data, full disk, interrupted) leaves the previous database untouched.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

from tradeoff import __version__
from tradeoff.catalog.load import CatalogText
from tradeoff.db.benchmark_writer import write_benchmarks
from tradeoff.db.history_writer import write_history
from tradeoff.db.version import SCHEMA_VERSION, schema_text
from tradeoff.errors import DataError
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved
from tradeoff.records import Model, Offering, PartialDate

Derive = Callable[[Path], None]  # adds the precomputed tables to a built database at a path


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def build_database(
    text: CatalogText, db_path: Path, version: str, derive: Derive | None = None
) -> Resolved:
    """Reconcile ``text`` and write it to ``db_path`` atomically, stamped ``version``.

    ``derive`` (``tradeoff.pages.precompute.precompute``, passed down by the layers above)
    stores the values precomputed from the whole catalog (``db.derived``) in the new database
    before it replaces the old one.

    ``version`` must be the version of the text ``text`` was loaded from
    (``db.version.snapshot_version`` of the snapshot it was read from): re-reading the disk
    here could stamp a version of text written since, and such a database is never rebuilt.
    """
    resolved = reconcile(text)
    tmp = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        conn = sqlite3.connect(tmp)
    except (OSError, sqlite3.Error) as exc:
        raise DataError(
            f"cannot write the compiled catalog here ({exc}); set TRADEOFF_DB to a writable "
            "file path",
            path=db_path,
        ) from exc
    try:
        try:
            conn.executescript(schema_text())
            with conn:
                _write(conn, resolved, version)
                write_benchmarks(conn, text, resolved)
                write_history(conn, text, resolved)
        except (sqlite3.Error, OverflowError) as exc:
            # The schemas bound what the catalog text may say; a value that still does not
            # fit is a data problem to explain, not a traceback.
            raise DataError(
                f"the catalog cannot be compiled into SQLite: {exc}", path=text.root
            ) from exc
        finally:
            conn.close()
        if derive is not None:
            derive(tmp)
        os.replace(tmp, db_path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return resolved


def stamp_version(db_path: Path, version: str) -> None:
    """Record ``version`` as the catalog version a built database holds.

    An import compiles before it writes its files, so it stamps the version of the text it
    then wrote (``db.locate`` rebuilds any database whose stamp differs from the text).
    """
    conn = sqlite3.connect(db_path)
    try:
        with conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'version'", (version,))
    finally:
        conn.close()


def _fact_rows(model: Model) -> Iterable[tuple[object, ...]]:
    for name, fact in model.facts().items():
        value = fact.value
        if isinstance(value, PartialDate):  # a record is a tuple: stored as its text, not a list
            value = value.iso
        elif value is not None and not isinstance(value, bool | int | str | list | tuple):
            value = str(value)
        yield (
            model.id,
            name,
            None if value is None else json.dumps(value),
            fact.source_id,
            fact.checked,
            fact.note,
            int(fact.disputed),
        )


def _offering_row(o: Offering) -> tuple[object, ...]:
    p = o.prices
    return (
        o.provider_id,
        o.provider_model_id,
        o.model_id,
        o.name,
        _dec(p.input_per_mtok),
        _dec(p.output_per_mtok),
        _dec(p.cache_read_per_mtok),
        _dec(p.cache_write_per_mtok),
        _dec(p.reasoning_per_mtok),
        _dec(p.batch_input_per_mtok),
        _dec(p.batch_output_per_mtok),
        _dec(p.flex_input_per_mtok),
        _dec(p.flex_output_per_mtok),
        _dec(p.priority_input_per_mtok),
        _dec(p.priority_output_per_mtok),
        int(p.free),
        o.context_tokens,
        o.max_output_tokens,
        o.quantization,
        json.dumps(o.capabilities, sort_keys=True),
        o.lifecycle,
        o.deprecated_on,
        o.retired_on,
        o.successor,
        o.link,
        o.source_url,
        o.source_id,
        o.checked,
        json.dumps(o.price_sources, sort_keys=True),
        json.dumps(list(o.disputed_fields)),
        o.price_origin,
        o.checked_source,
    )


def _write(conn: sqlite3.Connection, r: Resolved, version: str) -> None:
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("version", version), ("schema", SCHEMA_VERSION), ("tradeoff", __version__)],
    )
    conn.executemany(
        "INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (
                s.id,
                s.name,
                s.kind,
                s.url,
                s.licence,
                s.retrieved,
                s.commit,
                s.attribution,
                int(s.redistributable),
            )
            for s in r.sources.values()
        ],
    )
    conn.executemany(
        "INSERT INTO labs VALUES (?,?,?)", [(lab.id, lab.name, lab.url) for lab in r.labs.values()]
    )
    conn.executemany(
        "INSERT INTO providers VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (
                p.id,
                p.name,
                p.kind,
                p.status,
                p.defunct_since,
                p.url,
                p.lab_id,
                p.region_of,
                p.price_basis,
            )
            for p in r.providers.values()
        ],
    )
    for m in r.models.values():
        conn.execute(
            "INSERT INTO models VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                m.id,
                m.name,
                m.lab_id,
                m.family,
                m.weights_url,
                m.release_date.value.iso if m.release_date.value else None,
                m.knowledge_cutoff.value.iso if m.knowledge_cutoff.value else None,
                m.licence.value,
                None if m.open_weights.value is None else int(m.open_weights.value),
                m.parameters_total.value,
                m.parameters_active.value,
                m.architecture.value,
                m.experts_total.value,
                m.experts_per_token.value,
                m.context_tokens.value,
                m.max_output_tokens.value,
                json.dumps(m.modalities_input.value) if m.modalities_input.value else None,
                json.dumps(m.modalities_output.value) if m.modalities_output.value else None,
                m.kind.value,
            ),
        )
        conn.executemany("INSERT INTO model_facts VALUES (?,?,?,?,?,?,?)", _fact_rows(m))
    conn.executemany(
        "INSERT INTO offerings VALUES (" + ",".join("?" * 32) + ")",
        [_offering_row(o) for o in r.offerings],
    )
    conn.executemany(
        "INSERT INTO price_tiers VALUES (?,?,?,?,?,?,?)",
        [
            (
                o.provider_id,
                o.provider_model_id,
                t.above_input_tokens,
                _dec(t.input_per_mtok),
                _dec(t.output_per_mtok),
                _dec(t.cache_read_per_mtok),
                _dec(t.cache_write_per_mtok),
            )
            for o in r.offerings
            for t in o.prices.tiers
        ],
    )
    conn.executemany(
        "INSERT INTO unit_prices VALUES (?,?,?,?,?,?,?,?)",
        [
            (
                o.provider_id,
                o.provider_model_id,
                u.component,
                u.unit,
                u.variant,
                _dec(u.usd),
                o.price_sources.get(f"unit.{u.key}", o.source_id),
                u.checked,
            )
            for o in r.offerings
            for u in o.prices.unit_prices
        ],
    )
    conn.executemany(
        "INSERT INTO price_history VALUES (?,?,?,?,?,?)",
        [
            (
                o.provider_id,
                o.provider_model_id,
                h.effective,
                _dec(h.input_per_mtok),
                _dec(h.output_per_mtok),
                h.source_id,
            )
            for o in r.offerings
            for h in o.history
        ],
    )
    conn.executemany(
        "INSERT INTO aliases VALUES (?,?,?)",
        [(a, m, how) for a, (m, how) in sorted(r.aliases.items())],
    )
    conn.executemany(
        "INSERT INTO conflicts VALUES (?,?,?,?,?,?)",
        [
            (c.entity, c.field, c.chosen, c.chosen_source_id, json.dumps(c.values), c.rule)
            for c in r.conflicts
        ],
    )
    conn.executemany(
        "INSERT INTO dropped_values VALUES (?,?,?,?,?)",
        [(d.source_id, d.entity, d.field, d.value, d.reason) for d in r.dropped],
    )
    conn.executemany(
        "INSERT INTO unlinked VALUES (?,?,?,?)",
        [(u.source_id, u.provider_id, u.provider_model_id, u.reason) for u in r.unlinked],
    )
    conn.executemany("INSERT INTO skipped_models VALUES (?,?)", sorted(r.skipped_models.items()))
    conn.executemany(
        "INSERT INTO floating_ids VALUES (?,?,?,?,?)",
        [
            (fid, f.target, f.as_of.isoformat() if f.as_of else None, f.source, f.note)
            for fid, f in sorted(r.floating_ids.items())
        ],
    )
    conn.executemany(
        "INSERT INTO distinct_models VALUES (?,?,?)",
        [(*sorted(d.models), d.reason) for d in r.distinct_models],
    )
    conn.executemany(
        "INSERT INTO ambiguous_names VALUES (?,?)",
        [(name, json.dumps(list(c))) for name, c in sorted(r.index.ambiguous.items())],
    )
