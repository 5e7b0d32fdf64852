"""Value types of the public API: Kind, Entity, Mention and Candidate."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .errors import UnknownOptionError

LangMap = Mapping[str, tuple[str, ...]]
EMPTY: LangMap = MappingProxyType({})
_SETTLEMENTS = frozenset({"city", "town", "village", "capital"})


class Kind(str, enum.Enum):
    """What an entity is."""

    PERSON = "person"
    PLACE = "place"
    ORG = "org"

    @classmethod
    def parse(cls, value: Kind | str) -> Kind:
        """``Kind.PERSON``, ``"person"`` or ``"PERSON"`` -> ``Kind.PERSON``; else an error."""
        if isinstance(value, Kind):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise UnknownOptionError("kind", value, [k.value for k in cls]) from None


def parse_kinds(kinds: object) -> frozenset[Kind] | None:
    """Normalise a ``kinds=`` argument (None, one kind, a comma list or an iterable)."""
    if kinds is None:
        return None
    if isinstance(kinds, (str, Kind)):
        items: list[Kind | str] = [k for k in str(getattr(kinds, "value", kinds)).split(",") if k]
    else:
        items = list(kinds)  # type: ignore[call-overload]
    return frozenset(Kind.parse(k) for k in items)


@dataclass(frozen=True, slots=True, eq=False)
class Entity:
    """One real-world person, place or organisation.

    ``names``, ``acronyms``, ``given`` and ``family`` map a language code (``en``, ``ru``,
    ``ky``, ``de``…, or ``und`` when unknown) to its forms, preferred form first.
    Equality and hashing use ``id`` only.
    """

    id: str
    kind: Kind
    canonical: str
    names: LangMap = field(default_factory=lambda: EMPTY)
    aliases: tuple[str, ...] = ()
    acronyms: LangMap = field(default_factory=lambda: EMPTY)
    given: LangMap = field(default_factory=lambda: EMPTY)
    family: LangMap = field(default_factory=lambda: EMPTY)
    wikidata: str | None = None
    geonames: int | None = None
    country: str | None = None
    type: str | None = None
    parents: tuple[str, ...] = ()
    prominence: float = 0.0
    source: str = ""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entity) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return f"Entity({self.id!r}, {self.kind.value}, {self.canonical!r})"

    @property
    def settlement(self) -> bool:
        """True for a city, town or village: not an administrative unit, lake or site."""
        return self.kind is Kind.PLACE and self.type in _SETTLEMENTS

    def name(self, lang: str, fallback: tuple[str, ...] = ("en",)) -> str | None:
        """The preferred name in ``lang``, else in the first fallback language that has one."""
        for code in (lang, *fallback):
            forms = self.names.get(code)
            if forms:
                return forms[0]
        return None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One answer of :func:`resolve`: an entity and how well the query fits it."""

    entity: Entity
    score: float
    method: str
    reason: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the input that names a known entity. ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entity: Entity
    replacement: str
    score: float
    method: str
    reason: str
    form: str = field(default="full")
    """Which part of the name the surface is: full, given_family, family, acronym, alias…"""

    @property
    def changed(self) -> bool:
        """True when :func:`normalise` rewrites this span."""
        return self.replacement != self.surface
