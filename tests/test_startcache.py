"""The start-up cache of the compiled bundled data (translit_norm.startcache): a cached
normaliser gives exactly what a freshly built one gives, and a bad, stale or unwritable
cache only costs time."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest

import translit_norm as tn
from conftest import EXAMPLES, ROOT
from translit_norm import startcache
from translit_norm.model import Entity

TEXTS = [EXAMPLES / "kyrgyz-politics.txt", *sorted((ROOT / "benchmarks" / "texts").glob("*.txt"))]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private, empty cache folder (the user's is never touched); caches reset around."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(startcache.ENV_VAR, str(folder))
    tn.reset_caches()
    yield folder
    tn.reset_caches()


def fresh(monkeypatch: pytest.MonkeyPatch, folder: str) -> startcache.Bundled:
    """The compiled bundled data as a new process would get it with this cache folder."""
    monkeypatch.setenv(startcache.ENV_VAR, folder)
    tn.reset_caches()
    return startcache.bundled()


def loaded_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any build fail the test: what follows must come from the cache file."""

    def no_build() -> startcache.Bundled:
        raise AssertionError("built, not loaded from the cache")

    monkeypatch.setattr(startcache, "build", no_build)


def entity_fields(entity: Entity) -> list[object]:
    return [getattr(entity, f.name) for f in fields(Entity)]


def mentions(normaliser: tn.Normaliser, text: str) -> list[tuple[object, ...]]:
    found = normaliser.find_entities(text, abstentions=True)
    return [(m.start, m.end, m.surface, *entity_fields(m.entity), m.replacement, m.score,
             m.method, m.reason, m.form) for m in found]  # fmt: skip


def forms(state: startcache.Bundled) -> dict[tuple[str, ...], list[tuple[object, ...]]]:
    return {keys: [(f.entity.id, f.role, f.text, f.lang) for f in found]
            for keys, found in state.index.by_key.items()}  # fmt: skip


