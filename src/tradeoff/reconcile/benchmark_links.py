"""Link a result's model name to a canonical model through the catalog's alias index.

Order: the CSV's models.dev id when the catalog has that model; else its first-party provider
entry (``provider_ref``); else the name as the source wrote it. The index refuses floating
aliases, base ↔ instruct and dated ↔ undated ids whose dates disagree. A floating id's recorded
target (docs/identity.md) is not followed: it says what the id served on one date, not what a
run at another date measured.
"""

from __future__ import annotations

from tradeoff.catalog.benchmark_files import ResultEntry
from tradeoff.reconcile.aliases import AliasIndex, Link


def link_result(index: AliasIndex, entry: ResultEntry) -> Link:
    """The canonical model of one result, or the reason there is none."""
    if " + " in entry.source_model:
        return Link(None, None, "architect/editor pair of two models: not one model's score")
    if entry.model_id is not None:
        ref = index.models.get(entry.model_id)
        if ref is not None and not ref.floating:
            return Link(ref.id, f"model id ({entry.match or 'as given'})")
    reasons: list[str] = []
    ref_id = entry.provider_ref
    if ref_id is not None and ref_id.startswith("floating:"):
        reasons.append(f"provider ref {ref_id[len('floating:') :]} is a floating alias")
    elif ref_id is not None:
        found = _not_floating(index.link(ref_id))
        if found.model_id is not None:
            return Link(
                found.model_id, f"provider ref {ref_id} ({found.how})", None, found.quantization
            )
        reasons.append(f"provider ref {ref_id}: {found.reason}")
    exact = index.resolve_exact(entry.source_model)
    if exact is not None:
        return Link(exact, "source name (alias)")
    found = _not_floating(index.link(entry.source_model))
    if found.model_id is not None:
        return Link(found.model_id, f"source name ({found.how})", None, found.quantization)
    reasons.append(f"source name: {found.reason}")
    return Link(None, None, "; ".join(reasons))


def _not_floating(found: Link) -> Link:
    if found.how == "floating":
        return Link(None, None, f"floating id (pointed to {found.model_id} on one date only)")
    return found
