"""The text scan: find spans whose words match an indexed name, longest first.

Names begin with a capital letter, so the scan visits only capitalised words (and, for
organisation names written in lower case such as "the national security Committee", looks
back from a capitalised word of such a name). From each start it extends word by word while
the keys so far are a prefix of some indexed name; a word may match by its own key or, failing
that, by the key of a base form (inflection). Acronyms are looked up by their exact text. What
the scan returns is not yet decided: :mod:`translit_norm.decide` picks the entity of each
span, using the whole text as context.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .fuzzy import FuzzyIndex
from .index import Form, NameIndex, fold
from .inflection import lemmas
from .keys import name_key
from .text import (
    CAPITALISED,
    WORD,
    Token,
    is_cyrillic,
    new_tuple,
    next_word,
    previous_word,
    strip_format,
)
from .vocabulary import CUE_WORDS

_MAX_REMEMBERED = 1 << 18
_MIN_KEYED = 3  # a one-word name of fewer letters must be spelled as the gazetteer has it
_MAX_ACRONYM = 4  # ... and so must a word of up to this many capitals


class Hit(NamedTuple):
    """A span of the text whose words' keys name one or more forms (a named tuple: the scan
    makes one per mention)."""

    start: int
    end: int
    forms: tuple[Form, ...]
    method: str
    """exact, key, variant (another scheme's spelling), inflection, acronym or fuzzy"""
    stem_end: int
    """Where the matched base form ends in the text; < end when an ending was cut off."""
    inflected_words: int = 0
    """How many words matched only through a base form."""
    similarity: float = 1.0
    """For fuzzy hits: how close the word's key is to the name's (0-1)."""


class _Route(NamedTuple):
    """What a capitalised word may be (see :meth:`Scanner._route`)."""

    letters: str  # the word without format characters
    step: _Step | None  # where the search stands after it, as the first word of a name
    may_start: bool  # it starts a name or is an acronym (read on from it, unless alone)
    reach: int  # how many lower-case words before it may start an organisation name
    near: tuple[str, float] | None  # for a word that starts no name: the key of a name it
    # nearly matches, and how nearly
    alone: Hit | None  # the hit the word makes (at offset 0) when no word after it can
    # extend the name: most names, which the scan then takes without reading on


@dataclass(frozen=True, slots=True)
class _Path:
    keys: tuple[str, ...]
    inflected: tuple[int, ...]  # positions of the words matched through a base form
    stem: str  # the base form of the last word, when it is inflected
    respelled: bool = False  # a word matched only as another scheme's spelling


@dataclass(slots=True, eq=False)
class _Step:
    """Where the word-by-word search from one start stands: the paths that the words so far
    continue (kept only while some goes on), whether any goes on, the hit the words make when
    they are a whole name (the reading with the fewest inflected words), worked out once per
    step, and the step after each next word seen."""

    paths: tuple[_Path, ...]
    depth: int  # words so far
    goes_on: bool
    forms: tuple[Form, ...] = ()  # the forms of the whole name; () when the words are none
    method: str = ""  # the hit's method: key, variant or inflection
    inflected: int = 0  # words matched through a base form
    stem: str | None = None  # the base form of the last word, when that word is inflected
    after: dict[str, _Step | None] = field(default_factory=dict)  # by next word as written

    @classmethod
    def of(
        cls,
        paths: tuple[_Path, ...],
        by_key: dict[tuple[str, ...], list[Form]],
        continued: set[tuple[str, ...]],
    ) -> _Step:
        depth = len(paths[0].keys)
        goes_on = any(path.keys in continued for path in paths)
        name = None
        for path in paths:
            if path.keys in by_key and (name is None or len(path.inflected) < len(name.inflected)):
                name = path
        if not goes_on:
            paths = ()  # no word continues them: the search stops here
        if name is None:
            return cls(paths, depth, goes_on)
        method = "inflection" if name.inflected else "variant" if name.respelled else "key"
        last_inflected = bool(name.inflected) and name.inflected[-1] == depth - 1
        return cls(paths, depth, goes_on, tuple(by_key[name.keys]), method, len(name.inflected),
                   name.stem if last_inflected else None)  # fmt: skip


class Scanner:
    """Scans texts against one :class:`NameIndex`."""

    def __init__(self, index: NameIndex, *, fuzzy: bool = True) -> None:
        self.index = index
        self.fuzzy: FuzzyIndex | None = None
        if fuzzy:
            self.fuzzy = FuzzyIndex([keys[0] for keys in index.by_key if len(keys) == 1])
        # Keys that a longer name's key starts with; with the names' own keys (index.by_key),
        # the keys a search may stand on (kept apart: the start-up cache loads fewer tuples).
        self._continued = {keys[:n] for keys in index.by_key for n in range(1, len(keys))}
        self._routes: dict[str, _Route | None] = {}
        self._root = _Step((_Path((), (), ""),), 0, True)
        self._steps = 0  # steps remembered (in _Step.after)
        self._lower_starts: dict[str, bool] = {}

    def scan(self, text: str, protected: Sequence[tuple[int, int]] = ()) -> Iterator[Hit]:
        """Yield non-overlapping hits, left to right, longest match at each start; spans in
        ``protected`` are skipped."""
        done = 0
        routes = self._routes
        # concurrent=False: regex would otherwise release the GIL around each step, which
        # costs more than finding one capitalised word
        for match in CAPITALISED.finditer(text, concurrent=False):
            start = match.start()
            if start < done or (protected and _inside(start, protected)):
                continue
            word = match.group()
            try:
                route = routes[word]
            except KeyError:
                route = self._route(word)
            if route is None:
                continue  # an ordinary capitalised word
            if route.alone is not None:  # most names: no need to read on
                _, end, forms, method, stem_end, inflected, similarity = route.alone
                hit: Hit | None = new_tuple(Hit, (start, start + end, forms, method,
                                                  start + stem_end, inflected, similarity))
            else:
                hit = self._read_on(text, new_tuple(Token, (start, match.end(), route.letters)),
                                    route, done)  # fmt: skip
            if hit is not None:
                yield hit
                done = hit.end

    def _read_on(self, text: str, token: Token, route: _Route, done: int) -> Hit | None:
        """The hit at a capitalised word whose route does not hold it: a name that the words
        after it (or lower-case words before it) make, else a near miss."""
        hit = self._at(text, token, route.step) if route.may_start else None
        if hit is None and route.reach:
            hit = self._from_lower_case_start(text, token, done, route.reach)
        if hit is None:
            near = route.near or self._nearest(route.letters)
            if near is not None:
                forms = tuple(self.index.by_key[(near[0],)])
                hit = Hit(token.start, token.end, forms, "fuzzy", token.end, similarity=near[1])
        return hit

    def _route(self, word: str) -> _Route | None:
        """What a capitalised word may be, remembered per word (most words of a text are
        ordinary and come again and again): the start of a name, a later word of an
        organisation name (how far to look back), a near miss of a name; None for none.
        Whether a word that may start a name is also a near miss is asked only when no name
        starts there."""
        letters = strip_format(word)
        step = self._next(self._root, letters)  # the first step of the search from here
        may_start = step is not None or letters in self.index.acronyms
        inner = self.index.inner_keys
        reach = inner.get(name_key(letters), 0)
        if not reach and not is_cyrillic(letters):  # declined: des ... Innenministeriums
            reach = max((inner.get(name_key(base), 0) for base in lemmas(letters)), default=0)
        alone = None
        if may_start and (step is None or not step.goes_on):  # the word alone decides
            alone = self._at(word, new_tuple(Token, (0, len(word), letters)), step)
            may_start = alone is not None
        near = None if may_start or reach else self._nearest(letters)
        found = may_start or reach or near
        route = _Route(letters, step, may_start, reach, near, alone) if found else None
        if len(self._routes) < _MAX_REMEMBERED:
            self._routes[word] = route
        return route

    def _nearest(self, letters: str) -> tuple[str, float] | None:
        """The key of a one-word name that ``letters`` nearly match, and how nearly."""
        if self.fuzzy is None or letters.isupper():
            return None
        return self.fuzzy.nearest(letters)

    def _from_lower_case_start(self, text: str, token: Token, done: int, reach: int) -> Hit | None:
        """A name that starts with lower-case words (at most ``reach``) before ``token`` and
        runs through it."""
        chain: list[Token] = []  # the words joined to the token, nearest first
        right = token.start
        while len(chain) < reach:
            word = previous_word(text, right)
            if word is None or word.start < done:
                break
            chain.append(word)
            right = word.start
        for start in reversed(chain):  # the farthest start first: longest name
            if self._may_start_lower(start.word):
                hit = self._at(text, start)
                if hit is not None and hit.end >= token.end:
                    return hit
        return None

    def _may_start_lower(self, word: str) -> bool:
        """Whether a lower-case word may be the first word of an organisation name, as
        written or declined (des kirgisischen Innenministeriums); remembered per word."""
        try:
            return self._lower_starts[word]
        except KeyError:
            pass
        starts = self.index.lower_starts
        found = word.casefold() in starts or any(b.casefold() in starts for b in lemmas(word))
        if len(self._lower_starts) < _MAX_REMEMBERED:
            self._lower_starts[word] = found
        return found

    def _at(self, text: str, first: Token, step: _Step | None = None) -> Hit | None:
        """The longest name that starts at ``first``, or its acronym; ``step`` is where the
        search stands after the first word, when the caller knows it."""
        start, end, letters = first
        acronym = self.index.acronyms.get(letters) if letters.isupper() else None
        if step is None:
            step = self._next(self._root, letters)
        found = None  # the longest whole name: its step, words, and its last word's span
        # a name has a capitalised word: "state committee" in lower case is prose, not a name;
        # nor is "New people moved in" at the start of a sentence (see _written_as_prose)
        capitalised, later_capital = letters[:1].isupper(), False
        words, last_start, last_end = 1, start, end
        max_words = self.index.max_words
        while step is not None:
            if step.forms and (capitalised or later_capital) and (
                words == 1 or later_capital or not _written_as_prose(text, start, step.forms)
            ):
                found = (step, words, last_start, last_end)
            if not step.goes_on or words == max_words:
                break
            match = next_word(text, last_end)
            if match is None:
                break
            word = match.group(1)
            step = self._next(step, word)
            words += 1
            last_start, last_end = match.span(1)
            later_capital = later_capital or word[:1].isupper()
        if acronym and (found is None or found[1] == 1):  # "МЧС", but "МЧС России" whole
            return Hit(start, end, tuple(acronym), "acronym", end)
        if found is None:
            return None
        step, words, last_start, last_end = found
        if words == 1 and _too_short_to_key(letters) and not _spelled(letters, step.forms):
            return None  # "A" is not "Aya", "UTC" is not "Osh": short keys fold too much
        stem_end = last_end
        if step.stem is not None:  # an ending was cut off the last word
            stem_end = last_start + _stem_length(text[last_start:last_end], step.stem)
        hit = (start, last_end, step.forms, step.method, stem_end, step.inflected, 1.0)
        return new_tuple(Hit, hit)

    def _next(self, step: _Step, word: str) -> _Step | None:
        """Where the search stands after ``word``, remembered per step and word as written
        (format characters are taken out here, on the first visit): the same names and the
        same words after them come again and again."""
        try:
            return step.after[word]
        except KeyError:
            pass
        paths = self._extend(step.paths, strip_format(word), step.depth)
        found = _Step.of(paths, self.index.by_key, self._continued) if paths else None
        if self._steps < _MAX_REMEMBERED:
            step.after[word] = found
            self._steps += 1
        return found

    def _stands(self, keys: tuple[str, ...]) -> bool:
        """Whether a search may stand on ``keys``: a name's key, or the start of a longer
        name's key."""
        return keys in self._continued or keys in self.index.by_key

    def _extend(self, paths: tuple[_Path, ...], word: str, depth: int) -> tuple[_Path, ...]:
        """The paths that ``word`` continues: by its key, else as another scheme's spelling,
        else by a base form (inflection)."""
        own, *others = self.index.word_keys(word)
        stands = self._stands
        out = [_Path(keys, p.inflected, "", p.respelled) for p in paths
               if stands(keys := (*p.keys, own))]  # fmt: skip
        if not out:
            out = [_Path(keys, p.inflected, "", True) for p in paths for key in others
                   if stands(keys := (*p.keys, key))]  # fmt: skip
        if out:
            return tuple(out)
        seen = set()
        for path in paths:
            for base in lemmas(word):
                keys = (*path.keys, name_key(base))
                if stands(keys) and keys not in seen:
                    seen.add(keys)
                    out.append(_Path(keys, (*path.inflected, depth), base, path.respelled))
        return tuple(out)


_SENTENCE_END = frozenset(".!?…:\n")
_OPENING = frozenset(" \t\u00a0\"'“”‘’«»„([–—")  # before a sentence's first word


def _written_as_prose(text: str, start: int, forms: tuple[Form, ...]) -> bool:
    """Whether a name of several words whose only capital is its first letter reads as
    prose: it starts a sentence, so the capital says nothing, and every form capitalises a
    later word other than a type word, which the text writes in lower case ("New people
    moved in" is not the party New People; "Чуйская область" and "Osh region" are names)."""
    before = start
    while before and text[before - 1] in _OPENING:
        before -= 1
    if before and text[before - 1] not in _SENTENCE_END:
        return False
    return not any(_lower_after_first(form.text) for form in forms)


@functools.lru_cache(maxsize=1 << 12)
def _lower_after_first(name: str) -> bool:
    """Whether a name writes its words after the first in lower case, type words aside
    (Osh region, Chuy valley: text writes them either way)."""
    later = WORD.findall(name)[1:]
    return not any(word[:1].isupper() and name_key(word) not in CUE_WORDS for word in later)


def _stem_length(surface: str, stem: str) -> int:
    """Characters of a word's ``surface`` covered by ``stem`` when the stem is a prefix,
    else all."""
    return len(stem) if surface.lower().startswith(stem.lower()) else len(surface)


def _too_short_to_key(word: str) -> bool:
    """Words that must be spelled as a name is, not merely share its key: very short ones,
    and short ones in capitals (acronyms such as UTC)."""
    return len(word) <= _MAX_ACRONYM and (len(word) < _MIN_KEYED or word.isupper())


def _spelled(word: str, forms: tuple[Form, ...]) -> bool:
    return any(fold(form.text) == fold(word) for form in forms)


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)
