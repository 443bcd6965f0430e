"""Cut the test catalog (tests/fixtures/catalog-slice) out of the bundled catalog.

The slice is frozen: tests and golden pages read the committed copy, so refreshing the
bundled data churns nothing. Re-run this only to take a deliberate new slice (then review the
diff and regenerate the golden pages):

    .venv/bin/python tests/support/slice_catalog.py [CATALOG_DIR] [OUT_DIR]

What it keeps, and why (the pages must keep exercising every feature):

- every offering of Kimi K2 Instruct and Mixtral 8x22B Instruct, the golden pair (prices from
  three datasets, conflicts, a cache price, unpriced routes, a defunct provider, an exclusion);
- a few more models, each with only its offerings on providers the pair already uses or on its
  lab's own API, plus a context-tiered or batch-priced route where it has one: a second
  checkpoint of the same family (0905, so "kimi-k2" stays ambiguous), an alias-table model
  (Kimi K2 Turbo), a same-family neighbour (Mixtral 8x7B), a reasoning model (DeepSeek R1),
  an open-weights OpenAI model with many hosts (gpt-oss-120b) and a closed model created by
  models.dev with context tiers (Gemini 2.5 Pro);
- their benchmark results on a handful of benchmarks (shared rows, vendor claims, results
  without counterpart) and the registry entries the test CSVs need;
- every upstream value dropped from a kept entry (placeholder dates, float artifacts, all-zero
  prices), so `tradeoff check` still counts them.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from tradeoff.catalog.benchmark_files import read_results_file, write_results_file
from tradeoff.catalog.load import load_catalog, read_import, write_import
from tradeoff.catalog.schema import ImportedOffering
from tradeoff.db.locate import ensure_database
from tradeoff.normalize import offering_spelling
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.sources.benchmarks import KNOWN_FILES

REPO = Path(__file__).resolve().parents[2]
PAIR = ("moonshotai/kimi-k2-instruct", "mistral/mixtral-8x22b-instruct")
OTHERS = (
    "moonshotai/kimi-k2-instruct-0905",
    "moonshotai/kimi-k2-turbo-preview",
    "mistral/mixtral-8x7b-instruct",
    "deepseek/deepseek-r1",
    "openai/gpt-oss-120b",
    "google/gemini-2.5-pro",
)
MODELS = (*PAIR, *OTHERS)
BENCHMARKS = (
    "gpqa-diamond",
    "math-level-5",
    "weirdml",
    "mmlu",
    "aider-polyglot",
    "swe-bench-verified",
    # named by the test CSVs under tests/fixtures/benchmarks
    "arc-agi",
    "lmarena-text",
)
# The other models keep only their routes on these hosts (and their lab's own API).
HOSTS = ("anyscale", "deepinfra", "fireworks-ai", "groq", "openrouter", "togetherai")
UNLINKED_PER_FIRST_PARTY = 2  # a first-party API's offerings of models outside the slice
HEADER = re.compile(r"^\[(?:\[)?([^\]]+)\]")
STAMP = (
    "# Test fixture: a frozen slice of catalog/{name}, cut by tests/support/slice_catalog.py.\n\n"
)


def blocks(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A TOML file as (preamble, [(table header, block text)]), comments kept with their table."""
    preamble: list[str] = []
    found: list[tuple[str, list[str]]] = []
    pending: list[str] = []  # comment lines just above a header belong to it
    for line in text.splitlines(keepends=True):
        head = HEADER.match(line)
        if head:
            found.append((head.group(1), [*pending, line]))
            pending = []
        elif line.startswith("#") or not line.strip():
            pending.append(line)
        elif found:
            found[-1][1].extend([*pending, line])
            pending = []
        else:
            preamble.extend([*pending, line])
            pending = []
    if found:
        found[-1][1].extend(pending)
    else:
        preamble.extend(pending)
    return "".join(preamble), [(h, "".join(lines)) for h, lines in found]


def keep_tables(path: Path, out: Path, keep: set[str], prefix: str) -> None:
    """Copy the tables ``[prefix.<key>]`` whose key is in ``keep`` (and any other table)."""
    preamble, found = blocks(path.read_text(encoding="utf-8"))
    kept = []
    for header, body in found:
        if header.startswith(prefix + "."):
            key = header[len(prefix) + 1 :].strip('"')
            if key not in keep:
                continue
        kept.append(body.strip("\n") + "\n")
    out.write_text(STAMP.format(name=path.name) + preamble + "\n".join(kept), encoding="utf-8")


def aliases_file(path: Path, out: Path, models: set[str]) -> None:
    """[models] tables of kept models; [aliases] / [ambiguous] lines naming only kept models."""
    preamble, found = blocks(path.read_text(encoding="utf-8"))
    kept = []
    for header, body in found:
        if header.startswith("models."):
            if header[len("models.") :].strip('"') in models:
                kept.append(body.strip("\n") + "\n")
            continue
        lines = []
        for line in body.splitlines(keepends=True):
            targets = set(re.findall(r'"([a-z0-9-]+/[^"]+)"', line.split("=", 1)[-1]))
            entry = "=" in line and not line.startswith("#")
            if header in ("aliases", "ambiguous") and entry and not (targets and targets <= models):
                continue  # names a model outside the slice
            lines.append(line)
        kept.append("".join(lines).strip("\n") + "\n")
    out.write_text(STAMP.format(name=path.name) + preamble + "\n".join(kept), encoding="utf-8")


