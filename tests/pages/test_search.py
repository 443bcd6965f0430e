"""The site's search and the CLI's resolver agree: what resolves comes first, near names are
ranked by closeness (best first, not alphabetical)."""

from __future__ import annotations

import pytest

from tradeoff.db.queries import Catalog
from tradeoff.errors import UnknownModel
from tradeoff.pages.search import search

OSS = "openai/gpt-oss-120b"
M8X7 = "mistral/mixtral-8x7b-instruct"
M8X22 = "mistral/mixtral-8x22b-instruct"


@pytest.mark.parametrize("name", ["GPT OSS 120B", "gptoss120b", "gpt-oss:120b"])
def test_spellings_without_separators_resolve(catalog: Catalog, name: str) -> None:
    assert catalog.resolve(name).id == OSS
    assert next(iter(search(catalog, name))) == OSS


def test_suggestions_are_ranked_by_closeness(catalog: Catalog) -> None:
    # alphabetically 8x22b comes first; the closer name is 8x7b
    with pytest.raises(UnknownModel) as caught:
        catalog.resolve("mixtral-8x7b-instrct")
    assert caught.value.suggestions[0] == M8X7
    assert list(search(catalog, "mixtral-8x7b-instrct"))[:1] == [M8X7]


def test_search_ranks_resolved_then_near(catalog: Catalog) -> None:
    found = search(catalog, "kimi k2")  # ambiguous to the CLI: its candidates first
    assert [m.how for m in found.values()][:2] == ["exact", "exact"]
    assert list(search(catalog, "mixtral 8x22"))[:1] == [M8X22]
    assert search(catalog, "gemini pro")["google/gemini-2.5-pro"].how == "words"
    assert search(catalog, "") == {}
    assert search(catalog, "qqqqzzzz") == {}
