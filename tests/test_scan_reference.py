"""The fast scan agrees with a slow, obviously-correct reference on texts built from
gazetteer names.

The reference tries, at every capitalised word, every run of joined words up to the longest
name, reading each word as the scan does (its own key, failing that a respelled key, failing
that the key of a base form), against plain sets of all indexed key tuples and their starts:
no per-word memo, no remembered routes, no early stop.
"""

from __future__ import annotations

import functools
import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import translit_norm as tn
from translit_norm.index import NameIndex
from translit_norm.inflection import lemmas
from translit_norm.keys import name_key
from translit_norm.scan import Scanner
from translit_norm.text import NEXT_WORD, WORD, Token, token_of
from translit_norm.vocabulary import CUE_WORDS

FILLER = ["said", "met", "in", "and", "visited", "from", "near", "on", "Monday", "police"]
SEPARATORS = [" ", ", ", ". ", " - ", "\n", "’s "]


def tokenise(text: str) -> list[Token]:
    return [token_of(match) for match in WORD.finditer(text)]


def joined(text: str, left: Token, right: Token) -> bool:
    """``right`` is the word joined to ``left`` (adjacent words of one name)."""
    following = NEXT_WORD.match(text, left.end)
    return following is not None and following.start(1) == right.start


def reference_spans(normaliser: tn.Normaliser, text: str) -> list[tuple[int, int]]:
    index, starts = normaliser._index, _starts(normaliser)
    tokens = tokenise(text)
    spans, i = [], 0
    while i < len(tokens):
        first = tokens[i]
        if not first.word[:1].isupper():
            i += 1
            continue
        acronym = first.word in index.acronyms and first.word.isupper()
        best: tuple[int, int] | None = None  # (words, inflected words), best so far
        for length in range(1, index.max_words + 1):
            run = tokens[i : i + length]
            if len(run) < length or not all(joined(text, a, b) for a, b in itertools.pairwise(run)):
                break
            named = [(keys, n) for keys, n in _readings(run, index, starts)
                     if keys in index.by_key]  # fmt: skip
            if length > 1 and _prose_at_sentence_start(text, run, index, named):
                named = []
            if named:
                found = min(n for _, n in named)
                if best is None or (length, -found) > (best[0], -best[1]):
                    best = (length, found)
        if acronym and (best is None or best[0] == 1):  # an acronym unless a longer name
            best = (1, 0)
        if best is None:
            i += 1
            continue
        run = tokens[i : i + best[0]]
        spans.append((run[0].start, run[-1].end))
        i += best[0]
    return spans


def _readings(
    run: list[Token], index: NameIndex, starts: frozenset[tuple[str, ...]]
) -> list[tuple[tuple[str, ...], int]]:
    """Every reading of ``run`` that is in ``starts`` (an indexed name or the start of
    one), with how many words it reads through a base form. Word by word: its own key,
    failing that another scheme's spelling of an indexed word, failing that a base form."""
    paths: list[tuple[tuple[str, ...], int]] = [((), 0)]
    for token in run:
        own, *others = index.word_keys(token.word)
        bases = [(name_key(base), 1) for base in lemmas(token.word)]
        for choices in ([(own, 0)], [(key, 0) for key in others], bases):
            extended = [((*keys, key), n + flag) for keys, n in paths for key, flag in choices
                        if (*keys, key) in starts]  # fmt: skip
            if extended:
                break
        paths = extended
    return paths


@functools.cache
def _starts(normaliser: tn.Normaliser) -> frozenset[tuple[str, ...]]:
    """Every indexed name's key and every start of one."""
    names = normaliser._index.by_key
    return frozenset(keys[:n] for keys in names for n in range(1, len(keys) + 1))


def _prose_at_sentence_start(
    text: str, run: list[Token], index: NameIndex, named: list[tuple[tuple[str, ...], int]]
) -> bool:
    """Words whose only capital is the first letter of a sentence, where every name they
    may be (``named``) capitalises a later word other than a type word ("New people moved
    in"), are prose."""
    if any(t.word[:1].isupper() for t in run[1:]):
        return False
    if not re.search(r"(?:\A|[.!?…:\n])[ \t\u00a0\"'“”‘’«»„(\[–—]*\Z", text[: run[0].start]):
        return False
    forms = [form for keys, _ in named for form in index.by_key[keys]]
    return all(any(w[:1].isupper() and name_key(w) not in CUE_WORDS
                   for w in WORD.findall(f.text)[1:]) for f in forms)  # fmt: skip


def _names(normaliser: tn.Normaliser) -> list[str]:
    found = []
    for entity in list(normaliser.gazetteer)[::7]:
        for name in (entity.canonical, *entity.aliases[:2], *entity.names.get("ru", ())[:1]):
            if name[:1].isupper():
                found.append(name)
    return found


NORMALISER = tn.default_normaliser()
NAMES = _names(NORMALISER)
EXACT_SCAN = Scanner(NORMALISER._index, fuzzy=False)  # the reference has no fuzzy stage


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(NAMES + FILLER), st.sampled_from(SEPARATORS)),
        min_size=1,
        max_size=12,
    )
)
def test_fast_scan_agrees_with_reference(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in pieces)
    fast = [(hit.start, hit.end) for hit in EXACT_SCAN.scan(text)]
    assert fast == reference_spans(NORMALISER, text)


def test_reference_finds_names() -> None:
    text = "Almazbek Atambaev met Sooronbai Jeenbekov in Koi-Tash."
    assert len(reference_spans(NORMALISER, text)) == 3


def test_reference_and_scan_agree_at_a_sentence_start() -> None:
    text = "It rained. New people moved in; New people won. New People won."
    fast = [(hit.start, hit.end) for hit in EXACT_SCAN.scan(text)]
    assert fast == reference_spans(NORMALISER, text)
    assert [text[start:end] for start, end in fast] == ["New people", "New People"]
    sentence = "It rained. Chui region farmers met."
    assert [(h.start, h.end) for h in EXACT_SCAN.scan(sentence)] == reference_spans(
        NORMALISER, sentence
    ) == [(11, 22)]
