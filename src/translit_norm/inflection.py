"""Inflected forms: Russian case endings (via pymorphy3), Kyrgyz suffixes and the endings
that Polish, Czech, German and other presses attach to Latin names.

Each function returns candidate base forms of one word, most likely first; the caller keeps
the first one the index knows. The words' own letters are never changed here.
"""

from __future__ import annotations

import functools
from typing import Any

from .text import is_cyrillic

# Kyrgyz case and plural suffixes after vowel harmony and consonant assimilation, longest
# first (Бишкекте, Бишкектен, Ошко, Нарынга, Жээнбековдун, Атамбаевге).
_KYRGYZ = tuple(
    sorted(
        {f"{c}{v}{n}" for c in "дтнл" for v in "аеоөыиуү" for n in ("", "н", "р")}
        | {f"{c}{v}" for c in "гкнңдт" for v in "аеоө"}
        | {f"{c}{v}{n}" for c in "дтнл" for v in "ыиуү" for n in ("н",)},
        key=len,
        reverse=True,
    )
)
# Russian endings for names pymorphy3 does not know (rare surnames, Kyrgyz place names).
_RUSSIAN = (
    "ами",
    "ыми",
    "ого",
    "ому",
    "ой",
    "ом",
    "ым",
    "ем",
    "ей",
    "ую",
    "ая",
    "ии",
    "ию",
    "ие",
    "ы",
    "у",
    "е",
    "а",
    "ю",
    "я",
    "и",
)
# Latin-script press endings: Polish/Czech datives and instrumentals, German genitives
# (Kirgisistans, des Grenzdienstes).
_LATIN = ("owi", "ovi", "em", "om", "es", "ie", "a", "u", "s", "e")
# A German adjective that opens a name (kirgisische Regierung, kirgisischer Grenzdienst) is
# declined in the text: der kirgisischen Regierung, dem kirgisischen Grenzdienst. Its
# nominative endings, and the declined ones that stand for them:
_GERMAN_ADJECTIVE = ("e", "er", "es")
_GERMAN_DECLINED = ("en", "em", "er", "es")
_MIN_ADJECTIVE_STEM = 4  # not the articles den, dem, der, des
# Shortest stem left after cutting an ending (Ош-та is not cut: Ош is too short to guess at).
# A stem only counts when it is a known name, and a one-word name of a smaller place needs
# its country elsewhere in the text, so short stems of ordinary words do no harm.
_MIN_STEM = 3


@functools.cache
def _morph() -> Any:
    import pymorphy3  # loaded on first Cyrillic miss only: it takes a few hundred ms

    return pymorphy3.MorphAnalyzer()


@functools.lru_cache(maxsize=1 << 14)
def lemmas(word: str) -> tuple[str, ...]:
    """Candidate base forms of an inflected ``word`` (without the word itself)."""
    if is_cyrillic(word):
        return _unique(
            word, [*_pymorphy_lemmas(word), *_strip(word, _RUSSIAN + _KYRGYZ, _MIN_STEM)]
        )
    return _unique(word, [*_strip(word, _LATIN, _MIN_STEM), *_german_adjective(word)])


@functools.lru_cache(maxsize=1 << 14)
def _pymorphy_lemmas(word: str) -> tuple[str, ...]:
    """Dictionary forms, and for adjectives the nominative of the same gender
    (Баткенской -> баткенский, баткенская: "Баткенская область")."""
    found: list[str] = []
    for parse in _morph().parse(word):
        nominative = parse.inflect({"nomn"})
        for lemma in (parse.normal_form, nominative.word if nominative else None):
            if lemma and lemma != word.lower():
                found.append(_restore_case(word, lemma))
    return tuple(found)


_NAME_TAGS = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})


def is_common_word(word: str) -> bool:
    """True for a Cyrillic word that pymorphy3's dictionary knows, in its most likely
    reading, as an ordinary word rather than a name (Совет, Победа, Мир)."""
    tags = _known_tags(word)
    return tags is not None and not (_NAME_TAGS & tags)


def is_given_name(word: str) -> bool:
    """True for a Cyrillic word that pymorphy3's dictionary knows, in its most likely
    reading, as a given name (Людмила, Максима)."""
    tags = _known_tags(word)
    return tags is not None and "Name" in tags


@functools.lru_cache(maxsize=1 << 14)
def _known_tags(word: str) -> frozenset[str] | None:
    """The grammemes of a Cyrillic word's most likely reading in pymorphy3's dictionary;
    None for a Latin word or one the dictionary does not know."""
    if not is_cyrillic(word):
        return None
    best = _morph().parse(word)[0]
    return frozenset(best.tag.grammemes) if best.is_known else None


def _strip(word: str, endings: tuple[str, ...], min_stem: int) -> list[str]:
    lower = word.lower()
    return [
        word[: len(word) - len(ending)]
        for ending in endings
        if lower.endswith(ending) and len(word) - len(ending) >= min_stem
    ]


def _german_adjective(word: str) -> list[str]:
    """The nominatives a declined German adjective in lower case may stand for:
    kirgisischen -> kirgisische, kirgisischer, kirgisisches."""
    if not word[:1].islower():
        return []
    return [
        stem + ending
        for stem in _strip(word, _GERMAN_DECLINED, _MIN_ADJECTIVE_STEM)
        for ending in _GERMAN_ADJECTIVE
    ]


def _restore_case(original: str, lemma: str) -> str:
    return lemma[:1].upper() + lemma[1:] if original[:1].isupper() else lemma


def _unique(word: str, forms: list[str]) -> tuple[str, ...]:
    return tuple(form for form in dict.fromkeys(forms) if form != word)
