"""Fact contradiction gates on crafted model records: each fails on the contradiction it
names and stays quiet on the look-alike that is fine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from support.compare_helpers import model

from tradeoff.catalog.exclusion_schema import ExcludedFact
from tradeoff.catalog.load import CatalogText, load_catalog
from tradeoff.catalog.schema import CuratedFact
from tradeoff.db.queries import Catalog
from tradeoff.maintain.checks import run_checks
from tradeoff.maintain.fact_checks import FACT_GATES, fact_findings, weights_publisher
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.records import Fact, Model, PartialDate
from tradeoff.sources import models_dev

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _dated(release: str | None, cutoff: str | None) -> Model:
    m = model("acme/widget-1", "acme")
    return m._replace(
        release_date=Fact(None if release is None else PartialDate(release), "card", "2026-12-01"),
        knowledge_cutoff=Fact(None if cutoff is None else PartialDate(cutoff), "ds", "2026-07-02"),
    )


def _kinds(*models: Model) -> list[tuple[str, str]]:
    return [(f.kind, f.entity) for f in fact_findings({m.id: m for m in models})]


def test_a_knowledge_cutoff_after_release_is_reported_with_both_sources() -> None:
    findings = fact_findings({"acme/widget-1": _dated("2023-12-11", "2024-01")})
    assert [(f.kind, f.entity) for f in findings] == [
        ("knowledge-after-release", "model:acme/widget-1")
    ]
    assert "2024-01 [ds]" in findings[0].message and "2023-12-11 [card]" in findings[0].message


def test_a_cutoff_in_the_release_month_or_unknown_is_not_a_contradiction() -> None:
    assert _kinds(_dated("2025-06-10", "2025-06")) == []
    assert _kinds(_dated("2025-03", "2025")) == []
    assert _kinds(_dated("2025-06-10", "2025-06-10")) == []
    assert _kinds(_dated(None, "2025-06")) == []
    assert _kinds(_dated("2025-06-10", None)) == []


@given(st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)), st.integers(0, 2), st.integers(0, 2))
def test_after_is_strict_at_the_coarser_precision(day: dt.date, cut_a: int, cut_b: int) -> None:
    lengths = (4, 7, 10)
    iso = day.isoformat()
    a, b = PartialDate(iso[: lengths[cut_a]]), PartialDate(iso[: lengths[cut_b]])
    # One day, at any two precisions, is never after itself.
    assert not a.after(b) and not b.after(a)
    later = PartialDate((day + dt.timedelta(days=400)).isoformat()[: lengths[cut_a]])
    assert later.after(b) and not b.after(later)


def test_open_weights_no_while_weights_are_published_is_reported() -> None:
    closed = model("mistral/mistral-7b-instruct-v0.1", "mistral", open_weights=False)._replace(
        weights_url="https://huggingface.co/mistralai/Mistral-7B-Instruct-v0.1",
    )
    assert _kinds(closed) == [
        ("closed-but-weights-published", "model:mistral/mistral-7b-instruct-v0.1")
    ]
    assert _kinds(closed._replace(open_weights=Fact(True, "card", "2026-12-01"))) == []
    assert _kinds(closed._replace(open_weights=Fact(None))) == []
    assert _kinds(closed._replace(weights_url=None)) == []


def _base() -> Model:
    return model("meta/llama-3.1-405b-instruct", "meta")._replace(
        weights_url="https://huggingface.co/meta-llama/Llama-3.1-405B-Instruct",
    )


def _tune(model_id: str, lab: str, weights: str | None, base: str) -> Model:
    return model(model_id, lab)._replace(
        weights_url=weights,
        base_model=Fact(base, "card", "2026-12-01"),
    )


def test_a_fine_tune_filed_under_its_base_models_lab_is_reported() -> None:
    hermes_weights = "https://huggingface.co/NousResearch/Hermes-3-Llama-3.1-405B"
    # Its id names another lab.
    under_meta = _tune("nousresearch/hermes-3-llama-3.1-405b", "meta", None, "meta/llama-3.1-405b")
    assert _kinds(under_meta) == [
        ("fine-tune-under-base-lab", "model:nousresearch/hermes-3-llama-3.1-405b")
    ]
    # Its weights are another organisation's than its base's (the base is in the catalog).
    meta_id = _tune("meta/hermes-3-405b", "meta", hermes_weights, "meta/llama-3.1-405b-instruct")
    findings = fact_findings({m.id: m for m in (meta_id, _base())})
    assert [(f.kind, f.entity) for f in findings] == [
        ("fine-tune-under-base-lab", "model:meta/hermes-3-405b")
    ]
    assert "'nousresearch'" in findings[0].message and "'meta-llama'" in findings[0].message


def test_a_fine_tune_under_its_own_publisher_or_a_labs_own_tune_is_fine() -> None:
    hermes = _tune(
        "nousresearch/hermes-3-llama-3.1-405b",
        "nousresearch",
        "https://huggingface.co/NousResearch/Hermes-3-Llama-3.1-405B",
        "meta/llama-3.1-405b-instruct",
    )
    own = _tune(
        "meta/llama-3.1-405b-instruct-v2",
        "meta",
        "https://huggingface.co/meta-llama/Llama-3.1-405B-Instruct-v2",
        "meta/llama-3.1-405b-instruct",
    )
    assert _kinds(hermes, own, _base()) == []


def test_the_weights_publisher_is_the_repository_organisation() -> None:
    assert weights_publisher("https://huggingface.co/NousResearch/Hermes-3") == "nousresearch"
    assert weights_publisher("https://huggingface.co/NousResearch") is None
    assert weights_publisher(None) is None


def test_check_reports_every_fact_gate_as_an_error(catalog: Catalog) -> None:
    some = next(iter(catalog.models.values()))
    forged = some._replace(
        release_date=Fact(PartialDate("2023-12-11"), "card", "2026-12-01"),
        knowledge_cutoff=Fact(PartialDate("2024-01"), "ds", "2026-07-02"),
        open_weights=Fact(False, "ds", "2026-07-02"),
        weights_url="https://huggingface.co/org/repo",
        base_model=Fact(f"{some.lab_id}/base", some.release_date.source_id, "2026-12-01"),
        id=f"other/{some.id.split('/')[1]}",
    )
    models = {**catalog.models, some.id: forged}
    patched = type("Forged", (Catalog,), {"models": property(lambda self: models)})
    findings = run_checks(patched(catalog.path))
    ours = sorted(
        (f.level, f.kind)
        for f in findings
        if f.entity == f"model:{forged.id}" and f.kind != "dangling-reference"
    )
    assert ours == sorted(("error", kind) for kind in FACT_GATES)


def test_the_test_catalog_has_no_fact_contradictions(catalog: Catalog) -> None:
    assert [f for f in run_checks(catalog) if f.kind in FACT_GATES] == []


def test_a_dataset_cutoff_after_a_cited_release_is_dropped_not_shown() -> None:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.imports = [
        models_dev.import_tree(FIXTURES / "models-dev-mini", retrieved=dt.date(2026, 7, 2))
    ]
    widget = text.curated["acme/widget-1"]
    # models.dev says knowledge 2024-12; cite a release before it.
    cited = CuratedFact(value="2024-11-05", source="widget-1-card", checked=dt.date(2026, 11, 29))
    text.curated["acme/widget-1"] = widget.model_copy(
        update={"facts": {**widget.facts, "release_date": cited}}
    )
    resolved = reconcile(text)
    m = resolved.models["acme/widget-1"]
    assert m.release_date.value == PartialDate("2024-11-05")
    assert m.knowledge_cutoff.value is None and "dropped" in (m.knowledge_cutoff.note or "")
    dropped = [d for d in resolved.dropped if d.entity == "model:acme/widget-1"]
    assert [(d.field, d.value, d.source_id) for d in dropped] == [
        ("knowledge_cutoff", "2024-12", "models-dev")
    ]
    assert "contradicts the cited release date" in dropped[0].reason


def _mini_text_with(excluded_fact: list[ExcludedFact]) -> CatalogText:
    text = load_catalog(FIXTURES / "catalog-mini")
    text.imports = [
        models_dev.import_tree(FIXTURES / "models-dev-mini", retrieved=dt.date(2026, 7, 2))
    ]
    text.fact_exclusions = excluded_fact
    return text


def test_an_excluded_dataset_fact_is_dropped_with_its_evidence() -> None:
    # models.dev states knowledge 2024-12 for acme/widget-1; a reviewed exclusion drops it.
    rule = ExcludedFact(
        source="models-dev",
        model="acme/widget-1",
        field="knowledge_cutoff",
        value="2024-12",
        reason="the lab's card gives no cutoff; this one is a later checkpoint's",
    )
    resolved = reconcile(_mini_text_with([rule]))
    assert resolved.models["acme/widget-1"].knowledge_cutoff.value is None
    dropped = [d for d in resolved.dropped if d.entity == "model:acme/widget-1"]
    assert [(d.source_id, d.field, d.value) for d in dropped] == [
        ("models-dev", "knowledge_cutoff", "2024-12")
    ]
    assert dropped[0].reason.startswith("excluded (catalog/exclusions.toml): the lab's card")


def test_an_exclusion_names_the_value_so_a_changed_upstream_value_is_kept() -> None:
    rule = ExcludedFact(
        source="models-dev",
        model="acme/widget-1",
        field="knowledge_cutoff",
        value="2023-01",
        reason="an older upstream value",
    )
    resolved = reconcile(_mini_text_with([rule]))
    assert resolved.models["acme/widget-1"].knowledge_cutoff.value == PartialDate("2024-12")
    assert not [d for d in resolved.dropped if d.entity == "model:acme/widget-1"]
