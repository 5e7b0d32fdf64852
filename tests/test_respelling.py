"""Spellings the key alone does not fold (Polish, Czech and German j and ch, ISO 9) are found
through the keys of every scheme's spelling of the gazetteer's Cyrillic words."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translit_norm as tn
from translit_norm.keys import name_key
from translit_norm.romanise import schemes, transliterate
from translit_norm.spellings import respelled_keys


def test_respelled_keys_are_the_keys_the_word_itself_lacks() -> None:
    assert name_key("Chabarowsk") in respelled_keys("Хабаровск")
    assert name_key("ajył") in respelled_keys("айыл")
    assert respelled_keys("Атамбаев") == ()  # the key folds all its spellings already
    assert respelled_keys("Bishkek") == ()  # only Cyrillic words are respelled


@pytest.mark.parametrize(
    ("spelling", "entity"),
    [
        ("Wasiljewka", "place:vasilevka-aiyl-aimak"),  # German, Васильевка
        ("Abdrachmanow", "person:alisher-abdrakhmanov"),  # Polish and German х as ch
    ],
)
def test_resolve_finds_other_romanisations(
    normaliser: tn.Normaliser, spelling: str, entity: str
) -> None:
    found = normaliser.resolve(spelling)
    assert entity in [c.entity.id for c in found]
    assert {c.method for c in found} == {"variant"}


def test_a_german_text_matches_a_village_spelled_the_german_way(
    normaliser: tn.Normaliser,
) -> None:
    text = "Das Dorf Wasiljewka liegt im Gebiet Tschüi, nicht weit von Bischkek."
    mentions = {m.surface: m for m in normaliser.find_entities(text)}
    assert mentions["Wasiljewka"].entity.id == "place:vasilevka-aiyl-aimak"
    assert mentions["Wasiljewka"].method == "variant"
    assert "another romanisation" in mentions["Wasiljewka"].reason


def test_a_cyrillic_word_is_never_read_as_a_romanisation(normaliser: tn.Normaliser) -> None:
    # Шабаровск has the key of Polish "Chabarowsk" (Хабаровск), but it is spelled, not
    # romanised: it must not match Хабаровск as another scheme's spelling.
    found = normaliser.find_entities("Шабаровск и Москва", abstentions=True)
    assert all(m.method != "variant" for m in found)


@functools.cache
def _kyrgyz_names() -> list[tuple[str, str, str]]:
    gazetteer = tn.default_normaliser().gazetteer
    return [
        (entity.id, lang, names[0])
        for entity in gazetteer
        if entity.country == "KG"
        for lang in ("ky", "ru")
        if (names := entity.names.get(lang))
    ]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_every_schemes_spelling_of_a_kyrgyz_name_resolves_to_it(data: st.DataObject) -> None:
    entity, lang, name = data.draw(st.sampled_from(_kyrgyz_names()))
    scheme = data.draw(st.sampled_from(schemes(lang)))
    spelling = transliterate(name, lang=lang, scheme=scheme)
    found = [c.entity.id for c in tn.resolve(spelling, limit=20)]
    assert entity in found, (name, scheme, spelling)
