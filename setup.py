"""Build hook: the wheel carries the compiled catalog (``tradeoff/db/catalog.sqlite``).

Everything else about the package is declared in pyproject.toml; this file only extends
setuptools' ``build_py`` (the standard place for generated package files). After the package
is copied into the build directory, the catalog text (``catalog/``, shipped in the sdist) is
compiled by that copied package — ``tradeoff.db.locate.ensure_database``, the same compile and
version stamp (``tradeoff.db.version``) as at run time — into the build directory, so the
wheel holds the database of exactly the code and text it was built from. Editable installs
(``pip install -e``) skip it: a source checkout compiles ``catalog/`` on first use instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PACKAGED_DB = ("tradeoff", "db", "catalog.sqlite")  # tradeoff.db.version.PACKAGED_DB_NAME

COMPILE = """
import sys
from pathlib import Path
from tradeoff.pages.precompute import ensure_database
ensure_database(Path(sys.argv[1]), Path(sys.argv[2]))
"""


class BuildPyWithCatalog(build_py):
    """``build_py``, then compile ``catalog/`` into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        catalog = ROOT / "catalog"
        if not (catalog / "sources.toml").is_file():
            raise SystemExit(f"error: {catalog}: the catalog text is missing; cannot build")
        target = Path(self.build_lib, *PACKAGED_DB)
        target.unlink(missing_ok=True)  # a stale database from an earlier build is never kept
        env = {**os.environ, "PYTHONPATH": str(Path(self.build_lib).resolve())}
        env.pop("TRADEOFF_CATALOG", None)
        env.pop("TRADEOFF_DB", None)
        print(f"compiling {catalog} into {target}")
        command = [sys.executable, "-c", COMPILE, str(catalog), str(target)]
        subprocess.run(command, env=env, check=True)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not self.editable_mode:
            outputs.append(str(Path(self.build_lib, *PACKAGED_DB)))
        return outputs


setup(cmdclass={"build_py": BuildPyWithCatalog})
