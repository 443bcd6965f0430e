"""`tradeoff refresh`: fetch the newest upstream datasets, import what changed, all or nothing.

1. Every configured source is downloaded first (``maintain.refresh_fetch``: conditional
   requests, bounded size, timeouts) into a temporary folder; a 304 leaves the source as it is.
2. Each new snapshot is read by its existing importer (models.dev's TOML tree and
   genai-prices' YAML from the repository's ``.tar.gz``, LiteLLM's price map as JSON).
3. Under the catalog's writer lock, each new import keeps the price history of the one it
   replaces and adds every price that changed as a dated point (``importing.carry_history``:
   the ``price_history`` rows that `/changes` and its feeds read); the whole catalog is
   compiled with all of them; then the imports, the review report and the refresh state (the
   validators for the next conditional request) are committed together
   (``catalog.commit.commit_files``: one journal, all files or none) and the database replaced.
4. A short changelog of what changed is returned, and appended to a file.

Any failure before the commit — a download, an importer, validation, compilation — changes
nothing: no import, no state, no database.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from tradeoff.catalog.commit import (
    SCRATCH_PREFIX,
    catalog_lock,
    clean_stale_temps,
    commit_files,
    finish_interrupted,
)
from tradeoff.catalog.files import pinned, read_snapshot
from tradeoff.catalog.load import default_catalog_dir, import_text, load_catalog, read_import
from tradeoff.catalog.parsing import parse_json, validate
from tradeoff.catalog.schema import ImportFile
from tradeoff.db.build import build_database
from tradeoff.db.version import default_db_path, snapshot_version
from tradeoff.errors import DataError
from tradeoff.maintain.diff import ImportDiff, import_diff
from tradeoff.maintain.importing import carry_history, review_report
from tradeoff.maintain.refresh_fetch import Validators, client, fetch, unpack_tree
from tradeoff.maintain.stamping import finish_compiled

STATE_FILE = Path("review") / "refresh-state.json"  # in the catalog: validators per source
CHANGELOG_FILE = Path("review") / "changelog.md"
MAX_BYTES = 100 * 1024 * 1024
PRICE_FIELDS = ("input_per_mtok", "output_per_mtok")

# The public datasets (docs/refresh.md). models.dev and genai-prices are read by their
# importers as repository trees, so their snapshot is the repository's archive.
DEFAULT_URLS = {
    "models-dev": "https://codeload.github.com/anomalyco/models.dev/tar.gz/refs/heads/dev",
    "genai-prices": "https://codeload.github.com/pydantic/genai-prices/tar.gz/refs/heads/main",
    "litellm": "https://raw.githubusercontent.com/BerriAI/litellm/main/"
    "model_prices_and_context_window.json",
}


class SourceConfig(BaseModel):
    """One upstream dataset to refresh."""

    model_config = ConfigDict(extra="forbid")
    url: str
    max_bytes: int = Field(MAX_BYTES, gt=0)


class RefreshConfig(BaseModel):
    """`tradeoff refresh --config FILE` (TOML): ``[sources.<id>] url = … max_bytes = …``."""

    model_config = ConfigDict(extra="forbid")
    sources: dict[str, SourceConfig] = Field(
        default_factory=lambda: {k: SourceConfig(url=u) for k, u in DEFAULT_URLS.items()}
    )


def load_config(path: Path | None) -> RefreshConfig:
    """The refresh configuration: the file given, else the public datasets."""
    if path is None:
        return RefreshConfig()
    from tradeoff.catalog.load import parse_toml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read the refresh config ({exc.strerror})", path=path) from None
    config = validate(RefreshConfig, parse_toml(text, path), path)
    for name in config.sources:
        if name not in DEFAULT_URLS:
            raise DataError(
                f"unknown source {name!r}; one of {', '.join(DEFAULT_URLS)}",
                path=path,
                field=f"sources.{name}",
            )
    return config


@dataclass
class RefreshResult:
    """What one refresh did, source by source."""

    day: str
    unchanged: list[str] = field(default_factory=list)  # 304 or the same snapshot
    imported: dict[str, ImportDiff] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The changelog: per source, counts and every price change."""
        out = [f"## Refresh {self.day}", ""]
        for source in self.unchanged:
            out.append(f"- {source}: unchanged")
        for source, diff in self.imported.items():
            prices = [c for c in diff.changed if c[1] in PRICE_FIELDS]
            out.append(
                f"- {source}: {len(diff.added)} added, {len(diff.removed)} removed, "
                f"{len(diff.changed)} field(s) changed, {len(prices)} price(s) changed"
            )
            out += [f"  - {what} {name}: {old} → {new}" for what, name, old, new in prices]
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


def _read_state(path: Path) -> dict[str, Validators]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {k: Validators(v.get("etag"), v.get("last_modified")) for k, v in data.items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, AttributeError) as exc:
        raise DataError(
            f"unreadable refresh state ({exc}); delete it to start over", path=path
        ) from None


