"""The console entry point as a shell sees it: pipes closed early, non-UTF-8 terminals."""

from __future__ import annotations

import os
import subprocess
import sys

from typer.testing import CliRunner

from tradeoff.cli import app

ENTRY = [sys.executable, "-c", "from tradeoff.cli import main; main()"]


def test_a_reader_that_stops_early_is_no_error() -> None:
    """`tradeoff check | head -1`: the pipe closes under us; exit 0, no traceback."""
    proc = subprocess.Popen(
        [*ENTRY, "check", "--verbose"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait() == 0, stderr
    assert "Traceback" not in stderr


def test_a_terminal_that_is_not_utf8_gets_text_not_a_traceback() -> None:
    env = os.environ | {"PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [*ENTRY, "compare", "kimi-k2-instruct", "mixtral-8x22b-instruct"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert b"Kimi K2 Instruct" in done.stdout


def test_an_empty_model_filter_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["conflicts", "--model", ""])
    assert result.exit_code == 1
    assert "--model" in result.output
