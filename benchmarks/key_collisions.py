"""How often ``name_key`` folds different entities of the bundled gazetteer together.

Usage: ``PYTHONPATH=src python benchmarks/key_collisions.py [--show N] [--min-length K]``
(``benchmarks/run.py`` reports the same figures, without the timing.)

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
from collections.abc import Iterable
from typing import Any

from translit_norm.gazetteer import bundled_gazetteer
from translit_norm.keys import name_key
from translit_norm.model import Entity


def _forms(entity: object) -> set[str]:
    names = getattr(entity, "names", {})
    forms = {form for values in names.values() for form in values}
    return forms | set(getattr(entity, "aliases", ())) | {getattr(entity, "canonical", "")}


def _plain(form: str) -> str:
    return "".join(char for char in form.casefold() if char.isalpha())


def collisions(gazetteer: Iterable[Entity], *, min_length: int = 0) -> dict[str, Any]:
    """How the key folds the gazetteer's names: shared keys and canonical merges."""
    entities = list(gazetteer)
    by_key: dict[str, set[str]] = defaultdict(set)
    canonical: dict[str, set[str]] = defaultdict(set)  # key -> plain canonical names
    forms_seen: list[str] = []
    for entity in entities:
        for form in _forms(entity):
            forms_seen.append(form)
            key = name_key(form)
            if len(key) >= min_length and key:
                by_key[key].add(entity.id)
        canonical[name_key(entity.canonical)].add(_plain(entity.canonical))
    shared = {key: ids for key, ids in by_key.items() if len(ids) > 1}
    merged = {key: sorted(names) for key, names in canonical.items() if len(names) > 1}
    distinct = sum(map(len, canonical.values()))
    in_merges = sum(map(len, merged.values()))
    return {
        "entities": len(entities),
        "name_forms": len(forms_seen),
        "distinct_keys": len(by_key),
        "shared_keys": len(shared),
        "shared_key_rate": round(len(shared) / len(by_key), 4),
        "entities_with_a_shared_key": len({i for ids in shared.values() for i in ids}),
        "canonical_names": distinct,
        "canonical_names_merged": in_merges,
        "canonical_merge_rate": round(in_merges / distinct, 4),
        "merges": dict(sorted(merged.items(), key=lambda item: -len(item[1]))),
        "forms": forms_seen,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=15, help="print this many collisions")
    parser.add_argument("--min-length", type=int, default=0, help="ignore shorter keys")
    args = parser.parse_args()

    found = collisions(bundled_gazetteer(), min_length=args.min_length)
    total, forms_seen = found["entities"], found["forms"]
    print(f"entities {total}, name forms {len(forms_seen)}, distinct keys {found['distinct_keys']}")
    print(f"keys shared by >1 entity: {found['shared_keys']} "
          f"({found['shared_key_rate']:.2%} of keys)")
    hit = found["entities_with_a_shared_key"]
    print(f"entities with a shared key: {hit} ({hit / total:.2%})")
    print(f"distinct canonical names {found['canonical_names']}; merged by the key: "
          f"{found['canonical_names_merged']} names in {len(found['merges'])} keys "
          f"({found['canonical_merge_rate']:.2%} of names)")
    for key, names in list(found["merges"].items())[: args.show]:
        print(f"  {key!r}: {', '.join(names)}")

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
