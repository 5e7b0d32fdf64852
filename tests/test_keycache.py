"""The start-up key cache matches the key function and the gazetteers, and a stale one is
ignored rather than trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from translit_norm import keycache
from translit_norm.keys import name_key


def test_committed_cache_is_current() -> None:
    from scripts.build_key_cache import TARGET, expected

    assert TARGET.read_text(encoding="utf-8") == expected(), (
        "data/keys/word-keys.tsv is stale: run scripts/build_key_cache.py"
    )


def test_cached_keys_are_the_functions_keys() -> None:
    cached = keycache.word_keys()
    assert cached, "the committed cache was not read"
    for word in ("Atambayev", "Бишкек", "Koy-Tash", "Жээнбеков"):
        assert cached[word] == name_key(word)


def test_stale_cache_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    folder.mkdir()
    text = (ROOT / "data" / "keys" / keycache.FILE_NAME).read_text(encoding="utf-8")
    stale = text.replace(keycache.fingerprint(), "0" * 64)
    (folder / keycache.FILE_NAME).write_text(stale, encoding="utf-8")
    monkeypatch.setattr(keycache, "data_dir", lambda name: tmp_path / name)
    keycache._read.cache_clear()
    try:
        assert keycache.word_keys() == {}
    finally:
        keycache._read.cache_clear()
