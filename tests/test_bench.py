"""The scoring maths of translit_norm.bench, checked exactly with a small fake normaliser."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from translit_norm.bench import entity_matches, read_gold, run_bench
from translit_norm.errors import TranslitNormError
from translit_norm.model import Candidate, Entity, Kind, Mention

ATAMBAYEV = Entity(
    "person:almazbek-atambayev", Kind.PERSON, "Almazbek Atambayev", wikidata="Q24692"
)
JEENBEKOV = Entity(
    "person:sooronbay-jeenbekov", Kind.PERSON, "Sooronbay Jeenbekov", wikidata="Q23810819"
)
KOY_TASH = Entity("place:koy-tash", Kind.PLACE, "Koy-Tash")
BISHKEK = Entity("place:bishkek", Kind.PLACE, "Bishkek", geonames=1528675, wikidata="Q9361")
GKNB = Entity("org:gknb", Kind.ORG, "GKNB")


class FakeNormaliser:
    """Finds a fixed list of surfaces; resolves from a fixed table; rewrites to canonical."""

    def __init__(self, surfaces: dict[str, Entity], table: dict[str, Entity]) -> None:
        self.surfaces = surfaces
        self.table = table

    def find_entities(self, text: str) -> list[Mention]:
        found = []
        for surface, entity in self.surfaces.items():
            start = text.find(surface)
            while start >= 0:
                end = start + len(surface)
                found.append(
                    Mention(start, end, surface, entity, entity.canonical, 1.0, "exact", "test")
                )
                start = text.find(surface, end)
        return sorted(found, key=lambda m: m.start)

    def resolve(self, name: str) -> Sequence[Candidate]:
        entity = self.table.get(name)
        return [] if entity is None else [Candidate(entity, 0.9, "exact", "test")]

    def normalise(self, text: str) -> str:
        for mention in reversed(self.find_entities(text)):
            text = text[: mention.start] + mention.replacement + text[mention.end :]
        return text


def _mention(text: str, surface: str, entity: str, kind: str) -> dict[str, object]:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "surface": surface,
            "entity": entity, "kind": kind}


def _write_texts(path: Path, texts: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts), "utf-8")
    return path


@pytest.fixture
def gold(tmp_path: Path) -> list[Path]:
    text_en = "Atambaev met Dscheenbekow in Koi-Tash."
    text_ru = "Атамбаева задержали в Кой-Таше."
    texts = _write_texts(tmp_path / "texts-en.jsonl", [
        {"id": "en-1", "lang": "en", "text": text_en, "mentions": [
            _mention(text_en, "Atambaev", "Q24692", "person"),
            _mention(text_en, "Dscheenbekow", "Q23810819", "person"),
            _mention(text_en, "Koi-Tash", "Koy-Tash", "place"),
        ]},
        {"id": "ru-1", "lang": "ru", "text": text_ru, "mentions": [
            _mention(text_ru, "Атамбаева", "person:almazbek-atambayev", "person"),
        ]},
        {"id": "none-1", "lang": "en", "text": "Bor and Mir went to Bishkek Street.",
         "mentions": []},
    ])
    names = tmp_path / "names-test.tsv"
    names.write_text(
        "# made for the test\n"
        "variant\tentity\tkind\tlang\tsource\n"
        "Atambajew\tQ24692\tperson\tde\twikidata\n"
        "Dżeenbekow\tQ23810819\tperson\tpl\twikidata\n"
        "Bischkek\t1528675\tplace\tde\tgeonames\n",
        "utf-8",
    )
    return [texts, names]


def test_scores_counted_exactly(gold: list[Path]) -> None:
    fake = FakeNormaliser(
        # Atambaev right, Dscheenbekow resolved wrongly, Koi-Tash missed, Атамбаева right,
        # and one spurious hit that rewrites the entity-free text (Bor -> Bishkek).
        surfaces={"Atambaev": ATAMBAYEV, "Dscheenbekow": ATAMBAYEV, "Атамбаева": ATAMBAYEV,
                  "Bor": BISHKEK},
        table={"Atambajew": ATAMBAYEV, "Dżeenbekow": ATAMBAYEV, "Bischkek": BISHKEK},
    )
    report = run_bench(fake, gold)
    everything = report.mentions["all"]
    assert (everything.tp, everything.fp, everything.fn) == (2, 2, 2)
    assert everything.precision == pytest.approx(0.5)
    assert everything.recall == pytest.approx(0.5)
    person = report.mentions["kind:person"]
    assert (person.tp, person.fp, person.fn) == (2, 1, 1)
    assert round(person.precision or 0, 3) == 0.667
    assert report.mentions["kind:place"].recall == 0.0
    assert report.mentions["lang:ru"].f1 == 1.0
    assert report.resolve["all"].right == 2
    assert round(report.resolve["all"].accuracy or 0, 3) == 0.667
    assert report.resolve["lang:pl"].accuracy == 0.0
    assert (report.clean_texts, report.edited_texts, report.edits) == (1, 1, 1)
    whats = sorted(m.what for m in report.misses)
    assert whats == ["missed", "missed", "resolve", "spurious", "wrong entity"]


def test_report_renders(gold: list[Path]) -> None:
    report = run_bench(FakeNormaliser({}, {}), gold)
    data = json.loads(json.dumps(report.to_json()))
    assert data["mentions"]["all"] == {
        "tp": 0, "fp": 0, "fn": 4, "precision": None, "recall": 0.0, "f1": None,
    }
    assert data["entity_free"] == {"texts": 1, "edited_texts": 0, "edits": 0}
    markdown = report.to_markdown()
    assert "| all | 0 | 0 | 4 | – | 0.000 | – |" in markdown
    assert "| all | 0 | 3 | 0.000 |" in markdown


def test_entity_keys() -> None:
    assert entity_matches("Q9361", BISHKEK)
    assert entity_matches("1528675", BISHKEK)
    assert entity_matches("place:bishkek", BISHKEK)
    assert entity_matches("Bishkek", BISHKEK)
    assert not entity_matches("bishkek", BISHKEK)
    assert not entity_matches("Koy-Tash", BISHKEK)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.tsv", "variant\tentity\n Atambaev\n", "bad.tsv:2: expected 2"),
        ("bad.tsv", "name\tentity\nAtambaev\tQ24692\n", "bad.tsv:1: bad header"),
        ("bad.tsv", "variant\tentity\tkind\nAtambaev\tQ24692\thuman\n", "bad.tsv:2: unknown kind"),
        ("bad.jsonl", '{"text": "Osh"}\n{"text": "Osh", "mentions": [{"start": 0, "end": 3, '
         '"surface": "Ош", "entity": "Osh"}]}\n', "bad.jsonl:2: text[0:3] is 'Osh'"),
        ("bad.jsonl", "{not json}\n", "bad.jsonl:1: not JSON"),
        ("bad.csv", "a,b\n", "unknown gold format"),
    ],
)
def test_bad_gold_names_file_and_line(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(TranslitNormError, match=message.replace("[", r"\[").replace("]", r"\]")):
        read_gold([path])


REPO = Path(__file__).resolve().parents[1]
GOLD_FILES = sorted((REPO / "benchmarks" / "gold").glob("*.*"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.name for p in GOLD_FILES])
def test_committed_gold_reads(path: Path) -> None:
    """Every committed gold file parses; every text offset holds (text[start:end] == surface)."""
    names, texts = read_gold([path])
    assert names or texts
    for text in texts:
        assert all(text.text[m.start : m.end] == m.surface for m in text.mentions)
    if path.name == "texts-none.jsonl":
        assert texts
        assert not any(t.mentions for t in texts)
