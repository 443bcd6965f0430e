"""What an import changes: offerings and model facts added, removed or changed, field by field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tradeoff.catalog.schema import ImportedModelFacts, ImportedOffering, ImportFile

# Offering fields compared (history is derived; facts are evidence and compared too).
COMPARED = (
    "model_id",
    "name",
    "context_tokens",
    "max_output_tokens",
    "quantization",
    "capabilities",
    "lifecycle",
    "deprecated_on",
    "retired_on",
    "successor",
    "checked",
    "facts",
    "history",
)


@dataclass
class ImportDiff:
    """Changes between two imports of one source (``previous`` may be none)."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, str, str, str]] = field(default_factory=list)  # what, field, old, new

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _offering_key(o: ImportedOffering) -> str:
    return f"offering:{o.provider}/{o.provider_model_id}"


def _flat(o: ImportedOffering) -> dict[str, Any]:
    values: dict[str, Any] = {
        name: value for name, value in o.prices.model_dump().items() if name != "tiers"
    }
    values["tiers"] = [t.model_dump(exclude_none=True) for t in o.prices.tiers]
    values.update({name: getattr(o, name) for name in COMPARED})
    return values


def _show(value: Any) -> str:
    if value is None:
        return "unknown"
    return str(value)


def import_diff(previous: ImportFile | None, new: ImportFile) -> ImportDiff:
    """Compare two imports of the same source, offering by offering and model by model."""
    diff = ImportDiff()
    old_offerings = {_offering_key(o): o for o in previous.offerings} if previous else {}
    new_offerings = {_offering_key(o): o for o in new.offerings}
    for key in sorted(new_offerings.keys() - old_offerings.keys()):
        diff.added.append(_offering_key(new_offerings[key]))
    for key in sorted(old_offerings.keys() - new_offerings.keys()):
        diff.removed.append(_offering_key(old_offerings[key]))
    for key in sorted(new_offerings.keys() & old_offerings.keys()):
        before, after = _flat(old_offerings[key]), _flat(new_offerings[key])
        for name in before:
            if before[name] != after[name]:
                diff.changed.append(
                    (
                        _offering_key(new_offerings[key]),
                        name,
                        _show(before[name]),
                        _show(after[name]),
                    )
                )
    old_models = {m.id: m for m in previous.models} if previous else {}
    new_models = {m.id: m for m in new.models}
    diff.added += [f"model:{m}" for m in sorted(new_models.keys() - old_models.keys())]
    diff.removed += [f"model:{m}" for m in sorted(old_models.keys() - new_models.keys())]
    for model_id in sorted(new_models.keys() & old_models.keys()):
        diff.changed += _model_changes(old_models[model_id], new_models[model_id])
    return diff


def _model_changes(
    before: ImportedModelFacts, after: ImportedModelFacts
) -> list[tuple[str, str, str, str]]:
    out = []
    a, b = before.model_dump(), after.model_dump()
    for name in ("name", "lab", "family", "floating", "weights_url"):
        if a[name] != b[name]:
            out.append((f"model:{after.id}", name, _show(a[name]), _show(b[name])))
    for name in sorted(set(before.facts) | set(after.facts)):
        if before.facts.get(name) != after.facts.get(name):
            out.append(
                (
                    f"model:{after.id}",
                    name,
                    _show(before.facts.get(name)),
                    _show(after.facts.get(name)),
                )
            )
    return out


def describe_diff(diff: ImportDiff, limit: int | None = None) -> list[str]:
    """The diff for people: counts, then one line per change (``limit=0``: counts only)."""
    if diff.empty:
        return ["no changes"]
    lines = [
        f"changes: {len(diff.added)} added, {len(diff.removed)} removed, "
        f"{len(diff.changed)} field(s) changed"
    ]
    if limit == 0:
        return lines
    entries = [f"+ {what}" for what in diff.added] + [f"- {what}" for what in diff.removed]
    entries += [f"~ {what} {name}: {old} → {new}" for what, name, old, new in diff.changed]
    shown = entries if limit is None else entries[:limit]
    lines += shown
    if len(shown) < len(entries):
        lines.append(f"… and {len(entries) - len(shown)} more")
    return lines
