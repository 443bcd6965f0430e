"""Colour contrast of the stylesheet, light and dark (``prefers-color-scheme: dark``): each
text colour on each background it is drawn on meets WCAG 2.1 AA (4.5:1 for body text)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from coloraide import Color

CSS = Path(__file__).resolve().parents[2] / "src" / "tradeoff" / "web" / "static" / "site.css"
AA = 4.5
# (text role, background role): every pair the stylesheet draws.
PAIRS = [
    ("fg", "bg"),
    ("fg", "soft"),
    ("muted", "bg"),
    ("muted", "soft"),
    ("accent", "bg"),
    ("accent", "soft"),
    ("lede", "bg"),
    ("warn", "bg"),
    ("yes", "bg"),
    ("no", "bg"),
    ("button-fg", "button"),
    ("fg", "note-bg"),
    ("accent", "note-bg"),
]
# Non-text marks (chart dots, focus ring) need 3:1 against the page (WCAG 1.4.11).
MARKS = [("dot", "bg"), ("dot-hi", "bg"), ("focus", "bg")]


def _roles(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", block))


def schemes() -> dict[str, dict[str, str]]:
    """Colour roles of the light scheme (``:root``) and of the dark one (its media query)."""
    css = CSS.read_text()
    light = re.search(r":root\s*\{(.*?)\}", css, re.DOTALL)
    dark = re.search(
        r"@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{(.*?)\}", css, re.DOTALL
    )
    assert light and dark, "site.css must define :root colour roles and a dark scheme"
    return {"light": _roles(light.group(1)), "dark": _roles(dark.group(1))}


def ratio(fg: str, bg: str) -> float:
    contrast: float = Color(fg).contrast(Color(bg), method="wcag21")
    return contrast


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_pairs_meet_wcag_aa(scheme: str) -> None:
    roles = schemes()[scheme]
    low = {
        f"{fg} on {bg}": round(ratio(roles[fg], roles[bg]), 2)
        for fg, bg in PAIRS
        if ratio(roles[fg], roles[bg]) < AA
    }
    assert not low, f"{scheme}: below {AA}:1: {low}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_marks_meet_non_text_contrast(scheme: str) -> None:
    roles = schemes()[scheme]
    low = {f"{m} on {bg}": ratio(roles[m], roles[bg]) for m, bg in MARKS}
    assert all(v >= 3 for v in low.values()), low


def test_both_schemes_define_the_same_roles() -> None:
    found = schemes()
    assert set(found["light"]) == set(found["dark"])
    assert {r for pair in PAIRS + MARKS for r in pair} <= set(found["light"])


def test_the_ratio_is_wcags() -> None:
    """Known values: black on white is 21:1, a colour on itself 1:1, #767676 on white 4.54."""
    assert ratio("#000000", "#ffffff") == pytest.approx(21)
    assert ratio("#0b5cad", "#0b5cad") == pytest.approx(1)
    assert ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
