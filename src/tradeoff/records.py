"""Read-side records: immutable ``typing.NamedTuple`` classes returned by the query layer.

Everything above the database (compare, render, web, CLI) works with these records only,
never with SQL rows or source files. Money is Decimal with its unit in the field name (USD
per 1M text tokens) or beside it (``UnitPrice.unit``); unknown is None
(or ``Tri.UNKNOWN``) and every fact carries where it came from and when it was checked.

Named tuples, not frozen dataclasses, like every record a comparison builds (``compare/``,
``benchmark_records``, ``db.derived``): ``@dataclass`` writes and compiles each class's
methods at import, and ``import dataclasses`` brings ``inspect`` and ``ast`` along: 162 M of
the 433 M instructions a cold ``tradeoff compare --format md`` took (``bench/cold_paths.py
--instructions``). These modules evaluate their annotations (no ``from __future__ import
annotations``): a named tuple compiles each string field type into a ``typing.ForwardRef``
(15 M more; ``tests/pages/test_comparison_package.py``). A record is a tuple: it equals a
tuple of the same values, so records of different classes are never mixed in one set or
dict key, and code that tells values apart by ``isinstance(v, tuple)`` asks for the record
first (``db.build``, ``pages.jsonable``, ``compare.wording``). The offering and history
records, off that path, stay frozen dataclasses.
``record._replace(field=value)`` is ``dataclasses.replace``.
"""

import enum
from typing import Any, Generic, NamedTuple, TypeVar

T = TypeVar("T")

