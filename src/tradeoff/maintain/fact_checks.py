"""Fact contradiction gates (`tradeoff check`): model facts that cannot all be true.

Each gate reads the compiled model records, the values the pages show, so a contradiction
is caught whichever source (curated file or dataset) brought either side of it:

- ``knowledge-after-release``: a knowledge cutoff after the release date.
- ``closed-but-weights-published``: open weights "no" while a weights repository is known.
- ``fine-tune-under-base-lab``: a fine-tune filed under the lab of the model it was trained
  from, while its own id or its weights name another publisher.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from tradeoff.records import Model

FACT_GATES = (
    "knowledge-after-release",
    "closed-but-weights-published",
    "fine-tune-under-base-lab",
)


@dataclass(frozen=True)
class FactFinding:
    kind: str
    entity: str
    message: str


def fact_findings(models: Mapping[str, Model]) -> list[FactFinding]:
    """Every fact contradiction among ``models`` (all of them errors)."""
    out: list[FactFinding] = []
    for model in models.values():
        out += knowledge_after_release(model)
        out += closed_but_weights_published(model)
        out += fine_tune_under_base_lab(model, models)
    return out


def knowledge_after_release(model: Model) -> Iterable[FactFinding]:
    release, cutoff = model.release_date, model.knowledge_cutoff
    if release.value is None or cutoff.value is None or not cutoff.value.after(release.value):
        return []
    return [
        FactFinding(
            "knowledge-after-release",
            f"model:{model.id}",
            f"knowledge cutoff {cutoff.value} [{cutoff.source_id}] is after release "
            f"{release.value} [{release.source_id}]",
        )
    ]


def closed_but_weights_published(model: Model) -> Iterable[FactFinding]:
    if model.open_weights.value is not False or not model.weights_url:
        return []
    return [
        FactFinding(
            "closed-but-weights-published",
            f"model:{model.id}",
            f"open weights 'no' [{model.open_weights.source_id}] while its weights are "
            f"published at {model.weights_url}",
        )
    ]


def fine_tune_under_base_lab(model: Model, models: Mapping[str, Model]) -> Iterable[FactFinding]:
    """A fine-tune belongs to whoever published it. Filed under its base model's lab, it is
    wrong when its own canonical id names another lab, or when its weights are published by
    another organisation than its base's weights."""
    base_id = model.base_model.value
    if not base_id:
        return []
    base = models.get(base_id)
    base_lab = base.lab_id if base is not None else base_id.split("/")[0]
    if model.lab_id != base_lab:
        return []
    evidence: list[str] = []
    id_lab = model.id.split("/")[0]
    if id_lab != model.lab_id:
        evidence.append(f"its id names lab {id_lab!r}")
    own_org = weights_publisher(model.weights_url)
    base_org = weights_publisher(base.weights_url if base is not None else None)
    if own_org and base_org and own_org != base_org:
        evidence.append(f"its weights are published by {own_org!r}, its base's by {base_org!r}")
    if not evidence:
        return []
    return [
        FactFinding(
            "fine-tune-under-base-lab",
            f"model:{model.id}",
            f"filed under {model.lab_id!r}, the lab of its base model {base_id} "
            f"[{model.base_model.source_id}], but " + " and ".join(evidence),
        )
    ]


def weights_publisher(url: str | None) -> str | None:
    """The organisation of a weights repository URL (huggingface.co/<org>/<repo>), lower case."""
    if not url:
        return None
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return parts[0].lower() if len(parts) >= 2 else None
