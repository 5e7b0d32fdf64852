"""The name index: every form of every entity, keyed for the text scan and for ``resolve``."""

from __future__ import annotations

import enum
import functools
import itertools
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .gazetteer import Gazetteer
from .inflection import is_common_word, is_given_name
from .keys import name_key
from .model import Entity, Kind
from .text import is_cyrillic, words
from .vocabulary import CUE_WORDS, INSTITUTION_WORDS

_MIN_KEYED_GIVEN = 5  # a shorter word is a given name only as written (As is not Ayaz)
_MAX_GIVEN_REMEMBERED = 1 << 14


class Role(str, enum.Enum):
    """Which part of an entity's name a form is; a mention is rewritten in the same role."""

    FULL = "full"
    FAMILY = "family"
    FAMILY_GIVEN = "family_given"
    ACRONYM = "acronym"


@dataclass(slots=True, eq=False)
class Form:
    """One way an entity is written, as held in the gazetteer (compared by identity; never
    changed once made, but not frozen: a frozen dataclass is three times slower to make,
    and loading the start-up cache makes ~33,000)."""

    entity: Entity
    role: Role
    text: str
    lang: str

    @property
    def single_word(self) -> bool:
        """True for a name of one word ("Kant"; "Koy-Tash" has two)."""
        return _word_count(self.text) == 1

    @property
    def generic(self) -> bool:
        """Org names like "Security Council", made only of institution words, need the text
        to be about the organisation's country before they match."""
        return self.entity.kind is Kind.ORG and self.role is Role.FULL and _is_generic(self.text)

    @property
    def another_name(self) -> bool:
        """A name the gazetteer lists for a place that does not spell its name: a former
        one (Stalingrad and Tsaritsyn for Volgograd, Frunze for Bishkek), a short or
        informal one. The scan finds and links it; rewriting it would change what the text
        says."""
        return self.entity.kind is Kind.PLACE and self.role is Role.FULL and _another(self)


@functools.lru_cache(maxsize=1 << 16)
def _word_count(text: str) -> int:
    return len(words(text))


@functools.lru_cache(maxsize=1 << 14)
def _is_generic(text: str) -> bool:
    return all(name_key(word) in INSTITUTION_WORDS for word in words(text))


# Below this similarity (rapidfuzz ratio, 0-100) of its key to the key of each of a place's
# names, a name listed for the place is another name, not a spelling: Stalingrad scores 44
# and Tsaritsyn 12 against Volgograd, Frunze 17 against Bishkek, Przhevalsk 38 against
# Karakol; spellings in other schemes score higher (Daşkent 86, Tseljabinsk 80, Hodjent 55).
# Pishpek (67) and Petrograd (63) are former names it misses.
ANOTHER_NAME_BELOW = 50.0


@functools.lru_cache(maxsize=1 << 14)
def _another(form: Form) -> bool:
    """Whether a place's form is far from its names: the canonical one and the first in
    each language, type words (Region, District, Lake…) aside."""
    entity = form.entity
    core = _core(form.text)
    names = (entity.canonical, *(values[0] for values in entity.names.values() if values))
    cores = [_core(name) for name in names]
    if core in cores:  # most forms: no need to load rapidfuzz
        return False
    from rapidfuzz import fuzz, process

    return process.extractOne(core, cores, scorer=fuzz.ratio,
                              score_cutoff=ANOTHER_NAME_BELOW) is None  # fmt: skip


