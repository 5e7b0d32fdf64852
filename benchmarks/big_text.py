"""Write a large English test text for the command-line tool: paragraphs of four sentences,
one of them naming a random gazetteer entity (about 3 mentions per kB, news-like).

Usage (after ``pip install '.[bench]'``): ``python benchmarks/big_text.py MEGABYTES >
big.txt`` (deterministic), then for example ``/usr/bin/time -v translit-norm clean big.txt -o
out.txt`` (docs/cli.md).
"""

from __future__ import annotations

import random
import sys

from run import sentence, surface_table, tn


def main(argv: list[str]) -> int:
    megabytes = float(argv[0]) if argv else 200.0
    rng = random.Random(0)
    names = sorted(surface_table(tn.Normaliser().gazetteer))
    size, out = 0, sys.stdout
    while size < megabytes * 1_000_000:
        named = rng.randrange(4)
        texts = [sentence(rng, names if i == named else ()) for i in range(4)]
        paragraph = " ".join(texts) + "\n\n"
        out.write(paragraph)
        size += len(paragraph.encode())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
