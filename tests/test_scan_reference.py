"""The fast scan agrees with a slow, obviously-correct reference on texts built from
gazetteer names.

The reference tries, at every capitalised word, every run of joined words up to the longest
name, with every reading of each word (its own key, a respelled key or the key of a base
form), against a plain set of all indexed key tuples: no prefix pruning, no per-word memo,
no early stop.
"""

from __future__ import annotations

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
    index = normaliser._index
    names = set(index.by_key)
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
            found = _best_reading(run, names, index)
            if found is not None and length > 1 and _prose_at_sentence_start(text, run, index):
                found = None
            if found is not None and (best is None or (length, -found) > (best[0], -best[1])):
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


def _prose_at_sentence_start(text: str, run: list[Token], index: NameIndex) -> bool:
    """Words whose only capital is the first letter of a sentence, where every name they
    may be capitalises a later word other than a type word ("New people moved in"), are
    prose."""
    if any(t.word[:1].isupper() for t in run[1:]):
        return False
    if not re.search(r"(?:\A|[.!?…:\n])[ \t\u00a0\"'“”‘’«»„(\[–—]*\Z", text[: run[0].start]):
        return False
    forms = [f for keys in index.by_key if len(keys) == len(run) for f in index.by_key[keys]
             if _matches(run, keys, index)]  # fmt: skip
    return all(any(w[:1].isupper() and name_key(w) not in CUE_WORDS
                   for w in WORD.findall(f.text)[1:]) for f in forms)  # fmt: skip


def _matches(run: list[Token], keys: tuple[str, ...], index: NameIndex) -> bool:
    """Whether some reading of each word of ``run`` has the key at its place in ``keys``."""
    return all(key in {*index.word_keys(t.word), *(name_key(b) for b in lemmas(t.word))}
               for t, key in zip(run, keys, strict=True))  # fmt: skip


def _best_reading(run: list[Token], names: set[tuple[str, ...]], index: NameIndex) -> int | None:
    """Fewest inflected words of any reading of ``run`` that is an indexed name. A word
    reads as its own key, another scheme's spelling of an indexed word, or a base form."""
    choices = [
        [(key, 0) for key in index.word_keys(t.word)] + [(name_key(b), 1) for b in lemmas(t.word)]
        for t in run
    ]
    counts = [
        sum(flag for _, flag in reading)
        for reading in itertools.product(*choices)
        if tuple(key for key, _ in reading) in names
    ]
    return min(counts) if counts else None


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
