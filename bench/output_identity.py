"""Are two checkouts' outputs the same, byte for byte? For changes meant to change no output.

Usage: .venv/bin/python bench/output_identity.py --before TREE [--groups N] [--keep DIR]

Each tree (``--before TREE``, e.g. ``git worktree add --detach /tmp/before 15428c3``, and this
checkout) writes, in a fresh process with this venv's Python and ``PYTHONPATH=TREE/src`` (its
own ``catalog/`` and ``build/``): the comparison page in Markdown, JSON and HTML of N groups of
models (related pairs over the whole catalog, some triples and quads, every fifth also at a
50:50 blend), a few other commands' output (``models show``, ``cost``, ``models list``,
``headlines``, ``conflicts``, ``compare`` in the terminal and ``--as-of``, ``changes``,
``benchmarks list``) and every row of every table of its compiled database (the ``meta`` rows
that name this machine's code and files left out). Then the two sets are compared file by file.

Both run with ``PYTHONHASHSEED=0``: the database's stored price history lists same-day points
of one source in set order (``reconcile/offerings.py``), so two builds of the same catalog text
under different hash seeds differ there (the ``download_files`` rows). A database built before
under another seed differs for that reason alone: delete ``build/catalog.sqlite`` in both trees.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAIN = "import sys; from tradeoff.cli import main; sys.argv[0] = 'tradeoff'; main()"
PAIR = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]
CLI_OUTPUTS: dict[str, list[str]] = {
    "show.json": ["models", "show", "moonshotai/kimi-k2-instruct", "--json"],
    "show.txt": ["models", "show", "mistral/mixtral-8x22b-instruct", "--wide"],
    "cost.md": ["cost", *PAIR, "--input-tokens", "100k", "--output-tokens", "2000", "-f", "md"],
    "cost.json": ["cost", *PAIR, "--input-tokens", "100k", "--output-tokens", "2000", "--json"],
    "list.md": ["models", "list", "--format", "md"],
    "headlines.json": ["headlines", "--json"],
    "conflicts.md": ["conflicts", "--format", "md"],
    "compare.txt": ["compare", *PAIR, "--wide"],
    "compare-as-of.md": ["compare", *PAIR, "--format", "md", "--as-of", "2025-09-01"],
    "changes.md": ["changes", "--format", "md"],
    "benchmarks.md": ["benchmarks", "list", "--format", "md"],
    "benchmarks.json": ["benchmarks", "list", "--json"],
}
MACHINE_META = ("code", "code_files", "stat", "version")  # this machine's paths, not output


def groups(limit: int) -> list[list[str]]:
    """Related pairs spread over the catalog, then some triples and quads."""
    from related_pairs import related_pairs

    from tradeoff.db.queries import Catalog
    from tradeoff.pages.comparison import catalog_view
    from tradeoff.pages.precompute import ensure_database

    view = catalog_view(Catalog(ensure_database()))
    pairs = [list(pair) for pair in related_pairs(view)]
    chosen = pairs[:: max(1, len(pairs) // limit)][:limit]
    ids = sorted(view.models)
    chosen += [ids[i : i + 3] for i in range(0, min(len(ids), 300), 50)]
    chosen += [ids[i : i + 4] for i in range(7, min(len(ids), 300), 60)]
    return chosen


def worker(out: Path, limit: int) -> None:
    """Write this tree's outputs into ``out``."""
    from tradeoff.db.queries import Catalog
    from tradeoff.pages.comparison import compare_context
    from tradeoff.pages.jsonable import dumps
    from tradeoff.pages.precompute import ensure_database
    from tradeoff.render.html import render_compare_html
    from tradeoff.render.markdown import render_compare_markdown

    db = ensure_database()
    for n, group in enumerate(groups(limit)):
        for blend in [None, (50, 50)] if n % 5 == 0 else [None]:
            ctx = compare_context(Catalog(db), group, blend)
            stem = f"{n:03d}-{'-'.join(g.replace('/', '~') for g in group)}-{blend}"
            (out / f"{stem}.md").write_text(render_compare_markdown(ctx))
            (out / f"{stem}.json").write_text(dumps(ctx))
            (out / f"{stem}.html").write_text(render_compare_html(ctx))
    with closing(sqlite3.connect(db)) as conn, (out / "database.txt").open("w") as f:
        tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        for (table,) in tables.fetchall():
            rows = conn.execute(f"SELECT * FROM {table}").fetchall()  # names from sqlite_master
            if table == "meta":
                rows = [r for r in rows if r[0] not in MACHINE_META]
            f.write(f"== {table}: {len(rows)} rows\n")
            f.writelines(repr(row) + "\n" for row in sorted(rows, key=repr))
    for name, args in CLI_OUTPUTS.items():
        done = subprocess.run([sys.executable, "-c", MAIN, *args], capture_output=True, text=True)
        (out / f"cli-{name}").write_text(f"exit {done.returncode}\n{done.stdout}\n{done.stderr}")


def written(src: Path, out: Path, limit: int) -> int:
    """Run the worker of the tree whose source is ``src``; the number of files written."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADEOFF_")}
    env.update(PYTHONPATH=str(src), PYTHONHASHSEED="0", COLUMNS="120")
    out.mkdir(parents=True)
    cmd = [sys.executable, __file__, "--worker", str(out), "--groups", str(limit)]
    subprocess.run(cmd, env=env, check=True)
    return len(list(out.iterdir()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path)
    parser.add_argument("--groups", type=int, default=40, help="related pairs compared")
    parser.add_argument("--keep", type=Path, help="write the outputs here (else a temporary)")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.groups)
        return
    if args.before is None:
        parser.error("--before TREE is required")
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        before, after = base / "before", base / "after"
        counts = [
            written(args.before.resolve() / "src", before, args.groups),
            written(ROOT / "src", after, args.groups),
        ]
        same, differ, alone = filecmp.cmpfiles(
            before, after, sorted({p.name for p in [*before.iterdir(), *after.iterdir()]}), False
        )
        print(f"files written: before {counts[0]}, after {counts[1]}")
        print(f"the same byte for byte: {len(same)}; different: {len(differ)}", end="")
        print(f"; in one tree only: {len(alone)}")
        for name in [*differ, *alone][:20]:
            print(f"  {name}")
    sys.exit(1 if differ or alone else 0)


if __name__ == "__main__":
    main()
