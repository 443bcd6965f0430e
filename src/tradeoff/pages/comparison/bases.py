"""The entries a page copies instead of building: what ``comparison.kept`` keeps per catalog.

A kept record (a model's pricing, a spec or capability cell, a related model of one model)
has its JSON-ready entry built once, without anything the page decides (source numbers). Each
page copies it; a record the catalog does not keep (one priced at another blend, say) is
built by the section as before.
"""

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

# The id of a kept record → (that record, its entry). The record is held with its entry, so
# its id is not reused while the entry lives; a section reading a hit checks ``hit[0] is
# record`` (a record built for this page may have the id of one freed before).
Bases = Mapping[int, tuple[object, Any]]
NO_BASES: Bases = MappingProxyType({})  # a page whose catalog keeps nothing: every entry is built
