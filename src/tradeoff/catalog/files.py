"""Where the catalog text lives, which files feed the database, and their fingerprint.

Kept free of heavy imports (pydantic, the importers): the CLI and the web app call these on
every start to decide whether the compiled database is current.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path


def default_catalog_dir() -> Path:
    """The bundled catalog: $TRADEOFF_CATALOG, else catalog/ at the repository root."""
    env = os.environ.get("TRADEOFF_CATALOG")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "catalog"


def catalog_files(root: Path) -> list[Path]:
    """Every file that feeds the compiled database, in a stable order."""
    files = [
        root / name
        for name in (
            "sources.toml",
            "labs.toml",
            "providers.toml",
            "aliases.toml",
            "exclusions.toml",
        )
    ]
    files = [f for f in files if f.is_file()]
    files += only_files((root / "curated").rglob("*.toml"))
    files += only_files((root / "providers").glob("*.toml"))  # hand-written offerings
    files += only_files((root / "lifecycle").glob("*.toml"))  # curated deprecations
    files += only_files((root / "imports").glob("*.json"))
    # Benchmark registry and results: compiled by db.benchmark_writer.
    files += [f for f in [root / "benchmarks.toml"] if f.is_file()]
    files += only_files((root / "benchmarks").glob("*.json"))
    return files


def only_files(paths: Iterable[Path]) -> list[Path]:
    """Files only: a directory named like a catalog file (``mkdir x.toml``) is not one."""
    return sorted(p for p in paths if p.is_file())


def fingerprint(root: Path, extra: str = "") -> str:
    """A hash of the catalog text: the database is rebuilt when it changes."""
    digest = hashlib.sha256(extra.encode())
    for path in catalog_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
