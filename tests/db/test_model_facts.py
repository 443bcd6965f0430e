"""Model facts read back by position (``db.record_rows.load_models`` makes each ``Fact`` with
``tuple.__new__``, skipping the record's Python-level ``__new__``): each is the ``Fact`` the
keyword call would make, field for field."""

from __future__ import annotations

from tradeoff.db.queries import Catalog
from tradeoff.records import Fact


def test_loaded_facts_are_the_records_a_keyword_call_makes(catalog: Catalog) -> None:
    # record_rows writes the fields in this order
    assert Fact._fields == ("value", "source_id", "checked", "note", "disputed", "as_of")
    seen = 0
    for model in catalog.models_of(catalog.model_ids).values():
        for fact in (model.licence, model.context_tokens, *model.capabilities.values()):
            assert type(fact) is Fact and len(fact) == len(Fact._fields)
            made = Fact(
                value=fact.value,
                source_id=fact.source_id,
                checked=fact.checked,
                note=fact.note,
                disputed=fact.disputed,
                as_of=fact.as_of,
            )
            assert fact == made and type(fact.disputed) is bool
            seen += fact.known
    assert seen > 0
