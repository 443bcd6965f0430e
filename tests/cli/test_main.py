"""The console entry point as a shell sees it: pipes closed early, non-UTF-8 terminals."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradeoff import __version__
from tradeoff.cli import app
from tradeoff.db.version import catalog_version

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
    assert result.exit_code == 2
    assert "--model" in result.output


def test_version_names_the_package_and_the_catalog_text_it_reads(catalog_dir: Path) -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    version = catalog_version(catalog_dir)
    assert result.output == f"tradeoff {__version__}, catalog {version} ({catalog_dir})\n"


def test_catalog_option_chooses_the_catalog_text_tree(
    catalog_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    shutil.copytree(catalog_dir, other)
    labs = other / "labs.toml"
    labs.write_text(labs.read_text().replace('"Moonshot AI"', '"Moonshot Elsewhere"'))
    monkeypatch.setenv("TRADEOFF_DB", str(tmp_path / "other.sqlite"))
    shown = CliRunner().invoke(
        app, ["--catalog", str(other), "models", "show", "kimi-k2-instruct", "--json"]
    )
    assert shown.exit_code == 0, shown.output
    assert "Moonshot Elsewhere" in shown.output
    assert (tmp_path / "other.sqlite").is_file()
    version = CliRunner().invoke(app, ["--version", "--catalog", str(other)])
    assert f"({other})" in version.output


def test_a_missing_catalog_directory_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a short path: Rich's box folds long words
    result = CliRunner().invoke(app, ["--catalog", "nope", "models", "list"])
    assert result.exit_code == 2
    words = " ".join(result.output.replace("│", " ").split())  # Rich's box, unwrapped
    assert "Invalid value for '--catalog'" in words
    assert "'nope' does not exist" in words
