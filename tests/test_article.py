"""The real article in ../shared/examples comes out with one spelling per entity."""

from __future__ import annotations

import translit_norm as tn


def test_one_spelling_per_entity(normaliser: tn.Normaliser, article: str) -> None:
    out = normaliser.normalise(article)
    for variant, canonical in [
        ("Koi-Tash", "Koy-Tash"), ("Atambaev ", "Atambayev "), ("Sooronbai", "Sooronbay"),
        ("Zheenbekov", "Jeenbekov"),
    ]:  # fmt: skip
        assert variant not in out
        assert canonical in out
    assert "Podtyanuvshy the police forces" in out


def test_only_mentions_change(normaliser: tn.Normaliser, article: str) -> None:
    mentions = normaliser.find_entities(article)
    assert tn.normaliser.apply(article, mentions) == normaliser.normalise(article)
    changed = {(m.surface, m.replacement) for m in mentions if m.changed}
    assert ("Koi-Tash", "Koy-Tash") in changed
    assert ("Sooronbai Jeenbekov", "Sooronbay Jeenbekov") in changed


def test_scns_and_committee_are_one_entity(normaliser: tn.Normaliser, article: str) -> None:
    by_surface = {m.surface: m.entity for m in normaliser.find_entities(article)}
    assert by_surface["SCNS"] is by_surface["national security Committee"]
    assert by_surface["SCNS"].id == "org:gknb"


def test_idempotent(normaliser: tn.Normaliser, article: str) -> None:
    once = normaliser.normalise(article)
    assert normaliser.normalise(once) == once
