"""Gazetteer files: reading, validating and merging entity tables.

The format is documented in ``docs/gazetteer-format.md``: UTF-8 TSV, ``#`` comment lines
first (provenance), then one header row, then one entity per row. Only ``id``, ``kind`` and
``canonical`` are required; every other column may be absent.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import regex

from .datafiles import data_dir
from .errors import GazetteerError, TranslitNormError
from .model import EMPTY, Entity, Kind, LangMap

COLUMNS = (
    "id",
    "kind",
    "type",
    "canonical",
    "names",
    "given",
    "family",
    "acronyms",
    "aliases",
    "wikidata",
    "geonames",
    "country",
    "parents",
    "prominence",
    "source",
)
REQUIRED = ("id", "kind", "canonical")
SEPARATOR = "|"
_LANG_TAG = regex.compile(r"[a-z]{2,3}(?:_[a-z]{2,4})?")
_QID = regex.compile(r"^Q[1-9][0-9]*$")
_COUNTRY = regex.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """An immutable set of entities keyed by id. ``a | b`` lets ``b``'s rows override ``a``'s."""

    entities: Mapping[str, Entity]
    origin: str = ""

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return self.entities.get(entity_id)

    def __or__(self, other: Gazetteer) -> Gazetteer:
        merged = {**self.entities, **other.entities}
        return Gazetteer(MappingProxyType(merged), f"{self.origin}+{other.origin}")

    @classmethod
    def of(cls, entities: Iterable[Entity], origin: str = "") -> Gazetteer:
        """Build from entities; a later entity with the same id replaces an earlier one."""
        return cls(MappingProxyType({e.id: e for e in entities}), origin)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(SEPARATOR) if part.strip())


def _lang_map(cell: str) -> LangMap:
    if not cell:
        return EMPTY
    out: dict[str, list[str]] = {}
    for part in _split(cell):
        lang, sep, value = part.partition(":")
        if not (sep and _LANG_TAG.fullmatch(lang)):
            lang, value = "und", part
        forms = out.setdefault(lang, [])
        if value not in forms:
            forms.append(value)
    return MappingProxyType({lang: tuple(forms) for lang, forms in out.items()})


def format_lang_map(values: Mapping[str, Iterable[str]]) -> str:
    """The inverse of the reader: ``{"ru": ["Бишкек"]}`` -> ``"ru:Бишкек"``."""
    return SEPARATOR.join(
        (value if lang == "und" else f"{lang}:{value}")
        for lang, forms in values.items()
        for value in forms
    )


def _entity(row: dict[str, str], where: tuple[str, int]) -> Entity:
    def fail(message: str) -> GazetteerError:
        return GazetteerError(where[0], where[1], message)

    for column in REQUIRED:
        if not row.get(column):
            raise fail(f"empty required column {column!r}")
    try:
        kind = Kind.parse(row["kind"])
    except TranslitNormError as exc:
        raise fail(str(exc)) from None
    wikidata = row.get("wikidata") or None
    if wikidata is not None and not _QID.match(wikidata):
        raise fail(f"wikidata must be a QID such as Q24692, not {wikidata!r}")
    geonames_cell = row.get("geonames") or ""
    if geonames_cell and not geonames_cell.isdigit():
        raise fail(f"geonames must be a numeric id, not {geonames_cell!r}")
    country = row.get("country") or None
    if country is not None and not _COUNTRY.match(country):
        raise fail(f"country must be an ISO 3166-1 alpha-2 code such as KG, not {country!r}")
    try:
        prominence = float(row.get("prominence") or 0)
    except ValueError:
        raise fail(f"prominence must be a number, not {row.get('prominence')!r}") from None
    return Entity(
        id=row["id"],
        kind=kind,
        canonical=row["canonical"],
        names=_lang_map(row.get("names", "")),
        aliases=_split(row.get("aliases", "")),
        acronyms=_lang_map(row.get("acronyms", "")),
        given=_lang_map(row.get("given", "")),
        family=_lang_map(row.get("family", "")),
        wikidata=wikidata,
        geonames=int(geonames_cell) if geonames_cell else None,
        country=country,
        type=row.get("type") or None,
        parents=_split(row.get("parents", "")),
        prominence=prominence,
        source=row.get("source", ""),
    )


def read_entities(lines: Iterable[str], path: str) -> Iterator[Entity]:
    """Parse gazetteer TSV lines; raise :class:`GazetteerError` naming ``path`` and line."""
    header: list[str] | None = None
    seen: set[str] = set()
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            unknown = sorted(set(header) - set(COLUMNS))
            missing = [c for c in REQUIRED if c not in header]
            if unknown or missing:
                problem = f"unknown columns {unknown}" if unknown else f"missing columns {missing}"
                raise GazetteerError(path, number, f"bad header: {problem}; valid: {COLUMNS}")
            continue
        if len(cells) != len(header):
            raise GazetteerError(
                path, number, f"expected {len(header)} tab-separated fields, found {len(cells)}"
            )
        if not line.isascii() and not unicodedata.is_normalized("NFC", line):
            raise GazetteerError(path, number, "text is not in Unicode NFC form")
        entity = _entity(dict(zip(header, cells, strict=False)), (path, number))
        if entity.id in seen:
            raise GazetteerError(path, number, f"duplicate id {entity.id!r}")
        seen.add(entity.id)
        yield entity
    if header is None:
        raise GazetteerError(path, 1, "no header row (need at least: id, kind, canonical)")


def load_gazetteer(path: str | Path) -> Gazetteer:
    """Read a gazetteer TSV file (format: docs/gazetteer-format.md)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return Gazetteer.of(read_entities(handle, str(path)), str(path))
    except UnicodeDecodeError as exc:
        raise GazetteerError(str(path), 0, f"not UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise TranslitNormError(f"cannot read gazetteer {path}: {exc.strerror}") from None


def bundled_gazetteer() -> Gazetteer:
    """All gazetteers shipped with the package, read once on first use (or loaded from the
    start-up cache, see :mod:`translit_norm.startcache`)."""
    from .startcache import bundled

    return bundled().gazetteer


def read_bundled() -> Gazetteer:
    """Read all gazetteers shipped with the package from their files."""
    root = data_dir("gazetteers")
    merged = Gazetteer.of((), "bundled")
    for item in sorted(root.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".tsv"):
            text = item.read_text(encoding="utf-8")
            merged = merged | Gazetteer.of(read_entities(text.splitlines(), item.name))
    return Gazetteer(merged.entities, "bundled")
