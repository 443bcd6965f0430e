"""The wheel works anywhere: built, installed into a fresh venv, run from an empty directory.

The wheel is built the standard way (``python -m build``: an sdist, then the wheel from it, so
the sdist must carry everything, catalog/ included) with this venv's pinned setuptools
(``--no-isolation``: offline). It is installed with ``--no-index --no-deps`` into a new venv
whose only other path is this venv's site-packages (for the dependencies): that directory's
``.pth`` files are not run, so the editable install of src/ is invisible and every command
below runs the wheel's own files — the test checks ``tradeoff.__file__`` to be sure.
Marked ``wheel`` (``-m wheel`` runs it alone) and, by its folder, ``bundled``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from support.serving import free_port

from tradeoff import __version__, urls
from tradeoff.db.version import catalog_version

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parents[2]
PAIR = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]
PURELIB = "import sysconfig; print(sysconfig.get_path('purelib'))"
SLUGS = ["moonshotai--kimi-k2-instruct", "mistral--mixtral-8x22b-instruct"]


@dataclass(frozen=True)
class Installed:
    venv: Path
    package: Path  # the installed tradeoff package directory
    cwd: Path  # an empty directory
    env: dict[str, str]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.venv / "bin" / "tradeoff"), *args],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )


def _run(*cmd: str | Path) -> str:
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{cmd}:\n{done.stdout}\n{done.stderr}"
    return done.stdout.strip()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    tmp = tmp_path_factory.mktemp("wheel")
    _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", tmp / "dist", ROOT)
    (wheel,) = (tmp / "dist").glob("tradeoff-*.whl")
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    purelib = Path(_run(python, "-c", PURELIB))
    deps = Path(_run(sys.executable, "-c", PURELIB))
    (purelib / "project-deps.pth").write_text(f"{deps.as_posix()}\n")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-index", "--no-deps",
         "--quiet", wheel)  # fmt: skip
    cwd = tmp / "empty"
    cwd.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRADEOFF_", "PYTHON"))}
    yield Installed(venv, purelib / "tradeoff", cwd, env)


def _tree(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*")}


API_USE = """
import tradeoff
page = tradeoff.comparison(["kimi-k2-instruct", "mixtral-8x22b-instruct"])
print(tradeoff.__file__)
print(page["models"][0]["id"])
"""


def test_the_wheel_runs_its_own_files_and_carries_the_catalog(installed: Installed) -> None:
    done = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c", API_USE],
        cwd=installed.cwd,
        env=installed.env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    where, first = done.stdout.split()
    assert Path(where).parent == installed.package
    assert first == "moonshotai/kimi-k2-instruct"
    assert (installed.package / "db" / "catalog.sqlite").is_file()
    assert (installed.package / "web" / "static" / "site.css").is_file()
    assert (installed.package / "render" / "templates" / "base.html").is_file()


def test_version_names_the_package_and_the_packaged_catalog(installed: Installed) -> None:
    done = installed.run("--version")
    assert done.returncode == 0, done.stderr
    expected = f"tradeoff {__version__}, catalog {catalog_version(ROOT / 'catalog')} (packaged)"
    assert done.stdout.strip() == expected


def test_commands_read_the_packaged_catalog_from_an_empty_directory(installed: Installed) -> None:
    before = _tree(installed.venv)
    done = installed.run("compare", *PAIR, "--format", "md")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Kimi K2 Instruct vs Mixtral 8x22B Instruct"), done.stdout[:200]
    listed = installed.run("models", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert '"moonshotai/kimi-k2-instruct"' in listed.stdout
    # the packaged database is read as installed: nothing written beside it or in the cwd
    assert _tree(installed.venv) == before
    assert list(installed.cwd.iterdir()) == []


def test_a_command_that_needs_catalog_text_says_what_to_do(installed: Installed) -> None:
    done = installed.run("review")
    assert done.returncode == 1
    assert "catalog directory not found" in done.stderr
    assert "--catalog DIR" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_answers_from_an_empty_directory(installed: Installed) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [str(installed.venv / "bin" / "tradeoff"), "serve", "--port", str(port)],
        cwd=installed.cwd,
        env=installed.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            try:
                page = httpx.get(base + urls.compare(SLUGS), timeout=10)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "tradeoff serve did not answer within 60 s"
                time.sleep(0.2)
        assert page.status_code == 200, page.text[:500]
        assert "Kimi K2 Instruct" in page.text
        css = httpx.get(base + urls.static("site.css"), timeout=10)
        assert css.status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
