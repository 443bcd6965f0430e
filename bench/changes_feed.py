"""First-request time of `/changes.atom` and `/changes` on a fresh app, beside a model page.

Usage: .venv/bin/python bench/changes_feed.py [--runs N]
Each run opens a fresh app (in-process, no network) on the already-built database of the
checkout's catalog and asks one URL once: the time includes computing every change record of
the catalog (once per opened catalog) and rendering. A second request of the same URL (render
cache) is timed too. Prints the median of N runs of each and the ratio to a model page
(`/models/moonshotai--kimi-k2-instruct.json`, which also reads every offering: the reference).
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings

from tradeoff.db.locate import ensure_database
from tradeoff.web.app import create_app

URLS = (
    "/models/moonshotai--kimi-k2-instruct.json",
    "/changes.atom",
    "/changes",
    "/changes.json?kind=price-cut",
)


def _first_and_again(url: str) -> tuple[float, float]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    client = TestClient(create_app(ensure_database(), base_url="http://testserver"))
    start = time.perf_counter()
    assert client.get(url).status_code == 200, url
    first = time.perf_counter() - start
    start = time.perf_counter()
    assert client.get(url).status_code == 200, url
    return first, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_database()
    results = {}
    for url in URLS:
        times = [_first_and_again(url) for _ in range(args.runs)]
        results[url] = (
            statistics.median(t[0] for t in times),
            statistics.median(t[1] for t in times),
        )
    reference = results[URLS[0]][0]
    print(f"runs: {args.runs} (median), fresh app per run")
    print(f"{'url':42} {'first (ms)':>11} {'cached (ms)':>12} {'first / reference':>18}")
    for url, (first, again) in results.items():
        ratio = first / reference
        print(f"{url:42} {first * 1000:11.1f} {again * 1000:12.2f} {ratio:17.2f}x")


if __name__ == "__main__":
    main()
