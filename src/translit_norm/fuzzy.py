"""The last, cheapest-to-skip stage of the scan: a capitalised word that no name's key
fits exactly may still be a misspelling of one (*Atambayevv*, *Jenbekov*).

Candidates share the key's first letter (a misspelling rarely starts a name wrong, and an
ordinary word with another first letter must not become a name) and its length (±2), and
then either its second letter or its last two: a misspelling that leaves one of those alone
meets its name in a block, and a look-up compares against a few small blocks, not every key
with that first letter, so its cost grows far slower than the gazetteer. Results are
remembered per word. A fuzzy reading is weak: it needs support from the rest of the text like
a surname alone (see :mod:`translit_norm.decide`).
"""

from __future__ import annotations

from collections import defaultdict

from .keys import name_key

MIN_LETTERS = 6  # shorter words are too often ordinary words one letter away from a name
CUTOFF = 88.0  # rapidfuzz ratio (0-100) between keys
_SPREAD = 2  # block neighbours: keys up to two letters longer or shorter
_MAX_REMEMBERED = 1 << 16


class FuzzyIndex:
    """Single-word keys of the index, blocked by first letter and length."""

    def __init__(self, keys: list[str]) -> None:
        blocks: dict[tuple[str, int], set[str]] = defaultdict(set)
        for key in set(keys):
            if len(key) >= MIN_LETTERS - 1:
                for end in _ends(key):
                    blocks[end, len(key)].add(key)
        self._blocks = {k: sorted(v) for k, v in blocks.items()}
        self._seen: dict[str, tuple[str, float] | None] = {}

    def nearest(self, word: str) -> tuple[str, float] | None:
        """The closest indexed key to ``word``'s key and its similarity (0-1), if close."""
        if word in self._seen:
            return self._seen[word]
        found = None
        key = name_key(word)
        if len(word) >= MIN_LETTERS and key:
            from rapidfuzz import fuzz, process  # imported on the first near-miss look-up

            best: tuple[str, float] | None = None
            for size in range(len(key) - _SPREAD, len(key) + _SPREAD + 1):
                for end in _ends(key):
                    choices = self._blocks.get((end, size))
                    if not choices:
                        continue
                    cutoff = CUTOFF if best is None else best[1]
                    hit = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
                    if hit is not None and (best is None or hit[1] > best[1]):
                        best = (hit[0], hit[1])
            if best is not None and best[0] != key:
                found = (best[0], round(best[1] / 100, 3))
        if len(self._seen) < _MAX_REMEMBERED:
            self._seen[word] = found
        return found


def _ends(key: str) -> tuple[str, str]:
    """The two block labels of a key: its first two letters; its first and last two."""
    return key[:2], key[0] + "…" + key[-2:]
