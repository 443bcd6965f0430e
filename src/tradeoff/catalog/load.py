"""Load the catalog's text files into validated objects; every error names its file and field."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from tradeoff.catalog import exclusion_schema as ex
from tradeoff.catalog.alias_schema import AliasFile
from tradeoff.catalog.commit import temp_path
from tradeoff.catalog.files import (
    MISSING_CATALOG,
    only_files,  # re-exported
)
from tradeoff.catalog.files import catalog_files as catalog_files
from tradeoff.catalog.files import default_catalog_dir as default_catalog_dir
from tradeoff.catalog.files import fingerprint as fingerprint
from tradeoff.catalog.lifecycle_schema import LifecycleFile
from tradeoff.catalog.offering_schema import PROVIDER_ID, ProviderFile
from tradeoff.catalog.parsing import parse_toml as parse_toml  # re-exported
from tradeoff.catalog.parsing import read_json_model as read_json_model
from tradeoff.catalog.parsing import read_text, read_toml_model, toml_line
from tradeoff.catalog.parsing import read_toml_file as read_toml_file
from tradeoff.catalog.parsing import validate as validate
from tradeoff.catalog.schema import (
    CuratedModel,
    ImportFile,
    LabEntry,
    LabsFile,
    ProviderEntry,
    ProvidersFile,
    SourceEntry,
    SourcesFile,
)
from tradeoff.errors import DataError


@dataclass(frozen=True)
class ProviderOfferings:
    """One hand-written provider file (catalog/providers/<id>.toml) as loaded."""

    provider_id: str
    path: Path
    file: ProviderFile
    model_lines: tuple[int | None, ...]  # line of each offering's `model`, for later errors


@dataclass(frozen=True)
class ProviderLifecycle:
    """One curated lifecycle file (catalog/lifecycle/<provider-id>.toml) as loaded."""

    provider_id: str
    path: Path
    file: LifecycleFile


@dataclass
class CatalogText:
    """Everything under catalog/, parsed and validated, not yet reconciled."""

    root: Path
    # Sources written by hand (sources.toml, curated files, provider files) and where.
    declared_sources: dict[str, SourceEntry] = field(default_factory=dict)
    source_paths: dict[str, Path] = field(default_factory=dict)
    labs: dict[str, LabEntry] = field(default_factory=dict)
    providers: dict[str, ProviderEntry] = field(default_factory=dict)
    provider_paths: dict[str, Path] = field(default_factory=dict)
    # Every provider id and alias (lower case) → the provider it names: one name, one provider.
    provider_names: dict[str, str] = field(default_factory=dict)
    aliases: AliasFile = field(default_factory=AliasFile)
    curated: dict[str, CuratedModel] = field(default_factory=dict)
    curated_paths: dict[str, Path] = field(default_factory=dict)
    exclusions: list[ex.ExcludedOffering] = field(default_factory=list)
    fact_exclusions: list[ex.ExcludedFact] = field(default_factory=list)
    price_exclusions: list[ex.ExcludedPrices] = field(default_factory=list)
    imports: list[ImportFile] = field(default_factory=list)
    provider_files: list[ProviderOfferings] = field(default_factory=list)
    lifecycle_files: list[ProviderLifecycle] = field(default_factory=list)

    @property
    def sources(self) -> dict[str, SourceEntry]:
        """Every source record: those declared by hand, then each import file's header.

        Derived on each use, so an import swapped into ``imports`` brings its own header.
        """
        return source_records(self)

    def declare_source(self, source_id: str, entry: SourceEntry, path: Path) -> None:
        """Record a hand-written source; a second declaration anywhere is an error."""
        if source_id in self.declared_sources:
            raise DataError(
                f"source {source_id!r} is already declared in {self.source_paths[source_id]}: "
                "declare each source once",
                path=path,
                field=f"sources.{source_id}",
                line=_line_of(path, ("sources", source_id)),
            )
        self.declared_sources[source_id] = entry
        self.source_paths[source_id] = path

    def declare_provider(
        self, provider_id: str, entry: ProviderEntry, path: Path, loc: tuple[str, ...]
    ) -> None:
        """Record a provider; its id or an alias that already names another provider (as its
        id or alias) is an error: datasets' offerings would go to whichever came last."""
        names = [(provider_id, "provider id", loc)]
        names += [(alias.lower(), "alias", (*loc, "aliases")) for alias in entry.aliases]
        for name, what, where in names:
            owner = self.provider_names.get(name)
            if owner is not None and owner != provider_id:
                role = "the id" if name == owner else "an alias"
                raise DataError(
                    f"{what} {name!r} is already {role} of provider {owner!r} "
                    f"({self.provider_paths[owner]}): a name denotes one provider",
                    path=path,
                    field=".".join(where),
                    line=_line_of(path, where),
                )
        for name, _, _ in names:
            self.provider_names[name] = provider_id
        self.providers[provider_id] = entry
        self.provider_paths[provider_id] = path


