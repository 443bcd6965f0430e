"""The downloads' LICENCES.md says which version of each dataset the files restate."""

from __future__ import annotations

from support.web_support import client_for

from tradeoff.db.queries import Catalog


def test_licences_name_each_dataset_commit_and_retrieved_date(catalog: Catalog) -> None:
    with client_for(catalog) as client:
        text = client.get("/downloads/LICENCES.md").text
    for source in catalog.sources.values():
        if source.redistributable and source.commit:
            assert f"retrieved {source.retrieved} at commit {source.commit[:12]}" in text
