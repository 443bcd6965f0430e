"""Link provider model ids to canonical models: explicit aliases first, then the normalizer.

Order of rules (first that applies wins; docs/identity.md):
1. the ``never`` list of the alias table, the id as written → unlinked, with its reason;
2. an explicit alias (curated files, aliases.toml) as written;
   then the ``never`` list by the normalized key (a reviewed alias as written outranks a
   never entry its key only resembles: Bedrock's ``nvidia.nemotron-nano-9b-v2`` normalizes
   to ``nemotron-nano-9b``);
3. the ``floating`` table: a floating id links to the checkpoint it pointed to (recorded with
   its date and source), or stays unlinked "floating id, target unknown";
4. the dataset's own link (models.dev ``base_model``) when it names a known checkpoint — unless
   the provider's id spells another canonical model that the base model does not refine (a
   dataset linking ``qwen3-235b-a22b-instruct-2507`` to ``qwen3-235b-a22b`` is wrong; one
   linking ``deepseek-r1`` to ``deepseek-r1-0528`` says which checkpoint the host serves);
5. any other floating id (``*-latest``, ``deepseek-chat``) → unlinked, target unknown;
6. the normalized key names a canonical model (its id or an explicit alias);
7. a dated id whose undated key names a canonical model released on that date.
A key claimed by two models is a data error, reported when the index is built.
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


FLOATING_UNKNOWN = "floating id, target unknown"


@dataclass(frozen=True)
class FloatingRef:
    """A floating id's checkpoint (None: target unknown), as of a date, or why unknown."""

    target: str | None
    as_of: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Link:
    model_id: str | None
    how: str | None  # base_model | alias | floating | canonical | dated
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
    floating: dict[str, FloatingRef] = field(default_factory=dict)  # raw id and key → ref

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
        if alias.lower() in self.floating:
            raise DataError(f"alias {alias!r} is also a floating id", path=origin)
        previous = self.exact.get(alias.lower())
        if previous is not None and previous != model_id:
            raise DataError(
                f"alias {alias!r} maps to both {previous!r} and {model_id!r}", path=origin
            )
        self.exact[alias.lower()] = model_id
        self._claim_key(normalize(alias).key, model_id, origin)

    def add_floating(self, floating_id: str, ref: FloatingRef, origin: str) -> None:
        """Register a floating id (as written and normalized) and the checkpoint it names."""
        if ref.target is not None and ref.target not in self.models:
            raise DataError(
                f"floating id {floating_id!r} points at unknown model {ref.target!r}", path=origin
            )
        for spelling in (floating_id.lower(), normalize(floating_id).key):
            if spelling in self.keys or spelling in self.exact:
                raise DataError(
                    f"floating id {floating_id!r} is also a spelling of "
                    f"{self.exact.get(spelling) or self.keys[spelling]!r}",
                    path=origin,
                )
            self.floating[spelling] = ref

    def _floating_link(self, spellings: tuple[str, ...], quantization: str | None) -> Link | None:
        for spelling in spellings:
            ref = self.floating.get(spelling)
            if ref is None:
                continue
            if ref.target is None:
                why = f": {ref.note}" if ref.note else ""
                return Link(None, None, f"{FLOATING_UNKNOWN}{why}")
            return Link(ref.target, "floating", quantization=quantization)
        return None

    def _claim_key(self, key: str, model_id: str, origin: str) -> None:
        if key in self.ambiguous or key in self.floating:
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
        quantization = norm.quantization
        if raw in self.never:
            return Link(None, None, f"never linked: {self.never[raw]}")
        if raw in self.exact:
            return Link(self.exact[raw], "alias", quantization=quantization)
        if norm.key in self.never:
            return Link(None, None, f"never linked: {self.never[norm.key]}")
        floating = self._floating_link((raw, norm.key), quantization)
        if floating is not None:
            return floating
        by_id = None if norm.key in self.ambiguous else self.keys.get(norm.key)
        if base_model is not None:
            ref = self.models.get(base_model)
            if ref is not None and not ref.floating and not _contradicts(by_id, ref.id):
                return Link(ref.id, "base_model", quantization=quantization)
            if ref is None:
                followed = self._floating_link(
                    (base_model.lower(), normalize(base_model).key), quantization
                )
                if followed is not None and followed.model_id is not None:
                    return followed
        if norm.floating:
            return Link(None, None, FLOATING_UNKNOWN)
        if norm.key in self.ambiguous:
            candidates = ", ".join(self.ambiguous[norm.key])
            return Link(None, None, f"ambiguous: may mean {candidates}")
        if by_id is not None:
            how = "canonical" if normalize(by_id).key == norm.key else "alias"
            return Link(by_id, how, quantization=quantization)
        if norm.date is not None:
            target = self.keys.get(norm.undated_key)
            if target is not None:
                release = self.models[target].release_date
                if dates_agree(norm.date, release):
                    return Link(target, "dated", quantization=quantization)
                return Link(
                    None,
                    None,
                    f"dated id ({norm.date}) vs {target} released {release or 'unknown'}: "
                    "dates do not agree",
                )
        if base_model is not None:
            return Link(None, None, f"base_model {base_model!r} is not a known checkpoint")
        return Link(None, None, f"no canonical model for key {norm.key!r}")


def _contradicts(by_id: str | None, base_model: str) -> bool:
    """Does the provider's id spell another checkpoint than the dataset's ``base_model``?

    A dated snapshot of the id's model refines it (``deepseek-r1`` served as
    ``deepseek-r1-0528``: the dataset knows which checkpoint the host serves); any other
    difference contradicts it (``qwen3-235b-a22b-instruct-2507`` is not ``qwen3-235b-a22b``,
    ``gemini-3.1-flash-lite`` is not its ``-preview``, ``mimo-v2.5`` is not ``mimo-v2.5-pro``).
    """
    if by_id is None or by_id == base_model:
        return False
    base = normalize(base_model)
    return not (base.date is not None and base.undated_key == normalize(by_id).key)
