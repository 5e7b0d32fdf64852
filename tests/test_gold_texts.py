"""The matcher on the team's annotated texts (benchmarks/gold/texts-*.jsonl): English,
German, Polish, French, Turkish and Russian, and texts with no Kyrgyz or Russian entity.

The floors are set just under what the matcher reaches, so a change that costs precision
or recall fails here; `python benchmarks/run.py` prints the full report."""

from __future__ import annotations

import translit_norm as tn
from conftest import ROOT
from translit_norm.bench import run_bench

GOLD = ROOT / "benchmarks" / "gold"


def test_mentions_in_six_languages(normaliser: tn.Normaliser) -> None:
    files = sorted(p for p in GOLD.glob("texts-*.jsonl") if p.name != "texts-none.jsonl")
    assert len(files) == 6
    report = run_bench(normaliser, files)
    overall = report.mentions["all"]
    assert overall.tp >= 150
    assert overall.precision is not None
    assert overall.precision >= 0.99
    assert overall.recall is not None
    assert overall.recall >= 0.95
    for lang in ("en", "de", "pl", "fr", "ru", "tr"):
        score = report.mentions[f"lang:{lang}"]
        assert (score.f1 or 0.0) >= 0.9, (lang, score)


def test_nothing_changes_in_texts_without_our_entities(normaliser: tn.Normaliser) -> None:
    report = run_bench(normaliser, [GOLD / "texts-none.jsonl"])
    assert report.clean_texts >= 15
    assert report.edits == 0
    assert report.mentions["all"].fp == 0
