"""Values precomputed at database build from the whole catalog, written and read back.

What a page would otherwise derive from every model — each model's headline blended price
and capability set, each model's related models — is computed once when the database is
built (``tradeoff.pages.precompute`` computes it with the compare engine; this module only
stores it) and read here for the few models a page shows. A database built without them
(``meta`` has no ``derived`` key) reads as ``None``: the pages then compute from the whole
catalog, as before.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tradeoff.db.queries import Catalog


@dataclass(frozen=True)
class Headline:
    """A model's headline blended price (None: unpriced) and capability set."""

    model_id: str
    blended_per_mtok: Decimal | None
    capabilities: frozenset[str]


@dataclass(frozen=True)
class RelatedRow:
    """One of a model's related models, ranked (``compare.related.Related``'s fields)."""

    model_id: str
    rank: int
    related_id: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Derived:
    """Everything precomputed at build."""

    headlines: Sequence[Headline]
    related: Sequence[RelatedRow]


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
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('derived', '1')")


def has_derived(catalog: Catalog) -> bool:
    """Whether the database holds the precomputed values."""
    rows = catalog.connection().execute("SELECT 1 FROM meta WHERE key = 'derived'").fetchall()
    return bool(rows)


def _marks(ids: Sequence[str]) -> str:
    return ", ".join("?" * len(ids))


def headlines(catalog: Catalog, model_ids: Iterable[str] | None = None) -> dict[str, Headline]:
    """The stored headline of each model (of ``model_ids``, or of every model)."""
    ids = None if model_ids is None else list(model_ids)
    sql = "SELECT * FROM model_headline"
    if ids is not None:
        sql += f" WHERE model_id IN ({_marks(ids)})"
    rows = catalog.connection().execute(sql, tuple(ids or ())).fetchall()
    return {
        r["model_id"]: Headline(
            r["model_id"],
            None if r["blended_per_mtok"] is None else Decimal(r["blended_per_mtok"]),
            frozenset(c for c in r["capabilities"].split(",") if c),
        )
        for r in rows
    }


def related(catalog: Catalog, model_ids: Sequence[str]) -> dict[str, list[RelatedRow]]:
    """The stored related models of each of ``model_ids``, best first."""
    rows = (
        catalog.connection()
        .execute(
            f"SELECT * FROM related_models WHERE model_id IN ({_marks(model_ids)}) "
            "ORDER BY model_id, rank",
            tuple(model_ids),
        )
        .fetchall()
    )
    out: dict[str, list[RelatedRow]] = {m: [] for m in model_ids}
    for r in rows:
        out[r["model_id"]].append(
            RelatedRow(
                r["model_id"],
                r["rank"],
                r["related_id"],
                r["score"],
                tuple(json.loads(r["reasons"])),
            )
        )
    return out
