"""Load the catalog's text files into validated objects; every error names its file and field."""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tradeoff.catalog.files import catalog_files as catalog_files  # re-exported
from tradeoff.catalog.files import default_catalog_dir as default_catalog_dir
from tradeoff.catalog.files import fingerprint as fingerprint
from tradeoff.catalog.schema import (
    AliasFile,
    CuratedModel,
    ExcludedOffering,
    ExclusionsFile,
    ImportFile,
    LabEntry,
    LabsFile,
    ProviderEntry,
    ProvidersFile,
    SourceEntry,
    SourcesFile,
)
from tradeoff.errors import DataError

M = TypeVar("M", bound=BaseModel)
_TOML_LINE = re.compile(r"\(at line (\d+)")


@dataclass
class CatalogText:
    """Everything under catalog/, parsed and validated, not yet reconciled."""

    root: Path
    sources: dict[str, SourceEntry] = field(default_factory=dict)
    labs: dict[str, LabEntry] = field(default_factory=dict)
    providers: dict[str, ProviderEntry] = field(default_factory=dict)
    aliases: AliasFile = field(default_factory=AliasFile)
    curated: dict[str, CuratedModel] = field(default_factory=dict)
    curated_paths: dict[str, Path] = field(default_factory=dict)
    exclusions: list[ExcludedOffering] = field(default_factory=list)
    imports: list[ImportFile] = field(default_factory=list)


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """Parse TOML text read from ``path``; a syntax error names the file and line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        raise DataError(
            f"malformed TOML: {exc}", path=path, line=int(found.group(1)) if found else None
        ) from exc


def read_toml_file(path: Path) -> dict[str, Any]:
    """Read and parse a TOML file; errors name the file (and line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read: {exc}", path=path) from exc
    return parse_toml(text, path)


def read_json_model(model: type[M], path: Path) -> M:
    """Read a JSON file and validate it against a strict schema."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"malformed JSON: {exc.msg}", path=path, line=exc.lineno) from exc
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror}", path=path) from exc
    return validate(model, data, path)


def validate(model: type[M], data: object, path: Path) -> M:
    """Validate data against a strict schema; the first error names its field path."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            message = "unknown key"
        count = len(exc.errors())
        more = f" (and {count - 1} more)" if count > 1 else ""
        raise DataError(f"{message}{more}", path=path, field=where or None) from exc


def load_catalog(root: Path | None = None) -> CatalogText:
    """Read and validate every catalog file under ``root``."""
    root = root or default_catalog_dir()
    if not root.is_dir():
        raise DataError("catalog directory not found", path=root)
    text = CatalogText(root=root)
    if (root / "sources.toml").is_file():
        path = root / "sources.toml"
        text.sources = dict(validate(SourcesFile, read_toml_file(path), path).sources)
    if (root / "labs.toml").is_file():
        path = root / "labs.toml"
        text.labs = dict(validate(LabsFile, read_toml_file(path), path).labs)
    if (root / "providers.toml").is_file():
        path = root / "providers.toml"
        text.providers = dict(validate(ProvidersFile, read_toml_file(path), path).providers)
    if (root / "aliases.toml").is_file():
        path = root / "aliases.toml"
        text.aliases = validate(AliasFile, read_toml_file(path), path)
    if (root / "exclusions.toml").is_file():
        path = root / "exclusions.toml"
        text.exclusions = validate(ExclusionsFile, read_toml_file(path), path).excluded
    for path in sorted((root / "curated").rglob("*.toml")):
        model = validate(CuratedModel, read_toml_file(path), path)
        if model.id in text.curated:
            raise DataError(
                f"model {model.id!r} is also curated in {text.curated_paths[model.id]}", path=path
            )
        for source_id, entry in model.sources.items():
            if source_id in text.sources and text.sources[source_id] != entry:
                raise DataError(f"source id {source_id!r} declared twice", path=path)
            text.sources[source_id] = entry
        text.curated[model.id] = model
        text.curated_paths[model.id] = path
    for path in sorted((root / "imports").glob("*.json")):
        text.imports.append(read_import(path))
    _check_references(text)
    return text


def read_import(path: Path) -> ImportFile:
    """Read one normalized import file."""
    return read_json_model(ImportFile, path)


def _check_references(text: CatalogText) -> None:
    for model_id, model in text.curated.items():
        path = text.curated_paths[model_id]
        for name, fact in model.facts.items():
            if fact.source not in text.sources:
                raise DataError(
                    f"cites unknown source {fact.source!r}", path=path, field=f"facts.{name}.source"
                )
    for provider_id, provider in text.providers.items():
        if provider.source and provider.source not in text.sources:
            raise DataError(
                f"cites unknown source {provider.source!r}",
                path=text.root / "providers.toml",
                field=f"providers.{provider_id}.source",
            )


def write_import(import_file: ImportFile, path: Path) -> None:
    """Write an import as reviewable JSON (one entry per line), atomically."""
    data = import_file.model_dump(mode="json", exclude_defaults=True)
    lines = ["{"]
    keys = list(data)
    for index, key in enumerate(keys):
        comma = "," if index < len(keys) - 1 else ""
        value = data[key]
        if isinstance(value, list):
            lines.append(f"{json.dumps(key)}: [")
            for item_index, item in enumerate(value):
                item_comma = "," if item_index < len(value) - 1 else ""
                lines.append(json.dumps(item, sort_keys=True, ensure_ascii=False) + item_comma)
            lines.append("]" + comma)
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, sort_keys=True)}{comma}")
    lines.append("}")
    atomic_write_text(path, "\n".join(lines) + "\n")


def atomic_write_text(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
