"""Bounded work without timed tests: a call that must finish, under a generous alarm."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


class TookForever(AssertionError):
    """The call did not finish within the alarm: its work is not bounded by its input."""


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging) if the block runs longer than ``seconds``.

    Not a speed test: the bound is many times what linear work needs, and a quadratic
    regex or split on the inputs used here needs minutes to hours.
    """

    def expired(signum: int, frame: object) -> None:
        raise TookForever(f"did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def finishes(call: Callable[[], T], seconds: int = 10) -> T:
    """``call()``, which must finish within a generous alarm (see ``alarm``)."""
    with alarm(seconds):
        return call()
