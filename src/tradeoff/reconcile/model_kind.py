"""A model's kind: curated > the kind its offerings are sold as > models.dev's modalities.

1. a curated fact (``facts.kind`` of a curated model file, else the cited ``kind`` of its
   ``catalog/aliases.toml`` entry) decides;
2. else the kind most of the model's offerings state from a dataset that says what an entry is
   sold as (LiteLLM's ``mode``, genai-prices) — a tie decides nothing;
3. else what models.dev's modalities and family show (``kinds.kind_from_modalities``), the
   canonical file and the offerings counted together — except that a model whose id says
   "embedding", "rerank(er)" or "moderation" as a word is inferred to be that kind, with the
   reason in the fact's note: models.dev lists embedding and rerank models as text → text, so
   its modalities cannot tell them from chat models;
4. else the kind stays unknown ("kind not yet sourced").

Every disagreement between these statements is a recorded conflict, whatever decided.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tradeoff.catalog.alias_schema import CreatedModel
from tradeoff.catalog.schema import CuratedModel, ImportedOffering
from tradeoff.kinds import kind_from_modalities
from tradeoff.reconcile.resolved import Resolved, Stated, rank
from tradeoff.records import Conflict, Fact

# The dataset whose kinds are read off modalities, not stated as what an entry is sold as.
MODALITIES_SOURCE = "models-dev"
RULE = "curated > majority of the offerings' stated kinds (LiteLLM mode) > models.dev modalities"


@dataclass(frozen=True)
class KindStatement:
    kind: str
    source_id: str
    checked: str
    where: str  # "model" (a canonical file) or "offering <provider>/<id>"


def resolve_kind(
    model_id: str,
    curated: CuratedModel | None,
    created: CreatedModel | None,
    stated: Stated,
    offerings: list[tuple[ImportedOffering, str, str]],
    out: Resolved,
) -> Fact[object]:
    """The model's kind with its source, or unknown; records the conflicts."""
    statements = _statements(stated, offerings, out)
    chosen = _curated(curated, created)
    note = None
    if chosen is None:
        chosen, count = _majority([s for s in statements if s.source_id != MODALITIES_SOURCE])
        note = f"the kind its offerings are sold as ({count} dataset entries)" if chosen else None
    if chosen is None:
        chosen, count = _majority([s for s in statements if s.source_id == MODALITIES_SOURCE])
        if chosen is not None:
            note = f"read from {_modalities_reason(stated)} ({count} entries)"
        named = _named_kind(model_id)
        basis = chosen or min(statements, key=lambda s: rank(s.source_id, s.checked), default=None)
        if named is not None and basis is not None and (chosen is None or chosen.kind != named):
            was = f"models.dev's modalities say {chosen.kind}" if chosen else "statements tie"
            chosen = KindStatement(named, basis.source_id, basis.checked, "model")
            note = f"inferred from the model id {model_id!r} ({was})"
    kinds = {s.kind for s in statements} | ({chosen.kind} if chosen else set())
    disputed = len(kinds) > 1
    if disputed:
        values = {(s.kind, s.source_id, s.checked) for s in statements}
        if chosen is not None:
            values.add((chosen.kind, chosen.source_id, chosen.checked))
        out.conflicts.append(
            Conflict(
                entity=f"model:{model_id}",
                field="kind",
                chosen=chosen.kind if chosen else "unknown",
                chosen_source_id=chosen.source_id if chosen else "",
                values=tuple(sorted(values)),
                rule=f"{RULE}; stated: {_tally(statements)}",
            )
        )
    if chosen is None:
        return Fact(None, note="statements tie" if disputed else None, disputed=disputed)
    return Fact(chosen.kind, chosen.source_id, chosen.checked, note=note, disputed=disputed)


# Words of a model id that name its kind (the inference of rule 3).
NAMED_KINDS = {
    "embedding": "embedding",
    "embed": "embedding",
    "rerank": "rerank",
    "reranker": "rerank",
    "moderation": "moderation",
}


def _named_kind(model_id: str) -> str | None:
    words = re.split(r"[^a-z0-9]+", model_id.lower().split("/")[-1])
    named = {NAMED_KINDS[word] for word in words if word in NAMED_KINDS}
    return named.pop() if len(named) == 1 else None


def _curated(curated: CuratedModel | None, created: CreatedModel | None) -> KindStatement | None:
    fact = curated.facts.get("kind") if curated else None
    fact = fact or (created.kind if created else None)
    if fact is None:
        return None
    return KindStatement(str(fact.value), fact.source, fact.checked.isoformat(), "model")


def _statements(
    stated: Stated, offerings: list[tuple[ImportedOffering, str, str]], out: Resolved
) -> list[KindStatement]:
    found = []
    for facts, source_id in stated:
        kind = facts.facts.get("kind")
        if isinstance(kind, str):
            checked = out.sources[source_id].retrieved if source_id in out.sources else ""
            found.append(KindStatement(kind, source_id, checked, "model"))
    for offering, source_id, checked in offerings:
        if offering.kind is not None:
            where = f"offering {offering.provider}/{offering.provider_model_id}"
            found.append(KindStatement(offering.kind, source_id, checked, where))
    return found


def _majority(statements: list[KindStatement]) -> tuple[KindStatement | None, str | None]:
    """The kind most statements give (a tie at the top decides nothing), stated by its
    strongest source, and how many of them give it ("5 of 6")."""
    counts = Counter(s.kind for s in statements)
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None, None
    kind, n = top[0]
    backing = sorted(
        (s for s in statements if s.kind == kind), key=lambda s: rank(s.source_id, s.checked)
    )
    return backing[0], f"{n} of {len(statements)}"


def _modalities_reason(stated: Stated) -> str:
    for facts, source_id in stated:
        if source_id != MODALITIES_SOURCE:
            continue
        ins, outs = facts.facts.get("modalities_input"), facts.facts.get("modalities_output")
        found = kind_from_modalities(
            ins if isinstance(ins, list) else None,
            outs if isinstance(outs, list) else None,
            facts.family,
        )
        if found is not None:
            return f"models.dev's {found[1]}"
    return "models.dev's modalities of its offerings"


def _tally(statements: list[KindStatement]) -> str:
    counts = Counter((s.kind, s.source_id) for s in statements)
    return ", ".join(f"{kind} ×{n} ({src})" for (kind, src), n in sorted(counts.items())) or "none"
