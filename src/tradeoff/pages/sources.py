"""The sources behind a page (with their licences) and its "last reviewed" date."""

from collections.abc import Iterable
from typing import TypedDict

from tradeoff.db import derived
from tradeoff.db.queries import Catalog
from tradeoff.pages.memo import per_catalog
from tradeoff.records import Source


class Attribution(TypedDict):
    """A source as a page's footer credits it."""

    id: str
    name: str
    url: str
    licence: str
    retrieved: str
    commit: str | None
    provenance: str  # "retrieved … at commit …": what was read, and when
    attribution: str | None


class SourceRecord(TypedDict):
    """A source record in full (the model page lists what each of its facts came from)."""

    id: str
    name: str
    kind: str
    url: str
    licence: str
    retrieved: str
    commit: str | None
    provenance: str
    attribution: str | None
    redistributable: bool


COMMIT_SHOWN = 12  # hex digits of a dataset commit shown on pages (the JSON has all 40)


def provenance(s: Source) -> str:
    """When a source was read and, for a dataset, which version: every format shows this."""
    read = f"retrieved {s.retrieved}"
    return f"{read} at commit {s.commit[:COMMIT_SHOWN]}" if s.commit else read


def credit(s: Source) -> Attribution:
    """One source's attribution entry."""
    return Attribution(
        id=s.id,
        name=s.name,
        url=s.url,
        licence=s.licence,
        retrieved=s.retrieved,
        commit=s.commit,
        provenance=provenance(s),
        attribution=s.attribution,
    )


def source_record(s: Source) -> SourceRecord:
    """One source record, JSON-ready: its attribution entry plus kind and redistribution."""
    return SourceRecord(**credit(s), kind=s.kind, redistributable=s.redistributable)


def attribution(catalog: Catalog, source_ids: Iterable[str]) -> list[Attribution]:
    """Sources (with licence) behind a page, by id order; unknown ids are skipped."""
    return [credit(catalog.sources[s]) for s in sorted(set(source_ids)) if s in catalog.sources]


@per_catalog
def all_sources(catalog: Catalog) -> list[Attribution]:
    """Every source of the catalog: the footer of pages that show no sourced fact themselves."""
    return [credit(s) for s in catalog.sources.values()]


@per_catalog
def _stored_row_sources(catalog: Catalog) -> dict[str, list[str]] | None:
    stored: dict[str, list[str]] | None = derived.stored_value(catalog, "row_sources")
    return stored


def row_sources(catalog: Catalog, model_ids: Iterable[str]) -> set[str]:
    """Sources of the facts and prices that catalog rows of these models show: as stored at
    database build (``pages.precompute``), else computed from the models and offerings."""
    stored = _stored_row_sources(catalog)
    if stored is None:
        return computed_row_sources(catalog, model_ids)
    return {s for model_id in model_ids for s in stored.get(model_id, ())}


def computed_row_sources(catalog: Catalog, model_ids: Iterable[str]) -> set[str]:
    """``row_sources`` from the models' records and offerings."""
    used: set[str] = set()
    for model_id in model_ids:
        model = catalog.models[model_id]
        ids = [
            model.release_date.source_id,
            model.context_tokens.source_id,
            model.open_weights.source_id,
            model.licence.source_id,
            model.modalities_input.source_id,
            *(f.source_id for f in model.capabilities.values()),
        ]
        used |= {s for s in ids if s}
        used |= {s for o in catalog.offerings_for(model_id) for s in o.cited_sources}
    return used


def reviewed_and_as_of(
    dated: Iterable[tuple[str | None, str | None]],
) -> tuple[str | None, str | None]:
    """(oldest review date, oldest dataset snapshot date) of (date, as_of) pairs shown."""
    pairs = list(dated)
    return oldest(d for d, as_of in pairs if not as_of), oldest(d for d, as_of in pairs if as_of)


def reviewed_line(reviewed: str | None, as_of: str | None) -> str:
    """The page's "Last reviewed: …" sentence with what it covers (every page, every format)."""
    from tradeoff.compare.engine import REVIEWED_MEANS, reviewed_text

    return reviewed_text("Last reviewed", reviewed, as_of) + f" Last reviewed is {REVIEWED_MEANS}."


def oldest(dates: Iterable[str | None]) -> str | None:
    """The oldest of some ISO dates: what "last reviewed" means for a page."""
    known = [d for d in dates if d]
    return min(known) if known else None
