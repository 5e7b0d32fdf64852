"""Tokenising and case handling shared by the index build and the text scan."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

# A token is a maximal run of letters (with combining marks and invisible format characters
# such as soft hyphens or zero-width spaces inside it). Apostrophes, hyphens and spaces end a
# token: "Atambayev’s" is the token "Atambayev" followed by "’s".
TOKEN = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}\p{Cf}]*")
_FORMAT_CHARS = regex.compile(r"\p{Cf}")
# What may stand between two tokens of one name: spaces (no blank line) or one hyphen.
JOINER = regex.compile(
    r"[ \t\u00a0\u202f]*\r?\n?[ \t\u00a0\u202f]*|[ \u00a0]*[-\u2010\u2011][ \u00a0]*"
)
_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the text: its span and its letters (format characters removed)."""

    start: int
    end: int
    word: str

    @property
    def capitalised(self) -> bool:
        """True when the word starts with an upper-case letter."""
        return self.word[:1].isupper()


def tokenise(text: str) -> Iterator[Token]:
    """Yield the words of ``text`` with their character offsets."""
    for match in TOKEN.finditer(text):
        word = match.group()
        if "\u00ad" in word or not word.isprintable():
            word = _FORMAT_CHARS.sub("", word)
        yield Token(match.start(), match.end(), word)


def words(name: str) -> list[str]:
    """The words of a name, as the scan sees them: ``"Koy-Tash"`` -> ``["Koy", "Tash"]``."""
    return [token.word for token in tokenise(name)]


def joins(text: str, left: Token, right: Token) -> bool:
    """True when ``left`` and ``right`` are adjacent words of one name (space or hyphen apart)."""
    gap = text[left.end : right.start]
    return bool(gap) and JOINER.fullmatch(gap) is not None


def is_cyrillic(word: str) -> bool:
    """True when ``word`` contains a Cyrillic letter."""
    return _CYRILLIC.search(word) is not None


def match_case(surface: str, replacement: str) -> str:
    """Write ``replacement`` in the case style of ``surface`` (ALL CAPS stays all caps)."""
    letters = [c for c in surface if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and not replacement.isupper():
        # An acronym written in caps is already in its own style; a name in caps stays caps.
        return replacement.upper()
    return replacement
