"""Does every romanisation scheme's spelling of a Kyrgyz name resolve to its entity?

Usage: ``PYTHONPATH=src python benchmarks/scheme_coverage.py [--country KG] [--limit 20]``

For every entity of the country with a Kyrgyz or Russian Cyrillic name, the first such name
is romanised with every scheme of its language, and ``resolve()`` is asked for the spelling.
Reported per scheme: how often the entity is the top candidate, how often it is among the
first ``--limit``, and through which method (exact, key, variant, inflection, fuzzy) the
top candidate came. This measures what the name key and the respelled keys cover together
(docs/romanisation.md).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

import translit_norm as tn
from translit_norm.romanise import schemes, transliterate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--country", default="KG", help="ISO code of the entities to test")
    parser.add_argument("--limit", type=int, default=20, help="candidates to look through")
    args = parser.parse_args()

    top: Counter[str] = Counter()
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    methods: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []
    for entity in tn.default_normaliser().gazetteer:
        if entity.country != args.country:
            continue
        for lang in ("ky", "ru"):
            names = entity.names.get(lang)
            if not names:
                continue
            for scheme in schemes(lang):
                spelling = transliterate(names[0], lang=lang, scheme=scheme)
                candidates = tn.resolve(spelling, limit=args.limit)
                ids = [c.entity.id for c in candidates]
                label = f"{lang}:{scheme}"
                total[label] += 1
                top[label] += bool(ids) and ids[0] == entity.id
                found[label] += entity.id in ids
                if candidates:
                    methods[label][candidates[0].method] += 1
                if entity.id not in ids:
                    misses.append(f"{names[0]} -> {spelling} ({label})")
    print(f"| scheme | spellings | top-1 | in first {args.limit} | top method |")
    print("|---|---|---|---|---|")
    for label in sorted(total):
        method = ", ".join(f"{m} {n}" for m, n in methods[label].most_common(3))
        print(f"| {label} | {total[label]} | {top[label] / total[label]:.3f} | "
              f"{found[label] / total[label]:.3f} | {method} |")
    spellings = sum(total.values())
    print(f"\nall: {spellings} spellings, top-1 {sum(top.values()) / spellings:.3f}, "
          f"in first {args.limit} {sum(found.values()) / spellings:.3f}; misses:")
    for miss in misses[:20]:
        print(f"  {miss}")


if __name__ == "__main__":
    main()
