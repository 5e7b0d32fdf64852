"""The one rule that splits source names between the gazetteer build and the gold sets.

A (source record, spelling) pair is *held out* -- kept out of the bundled gazetteer and used
only as benchmark gold -- when this deterministic hash says so. Both
``scripts/build_gazetteers.py`` and ``benchmarks/build_gold.py`` import it, so the two
never disagree and the split is reproducible.
"""

from __future__ import annotations

import hashlib

HELD_OUT_SHARE = 3  # one pair in three is held out


def is_held_out(record_id: str, spelling: str) -> bool:
    """True when ``spelling`` of the record ``record_id`` belongs to the gold side."""
    digest = hashlib.sha1(f"{record_id}|{spelling}".encode()).hexdigest()
    return int(digest, 16) % HELD_OUT_SHARE == 0
