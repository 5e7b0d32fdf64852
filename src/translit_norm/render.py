"""What a mention is rewritten to: the entity's name in the requested style and in the shape
(full name, surname alone, acronym…) and case the text used."""

from __future__ import annotations

import enum

from .errors import UnknownOptionError
from .index import Role
from .model import Entity, LangMap
from .text import is_cyrillic, match_case


class Style(str, enum.Enum):
    """Output styles of :func:`normalise`."""

    CANONICAL = "canonical"
    """Canonical Latin form for Latin mentions; Cyrillic mentions keep their script."""
    LATIN = "latin"
    """Canonical Latin form for every mention, Cyrillic ones included."""
    RU = "ru"
    """Russian Cyrillic."""
    KY = "ky"
    """Kyrgyz Cyrillic (Russian where no Kyrgyz form is known)."""
    ID = "id"
    """Mark-up that carries the entity id around the canonical form."""

    @classmethod
    def parse(cls, value: str | Style) -> Style:
        """``"ru"`` -> ``Style.RU``; an unknown style raises, listing the valid ones."""
        try:
            return cls(value)
        except ValueError:
            raise UnknownOptionError("style", value, [s.value for s in cls]) from None


ID_MARKUP = '<entity id="{id}">{text}</entity>'
_LANGS = {
    Style.CANONICAL: ("en",),
    Style.LATIN: ("en",),
    Style.ID: ("en",),
    Style.RU: ("ru",),
    Style.KY: ("ky", "ru"),
}


def name_in(entity: Entity, role: Role, langs: tuple[str, ...]) -> str | None:
    """The entity's name in the first of ``langs`` that has one, in the shape ``role``."""
    for lang in langs:
        english = lang == "en"
        if role is Role.ACRONYM:
            found = _first(entity.acronyms, lang)
        elif role is Role.FAMILY:
            found = _first(entity.family, lang) or (
                _last_word(entity.canonical) if english else None
            )
        elif role is Role.FAMILY_GIVEN:
            family, given = _first(entity.family, lang), _first(entity.given, lang)
            found = f"{family} {given}" if family and given else None
        else:
            found = entity.canonical if english else None
        if found is None and role is not Role.FAMILY:
            found = entity.canonical if english else _first(entity.names, lang)
        if found:
            return found
    return None


def replacement(entity: Entity, role: Role, surface: str, suffix: str, style: Style) -> str:
    """The text that replaces ``surface`` (whose last ``len(suffix)`` characters are an
    inflectional ending the base form does not have)."""
    if style is not Style.LATIN and is_cyrillic(surface) and (suffix or style is Style.CANONICAL):
        # Cyrillic text keeps its script in canonical style, and an inflected Cyrillic form
        # would lose its case ending: both are left as written.
        return surface
    name = name_in(entity, role, _LANGS[style])
    if name is None:
        return surface
    if style is not Style.LATIN:
        name += suffix
    name = match_case(surface, name)
    if style is Style.ID:
        return ID_MARKUP.format(id=entity.id, text=name)
    return name


def _first(forms: LangMap, lang: str) -> str | None:
    values = forms.get(lang)
    return values[0] if values else None


def _last_word(name: str) -> str:
    return name.rsplit(" ", 1)[-1]
