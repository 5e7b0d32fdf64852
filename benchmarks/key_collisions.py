"""How often ``name_key`` folds different entities of the bundled gazetteer together.

Usage: ``PYTHONPATH=src python benchmarks/key_collisions.py [--show N] [--min-length K]``

Every name form of every entity (all languages, aliases; not acronyms) is keyed. A key
*collides* when forms of two or more distinct entities share it. Most collisions are true
homonyms (dozens of villages called Sosnovka), so the figure that measures the key itself
is the *canonical merge*: distinct canonical names (case-folded letters) that get one key,
such as Kosino and Kuzino. Reported: keys, colliding keys, entities involved, canonical
merges with examples, and name_key throughput on the gazetteer's forms (cold cache, median
of 5; and warm).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict

from translit_norm.gazetteer import bundled_gazetteer
from translit_norm.keys import name_key


def _forms(entity: object) -> set[str]:
    names = getattr(entity, "names", {})
    forms = {form for values in names.values() for form in values}
    return forms | set(getattr(entity, "aliases", ())) | {getattr(entity, "canonical", "")}


def _plain(form: str) -> str:
    return "".join(char for char in form.casefold() if char.isalpha())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=15, help="print this many collisions")
    parser.add_argument("--min-length", type=int, default=0, help="ignore shorter keys")
    args = parser.parse_args()

    gazetteer = bundled_gazetteer()
    by_key: dict[str, set[str]] = defaultdict(set)
    canonical: dict[str, set[str]] = defaultdict(set)  # key -> plain canonical names
    forms_seen: list[str] = []
    for entity in gazetteer:
        for form in _forms(entity):
            forms_seen.append(form)
            key = name_key(form)
            if len(key) >= args.min_length and key:
                by_key[key].add(entity.id)
        canonical[name_key(entity.canonical)].add(_plain(entity.canonical))

    shared = {key: ids for key, ids in by_key.items() if len(ids) > 1}
    entities_hit = {entity_id for ids in shared.values() for entity_id in ids}
    merged = {key: names for key, names in canonical.items() if len(names) > 1}
    distinct = sum(map(len, canonical.values()))
    total = len(gazetteer)
    print(f"entities {total}, name forms {len(forms_seen)}, distinct keys {len(by_key)}")
    print(f"keys shared by >1 entity: {len(shared)} ({len(shared) / len(by_key):.2%} of keys)")
    print(f"entities with a shared key: {len(entities_hit)} ({len(entities_hit) / total:.2%})")
    in_merges = sum(map(len, merged.values()))
    print(f"distinct canonical names {distinct}; merged by the key: {in_merges} names in "
          f"{len(merged)} keys ({in_merges / distinct:.2%} of names)")
    for key, names in sorted(merged.items(), key=lambda item: -len(item[1]))[: args.show]:
        print(f"  {key!r}: {', '.join(sorted(names))}")

    runs = []
    for _ in range(5):
        name_key.cache_clear()
        start = time.perf_counter()
        for form in forms_seen:
            name_key(form)
        runs.append(time.perf_counter() - start)
    start = time.perf_counter()
    for form in forms_seen:
        name_key(form)
    warm = time.perf_counter() - start
    cold = statistics.median(runs)
    print(f"name_key: {len(forms_seen) / cold:,.0f} keys/s cold (median of 5), "
          f"{len(forms_seen) / warm:,.0f} keys/s warm (cached)")


if __name__ == "__main__":
    main()
