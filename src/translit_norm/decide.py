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
import re
from collections.abc import Container, Iterable, Iterator, Sequence
from typing import NamedTuple

from .index import Form, NameIndex, Role, fold
from .inflection import is_common_word
from .keys import name_key
from .model import Entity, Kind
from .scan import Hit
from .text import WordMatch, new_tuple, next_word, strip_format, word_before, words
from .vocabulary import CUE_WORDS, DEMONYMS, TITLE_WORDS

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
    """The outcome for one hit (whose ``forms`` are now the span's options, one per
    entity): an entity (or None to abstain), its form, score and why."""

    hit: Hit
    entity: Entity | None
    form: Form | None
    score: float
    method: str
    reason: str


def decide(
    hits: Iterable[Hit],
    text: str,
    kinds: frozenset[Kind] | None,
    *,
    abstentions: bool,
    index: NameIndex,
) -> Iterator[Decision]:
    """Decide every hit of one text, in order; with ``abstentions=False``, only the hits
    that name an entity. ``index`` is the one the hits were found with: it knows persons'
    given names (a place name right after one may be a surname, and a surname after one
    that is not the person's is someone else's) and the words of longer names (St. before
    Petersburg).

    Sure spans are the context of the rest, so all hits are read before the first decision.
    What is kept of them meanwhile are plain tuples of numbers and strings, and decisions
    come one at a time: on a long text, tens of thousands of hits that lived through the
    call would otherwise reach the garbage collector's oldest generation and make it walk
    every object of the process again and again."""
    spans, readings = [], []
    for start, end, forms, method, stem_end, inflected, similarity in hits:
        surface = text[start:end]
        readings.append(_reading(forms, surface, stem_end - start, method, similarity, kinds))
        spans.append((start, end, surface, method, stem_end, inflected, similarity))
    context = _Context([r.sure[1].entity for r in readings if r.sure is not None])
    # A reading's contests in this text, by cue word: names recur. Keyed by the reading's
    # id(), which stays its own while ``readings`` holds it (the same reading is the same
    # surface, stem, method and similarity).
    settled: dict[tuple[int, str | None], _Outcome] = {}
    place_end = -1  # where the last span that may be a place ends (Toktogul Zheenbekov)
    last_end = -1  # where the last span ends
    for (start, end, surface, method, stem_end, inflected, similarity), reading in zip(
        spans, readings, strict=True
    ):
        outcome = reading.sure
        if reading.given is not None:
            other = _someone_else(text, start, reading.given, place_end, index)
            if other is not None:
                outcome = _abstain(reading.options, f"{other!r} before it is no given name of "
                                   "a person with this surname, so it names someone else")
        if reading.places:
            if "." in text[start - 2 : start]:
                short = _abbreviation_before(text, start, surface, last_end, index)
                if short is not None:
                    outcome = _abstain(reading.options, f"after {short!r}, which may shorten a "
                                       "word of a longer name (St. Petersburg, N. Novgorod)")
            place_end = end
        last_end = end
        if outcome is None:
            if not reading.options:
                continue
            # cue words only tell places apart: the look-around is skipped when no place fits
            cue = _cue(start, end, text, index.given_names) if reading.places else None
            try:
                outcome = settled[id(reading), cue]
            except KeyError:
                said = context.about(reading)
                stem = stem_end - start
                outcome = _contest(reading.options, surface, stem, method, similarity, cue, said)
                settled[id(reading), cue] = outcome
        if outcome[0] is None and not abstentions:
            continue
        hit = (start, end, reading.options, method, stem_end, inflected, similarity)
        yield new_tuple(Decision, (new_tuple(Hit, hit), *outcome))


_ROLE_RANK = {Role.FULL: 0, Role.FAMILY_GIVEN: 1, Role.ACRONYM: 2, Role.FAMILY: 3}
_Outcome = tuple[Entity | None, Form, float, str, str]  # a Decision without its hit


class _Reading(NamedTuple):
    """What a span may name (see :func:`_reading`)."""

    options: tuple[Form, ...]  # one form per entity, best first
    sure: _Outcome | None  # the decision, when it needs nothing from the rest of the text
    places: bool  # a place is among the options (cue words matter)
    ids: tuple[str, ...]  # the options' entity ids
    units: tuple[str, ...]  # the units around the options (see _units)
    countries: tuple[str, ...]  # the options' countries
    given: tuple[str, ...] | None  # for a surname alone: the keys of the persons' given names


