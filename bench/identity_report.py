"""Measure model identity on a catalog: models, linked offerings, top unlinked ids, duplicate
groups, and the offerings of the well-known families (one canonical id each?).

    .venv/bin/python bench/identity_report.py [CATALOG_DIR] [--families] [--groups]

Reads the catalog text and reconciles it in memory (no database), so it measures exactly
what a build would compile.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

from tradeoff.catalog.load import load_catalog
from tradeoff.maintain.identity_checks import (
    ModelRef,
    OfferingRef,
    distinct_pairs,
    duplicate_groups,
)
from tradeoff.maintain.review import unlinked_ranking
from tradeoff.normalize import normalize
from tradeoff.reconcile.reconciler import reconcile

FAMILIES = re.compile(r"claude|gpt|gemini|mistral|llama|qwen|deepseek", re.IGNORECASE)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("catalog", nargs="?", type=Path)
    parser.add_argument("--families", action="store_true", help="list the well-known models")
    parser.add_argument("--groups", action="store_true", help="list every duplicate group")
    parser.add_argument("--top", type=int, default=50)
    args = parser.parse_args()
    text = load_catalog(args.catalog)
    resolved = reconcile(text)
    offerings = resolved.offerings
    linked = [o for o in offerings if o.model_id]
    print(f"models: {len(resolved.models)}")
    print(
        f"offerings: {len(offerings)}, linked {len(linked)} "
        f"({100 * len(linked) / max(len(offerings), 1):.1f}%)"
    )
    groups = duplicate_groups(
        [
            ModelRef(
                m.id, m.name, m.lab_id, m.release_date.value.iso if m.release_date.value else None
            )
            for m in resolved.models.values()
        ],
        [OfferingRef(o.provider_id, o.provider_model_id, str(o.model_id)) for o in linked],
        distinct_pairs(text.aliases.distinct),
    )
    print(f"duplicate groups: {len(groups)}")
    if args.groups:
        for group in groups:
            print(f"  [{group.lab_id}] {' | '.join(group.model_ids)}")
            for line in group.evidence[:4]:
                print(f"      {line}")
    print(f"top {args.top} unlinked provider ids (key, offerings, providers, reason):")
    for row in unlinked_ranking(resolved)[: args.top]:
        print("  " + " | ".join(str(v) for v in row))
    if args.families:
        providers: dict[str, set[str]] = defaultdict(set)
        for o in linked:
            providers[str(o.model_id)].add(o.provider_id)
        count = Counter({m: len(p) for m, p in providers.items()})
        print("well-known models served by more than 5 providers:")
        unlinked_keys: dict[str, set[str]] = defaultdict(set)
        for u in resolved.unlinked:
            norm = normalize(u.provider_model_id)
            for key in {norm.key, norm.undated_key}:
                unlinked_keys[key].add(f"{u.provider_id}:{u.provider_model_id} ({u.reason[:40]})")
        for model_id, n in sorted(count.items()):
            if n > 5 and FAMILIES.search(model_id):
                # unlinked offerings spelled like this model (or a dated form of it)
                strays = sorted(unlinked_keys.get(normalize(model_id).key, ()))
                more = f"; unlinked look-alikes: {', '.join(strays)}" if strays else ""
                print(f"  {model_id}: {n} providers{more}")


if __name__ == "__main__":
    main()
