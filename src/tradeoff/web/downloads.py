"""Catalog downloads (SQLite, CSV, JSON) holding only data whose source licence allows it.

The SQLite file is the served catalog minus every row that came from a non-redistributable
source; CSV and JSON are read back from that filtered file, so all three agree.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.pages.catalog_table import catalog_rows
from tradeoff.pages.jsonable import dumps, jsonable
from tradeoff.pages.model import model_context

FILES: tuple[tuple[str, str, str], ...] = (
    ("catalog.sqlite", "SQLite 3", "the whole catalog database (same schema as the app's)"),
    ("catalog.json", "JSON", "every model page context: facts with sources, offerings, prices"),
    ("models.csv", "CSV", "one row per model: key facts and cheapest active price"),
    ("offerings.csv", "CSV", "one row per offering: provider, prices (USD per 1M tokens)"),
    ("LICENCES.md", "Markdown", "the licence and attribution of every source included"),
)
OFFERING_COLUMNS = (
    "model_id",
    "provider_id",
    "provider_model_id",
    "input_per_mtok",
    "output_per_mtok",
    "cache_read_per_mtok",
    "cache_write_per_mtok",
    "free",
    "context_tokens",
    "lifecycle",
    "source_id",
    "checked",
)


@dataclass(frozen=True)
class Downloads:
    """The built files, by name."""

    files: dict[str, bytes]
    included: list[dict[str, Any]]
    excluded: list[dict[str, Any]]
    counts: dict[str, int]  # what the files hold (non-redistributable rows already dropped)


def _filter(conn: sqlite3.Connection, excluded: set[str]) -> None:
    """Drop every row, fact and price that a non-redistributable source gave."""
    if not excluded:
        return
    marks = ",".join("?" * len(excluded))
    args = tuple(sorted(excluded))
    model_columns = {r[1] for r in conn.execute("PRAGMA table_info(models)")}
    for model_id, field in conn.execute(
        f"SELECT model_id, field FROM model_facts WHERE source_id IN ({marks})", args
    ).fetchall():
        if field in model_columns:
            conn.execute(f'UPDATE models SET "{field}" = NULL WHERE id = ?', (model_id,))
    for provider_id, model in conn.execute(
        f"SELECT provider_id, provider_model_id FROM offerings WHERE source_id IN ({marks})", args
    ).fetchall():
        for table in ("price_tiers", "price_history"):
            conn.execute(
                f"DELETE FROM {table} WHERE provider_id = ? AND provider_model_id = ?",
                (provider_id, model),
            )
    for row in conn.execute("SELECT rowid, price_sources_json FROM offerings").fetchall():
        fields = [f for f, s in json.loads(row[1] or "{}").items() if s in excluded]
        for field in fields:
            conn.execute(f'UPDATE offerings SET "{field}" = NULL WHERE rowid = ?', (row[0],))
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        for column in ("source_id", "chosen_source_id"):
            if column in columns:
                conn.execute(f'DELETE FROM "{table}" WHERE {column} IN ({marks})', args)
    for rowid, values in conn.execute("SELECT rowid, values_json FROM conflicts").fetchall():
        kept = [v for v in json.loads(values) if v[1] not in excluded]
        conn.execute(
            "UPDATE conflicts SET values_json = ? WHERE rowid = ?", (json.dumps(kept), rowid)
        )


def _licences_md(included: list[dict[str, Any]], excluded: list[dict[str, Any]]) -> str:
    lines = [
        "# Licences of the tradeoff catalog downloads",
        "",
        "These files restate facts from the sources below. Reuse them under each source's "
        "licence and cite the source.",
        "",
    ]
    lines += [f"- {s['name']} <{s['url']}> — {s['licence']}" for s in included]
    if excluded:
        lines += ["", "Left out (licence does not allow redistribution):", ""]
        lines += [f"- {s['name']} — {s['licence']}" for s in excluded]
    return "\n".join(lines) + "\n"


def _csv(header: tuple[str, ...] | list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def build_downloads(catalog: Catalog) -> Downloads:
    """Build every download file in memory (once per app; the catalog is read-only)."""
    excluded_ids = {s.id for s in catalog.sources.values() if not s.redistributable}
    with tempfile.TemporaryDirectory(prefix="tradeoff-downloads-") as tmp:
        path = Path(tmp) / "catalog.sqlite"
        dest = sqlite3.connect(path)
        try:
            catalog.connection().backup(dest)
            with dest:
                _filter(dest, excluded_ids)
            dest.execute("VACUUM")
        finally:
            dest.close()
        sqlite_bytes = path.read_bytes()
        filtered = Catalog(path)
        try:
            included = [jsonable(s) for s in filtered.sources.values() if s.id not in excluded_ids]
            excluded = [jsonable(s) for s in filtered.sources.values() if s.id in excluded_ids]
            pages = [model_context(filtered, m) for m in filtered.models.values()]
            rows = catalog_rows(filtered)
            offerings = [
                [o.model_id, o.provider_id, o.provider_model_id]
                + [jsonable(getattr(o.prices, c)) for c in OFFERING_COLUMNS[3:7]]
                + [o.prices.free, o.context_tokens, o.lifecycle, o.source_id, o.checked]
                for o in filtered.offerings
            ]
            version = filtered.version
            counts = {
                "model_count": len(filtered.models),
                "offering_count": len(filtered.offerings),
                "provider_count": len(filtered.providers),
            }
        finally:
            filtered.close()
    document = {
        "catalog_version": version,
        "licences": included,
        "excluded_sources": excluded,
        "models": pages,
    }
    model_header = [
        "id",
        "name",
        "lab",
        "release_date",
        "context_tokens",
        "open_weights",
        "licence",
        "provider_count",
        "cheapest_provider",
        "input_per_mtok",
        "output_per_mtok",
    ]
    model_rows = [
        [
            r["id"],
            r["name"],
            r["lab"],
            r["release_date"],
            r["context_tokens"],
            r["open_weights"],
            r["licence"],
            r["provider_count"],
        ]
        + (
            [
                r["cheapest"]["provider"],
                r["cheapest"]["input_per_mtok"],
                r["cheapest"]["output_per_mtok"],
            ]
            if r["cheapest"]
            else [None, None, None]
        )
        for r in rows
    ]
    files = {
        "catalog.sqlite": sqlite_bytes,
        "catalog.json": (dumps(document) + "\n").encode(),
        "models.csv": _csv(model_header, model_rows),
        "offerings.csv": _csv(OFFERING_COLUMNS, offerings),
        "LICENCES.md": _licences_md(included, excluded).encode(),
    }
    return Downloads(files, included, excluded, counts)


def downloads_context(catalog: Catalog, built: Downloads) -> dict[str, Any]:
    """The /downloads page: the files, their licences, what was left out.

    Counts are those of the files, not of the served catalog: rows from a source whose
    licence forbids redistribution are not in them.
    """
    return {
        "files": [
            {
                "name": n,
                "format": f,
                "description": d,
                "url": urls.download(n),
                "bytes": len(built.files[n]),
            }
            for n, f, d in FILES
        ],
        **built.counts,
        "included_sources": built.included,
        "excluded_sources": built.excluded,
        "catalog_version": catalog.version,
    }


def dataset_jsonld(ctx: dict[str, Any], base_url: str) -> dict[str, Any]:
    """schema.org Dataset for the downloads page."""
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "tradeoff LLM catalog",
        "description": "LLMs, providers and token prices (USD per 1M tokens), every fact "
        "with its source and checked date.",
        "url": base_url + urls.download(""),
        "version": ctx["catalog_version"][:12],
        "license": [s["url"] for s in ctx["included_sources"]],
        "creditText": "; ".join(f"{s['name']} ({s['licence']})" for s in ctx["included_sources"]),
        "distribution": [
            {
                "@type": "DataDownload",
                "name": f["name"],
                "encodingFormat": f["format"],
                "contentUrl": base_url + f["url"],
            }
            for f in ctx["files"]
        ],
    }
