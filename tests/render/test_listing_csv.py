"""A listing's CSV keeps money as plain numbers: `tradeoff cost --format csv` wrote
"$17,900.00" once money grouped its thousands for people, which breaks `cut -d,`."""

from __future__ import annotations

import csv
import io

from tradeoff.render.listing import Listing, listing_csv


def test_money_cells_have_no_thousands_separators() -> None:
    listing = Listing(
        title="2 offerings",
        columns=("provider", "total", "notes"),
        rows=[("A", "$17,900.00", "free tier, 2 routes"), ("B", "$0.50", "unpriced")],
    )
    rows = list(csv.reader(io.StringIO(listing_csv(listing))))
    assert rows == [
        ["provider", "total", "notes"],
        ["A", "$17900.00", "free tier, 2 routes"],  # prose keeps its commas
        ["B", "$0.50", "unpriced"],
    ]
