"""Model names as people type them: compact spellings, closeness tiers, best first."""

from __future__ import annotations

from tradeoff.names import closeness, compact, rank, spelling_forms


def test_compact_spellings_ignore_case_and_separators() -> None:
    assert compact("GPT-4o") == compact("gpt4o") == compact("GPT 4o") == "gpt4o"
    assert compact("Claude Sonnet 4.5 (2025-09-29)") == "claudesonnet4520250929"
    assert spelling_forms(["openai/gpt-4o", "GPT-4o", "gpt 4o", "--"]) == ("openaigpt4o", "gpt4o")


def test_closeness_tiers_are_ordered() -> None:
    same = closeness("gpt4o", "gpt4o")[0]
    prefix = closeness("gpt4", "gpt4o")[0]
    contains = closeness("4o", "gpt4o")[0]
    fuzzy = closeness("gtp4o", "gpt4o")[0]
    assert same > prefix > contains > fuzzy > 0
    assert closeness("zzzz", "gpt4o") == (0.0, "")


SPELLINGS = {
    "m/alpha-large": ("malphalarge", "alphalarge"),
    "m/alpha": ("malpha", "alpha"),
    "m/beta-alpha": ("mbetaalpha", "betaalpha"),
    "m/gamma": ("mgamma", "gamma"),
}


def test_rank_is_best_first_not_alphabetical() -> None:
    ranked = [m.id for m in rank("alpha", SPELLINGS)]
    assert ranked == ["m/alpha", "m/alpha-large", "m/beta-alpha"]
    # a typo: the closest spelling first, though another sorts before it
    assert [m.id for m in rank("gamam", SPELLINGS)][:1] == ["m/gamma"]


def test_exact_ids_come_first_and_words_match_texts() -> None:
    ranked = rank("alpha", SPELLINGS, exact=["m/gamma"])
    assert ranked[0].id == "m/gamma" and ranked[0].how == "exact"
    texts = {"m/gamma": "m/gamma gamma apache-2.0 acme labs"}
    found = rank("acme apache", SPELLINGS, texts)
    assert [(m.id, m.how) for m in found] == [("m/gamma", "words")]
    assert rank("  ", SPELLINGS) == []
