"""Claims about capabilities, specs and identity, worded from the table cells they cite."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from tradeoff.compare import wording as w
from tradeoff.compare.capabilities import CapabilityRow
from tradeoff.compare.claim import Claim, Number, new_claim, new_number
from tradeoff.compare.specs import SpecCell, SpecRow
from tradeoff.records import CAPABILITY_LABELS, Tri

# (verb phrase after a plural subject, after a singular subject)
CAPABILITY_PHRASES: dict[str, tuple[str, str]] = {
    "vision": ("accept image input", "accepts image input"),
    "multimodal_input": ("accept multimodal input", "accepts multimodal input"),
    "reasoning": ("have a reasoning mode", "has a reasoning mode"),
    "tool_call": ("support function / tool calling", "supports function / tool calling"),
    "structured_output": ("support structured outputs", "supports structured outputs"),
    "code_execution": ("support code execution", "supports code execution"),
    "prompt_caching": ("support prompt caching", "supports prompt caching"),
    "batch_api": ("offer a batch API", "offers a batch API"),
}


def capability_claims(rows: Sequence[CapabilityRow], names: Mapping[str, str]) -> list[Claim]:
    """One claim per capability: who supports it, who does not, for whom it is unknown."""
    return [_capability_claim(row, _states(row), names) for row in rows]


def capability_section(rows: Sequence[CapabilityRow], names: Mapping[str, str]) -> list[Claim]:
    """``capability_summary``, then ``capability_claims``: each row's states sorted once."""
    states = [_states(row) for row in rows]
    summary = _summary(rows, states)
    return [summary] + [_capability_claim(r, s, names) for r, s in zip(rows, states, strict=True)]


_States = tuple[list[str], list[str], list[str]]  # the model ids of yes, no, unknown


def _states(row: CapabilityRow) -> _States:
    yes: list[str] = []
    no: list[str] = []
    unknown: list[str] = []
    for c in row.cells:
        state = c.state
        (yes if state is Tri.YES else no if state is Tri.NO else unknown).append(c.model_id)
    return yes, no, unknown


def _capability_claim(row: CapabilityRow, states: _States, names: Mapping[str, str]) -> Claim:
    key = row.key
    plural, singular = CAPABILITY_PHRASES[key]
    yes, no, unknown = states
    n = len(row.cells)
    if len(yes) == n:
        text = f"{w.both_or_all(n).capitalize()} {plural}."
    elif len(no) == n:
        text = f"{'Neither' if n == 2 else 'None'} {_neg_all(n, plural)}."
    elif len(unknown) == n:
        anyone = "either" if n == 2 else "any"
        text = f"Whether {anyone} {_neg_unknown(n, plural)} is not yet sourced."
    else:
        parts = []
        if yes:
            parts.append(
                f"{w.join([names[m] for m in yes])} {singular if len(yes) == 1 else plural}"
            )
        if no:
            parts.append(
                f"{w.join([names[m] for m in no])} {'does' if len(no) == 1 else 'do'} not"
                + ("" if yes else f" {plural}")
            )
        if unknown:
            parts.append(f"for {w.join([names[m] for m in unknown])} it is not yet sourced")
        text = _capital("; ".join(parts) + ".")
    differs = bool(yes) and bool(no)  # ``CapabilityRow.differs``
    return new_claim(
        f"capability.{key}",
        "capability",
        text,
        "capability table (model-level facts with their sources)",
        # ``_value_``: the member's value, as ``.value`` (an Enum property) reads it
        tuple([new_number("capabilities", c.model_id, key, c.state._value_) for c in row.cells]),
        tuple(yes) if differs else (),
        reason=f"you need it to {plural}" if differs else "",
    )


def _neg_all(n: int, plural: str) -> str:
    # "Neither model has a reasoning mode" / "None of the 3 models supports code execution"
    subject = "model" if n == 2 else f"of the {n} models"
    singular = CAPABILITY_BY_PLURAL[plural]
    return f"{subject} {singular}"


def _neg_unknown(n: int, plural: str) -> str:
    subject = "model" if n == 2 else "of them"
    return f"{subject} {CAPABILITY_BY_PLURAL[plural]}"


CAPABILITY_BY_PLURAL = {p: s for p, s in CAPABILITY_PHRASES.values()}


