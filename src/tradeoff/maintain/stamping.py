"""A database compiled by an import or a refresh, made what a start compiles: the values
precomputed at build (``pages.precompute``) and the code stamp (``db.freshness``).

An import compiles the catalog as it will be (``db.build.build_database``, into a staged file)
before it writes the text; without the precomputed tables and the stamp, the next start took
that database for one written by other code and compiled it all again. ``finish_compiled``
adds both to the staged file just before it replaces the live one (not for a dry run or an
unchanged import, which throw it away). Its stat signature is left empty: the import writes
the text after the compile, so the next start hashes the text and the code once (well under
a second), finds the same version and code, and notes the signature.
"""

from __future__ import annotations

from pathlib import Path

from tradeoff.db import freshness
from tradeoff.db.locate import BUILD_MODULES
from tradeoff.pages.precompute import precompute


def finish_compiled(staged: Path) -> None:
    """Add the precomputed values and the code stamp to the database compiled at ``staged``
    (the same code files ``db.locate.ensure_database`` stamps with the shells' ``derive``)."""
    code_files = freshness.build_code_files([*BUILD_MODULES, precompute.__module__])
    code = freshness.code_hash(code_files)
    precompute(staged)
    freshness.stamp_file(str(staged), code, code_files, "")
