"""Lifecycle of offerings: curated dated entries (catalog/lifecycle/) and the stage rule.

A curated entry cites the provider's own deprecation page; it ranks with hand-written values
(above every dataset), and a dataset's other value stays a recorded conflict. It names one
offering by the provider's model id, or every offering of the provider linked to a model.
An entry that matches no offering is reported by ``tradeoff check``, never silently kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tradeoff.catalog.lifecycle_schema import CURATED_LIFECYCLE, LifecycleEntry
from tradeoff.catalog.load import CatalogText
from tradeoff.catalog.schema import ImportedOffering, SourceEntry
from tradeoff.reconcile.resolved import rank
from tradeoff.reconcile.statements import Statement

UNMATCHED = "curated lifecycle entry matches no offering"


@dataclass
class CuratedLifecycle:
    """Curated lifecycle statements by (provider, lower-case model id) and (provider, model)."""

    by_id: dict[tuple[str, str], Statement] = field(default_factory=dict)
    by_model: dict[tuple[str, str], Statement] = field(default_factory=dict)
    # key → (source id, provider, the id or model named, 'file entries.N')
    where: dict[tuple[str, str, str], tuple[str, str, str, str]] = field(default_factory=dict)
    used: set[tuple[str, str, str]] = field(default_factory=set)

    def for_offering(
        self, provider_id: str, model_ids: Iterable[str], model_id: str | None
    ) -> Statement | None:
        """The entry for an offering: its own id first, else its linked model at the provider."""
        for spelling in model_ids:
            found = self.by_id.get((provider_id, spelling.lower()))
            if found is not None:
                self.used.add(("id", provider_id, spelling.lower()))
                return found
        if model_id is not None:
            found = self.by_model.get((provider_id, model_id))
            if found is not None:
                self.used.add(("model", provider_id, model_id))
                return found
        return None

    def unmatched(self) -> list[tuple[str, str, str, str]]:
        """Entries no offering matched: (source, provider, id or model, 'file entries.N')."""
        return sorted(where for key, where in self.where.items() if key not in self.used)


def curated_lifecycle(text: CatalogText) -> CuratedLifecycle:
    """Every curated lifecycle entry as a statement; one entry per offering or model."""
    out = CuratedLifecycle()
    sources = text.sources
    for loaded in text.lifecycle_files:
        pid = loaded.provider_id
        for number, entry in enumerate(loaded.file.entries):
            statement = _statement(entry, pid, sources)
            if entry.provider_model_id is not None:
                key = ("id", pid, entry.provider_model_id.lower())
                out.by_id[(pid, entry.provider_model_id.lower())] = statement
            else:
                assert entry.model is not None  # the schema requires one of the two
                key = ("model", pid, entry.model)
                out.by_model[(pid, entry.model)] = statement
            named = entry.provider_model_id or str(entry.model)
            out.where[key] = (
                entry.source,
                pid,
                named,
                f"lifecycle/{loaded.path.name} entries.{number}",
            )
    return out


def _statement(entry: LifecycleEntry, pid: str, sources: Mapping[str, SourceEntry]) -> Statement:
    checked = entry.checked.isoformat()
    cited = {name: (source, day.isoformat()) for name, (source, day) in entry.citations().items()}
    return Statement(
        offering=ImportedOffering(
            provider=pid,
            provider_model_id=entry.provider_model_id or str(entry.model),
            lifecycle=entry.stage,
            deprecated_on=entry.deprecated_on,
            retired_on=entry.retired_on,
            successor=entry.successor,
            checked=entry.checked,
            source_url=sources[entry.source].url,
        ),
        origin=CURATED_LIFECYCLE,
        source_id=entry.source,
        checked=checked,
        rank=rank(entry.source, checked, hand_written=True),
        cited=cited,
    )


def stage_by_date(stage: str, retired_on: str | None, as_of: str | None) -> str:
    """A retirement date that had passed when its source was read makes the offering retired,
    whatever stage a stronger source left unsaid ("preview", "deprecated")."""
    if retired_on is not None and as_of is not None and retired_on <= as_of:
        return "retired"
    return stage
