"""``fast_init``: the same frozen dataclass, built without a call per field."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

import pytest

from tradeoff.compare.claim import Claim, Number
from tradeoff.frozen import fast_init


@dataclasses.dataclass(frozen=True)
class Plain:
    a: int
    b: str = "x"
    c: tuple[str, ...] = ()


@fast_init
@dataclasses.dataclass(frozen=True)
class Fast:
    a: int
    b: str = "x"
    c: tuple[str, ...] = ()


def _params(cls: type) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(cls).parameters.values()]


CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((1,), {}),
    ((1, "y"), {}),
    ((1,), {"c": ("z",)}),
    ((), {"a": 2, "b": "w"}),
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_same_values_equality_and_hash(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    fast, plain = Fast(*args, **kwargs), Plain(*args, **kwargs)
    assert dataclasses.astuple(fast) == dataclasses.astuple(plain)
    assert fast == Fast(*args, **kwargs) and hash(fast) == hash(Fast(*args, **kwargs))
    assert repr(fast).removeprefix("Fast") == repr(plain).removeprefix("Plain")


def test_same_signature() -> None:
    assert _params(Fast) == _params(Plain)
    with pytest.raises(TypeError):
        Fast()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Fast(1, nope=2)  # type: ignore[call-arg]


def test_still_frozen() -> None:
    fast = Fast(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.a = 2  # type: ignore[misc]


def test_the_engines_records_keep_their_defaults() -> None:
    claim = Claim("x", "price", "text", "basis", (Number("pricing", "m", "f", 1),))
    assert (claim.favours, claim.tie, claim.lists, claim.reason, claim.leaders) == (
        (),
        False,
        (),
        "",
        (),
    )


def test_refuses_what_it_cannot_build() -> None:
    @dataclasses.dataclass(frozen=True)
    class WithFactory:
        a: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass
    class NotFrozen:
        a: int

    @dataclasses.dataclass(frozen=True)
    class Checked:
        a: int

        def __post_init__(self) -> None:
            pass

    for cls in (WithFactory, NotFrozen, Checked):
        with pytest.raises(TypeError, match="plain frozen dataclass"):
            fast_init(cls)