def main(src: Path, out: Path) -> None:
    text = load_catalog(src)
    resolved = reconcile(text)
    alias = resolved.provider_alias
    missing = [m for m in MODELS if m not in resolved.models]
    assert not missing, f"not in the catalog: {missing}"
    first_party = {p.id: p.lab_id for p in resolved.providers.values() if p.kind == "first-party"}
    labs = {resolved.models[m].lab_id for m in MODELS}
    lab_apis = {pid for pid, lab in first_party.items() if lab in labs}

    def wanted(model_id: str | None, provider_id: str, priced_extra: bool) -> bool:
        if model_id in PAIR:
            return True
        if model_id not in MODELS:
            return False
        return provider_id in HOSTS or provider_id in lab_apis or priced_extra

    # Offerings by (provider, spelling): which of them the slice keeps.
    keep_keys: set[tuple[str, tuple[str, str | None, bool]]] = set()
    extras: dict[str, int] = {}
    for o in sorted(resolved.offerings, key=lambda o: (o.provider_id, o.provider_model_id)):
        special = bool(o.prices.tiers or o.prices.batch_input_per_mtok)
        take_extra = special and extras.get(o.model_id or "", 0) < 1
        if wanted(o.model_id, o.provider_id, take_extra):
            if take_extra and not wanted(o.model_id, o.provider_id, False):
                extras[o.model_id or ""] = extras.get(o.model_id or "", 0) + 1
            keep_keys.add((o.provider_id, offering_spelling(o.provider_model_id.lower())))
    linked = {
        (o.provider_id, offering_spelling(o.provider_model_id.lower()))
        for o in resolved.offerings
        if o.model_id
    }
    excluded = {(e.source, e.provider, e.provider_model_id.lower()) for e in text.exclusions}

    if out.exists():
        shutil.rmtree(out)
    (out / "imports").mkdir(parents=True)
    providers: set[str] = set()
    unlinked_taken: dict[str, int] = {}
    for path in sorted((src / "imports").glob("*.json")):
        imported = read_import(path)

        def keep(o: ImportedOffering, source_id: str = imported.source_id) -> bool:
            pid = alias.get(o.provider.lower(), o.provider)
            key = (pid, offering_spelling(o.provider_model_id.lower()))
            if key in keep_keys or (source_id, pid, o.provider_model_id.lower()) in excluded:
                return True
            if pid in lab_apis and key not in linked:
                taken = unlinked_taken.get(pid, 0)
                if taken < UNLINKED_PER_FIRST_PARTY and o.provider_model_id[:1].isalpha():
                    unlinked_taken[pid] = taken + 1
                    return True
            return False

        offerings = [o for o in imported.offerings if keep(o)]
        entities = {f"offering:{o.provider}/{o.provider_model_id}" for o in offerings}
        entities |= {f"offering:{alias.get(o.provider.lower(), o.provider)}/{o.provider_model_id}"
                     for o in offerings}  # fmt: skip
        entities |= {f"model:{m}" for m in MODELS}
        spelled = {o.provider.lower() for o in offerings}
        providers |= {alias.get(p, p) for p in spelled}
        sliced = imported.model_copy(
            update={
                "providers": [p for p in imported.providers if p.id.lower() in spelled],
                "models": [m for m in imported.models if m.id in MODELS],
                "offerings": offerings,
                "dropped": [d for d in imported.dropped if d.entity in entities],
                "unlinked": [u for u in imported.unlinked if u.provider.lower() in spelled][:3],
                "counts": {},  # the upstream counts would describe the whole dataset
            }
        )
        write_import(sliced, out / "imports" / path.name)

    catalog_providers = text.providers
    providers = {p for p in providers if p in catalog_providers}
    # a regional endpoint needs its main provider (region_of must name a declared provider)
    providers |= {m for p in providers if (m := catalog_providers[p].region_of)}
    provider_sources = {s for p in providers if (s := catalog_providers[p].source)}
    provider_labs = {lab for p in providers if (lab := catalog_providers[p].lab)}
    keep_tables(src / "providers.toml", out / "providers.toml", providers, "providers")
    keep_tables(src / "labs.toml", out / "labs.toml", labs | provider_labs, "labs")
    aliases_file(src / "aliases.toml", out / "aliases.toml", set(MODELS))
    shutil.copy(src / "exclusions.toml", out / "exclusions.toml")
    for model_id in MODELS:
        if model_id in text.curated_paths:
            path = text.curated_paths[model_id]
            target = out / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)

    # Benchmarks: results of kept models on kept benchmarks, linked as the full build links them.
    with tempfile.TemporaryDirectory() as tmp:
        db = ensure_database(src, Path(tmp) / "full.sqlite")
        with sqlite3.connect(db) as conn:
            linked_results = dict(conn.execute("SELECT id, model_id FROM benchmark_results"))
    (out / "benchmarks").mkdir()
    result_sources = {known.source_id for known in KNOWN_FILES.values()}
    for path in sorted((src / "benchmarks").glob("*.json")):
        results = read_results_file(path)
        kept = [
            r
            for r in results.results
            if linked_results.get(f"{path.stem}#{r.line}") in MODELS and r.benchmark in BENCHMARKS
        ]
        if kept:
            write_results_file(
                results.model_copy(update={"results": kept, "unregistered": []}),
                out / "benchmarks" / path.name,
            )
            result_sources.add(results.source_id)
    keep_tables(src / "benchmarks.toml", out / "benchmarks.toml", set(BENCHMARKS), "benchmarks")

    sources = (
        {i.source_id for i in text.imports} | provider_sources | result_sources | {"openrouter"}
    )
    keep_tables(src / "sources.toml", out / "sources.toml", sources, "sources")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    main(
        args[0] if args else REPO / "catalog",
        args[1] if len(args) > 1 else REPO / "tests" / "fixtures" / "catalog-slice",
    )
