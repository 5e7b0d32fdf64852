"""Deciding what each scanned span names, with the whole text as context.

A span's key may fit several entities (villages called Koy-Tash, Osh the city and the
region) or need support (a surname alone, a generic "Security Council"). Spans that one
entity fits without doubt are decided first; they are the context for the rest: cue words
next to the span ("village", "region", "lake", "область"), entities that contain or are
contained by entities already found, the text's country, and prominence. When that still
leaves a tie, the span is not rewritten and the reason says why.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from typing import NamedTuple

from .index import Form, Role, fold
from .inflection import is_common_word
from .keys import name_key
from .model import Entity, Kind
from .scan import Hit
from .text import NEXT_WORD, previous_word, strip_format
from .vocabulary import CUE_WORDS

# Persons whose surname alone names them in any text (presidents, prime ministers…): the
# gazetteer gives them this prominence or more.
PROMINENT_PERSON = 70.0
# Places whose one-word name is matched without other support: capitals and big cities
# (population), per country; elsewhere a million.
PROMINENT_PLACE = {"KG": 200_000.0}
# Below this population a one-word place name needs a cue word or a unit around it.
SMALL_PLACE = 10_000.0
_BASE = {"exact": 1.0, "acronym": 1.0, "key": 0.95, "variant": 0.9, "inflection": 0.9,
         "fuzzy": 0.9}  # fmt: skip
_ROLE = {Role.FULL: 1.0, Role.FAMILY_GIVEN: 1.0, Role.ACRONYM: 1.0, Role.FAMILY: 0.95}


class Decision(NamedTuple):
    """The outcome for one hit: an entity (or None to abstain), its form, score and why."""

    hit: Hit
    entity: Entity | None
    form: Form | None
    score: float
    method: str
    reason: str


def decide(hits: list[Hit], text: str, kinds: frozenset[Kind] | None) -> list[Decision]:
    """Decide every hit of one text."""
    readings = []
    for hit in hits:
        span = text[hit.start : hit.end]
        stem = hit.stem_end - hit.start
        readings.append(_reading(hit.forms, span, stem, hit.method, hit.similarity, kinds))
    context = _Context([sure[0] for _, sure, _ in readings if sure is not None])
    decisions = []
    contested: dict[tuple[object, ...], Decision] = {}  # the same name in the same setting
    for hit, (forms, sure, places) in zip(hits, readings, strict=True):
        if sure is not None:
            decisions.append(_new_decision(Decision, (hit, *sure)))
            continue
        if not forms:
            continue
        # cue words only tell places apart: the look-around is skipped when no place fits
        cue = _cue(hit, text) if places else None
        setting = (forms, text[hit.start : hit.end], hit.stem_end - hit.start, hit.method,
                   hit.similarity, cue)  # fmt: skip
        done = contested.get(setting)
        if done is None:
            done = contested[setting] = _contest(hit, list(forms), text, context, cue)
        decisions.append(Decision(hit, *done[1:]))
    return decisions


_new_decision = tuple.__new__  # a Decision made directly: one per mention
_ROLE_RANK = {Role.FULL: 0, Role.FAMILY_GIVEN: 1, Role.ACRONYM: 2, Role.FAMILY: 3}
_Sure = tuple[Entity, Form, float, str, str]  # a Decision without its hit


@functools.lru_cache(maxsize=1 << 16)
def _reading(
    forms: tuple[Form, ...],
    surface: str,
    stem: int,
    method: str,
    similarity: float,
    kinds: frozenset[Kind] | None,
) -> tuple[tuple[Form, ...], _Sure | None, bool]:
    """What a span may name, remembered (names recur): one form per entity (exact spellings
    first, then by role, kinds filtered); the decision, when one form is the only one and
    needs no support from the rest of the text; and whether a place is among them.
    ``stem`` is where the matched base form ends in ``surface``."""
    folded = fold(surface[:stem])
    best: dict[str, Form] = {}
    for form in sorted(forms, key=lambda f: (fold(f.text) != folded, _ROLE_RANK[f.role])):
        if kinds is None or form.entity.kind in kinds:
            best.setdefault(form.entity.id, form)
    options = tuple(best.values())
    sure = None
    if len(options) == 1 and not _needs_support(options[0], method == "fuzzy"):
        how = _method(method, surface, options[0])
        score, reason = _verdict(options[0], how, similarity, 1.0, "the only entity with this name")
        sure = (options[0].entity, options[0], score, how, reason)
    return options, sure, any(f.entity.kind is Kind.PLACE for f in options)


def _needs_support(form: Form, fuzzy: bool) -> bool:
    """Whether a reading needs other mentions in the text to back it (see ``_unsupported``);
    ``fuzzy`` for a near miss."""
    entity = form.entity
    if fuzzy:
        return True
    if form.role is Role.FAMILY:
        return entity.prominence < PROMINENT_PERSON
    if entity.kind is Kind.PLACE:
        return form.single_word and entity.prominence < PROMINENT_PLACE.get(
            entity.country or "", 1e6
        )
    return form.generic


class _Context:
    """What the confidently decided mentions of a text say about the rest."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        found = list(entities)
        self.ids = {e.id for e in found}
        self.units = {p for e in found for p in _units(e)}
        self.countries = {e.country for e in found if e.country}

    def related(self, entity: Entity) -> bool:
        """The entity is in the text, lies in a unit the text names (Koy-Tash and Chüy
        Region), or contains a place the text names; sharing only a country is not enough."""
        return (
            entity.id in self.ids
            or entity.id in self.units
            or not self.ids.isdisjoint(_units(entity))
        )

    def supports(self, entity: Entity) -> bool:
        return entity.id in self.ids or (entity.country or "") in self.countries


