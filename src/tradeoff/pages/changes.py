"""`/changes` (and its twins, feeds and `tradeoff changes`): the catalog's latest changes.

The page reads one list of dated change records (``compare.changes``) and filters it by date,
kind, provider, lab and model. Each entry holds its sentence and its numbers, so the HTML,
Markdown, JSON, Atom and terminal forms say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypedDict
from urllib.parse import unquote

from tradeoff import urls
from tradeoff.compare.changes import (
    KINDS,
    PRICE_KINDS,
    Change,
    catalog_changes,
    percent,
    select,
)
from tradeoff.db.history_queries import changes as history_changes
from tradeoff.db.queries import Catalog
from tradeoff.money import format_usd
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.sources import Attribution, attribution

DEFAULT_LIMIT = 200  # entries a page lists (the newest); the JSON says how many matched
FEED_LIMIT = 50  # entries of a feed


class ChangeEntry(TypedDict):
    """One change as every format shows it."""

    id: str  # stable identity: kind/date/provider/offering (feed entry ids come from it)
    date: str
    kind: str
    kind_label: str
    title: str  # one sentence, plain text
    model_id: str | None
    model_name: str | None
    model_url: str | None
    lab_id: str | None
    provider_id: str | None
    provider_name: str | None
    provider_url: str | None  # None for a provider the catalog no longer lists
    provider_model_id: str | None
    input_before: Decimal | None  # USD per 1M input tokens (price changes)
    input_after: Decimal | None
    input_change_percent: Decimal | None
    output_before: Decimal | None
    output_after: Decimal | None
    output_change_percent: Decimal | None
    source_id: str | None


class ChangeFilters(TypedDict):
    """The filters applied (None / empty: not filtered)."""

    since: str | None
    until: str | None
    kinds: list[str]
    provider: str | None
    lab: str | None
    model: str | None


class ChangesContext(TypedDict):
    """The `/changes` page."""

    title: str
    filters: ChangeFilters
    kinds: dict[str, str]  # every kind and its label (the filter's options)
    providers: list[str]  # provider ids with at least one change (the filter's options)
    labs: list[str]
    matched: int  # changes matching the filters
    scheduled: int  # changes sources date after the catalog's data (not listed; data_as_of)
    data_as_of: str | None  # the newest dataset snapshot: the list runs to this day
    shown: int
    changes: list[ChangeEntry]
    feed: str  # the Atom feed of these changes (path)
    sources: list[Attribution]


@per_catalog
def _every_change(catalog: Catalog) -> list[Change]:
    """Every dated change of the catalog, newest first, later-dated ones included.

    The classified history records (``PriceChange``), where the catalog holds them, give the
    offerings' price moves and lifecycle events; the ``price_history`` points the rest.
    """
    return catalog_changes(catalog.models, catalog.offerings, history_changes(catalog.connection()))


@per_catalog
def all_changes(catalog: Catalog) -> list[Change]:
    """The changes that have happened by the catalog's data (``data_as_of``), newest first
    (computed once per opened catalog)."""
    as_of = data_as_of(catalog)
    return [c for c in _every_change(catalog) if as_of is None or c.day <= as_of]


def scheduled_count(catalog: Catalog) -> int:
    """How many changes sources date after the catalog's data (retirements announced for a
    later day): not listed as changes until a refresh finds them past."""
    return len(_every_change(catalog)) - len(all_changes(catalog))


def data_as_of(catalog: Catalog) -> str | None:
    """The newest snapshot date of the catalog's datasets. A change dated later has not
    happened by the catalog's data (LiteLLM states shutdown dates years ahead): "what
    changed" lists it only once a later snapshot is past that day."""
    days = [s.retrieved for s in catalog.sources.values() if s.kind == "dataset" and s.retrieved]
    return max(days) if days else None


def change_entry(catalog: Catalog, change: Change) -> ChangeEntry:
    """One change with its names, its link and its sentence."""
    model = catalog.models.get(change.model_id or "")
    provider = catalog.providers.get(change.provider_id or "")
    model_name = model.name if model else None
    provider_name = provider.name if provider else change.provider_id
    return ChangeEntry(
        id=change.identity,
        date=change.day,
        kind=change.kind,
        kind_label=KINDS[change.kind] + (f" ({_other(change)})" if _held(change) else ""),
        title=_sentence(change, model_name, provider_name),
        model_id=change.model_id,
        model_name=model_name,
        model_url=urls.model(model.slug) if model else None,
        lab_id=change.lab_id,
        provider_id=change.provider_id,
        provider_name=provider_name,
        provider_url=urls.provider(provider.id) if provider else None,
        provider_model_id=change.provider_model_id,
        input_before=change.input_before,
        input_after=change.input_after,
        input_change_percent=percent(change.input_before, change.input_after),
        output_before=change.output_before,
        output_after=change.output_after,
        output_change_percent=percent(change.output_before, change.output_after),
        source_id=change.source_id,
    )


