"""Shared fixtures: the bundled normaliser and the real article from ../shared when present."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

import translit_norm as tn
from translit_norm.startcache import ENV_VAR

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLE = SHARED / "examples" / "koi-tash-raid.txt"
EXAMPLES = ROOT / "examples"


def pytest_configure(config: pytest.Config) -> None:
    """Keep the start-up cache out of the user's home: a fresh folder for the session, also
    used by the interpreters the tests start."""
    folder = tempfile.mkdtemp(prefix="translit_norm-cache-")
    os.environ[ENV_VAR] = folder
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.fixture(scope="session")
def normaliser() -> tn.Normaliser:
    return tn.default_normaliser()


@pytest.fixture(scope="session")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip("the shared example article is not present beside the project")
    return ARTICLE.read_text(encoding="utf-8")
