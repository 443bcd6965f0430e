"""The test catalog with one recorded price change (for `/changes`, its feeds and --as-of).

Deep Infra's Kimi K2 Instruct (LiteLLM) gets two dated price points: $0.60 / $2.50 from
2026-10-01, then $0.50 / $2.00 (today's price) from 2026-11-29 — a cut of both sides.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tradeoff.db.locate import ensure_database

SLICE = Path(__file__).parents[1] / "fixtures" / "catalog-slice"
PROVIDER, OFFERING = "deepinfra", "moonshotai/Kimi-K2-Instruct"
HISTORY = [
    {"effective": "2026-10-01", "input_per_mtok": "0.6", "output_per_mtok": "2.5"},
    {"effective": "2026-11-29", "input_per_mtok": "0.5", "output_per_mtok": "2"},
]


def changed_catalog(folder: Path) -> Path:
    """Copy the test catalog into ``folder``, add the price change, compile; the database."""
    root = folder / "catalog"
    shutil.copytree(SLICE, root)
    path = root / "imports" / "litellm.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for offering in data["offerings"]:
        if (offering["provider"], offering["provider_model_id"]) == (PROVIDER, OFFERING):
            offering["history"] = HISTORY
            break
    else:
        raise AssertionError("the test catalog lost Deep Infra's Kimi K2 Instruct")
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return ensure_database(root, folder / "catalog.sqlite")
