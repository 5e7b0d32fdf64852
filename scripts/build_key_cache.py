"""Write data/keys/word-keys.tsv: the name keys of every word of the bundled gazetteers.

Run after changing the gazetteers or src/translit_norm/keys.py:

    python scripts/build_key_cache.py          # write the file
    python scripts/build_key_cache.py --check  # exit 1 when the committed file is stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generated import write_or_check
from translit_norm.gazetteer import bundled_gazetteer
from translit_norm.index import entity_forms, keyed_strings
from translit_norm.keycache import FILE_NAME, render

TARGET = Path(__file__).resolve().parents[1] / "data" / "keys" / FILE_NAME


def expected() -> str:
    """The cache file as the current gazetteers and key function make it."""
    strings = (s for e in bundled_gazetteer() for f in entity_forms(e) for s in keyed_strings(f))
    return render(strings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; write nothing")
    args = parser.parse_args()
    return write_or_check({TARGET.name: expected()}, TARGET.parent, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