@functools.lru_cache(maxsize=1 << 15)
def _reading(
    forms: tuple[Form, ...],
    surface: str,
    stem: int,
    method: str,
    similarity: float,
    kinds: frozenset[Kind] | None,
) -> _Reading:
    """What a span may name, remembered (names recur): one form per entity (exact spellings
    first, then by role, kinds filtered); the decision, when one form is the only one and
    needs no support from the rest of the text; and what of the options the rest of the
    text can speak of. ``stem`` is where the matched base form ends in ``surface``."""
    folded = fold(surface[:stem])
    best: dict[str, Form] = {}
    for form in sorted(forms, key=lambda f: (fold(f.text) != folded, _ROLE_RANK[f.role])):
        if kinds is None or form.entity.kind in kinds:
            best.setdefault(form.entity.id, form)
    options = tuple(best.values())
    sure = None
    if len(options) == 1 and not _needs_support(options[0], method == "fuzzy"):
        why = "the only entity with this name"
        sure = _accept(options[0], surface, method, similarity, 1.0, why)
    entities = [form.entity for form in options]
    return _Reading(
        options,
        sure,
        any(entity.kind is Kind.PLACE for entity in entities),
        tuple({entity.id: None for entity in entities}),
        tuple({unit: None for entity in entities for unit in _units(entity)}),
        tuple({entity.country or "": None for entity in entities}),
        _given_keys(options),
    )


def _given_keys(options: tuple[Form, ...]) -> tuple[str, ...] | None:
    """The keys of the given names of the persons a surname alone may name; None when no
    option is such a surname, or a person's given names are not known."""
    persons = [form.entity for form in options if form.role is Role.FAMILY]
    if not persons or any(not person.given for person in persons):
        return None
    names = [name for person in persons for names in person.given.values() for name in names]
    return tuple({name_key(name): None for name in names})


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

    def about(self, reading: _Reading) -> _Said:
        """What the text's sure mentions say about a span's options."""
        said = (
            _common(self.ids, reading.ids),
            _common(self.units, reading.ids),
            _common(self.ids, reading.units),
            _common(self.countries, reading.countries),
        )
        return new_tuple(_Said, said)


class _Said(NamedTuple):
    """What the sure mentions of a text say about the options of a span: the part of the
    text's context that its decision depends on (so the decision can be remembered)."""

    named: tuple[str, ...]  # options that a sure mention names
    units: tuple[str, ...]  # options that are units around a place a sure mention names
    around: tuple[str, ...]  # units around the options that a sure mention names
    countries: tuple[str, ...]  # the options' countries that a sure mention shares

    def related(self, entity: Entity) -> bool:
        """The entity is in the text, lies in a unit the text names (Koy-Tash and Chüy
        Region), or contains a place the text names (a country: Kyrgyzstan and Talas
        Region); sharing only a country is not enough."""
        return (
            entity.id in self.named
            or entity.id in self.units
            or any(unit in self.around for unit in _units(entity))
            or (entity.type == "country" and (entity.country or "") in self.countries)
        )

    def supports(self, entity: Entity) -> bool:
        return entity.id in self.named or (entity.country or "") in self.countries


def _common(found: set[str], options: tuple[str, ...]) -> tuple[str, ...]:
    """The ``options`` in ``found``, in the options' order (a key of the remembered outcome,
    beside the options themselves; tuples of strings, unlike sets, cost the garbage collector
    nothing once it has seen them). Most spans share nothing with the text: that is asked
    first, without making anything."""
    if found.isdisjoint(options):
        return ()
    return tuple([option for option in options if option in found])


def _units(entity: Entity) -> tuple[str, ...]:
    """The administrative units around a place, without the country (the last parent)."""
    return entity.parents[:-1]


def _method(method: str, surface: str, form: Form) -> str:
    """The hit's method, or "exact" when the surface is spelled as the form."""
    if method == "key" and fold(surface) == fold(form.text):
        return "exact"
    return method


def _accept(
    form: Form, surface: str, method: str, similarity: float, factor: float, why: str
) -> _Outcome:
    how = _method(method, surface, form)
    score, reason = _verdict(form, how, similarity, factor, why)
    return form.entity, form, score, how, reason


_HOW = {"exact": "spelled as", "key": "a spelling of", "variant": "another romanisation of",
        "inflection": "an inflected form of", "acronym": "the acronym"}  # fmt: skip


