"""Importer for pydantic/genai-prices provider YAML (``prices/providers/*.yml``).

Each provider file lists models with ``match`` rules, ``prices`` (flat, tiered by context, or
a list of conditional prices: dated ``start_date`` history and time-of-day windows),
``prices_checked`` and ``context_window``.

Match rules are not ids. genai-prices' own matching prices every id a rule accepts at the
entry's price, which is how it misprices gpt-4o-2024-05-13 (listed under ``gpt-4o`` at
2.5/10 instead of 5/15) and Nebius' dearer ``-fast`` variants. Here only exact ``equals``
spellings of the entry's own id become offerings; an ``equals`` naming another checkpoint or
serving variant, and every pattern rule (``starts_with``, ``contains``, ``regex``), is
recorded as dropped with its reason.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from tradeoff.catalog.schema import (
    Dropped,
    ImportedOffering,
    ImportedPricePoint,
    ImportedPrices,
    ImportedProvider,
    ImportedTier,
    ImportedUnitPrice,
    ImportFile,
    SourceEntry,
)
from tradeoff.errors import DataError
from tradeoff.money import parse_price
from tradeoff.normalize import marked_free, offering_spelling
from tradeoff.sources.genai_prices_rules import (
    UNIT_PRICE_KEYS,
    check_rule,
    copied_from,
    flatten,
    lifecycle_of,
    matches,
    parse_date,
    read_yaml,
    window_minutes,
)

SOURCE_ID = "genai-prices"
PROVIDER_KEYS = {
    "id",
    "name",
    "pricing_urls",
    "api_pattern",
    "description",
    "price_comments",
    "model_match",
    "provider_match",
    "extractors",
    "fallback_model_providers",
    "models",
}
MODEL_KEYS = {
    "id",
    "name",
    "description",
    "match",
    "context_window",
    "price_comments",
    "prices",
    "price_discrepancies",
    "prices_checked",
    "collapse",
    "deprecated",
    "removed",
}
# genai-prices price key → our field (USD per 1M tokens either way).
PRICE_KEYS = {
    "input_mtok": "input_per_mtok",
    "output_mtok": "output_per_mtok",
    "cache_read_mtok": "cache_read_per_mtok",
    "cache_write_mtok": "cache_write_per_mtok",
    "output_reasoning_mtok": "reasoning_per_mtok",
}
TIER_FIELDS = {"input_per_mtok", "output_per_mtok", "cache_read_per_mtok", "cache_write_per_mtok"}
HF_ROUTER = "huggingface_"


def source_entry(commit: str | None, retrieved: dt.date) -> SourceEntry:
    """The genai-prices source record for one snapshot."""
    return SourceEntry(
        name="genai-prices (Pydantic)",
        kind="dataset",
        url="https://github.com/pydantic/genai-prices",
        licence="MIT",
        retrieved=retrieved,
        commit=commit,
        attribution="genai-prices by Pydantic (MIT)",
    )


def provider_files(path: Path) -> list[Path]:
    """The YAML files of a snapshot: a repository root, its providers folder, or one file."""
    if path.is_file():
        return [path]
    for folder in (path / "prices" / "providers", path):
        files = sorted(p for p in folder.glob("*.yml") if not p.name.startswith("."))
        if files:
            return files
    raise DataError("no provider *.yml files (expected prices/providers/*.yml)", path=path)


def import_snapshot(
    path: Path, *, commit: str | None = None, retrieved: dt.date | None = None
) -> ImportFile:
    """Read a genai-prices snapshot into one normalized import."""
    day = retrieved or dt.date.today()
    reader = _Reader(day)
    providers: list[ImportedProvider] = []
    offerings: list[ImportedOffering] = []
    entries = 0
    for file in provider_files(path):
        data = read_yaml(file)
        provider, found = reader.provider(file, data)
        providers.append(provider)
        offerings.extend(found)
        entries += len(data["models"])
    return ImportFile(
        source_id=SOURCE_ID,
        source=source_entry(commit, day),
        generated_by="tradeoff import genai-prices",
        providers=providers,
        offerings=offerings,
        dropped=reader.dropped,
        counts={"entries": entries, "offerings": len(offerings)},
    )


class _Reader:
    """State of one import: the as-of date and the dropped values collected on the way."""

    def __init__(self, as_of: dt.date) -> None:
        self.as_of = as_of
        self.dropped: list[Dropped] = []
        self.free_marked = False  # whether the entry being read names itself free

    def drop(self, entity: str, field: str, value: object, reason: str) -> None:
        self.dropped.append(Dropped(entity=entity, field=field, value=str(value), reason=reason))

    def provider(self, path: Path, data: Any) -> tuple[ImportedProvider, list[ImportedOffering]]:
        if not isinstance(data, dict):
            raise DataError("expected a provider mapping at the top level", path=path)
        for key in data:
            if key not in PROVIDER_KEYS:
                raise DataError(f"unknown key {key!r}", path=path, field=str(key))
        pid = data.get("id")
        if not isinstance(pid, str) or not pid:
            raise DataError("missing or non-text provider id", path=path, field="id")
        name = data.get("name")
        if not isinstance(name, str):
            raise DataError("missing or non-text provider name", path=path, field="name")
        urls = data.get("pricing_urls") or []
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            raise DataError("expected a list of URLs", path=path, field="pricing_urls")
        models = data.get("models")
        if not isinstance(models, list):
            raise DataError("expected a list of models", path=path, field="models")
        offerings: list[ImportedOffering] = []
        for index, entry in enumerate(models):
            offerings.extend(self.model(path, pid, index, entry))
        return ImportedProvider(id=pid, name=name, url=urls[0] if urls else None), offerings

    def model(self, path: Path, pid: str, index: int, entry: Any) -> list[ImportedOffering]:
        where = f"models[{index}]"
        if not isinstance(entry, dict):
            raise DataError("expected a model mapping", path=path, field=where)
        entry_id = entry.get("id")
        if not isinstance(entry_id, str) or not entry_id.strip():
            raise DataError("missing or non-text model id", path=path, field=f"{where}.id")
        where = f"{where} ({entry_id})"
        for key in entry:
            if key not in MODEL_KEYS:
                raise DataError(f"unknown key {key!r}", path=path, field=f"{where}.{key}")
        entity = f"offering:{pid}/{entry_id}"
        rule: dict[str, Any] = entry.get("match")  # type: ignore[assignment]
        check_rule(rule, path, f"{where}.match")
        ids = self.offering_ids(entity, entry_id, rule)
        if not ids:
            return []
        context = entry.get("context_window")
        if context is not None and (isinstance(context, bool) or not isinstance(context, int)):
            raise DataError(
                f"expected an integer, got {context!r}", path=path, field=f"{where}.context_window"
            )
        checked = parse_date(entry.get("prices_checked"), path, f"{where}.prices_checked")
        name = entry.get("name")
        # Free is said only by the id or name (":free", "(free)"), as in every other dataset.
        self.free_marked = marked_free(entry_id, name if isinstance(name, str) else None)
        prices, history = self.prices(path, f"{where}.prices", entity, entry.get("prices"))
        offerings = []
        for model_id in ids:
            provider, provider_model_id, aliases = pid, model_id, []
            if pid.startswith(HF_ROUTER):
                # The HF router picks the host with a ':<host>' suffix; the bare id names the model.
                provider_model_id = f"{model_id}:{pid[len(HF_ROUTER) :]}"
                aliases = [model_id]
            offerings.append(
                ImportedOffering(
                    provider=provider,
                    provider_model_id=provider_model_id,
                    aliases=aliases,
                    name=name if isinstance(name, str) else None,
                    prices=prices,
                    context_tokens=context if context and context > 0 else None,
                    lifecycle=lifecycle_of(entry),
                    checked=checked,
                    history=history,
                    price_origin=copied_from(entry.get("price_comments")),
                )
            )
        return offerings

    def offering_ids(self, entity: str, entry_id: str, rule: dict[str, Any]) -> list[str]:
        """The ids an entry prices: exact spellings of its own id, nothing a pattern claims."""
        own = offering_spelling(entry_id)
        equals: list[str] = []
        for clause in flatten(rule):
            if "equals" in clause:
                equals.append(str(clause["equals"]))
            elif set(clause) & {"starts_with", "ends_with", "contains", "regex"}:
                kind, value = next(iter(clause.items()))
                self.drop(
                    entity,
                    f"match.{kind}",
                    value,
                    "pattern rule not used as an id: it can claim other checkpoints",
                )
        ids: list[str] = []
        if matches(rule, entry_id):
            ids.append(entry_id)
        else:
            # The entry id may be a label; an exact spelling of it among the equals is the id.
            ids.extend([a for a in equals if offering_spelling(a) == own][:1])
            if not ids:
                self.drop(entity, "id", entry_id, "entry id is not accepted by its own match rule")
                return []
        seen = {ids[0].lower()}
        for alias in equals:
            if alias.lower() in seen or offering_spelling(alias) == own:
                continue  # a spelling of the same id: the offering already covers it
            seen.add(alias.lower())
            self.drop(
                entity,
                "match.equals",
                alias,
                "names another checkpoint or variant than the entry: its price is not "
                "evidence for it",
            )
        return ids

    def prices(
        self, path: Path, where: str, entity: str, raw: Any
    ) -> tuple[ImportedPrices, list[ImportedPricePoint]]:
        if isinstance(raw, dict):
            return self.price_set(path, where, entity, raw), []
        if not isinstance(raw, list) or not raw:
            raise DataError(
                f"expected a price mapping or a list of conditional prices, got {raw!r}",
                path=path,
                field=where,
            )
        current: ImportedPrices | None = None
        widest = (-1, 0)  # (minutes per day, index) of the widest time-of-day window
        history: list[ImportedPricePoint] = []
        parsed: list[ImportedPrices] = []
        for index, item in enumerate(raw):
            field = f"{where}[{index}]"
            if not isinstance(item, dict) or set(item) - {"constraint", "prices"}:
                raise DataError("expected {constraint?, prices}", path=path, field=field)
            prices = self.price_set(path, f"{field}.prices", entity, item.get("prices"))
            parsed.append(prices)
            constraint = item.get("constraint")
            if constraint is None:
                current = prices  # always valid; a later entry takes precedence
                continue
            if not isinstance(constraint, dict):
                raise DataError("expected a constraint mapping", path=path, field=field)
            if set(constraint) == {"start_date"}:
                start = parse_date(constraint["start_date"], path, f"{field}.constraint.start_date")
                assert start is not None
                history.append(
                    ImportedPricePoint(
                        effective=start.isoformat(),
                        input_per_mtok=prices.input_per_mtok,
                        output_per_mtok=prices.output_per_mtok,
                    )
                )
                if start <= self.as_of:
                    current = prices  # later entries take precedence once started
            elif set(constraint) == {"start_time", "end_time"}:
                minutes = window_minutes(constraint, path, field)
                self.drop(
                    entity,
                    f"prices[{index}]",
                    f"{constraint['start_time']}-{constraint['end_time']} UTC: "
                    f"{prices.input_per_mtok}/{prices.output_per_mtok}",
                    "time-of-day price not modelled",
                )
                if minutes > widest[0]:
                    widest = (minutes, index)
            else:
                raise DataError(f"unknown constraint {sorted(constraint)}", path=path, field=field)
        if widest[0] >= 0 and widest[0] > 24 * 60 - widest[0]:
            # The window covering most of the day is the standard rate; the rest is off-peak.
            current = parsed[widest[1]]
        if current is None:
            self.drop(entity, "prices", "dated", "no price in force on the snapshot date: unpriced")
            current = ImportedPrices()
        return current, sorted(history, key=lambda p: p.effective)

    def price_set(self, path: Path, where: str, entity: str, raw: Any) -> ImportedPrices:
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            raise DataError(f"expected a price mapping, got {raw!r}", path=path, field=where)
        values: dict[str, Any] = {}
        tiers: dict[int, dict[str, Any]] = {}
        units: list[ImportedUnitPrice] = []
        for key, value in raw.items():
            field = f"{where}.{key}"
            target = PRICE_KEYS.get(str(key))
            if target is None and key == "cache_write_5m_mtok" and "cache_write_mtok" not in raw:
                target = "cache_write_per_mtok"
            if target is None and key in UNIT_PRICE_KEYS:
                if isinstance(value, dict):  # a tiered unit price: its base, tiers dropped
                    value, _ = self._tiered(value, path, field, entity)
                    self.drop(
                        entity, str(key), "tiers", "length tiers of a non-text unit: not modelled"
                    )
                usd = (
                    value if isinstance(value, Decimal) else self._money(value, path, field, entity)
                )
                component, unit = UNIT_PRICE_KEYS[key]
                units.append(ImportedUnitPrice(component=component, unit=unit, usd=usd))
                continue
            if target is None:
                self._check_amount(value, path, field)
                self.drop(entity, str(key), value, "no field for this price: not modelled")
                continue
            if isinstance(value, dict):
                base, steps = self._tiered(value, path, field, entity)
                values[target] = base
                for start, price in steps:
                    if target in TIER_FIELDS:
                        tiers.setdefault(start, {})[target] = price
            else:
                values[target] = self._money(value, path, field, entity)
        if not values and not units:
            self.drop(entity, "prices", "{}", "no prices given: unpriced")
            return ImportedPrices()
        if all(v == 0 for v in [*values.values(), *(u.usd for u in units)]):
            if self.free_marked:
                return ImportedPrices(**values, free=True)
            self.drop(entity, "prices", "all zero", "all-zero prices not marked free: unpriced")
            return ImportedPrices()
        return ImportedPrices(
            **values,
            unit_prices=units,
            tiers=[ImportedTier(above_input_tokens=s, **tiers[s]) for s in sorted(tiers)],
        )

    def _tiered(
        self, raw: dict[str, Any], path: Path, field: str, entity: str
    ) -> tuple[Any, list[tuple[int, Any]]]:
        if set(raw) != {"base", "tiers"} or not isinstance(raw["tiers"], list):
            raise DataError("expected {base, tiers: [{start, price}]}", path=path, field=field)
        base = self._money(raw["base"], path, f"{field}.base", entity)
        steps = []
        for index, tier in enumerate(raw["tiers"]):
            where = f"{field}.tiers[{index}]"
            if not isinstance(tier, dict) or set(tier) != {"start", "price"}:
                raise DataError("expected {start, price}", path=path, field=where)
            start = tier["start"]
            if isinstance(start, bool) or not isinstance(start, int) or start < 0:
                raise DataError(f"expected a token count, got {start!r}", path=path, field=where)
            steps.append((start, self._money(tier["price"], path, f"{where}.price", entity)))
        return base, steps

    def _check_amount(self, value: Any, path: Path, field: str) -> None:
        if isinstance(value, dict):
            return  # a tiered price we do not model: its shape is checked where modelled
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DataError(f"expected a number, got {value!r}", path=path, field=field)

    def _money(self, raw: Any, path: Path, field: str, entity: str) -> Any:
        value, repaired = parse_price(raw, path=path, field=field)
        if repaired:
            self.drop(entity, field.rsplit(".", 1)[-1], raw, f"float artifact corrected to {value}")
        return value