def spec_claims(
    rows: Sequence[SpecRow], names: Mapping[str, str], labs: Mapping[str, str]
) -> list[Claim]:
    """Identity, context window (larger favoured), release dates, weights and licence."""
    by_key = {r.key: r for r in rows}
    claims = [identity_claim(rows, names, labs), _context_claim(by_key["context_tokens"], names)]
    release = by_key["release_date"]
    claims.append(
        new_claim(
            "spec.release_date",
            "spec",
            _sentence(
                [
                    f"{names[c.model_id]} was released {'on ' if len(c.display) == 10 else 'in '}"
                    f"{c.display}"
                    if c.value is not None
                    else f"{names[c.model_id]}'s release date is not yet sourced"
                    for c in release.cells
                ]
            ),
            "spec table: released",
            tuple(
                new_number("specs", c.model_id, "release_date", c.display) for c in release.cells
            ),
        )
    )
    claims.append(_weights_claim(by_key["open_weights"], by_key["licence"], names))
    return claims


def _sentence(parts: list[str]) -> str:
    return "; ".join(parts) + "."


_OWN_WORDS = ("for ", "whether ")  # sentence openings this module writes itself


def _capital(text: str) -> str:
    """Capitalise a sentence that opens with one of this module's own words; a sentence that
    opens with a model name keeps the name exactly as the catalog spells it."""
    if text.startswith(_OWN_WORDS):
        return text[0].upper() + text[1:]
    return text


def _context_claim(row: SpecRow, names: Mapping[str, str]) -> Claim:
    known = [c for c in row.cells if c.value is not None]
    unknown = [c for c in row.cells if c.value is None]
    numbers = tuple(new_number("specs", c.model_id, "context_tokens", c.value) for c in known)
    tail = (
        f" {w.join([names[c.model_id] for c in unknown])}'s context window is not yet sourced."
        if unknown
        else ""
    )
    basis = "spec table: context window (model-level, as documented by the lab)"
    if len(known) < 2:
        text = (
            " ".join(f"{names[c.model_id]} has a {c.display} context window." for c in known) + tail
        ).strip()
        return new_claim("spec.context_tokens", "spec", text, basis, numbers)
    ranked = sorted(known, key=lambda c: -int(c.value))
    top = ranked[0]
    # Windows within the tolerance of price ties (1%, ``wording.is_tie``) are a tie: 131,072
    # vs 131,000 tokens is no reason to choose a model; the table keeps the exact values.
    leaders = [c for c in ranked if w.is_tie(Decimal(int(c.value)), Decimal(int(top.value)))]
    same = all(c.value == top.value for c in leaders)
    each = w.join([f"{c.display} for {names[c.model_id]}" for c in leaders])
    # The basis is the largest window, said so: a 1% tie does not chain (100,000 and 99,100
    # tie, 99,100 and 98,500 are 0.6% apart, yet 98,500 is 1.5% below the largest), so "of
    # each other" would not be true of every pair it seems to cover.
    within = w.TIE_OF_LARGEST
    if len(leaders) == len(known):
        text = (
            f"{w.join([names[c.model_id] for c in known])} have the same context window "
            f"({top.display})."
            if same
            else f"{w.join([names[c.model_id] for c in known])} have about the same context "
            f"window ({within}): {each}."
        )
        everyone = tuple(c.model_id for c in known)
        return new_claim(
            "spec.context_tokens", "spec", text + tail, basis, numbers, (), True, leaders=everyone
        )
    rest = [c for c in ranked if c not in leaders]
    lead = w.join([names[c.model_id] for c in leaders])
    others = w.join([f"{c.display} for {names[c.model_id]}" for c in rest])
    size = "largest" if len(rest) > 1 else "larger"  # larger than two or more: the largest
    text = (
        f"{lead} {'has' if len(leaders) == 1 else 'have'} the {size} context window: "
        f"{top.display} vs {others}"
        if same
        else f"{lead} have the {size} context window ({within}): {each} vs {others}"
    )
    if same and len(rest) == 1 and int(rest[0].value):
        larger = w.relative(
            Decimal(int(top.value)), Decimal(int(rest[0].value)), "larger", "as large"
        )
        text += f", {larger}"
    return new_claim(
        "spec.context_tokens",
        "spec",
        text + "." + tail,
        basis,
        numbers,
        tuple(c.model_id for c in leaders),
        reason="requests need a longer context window",
        leaders=tuple(c.model_id for c in leaders),
    )


