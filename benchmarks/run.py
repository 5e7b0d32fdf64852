"""Accuracy and speed of translit_norm against baselines, in one run on the same gold.

Usage: python benchmarks/run.py [--quick] [--out FILE]

Prints Markdown tables and writes the figures as JSON (default benchmarks/results/latest.json).
Needs the ``bench`` extra (pyahocorasick, flashtext, anyascii, unidecode, iuliia).
See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/kyrgyz-politics.txt"  # the README's quick-start text
sys.path.insert(0, str(REPO / "src"))

import ahocorasick  # noqa: E402
import iuliia  # noqa: E402
import regex  # noqa: E402
from anyascii import anyascii  # noqa: E402
from flashtext import KeywordProcessor  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402
from unidecode import unidecode  # noqa: E402

import translit_norm as tn  # noqa: E402
from key_collisions import collisions  # noqa: E402
from translit_norm.bench import GoldName, read_gold, run_bench  # noqa: E402
from translit_norm.text import CAPITALISED  # noqa: E402

GOLD = Path("benchmarks", "gold")  # relative: reports name files the same on every machine
WORD = regex.compile(r"\w+(?:[-'’]\w+)*")
TOKENISE = "regex \\w+ tokenise"  # the baseline pass the throughput goal is stated against
FLOOR = "capitalised-word lookup (floor)"  # see _capitalised_lookup
OURS = "translit_norm normalise"
MAX_WORDS = 4  # longest gazetteer phrase the n-gram baselines try


# --- baselines: the same three methods as a Normaliser ---------------------------------------


def surface_table(gazetteer: tn.Gazetteer) -> dict[str, tn.Entity]:
    """Every name, alias and acronym of the gazetteer -> its most prominent entity (in a
    fixed order: which of two forms that fold alike a baseline keeps must not depend on the
    process's string hashing)."""
    table: dict[str, tn.Entity] = {}
    for entity in sorted(gazetteer, key=lambda e: e.prominence):
        maps = (entity.names, entity.acronyms)
        forms = {entity.canonical, *entity.aliases}
        forms.update(f for m in maps for values in m.values() for f in values)
        for form in sorted(forms):
            table[form] = entity
    return table


def _mention(text: str, start: int, end: int, entity: tn.Entity, method: str) -> tn.Mention:
    return tn.Mention(start, end, text[start:end], entity, entity.canonical, 1.0, method, method)


def _rewrite(text: str, mentions: Sequence[tn.Mention]) -> str:
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        text = text[: m.start] + m.replacement + text[m.end :]
    return text


class FoldedLookup:
    """Exact lookup after folding both the gazetteer and the query (unidecode, anyascii or
    iuliia); in text, the longest run of up to four words that folds to a known name."""

    def __init__(self, table: dict[str, tn.Entity], fold: Callable[[str], str], name: str) -> None:
        self.fold, self.name = fold, name
        self.table = {fold(form): entity for form, entity in table.items()}

    def resolve(self, name: str) -> list[tn.Candidate]:
        entity = self.table.get(self.fold(name))
        return [] if entity is None else [tn.Candidate(entity, 1.0, self.name, self.name)]

    def find_entities(self, text: str) -> list[tn.Mention]:
        words = [(m.start(), m.end()) for m in WORD.finditer(text)]
        found, i = [], 0
        while i < len(words):
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                start, end = words[i][0], words[i + n - 1][1]
                entity = self.table.get(self.fold(text[start:end]))
                if entity is not None:
                    found.append(_mention(text, start, end, entity, self.name))
                    i += n
                    break
            else:
                i += 1
        return found

    def normalise(self, text: str) -> str:
        return _rewrite(text, self.find_entities(text))


class FuzzyBruteForce:
    """rapidfuzz ``process.extractOne`` (``ratio``, cutoff 85) over every folded gazetteer name;
    resolve only (text scanning this way is far too slow to be a baseline anyone would use)."""

    def __init__(self, table: dict[str, tn.Entity]) -> None:
        self.forms = [unidecode(f).casefold() for f in table]
        self.entities = list(table.values())

    def resolve(self, name: str) -> list[tn.Candidate]:
        best = process.extractOne(
            unidecode(name).casefold(), self.forms, scorer=fuzz.ratio, score_cutoff=85
        )
        if best is None:
            return []
        return [tn.Candidate(self.entities[best[2]], best[1] / 100, "rapidfuzz", "ratio")]


class FlashTextReplace:
    """flashtext keyword replacement over every gazetteer name (case-insensitive)."""

    def __init__(self, table: dict[str, tn.Entity]) -> None:
        self.processor = KeywordProcessor(case_sensitive=False)
        self.entities = {e.id: e for e in table.values()}
        for form, entity in table.items():
            self.processor.add_keyword(form, entity.id)

    def resolve(self, name: str) -> list[tn.Candidate]:
        entity_id = self.processor.get_keyword(name)
        if entity_id is None:
            return []
        return [tn.Candidate(self.entities[entity_id], 1.0, "flashtext", "keyword")]

    def find_entities(self, text: str) -> list[tn.Mention]:
        return [
            _mention(text, start, end, self.entities[entity_id], "flashtext")
            for entity_id, start, end in self.processor.extract_keywords(text, span_info=True)
        ]

    def normalise(self, text: str) -> str:
        return _rewrite(text, self.find_entities(text))


def _iuliia_fold(text: str) -> str:
    return str(iuliia.WIKIPEDIA.translate(text)).casefold()


def accuracy(quick: bool) -> dict[str, Any]:
    """Mention P/R/F1, resolve top-1 and edits on entity-free texts, for every system."""
    normaliser = tn.Normaliser()
    table = surface_table(normaliser.gazetteer)
    texts = sorted(GOLD.glob("texts-*.jsonl"))
    names = sorted(GOLD.glob("names-*.tsv"))
    if quick:
        names = [_sample(names, every=10)]
    systems: dict[str, Any] = {
        "translit_norm": normaliser,
        "unidecode lookup": FoldedLookup(table, lambda s: unidecode(s).casefold(), "unidecode"),
        "anyascii lookup": FoldedLookup(table, lambda s: anyascii(s).casefold(), "anyascii"),
        "iuliia lookup": FoldedLookup(table, _iuliia_fold, "iuliia"),
        "flashtext": FlashTextReplace(table),
    }
    out: dict[str, Any] = {}
    for label, system in systems.items():
        out[label] = run_bench(system, [*texts, *names]).to_json()
    out["rapidfuzz extractOne"] = run_bench(FuzzyBruteForce(table), names).to_json()
    return out


def _sample(paths: Sequence[Path], *, every: int) -> Path:
    """One names file holding every ``every``-th row of ``paths`` (for --quick)."""
    rows = read_gold(paths)[0]
    target = Path("benchmarks", "results", "names-sample.tsv")
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = ["variant\tentity\tkind\tlang\tsource"]
    lines += [f"{n.variant}\t{n.entity}\t{n.kind}\t{n.lang}\t{n.source}" for n in rows[::every]]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


# --- speed -----------------------------------------------------------------------------------


FILLER = (
    "the", "government", "said", "on", "Tuesday", "that", "talks", "would", "continue", "after",
    "the", "election", "and", "officials", "met", "residents", "of", "the", "district", "to",
    "discuss", "roads", "water", "and", "schools", "while", "observers", "noted", "a", "calm",
    "mood", "in", "the", "capital",
)


def sentence(rng: random.Random, names: Sequence[str] = ()) -> str:
    """Twelve words of filler, one of them a random name of ``names`` when there are any,
    with a capital first letter (names keep their own case) and a full stop."""
    words = rng.choices(FILLER, k=11 if names else 12)
    if names:
        words.insert(rng.randrange(12), rng.choice(names))
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def prose(
    table: dict[str, tn.Entity], *, megabytes: float, seed: int = 0, every: int = 1
) -> str:
    """Deterministic English-like prose, one gazetteer name in every ``every`` sentences of
    twelve words."""
    rng = random.Random(seed)
    surfaces = sorted(table)
    parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        parts.append(sentence(rng, surfaces if len(parts) % every == 0 else ()) + " ")
        size += len(parts[-1].encode())
    return "".join(parts)


def _taking_turns(calls: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds of each call in each round, the calls taking turns within a round: a slow
    spell of the machine falls on all of them, so a ratio taken within a round holds."""
    times: dict[str, list[float]] = {label: [] for label in calls}
    for _ in range(rounds):
        for label, call in calls.items():
            start = time.perf_counter()
            call()
            times[label].append(time.perf_counter() - start)
    return times


def _median_ratios(times: dict[str, list[float]], baseline: str, digits: int) -> dict[str, float]:
    """Each other call's time over the baseline's, within each round: the median over rounds."""
    return {
        label: round(statistics.median(t / b for t, b in zip(own, times[baseline], strict=True)),
                     digits)
        for label, own in times.items() if label != baseline
    }  # fmt: skip


def _median_seconds(call: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _aho(forms: list[str]) -> Callable[[str], list[tuple[int, int]]]:
    automaton = ahocorasick.Automaton()
    for form in forms:
        automaton.add_word(form.casefold(), len(form))
    automaton.make_automaton()

    def scan(text: str) -> list[tuple[int, int]]:
        folded = text.casefold()
        hits = []
        for end, length in automaton.iter(folded):
            start = end - length + 1
            if (start == 0 or not folded[start - 1].isalnum()) and (
                end + 1 == len(folded) or not folded[end + 1].isalnum()
            ):
                hits.append((start, end + 1))
        return hits

    return scan


def _capitalised_lookup(table: dict[str, tn.Entity]) -> Callable[[str], str]:
    """The least any matcher written in Python does: visit each capitalised word, look it up
    in one dict of one-word surface forms and write the entity's canonical name in its
    place. No names of several words, no keys, inflection or decisions: a floor for the
    tokenising-pass ratio, not a rival."""
    canonical = {form: entity.canonical for form, entity in table.items()
                 if CAPITALISED.fullmatch(form)}  # fmt: skip

    def replace(text: str) -> str:
        parts, position = [], 0
        for match in CAPITALISED.finditer(text, concurrent=False):  # as the scan
            name = canonical.get(match.group())
            if name is not None:
                start, end = match.span()
                parts += [text[position:start], name]
                position = end
        parts.append(text[position:])
        return "".join(parts)

    return replace


def annotated_prose(*, megabytes: float) -> str:
    """The team's annotated texts (every language, entity-free ones included), repeated:
    news-like density and the repetition of names that real articles have."""
    texts = [t.text for t in read_gold(sorted(GOLD.glob("texts-*.jsonl")))[1]]
    block = "\n\n".join(texts) + "\n\n"
    return block * (int(megabytes * 1_000_000 / len(block.encode())) + 1)


def throughput(quick: bool) -> dict[str, Any]:
    """Warm MB/s of normalise() and of the baselines over the same texts, after one pass
    over each: generated prose (one random name of the gazetteer in every twelve words, names
    rarely repeated), the same at the density of news (a name in every other sentence) and
    the annotated texts repeated; and one cold pass over new prose."""
    normaliser = tn.Normaliser()
    table = surface_table(normaliser.gazetteer)
    flash = KeywordProcessor(case_sensitive=False)
    for form in table:
        flash.add_keyword(form)
    aho = _aho(list(table))
    floor = _capitalised_lookup(table)
    rounds = 3 if quick else 7
    size = 1 if quick else 4
    out: dict[str, Any] = {"surface_forms": len(table), "rounds": rounds, "corpora": {}}
    for name, corpus in (("generated prose", prose(table, megabytes=size)),
                         ("generated prose, news density", prose(table, megabytes=size, every=2)),
                         ("annotated texts", annotated_prose(megabytes=size))):
        megabytes = len(corpus.encode()) / 1e6
        normaliser.normalise(corpus)  # warm: every name, route and decision seen once
        times = _taking_turns({
            OURS: lambda c=corpus: normaliser.normalise(c),
            TOKENISE: lambda c=corpus: regex.findall(r"\w+", c),
            "flashtext extract": lambda c=corpus: flash.extract_keywords(c),
            "pyahocorasick + word boundary": lambda c=corpus: aho(c),
            FLOOR: lambda c=corpus: floor(c),
        }, rounds)  # fmt: skip
        rates = {label: megabytes / statistics.median(t) for label, t in times.items()}
        if name == "generated prose":  # new names, cue words and contexts: caches cold
            out["first_pass"] = first_pass(normaliser, prose(table, megabytes=size, seed=1))
        out["corpora"][name] = {
            "corpus_mb": round(megabytes, 2),
            "mentions_per_kb": round(len(normaliser.find_entities(corpus)) / megabytes / 1000, 2),
            "mb_per_s": {k: round(v, 2) for k, v in rates.items()},
            "ratio_of_translit_norm_to": _median_ratios(times, OURS, 3),
            "times_the_tokenising_pass": _median_ratios(times, TOKENISE, 2),
        }
    return out


def first_pass(normaliser: tn.Normaliser, corpus: str) -> dict[str, Any]:
    """One normalise() over prose the warm normaliser has not seen (other random names in
    other sentences), against the median tokenising pass over the same text."""
    start = time.perf_counter()
    normaliser.normalise(corpus)
    seconds = time.perf_counter() - start
    tokenise = _median_seconds(lambda: regex.findall(r"\w+", corpus), 5)
    megabytes = len(corpus.encode()) / 1e6
    return {"corpus_mb": round(megabytes, 2), "mb_per_s": round(megabytes / seconds, 2),
            "times_the_tokenising_pass": round(seconds / tokenise, 1)}


def resolve_speed(quick: bool) -> dict[str, Any]:
    """Names per second that resolve() handles on unseen (held-out) variants."""
    normaliser = tn.Normaliser()
    names: list[GoldName] = read_gold(sorted(GOLD.glob("names-*.tsv")))[0]
    sample = names[:: 20 if quick else 4]
    normaliser.resolve("Atambaev")
    seconds = _median_seconds(lambda: [normaliser.resolve(n.variant) for n in sample], 3)
    return {"names": len(sample), "names_per_s": round(len(sample) / seconds, 1)}


PEAK_RSS_KB = """
def peak_rss_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    except (OSError, StopIteration):  # not Linux: ru_maxrss (may include the parent's)
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

COLD = PEAK_RSS_KB + """
import sys, time
start = time.perf_counter()
sys.path.insert(0, {src!r})
import translit_norm as tn
tn.normalise({sentence!r})
print(time.perf_counter() - start, peak_rss_kb())
"""
# The first call's text: English, and Russian with case endings, whose first look-up of a
# base form loads pymorphy3's dictionaries.
FIRST_CALLS = {
    "en": "Atambaev met Zheenbekov in Koi-Tash.",
    "ru": "Спецназ ГКНБ задержал Алмазбека Атамбаева в селе Кой-Таш.",
}


def _subprocess(code: str) -> list[float]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    return [float(x) for x in done.stdout.split()]


def cold_start(quick: bool) -> dict[str, Any]:
    """Import + first normalise() in a fresh interpreter: median seconds and peak RSS, with
    the start-up cache warm and on a first run ever (an empty cache, which the run fills);
    the same with a Russian first text; and the wall time of the whole command on the
    bundled example, from the process's start to its end."""
    import tempfile

    count = 3 if quick else 5
    with tempfile.TemporaryDirectory() as folder:
        def run(cache: str, lang: str = "en") -> list[float]:
            code = COLD.format(src=str(REPO / "src"), sentence=FIRST_CALLS[lang])
            return _subprocess(f"import os; os.environ['TRANSLIT_NORM_CACHE_DIR'] = {cache!r}\n"
                               + code)  # fmt: skip

        first = [run(os.path.join(folder, str(n))) for n in range(count)]
        warm = [run(os.path.join(folder, "0")) for _ in range(count)]
        russian = [run(os.path.join(folder, "0"), "ru") for _ in range(count)]
        command = [_command_seconds(os.path.join(folder, "0")) for _ in range(count)]

    def medians(runs: list[list[float]]) -> dict[str, float]:
        return {
            "seconds_median": round(statistics.median(r[0] for r in runs), 3),
            "peak_rss_mb": round(statistics.median(r[1] for r in runs) / 1024, 1),
        }

    return {"runs": count, **medians(warm), "first_run": medians(first),
            "russian": medians(russian),
            "command_seconds_median": round(statistics.median(command), 3)}  # fmt: skip


def _command_seconds(cache: str) -> float:
    """Wall seconds of ``translit-norm clean`` on the bundled example, start to exit."""
    path = [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "TRANSLIT_NORM_CACHE_DIR": cache, "PYTHONPATH": os.pathsep.join(path)}
    argv = [sys.executable, "-m", "translit_norm", "clean", str(REPO / EXAMPLE)]
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, check=True, env=env)
    return time.perf_counter() - start


SCALE = PEAK_RSS_KB + """
import random, sys, time
sys.path.insert(0, {src!r})
sys.path.insert(0, {bench!r})
import translit_norm as tn
from run import prose, surface_table, synthetic
base = tn.Normaliser()
extra = synthetic(len(base.gazetteer) * ({factor} - 1))
start = time.perf_counter()
normaliser = tn.Normaliser(gazetteers=[extra])
normaliser.normalise("Atambaev")
build = time.perf_counter() - start
corpus = prose(surface_table(base.gazetteer), megabytes={mb})
normaliser.normalise(corpus[:100_000])
seconds = []
for _ in range(3):
    start = time.perf_counter()
    normaliser.normalise(corpus)
    seconds.append(time.perf_counter() - start)
seconds = sorted(seconds)[1]
print(len(normaliser.gazetteer), build, len(corpus.encode()) / 1e6 / seconds, peak_rss_kb())
"""

SYLLABLES = ("ka", "ra", "bek", "tur", "sun", "mir", "zhan", "bai", "gul", "dar", "kul", "ta",
             "nur", "as", "yl", "chy", "mat", "ov", "ev", "sha", "bol", "ot", "ken", "ai")


def _pseudo_name(rng: random.Random) -> str:
    return "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))).capitalize()


def synthetic(count: int, *, seed: int = 1) -> tn.Gazetteer:
    """``count`` made-up persons and villages with Kyrgyz-looking names."""
    rng = random.Random(seed)

    def entities() -> Iterator[tn.Entity]:
        for i in range(count):
            if i % 2:
                given, family = _pseudo_name(rng), _pseudo_name(rng) + rng.choice(("ov", "ev"))
                yield tn.Entity(f"person:synthetic-{i}", tn.Kind.PERSON, f"{given} {family}",
                                given={"en": (given,)}, family={"en": (family,)})
            else:
                yield tn.Entity(f"place:synthetic-{i}", tn.Kind.PLACE, _pseudo_name(rng),
                                type="village", country="KG")

    return tn.Gazetteer.of(entities(), "synthetic")


def scaling(quick: bool) -> list[dict[str, Any]]:
    """Build time, warm throughput (median of 3) and peak RSS with the gazetteer grown 1x, 10x
    (and 100x), each in its own interpreter."""
    rows = []
    for factor in (1, 10) if quick else (1, 10, 100):
        code = SCALE.format(src=str(REPO / "src"), bench=str(REPO / "benchmarks"),
                            factor=factor, mb=0.5 if quick else 2)
        entities, build, rate, rss = _subprocess(code)
        rows.append({"factor": factor, "entities": int(entities), "build_s": round(build, 2),
                     "mb_per_s": round(rate, 2), "peak_rss_mb": round(rss / 1024, 1)})
    return rows


# --- report ----------------------------------------------------------------------------------


def key_collisions() -> dict[str, Any]:
    """How often the name key folds different entities of the bundled gazetteer together."""
    found = collisions(tn.default_normaliser().gazetteer)
    found.pop("forms")
    found["merges"] = dict(list(found["merges"].items())[:20])  # the largest, as examples
    return found


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def markdown(results: dict[str, Any]) -> str:
    lines = [
        "## Accuracy (same gold for every system)", "",
        "| system | mention P | mention R | mention F1 | resolve top-1 | entity-free edited |",
        "|---|---|---|---|---|---|",
    ]
    for label, report in results["accuracy"].items():
        mentions = report["mentions"].get("all", {})
        resolved = report["resolve"].get("all", {})
        free = report["entity_free"]
        edits = f"{free['edited_texts']}/{free['texts']} texts" if free["texts"] else "–"
        lines.append(
            f"| {label} | {_fmt(mentions.get('precision'))} | {_fmt(mentions.get('recall'))} | "
            f"{_fmt(mentions.get('f1'))} | {_fmt(resolved.get('accuracy'))} | {edits} |"
        )
    ours = results["accuracy"]["translit_norm"]
    lines += [
        "", "## translit_norm by kind and language", "",
        "| group | mention P | mention R | mention F1 | resolve top-1 (n) |",
        "|---|---|---|---|---|",
    ]
    for group in sorted(set(ours["mentions"]) | set(ours["resolve"]),
                        key=lambda g: (g != "all", g)):
        m = ours["mentions"].get(group, {})
        r = ours["resolve"].get(group)
        res = f"{_fmt(r['accuracy'])} ({r['total']})" if r else "–"
        lines.append(f"| {group} | {_fmt(m.get('precision'))} | {_fmt(m.get('recall'))} | "
                     f"{_fmt(m.get('f1'))} | {res} |")
    speed = results["throughput"]
    for name, corpus in speed["corpora"].items():
        lines += ["", f"## Warm throughput: {name} ({corpus['corpus_mb']} MB, "
                  f"{corpus['mentions_per_kb']} mentions per kB; baselines over "
                  f"{speed['surface_forms']} surface forms)", "", "| system | MB/s |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in corpus["mb_per_s"].items()]
        lines += ["", "translit_norm as a share of each: " + ", ".join(
            f"{k} {v}x" for k, v in corpus["ratio_of_translit_norm_to"].items())
            + f"; normalise() takes {corpus['times_the_tokenising_pass'][OURS]:.1f} times as"
            " long as the tokenising pass, and the floor (one dict lookup per capitalised word,"
            f" no decisions) {corpus['times_the_tokenising_pass'][FLOOR]:.1f} times"
            f" (medians of the ratio within each of {speed['rounds']} rounds)."]
    first = speed["first_pass"]
    lines += ["", f"First pass over {first['corpus_mb']} MB of generated prose the warm "
              f"normaliser has not seen: {first['mb_per_s']} MB/s, "
              f"{first['times_the_tokenising_pass']} times as long as the tokenising pass."]
    cold, res = results["cold_start"], results["resolve_speed"]
    lines += ["", f"Cold start (import + first call, median of {cold['runs']}): "
              f"{cold['seconds_median']} s, peak RSS {cold['peak_rss_mb']} MB with the "
              f"start-up cache warm; {cold['first_run']['seconds_median']} s, "
              f"{cold['first_run']['peak_rss_mb']} MB on a first run (empty cache); "
              f"{cold['russian']['seconds_median']} s, {cold['russian']['peak_rss_mb']} MB "
              "when the first text is Russian (pymorphy3 loads its dictionaries). The command "
              f"on the bundled example (`translit-norm clean {EXAMPLE}`), from the process's "
              f"start to its exit: {cold['command_seconds_median']} s.",
              f"resolve() on {res['names']} unseen variants: {res['names_per_s']} names/s.",
              "", "## Scaling with synthetic entities", "",
              "| gazetteer | entities | build s | MB/s | peak RSS MB |", "|---|---|---|---|---|"]
    lines += [f"| {r['factor']}x | {r['entities']} | {r['build_s']} | {r['mb_per_s']} | "
              f"{r['peak_rss_mb']} |" for r in results["scaling"]]
    keys = results["key_collisions"]
    lines += ["", f"Name key over the bundled gazetteer ({keys['entities']} entities, "
              f"{keys['name_forms']} name forms): {keys['shared_key_rate']:.2%} of keys are "
              f"shared by more than one entity (mostly true homonyms); the key merges "
              f"{keys['canonical_names_merged']} of {keys['canonical_names']} distinct canonical "
              f"names ({keys['canonical_merge_rate']:.2%})."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller corpus and samples")
    parser.add_argument(
        "--out", type=Path, default=REPO / "benchmarks" / "results" / "latest.json"
    )
    args = parser.parse_args(argv)
    os.chdir(REPO)
    results: dict[str, Any] = {
        "mode": "quick" if args.quick else "full",
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}",
        "accuracy": accuracy(args.quick),
        "throughput": throughput(args.quick),
        "resolve_speed": resolve_speed(args.quick),
        "cold_start": cold_start(args.quick),
        "scaling": scaling(args.quick),
        "key_collisions": key_collisions(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
