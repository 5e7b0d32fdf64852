"""Writing generated files, or checking that the committed ones are current.

Every generator in the repository (gazetteers, scheme tables, gold sets, the key cache)
builds a mapping of file name to text and hands it to :func:`write_or_check`.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path


def write_or_check(files: Mapping[str, str], folder: Path, *, check: bool,
                   owned: str = "") -> int:
    """Write ``files`` into ``folder`` (``check=False``), or return 1 and name every file
    that differs from what would be written (``check=True``). ``owned`` is a glob of the
    files the generator alone writes (the loader reads them all): any other file matching it
    is reported too, and fails the check. Returns the exit code."""
    extra = sorted({p.name for p in folder.glob(owned)} - set(files)) if owned else []
    for name in extra:
        print(f"not generated: {folder / name} (remove it, or add its rows to the generator's "
              "inputs)", file=sys.stderr)
    if check:
        stale = [
            name
            for name, text in files.items()
            if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text
        ]
        for name in stale:
            print(f"stale: {folder / name} (rerun the generator)", file=sys.stderr)
        return 1 if stale or extra else 0
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
    return 0
