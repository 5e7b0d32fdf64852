"""The plausible Latin spellings of a name, most common first."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from .errors import UnknownOptionError
from .keys import name_key
from .romanise import schemes as scheme_names
from .romanise import transliterate

__all__ = ["MAX_VARIANTS", "ascii_fold", "respelled_keys", "variants"]

MAX_VARIANTS = 40
"""Folded and compound shapes stop here; each scheme's own spelling is always listed."""
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_MARKS = dict.fromkeys(range(0x300, 0x370))
# Hushing letters fold to English digraphs, not to a bare s/z/c: stripping the mark would
# turn Ош into "Os" and Бишкек into "Biskek" (docs/romanisation.md).
_HUSHING = {"ž": "zh", "ż": "zh", "š": "sh", "č": "ch", "ş": "sh", "ç": "ch", "ŝ": "shch"}
_FOLD = str.maketrans(
    {
        **_HUSHING,
        **{k.upper(): v.capitalize() for k, v in _HUSHING.items()},
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "đ": "d",
        "Đ": "D",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "·": "",
        "ʹ": "",
        "ʺ": "",
        "’": "",
        "”": "",
        "′": "",
        "″": "",
        "`": "",
        "'": "",
        '"': "",
    }
)


def ascii_fold(text: str) -> str:
    """``text`` in plain ASCII letters: Žeenbekov -> Zheenbekov, Ömürbek -> Omurbek.

    >>> ascii_fold("Dżeenbekow Atambaïev Čüj")
    'Dzheenbekow Atambaiev Chuj'
    """
    return unicodedata.normalize("NFKD", text.translate(_FOLD)).translate(_MARKS)


def _shapes(form: str) -> list[str]:
    """``form`` and, for a hyphenated compound, its spaced and joined shapes."""
    if not _HYPHEN.search(form):
        return [form]
    parts = _HYPHEN.split(form)
    return [form, " ".join(parts), parts[0] + "".join(part.lower() for part in parts[1:])]


def variants(name: str, *, lang: str = "ru", schemes: Iterable[str] | None = None) -> list[str]:
    """Latin spellings of ``name`` across schemes, most common first, de-duplicated.

    A Cyrillic name is romanised with every scheme of ``lang`` (or only ``schemes``); each
    spelling is followed by its ASCII-folded form, and hyphenated compounds also come
    spaced and joined. A Latin name gives itself and its folded and compound shapes. The
    list holds every scheme's own spelling and at most ``MAX_VARIANTS`` (40) forms in all
    unless the schemes' spellings alone are more.

    >>> variants("Кой-Таш", lang="ky")[:4]
    ['Koy-Tash', 'Koy Tash', 'Koytash', 'Koi-Tash']
    """
    chosen = scheme_names(lang) if schemes is None else tuple(schemes)
    valid = scheme_names(lang)  # raises UnknownOptionError for an unknown language
    for scheme in (*chosen, *(() if chosen else ("",))):
        if scheme not in valid:
            raise UnknownOptionError("scheme", scheme, valid)
    if _CYRILLIC.search(name):
        forms = [transliterate(name, lang=lang, scheme=scheme) for scheme in chosen]
    else:
        forms = [name]
    seen: dict[str, None] = {}
    for form in forms:
        for shape in _shapes(form):
            seen.setdefault(shape.strip())
            seen.setdefault(ascii_fold(shape).strip())
    own = {form.strip() for form in forms}
    listed: list[str] = []
    for form in seen:
        if form and (form in own or len(listed) < MAX_VARIANTS):
            listed.append(form)
    return listed


@functools.lru_cache(maxsize=1 << 14)
def respelled_keys(word: str) -> tuple[str, ...]:
    """The keys of a Cyrillic word's spellings under every Russian and Kyrgyz scheme that
    the word's own key does not cover, sorted: Polish *Chabarowsk* and *ajył*, German
    *Wasiljewka* (the key reads their *ch* and *j* the English way; docs/romanisation.md).

    >>> name_key("Chabarowsk") in respelled_keys("Хабаровск")
    True
    """
    if not _CYRILLIC.search(word):
        return ()
    own = name_key(word)
    found = {
        name_key(transliterate(word, lang=lang, scheme=scheme))
        for lang in ("ru", "ky")
        for scheme in scheme_names(lang)
    }
    return tuple(sorted(key for key in found - {own} if key))