@functools.lru_cache(maxsize=1 << 12)  # asked only when a reading or contest is new
def _verdict(
    form: Form, method: str, similarity: float, factor: float, why: str
) -> tuple[float, str]:
    """The score and reason of accepting ``form`` (remembered: names recur)."""
    score = round(_BASE[method] * similarity * _ROLE[form.role] * factor, 3)
    how = _HOW.get(method) or f"{similarity:.0%} like"
    return score, f"{how} {form.text!r} ({form.role.value}, {form.lang}); {why}"


@functools.lru_cache(maxsize=1 << 14)
def _contest(
    forms: tuple[Form, ...],
    surface: str,
    stem: int,
    method: str,
    similarity: float,
    cue: str | None,
    said: _Said,
) -> _Outcome:
    """The best reading of a span that needs context, or an abstention. ``forms`` are the
    span's options, ``stem`` where the matched base form ends in ``surface``, ``cue`` what
    the words next to the span say (see :func:`_cue`), ``said`` what the text's sure
    mentions say about the options. Remembered: nothing else of the text counts."""
    if cue == PERSON and all(form.entity.kind is not Kind.PERSON for form in forms):
        cue = None  # "Prezydent Kirgistanu" is the president of a country, not a surname
    if cue is not None and cue.startswith(IN):  # "the Kazakh town of Aksu"
        country, _, type_cue = cue[len(IN) :].partition(":")
        cue = type_cue or None
        # Only to rule places out, and not against a unit the text names: an adjective may
        # speak of the people (the Uzbek town of Kara-Suu, in Osh Region), and of two
        # places one of which is in the country, the other may be the one meant.
        if all(form.entity.country != country and not said.related(form.entity)
               for form in forms):  # fmt: skip
            return _abstain(forms, f"the text says it is in {country}, and none of these is")
    # A PERSON cue that stands ranks the persons first (_type_fits), so no place is chosen
    # after a title or a given name (Marshal Zhukov, Georgy Zhukov).
    if len(forms) == 1:
        unsupported = _unsupported(forms[0], surface[:stem], method, said, cue)
        if unsupported:
            return _abstain(forms, unsupported)
        return _accept(forms[0], surface, method, similarity, _support_factor(forms[0], said),
                       "supported by the other mentions in the text")  # fmt: skip
    folded = fold(surface[:stem])

    def rank(form: Form) -> tuple[int, int, int, int, int, int, float]:
        entity = form.entity
        return (
            int(cue is not None and _type_fits(entity, cue)),
            int(said.related(entity)),
            # Spelling tells places apart (Karakol, Kara-Kul), not namesakes (Jeenbekov).
            int(entity.kind is Kind.PLACE and fold(form.text) == folded),
            int(form.lang != "und"),  # a name in a known language, not a stray alias
            int(said.supports(entity)),
            int(entity.settlement and cue is None),
            _prominence(entity),
        )

    ranked = sorted(forms, key=rank, reverse=True)
    top = ranked[0]
    unsupported = _unsupported(top, surface[:stem], method, said, cue)
    if unsupported:
        return _abstain(ranked, unsupported)
    first, second = rank(top), rank(ranked[1])
    other = _describe(ranked[1].entity)
    if first[:-1] > second[:-1]:
        return _accept(top, surface, method, similarity, _support_factor(top, said),
                       f"chosen over {other} by context")  # fmt: skip
    if first[-1] - second[-1] >= 1.0:
        return _accept(top, surface, method, similarity, 0.9, f"more prominent than {other}")
    return _abstain(ranked, "ambiguous")


def _support_factor(form: Form, said: _Said) -> float:
    """How much a reading chosen by context is trusted: fully when the text names the same
    entity in another span (coreference), a little less for other support."""
    return 1.0 if form.entity.id in said.named else 0.95


