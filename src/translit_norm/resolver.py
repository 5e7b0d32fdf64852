"""``resolve``: rank the entities a single name may denote."""

from __future__ import annotations

import functools
import itertools
import math

from rapidfuzz import fuzz, process

from .index import Form, NameIndex, fold, key_of
from .inflection import lemmas
from .keys import name_key
from .model import Candidate, Entity, Kind
from .text import words

FUZZY_CUTOFF = 85.0  # rapidfuzz ratio (0-100) of joined keys
_FUZZY_WEIGHT = 0.9
_MAX_RESPELLED = 64  # word-by-word combinations of respelled keys tried


class Resolver:
    """Looks names up in a :class:`NameIndex`: by exact key, by base form, then fuzzily."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index

    @functools.cached_property
    def _joined(self) -> tuple[list[str], list[tuple[str, ...]]]:
        keys = list(self.index.by_key)
        return ["".join(k) for k in keys], keys

    def resolve(self, name: str, *, kinds: frozenset[Kind] | None, limit: int) -> list[Candidate]:
        """Candidates for ``name``, best first, at most ``limit``; [] when nothing is close."""
        name = name.strip()
        if not name or limit < 1:
            return []
        found: dict[Entity, Candidate] = {}
        for candidate in self._candidates(name):
            if kinds is not None and candidate.entity.kind not in kinds:
                continue
            kept = found.get(candidate.entity)
            if kept is None or candidate.score > kept.score:
                found[candidate.entity] = candidate
        ranked = sorted(
            found.values(),
            key=lambda c: (
                -c.score,
                not c.entity.settlement,  # a bare place name names the town, not the unit
                -math.log10(1 + c.entity.prominence),
                c.entity.id,
            ),
        )
        return ranked[:limit]

    def _candidates(self, name: str) -> list[Candidate]:
        if name in self.index.acronyms:
            return [
                _candidate(f, 1.0, "acronym", f"the acronym {f.text!r}")
                for f in self.index.acronyms[name]
            ]
        keys = key_of(name)
        exact = [
            _candidate(
                f,
                1.0 if fold(f.text) == fold(name) else 0.95,
                "exact" if fold(f.text) == fold(name) else "key",
                f"{'spelled as' if fold(f.text) == fold(name) else 'a spelling of'} {f.text!r}",
            )
            for f in self.index.lookup(keys)
        ]
        if exact:
            return exact
        parts = words(name)
        respelled = self._respelled(parts)
        if respelled:
            return respelled
        if parts:
            for base in lemmas(parts[-1]):
                forms = self.index.lookup((*keys[:-1], name_key(base)))
                if forms:
                    return [
                        _candidate(f, 0.9, "inflection", f"an inflected form of {f.text!r}")
                        for f in forms
                    ]
        return self._fuzzy("".join(keys))

    def _respelled(self, parts: list[str]) -> list[Candidate]:
        """Forms of which ``parts`` is another scheme's spelling, word by word."""
        options = [self.index.word_keys(part) for part in parts]
        if all(len(o) == 1 for o in options):
            return []
        found = []
        for combination in itertools.islice(itertools.product(*options), 1, _MAX_RESPELLED):
            found += [
                _candidate(f, 0.9, "variant", f"another romanisation of {f.text!r}")
                for f in self.index.lookup(combination)
            ]
        return found

    def _fuzzy(self, joined: str) -> list[Candidate]:
        choices, keys = self._joined
        out = []
        for _, similarity, position in process.extract(
            joined, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=20
        ):
            for form in self.index.by_key[keys[position]]:
                out.append(
                    _candidate(
                        form,
                        round(similarity / 100 * _FUZZY_WEIGHT, 3),
                        "fuzzy",
                        f"close to {form.text!r} ({similarity:.0f}% of the key)",
                    )
                )
        return out


def _candidate(form: Form, score: float, method: str, reason: str) -> Candidate:
    return Candidate(form.entity, score, method, f"{reason} ({form.role.value}, {form.lang})")