def source_records(text: CatalogText) -> dict[str, SourceEntry]:
    """Hand-declared sources plus import headers; a dataset declared by hand too is an error.

    An import file's header, written by `tradeoff import`, is a dataset's one source record:
    a copy elsewhere would go stale at the next import (and used to win silently).
    """
    merged = dict(text.declared_sources)
    for imported in text.imports:
        source_id = imported.source_id
        header = text.root / "imports" / f"{source_id}.json"
        if source_id in text.source_paths:
            declared = text.source_paths[source_id]
            raise DataError(
                f"source {source_id!r} is the dataset of {header}, whose header (written by "
                "`tradeoff import`) is its one record: delete this copy",
                path=declared,
                field=f"sources.{source_id}",
                line=_line_of(declared, ("sources", source_id)),
            )
        if source_id in merged:
            raise DataError(f"two imports state source {source_id!r}", path=header)
        merged[source_id] = imported.source
    return merged


def _line_of(path: Path, loc: tuple[int | str, ...]) -> int | None:
    return toml_line(read_text(path), loc) if path.suffix == ".toml" else None


def load_catalog(root: Path | None = None) -> CatalogText:
    """Read and validate every catalog file under ``root``."""
    root = root or default_catalog_dir()
    if not root.is_dir():
        raise DataError(MISSING_CATALOG, path=root)
    text = CatalogText(root=root)
    if (root / "sources.toml").is_file():
        path = root / "sources.toml"
        for source_id, entry in read_toml_model(SourcesFile, path).sources.items():
            text.declare_source(source_id, entry, path)
    if (root / "labs.toml").is_file():
        text.labs = dict(read_toml_model(LabsFile, root / "labs.toml").labs)
    if (root / "providers.toml").is_file():
        path = root / "providers.toml"
        for provider_id, provider in read_toml_model(ProvidersFile, path).providers.items():
            text.declare_provider(provider_id, provider, path, ("providers", provider_id))
    if (root / "aliases.toml").is_file():
        text.aliases = read_toml_model(AliasFile, root / "aliases.toml")
    if (root / "exclusions.toml").is_file():
        e = read_toml_model(ex.ExclusionsFile, root / "exclusions.toml")
        text.exclusions, text.fact_exclusions = e.excluded, e.excluded_fact
        text.price_exclusions = e.excluded_prices
    for path in only_files((root / "curated").rglob("*.toml")):
        model = read_toml_model(CuratedModel, path)
        if model.id in text.curated:
            raise DataError(
                f"model {model.id!r} is also curated in {text.curated_paths[model.id]}", path=path
            )
        for source_id, entry in model.sources.items():
            text.declare_source(source_id, entry, path)
        text.curated[model.id] = model
        text.curated_paths[model.id] = path
    for path in only_files((root / "providers").glob("*.toml")):
        _load_provider_file(text, path)
    for path in only_files((root / "lifecycle").glob("*.toml")):
        _load_lifecycle_file(text, path)
    for path in only_files((root / "imports").glob("*.json")):
        imported = read_import(path)
        if imported.source_id != path.stem:
            raise DataError(
                f"source_id {imported.source_id!r} does not match the file name "
                "(`tradeoff import` writes imports/<source_id>.json)",
                path=path,
                field="source_id",
            )
        text.imports.append(imported)
    source_records(text)  # a dataset declared by hand too fails here, naming the file
    _check_references(text)
    return text


def _load_provider_file(text: CatalogText, path: Path) -> None:
    """A hand-written provider file: its provider (declared once), sources and offerings."""
    provider_id = path.stem
    if not PROVIDER_ID.match(provider_id):
        raise DataError(
            "file name must be the provider id in lower case (letters, digits, - . _)", path=path
        )
    raw = read_text(path)
    parsed = validate(ProviderFile, parse_toml(raw, path, exact_numbers=True), path, raw)
    if parsed.provider is not None:
        if provider_id in text.providers:
            elsewhere = text.provider_paths[provider_id]
            raise DataError(
                f"provider {provider_id!r} is already declared in {elsewhere}: declare it once "
                "(delete this [provider] table or that entry)",
                path=path,
                field="provider",
                line=toml_line(raw, ("provider",)),
            )
        text.declare_provider(provider_id, parsed.provider, path, ("provider",))
    elif provider_id not in text.providers:
        raise DataError(
            f"provider {provider_id!r} is not in providers.toml: declare it in a [provider] "
            "table in this file (name, kind, url)",
            path=path,
        )
    if not parsed.offerings:
        raise DataError(
            "the file states no offerings: add [[offerings]] (docs/recipe-new-provider.md) or "
            "delete it (a provider without hand-written offerings belongs in providers.toml)",
            path=path,
            field="offerings",
        )
    for source_id, entry in parsed.sources.items():
        text.declare_source(source_id, entry, path)
    seen: set[str] = set()
    for number, offering in enumerate(parsed.offerings):
        key = offering.provider_model_id.lower()
        if key in seen:
            raise DataError(
                f"provider_model_id {offering.provider_model_id!r} is written twice: one "
                "offering per provider model id",
                path=path,
                field=f"offerings.{number}.provider_model_id",
                line=toml_line(raw, ("offerings", number, "provider_model_id")),
            )
        seen.add(key)
    lines = tuple(toml_line(raw, ("offerings", i, "model")) for i in range(len(parsed.offerings)))
    text.provider_files.append(ProviderOfferings(provider_id, path, parsed, lines))


