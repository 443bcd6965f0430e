"""The one URL builder: every link the site prints comes from here (pages, twins, API)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from urllib.parse import quote, urlencode

PAIR_SEPARATOR = "-vs-"
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")  # what ``quote`` leaves as it is


def _q(segment: str) -> str:
    """Quote a path segment (ids are plain, but a crafted one must not break the URL)."""
    if _UNRESERVED.fullmatch(segment):
        return segment
    return quote(segment, safe="")


def with_query(path: str, params: Mapping[str, str | Sequence[str] | None] | None = None) -> str:
    """A path with a query string; empty and None values are left out."""
    pairs: list[tuple[str, str]] = []
    for key, value in (params or {}).items():
        if value is None or value == "":
            continue
        if isinstance(value, str):
            pairs.append((key, value))
        else:
            pairs.extend((key, v) for v in value if v != "")
    return f"{path}?{urlencode(pairs, safe=':,')}" if pairs else path


def twin(path: str, fmt: str) -> str:
    """The .json or .md twin of a page path (query kept); ``html`` gives the page itself."""
    base, sep, query = path.partition("?")
    if fmt != "html":
        base = "/index" if base == "/" else base
        base = f"{base}.{fmt}"
    return base + (sep + query if sep else "")


def home(params: Mapping[str, str | Sequence[str] | None] | None = None) -> str:
    """The catalog table, optionally filtered."""
    return with_query("/", params)


def model(slug: str) -> str:
    """A model page from its slug (``Model.slug``)."""
    return f"/models/{_q(slug)}"


def provider(provider_id: str) -> str:
    """A provider page."""
    return f"/providers/{_q(provider_id)}"


def lab(lab_id: str) -> str:
    """A lab page."""
    return f"/labs/{_q(lab_id)}"


def index(name: str) -> str:
    """An index page: ``providers``, ``labs`` or ``benchmarks``."""
    return f"/{_q(name)}"


def api_docs() -> str:
    """The API documentation page (its OpenAPI document is ``api("openapi.json")``)."""
    return "/api"


def canonical_pair(slug_a: str, slug_b: str) -> tuple[str, str]:
    """The two slugs in canonical (sorted) order."""
    return (slug_a, slug_b) if slug_a <= slug_b else (slug_b, slug_a)


def compare(slugs: Iterable[str], blend: str | None = None) -> str:
    """A comparison: two models get the canonical pair URL, other counts the query form."""
    ordered = list(slugs)
    params: dict[str, str | None] = {"blend": blend}
    if len(ordered) == 2 and ordered[0] != ordered[1]:
        first, second = canonical_pair(ordered[0], ordered[1])
        path = f"/compare/{_q(first)}{PAIR_SEPARATOR}{_q(second)}"
        return path if blend is None else with_query(path, params)
    return with_query("/compare", {"models": ",".join(ordered) or None, **params})


def calculator(
    slugs: Iterable[str] = (),
    input_tokens: int | None = None,
    output_tokens: int | None = None,
    cached_tokens: int | None = None,
    requests: int | None = None,
) -> str:
    """The cost calculator, optionally pre-filled."""
    params = {
        "requests": None if requests is None else str(requests),
        "models": ",".join(slugs) or None,
        "input_tokens": None if input_tokens is None else str(input_tokens),
        "output_tokens": None if output_tokens is None else str(output_tokens),
        "cached_tokens": None if cached_tokens is None else str(cached_tokens),
    }
    return with_query("/calculator", params)


def download(name: str) -> str:
    """A catalog download (``catalog.sqlite``, ``models.csv``…); empty name: the index."""
    return f"/downloads/{_q(name)}" if name else "/downloads"


def chart(name: str, params: Mapping[str, str | Sequence[str] | None] | None = None) -> str:
    """A server-side SVG chart."""
    return with_query(f"/charts/{_q(name)}.svg", params)


COMPARE_CHARTS = ("prices", "scores")  # a comparison's charts: price by provider, scores


def compare_chart(kind: str, slugs: Sequence[str], blend: str | None = None) -> str:
    """A comparison's SVG chart (``kind`` in ``COMPARE_CHARTS``) by the models' slugs, in the
    page's order: ``/charts/compare-prices/a,b.svg`` (``?blend=60:40`` off the default)."""
    return with_query(
        f"/charts/compare-{_q(kind)}/{','.join(_q(s) for s in slugs)}.svg", {"blend": blend}
    )


def price_vs_score(benchmark: str | None = None, fmt: str = "html") -> str:
    """The price-vs-benchmark-score page (or its twin) for one benchmark."""
    return with_query(twin("/charts/price-vs-score", fmt), {"benchmark": benchmark})


def trends(benchmark: str | None = None, threshold: str | None = None, fmt: str = "html") -> str:
    """The price-trend page (or its twin): the cheapest price reaching a score, by month."""
    return with_query(twin("/trends", fmt), {"benchmark": benchmark, "threshold": threshold})


def changes(params: Mapping[str, str | Sequence[str] | None] | None = None) -> str:
    """What changed (``/changes``), optionally filtered."""
    return with_query("/changes", params)


FEED_SUBJECTS = ("models", "providers", "labs")


def changes_feed(subject: str | None = None, name: str | None = None) -> str:
    """The Atom feed of every change, or of one model (by slug), provider or lab."""
    if subject is None or name is None:
        return "/changes.atom"
    if subject not in FEED_SUBJECTS:
        raise ValueError(f"no feed of {subject!r}")
    return f"/changes/{subject}/{_q(name)}.atom"


def static(name: str) -> str:
    """A same-origin static file (stylesheet, small script)."""
    return f"/static/{_q(name)}"


def api(path: str = "", params: Mapping[str, str | Sequence[str] | None] | None = None) -> str:
    """A JSON API path under /api/v1."""
    return with_query("/api/v1" + (f"/{path}" if path else ""), params)


def split_format(path: str, formats: Collection[str] = ("json", "md")) -> tuple[str, str]:
    """The one format detector: ``/models/kimi.json`` → (``/models/kimi``, ``json``).

    Only a suffix in ``formats`` counts; any other path is the page itself (HTML), so a name
    with a dot (``qwen2.5``) stays a name. ``/index.json`` is the twin of ``/``.
    """
    for fmt in formats:
        if path.endswith("." + fmt):
            base = path[: -len(fmt) - 1]
            return ("/" if base == "/index" else base), fmt
    return path, "html"
