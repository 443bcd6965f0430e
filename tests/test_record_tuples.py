"""Records are named tuples: where code tells a value apart by ``isinstance(v, tuple)``, a
record must still be read as the record it is, never as a list of its fields."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from tradeoff.compare.claim import Claim, Number
from tradeoff.compare.wording import show_value
from tradeoff.db.queries import Catalog
from tradeoff.pages.jsonable import jsonable
from tradeoff.records import Fact, Lab, PartialDate


def test_a_stored_date_fact_is_its_iso_text(catalog_db: Path) -> None:
    with closing(sqlite3.connect(catalog_db)) as conn:
        (value,) = conn.execute(
            "SELECT value_json FROM model_facts WHERE model_id = 'moonshotai/kimi-k2-instruct'"
            " AND field = 'release_date'"
        ).fetchone()
    assert json.loads(value) == "2025-07-11"


def test_a_date_reads_back_as_a_date(catalog: Catalog) -> None:
    released = catalog.models_of(["moonshotai/kimi-k2-instruct"])[
        "moonshotai/kimi-k2-instruct"
    ].release_date
    assert released.value == PartialDate("2025-07-11")
    assert str(released.value) == "2025-07-11"


def test_jsonable_writes_a_record_as_an_object_of_its_fields() -> None:
    claim = Claim("x", "price", "text", "basis", (Number("pricing", "m", "input", 1),))
    assert jsonable(Fact(PartialDate("2025-07"), "src")) == {
        "value": "2025-07",
        "source_id": "src",
        "checked": None,
        "note": None,
        "disputed": False,
        "as_of": None,
    }
    assert jsonable(Lab("lab", "Lab"))["name"] == "Lab"
    assert jsonable(claim)["numbers"] == [
        {"table": "pricing", "model_id": "m", "field": "input", "value": 1}
    ]


def test_a_date_value_is_shown_as_its_text() -> None:
    assert show_value(PartialDate("2025-07")) == "2025-07"
    assert show_value(("text", "image")) == "text, image"
