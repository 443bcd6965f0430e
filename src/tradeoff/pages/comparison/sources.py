"""The comparison's sources section: every source a shown fact came from, numbered [n]."""

from typing import TypedDict

from tradeoff.compare.engine import CatalogView, Comparison
from tradeoff.pages.sources import provenance


class SourceEntry(TypedDict):
    """A numbered source: the [n] that cells and routes cite."""

    n: int
    id: str
    name: str
    kind: str
    url: str
    licence: str
    attribution: str | None
    retrieved: str
    commit: str | None
    provenance: str


def numbering(result: Comparison) -> dict[str, int]:
    """Each source's [n], in the order the comparison first cites them."""
    return {sid: i + 1 for i, sid in enumerate(result.source_ids)}


def sources_section(
    result: Comparison, view: CatalogView, numbers: dict[str, int]
) -> list[SourceEntry]:
    """The numbered list of sources, with licence and attribution."""
    out: list[SourceEntry] = []
    for sid in result.source_ids:
        s = view.sources[sid]
        out.append(
            {
                "n": numbers[sid],
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "url": s.url,
                "licence": s.licence,
                "attribution": s.attribution,
                "retrieved": s.retrieved,
                "commit": s.commit,
                "provenance": provenance(s),
            }
        )
    return out
