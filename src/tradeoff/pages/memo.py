"""Values computed once per opened catalog: the catalog is read-only, so they never go stale.

A ``Catalog`` is opened once per app (and once per CLI command); what a page needs from the
whole catalog (rows, options, related pairs, downloads) is kept as long as that object lives.
The web app builds pages in worker threads, so a value is built under a lock: once, however
many requests ask for it at the same moment.
"""

from __future__ import annotations

import functools
import weakref
from _thread import RLock  # threading's RLock, without importing threading (a cold start)
from collections.abc import Callable
from typing import TypeVar

from tradeoff.db.queries import Catalog

T = TypeVar("T")


def per_catalog(build: Callable[[Catalog], T]) -> Callable[[Catalog], T]:
    """Memoize ``build(catalog)`` for the lifetime of that catalog object."""
    known: weakref.WeakKeyDictionary[Catalog, T] = weakref.WeakKeyDictionary()
    lock = RLock()  # re-entrant: a builder may read other memoized values

    @functools.wraps(build)
    def memo(catalog: Catalog) -> T:
        if catalog in known:
            return known[catalog]
        with lock:
            if catalog not in known:
                known[catalog] = build(catalog)
            return known[catalog]

    return memo
