"""Words, their spans and case handling, shared by the index build and the text scan."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import regex

# A word is a maximal run of letters (with combining marks and invisible format characters
# such as soft hyphens or zero-width spaces inside it). Apostrophes, hyphens and spaces end a
# word: "Atambayev’s" is the word "Atambayev" followed by "’s".
_WORD = r"[\p{L}\p{M}][\p{L}\p{M}\p{Cf}]*"
# What may stand between two words of one name: spaces (at most one line break), a hyphen, or
# an apostrophe (a soft sign romanised as in Smolens'k, Ust'-Kut; a possessive 's matches no
# name's next word, so the scan stops before it).
_JOINER = (
    r"(?:[ \u00a0]*[-\u2010\u2011][ \u00a0]*|[ \t\u00a0\u202f]*\r?\n?[ \t\u00a0\u202f]*"
    r"|['\u2019])"
)
WORD = regex.compile(_WORD)
# Matched backwards from an offset: the word joined to what starts there.
_JOINED_BEFORE = regex.compile("(" + _WORD + ")" + _JOINER, flags=regex.REVERSE)
# A word that starts with a capital and is not the tail of a longer word.
CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}\p{Cf}])\p{Lu}[\p{L}\p{M}\p{Cf}]*")
# A name that a rewrite may write: words joined as above, nothing else.
NAME_SHAPE = regex.compile(_WORD + "(?:" + _JOINER + _WORD + ")*")
# The word joined to what ends where a match starts, in group 1.
NEXT_WORD = regex.compile(_JOINER + "(" + _WORD + ")")
_FORMAT_CHARS = regex.compile(r"\p{Cf}")
_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}")
_CONTEXT_CHARS = 80  # how far to look for neighbouring words


class Token(NamedTuple):
    """One word of the text: its span and its letters (format characters removed). A named
    tuple: the scan makes one for most capitalised words, and tuples are the cheapest to make."""

    start: int
    end: int
    word: str


WordMatch = re.Match[str] | regex.Match[str]
"""A match whose group 1 is a word (see :func:`next_word` and :func:`word_before`)."""


def token_of(match: WordMatch, group: int = 0) -> Token:
    """The word a regex match found, as a :class:`Token` (made as a plain tuple: the scan
    makes one for most capitalised words)."""
    start, end = match.span(group)
    return new_tuple(Token, (start, end, strip_format(match.group(group))))


# new_tuple(Token, (start, end, word)): a named tuple made directly, without the Python-level
# __new__ of its class (the scan and decide make one per word or mention).
new_tuple = tuple.__new__


def strip_format(word: str) -> str:
    """``word`` without invisible format characters (soft hyphens, zero-width spaces)."""
    if word.isprintable():  # format characters (soft hyphen too) are not printable
        return word
    return _FORMAT_CHARS.sub("", word)


# Fast paths for the look-around of a name, with the same results as the general patterns
# (tests compare them on random text): most neighbouring words are plain runs of Latin or
# Cyrillic letters after one space, and a call of ``re`` costs a third of one of ``regex``.
_PLAIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0400-\u0481\u048a-\u04ff"
_ASCII_NON_LETTER = "\x00-\x40\x5b-\x60\x7b-\x7f"
# A plain word after one space; or punctuation or the end, where no word is joined (group 1
# is then None).
_PLAIN_NEXT = re.compile(f' ([{_PLAIN}]+)(?![^{_ASCII_NON_LETTER}])|[.,;:!?()\\[\\]"]|\\Z')
_PLAIN_BEFORE = re.compile(f"([{_PLAIN}]+) ")
_PLAIN_LONGEST = 32  # longer words before a name take the general pattern


def next_word(text: str, end: int) -> WordMatch | None:
    """The word joined (space, hyphen or apostrophe) to what ends at offset ``end``, as
    ``NEXT_WORD.match(text, end)`` finds it."""
    match = _PLAIN_NEXT.match(text, end)
    if match is None:
        return NEXT_WORD.match(text, end)
    return match if match.start(1) >= 0 else None


def previous_word(text: str, before: int) -> Token | None:
    """The word joined (space, hyphen or apostrophe) to what starts at offset ``before``."""
    match = word_before(text, before)
    return token_of(match, 1) if match else None


def word_before(text: str, before: int) -> WordMatch | None:
    """:func:`previous_word` as a match (the word is group 1), for callers that need only
    its letters: cheaper than a :class:`Token`."""
    if before > 1 and text[before - 1] == " ":
        space = text.rfind(" ", max(0, before - _PLAIN_LONGEST), before - 1)
        match = _PLAIN_BEFORE.fullmatch(text, space + 1, before) if space >= 0 else None
        if match is not None:
            return match
    return _JOINED_BEFORE.match(text, max(0, before - _CONTEXT_CHARS), before)


def words(name: str) -> list[str]:
    """The words of a name, as the scan sees them: ``"Koy-Tash"`` -> ``["Koy", "Tash"]``."""
    return [strip_format(word) for word in WORD.findall(name)]


_LATIN = regex.compile(r"\p{Script=Latin}")


def mostly_cyrillic(text: str) -> bool:
    """True when ``text`` has more Cyrillic than Latin letters (a Latin name with one
    look-alike Cyrillic letter inside is Latin)."""
    return len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text))


def is_cyrillic(word: str) -> bool:
    """True when ``word`` contains a Cyrillic letter."""
    return _CYRILLIC.search(word) is not None


def match_case(surface: str, replacement: str) -> str:
    """Write ``replacement`` in the case style of ``surface`` (ALL CAPS stays all caps)."""
    if surface.isupper() and not replacement.isupper() and sum(map(str.isalpha, surface)) > 1:
        return replacement.upper()
    return replacement


Edit = tuple[int, int, str]
"""A change to a text: start and end offsets, replacement text."""


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with each edit's span replaced by its new text; everything else is kept."""
    parts, position = [], 0
    for start, end, new in sorted(edits):
        parts += [text[position:start], new]
        position = end
    parts.append(text[position:])
    return "".join(parts)
