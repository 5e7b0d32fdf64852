"""The last, cheapest-to-skip stage of the scan: a capitalised word that no name's key
fits exactly may still be a misspelling of one (*Atambayevv*, *Jenbekov*).

Candidates are blocked by the first letter of the key and its length (±2), so the cost of one
look-up does not grow with the gazetteer: it compares against the keys of one block only.
Results are remembered per word. A fuzzy reading is weak: it needs support from the rest of
the text like a surname alone (see :mod:`translit_norm.decide`).
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz, process

from .keys import name_key

MIN_LETTERS = 6  # shorter words are too often ordinary words one letter away from a name
CUTOFF = 88.0  # rapidfuzz ratio (0-100) between keys
_SPREAD = 2  # block neighbours: keys up to two letters longer or shorter
_MAX_REMEMBERED = 1 << 16


class FuzzyIndex:
    """Single-word keys of the index, blocked by first letter and length."""

    def __init__(self, keys: list[str]) -> None:
        blocks: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key in set(keys):
            if len(key) >= MIN_LETTERS - 1:
                blocks[key[0], len(key)].append(key)
        self._blocks = {k: sorted(v) for k, v in blocks.items()}
        self._seen: dict[str, tuple[str, float] | None] = {}

    def nearest(self, word: str) -> tuple[str, float] | None:
        """The closest indexed key to ``word``'s key and its similarity (0-1), if close."""
        if word in self._seen:
            return self._seen[word]
        found = None
        key = name_key(word)
        if len(word) >= MIN_LETTERS and key:
            choices = [
                candidate
                for size in range(len(key) - _SPREAD, len(key) + _SPREAD + 1)
                for candidate in self._blocks.get((key[0], size), ())
            ]
            best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=CUTOFF)
            if best is not None and best[0] != key:
                found = (best[0], round(best[1] / 100, 3))
        if len(self._seen) < _MAX_REMEMBERED:
            self._seen[word] = found
        return found
