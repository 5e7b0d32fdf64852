"""Accuracy of a :class:`Normaliser` against gold files: the library of ``translit-norm bench``.

Two gold formats (see DESIGN.md):

- names, ``*.tsv``: header ``variant<TAB>entity`` plus optional ``kind``, ``lang``, ``source``;
  each row is one spelling that :meth:`resolve` must map to ``entity`` (top-1);
- texts, ``*.jsonl``: one ``{"text", "mentions": [{"start", "end", "surface", "entity"}]}``
  object per line (optional ``id``, ``lang``, and ``kind`` per mention); every mention
  :meth:`find_entities` reports must have the gold span *and* entity. A text with no mentions
  must come out of :meth:`normalise` unchanged.

A gold ``entity`` names an entity by id, Wikidata QID, GeoNames id or canonical form.
"""

from __future__ import annotations

import csv
import difflib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .errors import TranslitNormError
from .model import Candidate, Entity, Kind, Mention

__all__ = [
    "Accuracy",
    "BenchReport",
    "GoldMention",
    "GoldName",
    "GoldText",
    "Miss",
    "Score",
    "entity_matches",
    "read_gold",
    "run_bench",
]

NAME_COLUMNS = ("variant", "entity", "kind", "lang", "source")
UNKNOWN = "?"


class NormaliserLike(Protocol):
    """The part of :class:`translit_norm.Normaliser` the benchmark uses."""

    def find_entities(self, text: str) -> Sequence[Mention]: ...

    def resolve(self, name: str) -> Sequence[Candidate]: ...

    def normalise(self, text: str) -> str: ...


@dataclass(frozen=True, slots=True)
class GoldName:
    """One spelling and the entity it must resolve to."""

    variant: str
    entity: str
    kind: str
    lang: str
    source: str
    origin: str
    """``file:line`` of the row."""


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One annotated span of a gold text."""

    start: int
    end: int
    surface: str
    entity: str
    kind: str


@dataclass(frozen=True, slots=True)
class GoldText:
    """One annotated text; no mentions means nothing in it may change."""

    text: str
    mentions: tuple[GoldMention, ...]
    lang: str
    origin: str


@dataclass(frozen=True, slots=True)
class Score:
    """Mention counts: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How many gold names :meth:`resolve` put right in first place."""

    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.right, self.total)


@dataclass(frozen=True, slots=True)
class Miss:
    """One error: a missed, spurious or wrongly resolved mention, or a wrong top-1 name."""

    origin: str
    what: str
    """``missed``, ``spurious``, ``wrong entity`` (mentions) or ``resolve`` (names)."""
    surface: str
    expected: str
    got: str


@dataclass(frozen=True, slots=True)
class BenchReport:
    """Scores grouped as ``all``, ``kind:<kind>`` and ``lang:<lang>``."""

    mentions: Mapping[str, Score]
    resolve: Mapping[str, Accuracy]
    clean_texts: int
    """Texts with no gold mention."""
    edited_texts: int
    """How many of those :meth:`normalise` changed."""
    edits: int
    """Changed regions in those texts, summed."""
    misses: tuple[Miss, ...]
    files: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable dict of every figure, rounded to 4 places."""
        return {
            "files": list(self.files),
            "mentions": {
                group: {
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "precision": _round(s.precision),
                    "recall": _round(s.recall),
                    "f1": _round(s.f1),
                }
                for group, s in self.mentions.items()
            },
            "resolve": {
                group: {"right": a.right, "total": a.total, "accuracy": _round(a.accuracy)}
                for group, a in self.resolve.items()
            },
            "entity_free": {
                "texts": self.clean_texts,
                "edited_texts": self.edited_texts,
                "edits": self.edits,
            },
            "misses": [
                {
                    "origin": m.origin,
                    "what": m.what,
                    "surface": m.surface,
                    "expected": m.expected,
                    "got": m.got,
                }
                for m in self.misses
            ],
        }

    def to_markdown(self, *, max_misses: int = 50) -> str:
        """Tables of the scores, then up to ``max_misses`` misses."""
        lines = [
            "| mentions | tp | fp | fn | precision | recall | F1 |",
            "|---|---|---|---|---|---|---|",
        ]
        for group, s in self.mentions.items():
            lines.append(
                f"| {group} | {s.tp} | {s.fp} | {s.fn} | {_fmt(s.precision)} "
                f"| {_fmt(s.recall)} | {_fmt(s.f1)} |"
            )
        lines += ["", "| resolve top-1 | right | total | accuracy |", "|---|---|---|---|"]
        for group, a in self.resolve.items():
            lines.append(f"| {group} | {a.right} | {a.total} | {_fmt(a.accuracy)} |")
        lines += [
            "",
            f"Entity-free texts: {self.clean_texts}, changed by normalise: {self.edited_texts} "
            f"({self.edits} edits).",
        ]
        if self.misses:
            lines += [
                "",
                f"Misses ({len(self.misses)}, first {min(max_misses, len(self.misses))}):",
                "",
            ]
            lines += ["| where | what | surface | expected | got |", "|---|---|---|---|---|"]
            lines += [
                f"| {m.origin} | {m.what} | {_cell(m.surface)} | {_cell(m.expected)} "
                f"| {_cell(m.got)} |"
                for m in self.misses[:max_misses]
            ]
        return "\n".join(lines) + "\n"


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def entity_matches(gold: str, entity: Entity) -> bool:
    """True when the gold key names ``entity`` by id, QID, GeoNames id or canonical form."""
    return gold in (entity.id, entity.wikidata, entity.canonical) or (
        entity.geonames is not None and gold == str(entity.geonames)
    )


