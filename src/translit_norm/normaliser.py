"""The :class:`Normaliser`: a compiled, reusable matcher over a set of gazetteers."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from . import startcache
from .decide import Decision, decide
from .errors import TranslitNormError
from .gazetteer import Gazetteer, load_gazetteer
from .index import NameIndex
from .model import Candidate, Mention, parse_kinds
from .render import ID_MARKUP, Style, rewrite
from .scan import Scanner
from .text import apply_edits

DEFAULT_MIN_SCORE = 0.8
# Mark-up written by style="id"; text inside it is never matched again.
_MARKUP = regex.compile(
    regex.escape(ID_MARKUP).replace(r"\{id\}", r'[^"<>]*').replace(r"\{text\}", r"[^<>]*")
)

GazetteerSource = str | Path | Gazetteer

if TYPE_CHECKING:
    from .resolver import Resolver


class Normaliser:
    """Finds and rewrites entity mentions; build once, reuse for many texts.

    >>> n = Normaliser()
    >>> n.normalise("Atambaev met Zheenbekov in Koi-Tash.")
    'Atambayev met Jeenbekov in Koy-Tash.'
    """

    def __init__(
        self,
        gazetteers: Iterable[GazetteerSource] = (),
        *,
        bundled: bool = True,
        min_score: float = DEFAULT_MIN_SCORE,
        kinds: object = None,
        fuzzy: bool = True,
    ) -> None:
        """``gazetteers``: files or :class:`Gazetteer` objects added to (and overriding) the
        bundled data; ``bundled=False`` uses only them. ``min_score`` and ``kinds`` are the
        defaults of the methods' keyword arguments of the same names; ``fuzzy=False`` turns
        off near-miss matching of single words in text."""
        compiled = startcache.bundled() if bundled else None
        merged = compiled.gazetteer if compiled is not None else Gazetteer.of((), "none")
        for source in gazetteers:
            merged = merged | (source if isinstance(source, Gazetteer) else load_gazetteer(source))
        self.gazetteer = merged
        # The bundled set alone is compiled once per process (and cached across processes).
        self._compiled = compiled if compiled is not None and merged is compiled.gazetteer else None
        self.min_score = _check_score(min_score)
        self.kinds = parse_kinds(kinds)
        self.fuzzy = fuzzy

    @functools.cached_property
    def _index(self) -> NameIndex:
        if self._compiled is not None:
            return self._compiled.index
        return NameIndex.build(self.gazetteer)

    @functools.cached_property
    def _scanner(self) -> Scanner:
        if self._compiled is not None and self.fuzzy:
            return self._compiled.scanner
        return Scanner(self._index, fuzzy=self.fuzzy)

    @functools.cached_property
    def _resolver(self) -> Resolver:
        from .resolver import Resolver  # rapidfuzz is imported only when resolve() is used

        return Resolver(self._index)

    def find_entities(
        self,
        text: str,
        *,
        kinds: object = None,
        min_score: float | None = None,
        style: str = "canonical",
        abstentions: bool = False,
    ) -> list[Mention]:
        """The mentions of known entities in ``text``, in order, each with the
        ``replacement`` that ``normalise(text, style=style)`` writes. With
        ``abstentions=True``, spans left as written (ambiguous, or too weak) are included
        with ``method="abstain"`` and the reason."""
        return self._mentions(text, kinds, min_score, abstentions, Style.parse(style))

    def normalise(
        self,
        text: str,
        *,
        style: str = "canonical",
        kinds: object = None,
        min_score: float | None = None,
    ) -> str:
        """``text`` with every mention rewritten to its entity's name in ``style``; all
        other characters unchanged."""
        chosen, floor = Style.parse(style), self._floor(min_score)
        edits = []  # made without Mention objects: only the replacements are needed
        for hit, entity, form, score, _, _ in self._decisions(text, kinds, abstentions=False):
            if entity is not None and form is not None and score >= floor:
                new, _ = rewrite(text, hit, form, chosen)
                edits.append((hit.start, hit.end, new))
        return apply_edits(text, edits)

    def resolve(self, name: str, *, kind: object = None, limit: int = 5) -> list[Candidate]:
        """Entities ``name`` may denote, best first; ``[]`` when none is close enough."""
        kinds = parse_kinds(kind) if kind is not None else self.kinds
        return self._resolver.resolve(name, kinds=kinds, limit=limit)

    def _mentions(
        self,
        text: str,
        kinds: object,
        min_score: float | None,
        abstentions: bool,
        style: Style,
    ) -> list[Mention]:
        floor = self._floor(min_score)
        mentions = []
        for decision in self._decisions(text, kinds, abstentions=abstentions):
            mention = _mention(text, decision, style, floor)
            if mention is not None and (abstentions or mention.method != "abstain"):
                mentions.append(mention)
        return mentions

    def _decisions(self, text: str, kinds: object, *, abstentions: bool) -> Iterator[Decision]:
        """What each span of ``text`` that names a known entity is decided to name (with the
        spans left as written when ``abstentions``)."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        wanted = parse_kinds(kinds) if kinds is not None else self.kinds
        protected = [m.span() for m in _MARKUP.finditer(text)] if "<entity" in text else []
        hits = self._scanner.scan(text, protected)
        return decide(hits, text, wanted, abstentions=abstentions,
                      index=self._index)  # fmt: skip

    def _floor(self, min_score: float | None) -> float:
        return self.min_score if min_score is None else _check_score(min_score)


def _mention(text: str, decision: Decision, style: Style, floor: float) -> Mention | None:
    hit, form = decision.hit, decision.form
    if form is None:
        return None
    surface = text[hit.start : hit.end]
    if decision.entity is None or decision.score < floor:
        why = decision.reason
        if decision.entity is not None:
            why = f"left as written: score {decision.score} < min_score {floor}; {why}"
        return Mention(hit.start, hit.end, surface, form.entity, surface, decision.score,
                       "abstain", why, form.role.value)  # fmt: skip
    new, kept = rewrite(text, hit, form, style)
    reason = decision.reason if kept is None else f"{decision.reason}; left as written: {kept}"
    return Mention(hit.start, hit.end, surface, decision.entity, new, decision.score,
                   decision.method, reason, form.role.value)  # fmt: skip


def apply(text: str, mentions: Iterable[Mention]) -> str:
    """Write each mention's replacement into ``text``; everything else is kept as it is."""
    return apply_edits(text, [(m.start, m.end, m.replacement) for m in mentions])


def _check_score(value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise TranslitNormError(f"min_score must be between 0 and 1, not {value!r}")
    return float(value)
