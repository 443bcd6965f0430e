"""The catalog table's search, filters and sort, parsed from GET query parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from starlette.datastructures import QueryParams

from tradeoff.records import CAPABILITIES
from tradeoff.web.responses import bad_parameter

SORTS: dict[str, str] = {
    "name": "Name",
    "lab": "Lab",
    "released": "Released",
    "context": "Context",
    "input_price": "Input $/1M",
    "output_price": "Output $/1M",
    "providers": "Providers",
}
TRI_VALUES = ("yes", "no", "unknown")
KNOWN_PARAMS = {
    "q",
    "capability",
    "modality",
    "open_weights",
    "licence",
    "lab",
    "provider",
    "min_context",
    "max_input_price",
    "max_output_price",
    "sort",
    "order",
}


@dataclass(frozen=True)
class CatalogQuery:
    """A validated catalog query; every field maps to one GET parameter."""

    q: str = ""
    capability: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()
    open_weights: str = ""
    licence: str = ""
    lab: str = ""
    provider: str = ""
    min_context: int | None = None
    max_input_price: Decimal | None = None
    max_output_price: Decimal | None = None
    sort: str = "name"
    order: str = "asc"
    extra: dict[str, str] = field(default_factory=dict)

    def params(self, **override: Any) -> dict[str, Any]:
        """The query as URL parameters (for links that change one thing, e.g. the sort)."""
        out: dict[str, Any] = {
            "q": self.q,
            "capability": list(self.capability),
            "modality": list(self.modality),
            "open_weights": self.open_weights,
            "licence": self.licence,
            "lab": self.lab,
            "provider": self.provider,
            "min_context": "" if self.min_context is None else str(self.min_context),
            "max_input_price": "" if self.max_input_price is None else str(self.max_input_price),
            "max_output_price": "" if self.max_output_price is None else str(self.max_output_price),
            "sort": "" if self.sort == "name" else self.sort,
            "order": "" if self.order == "asc" else self.order,
        }
        out.update(override)
        return out

    def echo(self) -> dict[str, Any]:
        """The filters as JSON (the .json twin says what it was asked)."""
        return {k: v for k, v in self.params(sort=self.sort, order=self.order).items() if v}


def _int(params: QueryParams, name: str) -> int | None:
    text = params.get(name, "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise bad_parameter(name, f"{name} must be a whole number of tokens, got {text!r}")
    return int(text)


def _money(params: QueryParams, name: str) -> Decimal | None:
    text = params.get(name, "").strip().lstrip("$")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise bad_parameter(
            name, f"{name} must be a USD amount such as 0.5, got {text!r}"
        ) from None
    if not value.is_finite() or value < 0:
        raise bad_parameter(name, f"{name} must be a non-negative USD amount, got {text!r}")
    return value


def parse_catalog_query(params: QueryParams, options: dict[str, list[str]]) -> CatalogQuery:
    """Validate the query; an unknown value names its parameter (400), never a traceback."""
    unknown = sorted(set(params.keys()) - KNOWN_PARAMS)
    if unknown:
        raise bad_parameter(
            unknown[0],
            f"unknown parameter {unknown[0]!r}; known: {', '.join(sorted(KNOWN_PARAMS))}",
        )
    capability = tuple(c for c in params.getlist("capability") if c)
    for c in capability:
        if c not in CAPABILITIES:
            raise bad_parameter("capability", f"unknown capability {c!r}; one of {CAPABILITIES}")
    modality = tuple(m for m in params.getlist("modality") if m)
    for name, allowed in (("modality", options["modalities"]),):
        for value in modality:
            if value not in allowed:
                raise bad_parameter(name, f"unknown {name} {value!r}; one of {allowed}")
    open_weights = params.get("open_weights", "")
    if open_weights and open_weights not in TRI_VALUES:
        raise bad_parameter("open_weights", f"open_weights must be one of {TRI_VALUES}")
    for name, key in (("lab", "labs"), ("provider", "providers")):
        value = params.get(name, "")
        if value and value not in options[key]:
            raise bad_parameter(name, f"unknown {name} {value!r}")
    sort = params.get("sort", "") or "name"
    if sort not in SORTS:
        raise bad_parameter("sort", f"sort must be one of {', '.join(SORTS)}, got {sort!r}")
    order = params.get("order", "") or "asc"
    if order not in ("asc", "desc"):
        raise bad_parameter("order", "order must be asc or desc")
    return CatalogQuery(
        q=params.get("q", "").strip()[:200],
        capability=capability,
        modality=modality,
        open_weights=open_weights,
        licence=params.get("licence", "").strip(),
        lab=params.get("lab", ""),
        provider=params.get("provider", ""),
        min_context=_int(params, "min_context"),
        max_input_price=_money(params, "max_input_price"),
        max_output_price=_money(params, "max_output_price"),
        sort=sort,
        order=order,
    )


def _tri(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def _price(row: dict[str, Any], key: str) -> Decimal | None:
    cheapest = row["cheapest"]
    return None if cheapest is None else Decimal(cheapest[key])


def matches(row: dict[str, Any], query: CatalogQuery) -> bool:
    """Does a catalog row pass every filter? Unknown values never pass a 'must have' filter."""
    if query.q:
        text = " ".join([row["id"], row["name"], row["lab_name"], row["licence"] or ""]).lower()
        if not all(word in text for word in query.q.lower().split()):
            return False
    if any(row["capabilities"].get(c) is not True for c in query.capability):
        return False
    if any(m not in row["modalities_input"] for m in query.modality):
        return False
    if query.open_weights and _tri(row["open_weights"]) != query.open_weights:
        return False
    if query.licence and (row["licence"] or "").lower() != query.licence.lower():
        return False
    if query.lab and row["lab"] != query.lab:
        return False
    if query.provider and query.provider not in row["providers"]:
        return False
    if query.min_context is not None and (row["context_tokens"] or 0) < query.min_context:
        return False
    for limit, key in (
        (query.max_input_price, "input_per_mtok"),
        (query.max_output_price, "output_per_mtok"),
    ):
        if limit is not None:
            price = _price(row, key)
            if price is None or price > limit:
                return False
    return True


def _sort_key(row: dict[str, Any], sort: str) -> tuple[Any, ...]:
    """Unknown values sort last in either direction (handled by the caller)."""
    value: Any = {
        "name": row["name"].lower(),
        "lab": row["lab_name"].lower(),
        "released": row["release_date"],
        "context": row["context_tokens"],
        "input_price": _price(row, "input_per_mtok"),
        "output_price": _price(row, "output_per_mtok"),
        "providers": row["provider_count"],
    }[sort]
    return (value, row["name"].lower(), row["id"])


def apply(rows: list[dict[str, Any]], query: CatalogQuery) -> list[dict[str, Any]]:
    """Filter then sort; rows whose sort value is unknown come last."""
    kept = [r for r in rows if matches(r, query)]
    known = [r for r in kept if _sort_key(r, query.sort)[0] is not None]
    unknown = [r for r in kept if _sort_key(r, query.sort)[0] is None]
    known.sort(key=lambda r: _sort_key(r, query.sort), reverse=query.order == "desc")
    unknown.sort(key=lambda r: (r["name"].lower(), r["id"]))
    return known + unknown


def options_of(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The values each filter can take, from the catalog itself."""
    return {
        "capabilities": list(CAPABILITIES),
        "modalities": sorted({m for r in rows for m in r["modalities_input"]}),
        "licences": sorted({r["licence"] for r in rows if r["licence"]}, key=str.lower),
        "labs": sorted({r["lab"] for r in rows}),
        "providers": sorted({p for r in rows for p in r["providers"]}),
    }
