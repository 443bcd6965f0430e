"""The claim record: a statement, its basis and the numbers it states."""

from decimal import Decimal
from typing import NamedTuple

Value = Decimal | int | str | None  # None: the table states the value is unknown


class Number(NamedTuple):
    """A value a claim states and the table cell it comes from."""

    table: str  # pricing | availability | specs | capabilities | benchmarks
    model_id: str  # "*" for a value about the whole comparison (shared providers)
    field: str
    value: Value


class Claim(NamedTuple):
    """One statement: its text, its basis, the numbers it states and whom it favours."""

    id: str
    topic: str  # price | availability | capability | spec | benchmark
    text: str
    basis: str
    numbers: tuple[Number, ...]
    favours: tuple[str, ...] = ()  # models this claim is a real advantage for
    tie: bool = False
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (count field, the items counted)
    reason: str = ""  # short "choose X when" phrase for a favoured model
    benchmark: str = ""  # the benchmark's name, for benchmark claims
    # the models at the best value the claim compares (one: it is better; several: they tie);
    # empty when the claim compares nothing (fewer than two known values, no ranking)
    leaders: tuple[str, ...] = ()


# A NamedTuple's ``__new__`` is a Python function that ``type`` calls through its slot (~2,400
# instructions a record); ``tuple.__new__`` with the fields in order makes the very same record
# (~700). A page makes ~40 numbers and ~25 claims: these two are how compare/ makes them.
_new = tuple.__new__


def new_number(table: str, model_id: str, field: str, value: Value) -> Number:
    """``Number(table, model_id, field, value)``."""
    return _new(Number, (table, model_id, field, value))


def new_claim(
    id: str,
    topic: str,
    text: str,
    basis: str,
    numbers: tuple[Number, ...],
    favours: tuple[str, ...] = (),
    tie: bool = False,
    lists: tuple[tuple[str, tuple[str, ...]], ...] = (),
    reason: str = "",
    benchmark: str = "",
    leaders: tuple[str, ...] = (),
) -> Claim:
    """``Claim(...)``, the same fields and defaults."""
    return _new(
        Claim, (id, topic, text, basis, numbers, favours, tie, lists, reason, benchmark, leaders)
    )
