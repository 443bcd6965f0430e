"""Link provider model ids to canonical models: explicit aliases first, then the normalizer.

Order of rules (first that applies wins):
1. the ``never`` list of the alias table → unlinked, with its reason;
2. the dataset's own link (models.dev ``base_model``) when it names a known, non-floating model;
3. an explicit alias (curated files, aliases.toml), compared raw and then normalized;
4. the normalized key equals a canonical model's key;
5. a dated id whose undated key names a canonical model released on that date.
A floating id (``*-latest``, ``deepseek-chat``) is never linked. A key claimed by two models is
a data error, reported when the index is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tradeoff.errors import DataError
from tradeoff.normalize import dates_agree, normalize


@dataclass(frozen=True)
class CanonicalRef:
    id: str
    release_date: str | None
    floating: bool = False


@dataclass(frozen=True)
class Link:
    model_id: str | None
    how: str | None  # base_model | alias | canonical | normalized | dated
    reason: str | None = None  # why unlinked
    quantization: str | None = None


@dataclass
class AliasIndex:
    """Every spelling the catalog knows, each pointing at exactly one canonical model."""

    models: dict[str, CanonicalRef] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    key_origin: dict[str, str] = field(default_factory=dict)
    never: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key → candidates

    def add_model(self, ref: CanonicalRef) -> None:
        """Register a canonical model and its own id as a spelling of itself."""
        self.models[ref.id] = ref
        if ref.floating:
            return
        self._claim_key(normalize(ref.id).key, ref.id, f"id of {ref.id}")

    def add_alias(self, alias: str, model_id: str, origin: str) -> None:
        """Register an explicit alias; the same spelling for two models is an error."""
        if model_id not in self.models:
            raise DataError(f"alias {alias!r} points at unknown model {model_id!r}", path=origin)
        previous = self.exact.get(alias.lower())
        if previous is not None and previous != model_id:
            raise DataError(
                f"alias {alias!r} maps to both {previous!r} and {model_id!r}", path=origin
            )
        self.exact[alias.lower()] = model_id
        self._claim_key(normalize(alias).key, model_id, origin)

    def _claim_key(self, key: str, model_id: str, origin: str) -> None:
        if key in self.ambiguous:
            return  # an explicit alias still links by its exact spelling
        previous = self.keys.get(key)
        if previous is not None and previous != model_id:
            raise DataError(
                f"normalized id {key!r} would map to both {previous!r} "
                f"({self.key_origin[key]}) and {model_id!r} ({origin})",
                path=origin,
            )
        self.keys[key] = model_id
        self.key_origin.setdefault(key, origin)

    def resolve_exact(self, name: str) -> str | None:
        """A canonical id or an explicit alias, as written (case-insensitive)."""
        if name in self.models:
            return name
        return self.exact.get(name.lower())

    def link(self, provider_model_id: str, base_model: str | None = None) -> Link:
        """Find the canonical model a provider's id denotes, or say why there is none."""
        norm = normalize(provider_model_id)
        raw = provider_model_id.lower()
        for spelling in (raw, norm.key):
            if spelling in self.never:
                return Link(None, None, f"never linked: {self.never[spelling]}")
        if base_model is not None:
            ref = self.models.get(base_model)
            if ref is not None and not ref.floating:
                return Link(ref.id, "base_model", quantization=norm.quantization)
        if raw in self.exact:
            return Link(self.exact[raw], "alias", quantization=norm.quantization)
        if norm.floating:
            return Link(None, None, "floating alias: moves between checkpoints")
        if norm.key in self.ambiguous:
            candidates = ", ".join(self.ambiguous[norm.key])
            return Link(None, None, f"ambiguous: may mean {candidates}")
        if norm.key in self.keys:
            model_id = self.keys[norm.key]
            how = "canonical" if normalize(model_id).key == norm.key else "alias"
            return Link(model_id, how, quantization=norm.quantization)
        if norm.date is not None:
            target = self.keys.get(norm.undated_key)
            if target is not None:
                release = self.models[target].release_date
                if dates_agree(norm.date, release):
                    return Link(target, "dated", quantization=norm.quantization)
                return Link(
                    None,
                    None,
                    f"dated id ({norm.date}) vs {target} released {release or 'unknown'}: "
                    "dates do not agree",
                )
        if base_model is not None:
            return Link(None, None, f"base_model {base_model!r} is not a known checkpoint")
        return Link(None, None, f"no canonical model for key {norm.key!r}")
