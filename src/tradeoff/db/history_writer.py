"""Compile the price history into ``price_spans`` and ``price_changes`` (called by
``db.build``; records: ``tradeoff.history_records``; rules: docs/history.md)."""

from __future__ import annotations

import sqlite3
import weakref
from decimal import Decimal

from tradeoff.catalog.history_files import history_files, read_history_file
from tradeoff.catalog.load import CatalogText
from tradeoff.reconcile.history import History, compile_history
from tradeoff.reconcile.resolved import Resolved


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


# The history compiled against the last Resolved: the import's summary reuses what the build
# compiled (same Resolved object) instead of reading and classifying every row again.
_LAST: tuple[weakref.ref[Resolved], History] | None = None


def history_of(text: CatalogText, resolved: Resolved) -> History:
    """The catalog's compiled history (every file of catalog/history/, linked, classified)."""
    global _LAST
    if _LAST is not None and _LAST[0]() is resolved:
        return _LAST[1]
    files = [read_history_file(path) for path in history_files(text.root)]
    history = compile_history(text, resolved, files)
    _LAST = (weakref.ref(resolved), history)
    return history


def write_history(conn: sqlite3.Connection, text: CatalogText, resolved: Resolved) -> History:
    """Write the spans and changes; returns them (the import's summary counts them)."""
    history = history_of(text, resolved)
    conn.executemany(
        "INSERT INTO price_spans VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                s.provider_id,
                s.provider_model_id,
                s.model_id,
                s.effective_from,
                s.effective_to,
                _dec(s.input_per_mtok),
                _dec(s.output_per_mtok),
                _dec(s.cache_read_per_mtok),
                _dec(s.cache_write_per_mtok),
                s.context_tokens,
                s.max_output_tokens,
                s.status,
                s.source_id,
                s.commit,
            )
            for s in history.spans
        ],
    )
    conn.executemany(
        "INSERT INTO price_changes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                c.provider_id,
                c.provider_model_id,
                c.model_id,
                c.date,
                c.kind,
                c.detail,
                _dec(c.before_input),
                _dec(c.before_output),
                _dec(c.after_input),
                _dec(c.after_output),
                ";".join(c.fields),
                c.source_id,
                c.commit,
                c.note,
            )
            for c in history.changes
        ],
    )
    return history