def _state_text(state: dict[str, Validators]) -> str:
    data = {k: {"etag": v.etag, "last_modified": v.last_modified} for k, v in sorted(state.items())}
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def _importer(source: str, path: Path, work: Path, day: dt.date) -> Callable[[], ImportFile]:
    """The existing importer of ``source``, over its downloaded snapshot at ``path``."""
    if source == "litellm":
        from tradeoff.sources.litellm import import_file

        return lambda: import_file(path, retrieved=day)
    tree, commit = unpack_tree(path, work / f"{source}-tree", source)
    if source == "models-dev":
        from tradeoff.sources.models_dev import import_tree

        return lambda: import_tree(tree, commit=commit, retrieved=day)
    from tradeoff.sources.genai_prices import import_snapshot

    return lambda: import_snapshot(tree, commit=commit, retrieved=day)


def refresh(
    config: RefreshConfig,
    catalog_dir: Path | None = None,
    db_path: Path | None = None,
    *,
    changelog: Path | None = None,
    timeout_s: float = 60.0,
    today: dt.date | None = None,
) -> RefreshResult:
    """Fetch, import and commit every changed source (see the module's docstring)."""
    catalog_dir = catalog_dir or default_catalog_dir()
    db_path = db_path or default_db_path(catalog_dir)
    day = today or dt.date.today()
    result = RefreshResult(day.isoformat())
    state = _read_state(catalog_dir / STATE_FILE)
    new_state = dict(state)
    with tempfile.TemporaryDirectory(prefix="tradeoff-refresh-") as scratch:
        work = Path(scratch)
        imports: list[ImportFile] = []
        with client(timeout_s) as http:
            downloads = [
                fetch(
                    http,
                    name,
                    source.url,
                    work / f"{name}.download",
                    known=state.get(name, Validators()),
                    max_bytes=source.max_bytes,
                )
                for name, source in config.sources.items()
            ]
        for download in downloads:
            if download.path is None:
                result.unchanged.append(download.source)
                continue
            imports.append(_importer(download.source, download.path, work, day)())
            new_state[download.source] = download.validators
        with catalog_lock(catalog_dir):
            finish_interrupted(catalog_dir)
            clean_stale_temps(catalog_dir, db_path)
            _commit(catalog_dir, db_path, imports, new_state, result)
    if changelog is None:
        changelog = catalog_dir / CHANGELOG_FILE
    _append(changelog, result.text())
    return result


def _commit(
    catalog_dir: Path,
    db_path: Path,
    imports: list[ImportFile],
    state: dict[str, Validators],
    result: RefreshResult,
) -> None:
    """Under the lock: every new import with its history, compiled together, then written."""
    snapshot = read_snapshot(catalog_dir)
    with pinned(snapshot):
        text = load_catalog(catalog_dir)
    written: dict[Path, str] = {}
    for new in imports:
        target = catalog_dir / "imports" / f"{new.source_id}.json"
        previous = None
        if target in snapshot.contents:
            with pinned(snapshot):
                previous = read_import(target)
            new = carry_history(previous, new)
        body = import_text(new)
        if snapshot.contents.get(target) == body.encode("utf-8"):
            result.unchanged.append(new.source_id)
            continue
        new = validate(ImportFile, parse_json(body, target), target)
        result.imported[new.source_id] = import_diff(previous, new)
        written[target] = body
        others = [i for i in text.imports if i.source_id != new.source_id]
        text.imports = sorted([*others, new], key=lambda i: f"{i.source_id}.json")
    state_path = catalog_dir / STATE_FILE
    state_body = _state_text(state)
    if not written:
        if state_path.is_file() and state_path.read_text(encoding="utf-8") == state_body:
            return
        commit_files(catalog_dir, {state_path: state_body})
        return
    staged_snapshot = snapshot
    for target, body in written.items():
        staged_snapshot = staged_snapshot.with_file(target, body)
    version = snapshot_version(staged_snapshot)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, dir=db_path.parent) as scratch:
        staged = Path(scratch) / db_path.name
        with pinned(snapshot):
            resolved = build_database(text, staged, version)
        # The review and the state first, the imports last (what others read).
        files = {**review_report(catalog_dir, resolved), state_path: state_body, **written}
        finish_compiled(staged)  # what a start compiles: no rebuild at the next
        commit_files(catalog_dir, files)
        os.replace(staged, db_path)


def _append(path: Path, text: str) -> None:
    """Add one refresh's changelog at the end of ``path`` (created with a title)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = not path.is_file()
        with open(path, "a", encoding="utf-8") as handle:
            if new:
                handle.write("# Refresh changelog\n\nWritten by `tradeoff refresh`.\n\n")
            handle.write(text + "\n\n")
    except OSError as exc:
        raise DataError(f"cannot write the changelog ({exc.strerror})", path=path) from None
