"""Values precomputed at database build from the whole catalog, written and read back.

What a page would otherwise derive from every model — each model's headline blended price
and capability set, each model's related models, the sitemap's entries — is computed once
when the database is built (``tradeoff.pages.precompute`` computes it with the compare
engine; this module only stores it) and read here for the few models a page shows. A
database built without them (``meta`` has no ``derived`` key: ``has_derived``) is still
read: the pages then compute from the whole catalog, as before.
"""

import json
import marshal
import sqlite3
import sys
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from tradeoff.db.queries import Catalog


class Headline(NamedTuple):
    """A model's headline blended price (None: unpriced) and capability set."""

    model_id: str
    blended_per_mtok: Decimal | None
    capabilities: frozenset[str]


class RelatedRow(NamedTuple):
    """One of a model's related models, ranked (``compare.related.Related``'s fields)."""

    model_id: str
    rank: int
    related_id: str
    score: float
    reasons: tuple[str, ...]


class Derived(NamedTuple):
    """Everything precomputed at build."""

    headlines: Sequence[Headline]
    related: Sequence[RelatedRow]
    sitemap: Sequence[tuple[str, str | None]]  # (path, lastmod) in the sitemap's order
    values: Mapping[str, Any] = MappingProxyType({})  # name → JSON-ready value
    # what a comparison page shows of one model: (model id, name, JSON-ready value)
    model_values: Sequence[tuple[str, str, Any]] = ()
    # the entries of each model's kept records (``comparison.kept``): (model id, JSON-ready value)
    page_bases: Sequence[tuple[str, Any]] = ()


def write_derived(db_path: Path, derived: Derived) -> None:
    """Store ``derived`` in the (not yet published) database at ``db_path``."""
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.executemany(
            "INSERT INTO model_headline VALUES (?, ?, ?)",
            [
                (
                    h.model_id,
                    None if h.blended_per_mtok is None else format(h.blended_per_mtok, "f"),
                    ",".join(sorted(h.capabilities)),
                )
                for h in derived.headlines
            ],
        )
        conn.executemany(
            "INSERT INTO related_models VALUES (?, ?, ?, ?, ?)",
            [
                (r.model_id, r.rank, r.related_id, r.score, json.dumps(list(r.reasons)))
                for r in derived.related
            ],
        )
        conn.executemany(
            "INSERT INTO sitemap_entries VALUES (?, ?, ?)",
            [(i, path, lastmod) for i, (path, lastmod) in enumerate(derived.sitemap)],
        )
        conn.executemany(
            "INSERT INTO derived_json VALUES (?, ?)",
            [(name, json.dumps(value)) for name, value in derived.values.items()],
        )
        conn.executemany(
            "INSERT INTO model_values VALUES (?, ?, ?)",
            [(m, name, json.dumps(value)) for m, name, value in derived.model_values],
        )
        conn.executemany(
            "INSERT INTO model_page_bases VALUES (?, ?)",
            [(m, marshal.dumps(_shared(value, {}))) for m, value in derived.page_bases],
        )
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('derived', '1')")


def _shared(value: Any, seen: dict[str, str]) -> Any:
    """``value`` with each distinct string one object (marshal writes it once, then refers to
    it: fewer objects to make when read) and dict keys interned (read back interned: a page's
    lookups by a constant key find them by identity)."""
    if type(value) is str:
        return seen.setdefault(value, value)
    if type(value) is list:
        return [_shared(v, seen) for v in value]
    if type(value) is dict:
        return {sys.intern(k): _shared(v, seen) for k, v in value.items()}
    return value


DERIVED_TABLES = (
    "model_headline",
    "related_models",
    "sitemap_entries",
    "derived_json",
    "model_values",
    "model_page_bases",
)


def drop_derived(conn: sqlite3.Connection) -> None:
    """Empty the precomputed tables of a copy (``db.export``: they may hold values from
    sources the copy leaves out; a database without them is read as before)."""
    for table in DERIVED_TABLES:
        conn.execute(f"DELETE FROM {table}")
    conn.execute("DELETE FROM meta WHERE key = 'derived'")


def has_derived(catalog: Catalog) -> bool:
    """Whether the database holds the precomputed values, and they describe ``catalog``
    (not for a catalog repriced on another day: ``Catalog.live``)."""
    if not catalog.live:
        return False
    rows = catalog.connection().execute("SELECT 1 FROM meta WHERE key = 'derived'").fetchall()
    return bool(rows)


def _marks(ids: Sequence[str]) -> str:
    return ", ".join("?" * len(ids))


