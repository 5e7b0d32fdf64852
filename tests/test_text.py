"""The look-around of a name: the fast paths for plain words find what the general
patterns find, at every offset of texts that mix the characters where they could differ."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from translit_norm.text import _CONTEXT_CHARS, _JOINED_BEFORE, NEXT_WORD, next_word, word_before

# Plain letters of the fast paths and letters beyond them (ÿ at the edge of Latin-1, ǀ at
# the end of Latin Extended-B, Ҋ after the Cyrillic signs, Greek), a multiplication sign
# inside the Latin-1 letters, a Cyrillic sign, combining marks, format characters (soft
# hyphen, zero-width space), and what may stand between words: every kind of joiner, and
# punctuation.
_LETTERS = "aZèÿǀɏжЯҊ҂ωΣ×÷\u0301\u0483\u00ad\u200b0_"
_BETWEEN = [" ", "  ", "-", " - ", "\u2010", "\u2011", "\n", " \r\n ", "\t", "\u00a0",
            "\u202f", "'", "\u2019", ", ", ". ", "(", ")", "[", "\"", "«", "—", ""]  # fmt: skip
_WORDS = st.text(alphabet=_LETTERS, min_size=1, max_size=4) | st.sampled_from(
    ["village", "Koy-Tash", "of", "Бишкек", "село", "Chüy", "x" * 40]
)
_TEXTS = st.text(alphabet=_LETTERS + "".join(_BETWEEN), max_size=40) | st.lists(
    st.tuples(_WORDS, st.sampled_from(_BETWEEN)), max_size=8
).map(lambda pairs: "".join(word + between for word, between in pairs))


def _span(match: object) -> tuple[int, int] | None:
    return None if match is None else match.span(1)  # type: ignore[attr-defined]


@settings(max_examples=400)
@given(_TEXTS)
def test_next_word_finds_what_the_general_pattern_finds(text: str) -> None:
    for end in range(len(text) + 1):
        assert _span(next_word(text, end)) == _span(NEXT_WORD.match(text, end)), end


@settings(max_examples=400)
@given(_TEXTS)
def test_word_before_finds_what_the_general_pattern_finds(text: str) -> None:
    for before in range(len(text) + 1):
        general = _JOINED_BEFORE.match(text, max(0, before - _CONTEXT_CHARS), before)
        assert _span(word_before(text, before)) == _span(general), before


def test_plain_words_on_both_sides_of_a_name() -> None:
    text = "the village of Koy-Tash village, in Бишкек район."
    start = text.index("Koy")
    assert word_before(text, start).group(1) == "of"  # type: ignore[union-attr]
    assert next_word(text, start + len("Koy-Tash")).group(1) == "village"  # type: ignore[union-attr]
    assert next_word(text, text.index(",")) is None
    assert next_word(text, text.index("Бишкек") + 6).group(1) == "район"  # type: ignore[union-attr]
    assert next_word(text, len(text)) is None
