"""Helpers shared by the web tests: an in-process client over one app per catalog."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING

from tradeoff.db.queries import Catalog
from tradeoff.web.app import create_app

if TYPE_CHECKING:
    from starlette.testclient import TestClient

KIMI = "moonshotai--kimi-k2-instruct"
MIXTRAL = "mistral--mixtral-8x22b-instruct"
PAIR = f"/compare/{MIXTRAL}-vs-{KIMI}"  # canonical: sorted slugs
SECURITY_HEADERS = {
    "content-security-policy": "frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
}


def client_for(catalog: Catalog, raise_server_exceptions: bool = True) -> TestClient:
    """A test client over a fresh app on ``catalog`` (redirects are not followed)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's httpx notice
        from starlette.testclient import TestClient

        return TestClient(
            create_app(catalog.path, base_url="http://testserver"),
            follow_redirects=False,
            raise_server_exceptions=raise_server_exceptions,
        )


def assert_security_headers(headers: Mapping[str, str], url: str) -> None:
    """Every response carries the security headers."""
    for name, needle in SECURITY_HEADERS.items():
        value = headers.get(name)
        assert value is not None and needle in value, f"{url}: {name} = {value!r}"


FORM_PAGES = ("/", "/compare", "/calculator")  # HTML pages that show a bad value inline


def problem_url(url: str) -> str:
    """Where a bad query is answered as a problem+json: a form page's `.json` twin (the HTML
    page re-renders its form with the message inline, web/forms.py), any other URL itself."""
    from tradeoff import urls

    path, _, query = url.partition("?")
    return f"{urls.twin(path, 'json')}?{query}" if path in FORM_PAGES else url
