"""The change classification rules (docs/history.md), one case each."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

from tradeoff.reconcile.history_rules import (
    EARLY_FIX_DAYS,
    REVERT_DAYS,
    State,
    correction_rule,
    direction,
    plausible,
)

DAY = dt.date(2026, 3, 1)
LONG_AGO = dt.date(2025, 1, 1)


def _s(i: str | None, o: str | None, cr: str | None = None, cw: str | None = None) -> State:
    return State(
        tuple(D(v) if v is not None else None for v in (i, o, cr, cw)),  # type: ignore[arg-type]
        None,
        None,
        None,
    )


def test_a_plain_move_is_no_correction() -> None:
    assert correction_rule(_s("1", "2"), _s("0.5", "1"), LONG_AGO, DAY, []) is None


def test_unit_fix() -> None:
    assert correction_rule(_s("0.00000075", "0.0000045"), _s("0.75", "4.5"), LONG_AGO, DAY, []) == (
        "unit-fix"
    )


def test_price_stated_and_zero_artefacts() -> None:
    assert correction_rule(_s(None, None), _s("1", "2"), LONG_AGO, DAY, []) == "price-stated"
    assert correction_rule(_s("1", "2"), _s("0", "2"), LONG_AGO, DAY, []) == "zero-artefact"
    assert correction_rule(_s("1", "2", "0"), _s("1", "2"), LONG_AGO, DAY, []) == "zero-artefact"


def test_early_fix_only_right_after_appearing() -> None:
    soon = DAY - dt.timedelta(days=EARLY_FIX_DAYS)
    later = DAY - dt.timedelta(days=EARLY_FIX_DAYS + 1)
    assert correction_rule(_s("6", "24"), _s("1.4", "4.4"), soon, DAY, []) == "early-fix"
    assert correction_rule(_s("6", "24"), _s("1.4", "4.4"), later, DAY, []) is None


def test_reverted_only_within_the_window() -> None:
    back_soon = [(DAY + dt.timedelta(days=REVERT_DAYS), _s("1", "2"))]
    back_late = [(DAY + dt.timedelta(days=REVERT_DAYS + 1), _s("1", "2"))]
    assert correction_rule(_s("1", "2"), _s("2", "4"), LONG_AGO, DAY, back_soon) == "reverted"
    assert correction_rule(_s("1", "2"), _s("2", "4"), LONG_AGO, DAY, back_late) is None


def test_direction() -> None:
    assert direction(_s("1", "2").prices, _s("0.5", "1").prices) == "cut"
    assert direction(_s("1", "2").prices, _s("1", "3").prices) == "rise"
    assert direction(_s("1", "2").prices, _s("0.5", "3").prices) == "mixed"
    assert direction(_s("1", "2", "0.1").prices, _s("1", "2", "0.05").prices) == "cut"


def test_plausible() -> None:
    assert plausible(_s("600", "1000").prices)
    assert not plausible(_s("0", "4880000").prices)