def _weights_claim(weights: SpecRow, licence: SpecRow, names: Mapping[str, str]) -> Claim:
    parts = []
    for wc, lc in _aligned(weights, licence):
        lic = f"licence {lc.display}" if lc.value is not None else "licence not yet sourced"
        if wc.value is True:
            parts.append(f"{names[wc.model_id]} publishes open weights ({lic})")
        elif wc.value is False:
            parts.append(f"{names[wc.model_id]} does not publish open weights ({lic})")
        else:
            parts.append(
                f"whether {names[wc.model_id]} has open weights is not yet sourced ({lic})"
            )
    text = _capital(_sentence(parts))
    yes = tuple(c.model_id for c in weights.cells if c.value is True)
    no = [c for c in weights.cells if c.value is False]
    differs = bool(yes) and bool(no)
    known = tuple(c.model_id for c in weights.cells if c.value is not None)
    # open weights lead when they differ; equal known values (all open, all closed) tie
    leaders = yes if differs else (known if len(known) >= 2 else ())
    numbers = tuple(
        new_number("specs", c.model_id, "open_weights", c.display) for c in weights.cells
    ) + tuple(new_number("specs", c.model_id, "licence", c.display) for c in licence.cells)
    return new_claim(
        "spec.open_weights",
        "spec",
        text,
        "spec table: open weights and licence",
        numbers,
        yes if differs else (),
        reason="you need to self-host or fine-tune the weights" if differs else "",
        leaders=leaders,
    )


def capability_summary(rows: Sequence[CapabilityRow], names: Mapping[str, str]) -> Claim:
    """Which capabilities differ (known yes vs known no) and which are unknown for someone."""
    return _summary(rows, [_states(row) for row in rows])


def _summary(rows: Sequence[CapabilityRow], states: Sequence[_States]) -> Claim:
    differ = tuple(
        [_lower(r.label) for r, (yes, no, _) in zip(rows, states, strict=True) if yes and no]
    )
    unknown = tuple([_lower(r.label) for r, (*_, u) in zip(rows, states, strict=True) if u])
    if differ:
        text = (
            f"The capability table shows {w.count(len(differ), 'difference')}: "
            f"{w.join(list(differ))}."
        )
    else:
        text = "The capability table shows no capability that one model has and another lacks."
    if unknown:
        whom = "at least one model"
        text += (
            f" {w.count(len(unknown), 'capability', 'capabilities')} of {len(rows)} "
            f"{'is' if len(unknown) == 1 else 'are'} not yet sourced for {whom}: "
            f"{w.join(list(unknown))}."
        )
    return new_claim(
        "capability.summary",
        "capability",
        text,
        "capability table",
        (
            new_number("capabilities", "*", "difference_count", len(differ)),
            new_number("capabilities", "*", "unknown_count", len(unknown)),
        ),
        lists=(("difference_count", differ), ("unknown_count", unknown)),
    )


def _lower(label: str) -> str:
    """ "Structured outputs" → "structured outputs", but "API" and "MoE" keep their case."""
    lowered = _LOWERED.get(label)
    if lowered is not None:
        return lowered
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


_LOWERED: dict[str, str] = {}  # every capability label's ``_lower``, made once
_LOWERED.update({label: _lower(label) for label in CAPABILITY_LABELS.values()})


def identity_claim(
    rows: Sequence[SpecRow], names: Mapping[str, str], labs: Mapping[str, str]
) -> Claim:
    """What each model is: architecture, lab, parameter counts, as the spec table shows."""
    by_key = {r.key: r for r in rows}
    parts = []
    numbers: list[Number] = []
    architecture = by_key["architecture"]
    for (cell, total), (_, active) in zip(
        _aligned(architecture, by_key["parameters_total"]),
        _aligned(architecture, by_key["parameters_active"]),
        strict=True,
    ):
        m = cell.model_id
        kind = f"a {cell.display} model" if cell.value is not None else "a model"
        kind = kind.replace("a mixture of experts model", "a mixture-of-experts model")
        sizes = []
        if total.value is not None:
            sizes.append(f"{total.display} total")
            numbers.append(new_number("specs", m, "parameters_total", int(total.value)))
        if active.value is not None:
            sizes.append(f"{active.display} active")
            numbers.append(new_number("specs", m, "parameters_active", int(active.value)))
        size = (
            f" with {w.join(sizes)} parameters"
            if sizes
            else " whose parameter count is not yet sourced"
        )
        if cell.value is not None:
            numbers.append(new_number("specs", m, "architecture", cell.display))
        parts.append(f"{names[m]} is {kind} by {labs[m]}{size}")
    return new_claim("spec.identity", "spec", "; ".join(parts) + ".", "spec table", tuple(numbers))


def _aligned(row: SpecRow, other: SpecRow) -> list[tuple[SpecCell, SpecCell]]:
    """Each cell of ``row`` with the same model's cell of ``other`` (``SpecRow.cell``): by
    position, as ``spec_rows`` lays every row's cells out in model order."""
    pairs = list(zip(row.cells, other.cells, strict=True))
    if all(a.model_id == b.model_id for a, b in pairs):
        return pairs
    return [(a, other.cell(a.model_id)) for a in row.cells]