def _kind(value: str, where: str) -> str:
    if not value:
        return UNKNOWN
    try:
        return str(Kind.parse(value).value)
    except TranslitNormError as exc:
        raise TranslitNormError(f"{where}: {exc}") from None


def _read_names(path: Path, lines: Iterable[str]) -> Iterator[GoldName]:
    header: list[str] | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n").removeprefix("\ufeff")
        where = f"{path}:{number}"
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            unknown = sorted(set(header) - set(NAME_COLUMNS))
            if unknown or header[:2] != ["variant", "entity"]:
                raise TranslitNormError(
                    f"{where}: bad header {header}; it must start variant, entity and may add "
                    f"{', '.join(NAME_COLUMNS[2:])}"
                )
            continue
        if len(cells) != len(header):
            raise TranslitNormError(
                f"{where}: expected {len(header)} tab-separated fields, found {len(cells)}"
            )
        row = dict(zip(header, (c.strip() for c in cells), strict=True))
        if not row["variant"] or not row["entity"]:
            raise TranslitNormError(f"{where}: empty variant or entity")
        yield GoldName(
            row["variant"],
            row["entity"],
            _kind(row.get("kind", ""), where),
            row.get("lang") or UNKNOWN,
            row.get("source", ""),
            where,
        )
    if header is None:
        raise TranslitNormError(f"{path}:1: no header row (need at least: variant, entity)")


def _mention(obj: object, text: str, where: str) -> GoldMention:
    if not isinstance(obj, dict):
        raise TranslitNormError(f"{where}: a mention must be an object, not {obj!r}")
    start, end, surface, entity = (obj.get(k) for k in ("start", "end", "surface", "entity"))
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise TranslitNormError(f"{where}: bad offsets start={start!r} end={end!r}")
    if not isinstance(entity, str) or not entity:
        raise TranslitNormError(f"{where}: mention {surface!r} has no entity")
    if text[start:end] != surface:
        raise TranslitNormError(
            f"{where}: text[{start}:{end}] is {text[start:end]!r}, not the surface {surface!r}"
        )
    return GoldMention(start, end, surface, entity, _kind(str(obj.get("kind") or ""), where))


def _read_texts(path: Path, lines: Iterable[str]) -> Iterator[GoldText]:
    default_lang = path.stem.rsplit("-", 1)[-1] if "-" in path.stem else UNKNOWN
    for number, line in enumerate(lines, start=1):
        where = f"{path}:{number}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TranslitNormError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise TranslitNormError(f"{where}: need an object with a string 'text'")
        mentions = obj.get("mentions", [])
        if not isinstance(mentions, list):
            raise TranslitNormError(f"{where}: 'mentions' must be a list")
        text: str = obj["text"]
        gold = sorted((_mention(m, text, where) for m in mentions), key=lambda m: m.start)
        label = f"{where}" if obj.get("id") is None else f"{where} ({obj['id']})"
        yield GoldText(text, tuple(gold), str(obj.get("lang") or default_lang), label)


