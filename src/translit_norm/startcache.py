"""A per-user cache of the compiled bundled data: gazetteer, name index and scanner tables.

Reading the bundled TSVs and indexing ~33,000 forms takes most of a cold start, so the first
process that needs them pickles the result to ``$TRANSLIT_NORM_CACHE_DIR``, else
``$XDG_CACHE_HOME/translit_norm``, else ``~/.cache/translit_norm``; later processes load it.
``TRANSLIT_NORM_CACHE_DIR=""`` turns the cache off. The file name is a sha256 of everything
the pickled objects depend on (package version, every bundled data file, every module's
source, Python version, pickle protocol), so a stale file is never read: it is simply not
found (and deleted once :data:`KEEP` newer files are there). Any error reading or writing the
cache falls back to building as usual; the cache never changes a result, only how fast it
comes. Only the bundled set is cached.
"""

from __future__ import annotations

import contextlib
import copyreg
import functools
import gc
import hashlib
import operator
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .datafiles import data_dir
from .gazetteer import Gazetteer, read_bundled
from .index import Form, NameIndex
from .model import EMPTY, Entity
from .scan import Scanner

ENV_VAR = "TRANSLIT_NORM_CACHE_DIR"
PROTOCOL = pickle.HIGHEST_PROTOCOL
KEEP = 4
"""Cache files kept, most recently used first (other versions of the code or data)."""


@dataclass(frozen=True)
class Bundled:
    """The compiled state of the default normaliser (a fuzzy scanner over the bundled data)."""

    gazetteer: Gazetteer
    index: NameIndex
    scanner: Scanner


def build() -> Bundled:
    """Read the bundled gazetteers and compile them (what the cache saves)."""
    gazetteer = read_bundled()
    index = NameIndex.build(gazetteer)
    return Bundled(gazetteer, index, Scanner(index, fuzzy=True))


@functools.cache
def bundled() -> Bundled:
    """The compiled bundled data: loaded from the cache when there, else built and saved."""
    path = cache_path()
    state = _load(path) if path is not None else None
    if state is None:
        state = build()
        if path is not None:
            _store(path, state)
    return state


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off (or there is no home)."""
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return Path(chosen) if chosen else None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    try:
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    except RuntimeError:  # no home directory
        return None
    return base / "translit_norm"


def cache_path() -> Path | None:
    """Where the cache file for this exact code and data is, or None when not cached."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return folder / f"bundled-{fingerprint()}.pickle"
    except OSError:  # a data file or module cannot be read: do not cache
        return None


def fingerprint() -> str:
    """A sha256 of every input the pickled objects depend on."""
    digest = hashlib.sha256()
    for label, content in _inputs():
        digest.update(f"{label}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def _inputs() -> Iterator[tuple[str, bytes]]:
    from . import __version__

    yield "version", __version__.encode()
    yield "python", f"{sys.implementation.cache_tag} {sys.version}".encode()
    yield "protocol", str(PROTOCOL).encode()
    for folder, suffix in (("gazetteers", ".tsv"), ("keys", "")):
        for item in sorted(data_dir(folder).iterdir(), key=lambda p: p.name):
            if item.is_file() and item.name.endswith(suffix):
                yield f"data/{folder}/{item.name}", item.read_bytes()
    # Every module, not a list of those that shape the pickle: a list could miss an import.
    for module in sorted(Path(__file__).parent.glob("*.py")):
        yield f"src/{module.name}", module.read_bytes()


def _load(path: Path) -> Bundled | None:
    enabled = gc.isenabled()
    gc.disable()  # the collector would otherwise scan the growing heap again and again
    try:
        with path.open("rb") as stream:
            state = pickle.load(stream)
        if gc.get_freeze_count() == 0:  # (never undo a freeze the application made)
            # Move the new objects, which live as long as the process, to the oldest
            # generation before the collector runs: else the next young collection would
            # walk all ~10^5 of them.
            gc.freeze()
            gc.unfreeze()
    except Exception:  # missing, corrupt, truncated, unreadable: build instead
        return None
    finally:
        if enabled:
            gc.enable()
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: not pruned
    return state if isinstance(state, Bundled) else None


def _store(path: Path, state: Bundled) -> None:
    """Write ``state`` atomically (a temporary file in the same folder, then a rename)."""
    import tempfile  # only to write the cache: not imported by a start that reads it

    temporary = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            pickler = pickle.Pickler(stream, protocol=PROTOCOL)
            pickler.dispatch_table = _DISPATCH
            pickler.dump(state)
        os.replace(temporary, path)
    except Exception:  # read-only or full disk, unpicklable state: just do not cache
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.remove(temporary)
        return
    with contextlib.suppress(OSError):  # files for other code or data: keep the latest few
        files = sorted(path.parent.glob("bundled-*.pickle"), key=lambda f: f.stat().st_mtime)
        for old in files[:-KEEP]:
            old.unlink()


def _proxy(items: dict[str, Any]) -> Mapping[str, Any]:
    """Unpickle a read-only mapping (empty ones are the shared ``EMPTY``)."""
    return MappingProxyType(items) if items else EMPTY


_Reduced = tuple[Callable[..., object], tuple[Any, ...]]


def _reduce_proxy(mapping: MappingProxyType[str, Any]) -> _Reduced:
    return _proxy, (dict(mapping),)


def _by_fields(cls: type[Any]) -> Callable[[Any], _Reduced]:
    """Pickle a frozen dataclass as a constructor call: much faster to load than its
    default state (which is set field by field with a look-up of the fields each time)."""
    values = operator.attrgetter(*(f.name for f in fields(cls)))
    return lambda item: (cls, values(item))


_DISPATCH: dict[type[Any], Callable[[Any], Any]] = {
    **copyreg.dispatch_table,
    MappingProxyType: _reduce_proxy,
    Entity: _by_fields(Entity),
    Form: _by_fields(Form),
}
