"""What a mention is rewritten to: the entity's name in the requested style and in the shape
(full name, surname alone, acronym…) and case the text used."""

from __future__ import annotations

import enum
import functools

import regex

from .errors import UnknownOptionError
from .index import Form, Role, key_of
from .inflection import lemmas
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
    name, kept, after_article = _rewrite(
        surface, hit.stem_end - hit.start, hit.inflected_words, form, style
    )
    if after_article and _ARTICLE.search(text, max(0, hit.start - 5), hit.start):
        return surface, "another name of the place after an article; the canonical form takes none"
    return name, kept


@functools.lru_cache(maxsize=1 << 15)
def _rewrite(
    surface: str, stem: int, inflected: int, form: Form, style: Style
) -> tuple[str, str | None, bool]:
    """:func:`rewrite` from the mention alone, remembered (names recur): the replacement,
    why the surface is kept, and whether an article right before it would keep it too.
    ``stem`` is where the matched base form ends in ``surface``; ``inflected`` counts the
    words matched through a base form."""
    keep = _why_keep(surface, stem, inflected, style)
    if keep:
        return surface, keep, False
    entity, role = form.entity, form.role
    if form.another_name:
        return surface, (f"{form.text!r} is another name of {entity.canonical} (a former, "
                         "short or informal one), not a spelling of its name: rewriting it "
                         "would change what the text says"), False
    after_article = (
        style is not Style.ID
        and entity.kind is Kind.PLACE
        and role is Role.FULL
        and key_of(form.text) != key_of(entity.canonical)
    )
    name = name_in(entity, role, _LANGS[style])
    if name is None:
        return surface, f"no {style.value} name is known for {entity.id}", after_article
    if role is Role.FULL and style in (Style.CANONICAL, Style.LATIN, Style.ID):
        name = _with_patronymic(_in_shape(name, form), surface)
    if style is not Style.LATIN and _adds_an_ending(surface, name, stem):
        return surface, (f"{surface!r} matched {form.text!r}, but reads as {name!r} with an "
                         "ending that the canonical form would drop"), after_article
    cyrillic = style in (Style.RU, Style.KY)
    if cyrillic and _declined(surface, {name, name_in(entity, role, ("ru",)) or name}):
        return surface, "an inflected Cyrillic form keeps its case ending", after_article
    if not NAME_SHAPE.fullmatch(name):
        return (surface, f"{name!r} is not a plain run of words, so a rewrite would not be "
                "stable", after_article)  # fmt: skip
    if style is not Style.LATIN and stem < len(surface):
        if not _takes_the_ending(surface[:stem], name):
            return surface, (f"{surface!r} is an inflected form of {surface[:stem]!r}, which is "
                             f"not spelled as {name!r}: the ending would not fit it"), after_article
        if cyrillic and not mostly_cyrillic(surface):
            return surface, (f"{surface!r} ends in {surface[stem:]!r}, a Latin case ending "
                             f"that {name!r} cannot take"), after_article
        name += surface[stem:]
    if not form.text.isupper():  # "KOI-TASH" is shouted; "МИД КР" is how the name is written
        name = match_case(surface, name)
    if style is Style.ID:
        return ID_MARKUP.format(id=entity.id, text=name), None, after_article
    return name, None, after_article


def _declined(surface: str, names: set[str]) -> bool:
    """A one-word Cyrillic mention that is a case form of one of the Cyrillic ``names`` (the
    name to write, and the Russian one): GeoNames lists *Москвы* and *Москве* among the
    names of Moscow, and *из Москвы* must not become *из Москва*, nor *в Уфу* Kyrgyz *в
    Өфө*."""
    if surface in names or not mostly_cyrillic(surface):
        return False
    written = name_key(surface)
    keys = {name_key(name) for name in names if " " not in name} - {written}
    # a key equal to the surface's is a spelling (Орел for Орёл), not another case
    return bool(keys) and any(name_key(base) in keys for base in lemmas(surface))


def _takes_the_ending(base: str, name: str) -> bool:
    """Whether the last word of ``name`` spells the base form an ending was cut from (Polish
    *Atambajew-em* -> *Atambayev-em*); *Moskwi-e*, the stem of the locative of *Moskwa*, is
    no spelling of *Moscow*, and *Moscowe* would be no word."""
    return name_key(words(base)[-1]) == name_key(words(name)[-1])


_MAX_ENDING = 3  # key letters after the name that can be a case ending (Polish Biszkek-u)


def _adds_an_ending(surface: str, name: str, stem: int) -> bool:
    """A one-word mention whose key is the name's key and a few more letters: an inflected
    form that matched another spelling as a whole word (Polish *Biszkeku* = Esperanto
    *Biŝkeko*), which the name written in its place would lose."""
    if stem < len(surface) or " " in name or "-" in name:
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


def _in_shape(name: str, form: Form) -> str:
    """A place's name with the type words (Region, District, Lake…) the mention has, where it
    has them: "Chüy Region" for "Chui" is "Chüy", and "Issyk-Kul" for "Lake Issyk Kul" is
    "Lake Issyk-Kul" when the place has that English name."""
    head, _, last = name.rpartition(" ")
    if head and name_key(last) in CUE_WORDS and name_key(last) not in key_of(form.text):
        return head
    wanted = _types(form.text)
    if set(wanted) - set(_types(name)):
        for other in form.entity.names.get("en", ()):
            if _types(other) == wanted:
                return other
    return name


def _types(name: str) -> tuple[tuple[bool, str], ...]:
    """Where a name's type words stand (first or not) and the kind of place each says:
    ((True, "lake"),) for Lake Issyk-Kul, ((False, "lake"),) for Kel-Suu Lake."""
    keys = key_of(name)
    return tuple((i == 0, CUE_WORDS[key]) for i, key in enumerate(keys) if key in CUE_WORDS)


_ARTICLE = regex.compile(r"(?:^|\W)(?:the|The|THE)\s+$")


def _why_keep(surface: str, stem: int, inflected: int, style: Style) -> str | None:
    if style is not Style.LATIN and mostly_cyrillic(surface):
        if stem < len(surface) or inflected:
            return "an inflected Cyrillic form keeps its case ending"
        if style is Style.CANONICAL:
            return "Cyrillic text keeps its script in the canonical style"
    if inflected > 1 or (inflected and stem == len(surface)):
        return "inflected in a way the canonical form cannot carry"
    return None


def _first(forms: LangMap, lang: str) -> str | None:
    values = forms.get(lang)
    return values[0] if values else None


def _last_word(name: str) -> str:
    return name.rsplit(" ", 1)[-1]