def headlines(catalog: Catalog, model_ids: Iterable[str] | None = None) -> dict[str, Headline]:
    """The stored headline of each model (of ``model_ids``, or of every model)."""
    ids = None if model_ids is None else list(model_ids)
    sql = "SELECT model_id, blended_per_mtok, capabilities FROM model_headline"
    if ids is not None:
        sql += f" WHERE model_id IN ({_marks(ids)})"
    cursor = catalog.connection().cursor()
    cursor.row_factory = None  # plain tuples
    rows = cursor.execute(sql, tuple(ids or ())).fetchall()
    return {
        model_id: Headline(
            model_id,
            None if blended is None else Decimal(blended),
            frozenset(c for c in capabilities.split(",") if c),
        )
        for model_id, blended, capabilities in rows
    }


def related(catalog: Catalog, model_ids: Sequence[str]) -> dict[str, list[RelatedRow]]:
    """The stored related models of each of ``model_ids``, best first."""
    cursor = catalog.connection().cursor()
    cursor.row_factory = None  # plain tuples: a page reads a dozen of these rows
    rows = cursor.execute(
        "SELECT model_id, rank, related_id, score, reasons FROM related_models "
        f"WHERE model_id IN ({_marks(model_ids)}) ORDER BY model_id, rank",
        tuple(model_ids),
    ).fetchall()
    out: dict[str, list[RelatedRow]] = {m: [] for m in model_ids}
    # every row's reasons (a JSON list) decoded in one call, not a dozen
    reasons = json.loads(f"[{','.join(r[4] for r in rows)}]")
    for (model_id, rank, related_id, score, _), why in zip(rows, reasons, strict=True):
        out[model_id].append(RelatedRow(model_id, rank, related_id, score, tuple(why)))
    return out


def sitemap(catalog: Catalog) -> list[tuple[str, str | None]]:
    """The stored sitemap entries (path, lastmod), in order."""
    rows = catalog.connection().execute(
        "SELECT path, lastmod FROM sitemap_entries ORDER BY position"
    )
    return [(r[0], r[1]) for r in rows.fetchall()]


def stored_value(catalog: Catalog, name: str) -> Any:
    """A stored JSON-ready value (``Derived.values``); None when there is none."""
    sql = "SELECT json FROM derived_json WHERE name = ?"
    rows = catalog.connection().execute(sql, (name,)).fetchall()
    return json.loads(rows[0][0]) if rows else None


def model_values(catalog: Catalog, name: str, model_ids: Sequence[str]) -> dict[str, Any]:
    """The stored per-model value ``name`` of each of ``model_ids`` that has one, by id."""
    sql = "SELECT model_id, json FROM model_values WHERE name = ? AND model_id IN "
    sql += f"({_marks(model_ids)})"
    rows = catalog.connection().execute(sql, (name, *model_ids)).fetchall()
    return {r[0]: json.loads(r[1]) for r in rows}


def model_values_of(
    catalog: Catalog, model_ids: Sequence[str], names: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """The stored per-model values ``names`` of each of ``model_ids``, in one read: model id
    → name → value (a model or name without a stored value is missing)."""
    sql = f"SELECT model_id, name, json FROM model_values WHERE model_id IN ({_marks(model_ids)})"
    sql += f" AND name IN ({_marks(names)})"
    cursor = catalog.connection().cursor()
    cursor.row_factory = None
    rows = cursor.execute(sql, (*model_ids, *names)).fetchall()
    # every value decoded in one call, not one call each
    values = json.loads(f"[{','.join(r[2] for r in rows)}]")
    out: dict[str, dict[str, Any]] = {}
    for (model_id, name, _), value in zip(rows, values, strict=True):
        out.setdefault(model_id, {})[name] = value
    return out


def model_value_texts(
    catalog: Catalog, model_ids: Sequence[str], names: Sequence[str]
) -> dict[str, dict[str, str]]:
    """``model_values_of``, each value as its stored JSON text (undecoded), in one read."""
    sql = f"SELECT model_id, name, json FROM model_values WHERE model_id IN ({_marks(model_ids)})"
    sql += f" AND name IN ({_marks(names)})"
    cursor = catalog.connection().cursor()
    cursor.row_factory = None
    out: dict[str, dict[str, str]] = {}
    for model_id, name, text in cursor.execute(sql, (*model_ids, *names)).fetchall():
        out.setdefault(model_id, {})[name] = text
    return out


def page_bases(catalog: Catalog, model_ids: Sequence[str]) -> dict[str, Any]:
    """The stored entries of each of ``model_ids``'s kept records (``Derived.page_bases``), by
    id; none from a database built before they were stored (no such table)."""
    sql = f"SELECT model_id, entries FROM model_page_bases WHERE model_id IN ({_marks(model_ids)})"
    cursor = catalog.connection().cursor()
    cursor.row_factory = None
    try:
        rows = cursor.execute(sql, tuple(model_ids)).fetchall()
    except sqlite3.OperationalError as error:
        if "no such table" not in str(error):
            raise
        return {}  # an older database
    try:
        return {model_id: marshal.loads(entries) for model_id, entries in rows}
    except (ValueError, EOFError, TypeError):
        # marshal's format is this Python's: a database written by another version (the wheel
        # carries one) or damaged is read as one without them, its pages built live
        return {}
