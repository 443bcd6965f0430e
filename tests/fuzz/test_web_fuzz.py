"""Hypothesis-driven requests against the whole app (issue 12: a fuzz suite that runs in CI).

Every route of the route table, with path parameters, query parameters (the names the query
models read, and others) and headers drawn from real values and hostile ones: huge digit
runs, Unicode digits, `-vs-` chains, markup, traversal, long and foreign Host headers,
conditional requests, other methods. Whatever arrives, the app answers

- never a 5xx (the client raises the app's own exceptions too);
- with a bounded body (an error is small; nothing is amplified from the request);
- with the security headers.

Bounded and reproducible: ``derandomize=True`` and a fixed number of examples, so CI runs the
same requests every time and the suite takes seconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.web_support import assert_security_headers, client_for

from tradeoff.db.queries import Catalog
from tradeoff.pages import catalog_query, queries
from tradeoff.web.routes import routes

if TYPE_CHECKING:
    from starlette.testclient import TestClient

EXAMPLES = 150
# Limits on what any response may weigh: a page of the test catalog is far smaller; an error
# (4xx) is a short problem document whatever the request carried.
MAX_BODY_BYTES = 4 * 1024 * 1024
MAX_ERROR_BYTES = 16 * 1024

FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    # The autouse database fixture is function-scoped and read-only: nothing to reset.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

TEMPLATES = sorted({route.path for route in routes()})
_PARAM = re.compile(r"\{(\w+)(?::\w+)?\}")
# Every parameter name a page's query model reads, and names none reads.
QUERY_NAMES = sorted(
    {
        name
        for module in (queries, catalog_query)  # the catalog's query model has its own module
        for model in vars(module).values()
        if isinstance(model, type) and issubclass(model, queries.PageQuery)
        for name in model.model_fields
    }
    | {"utm_source", "format", "q[]", "", "models[]", "page"}
)


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> Iterator[TestClient]:
    with client_for(catalog) as opened:
        yield opened


@pytest.fixture(scope="module")
def names(catalog: Catalog) -> list[str]:
    """Real slugs and ids: a drawn request reaches real pages, not only 404s."""
    models = list(catalog.models.values())
    found = [m.slug for m in models[:40]] + [m.id for m in models[:10]]
    found += list(catalog.providers)[:10] + list(catalog.labs)[:10]
    return found


def hostile_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(max_size=40),
        st.text(alphabet="0123456789²³١٢٣٤٥٦٧٨٩-_.:,/%", max_size=30),
        st.integers(1, 3000).map(lambda n: "1" * n + "x-2501"),
        st.integers(1, 400).map(lambda n: "-vs-".join(["a"] * n)),
        st.sampled_from(
            [
                "..",
                "../../etc/passwd",
                "%2e%2e%2f",
                "/\\evil.example",
                "javascript:alert(1)",
                "<script>alert(1)</script>",
                "[/bold]",
                "FLUX.1 [schnell]",
                "9" * 5000,
                "999999999999999",
                "1000000000000000",
                "-1",
                "1e309",
                "NaN",
                "70:30",
                "٣:1",
                "\u202e",
                "\ufeff",
            ]
        ),
    )


def value(names: list[str]) -> st.SearchStrategy[str]:
    plausible = st.one_of(
        st.sampled_from(names),
        st.lists(st.sampled_from(names), min_size=2, max_size=10).map(",".join),
        st.integers(0, 10**16).map(str),
        st.sampled_from(["70:30", "yes", "no", "price", "desc", "text", "image", "tool_call"]),
    )
    # Half the values are ones a page accepts, so requests reach real pages as well as errors.
    return st.one_of(plausible, hostile_text())


HEADER_VALUES = [
    "testserver",
    "attacker.example",
    "testserver:80",
    "[::1]:8000",
    "a" * 300,
    "*",
    'W/"abc"',
    '"abc", *',
    "text/markdown",
    "application/json",
    "text/html;q=0, */*;q=0.1",
    "gzip, br",
    "bytes=0-10",
]
HEADER_NAMES = ["host", "if-none-match", "accept", "accept-encoding", "range", "x-forwarded-host"]
PRINTABLE = st.characters(min_codepoint=0x20, max_codepoint=0x7E)


@st.composite
def requests(draw: st.DrawFn, names: list[str]) -> tuple[str, str, dict[str, str]]:
    template = draw(st.sampled_from(TEMPLATES))
    pair = st.lists(st.sampled_from(names), min_size=2, max_size=4).map("-vs-".join)

    def fill(match: re.Match[str]) -> str:
        raw = draw(st.one_of(st.sampled_from(names), pair, hostile_text()))
        return quote(raw, safe="") if draw(st.booleans()) else quote(raw, safe="-_.~/")

    path = _PARAM.sub(fill, template)
    if draw(st.integers(0, 3)) == 0:  # a twin, or a suffix no route has
        path += draw(st.sampled_from([".md", ".json", "/", ".html", ".csv", ".svg"]))
    names_drawn = st.one_of(st.sampled_from(QUERY_NAMES), st.text(max_size=8))
    pairs = draw(st.lists(st.tuples(names_drawn, value(names)), max_size=4))
    query = urlencode(pairs)
    headers = {}
    if draw(st.booleans()):
        headers = draw(
            st.dictionaries(
                st.sampled_from(HEADER_NAMES),
                st.one_of(st.sampled_from(HEADER_VALUES), st.text(PRINTABLE, max_size=60)),
                max_size=3,
            )
        )
    method = draw(st.sampled_from(["GET"] * 6 + ["HEAD", "POST", "OPTIONS", "DELETE"]))
    return method, path + ("?" + query if query else ""), headers


def test_the_route_table_is_what_the_fuzzer_draws_from() -> None:
    # A new route is fuzzed without editing this file; a parameter-less table would mean the
    # fuzzer reaches nothing.
    assert any(_PARAM.search(t) for t in TEMPLATES)
    assert {"input_tokens", "models", "min_context", "blend"} <= set(QUERY_NAMES)


@FUZZ
@given(data=st.data())
def test_no_request_gets_a_5xx_an_unbounded_body_or_no_security_headers(
    client: TestClient, names: list[str], data: st.DataObject
) -> None:
    method, url, headers = data.draw(requests(names))
    response = client.request(method, url, headers=headers)
    assert response.status_code < 500, (method, url, headers, response.text[:500])
    limit = MAX_ERROR_BYTES if response.status_code >= 400 else MAX_BODY_BYTES
    assert len(response.content) <= limit, (method, url, headers, len(response.content))
    assert_security_headers(response.headers, url)
