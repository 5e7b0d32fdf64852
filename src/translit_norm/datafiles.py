"""Where the package's data files are: inside the installed package, or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable


def data_dir(name: str) -> Traversable:
    """The data folder ``name`` (``gazetteers``, ``keys``) shipped with the package."""
    folder = resources.files("translit_norm") / "data" / name
    if folder.is_dir():
        return folder
    return Path(__file__).resolve().parents[2] / "data" / name  # a source checkout
