"""Latin -> Cyrillic: candidate Russian/Kyrgyz spellings of a romanised name.

The inverse tables come from the schemes themselves: every Latin chunk a common scheme
writes for a Cyrillic letter (``zh`` -> ж, ``dsch`` -> ж, ``ye`` -> е, ``ï`` -> й ...) is an
option, weighted by how many schemes write it. A beam search segments the Latin word into
chunks, preferring fewer, likelier chunks, with one contextual hint: ``y``/``i``/``j`` after
a vowel is more often й, and ы seldom follows a vowel; a letter-frequency prior breaks ties
(``o`` is о far more often than ё). The result is a ranked guess, not a dictionary lookup.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Mapping

from .romanise import get_scheme

__all__ = ["cyrillic_candidates"]

_SOURCE_SCHEMES = {
    "ky": ("english_press", "bgn_pcgn", "passport", "german", "french", "polish", "czech",
           "turkish"),
    "ru": ("english_press", "bgn_pcgn", "wikipedia", "passport", "mvd_782", "german",
           "french", "polish", "czech"),
}
_CHUNK_COST = math.log(0.4)  # prior per chunk: fewer chunks (sh -> ш, not с + х) win
_VOWELS = set("аеёиоуыэюяөү")
_LATIN_VOWELS = set("aeiouyäöüïëéèêáàâíìîóòôúùû")
# (letter, follows a vowel) -> log bonus: й mostly follows a vowel, ы almost never does.
_CONTEXT = {("й", True): math.log(2.0), ("й", False): math.log(0.1), ("ы", True): math.log(0.1)}
_BEAM = 64
# Letter frequencies per thousand in Russian and Kyrgyz running text (rounded; ё as usually
# printed, i.e. rare): the prior that makes o -> о beat o -> ё and e -> е beat e -> э.
_FREQUENCY = {
    "о": 110, "е": 85, "а": 80, "и": 74, "н": 67, "т": 63, "с": 55, "р": 47, "в": 45, "л": 44,
    "к": 35, "м": 32, "д": 30, "п": 28, "у": 26, "я": 20, "ы": 19, "ь": 17, "г": 17, "з": 16,
    "б": 16, "ч": 14, "ү": 14, "й": 12, "х": 10, "ө": 10, "ж": 9, "ң": 8, "ш": 7, "ю": 6,
    "ц": 5, "щ": 4, "э": 3, "ф": 3, "ё": 1, "ъ": 1,
}
_CONTEXT_WEIGHT = 0.1  # a spelling only seen in a context rule (ye, je, ïe) counts less


Inverse = Mapping[str, tuple[tuple[str, float], ...]]


def _normalised(counts: dict[str, dict[str, float]]) -> Inverse:
    return {
        chunk: tuple(
            (cyr, math.log(n / sum(weights.values())))
            for cyr, n in sorted(weights.items(), key=lambda item: -item[1])
        )
        for chunk, weights in counts.items()
    }


@functools.cache
def _inverse() -> tuple[Inverse, Inverse]:
    """Latin chunk -> ((Cyrillic, log P(Cyrillic | chunk)), ...), likeliest first; for any
    position, and for word endings (-sky -> -ский)."""
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    endings: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))

    def add(cyrillic: str, latin: str, weight: float) -> None:
        if latin and latin.isalpha() and cyrillic in _FREQUENCY:
            counts[latin.lower()][cyrillic] += weight * _FREQUENCY[cyrillic]

    for lang, names in _SOURCE_SCHEMES.items():
        for name in names:
            scheme = get_scheme(lang, name)
            for cyrillic, latin in scheme.letters.items():
                add(cyrillic, latin, 1.0)
            for key, latin in scheme.prev.items():
                if len(latin) > 1 or not latin.isascii():
                    add(key[-1], latin, _CONTEXT_WEIGHT)
            for cyrillic, latin in scheme.ending.items():
                endings[latin.lower()][cyrillic] += 1.0
    return _normalised(counts), _normalised(endings)


def _candidates(word: str, limit: int) -> list[tuple[float, str]]:
    """Ranked Cyrillic readings of one lower-case Latin word."""
    inverse, endings = _inverse()
    longest = max(map(len, inverse))
    beams: list[list[tuple[float, str]]] = [[] for _ in range(len(word) + 1)]
    beams[0] = [(0.0, "")]
    for start in range(len(word)):
        beams[start].sort(reverse=True)
        for score, cyr in beams[start][:_BEAM]:
            matched = False
            for end in range(start + 1, min(len(word), start + longest) + 1):
                options = inverse.get(word[start:end], ())
                if end == len(word) and start and word[start - 1] not in _LATIN_VOWELS:
                    # a two-letter ending costs two chunks: -sky is -ский, Chuy is not Чуый
                    options += tuple((c, p + _CHUNK_COST) for c, p in endings.get(word[start:], ()))
                for letter, logp in options:
                    matched = True
                    bonus = _CONTEXT.get((letter, bool(cyr) and cyr[-1] in _VOWELS), 0.0)
                    beams[end].append((score + logp + _CHUNK_COST + bonus, cyr + letter))
            if not matched:  # not a letter any scheme writes: keep it
                beams[start + 1].append((score + _CHUNK_COST, cyr + word[start]))
    return sorted(set(beams[-1]), reverse=True)[:limit]


def _cased(cyr: str, latin: str) -> str:
    if len(latin) > 1 and latin.isupper():
        return cyr.upper()
    return cyr[:1].upper() + cyr[1:] if latin[:1].isupper() else cyr


def cyrillic_candidates(latin: str, *, limit: int = 10) -> list[str]:
    """Candidate Cyrillic spellings of a Latin name, likeliest first (at most ``limit``).

    Words are read separately and combined; hyphens and spaces are kept.

    >>> cyrillic_candidates("Atambaev")[0]
    'Атамбаев'
    """
    combined: list[tuple[float, str]] = [(0.0, "")]
    for part in _parts(latin):
        if not part.isalpha():
            combined = [(score, text + part) for score, text in combined]
            continue
        readings = [(s, _cased(c, part)) for s, c in _candidates(part.lower(), limit)]
        combined = sorted(
            ((s1 + s2, t1 + t2) for s1, t1 in combined for s2, t2 in readings), reverse=True
        )[:limit]
    return [text for _, text in combined if text]


def _parts(text: str) -> list[str]:
    """``text`` split into runs of letters and runs of anything else."""
    parts: list[str] = []
    for char in text:
        if parts and parts[-1][-1].isalpha() == char.isalpha():
            parts[-1] += char
        else:
            parts.append(char)
    return parts