def _units(entity: Entity) -> tuple[str, ...]:
    """The administrative units around a place, without the country (the last parent)."""
    return entity.parents[:-1]


def _method(method: str, surface: str, form: Form) -> str:
    """The hit's method, or "exact" when the surface is spelled as the form."""
    if method == "key" and fold(surface) == fold(form.text):
        return "exact"
    return method


def _accept(hit: Hit, form: Form, text: str, factor: float, why: str) -> Decision:
    method = _method(hit.method, text[hit.start : hit.end], form)
    score, reason = _verdict(form, method, hit.similarity, factor, why)
    return Decision(hit, form.entity, form, score, method, reason)


_HOW = {"exact": "spelled as", "key": "a spelling of", "variant": "another romanisation of",
        "inflection": "an inflected form of", "acronym": "the acronym"}  # fmt: skip


@functools.lru_cache(maxsize=1 << 15)
def _verdict(
    form: Form, method: str, similarity: float, factor: float, why: str
) -> tuple[float, str]:
    """The score and reason of accepting ``form`` (remembered: names recur)."""
    score = round(_BASE[method] * similarity * _ROLE[form.role] * factor, 3)
    how = _HOW.get(method) or f"{similarity:.0%} like"
    return score, f"{how} {form.text!r} ({form.role.value}, {form.lang}); {why}"


def _contest(
    hit: Hit, forms: list[Form], text: str, ctx: _Context, cue: str | None
) -> Decision:
    """The best reading of a span that needs context, or an abstention; ``cue`` is the type
    a cue word next to the span names. Depends on the hit only through its text and method,
    so a text's repeated mentions share the outcome."""
    if len(forms) == 1:
        unsupported = _unsupported(forms[0], hit, text, ctx, cue)
        if unsupported:
            return _abstain(hit, forms, unsupported)
        return _accept(hit, forms[0], text, _support_factor(forms[0], ctx), "supported by the "
                       "other mentions in the text")  # fmt: skip
    surface = fold(text[hit.start : hit.stem_end])

    def rank(form: Form) -> tuple[int, int, int, int, int, int, float]:
        entity = form.entity
        return (
            int(cue is not None and _type_fits(entity, cue)),
            int(ctx.related(entity)),
            # Spelling tells places apart (Karakol, Kara-Kul), not namesakes (Jeenbekov).
            int(entity.kind is Kind.PLACE and fold(form.text) == surface),
            int(form.lang != "und"),  # a name in a known language, not a stray alias
            int(ctx.supports(entity)),
            int(entity.settlement and cue is None),
            _prominence(entity),
        )

    ranked = sorted(forms, key=rank, reverse=True)
    top = ranked[0]
    unsupported = _unsupported(top, hit, text, ctx, cue)
    if unsupported:
        return _abstain(hit, ranked, unsupported)
    first, second = rank(top), rank(ranked[1])
    other = _describe(ranked[1].entity)
    if first[:-1] > second[:-1]:
        return _accept(hit, top, text, _support_factor(top, ctx), f"chosen over {other} by context")
    if first[-1] - second[-1] >= 1.0:
        return _accept(hit, top, text, 0.9, f"more prominent than {other}")
    return _abstain(hit, ranked, "ambiguous")