def _unsupported(form: Form, stem: str, method: str, said: _Said, cue: str | None) -> str | None:
    """Why the best reading of a span (``stem``: its text up to where the matched base form
    ends) lacks the support it needs, or None.

    - A surname alone of a less prominent person needs the full name elsewhere in the text.
    - A one-word name of a place needs, by size: nothing (capitals, big cities); another
      mention from its country (towns: Kant, Engels, Anna are also a philosopher and a first
      name); a cue word or a unit around it in the text (villages, and names that are also
      ordinary Russian words, such as Совет).
    - A generic organisation name and a near miss (fuzzy) need another mention from its
      country."""
    fuzzy = method == "fuzzy"
    if not _needs_support(form, fuzzy):
        return None
    entity = form.entity
    if form.role is Role.FAMILY and entity.prominence < PROMINENT_PERSON:
        if entity.id in said.named:
            return None
        return "a surname alone, and the full name is not in the text"
    if said.related(entity) or (cue is not None and _type_fits(entity, cue)):
        return None
    if entity.kind is Kind.PLACE and not fuzzy:
        if entity.prominence < SMALL_PLACE:
            return (
                f"a one-word name of a small place ({entity.prominence:.0f} inhabitants), with "
                "no cue word (village, district…) and no unit around it in the text"
            )
        if is_common_word(stem):
            return f"{stem!r} is also an ordinary word, and no cue word says it is a place"
    if said.supports(entity):
        return None
    what = (
        "a near miss of a name" if fuzzy
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


def _abstain(ranked: Sequence[Form], why: str) -> _Outcome:
    names = "; ".join(_describe(f.entity) for f in ranked[:4])
    return None, ranked[0], 0.0, "abstain", f"left as written: {why}: {names}"


def _describe(entity: Entity) -> str:
    where = f", {entity.parents[0]}" if entity.parents else ""
    return f"{entity.id} ({entity.type or entity.kind.value}{where})"


_LINKS = frozenset({"of", "de", "du", "d"})  # "village of X", "village de X"
PERSON = "person"  # the cue of a title or a given name before a span
IN = "in:"  # + "KZ:city" or "KZ:": a country's adjective before a span (and the type cue)


def _cue(start: int, end: int, text: str, given_names: Container[str]) -> str | None:
    """The type named by a cue word right next to the span: "X region", "село X", "village
    of X" (not "Tamchy village and X", not "X, Chüy Region"); ``PERSON`` after a title or a
    capitalised given name, as written ("Marshal Zhukov", "Georgy Zhukov"); ``IN`` and the
    country after a country's adjective ("the Kazakh town of Aksu"). Keys ignore format
    characters, so the words are keyed as written."""
    before = word_before(text, start)
    if before is not None:
        cue = _cue_word(before)
        if cue is not None:  # "die kasachische Stadt Aksu": a country's adjective before it
            country = _demonym(word_before(text, before.start(1)))
            if country is not None:
                return f"{IN}{country}:{cue}"
        else:
            word = before.group(1)
            folded = strip_format(word).casefold()
            if folded in TITLE_WORDS or (word[:1].isupper() and folded in given_names):
                return PERSON
            if folded in _LINKS:
                cue = _named_by(text, word_before(text, before.start(1)))
        if cue is not None:
            return cue
    return _cue_word(next_word(text, end))


# Initials right before a name (R. Atambayeva, Zh. Bakiyev, А.Ш. Атамбаев), the first of
# them in group 1: a letter, or the Latin letters of one Cyrillic letter (Zh, Dzh…)
_INITIALS = re.compile(
    r"(?<![^\W\d_])(?<!\.)(Dzh|[ZCSK]h|Ts|Y[aeou]|[^\W\d_])\.(?:\s?[^\W\d_]{1,3}\.)*\s?\Z"
)
# Dotted titles and abbreviations that end a sentence or stand before a name, and are not
# initials: M. (Monsieur), H.E., S.E. (Excellency), U.S., U.K., D.C., U.N., E.U.
_NOT_INITIALS = frozenset({"M", "HE", "SE", "US", "UK", "DC", "UN", "EU", "USA"})


def _someone_else(
    text: str,
    start: int,
    own: tuple[str, ...],
    place_end: int,
    index: NameIndex,
) -> str | None:
    """The given name or initials right before a surname alone, when they are not those of
    the persons with that surname (``own``: the keys of their given names): *Maxim Bakiyev*,
    *R. Atambayeva* name someone else. None when nothing like a given name is there, or the
    word is the end of a place name (``place_end``: where the last one ends)."""
    # Most surnames follow a word in lower case, a sentence's end or a line break: what is
    # right before the name is looked at first, and a pattern is run only when that fails.
    if start < 2:
        return None
    dot = text.rfind(".", start - 2, start)
    if dot > 0:
        if text[max(0, dot - 3) : dot].islower():
            return None  # a sentence's end, not initials (Zh., Dzh., A.Sh. have a capital)
        return _other_initials(text, start, own)
    second = text[start - 2]
    if second.isalpha() and text[start - 1] == " ":  # most often a word in lower case
        space = text.rfind(" ", max(0, start - 32), start - 1)
        word = text[space + 1 : start - 1].rpartition("\n")[2]
        if word.isalpha():
            if not word[0].isupper() or start - 1 == place_end:
                return None
            return _not_their_given_name(word, own, index)
    elif not (second.isalpha() or second in " \t\u00a0\u202f"):
        return None  # "In 2017 Atambaev", "; Bakiev", a name that starts a paragraph
    before = word_before(text, start)
    if before is None or before.end(1) == place_end or not before.group(1)[:1].isupper():
        return None
    return _not_their_given_name(strip_format(before.group(1)), own, index)


def _not_their_given_name(word: str, own: tuple[str, ...], index: NameIndex) -> str | None:
    """``word`` when it is a given name that is none of ``own`` (keys)."""
    key = index.given_name(word)
    if key is None or any(key.startswith(mine) or mine.startswith(key) for mine in own):
        return None  # no given name; or the person's: Almaz Atambayev may be Almazbek
    return word


# A word of up to four letters with a dot (and a hyphen: St.-Petersburg), not the end of an
# acronym (U.S.) or of a hyphenated word (Ala-Too.)
_ABBREVIATION = re.compile(r"(?<![^\W\d_])(?<![.\-])([^\W\d_]{1,4})\.[\s\-]?\Z")


def _abbreviation_before(
    text: str, start: int, surface: str, last_end: int, index: NameIndex
) -> str | None:
    """A short capitalised word with a dot right before ``start`` that may shorten the word
    before it in a longer name the gazetteer writes in full (St. Petersburg, N. Novgorod for
    Nizhny, not Veliky, Novgorod), as written; None for a sentence's end ("…Iran. Bishkek",
    and "…Osh. Bishkek": ``last_end`` is where the last span ends)."""
    match = _ABBREVIATION.search(text, max(0, start - 7), start)
    if match is None or match.end(1) == last_end:
        return None
    word = match.group(1)
    if not word[0].isupper() or (len(word) > 1 and not word[1:].islower()):
        return None
    short, first = name_key(word), name_key(words(surface)[0])
    if not any(_shortens(short, head) for head in index.words_before(first)):
        return None
    return match.group().strip()


def _shortens(short: str, word: str) -> bool:
    """Whether the key ``short`` may abbreviate the key ``word`` (ST: SAINT; NIJ: NIJNII)."""
    letters = iter(word)
    return word[:1] == short[:1] and all(letter in letters for letter in short)


def _other_initials(text: str, start: int, own: tuple[str, ...]) -> str | None:
    """Initials right before ``start`` that none of the given names ``own`` (keys) begins
    with, as written; None when there are none, or they are the person's."""
    match = _INITIALS.search(text, max(0, start - 12), start)
    if match is None or not match.group(1)[:1].isupper():
        return None
    written = match.group().strip()
    if "".join(filter(str.isalpha, written)).upper() in _NOT_INITIALS:
        return None
    initial = name_key(match.group(1))
    return None if not initial or any(key.startswith(initial) for key in own) else written


def _named_by(text: str, match: WordMatch | None) -> str | None:
    """The type a cue word linked to a span names ("the village of X"), when the phrase
    names the span: after a definite article or nothing, not after another name or "a"
    ("the Khamovniki district of Moscow", "a district of Moscow" are parts of Moscow)."""
    cue = _cue_word(match)
    if cue is None or match is None:
        return None
    before = word_before(text, match.start(1))
    country = _demonym(before)  # "the Kazakh town of Aksu" (a phrase that may not name it)
    if country is not None:
        return f"{IN}{country}:"
    return cue if before is None or before.group(1).casefold() in _DEFINITE else None


def _demonym(match: WordMatch | None) -> str | None:
    """The country whose adjective a matched word (group 1) is (Kazakh, kasachische)."""
    return DEMONYMS.get(match.group(1).casefold()) if match is not None else None


_DEFINITE = frozenset({"the", "la", "le", "l", "les"})


def _cue_word(match: WordMatch | None) -> str | None:
    """The type a matched word (group 1) names as a cue word, if it is one."""
    return CUE_WORDS.get(name_key(match.group(1))) if match is not None else None


def _type_fits(entity: Entity, cue: str) -> bool:
    if cue == PERSON:
        return entity.kind is Kind.PERSON
    if entity.kind is not Kind.PLACE:
        return False
    if cue == "city":
        return entity.type in ("city", "town", "capital")
    return entity.type == cue or (cue == "village" and entity.type == "aiyl-aimak")
