"""A per-catalog value is built once, even when many threads ask for it at the same moment."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from tradeoff.db.queries import Catalog
from tradeoff.pages.memo import per_catalog


def test_concurrent_first_calls_build_once(catalog: Catalog) -> None:
    builds: list[int] = []
    gate = threading.Barrier(8)

    @per_catalog
    def slow(opened: Catalog) -> int:
        builds.append(1)
        threading.Event().wait(0.05)  # widen the window in which a second build could start
        return len(opened.models)

    def ask() -> int:
        gate.wait()
        return slow(catalog)

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: ask(), range(8)))
    assert answers == [len(catalog.models)] * 8
    assert len(builds) == 1
