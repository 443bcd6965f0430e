"""`tradeoff build`: full static build time and file count, the rebuild with nothing changed,
and the incremental rebuild after one price change (time, files rewritten).

Usage: .venv/bin/python bench/static_build.py [--catalog DIR] [--runs N] [--jobs N]
                                              [--before TREE]

Works in a temporary copy of the catalog text (default: catalog/; the fixture:
``--catalog tests/fixtures/catalog-slice``). Each tree (this one, and ``--before TREE``, e.g.
``git worktree add /tmp/before main``) runs in its own process with its own ``src/`` first on
the path, one after the other: N full builds (each into a new folder; the median is printed),
one rebuild with nothing changed, then one after raising one price by 0.01 (the first
``input_per_mtok`` of the first import file) — a rebuild still renders every page and
rewrites only the files whose bytes changed. Printed: wall time, CPU time (the build's
process and its worker processes), files, files rewritten, and the ratio this tree / before;
then on disk, the pre-compressed twins (.gz, .br) included: files, twins, files written anew.
The load average is printed before and after: the machine may be shared.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BASE = "http://127.0.0.1:8000"
PRICE = re.compile(r'"input_per_mtok": "([0-9.]+)"')


def change_one_price(catalog: Path) -> str:
    """Raise the first input price of the first import file by 0.01; what changed."""
    for path in sorted((catalog / "imports").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        found = PRICE.search(text)
        if found:
            new = str(Decimal(found.group(1)) + Decimal("0.01"))
            changed = text[: found.start(1)] + new + text[found.end(1) :]
            path.write_text(changed, encoding="utf-8")
            return f"{path.name}: input_per_mtok {found.group(1)} -> {new}"
    raise SystemExit(f"no input_per_mtok in {catalog}/imports")


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the build's workers)."""
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _child(
    catalog: Path, work: Path, runs: int, jobs: int | None, unchanged: bool
) -> dict[str, Any]:
    """In the tree's own process: the builds, measured."""
    from tradeoff.pages.precompute import ensure_database
    from tradeoff.web.static_build import build_site

    takes_jobs = "jobs" in inspect.signature(build_site).parameters

    def build(db: Path, out: Path) -> dict[str, Any]:
        kept = _inodes(out)
        wall, cpu = time.perf_counter(), _cpu()
        options: dict[str, Any] = {"jobs": jobs} if takes_jobs else {}
        report = build_site(db, out, BASE, **options)
        done = {"wall": time.perf_counter() - wall, "cpu": _cpu() - cpu}
        now = _inodes(out)
        return {
            **done,
            "files": report.files,
            "rewritten": report.rewritten,
            # On disk, pre-compressed twins (.gz, .br) included: all files, and those written
            # anew (an inode the previous build did not have under that name).
            "disk": len(now),
            "written": sum(kept.get(name) != inode for name, inode in now.items()),
            "twins": sum(name.endswith((".gz", ".br")) for name in now),
        }

    db = ensure_database(catalog, work / "a.sqlite")
    full = [build(db, work / f"full-{n}") for n in range(runs)]
    same = build(db, work / "full-0") if unchanged else None
    changed = change_one_price(catalog)
    changed_db = ensure_database(catalog, work / "b.sqlite")
    one = build(changed_db, work / "full-0")
    return {"full": full, "same": same, "one": one, "changed": changed}


def _inodes(out: Path) -> dict[str, int]:
    """Each file of a build (twins included) by relative name: its inode."""
    if not out.is_dir():
        return {}
    return {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*") if p.is_file()}


def _run_tree(
    tree: Path, catalog: Path, runs: int, jobs: int | None, unchanged: bool
) -> dict[str, Any]:
    """One tree's measurements, in a new process with the tree's ``src/`` first."""
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        text = tmp / "catalog"
        shutil.copytree(catalog, text, ignore=shutil.ignore_patterns(".*"))
        env = {**os.environ, "PYTHONPATH": str(tree / "src")}
        args = [sys.executable, __file__, "--child", str(text), str(tmp), str(runs)]
        args += [str(unchanged), str(jobs or 0)]
        done = subprocess.run(args, env=env, check=True, capture_output=True, text=True)
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return result


def _line(label: str, now: dict[str, Any], before: dict[str, Any] | None) -> str:
    text = (
        f"{label:<30}{now['wall']:8.1f} s wall {now['cpu']:8.1f} s CPU  "
        f"{now['files']:>6} files {now['rewritten']:>6} rewritten"
        f" (on disk, twins incl.: {now['disk']} files, {now['twins']} twins,"
        f" {now['written']} written)"
    )
    if before is not None:
        text += (
            f"   | before {before['wall']:8.1f} s wall {before['cpu']:8.1f} s CPU "
            f"{before['rewritten']:>6} rewritten ({before['twins']} twins,"
            f" {before['written']} written)  ({now['wall'] / before['wall']:.2f}x wall, "
            f"{now['cpu'] / before['cpu']:.2f}x CPU)"
        )
    return text


def _median(builds: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        **builds[0],
        "wall": statistics.median(b["wall"] for b in builds),
        "cpu": statistics.median(b["cpu"] for b in builds),
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        catalog, work, runs = Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
        unchanged, jobs = sys.argv[5] == "True", int(sys.argv[6]) or None
        print(json.dumps(_child(catalog, work, runs, jobs, unchanged)))
        return
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--catalog", type=Path, default=ROOT / "catalog")
    parser.add_argument("--runs", type=int, default=3, help="full builds (median printed)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (this tree)")
    parser.add_argument("--before", type=Path, help="a reference tree, e.g. main's")
    parser.add_argument(
        "--no-unchanged",
        action="store_true",
        help="skip the rebuild with nothing changed (a whole build's time on a large catalog)",
    )
    args = parser.parse_args()
    print(f"catalog: {args.catalog}; load average before: {os.getloadavg()}")
    unchanged = not args.no_unchanged
    now = _run_tree(ROOT, args.catalog.absolute(), args.runs, args.jobs, unchanged)
    before = None
    if args.before is not None:
        tree = args.before.absolute()
        before = _run_tree(tree, args.catalog.absolute(), args.runs, None, unchanged)
    full = _median(now["full"])
    ref = _median(before["full"]) if before else None
    print(f"full build (median of {args.runs}): {full['files']} files")
    print(_line("  full build:", full, ref))
    if unchanged:
        print(_line("  rebuild, nothing changed:", now["same"], before and before["same"]))
    print(f"changed: {now['changed']}")
    print(_line("  rebuild, one price changed:", now["one"], before and before["one"]))
    print(f"load average after: {os.getloadavg()}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