def _support_factor(form: Form, ctx: _Context) -> float:
    """How much a reading chosen by context is trusted: fully when the text names the same
    entity in another span (coreference), a little less for other support."""
    return 1.0 if form.entity.id in ctx.ids else 0.95


def _unsupported(
    form: Form, hit: Hit, text: str, ctx: _Context, cue: str | None
) -> str | None:
    """Why the best reading of a span lacks the support it needs, or None.

    - A surname alone of a less prominent person needs the full name elsewhere in the text.
    - A one-word name of a place needs, by size: nothing (capitals, big cities); another
      mention from its country (towns: Kant, Engels, Anna are also a philosopher and a first
      name); a cue word or a unit around it in the text (villages, and names that are also
      ordinary Russian words, such as Совет).
    - A generic organisation name and a near miss (fuzzy) need another mention from its
      country."""
    if not _needs_support(form, hit.method == "fuzzy"):
        return None
    entity = form.entity
    if form.role is Role.FAMILY and entity.prominence < PROMINENT_PERSON:
        if entity.id in ctx.ids:
            return None
        return "a surname alone, and the full name is not in the text"
    if ctx.related(entity) or (cue is not None and _type_fits(entity, cue)):
        return None
    if entity.kind is Kind.PLACE and hit.method != "fuzzy":
        if entity.prominence < SMALL_PLACE:
            return (
                f"a one-word name of a small place ({entity.prominence:.0f} inhabitants), with "
                "no cue word (village, district…) and no unit around it in the text"
            )
        surface = text[hit.start : hit.stem_end]
        if is_common_word(surface):
            return f"{surface!r} is also an ordinary word, and no cue word says it is a place"
    if ctx.supports(entity):
        return None
    what = (
        "a near miss of a name" if hit.method == "fuzzy"
        else "a one-word place name" if entity.kind is Kind.PLACE
        else "a generic name"
    )  # fmt: skip
    return f"{what}, and nothing else in the text is from {entity.country or 'its country'}"


def _prominence(entity: Entity) -> float:
    """Prominence on a scale where a difference of 1 means "clearly more prominent": ten
    times the population for places, 20 points of the 0-100 rank for persons and bodies."""
    if entity.kind is Kind.PLACE:
        return math.log10(1 + entity.prominence)
    return entity.prominence / 20


def _abstain(hit: Hit, ranked: list[Form], why: str) -> Decision:
    names = "; ".join(_describe(f.entity) for f in ranked[:4])
    return Decision(hit, None, ranked[0], 0.0, "abstain", f"left as written: {why}: {names}")


def _describe(entity: Entity) -> str:
    where = f", {entity.parents[0]}" if entity.parents else ""
    return f"{entity.id} ({entity.type or entity.kind.value}{where})"


_LINKS = frozenset({"of", "de", "du", "d"})  # "village of X", "village de X"


def _cue(hit: Hit, text: str) -> str | None:
    """The type named by a cue word right next to the hit: "X region", "село X", "village
    of X" (not "Tamchy village and X", not "X, Chüy Region")."""
    before = previous_word(text, hit.start)
    if before is not None:
        cue = CUE_WORDS.get(name_key(before.word))
        if cue is None and before.word.casefold() in _LINKS:
            farther = previous_word(text, before.start)
            cue = CUE_WORDS.get(name_key(farther.word)) if farther is not None else None
        if cue is not None:
            return cue
    after = NEXT_WORD.match(text, hit.end)
    return CUE_WORDS.get(name_key(strip_format(after.group(1)))) if after is not None else None


def _type_fits(entity: Entity, cue: str) -> bool:
    if entity.kind is not Kind.PLACE:
        return False
    if cue == "city":
        return entity.type in ("city", "town", "capital")
    return entity.type == cue or (cue == "village" and entity.type == "aiyl-aimak")
