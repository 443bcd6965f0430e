"""How many values the terminal cuts: `tradeoff compare` and `tradeoff cost` on the bundled
catalog at 80 and 120 columns, counting the "…" Rich puts where it cut a cell, and the lines
printed; and how many times the comparison's verdict is printed (the most repeated of the
claims the verdict is made of). Run from a checkout: `.venv/bin/python bench/terminal_cut.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

PAIR = ["gpt-4o", "claude-3-5-sonnet-20241022"]
COMMANDS = {
    "compare": ["compare", *PAIR],
    "cost": ["cost", *PAIR, "--input-tokens", "2000", "--output-tokens", "500"],
}
ENTRY = [sys.executable, "-c", "from tradeoff.cli import main; main()"]


def main() -> None:
    print(f"{'command':<8} {'columns':>7} {'cut (…)':>8} {'lines':>6}")
    for name, args in COMMANDS.items():
        for width in (80, 120):
            env = os.environ | {"COLUMNS": str(width)}
            done = subprocess.run(
                [*ENTRY, *args], capture_output=True, text=True, env=env, check=True
            )
            lines = done.stdout.count("\n")
            print(f"{name:<8} {width:>7} {done.stdout.count('…'):>8} {lines:>6}")
    text = subprocess.run(
        [*ENTRY, *COMMANDS["compare"]], capture_output=True, text=True, check=True
    ).stdout
    ctx = json.loads(
        subprocess.run(
            [*ENTRY, *COMMANDS["compare"], "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    claims = [c["text"] for c in ctx["claims"] if c["text"] in ctx["verdict"]]
    print(f"verdict printed {max(text.count(c) for c in claims)} time(s) in `compare`")


if __name__ == "__main__":
    main()