def test_cached_and_built_normalisers_agree(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = fresh(monkeypatch, "")  # cache off
    uncached = tn.Normaliser()
    assert uncached._compiled is built
    assert not cache.exists()
    fresh(monkeypatch, str(cache))  # the first run builds and writes
    path = startcache.cache_path()
    assert path is not None
    assert list(cache.iterdir()) == [path]
    loaded_only(monkeypatch)
    loaded = fresh(monkeypatch, str(cache))
    cached = tn.Normaliser()
    assert cached._compiled is loaded
    assert cached._scanner is loaded.scanner
    assert loaded.gazetteer is not built.gazetteer

    assert [entity_fields(e) for e in loaded.gazetteer] == [
        entity_fields(e) for e in built.gazetteer
    ]
    assert forms(loaded) == forms(built)
    assert all(  # one set of objects: each form's entity is the gazetteer's
        loaded.gazetteer.get(f.entity.id) is f.entity
        for found in loaded.index.by_key.values()
        for f in found
    )
    assert loaded.index.acronyms.keys() == built.index.acronyms.keys()
    assert loaded.scanner._continued == built.scanner._continued
    assert loaded.scanner.fuzzy is not None
    assert built.scanner.fuzzy is not None
    assert loaded.scanner.fuzzy._blocks == built.scanner.fuzzy._blocks

    for text in (p.read_text(encoding="utf-8") for p in TEXTS):
        assert mentions(cached, text) == mentions(uncached, text)
        assert cached.normalise(text) == uncached.normalise(text)
    assert cached.normalise("Atambaev met Zheenbekov in Koi-Tash.") == (
        "Atambayev met Jeenbekov in Koy-Tash."
    )


def test_user_gazetteers_are_not_cached(cache: Path, tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("id\tkind\tcanonical\nperson:x\tperson\tXenia Xylophone\n", "utf-8")
    normaliser = tn.Normaliser(gazetteers=[extra])
    assert normaliser._compiled is None
    assert normaliser.normalise("Xenia Xylophone met Atambaev.") == (
        "Xenia Xylophone met Atambayev."
    )
    assert tn.Normaliser(bundled=False, gazetteers=[extra])._compiled is None
    assert len(list(cache.iterdir())) == 1  # the bundled set only


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", b"\x80\x05truncated", pickle.dumps({"a": 1}), b"cut"],
    ids=["empty", "garbage", "truncated", "other-object", "cut-real-file"],
)
def test_a_corrupt_cache_is_ignored_and_rewritten(
    cache: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    path = startcache.cache_path()
    assert path is not None
    if content == b"cut":
        fresh(monkeypatch, str(cache))
        content = path.read_bytes()[: path.stat().st_size // 2]
    cache.mkdir(exist_ok=True)
    path.write_bytes(content)
    tn.reset_caches()
    assert tn.normalise("Atambaev met Zheenbekov in Koi-Tash.") == (
        "Atambayev met Jeenbekov in Koy-Tash."
    )
    assert path.read_bytes() != content
    loaded_only(monkeypatch)
    assert isinstance(fresh(monkeypatch, str(cache)), startcache.Bundled)


def test_every_fingerprint_input_changes_the_file_name(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = startcache.cache_path()
    assert name is not None
    assert startcache.fingerprint() in name.name
    assert len(startcache.fingerprint()) == 64  # sha256
    assert startcache.cache_path() == name  # stable

    def changed() -> bool:
        return startcache.cache_path() != name

    with monkeypatch.context() as patch:
        patch.setattr(tn, "__version__", tn.__version__ + ".post1")
        assert changed()
    with monkeypatch.context() as patch:
        patch.setattr(startcache, "PROTOCOL", startcache.PROTOCOL - 1)
        assert changed()
    with monkeypatch.context() as patch:
        patch.setattr(startcache.sys, "version", startcache.sys.version + "+")
        assert changed()
    data = tmp_path / "data"
    for victim in ("gazetteers/orgs.tsv", "keys/word-keys.tsv"):
        shutil.rmtree(data, ignore_errors=True)
        for part in ("gazetteers", "keys"):
            shutil.copytree(ROOT / "data" / part, data / part)
        with monkeypatch.context() as patch:
            patch.setattr(startcache, "data_dir", lambda part: data / part)
            assert not changed()  # the same bytes
            (data / victim).write_bytes((data / victim).read_bytes() + b"\n")
            assert changed(), victim
    source = tmp_path / "src"
    shutil.copytree(Path(startcache.__file__).parent, source)
    (source / "scan.py").write_bytes((source / "scan.py").read_bytes() + b"\n")
    with monkeypatch.context() as patch:
        patch.setattr(startcache, "__file__", str(source / "startcache.py"))
        assert changed()


@pytest.mark.parametrize("blocker", ["file-in-the-way", "replace-fails"])
def test_an_unwritable_cache_still_works(
    cache: Path, monkeypatch: pytest.MonkeyPatch, blocker: str
) -> None:
    if blocker == "file-in-the-way":  # the cache folder cannot be made (even by root)
        cache.parent.mkdir(exist_ok=True)
        cache.write_text("a file, not a folder")
    else:

        def fail(*args: object) -> None:
            raise OSError("read-only file system")

        monkeypatch.setattr(startcache.os, "replace", fail)
    assert tn.normalise("Atambaev met Zheenbekov in Koi-Tash.") == (
        "Atambayev met Jeenbekov in Koy-Tash."
    )
    if blocker == "replace-fails":
        assert list(cache.iterdir()) == []  # no temporary file left behind


def test_cache_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(startcache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert startcache.cache_dir() == tmp_path / "xdg" / "translit_norm"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert startcache.cache_dir() == tmp_path / "home" / ".cache" / "translit_norm"
    monkeypatch.setenv(startcache.ENV_VAR, str(tmp_path / "mine"))
    assert startcache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv(startcache.ENV_VAR, "")
    assert startcache.cache_dir() is None
    assert startcache.cache_path() is None


def test_files_for_other_code_are_pruned(cache: Path) -> None:
    cache.mkdir()
    others = [cache / f"bundled-{n:064x}.pickle" for n in range(startcache.KEEP + 2)]
    for age, path in enumerate(others, start=1):
        path.write_bytes(b"old")
        os.utime(path, (1e9 - age, 1e9 - age))  # others[0] is the most recent
    (cache / "notes.txt").write_text("not ours")
    tn.normalise("Koi-Tash")
    current = startcache.cache_path()
    kept = {current, *others[: startcache.KEEP - 1], cache / "notes.txt"}
    assert set(cache.iterdir()) == kept


def test_a_first_call_imports_only_the_libraries_its_text_needs(cache: Path) -> None:
    """Cold start: rapidfuzz and pymorphy3 take 40 and 300 ms to load, so a text whose
    capitalised words all start names loads neither; a near miss loads rapidfuzz."""
    code = (
        "import sys, translit_norm as tn\n"
        "print(tn.normalise(sys.argv[1]))\n"
        "print(' '.join(m for m in ('rapidfuzz', 'pymorphy3') if m in sys.modules))\n"
    )
    env = {**os.environ, startcache.ENV_VAR: str(cache), "PYTHONPATH": str(ROOT / "src")}

    def run(text: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", code, text], env=env, capture_output=True,
                              text=True, check=True)  # fmt: skip
        return done.stdout.splitlines()

    known = "Atambaev met Zheenbekov in Koi-Tash."
    assert run(known) == ["Atambayev met Jeenbekov in Koy-Tash.", ""]
    assert run("Atambeyev spoke.") == ["Atambeyev spoke.", "rapidfuzz"]  # a near miss
