"""One finding of `tradeoff check` (shared by the gate modules)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    level: str  # error | warning | info
    kind: str
    entity: str
    message: str
