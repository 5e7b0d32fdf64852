"""What a mention is rewritten to: the entity's name in the requested style and in the shape
(full name, surname alone, acronym…) and case the text used."""

from __future__ import annotations

import enum

import regex

from .errors import UnknownOptionError
from .index import Form, Role, key_of
from .keys import name_key
from .model import Entity, Kind, LangMap
from .scan import Hit
from .text import NAME_SHAPE, match_case, mostly_cyrillic, words
from .vocabulary import CUE_WORDS


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


def rewrite(text: str, hit: Hit, form: Form, style: Style) -> tuple[str, str | None]:
    """What replaces the hit's span, and why it is left as written (None when it is not)."""
    surface = text[hit.start : hit.end]
    entity, role = form.entity, form.role
    keep = _why_keep(text, hit, form, style)
    if keep:
        return surface, keep
    name = name_in(entity, role, _LANGS[style])
    if name is None:
        return surface, f"no {style.value} name is known for {entity.id}"
    if role is Role.FULL and style in (Style.CANONICAL, Style.LATIN, Style.ID):
        name = _with_patronymic(_as_short(name, form), surface)
    if style is not Style.LATIN and _adds_an_ending(surface, name, hit):
        return surface, (f"{surface!r} matched {form.text!r}, but reads as {name!r} with an "
                         "ending that the canonical form would drop")
    if not NAME_SHAPE.fullmatch(name):
        return surface, f"{name!r} is not a plain run of words, so a rewrite would not be stable"
    if style is not Style.LATIN:
        name += text[hit.stem_end : hit.end]
    name = match_case(surface, name)
    if style is Style.ID:
        return ID_MARKUP.format(id=entity.id, text=name), None
    return name, None


_MAX_ENDING = 3  # key letters after the name that can be a case ending (Polish Biszkek-u)


def _adds_an_ending(surface: str, name: str, hit: Hit) -> bool:
    """A one-word mention whose key is the name's key and a few more letters: an inflected
    form that matched another spelling as a whole word (Polish *Biszkeku* = Esperanto
    *Biŝkeko*), which the name written in its place would lose."""
    if hit.stem_end < hit.end or " " in name or "-" in name:
        return False
    written, named = name_key(surface), name_key(name)  # cached: cheap on every mention
    return (
        written != named
        and written.startswith(named)
        and len(written) - len(named) <= _MAX_ENDING
        and len(words(surface)) == 1  # a regex pass: last, for the few that get this far
    )


_PATRONYMIC = regex.compile(
    r"(?i)(?:ovich|evich|ovitch|owitsch|ewitsch|owicz|ewicz|ovič|evič|ovych|ovna|evna|ichna"
    r"|kyzy|kyzi|uulu|ович|евич|овна|евна|ична|кызы|уулу)"
)


def _with_patronymic(name: str, surface: str) -> str:
    """Keep a patronymic the text wrote: "Almazbek Sharshenovich Atambaev" -> "Almazbek
    Sharshenovich Atambayev", not the shorter canonical "Almazbek Atambayev"."""
    written, parts = words(surface), name.split(" ")
    if len(written) == 3 and len(parts) == 2 and _PATRONYMIC.search(written[1][-7:]):
        return f"{parts[0]} {written[1]} {parts[1]}"
    return name


def _as_short(name: str, form: Form) -> str:
    """ "Chüy Region" written as the text wrote it: "Chui" -> "Chüy", "Chui region" -> "Chüy
    Region". A type word (Region, District, Lake…) the mention lacks is not added."""
    head, _, last = name.rpartition(" ")
    if head and name_key(last) in CUE_WORDS and name_key(last) not in key_of(form.text):
        return head
    return name


_ARTICLE = regex.compile(r"(?:^|\W)(?:the|The|THE)\s+$")


def _why_keep(text: str, hit: Hit, form: Form, style: Style) -> str | None:
    surface = text[hit.start : hit.end]
    if style is not Style.LATIN and mostly_cyrillic(surface):
        if hit.stem_end < hit.end or hit.inflected_words:
            return "an inflected Cyrillic form keeps its case ending"
        if style is Style.CANONICAL:
            return "Cyrillic text keeps its script in the canonical style"
    if hit.inflected_words > 1 or (hit.inflected_words and hit.stem_end == hit.end):
        return "inflected in a way the canonical form cannot carry"
    if (
        style is not Style.ID
        and form.entity.kind is Kind.PLACE
        and form.role is Role.FULL
        and key_of(form.text) != key_of(form.entity.canonical)
        and _ARTICLE.search(text, max(0, hit.start - 5), hit.start)
    ):
        return "another name of the place after an article; the canonical form takes none"
    return None


def _first(forms: LangMap, lang: str) -> str | None:
    values = forms.get(lang)
    return values[0] if values else None


def _last_word(name: str) -> str:
    return name.rsplit(" ", 1)[-1]