def _sentence(change: Change, model_name: str | None, provider_name: str | None) -> str:
    what = model_name or change.provider_model_id or change.model_id or "an offering"
    where = f"{what} at {provider_name}" if provider_name else what
    label = KINDS[change.kind]
    if change.kind in PRICE_KINDS:
        moves = [
            _move(side, before, after)
            for side, before, after in (
                ("input", change.input_before, change.input_after),
                ("output", change.output_before, change.output_after),
            )
            if before != after
        ]
        if not moves:  # another price moved (cache reads): the history has no amounts
            moved = f"the {_other(change)} price" if change.other_fields else "another price"
            return f"{where}: {label} of {moved}; input and output unchanged"
        return f"{where}: {label}, " + "; ".join(moves) + " per 1M tokens"
    if change.provider_id is None:
        return f"{where} released"
    # A lifecycle date may lie ahead (a retirement announced): worded without a tense.
    return f"{where}: {label} on {change.day}"


def _move(side: str, before: Decimal | None, after: Decimal | None) -> str:
    moved = percent(before, after)
    share = "" if moved is None else f" ({'+' if moved > 0 else '−'}{abs(moved)}%)"
    return f"{side} {format_usd(before)} → {format_usd(after)}{share}"


def changes_context(
    catalog: Catalog,
    *,
    since: str | None = None,
    until: str | None = None,
    kinds: Sequence[str] = (),
    provider: str | None = None,
    lab: str | None = None,
    model: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> ChangesContext:
    """The changes matching the filters (names already resolved to ids), newest first."""
    everything = all_changes(catalog)
    found = select(
        everything,
        since=since,
        until=until,
        kinds=kinds,
        provider=provider,
        lab=lab,
        model=model,
    )
    shown = [change_entry(catalog, c) for c in found[:limit]]
    title = "What changed"
    subject = _subject(catalog, provider, lab, model)
    if subject:
        title += f": {subject}"
    return ChangesContext(
        title=title,
        filters=ChangeFilters(
            since=since,
            until=until,
            kinds=list(kinds),
            provider=provider,
            lab=lab,
            model=model,
        ),
        kinds=dict(KINDS),
        providers=sorted({c.provider_id for c in everything if c.provider_id}),
        labs=sorted({c.lab_id for c in everything if c.lab_id}),
        matched=len(found),
        scheduled=scheduled_count(catalog),
        data_as_of=data_as_of(catalog),
        shown=len(shown),
        changes=shown,
        feed=feed_path(provider=provider, lab=lab, model=model, catalog=catalog),
        sources=attribution(catalog, {e["source_id"] for e in shown if e["source_id"]}),
    )


def _subject(
    catalog: Catalog, provider: str | None, lab: str | None, model: str | None
) -> str | None:
    names = []
    if model:
        m = catalog.models.get(model)
        names.append(m.name if m else model)
    if provider:
        p = catalog.providers.get(provider)
        names.append(p.name if p else provider)
    if lab:
        la = catalog.labs.get(lab)
        names.append(la.name if la else lab)
    return ", ".join(names) or None


def feed_path(
    *,
    catalog: Catalog,
    provider: str | None = None,
    lab: str | None = None,
    model: str | None = None,
) -> str:
    """The feed that fits a filter best: one model's, provider's or lab's, else the whole."""
    if model and model in catalog.models:
        return urls.changes_feed("models", catalog.models[model].slug)
    if provider:
        return urls.changes_feed("providers", provider)
    if lab:
        return urls.changes_feed("labs", lab)
    return urls.changes_feed()


def feed_for_page(path: str) -> str | None:
    """The Atom feed a page links as its alternate (``<link rel="alternate">``), if any."""
    path = unquote(path)
    if path in ("/", "/changes"):
        return urls.changes_feed()
    for subject in urls.FEED_SUBJECTS:
        prefix = f"/{subject}/"
        name = path[len(prefix) :]
        if path.startswith(prefix) and name and "/" not in name and "." not in name[-5:]:
            return urls.changes_feed(subject, name)
    return None


def _other(change: Change) -> str:
    """ "cache read", "cache read and cache write": the other price fields that moved."""
    return " and ".join(f.replace("_", " ") for f in change.other_fields) or "another price"


def _held(change: Change) -> bool:
    """A price move in which neither the input nor the output price changed."""
    return change.kind in PRICE_KINDS and (change.input_before, change.output_before) == (
        change.input_after,
        change.output_after,
    )
