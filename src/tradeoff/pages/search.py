"""The site's search (the header box and the catalog table's ``q``): what the CLI resolves,
then near names, ranked best first by ``tradeoff.names.rank`` — the ranking of the CLI's
"did you mean" list too.

A name the CLI resolves (``Catalog.resolve``: id, slug, alias, "gpt4o") is the first result;
an ambiguous one puts its candidates first; then spellings that start with or contain the
query, models whose name, lab or licence hold every word of it, and fuzzy near names.
"""

from __future__ import annotations

from tradeoff.db.queries import Catalog
from tradeoff.errors import AmbiguousModel, UnknownModel
from tradeoff.names import Match, rank
from tradeoff.pages.catalog_table import catalog_rows
from tradeoff.pages.memo import per_catalog


@per_catalog
def search_texts(catalog: Catalog) -> dict[str, str]:
    """Model id → the lower-case words it may be found by: id, name, lab, licence."""
    return {
        r["id"]: " ".join([r["id"], r["name"], r["lab_name"], r["licence"] or ""]).lower()
        for r in catalog_rows(catalog)
    }


def resolved(catalog: Catalog, text: str) -> list[str]:
    """The ids the CLI would resolve ``text`` to: one, the ambiguous candidates, or none."""
    try:
        return [catalog.resolve(text).id]
    except AmbiguousModel as exc:
        return [c for c in exc.candidates if c in catalog.models]
    except UnknownModel:
        return []


def search(catalog: Catalog, text: str) -> dict[str, Match]:
    """Every model matching ``text``, best first (a dict in rank order)."""
    if not text.strip():
        return {}
    found = rank(text, catalog.name_spellings, search_texts(catalog), exact=resolved(catalog, text))
    return {m.id: m for m in found}