def _core(name: str) -> str:
    return " ".join(key for key in key_of(name) if key not in CUE_WORDS)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Exact-match folding: NFC and case-fold, nothing else."""
    return unicodedata.normalize("NFC", text).casefold()


@functools.lru_cache(maxsize=1 << 16)
def key_of(name: str) -> tuple[str, ...]:
    """The key of a name, word by word."""
    return tuple(name_key(word) for word in words(name))


def entity_forms(entity: Entity) -> Iterator[Form]:
    """Every form of ``entity`` the scan should recognise, with its role, each text once."""
    seen: set[tuple[Role, str]] = set()
    for form in _all_forms(entity):
        if (form.role, form.text) not in seen:
            seen.add((form.role, form.text))
            yield form


def _all_forms(entity: Entity) -> Iterator[Form]:
    yield Form(entity, Role.FULL, entity.canonical, "en")
    for lang, names in entity.names.items():
        for name in names:
            yield Form(entity, Role.FULL, name, lang)
    for alias in entity.aliases:
        yield Form(entity, Role.FULL, alias, "und")
    for lang, families in entity.family.items():
        for family in families:
            yield Form(entity, Role.FAMILY, family, lang)
            for given in entity.given.get(lang, ()):
                yield Form(entity, Role.FULL, f"{given} {family}", lang)
                yield Form(entity, Role.FAMILY_GIVEN, f"{family} {given}", lang)
    for lang, acronyms in entity.acronyms.items():
        for acronym in acronyms:
            yield Form(entity, Role.ACRONYM, acronym, lang)


def keyed_strings(form: Form) -> list[str]:
    """The strings whose keys indexing ``form`` needs: its words, and a hyphenated name whole."""
    if form.role is Role.ACRONYM:
        return []
    found = words(form.text)
    return [*found, form.text] if len(found) > 1 and "-" in form.text else found


_NONE_KNOWN: Mapping[str, str] = {}
_NONE_RESPELLED: Mapping[str, tuple[str, ...]] = {}


@dataclass(slots=True)
class NameIndex:
    """Forms by word-key tuple (for names) and by exact text (for acronyms)."""

    by_key: dict[tuple[str, ...], list[Form]] = field(default_factory=dict)
    acronyms: dict[str, list[Form]] = field(default_factory=dict)
    max_words: int = 1
    """The most words of any indexed form."""
    lower_starts: set[str] = field(default_factory=set)
    """First words of multi-word organisation names, case-folded: a scan may start there
    even when the text writes them in lower case ("the national security Committee")."""
    inner_keys: dict[str, int] = field(default_factory=dict)
    """Keys of the capitalised later words of those names, with their furthest position: a
    capitalised word with such a key makes the scan look back that many words for a
    lower-case start."""
    respelled: dict[str, set[str]] = field(default_factory=dict)
    """Keys of other schemes' spellings of the Cyrillic names' words (Polish *Chabarowsk*)
    -> the words' own keys, for spellings the key alone does not fold."""
    given_names: set[str] = field(default_factory=set)
    """The persons' given names as written, case-folded (georgy, георгий): a place name right
    after one may be a person's surname (Georgy Zhukov, not the village Zhukovo). Not keys:
    the key of the English word "As" is that of the given name Ayaz."""
    given_keys: set[str] = field(default_factory=set)
    """The keys of the persons' given names (Maxim and Maksim, Жаныш and Zhanysh): a known
    given name before a surname that is not the person's names someone else (see
    :mod:`translit_norm.decide`)."""
    _before: dict[str, frozenset[str]] | None = field(default=None, repr=False)
    """See :meth:`words_before` (worked out on first use: most texts never need it)."""
    _given: dict[str, str | None] = field(default_factory=dict, repr=False)
    """See :meth:`given_name` (remembered per word)."""

    @classmethod
    def build(cls, gazetteer: Gazetteer) -> NameIndex:
        """Index every form of every entity in ``gazetteer``."""
        from .keycache import word_keys, word_respellings  # not needed to load the cache

        index = cls()
        known, respellings = word_keys(), word_respellings()
        for entity in gazetteer:
            for form in entity_forms(entity):
                index.add(form, known, respellings)
            given = [name for names in entity.given.values() for name in names]
            index.given_names.update(name.casefold() for name in given)
            index.given_keys.update(known.get(name) or name_key(name) for name in given)
        return index

    def add(
        self,
        form: Form,
        known: Mapping[str, str] = _NONE_KNOWN,
        respellings: Mapping[str, tuple[str, ...]] = _NONE_RESPELLED,
    ) -> None:
        """Index one form (twice for hyphenated names: "Koy-Tash" and "Koytash"); ``known``
        and ``respellings`` hold keys computed beforehand (see :mod:`translit_norm.keycache`)."""
        if form.role is Role.ACRONYM:
            self.acronyms.setdefault(form.text, []).append(form)
            return
        parts = words(form.text)
        keys = tuple(known.get(word) or name_key(word) for word in parts)
        if not keys or not all(keys):
            return
        from .spellings import respelled_keys  # not needed to load the cache

        for word, key in zip(parts, keys, strict=True):
            others = respellings.get(word, ()) if word in known else respelled_keys(word)
            for other in others:
                self.respelled.setdefault(other, set()).add(key)
        variants = {keys}
        if len(keys) > 1 and "-" in form.text:
            variants.add((known.get(form.text) or name_key(form.text),))
        for variant in variants:
            self.by_key.setdefault(variant, []).append(form)
            self.max_words = max(self.max_words, len(variant))
        if len(keys) > 1 and form.entity.kind is Kind.ORG:
            self.lower_starts.add(parts[0].casefold())
            for position, (word, key) in enumerate(zip(parts, keys, strict=True)):
                if position and word[:1].isupper():
                    self.inner_keys[key] = max(self.inner_keys.get(key, 0), position)

    def word_keys(self, word: str) -> tuple[str, ...]:
        """A word's key, then the keys of the indexed words it is another scheme's spelling
        of (Polish *Chabarowsk* for Хабаровск)."""
        key = name_key(word)
        others = self.respelled.get(key)
        if not others or is_cyrillic(word):  # a Cyrillic word is spelled, not romanised
            return (key,)
        return (key, *sorted(others))

    def given_name(self, word: str) -> str | None:
        """The key of ``word`` (a capitalised word, without format characters) when it is a
        given name, else None: a person of the gazetteer has it as written, or by key from
        five letters (Maxim for Maksim; the key of "As" is that of Ayaz), or pymorphy3
        reads it as one (Людмила), and does not read it first as a noun (Любовь, Вера)."""
        try:
            return self._given[word]
        except KeyError:
            pass
        key = name_key(word)
        given = (
            word.casefold() in self.given_names
            or (len(word) >= _MIN_KEYED_GIVEN and key in self.given_keys)
            or is_given_name(word)
        ) and not is_common_word(word)
        if len(self._given) < _MAX_GIVEN_REMEMBERED:
            self._given[word] = key if given else None
        return key if given else None

    def words_before(self, key: str) -> frozenset[str]:
        """The keys of the words that stand right before a word keyed ``key`` in names of
        several words (SAINT and SANKT before PETERSBURG); worked out on the first call."""
        if self._before is None:
            before: dict[str, set[str]] = {}
            for keys in self.by_key:
                for left, right in itertools.pairwise(keys):
                    before.setdefault(right, set()).add(left)
            self._before = {key: frozenset(lefts) for key, lefts in before.items()}
        return self._before.get(key, frozenset())

    def lookup(self, keys: tuple[str, ...]) -> list[Form]:
        """Forms whose word keys are exactly ``keys``."""
        return self.by_key.get(keys, [])
