"""What a pricing section lists as not counted, one entry per provider: its uncounted
offerings and why — never a provider counted for an active offering as if it were gone."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple


class Gone(NamedTuple):
    """One provider's uncounted offerings: ``reason`` is "defunct since …" (ids empty: the
    whole provider), or "retired" with ", <name> is counted for its active offering" when the
    provider still has a row."""

    provider_name: str
    ids: tuple[str, ...]
    reason: str


def gone_entries(
    defunct: Sequence[Mapping[str, Any]], providers: Sequence[Mapping[str, Any]]
) -> list[Gone]:
    """Group a pricing entry's ``defunct`` quotes by provider, in their order."""
    counted = {q["provider_name"]: q["offering_count"] for q in providers}
    by_name: dict[str, list[Mapping[str, Any]]] = {}
    for q in defunct:
        by_name.setdefault(q["provider_name"], []).append(q)
    out = []
    for name, quotes in by_name.items():
        since = next((q["defunct_since"] for q in quotes if q["defunct_since"]), None)
        if since:
            out.append(Gone(name, (), f"defunct since {since}"))
            continue
        ids = tuple(dict.fromkeys(q["provider_model_id"] for q in quotes))
        stages = list(dict.fromkeys(q["lifecycle"] for q in quotes))
        reason = " and ".join(stages)
        if name in counted:
            active = "offering" if counted[name] == 1 else "offerings"
            reason += f"; {name} is counted for its active {active}"
        out.append(Gone(name, ids, reason))
    return out


def gone_list(
    defunct: Sequence[Mapping[str, Any]],
    providers: Sequence[Mapping[str, Any]],
    text: Callable[[str], str],
    code: Callable[[str], str],
) -> str:
    """The entries as one list, in the output format whose escaping ``text`` and ``code`` are:
    "Name `id`, `id2` (reason), Other (defunct since …)"."""
    return ", ".join(
        text(g.provider_name)
        + "".join((", " if n else " ") + code(i) for n, i in enumerate(g.ids))
        + f" ({text(g.reason)})"
        for g in gone_entries(defunct, providers)
    )