def _load_lifecycle_file(text: CatalogText, path: Path) -> None:
    """A curated lifecycle file: its provider must be declared; its sources are declared here."""
    provider_id = path.stem
    if provider_id not in text.providers:
        raise DataError(
            f"provider {provider_id!r} is not declared: the file name is the provider id "
            "(catalog/lifecycle/<provider-id>.toml)",
            path=path,
        )
    parsed = read_toml_model(LifecycleFile, path)
    for source_id, entry in parsed.sources.items():
        text.declare_source(source_id, entry, path)
    text.lifecycle_files.append(ProviderLifecycle(provider_id, path, parsed))


def read_import(path: Path) -> ImportFile:
    """Read one normalized import file."""
    return read_json_model(ImportFile, path)


def _check_references(text: CatalogText) -> None:
    """Hand-written values cite hand-declared sources (a page a person read), never a dataset
    import: its record moves with the next import."""
    for model_id, model in text.curated.items():
        path = text.curated_paths[model_id]
        for name, fact in model.facts.items():
            _check_cited(text, fact.source, path, ("facts", name, "source"))
    for model_id, created in text.aliases.models.items():
        if created.kind is not None:
            kind_at = ("models", model_id, "kind", "source")
            _check_cited(text, created.kind.source, text.root / "aliases.toml", kind_at)
    for provider_id, provider in text.providers.items():
        if provider.region_of is not None:
            _check_region(text, provider_id, provider.region_of)
        if provider.source:
            path = text.provider_paths[provider_id]
            loc: tuple[int | str, ...] = (
                ("providers", provider_id, "source")
                if path.name == "providers.toml"
                else ("provider", "source")
            )
            _check_cited(text, provider.source, path, loc)
    for loaded in text.provider_files:
        for index, offering in enumerate(loaded.file.offerings):
            for cited_field, (source_id, _) in offering.citations().items():
                loc = ("offerings", index, *_cited_loc(cited_field))
                _check_cited(text, source_id, loaded.path, loc)
            for number, point in enumerate(offering.history):
                loc = ("offerings", index, "history", number, "source")
                _check_cited(text, point.source, loaded.path, loc)
    for life in text.lifecycle_files:
        for index, entry in enumerate(life.file.entries):
            _check_cited(text, entry.source, life.path, ("entries", index, "source"))


def _check_region(text: CatalogText, provider_id: str, main: str) -> None:
    """A regional endpoint names its company's main provider: declared, not itself, and not
    a regional endpoint in turn (one level: the main provider stands for the company)."""
    target = text.providers.get(main)
    problem = (
        f"region_of {main!r} is not a declared provider"
        if target is None
        else "region_of names the provider itself"
        if main == provider_id
        else f"region_of {main!r} is itself a regional endpoint (of {target.region_of!r}): "
        "name the main provider"
        if target.region_of is not None
        else None
    )
    if problem is not None:
        path = text.provider_paths[provider_id]
        loc = (
            ("providers", provider_id, "region_of")
            if path.name == "providers.toml"
            else ("provider", "region_of")
        )
        raise DataError(problem, path=path, field=".".join(loc), line=_line_of(path, loc))


def _cited_loc(cited_field: str) -> tuple[str, ...]:
    """Where a cited field of an offering is written (see ``HandOffering.citations``)."""
    if cited_field.startswith("capability."):
        return ("capabilities", cited_field.split(".", 1)[1], "source")
    if cited_field in ("lifecycle", "deprecated_on", "retired_on", "successor"):
        return ("lifecycle", "source")
    if cited_field in ("context_tokens", "max_output_tokens", "quantization"):
        return (cited_field, "source")
    return ("prices", cited_field, "source")


def _check_cited(text: CatalogText, source_id: str, path: Path, loc: tuple[int | str, ...]) -> None:
    if source_id in text.declared_sources:
        return
    imported = any(i.source_id == source_id for i in text.imports)
    hint = (
        ": it is a dataset import; cite the page the value was read from ([sources] or "
        "sources.toml)"
        if imported
        else ""
    )
    raise DataError(
        f"cites unknown source {source_id!r}{hint}",
        path=path,
        field=".".join(str(p) for p in loc),
        line=_line_of(path, loc),
    )


def write_import(import_file: ImportFile, path: Path) -> None:
    """Write an import as reviewable JSON (one entry per line), atomically."""
    atomic_write_text(path, import_text(import_file))


def import_text(import_file: ImportFile) -> str:
    """An import as reviewable JSON: one entry per line."""
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
    return "\n".join(lines) + "\n"


def atomic_write_text(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
