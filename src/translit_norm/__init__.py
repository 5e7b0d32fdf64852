"""translit_norm: find the many spellings of Kyrgyz and Russian names, places and
organisations in text and map each to one canonical entity.

>>> import translit_norm as tn
>>> tn.normalise("Atambaev met Zheenbekov in Koi-Tash.")
'Atambayev met Jeenbekov in Koy-Tash.'

Importing the package reads no data: the bundled gazetteers are loaded on first use.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from .errors import GazetteerError, TranslitNormError, UnknownOptionError
from .gazetteer import Gazetteer, load_gazetteer
from .model import Candidate, Entity, Kind, Mention
from .normaliser import Normaliser

__all__ = [
    "Candidate",
    "Entity",
    "Gazetteer",
    "GazetteerError",
    "Kind",
    "Mention",
    "Normaliser",
    "TranslitNormError",
    "UnknownOptionError",
    "default_normaliser",
    "find_entities",
    "load_gazetteer",
    "normalise",
    "reset_caches",
    "resolve",
    "transliterate",
    "variants",
]
__version__ = "0.1.0"


@functools.cache
def default_normaliser() -> Normaliser:
    """The shared :class:`Normaliser` over the bundled gazetteers, built on first use."""
    return Normaliser()


def normalise(
    text: str, *, style: str = "canonical", kinds: object = None, min_score: float | None = None
) -> str:
    """Rewrite every known entity mention in ``text`` to its canonical form (see
    :meth:`Normaliser.normalise`)."""
    return default_normaliser().normalise(text, style=style, kinds=kinds, min_score=min_score)


def find_entities(
    text: str,
    *,
    kinds: object = None,
    min_score: float | None = None,
    style: str = "canonical",
    abstentions: bool = False,
) -> list[Mention]:
    """The mentions of known entities in ``text`` (see :meth:`Normaliser.find_entities`)."""
    return default_normaliser().find_entities(
        text, kinds=kinds, min_score=min_score, style=style, abstentions=abstentions
    )


def resolve(name: str, *, kind: object = None, limit: int = 5) -> list[Candidate]:
    """Rank the entities ``name`` may denote, best first; ``[]`` when none is close."""
    return default_normaliser().resolve(name, kind=kind, limit=limit)


def transliterate(text: str, *, lang: str = "ru", scheme: str = "bgn_pcgn") -> str:
    """Romanise Cyrillic ``text`` of language ``lang`` with ``scheme`` (see
    :func:`translit_norm.romanise.transliterate`)."""
    from .romanise import transliterate as romanise

    return romanise(text, lang=lang, scheme=scheme)


def variants(name: str, *, lang: str = "ru", schemes: Iterable[str] | None = None) -> list[str]:
    """The plausible Latin spellings of ``name`` (see :func:`translit_norm.spellings.variants`)."""
    from .spellings import variants as spellings

    return spellings(name, lang=lang, schemes=schemes)


def reset_caches() -> None:
    """Forget every loaded gazetteer and index (after the bundled data changed on disk)."""
    from . import decide, keys, render, startcache

    default_normaliser.cache_clear()
    startcache.bundled.cache_clear()
    keys.name_key.cache_clear()
    memos = (decide._reading, decide._verdict, decide._contest, render._rewrite)
    for remembered in memos:  # they hold forms of the old data
        remembered.cache_clear()
