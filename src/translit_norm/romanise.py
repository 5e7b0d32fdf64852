"""Cyrillic -> Latin romanisation under a named scheme, for Russian and Kyrgyz.

The engine is the one of iuliia's schemas: each letter is looked up first with its previous
letter (``prev``; a lone letter key means word-initial), then with its next letter
(``next``), then alone (``letters``); a word longer than two letters whose last two letters
are an ``ending`` key ends with that ending's Latin. Tables are generated from the sources by
``scripts/build_schemes.py`` (``_scheme_tables.py``); ``docs/romanisation.md`` lists them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .errors import UnknownOptionError

__all__ = ["PACKAGE_SCHEME", "SCHEMES", "Scheme", "get_scheme", "schemes", "transliterate"]

_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
# Cyrillic letters of neither alphabet: written as their nearest Russian/Kyrgyz letter.
_OTHER = {
    "і": "и",
    "ї": "йи",
    "є": "е",
    "ґ": "г",
    "ў": "у",
    "ј": "й",
    "ә": "а",
    "ғ": "г",
    "қ": "к",
    "ұ": "у",
    "һ": "х",
    "ӊ": "ң",
    "ѐ": "е",
    "ѝ": "и",
    "ѓ": "г",
    "ќ": "к",
    "ђ": "дь",
    "ћ": "ть",
    "љ": "ль",
    "њ": "нь",
    "џ": "дж",
    "ѕ": "з",
    "ӏ": "",
}
_OTHER_CYRILLIC = str.maketrans({**_OTHER, **{k.upper(): v.upper() for k, v in _OTHER.items()}})
_FALLBACK = {"ң": "n", "ө": "o", "ү": "u"}
_NEAREST = {"ң": "н", "ө": "о", "ү": "у"}
_NEAREST_RUSSIAN = str.maketrans(_NEAREST | {k.upper(): v.upper() for k, v in _NEAREST.items()})


@dataclass(frozen=True, slots=True)
class Scheme:
    """One romanisation scheme's maps (see the module docstring)."""

    lang: str
    name: str
    letters: Mapping[str, str]
    prev: Mapping[str, str]
    next: Mapping[str, str]
    ending: Mapping[str, str]

    def letter(self, prev: str, curr: str, next_: str) -> str:
        """Latin for lower-case ``curr`` between ``prev`` and ``next_`` ('' at word edges)."""
        found = self.prev.get(prev + curr)
        if found is None:
            found = self.next.get(curr + next_)
        if found is None:
            found = self.letters.get(curr)
        if found is None:
            found = _FALLBACK.get(curr, curr)
        return found

    def word(self, word: str) -> str:
        """Romanise one word (letters only), keeping its case pattern."""
        lower = word.lower()
        ending = self.ending.get(lower[-2:]) if len(lower) > 2 else None
        stem = lower[:-2] if ending is not None else lower
        parts = [
            self.letter(stem[i - 1] if i else "", char, stem[i + 1] if i + 1 < len(stem) else "")
            for i, char in enumerate(stem)
        ]
        upper_word = len(word) > 1 and word.isupper()
        out = []
        capital = False  # a capital whose letter is written as nothing (Д of Дж) passes on
        for original, latin in zip(word, parts, strict=False):  # the ending comes after
            if upper_word:
                latin = latin.upper()
            elif original.isupper() or capital:
                capital = not latin
                latin = latin[:1].upper() + latin[1:]
            out.append(latin)
        if ending is not None:
            out.append(ending.upper() if upper_word else ending)
        return "".join(out)


def _tables() -> Mapping[str, Mapping[str, Mapping[str, Mapping[str, str]]]]:
    from ._scheme_tables import TABLES

    return TABLES


# Most used first: the order ``variants`` ranks spellings in.
_PREFERRED = (
    "english_press",
    "bgn_pcgn",
    "wikipedia",
    "passport",
    "icao_doc_9303",
    "mvd_310",
    "mvd_782",
    "yandex_maps",
    "german",
    "french",
    "polish",
    "czech",
    "turkish",
    "italian",
    "spanish",
)


def _ordered(names: list[str]) -> tuple[str, ...]:
    rank = {name: i for i, name in enumerate(_PREFERRED)}
    return tuple(sorted(names, key=lambda n: (rank.get(n, len(rank)), n)))


class _LazySchemes(Mapping[str, tuple[str, ...]]):
    """lang -> scheme names, most used first; reads the tables on first access."""

    def _data(self) -> Mapping[str, tuple[str, ...]]:
        return _scheme_names()

    def __getitem__(self, lang: str) -> tuple[str, ...]:
        return self._data()[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())


# The `transliterate` package's language packs, where their letter-by-letter model fits:
# Ukrainian, Belarusian-free Serbian, Bulgarian and Macedonian Cyrillic have one letter per
# sound and no Kyrgyz letters, so a pack is the whole romanisation. (Its Russian pack is
# offered too, as one more press-style spelling; its Mongolian pack writes "KHurelsukh".)
PACKAGE_SCHEME = "transliterate"
_PACKS = {"ru": "ru", "uk": "uk", "bg": "bg", "mk": "mk", "sr": "sr"}


@functools.cache
def _scheme_names() -> Mapping[str, tuple[str, ...]]:
    names = {lang: list(tables) for lang, tables in _tables().items()}
    for lang in _PACKS:
        names.setdefault(lang, []).append(PACKAGE_SCHEME)
    return MappingProxyType({lang: _ordered(found) for lang, found in names.items()})


SCHEMES: Mapping[str, tuple[str, ...]] = _LazySchemes()


def schemes(lang: str = "ru") -> tuple[str, ...]:
    """The scheme names for ``lang``, most used first."""
    names = _scheme_names()
    if lang not in names:
        raise UnknownOptionError("language", lang, names)
    return names[lang]


@functools.cache
def get_scheme(lang: str, scheme: str) -> Scheme:
    """The compiled scheme; raises UnknownOptionError for an unknown lang or scheme."""
    if scheme not in schemes(lang) or scheme == PACKAGE_SCHEME:
        raise UnknownOptionError("scheme", scheme, schemes(lang))
    table = _tables()[lang][scheme]
    return Scheme(
        lang,
        scheme,
        *(MappingProxyType(dict(table[part])) for part in ("letters", "prev", "next", "ending")),
    )


def transliterate(text: str, *, lang: str = "ru", scheme: str = "bgn_pcgn") -> str:
    """Romanise the Cyrillic words of ``text``; everything else is returned unchanged.

    >>> transliterate("Жээнбеков", lang="ky", scheme="english_press")
    'Jeenbekov'
    >>> transliterate("Атамбаев", scheme="german")
    'Atambajew'
    """
    if scheme == PACKAGE_SCHEME and scheme in schemes(lang):
        from transliterate import translit

        if lang == "ru":  # the pack knows only the Russian alphabet
            text = _letters(text).translate(_NEAREST_RUSSIAN)
        return str(translit(text, _PACKS[lang], reversed=True))
    compiled = get_scheme(lang, scheme)
    return _WORD.sub(lambda m: compiled.word(_letters(m.group())), text)


def _letters(word: str) -> str:
    return unicodedata.normalize("NFC", word).translate(_OTHER_CYRILLIC)
