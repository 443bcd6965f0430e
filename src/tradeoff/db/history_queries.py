"""Reading the price history (``price_spans``, ``price_changes``) back as records.

Functions over the catalog's read-only connection (``Catalog.connection()``), so pages, feeds
and ``--as-of`` pricing share one reading of the tables (records: ``tradeoff.history_records``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from tradeoff.db.offering_rows import parse_decimal
from tradeoff.history_records import PriceChange, PriceSpan


def _span(r: sqlite3.Row) -> PriceSpan:
    return PriceSpan(
        r["provider_id"],
        r["provider_model_id"],
        r["model_id"],
        r["effective_from"],
        r["effective_to"],
        parse_decimal(r["input_per_mtok"]),
        parse_decimal(r["output_per_mtok"]),
        parse_decimal(r["cache_read_per_mtok"]),
        parse_decimal(r["cache_write_per_mtok"]),
        r["context_tokens"],
        r["max_output_tokens"],
        r["status"],
        r["source_id"],
        r["commit"],
    )


def _change(r: sqlite3.Row) -> PriceChange:
    return PriceChange(
        r["provider_id"],
        r["provider_model_id"],
        r["model_id"],
        r["date"],
        r["kind"],
        r["detail"],
        parse_decimal(r["before_input"]),
        parse_decimal(r["before_output"]),
        parse_decimal(r["after_input"]),
        parse_decimal(r["after_output"]),
        tuple(f for f in r["fields"].split(";") if f),
        r["source_id"],
        r["commit"],
        r["note"],
    )


def _rows(conn: sqlite3.Connection, sql: str, args: Iterable[object] = ()) -> list[sqlite3.Row]:
    cursor = conn.execute(sql, tuple(args))
    cursor.row_factory = sqlite3.Row
    return cursor.fetchall()


def spans_for(conn: sqlite3.Connection, model_id: str) -> list[PriceSpan]:
    """Every dated span of the model's offerings, oldest first."""
    return [
        _span(r)
        for r in _rows(
            conn,
            "SELECT * FROM price_spans WHERE model_id = ? "
            "ORDER BY effective_from, provider_id, provider_model_id",
            (model_id,),
        )
    ]


def changes_for(conn: sqlite3.Connection, model_id: str) -> list[PriceChange]:
    """Every classified change of the model's offerings, oldest first."""
    return [
        _change(r)
        for r in _rows(
            conn,
            "SELECT * FROM price_changes WHERE model_id = ? ORDER BY date, provider_id",
            (model_id,),
        )
    ]


def changes(
    conn: sqlite3.Connection, *, since: str | None = None, kinds: tuple[str, ...] = ()
) -> list[PriceChange]:
    """Every change (of ``kinds``, when given) dated on or after ``since``, newest first."""
    where, args = ["date >= ?"], [since or ""]
    if kinds:
        where.append(f"kind IN ({','.join('?' * len(kinds))})")
        args += kinds
    sql = f"SELECT * FROM price_changes WHERE {' AND '.join(where)} ORDER BY date DESC, rowid"
    return [_change(r) for r in _rows(conn, sql, args)]


def spans_on(
    conn: sqlite3.Connection, day: str, model_ids: Iterable[str] | None = None
) -> list[PriceSpan]:
    """The spans in force on ``day`` (ISO date), of ``model_ids`` when given: one per
    offering and source at most."""
    sql = (
        "SELECT * FROM price_spans WHERE effective_from <= ? "
        "AND (effective_to IS NULL OR effective_to > ?)"
    )
    args: list[object] = [day, day]
    if model_ids is not None:
        ids = sorted(set(model_ids))
        sql += f" AND model_id IN ({','.join('?' * len(ids))})"
        args += ids
    return [_span(r) for r in _rows(conn, sql, args)]


def history_bounds(conn: sqlite3.Connection) -> tuple[str, str] | None:
    """The first and last day of the dated history (models.dev's; genai-prices states
    future start dates, which are not history yet)."""
    row = conn.execute(
        "SELECT MIN(effective_from), MAX(effective_from) FROM price_spans "
        "WHERE source_id = 'models-dev'"
    ).fetchone()
    return None if row is None or row[0] is None else (row[0], row[1])


def models_with_history(conn: sqlite3.Connection) -> set[str]:
    """The ids of the models whose offerings have a dated price span."""
    rows = conn.execute("SELECT DISTINCT model_id FROM price_spans WHERE model_id IS NOT NULL")
    return {r[0] for r in rows.fetchall()}
