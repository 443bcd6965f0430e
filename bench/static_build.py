"""`tradeoff build`: full static build time and file count, incremental rebuild after one price
change, and the home page's bytes on the wire with and without gzip.

Usage: .venv/bin/python bench/static_build.py [--catalog DIR] [--runs N]
Works in a temporary copy of the catalog text (default: catalog/). Prints the median of N full
builds (each into a new folder), then one rebuild with nothing changed and one after changing
one price (the first `input_per_mtok` of the first import file), with files rewritten and the
time as a ratio to the full build's.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from decimal import Decimal
from pathlib import Path

from tradeoff.pages.precompute import ensure_database
from tradeoff.web.app import create_app
from tradeoff.web.caching import GZIP_LEVEL
from tradeoff.web.static_build import BuildReport, build_site

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


def home_on_the_wire(db: Path) -> None:
    """The home page's bytes without and with gzip (the app's level, and level 9)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's httpx notice
        client = TestClient(create_app(db, base_url=BASE), base_url=BASE)
    with client:
        plain = client.get("/", headers={"accept-encoding": "identity"}).content
        with client.stream("GET", "/", headers={"accept-encoding": "gzip"}) as response:
            wire = b"".join(response.iter_raw())
    print(f"home page, identity:        {len(plain):>10,} bytes")
    print(f"home page, gzip (level {GZIP_LEVEL}):   {len(wire):>10,} bytes  (served)")
    for level in (GZIP_LEVEL, 9):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            size = len(gzip.compress(plain, compresslevel=level))
            times.append(time.perf_counter() - start)
        ms = statistics.median(times) * 1000
        print(f"  gzip level {level}: {size:>10,} bytes, {ms:6.1f} ms to compress (median of 5)")


def line(label: str, report: BuildReport, full: float) -> None:
    print(
        f"{label:<28}{report.seconds:8.1f} s  ({report.seconds / full:5.2f}x full)  "
        f"{report.files} files, {report.rewritten} rewritten, {report.compressed} .gz"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", type=Path, default=ROOT / "catalog")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        text = tmp / "catalog"
        shutil.copytree(args.catalog, text, ignore=shutil.ignore_patterns(".*"))
        db = ensure_database(text, tmp / "a.sqlite")
        home_on_the_wire(db)
        builds = [build_site(db, tmp / f"full-{n}", BASE) for n in range(args.runs)]
        full = statistics.median(b.seconds for b in builds)
        print(f"catalog: {args.catalog}")
        print(
            f"full build (median of {args.runs}):{full:8.1f} s  "
            f"{builds[0].files} files + {builds[0].compressed} .gz  "
            f"({builds[0].files / full:.0f} files/s)"
        )
        line("rebuild, nothing changed:", build_site(db, tmp / "full-0", BASE), full)
        print(f"changed: {change_one_price(text)}")
        changed_db = ensure_database(text, tmp / "b.sqlite")
        line("rebuild, one price changed:", build_site(changed_db, tmp / "full-0", BASE), full)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
