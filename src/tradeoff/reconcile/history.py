"""Dated history → linked ``PriceSpan``s and classified ``PriceChange``s (docs/history.md).

Inputs: ``catalog/history/*.json`` (models.dev's dated states of each offering), genai-prices'
dated prices (``start_date`` constraints, kept in its import as ``history``) and LiteLLM's
``deprecation_date`` (its import's ``retired_on``). Offerings are mapped and linked as the
current import is: the provider through the catalog's provider aliases, the model through the
live offering's link, else the alias index. Units: a side whose model states no text
modality gets no price per 1M text tokens (``units.without_text``, as ``reconcile.text_sides``
does for live prices). Corrections fix the spans they correct (history_rules).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace

from tradeoff.catalog.history_files import HistoryFile, HistoryRow
from tradeoff.catalog.load import CatalogText
from tradeoff.history_records import (
    APPEARED,
    CORRECTION,
    DEPRECATED,
    EARLY_FIX,
    LIFECYCLE,
    LIMIT,
    PRICE,
    RENAMED,
    RETIRED,
    REVERTED,
    UNIT_FIX,
    PriceChange,
    PriceSpan,
)
from tradeoff.normalize import marked_free
from tradeoff.reconcile.history_datasets import dated_prices, deprecation_dates
from tradeoff.reconcile.history_link import Linker
from tradeoff.reconcile.history_rules import (
    LIMIT_NAMES,
    Prices,
    State,
    changed_fields,
    correction_rule,
    direction,
    plausible,
)
from tradeoff.reconcile.resolved import Resolved

STATUS_DETAIL = {"deprecated": DEPRECATED, "alpha": "preview", "beta": "preview", None: "ga"}


@dataclass
class History:
    """The compiled history: spans and changes, oldest first."""

    spans: list[PriceSpan] = field(default_factory=list)
    changes: list[PriceChange] = field(default_factory=list)


def compile_history(text: CatalogText, resolved: Resolved, files: list[HistoryFile]) -> History:
    """Link and classify every history file, genai-prices' dated prices and LiteLLM's dates."""
    out = History()
    linker = Linker(resolved)
    for history in files:
        linker.read_units(text, history.source_id)
        series: dict[tuple[str, str], list[HistoryRow]] = defaultdict(list)
        for row in history.rows:
            series[(row.provider, row.model)].append(row)
        for (provider, model), rows in series.items():
            pid, model_id = linker.link(provider, model)
            _series(out, linker, history.source_id, pid, model, model_id, rows)
    dated_prices(out.spans, out.changes, text, linker)
    deprecation_dates(out.changes, text, linker)
    out.spans.sort(key=lambda s: (s.effective_from, s.provider_id, s.provider_model_id))
    out.changes.sort(key=lambda c: (c.date, c.provider_id, c.provider_model_id, c.kind))
    return out


def _daily(rows: list[HistoryRow]) -> list[tuple[dt.date, HistoryRow, str | None]]:
    """The last row of each day (a day's appearance or rename is kept as its event)."""
    days: dict[dt.date, tuple[HistoryRow, str | None]] = {}
    for row in rows:
        first = days.get(row.date)
        event = first[1] if first else None
        if row.change in ("added", "renamed") and event is None:
            event = row.change
        days[row.date] = (row, event)
    return [(day, row, event) for day, (row, event) in days.items()]


def _series(
    out: History,
    linker: Linker,
    source_id: str,
    pid: str,
    model: str,
    model_id: str | None,
    rows: list[HistoryRow],
) -> None:
    daily = _daily(rows)
    entity = f"{rows[0].provider}/{model}"  # the dataset's own provider id (its import's)
    states: list[tuple[dt.date, State | None, HistoryRow, str | None]] = []
    for day, row, event in daily:
        if row.change == "removed":
            states.append((day, None, row, event))
            continue
        prices = linker.text_sides(
            model_id,
            (row.input, row.output, row.cache_read, row.cache_write),
            entity,
            (source_id, pid, model),
        )
        states.append((day, _state(prices, row), row, event))
    spans: list[_Open] = []  # mutable while corrections fix them
    appeared = states[0][0]
    reverted_on: set[dt.date] = set()

    def change(
        day: dt.date,
        kind: str,
        detail: str,
        old: State | None,
        new: State | None,
        names: tuple[str, ...],
        commit: str,
        note: str | None = None,
    ) -> None:
        out.changes.append(
            PriceChange(
                pid,
                model,
                model_id,
                day.isoformat(),
                kind,
                detail,
                old.prices[0] if old else None,
                old.prices[1] if old else None,
                new.prices[0] if new else None,
                new.prices[1] if new else None,
                names,
                source_id,
                commit,
                note,
            )
        )

    previous: State | None = None
    for index, (day, state, row, event) in enumerate(states):
        if spans and spans[-1].end is None:
            spans[-1].end = day
        if state is None:
            if previous is not None and row.removed_reason != "renamed":
                change(day, LIFECYCLE, RETIRED, previous, None, (), row.commit, row.removed_reason)
            previous = None
            continue
        spans.append(_Open(day, None, state, row.commit))
        if previous is None:
            appeared = day
            if event == "renamed" or row.change == "renamed":
                was = f"{row.previous_provider or ''}/{row.previous_model or ''}"
                change(day, LIFECYCLE, RENAMED, None, state, (), row.commit, f"renamed from {was}")
            else:
                change(day, LIFECYCLE, APPEARED, None, state, (), row.commit)
            previous = state
            continue
        names = changed_fields(previous, state)
        if not names:
            continue
        if set(names) == {"status"}:
            change(
                day,
                LIFECYCLE,
                STATUS_DETAIL.get(state.status, "ga"),
                previous,
                state,
                names,
                row.commit,
            )
        elif set(names) <= {*LIMIT_NAMES, "status"}:
            change(day, LIMIT, "limits", previous, state, names, row.commit)
        else:
            later = [(d, s) for d, s, _, _ in states[index + 1 :] if s is not None]
            rule = (
                REVERTED
                if day in reverted_on
                else correction_rule(previous, state, appeared, day, later)
            )
            if rule is None:
                change(
                    day,
                    PRICE,
                    direction(previous.prices, state.prices),
                    previous,
                    state,
                    names,
                    row.commit,
                )
            else:
                change(day, CORRECTION, rule, previous, state, names, row.commit)
                if day not in reverted_on:  # the return itself is the record as it stands
                    _fix(spans, rule, previous, state, later, reverted_on, day)
        previous = state
    for span in spans:
        out.spans.append(
            PriceSpan(
                pid,
                model,
                model_id,
                span.start.isoformat(),
                span.end.isoformat() if span.end else None,
                *span.state.prices,
                span.state.context,
                span.state.max_output,
                span.state.status,
                source_id,
                span.commit,
            )
        )


@dataclass
class _Open:
    """A span while its series is read: corrections may still rewrite its state."""

    start: dt.date
    end: dt.date | None
    state: State
    commit: str


def _state(prices: Prices, row: HistoryRow) -> State:
    """The import's checks: what is left all zero, not marked free, is unpriced; no
    non-positive context; no output above the context."""
    stated = [p for p in prices if p is not None]
    if stated and all(p == 0 for p in stated) and not marked_free(row.model):
        prices = (None, None, None, None)
    context = row.context if row.context else None
    output = row.max_output if row.max_output else None
    if output is not None and context is not None and output > context:
        output = None
    return State(prices, context, output, row.status)


def _fix(
    spans: list[_Open],
    rule: str,
    old: State,
    new: State,
    later: list[tuple[dt.date, State]],
    reverted_on: set[dt.date],
    day: dt.date,
) -> None:
    """Let a correction fix the record: the corrected prices from the start of the wrong
    ones; a reverted excursion takes the prices it returned to."""
    if rule == REVERTED:
        for when, state in later:
            if state.prices == old.prices:
                reverted_on.add(when)
                break
        spans[-1].state = replace(spans[-1].state, prices=old.prices)
        return
    if rule == UNIT_FIX and not plausible(new.prices):
        return  # a wrong new value: shown as the dataset states it, never as a move
    if rule in UNIT_FIX_RULES:
        for span in reversed(spans[:-1]):
            if span.state.prices != old.prices:
                break
            span.state = replace(span.state, prices=new.prices)


UNIT_FIX_RULES = (UNIT_FIX, EARLY_FIX)