# Offerings, their prices and the reconciliation's records are in ``offering_records`` and
# named here on first use (PEP 562): the cold ``compare --format md`` path reads the stored
# pricing and never builds one, so it does not pay to define their dataclasses.
_OFFERING_RECORDS = frozenset(
    {"Conflict", "DroppedValue", "Offering", "PricePoint", "PriceTier", "Prices", "UnitPrice"}
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING (mypy knows the name)
if TYPE_CHECKING:
    from tradeoff.offering_records import Conflict as Conflict
    from tradeoff.offering_records import DroppedValue as DroppedValue
    from tradeoff.offering_records import Offering as Offering
    from tradeoff.offering_records import PricePoint as PricePoint
    from tradeoff.offering_records import Prices as Prices
    from tradeoff.offering_records import PriceTier as PriceTier
    from tradeoff.offering_records import UnitPrice as UnitPrice


def __getattr__(name: str) -> Any:
    if name in _OFFERING_RECORDS:
        from tradeoff import offering_records

        return getattr(offering_records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Tri(enum.Enum):
    """A tri-state capability: known yes, known no, or not yet sourced."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, value: bool | None) -> "Tri":
        """Map an optional bool to a tri-state."""
        if value is None:
            return cls.UNKNOWN
        return cls.YES if value else cls.NO


class PartialDate(NamedTuple):
    """A date known to day, month or year: ISO text such as 2025, 2025-07 or 2025-07-11."""

    iso: str

    def __str__(self) -> str:
        return self.iso

    def after(self, other: "PartialDate") -> bool:
        """Certainly later than ``other``, at the coarser of the two precisions (2025-06 is
        not after 2025-06-10, nor 2025 after 2025-03)."""
        common = min(len(self.iso), len(other.iso))
        return self.iso[:common] > other.iso[:common]


class Source(NamedTuple):
    """Where facts come from: a dataset at a commit, a vendor page or a model card."""

    id: str
    name: str
    kind: str  # dataset | model-card | vendor-page | paper | provider-docs | leaderboard
    url: str
    licence: str
    retrieved: str  # ISO date the source was read
    commit: str | None = None
    attribution: str | None = None
    redistributable: bool = True


# What a value's date means. "checked": a review date — a person read the source that day
# (curated facts, hand-written provider files), or the dataset itself states when it checked
# the value (genai-prices ``prices_checked``). "as_of": only the date of the dataset snapshot
# the value was copied from; nobody says it was checked then.
CHECKED = "checked"
AS_OF = "as_of"


def snapshot_name(source: Source | None, date: str | None) -> str | None:
    """The dataset whose snapshot date ``date`` is, when a value of ``source`` carries it.

    A dataset's value dated with the dataset's own retrieved (snapshot) date has no check date
    of its own: it is "as of" that snapshot. A dataset's stated check date that happened to
    fall on its snapshot day would also read "as of" — understated, never overstated.
    """
    if source is not None and source.kind == "dataset" and date == source.retrieved:
        # the short name: "genai-prices (Pydantic)" → "genai-prices"
        return source.name.split(" (", 1)[0]
    return None


def dated_text(date: str | None, as_of: str | None) -> str | None:
    """A value's date in words: "checked 2025-08-12" or "as of 2026-07-02 (models.dev)"."""
    if not date:
        return None
    return f"as of {date} ({as_of})" if as_of else f"checked {date}"


class Fact(NamedTuple, Generic[T]):
    """One value with its provenance. ``value is None`` means not yet sourced."""

    value: T | None
    source_id: str | None = None
    checked: str | None = None  # ISO date of the value: a review date, or see ``as_of``
    note: str | None = None  # why a value is missing or was corrected
    disputed: bool = False  # sources disagree (see conflicts)
    # the dataset whose snapshot date ``checked`` is (not a review date); None: reviewed
    as_of: str | None = None

    @property
    def known(self) -> bool:
        return self.value is not None

    @property
    def date_kind(self) -> str:
        """CHECKED (a review date) or AS_OF (a dataset snapshot's date)."""
        return AS_OF if self.as_of else CHECKED

    @property
    def dated(self) -> str | None:
        """ "checked 2025-08-12", "as of 2026-07-02 (models.dev)", or None without a date."""
        return dated_text(self.checked, self.as_of)


class Lab(NamedTuple):
    """A lab that releases models."""

    id: str
    name: str
    url: str | None = None


class Provider(NamedTuple):
    """Where a model is served: a lab's own API, a host, a cloud, an aggregator, a local
    runtime or a plan (``kind``)."""

    id: str
    name: str
    # first-party | inference-host | cloud | aggregator (these sell API access per use) |
    # local-runtime | plan (subscription or coding/token plan) | unknown (not yet classified)
    kind: str
    status: str  # active | defunct
    defunct_since: str | None = None
    url: str | None = None
    lab_id: str | None = None  # set when this provider is a lab's own API (first-party)
    region_of: str | None = None  # the same company's main provider: this is a regional endpoint
    # what its prices are paid in: "usd", or "points" (its own points, bought by subscription
    # or add-on: a USD price per token is a dataset's conversion, never a comparable price)
    price_basis: str = "usd"

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def company_id(self) -> str:
        """The provider that stands for its company: a regional endpoint counts as its main
        provider in availability (one company, one place to buy)."""
        return self.region_of or self.id

    def is_first_party_for(self, lab_id: str) -> bool:
        """Is this the lab's own API (the one price a lab sets itself)?"""
        return self.kind == "first-party" and self.lab_id == lab_id


# The model-level facts of ``Model`` (capabilities are apart), in display order.
MODEL_FACT_FIELDS: tuple[str, ...] = (
    "kind",
    "release_date",
    "knowledge_cutoff",
    "licence",
    "open_weights",
    "parameters_total",
    "parameters_active",
    "architecture",
    "experts_total",
    "experts_per_token",
    "context_tokens",
    "max_output_tokens",
    "modalities_input",
    "modalities_output",
    "base_model",
)

CAPABILITIES: tuple[str, ...] = (
    "vision",
    "multimodal_input",
    "reasoning",
    "tool_call",
    "structured_output",
    "code_execution",
    "prompt_caching",
    "batch_api",
)

CAPABILITY_LABELS: dict[str, str] = {
    "vision": "Vision (image input)",
    "multimodal_input": "Multimodal input",
    "reasoning": "Reasoning mode",
    "tool_call": "Function / tool calling",
    "structured_output": "Structured outputs",
    "code_execution": "Code execution",
    "prompt_caching": "Prompt caching",
    "batch_api": "Batch API",
}


def model_slug(model_id: str) -> str:
    """A model's URL slug: its canonical id with "--" for "/" (``Model.slug``)."""
    return model_id.replace("/", "--")


class Model(NamedTuple):
    """One released checkpoint (Kimi K2 Instruct 0711 and 0905 are two models)."""

    id: str  # canonical "<lab>/<slug>"
    name: str
    lab_id: str
    family: str | None
    release_date: Fact[PartialDate]
    knowledge_cutoff: Fact[PartialDate]
    licence: Fact[str]
    open_weights: Fact[bool]
    parameters_total: Fact[int]
    parameters_active: Fact[int]
    architecture: Fact[str]  # dense | moe
    experts_total: Fact[int]
    experts_per_token: Fact[int]
    context_tokens: Fact[int]
    max_output_tokens: Fact[int]
    modalities_input: Fact[tuple[str, ...]]
    modalities_output: Fact[tuple[str, ...]]
    capabilities: dict[str, Fact[bool]]
    weights_url: str | None = None
    # What the model is sold for (tradeoff.kinds.MODEL_KINDS); prices and claims are compared
    # only within one kind. Unknown (None) is "kind not yet sourced".
    kind: Fact[str] = Fact(None)
    # The checkpoint a fine-tune was trained from ("lab/slug"); its lab may differ from ours.
    base_model: Fact[str] = Fact(None)

    @property
    def slug(self) -> str:
        return model_slug(self.id)

    def facts(self) -> dict[str, Fact[Any]]:
        """Every model fact by field name, then every capability as ``capability.<name>``."""
        out: dict[str, Fact[Any]] = {name: getattr(self, name) for name in MODEL_FACT_FIELDS}
        out.update({f"capability.{name}": fact for name, fact in self.capabilities.items()})
        return out


# The Decimal price fields of ``Prices``, in display order.
PRICE_FIELDS = (
    "input_per_mtok",
    "output_per_mtok",
    "cache_read_per_mtok",
    "cache_write_per_mtok",
    "reasoning_per_mtok",
    "batch_input_per_mtok",
    "batch_output_per_mtok",
    "flex_input_per_mtok",
    "flex_output_per_mtok",
    "priority_input_per_mtok",
    "priority_output_per_mtok",
)
