"""Catalog downloads (SQLite, CSV, JSON) holding only data whose source licence allows it.

The SQLite file is the served catalog minus every row that came from a non-redistributable
source; CSV and JSON are read back from that filtered file, so all three agree. They are made
when the database is built and stored in it (``db.download_files``, written by
``pages.precompute``): a server sends them from there, it does not build them on a request.
"""

from __future__ import annotations

import csv
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from tradeoff import urls
from tradeoff.db import derived
from tradeoff.db.export import write_redistributable_copy
from tradeoff.db.queries import Catalog
from tradeoff.escape import csv_cell, md, md_url
from tradeoff.pages.catalog_table import catalog_rows
from tradeoff.pages.jsonable import decimal_text, dumps
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.model import model_record
from tradeoff.pages.sources import SourceRecord, source_record

TITLE = "Download the catalog"
Cell = str | int | bool | None  # one CSV cell

FILES: tuple[tuple[str, str, str], ...] = (
    ("catalog.sqlite", "SQLite 3", "the whole catalog database (same schema as the app's)"),
    ("catalog.json", "JSON", "every model page context: facts with sources, offerings, prices"),
    ("models.csv", "CSV", "one row per model: key facts and cheapest active price"),
    (
        "offerings.csv",
        "CSV",
        "one row per offering: provider, prices (USD per 1M tokens; unit_prices: prices in "
        "other units as key=USD, the unit in the key)",
    ),
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
    "unit_prices",
    "context_tokens",
    "lifecycle",
    "deprecated_on",
    "retired_on",
    "successor",
    "source_id",
    "checked",
    "date_kind",  # "checked" (a review date) or "as_of" (the dataset snapshot's date)
    "checked_source",  # the source ``checked`` is a date of (the oldest value shown)
)


@dataclass(frozen=True)
class Downloads:
    """The built files, by name, and what they hold (non-redistributable rows dropped)."""

    files: dict[str, bytes]
    included: list[SourceRecord]
    excluded: list[SourceRecord]
    model_count: int
    offering_count: int
    provider_count: int


class FileEntry(TypedDict):
    """One download."""

    name: str
    format: str
    description: str
    url: str
    bytes: int


class DownloadsContext(TypedDict):
    """Everything the downloads page shows: the files, their licences, what was left out."""

    title: str
    files: list[FileEntry]
    model_count: int
    offering_count: int
    provider_count: int
    included_sources: list[SourceRecord]
    excluded_sources: list[SourceRecord]
    catalog_version: str


def _licences_md(included: list[SourceRecord], excluded: list[SourceRecord]) -> str:
    lines = [
        "# Licences of the tradeoff catalog downloads",
        "",
        "These files restate facts from the sources below. Reuse them under each source's "
        "licence and cite the source.",
        "",
    ]
    lines += [
        f"- [{md(s['name'])}](<{md_url(s['url'])}>) — {md(s['licence'])}, {md(s['provenance'])}"
        for s in included
    ]
    if excluded:
        lines += ["", "Left out (licence does not allow redistribution):", ""]
        lines += [f"- {md(s['name'])} — {md(s['licence'])}" for s in excluded]
    return "\n".join(lines) + "\n"


def _csv(header: tuple[str, ...] | list[str], rows: list[list[Cell]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return out.getvalue().encode()


@per_catalog
def build_downloads(catalog: Catalog) -> Downloads:
    """Build every download file in memory (once per app; the catalog is read-only)."""
    excluded_ids = {s.id for s in catalog.sources.values() if not s.redistributable}
    with tempfile.TemporaryDirectory(prefix="tradeoff-downloads-") as tmp:
        path = Path(tmp) / "catalog.sqlite"
        write_redistributable_copy(catalog, path, excluded_ids)
        sqlite_bytes = path.read_bytes()
        filtered = Catalog(path)
        try:
            included = [
                source_record(s) for s in filtered.sources.values() if s.id not in excluded_ids
            ]
            excluded = [source_record(s) for s in filtered.sources.values() if s.id in excluded_ids]
            pages = [model_record(filtered, m) for m in filtered.models.values()]
            rows = catalog_rows(filtered)
            offerings: list[list[Cell]] = [
                [
                    o.model_id,
                    o.provider_id,
                    o.provider_model_id,
                    *(decimal_text(getattr(o.prices, c)) for c in OFFERING_COLUMNS[3:7]),
                    o.prices.free,
                    "; ".join(
                        f"{u.key}={decimal_text(u.usd) or 'not held'}" for u in o.prices.unit_prices
                    ),
                    o.context_tokens,
                    o.lifecycle,
                    o.deprecated_on,
                    o.retired_on,
                    o.successor,
                    o.source_id,
                    o.checked,
                    o.date_kind,
                    o.dated_by,
                ]
                for o in filtered.offerings
            ]
            version = filtered.version
            counts = (len(filtered.models), len(filtered.offerings), len(filtered.providers))
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
        "kind",
        "release_date",
        "context_tokens",
        "open_weights",
        "licence",
        "provider_count",
        "cheapest_provider",
        "input_per_mtok",
        "output_per_mtok",
    ]
    model_rows: list[list[Cell]] = [
        [
            r["id"],
            r["name"],
            r["lab"],
            r["kind"],
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
    return Downloads(files, included, excluded, *counts)


class DownloadsSummary(TypedDict):
    """What the downloads page shows of the files: stored at database build
    (``pages.precompute``), so the page does not build them."""

    bytes: dict[str, int]
    included: list[SourceRecord]
    excluded: list[SourceRecord]
    counts: list[int]  # models, offerings, providers in the files


def downloads_summary(catalog: Catalog) -> DownloadsSummary:
    """The stored summary, else the files built now and summarized."""
    stored: DownloadsSummary | None = derived.stored_value(catalog, "downloads")
    return computed_downloads_summary(catalog) if stored is None else stored


def computed_downloads_summary(catalog: Catalog) -> DownloadsSummary:
    """Build the files and summarize them."""
    built = build_downloads(catalog)
    return DownloadsSummary(
        bytes={name: len(data) for name, data in built.files.items()},
        included=built.included,
        excluded=built.excluded,
        counts=[built.model_count, built.offering_count, built.provider_count],
    )


def downloads_context(catalog: Catalog) -> DownloadsContext:
    """The /downloads page: the files, their licences, what was left out.

    Counts are those of the files, not of the served catalog: rows from a source whose
    licence forbids redistribution are not in them.
    """
    built = downloads_summary(catalog)
    return DownloadsContext(
        title=TITLE,
        files=[
            FileEntry(
                name=n,
                format=f,
                description=d,
                url=urls.download(n),
                bytes=built["bytes"][n],
            )
            for n, f, d in FILES
        ],
        model_count=built["counts"][0],
        offering_count=built["counts"][1],
        provider_count=built["counts"][2],
        included_sources=built["included"],
        excluded_sources=built["excluded"],
        catalog_version=catalog.version,
    )
