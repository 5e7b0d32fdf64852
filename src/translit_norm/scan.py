"""The text scan: find spans whose words match an indexed name, longest first.

One pass over the words of the text. At each word that can start a name, the scan extends
word by word while the keys so far are a prefix of some indexed name; each word may match by
its own key or, failing that, by the key of a base form (inflection). Acronyms are looked up by
their exact text. What the scan returns is not yet decided: :mod:`translit_norm.decide` picks
the entity of each span, using the whole text as context.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .index import Form, NameIndex
from .inflection import lemmas
from .keys import name_key
from .text import Token, joins


@dataclass(frozen=True, slots=True)
class Hit:
    """A span of the text (words ``first``..``last``) whose keys name one or more forms."""

    first: int
    last: int
    start: int
    end: int
    forms: tuple[Form, ...]
    method: str
    """exact, key, inflection or acronym"""
    stem_end: int
    """Where the matched base form ends in the text; < end when an ending was cut off."""
    inflected_words: int = 0
    """How many words matched only through a base form."""


@dataclass(frozen=True, slots=True)
class _Path:
    keys: tuple[str, ...]
    inflected: tuple[int, ...]  # positions of the words matched through a base form
    stem: str  # the base form of the last word, when it is inflected


class Scanner:
    """Scans texts against one :class:`NameIndex`."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self._prefixes = {keys[:n] for keys in index.by_key for n in range(1, len(keys) + 1)}

    def scan(self, text: str, tokens: list[Token]) -> Iterator[Hit]:
        """Yield non-overlapping hits, left to right, longest match at each start."""
        i = 0
        while i < len(tokens):
            hit = self._at(text, tokens, i)
            if hit is None:
                i += 1
            else:
                yield hit
                i = hit.last + 1

    def _can_start(self, token: Token) -> bool:
        return token.capitalised or token.word.casefold() in self.index.lower_starts

    def _at(self, text: str, tokens: list[Token], i: int) -> Hit | None:
        token = tokens[i]
        if not self._can_start(token):
            return None
        acronym = self.index.acronyms.get(token.word)
        if acronym and token.word.isupper():
            return Hit(i, i, token.start, token.end, tuple(acronym), "acronym", token.end)
        best: tuple[int, _Path] | None = None
        paths = [_Path((), (), "")]
        for j in range(i, min(len(tokens), i + self.index.max_words)):
            if j > i and not joins(text, tokens[j - 1], tokens[j]):
                break
            paths = self._extend(paths, tokens[j].word, j - i)
            for path in paths:
                if path.keys in self.index.by_key and (best is None or _better(j, path, best)):
                    best = (j, path)
            if not paths:
                break
        if best is None:
            return None
        last, path = best
        span = tokens[i : last + 1]
        if not any(t.capitalised for t in span):
            return None  # "state committee" in lower case is prose, not a name
        inflected = bool(path.inflected)
        stem_end = span[-1].end
        if inflected and path.inflected[-1] == len(span) - 1:
            stem_end = span[-1].start + _stem_length(text, span[-1], path.stem)
        return Hit(
            i,
            last,
            span[0].start,
            span[-1].end,
            tuple(self.index.by_key[path.keys]),
            "inflection" if inflected else "key",
            stem_end,
            len(path.inflected),
        )

    def _extend(self, paths: list[_Path], word: str, depth: int) -> list[_Path]:
        key = name_key(word)
        out = [
            _Path((*p.keys, key), p.inflected, "")
            for p in paths
            if (*p.keys, key) in self._prefixes
        ]
        if out:
            return out
        for path in paths:
            for base in lemmas(word):
                keys = (*path.keys, name_key(base))
                if keys in self._prefixes:
                    out.append(_Path(keys, (*path.inflected, depth), base))
                    break
        return out


def _better(j: int, path: _Path, best: tuple[int, _Path]) -> bool:
    """Longer spans win; at equal length, a match without inflection wins."""
    return j > best[0] or (j == best[0] and len(path.inflected) < len(best[1].inflected))


def _stem_length(text: str, token: Token, stem: str) -> int:
    """Characters of ``token`` covered by ``stem`` when the stem is a prefix, else all."""
    surface = text[token.start : token.end]
    return len(stem) if surface.lower().startswith(stem.lower()) else len(surface)