def read_gold(paths: Iterable[str | Path]) -> tuple[list[GoldName], list[GoldText]]:
    """Read names (``.tsv``) and texts (``.jsonl``) gold files; errors name ``file:line``."""
    names: list[GoldName] = []
    texts: list[GoldText] = []
    for item in paths:
        path = Path(item)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise TranslitNormError(f"cannot read gold file {path}: {exc}") from None
        first = next((ln for ln in lines if ln.strip() and not ln.startswith("#")), "")
        if path.suffix == ".jsonl" or first.lstrip().startswith("{"):
            texts.extend(_read_texts(path, lines))
        elif path.suffix in (".tsv", ".txt") or first.startswith("variant\t"):
            names.extend(_read_names(path, lines))
        else:
            raise TranslitNormError(f"{path}: unknown gold format; valid: names .tsv, texts .jsonl")
    return names, texts


def _groups(kind: str, lang: str) -> tuple[str, ...]:
    return ("all", f"kind:{kind}", f"lang:{lang}")


def _score_text(
    gold: GoldText, found: Sequence[Mention], scores: Counter[tuple[str, str]], misses: list[Miss]
) -> None:
    """Count one text's tp/fp/fn into ``scores[(group, 'tp'|'fp'|'fn')]``."""
    open_gold = list(gold.mentions)
    for mention in found:
        hit = next(
            (
                g
                for g in open_gold
                if (g.start, g.end) == (mention.start, mention.end)
                and entity_matches(g.entity, mention.entity)
            ),
            None,
        )
        if hit is not None:
            open_gold.remove(hit)
            kind = mention.entity.kind.value if hit.kind == UNKNOWN else hit.kind
            for group in _groups(kind, gold.lang):
                scores[group, "tp"] += 1
            continue
        for group in _groups(mention.entity.kind.value, gold.lang):
            scores[group, "fp"] += 1
        same_span = next(
            (g for g in gold.mentions if (g.start, g.end) == (mention.start, mention.end)), None
        )
        misses.append(
            Miss(
                gold.origin,
                "spurious" if same_span is None else "wrong entity",
                mention.surface,
                "" if same_span is None else same_span.entity,
                mention.entity.canonical,
            )
        )
    for g in open_gold:
        for group in _groups(g.kind, gold.lang):
            scores[group, "fn"] += 1
        overlapping = [m for m in found if m.start < g.end and g.start < m.end]
        got = "; ".join(f"{m.surface} -> {m.entity.canonical}" for m in overlapping)
        misses.append(Miss(gold.origin, "missed", g.surface, g.entity, got))


def _count_edits(before: str, after: str) -> int:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return sum(1 for tag, *_ in matcher.get_opcodes() if tag != "equal")


def _ordered(keys: Iterable[str]) -> list[str]:
    return sorted(set(keys), key=lambda g: (g != "all", g.split(":")[0] != "kind", g))


def run_bench(normaliser: NormaliserLike, paths: Iterable[str | Path]) -> BenchReport:
    """Score ``normaliser`` against the gold files at ``paths``."""
    paths = list(paths)
    names, texts = read_gold(paths)
    misses: list[Miss] = []
    counts: Counter[tuple[str, str]] = Counter()
    clean = edited = edits = 0
    for gold in texts:
        _score_text(gold, normaliser.find_entities(gold.text), counts, misses)
        if not gold.mentions:
            clean += 1
            after = normaliser.normalise(gold.text)
            if after != gold.text:
                edited += 1
                edits += _count_edits(gold.text, after)
    resolved: Counter[tuple[str, str]] = Counter()
    for name in names:
        candidates = normaliser.resolve(name.variant)
        top = candidates[0].entity if candidates else None
        right = top is not None and entity_matches(name.entity, top)
        kind = top.kind.value if name.kind == UNKNOWN and top is not None else name.kind
        for group in _groups(kind, name.lang):
            resolved[group, "total"] += 1
            resolved[group, "right"] += right
        if not right:
            misses.append(
                Miss(
                    name.origin,
                    "resolve",
                    name.variant,
                    name.entity,
                    "" if top is None else f"{top.canonical} ({top.id})",
                )
            )
    mention_groups = _ordered(["all", *(g for g, _ in counts)]) if texts else []
    resolve_groups = _ordered(["all", *(g for g, _ in resolved)]) if names else []
    return BenchReport(
        mentions={
            g: Score(counts[g, "tp"], counts[g, "fp"], counts[g, "fn"]) for g in mention_groups
        },
        resolve={g: Accuracy(resolved[g, "right"], resolved[g, "total"]) for g in resolve_groups},
        clean_texts=clean,
        edited_texts=edited,
        edits=edits,
        misses=tuple(misses),
        files=tuple(str(p) for p in paths),
    )
