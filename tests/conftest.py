"""Shared fixtures: the bundled normaliser and the real article from ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

import translit_norm as tn

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLE = SHARED / "examples" / "koi-tash-raid.txt"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def normaliser() -> tn.Normaliser:
    return tn.default_normaliser()


@pytest.fixture(scope="session")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip("the shared example article is not present beside the project")
    return ARTICLE.read_text(encoding="utf-8")
