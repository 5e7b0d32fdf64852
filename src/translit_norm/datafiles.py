"""Where the package's data files are: inside the installed package, or in a source checkout."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable


def data_dir(name: str) -> Traversable:
    """The data folder ``name`` (``gazetteers``, ``keys``) shipped with the package."""
    here = Path(__file__).resolve().parent
    for folder in (here / "data" / name, here.parents[1] / "data" / name):  # installed, checkout
        if folder.is_dir():
            return folder
    from importlib import resources  # a package that is not a folder (a zip): slower to import

    return resources.files("translit_norm") / "data" / name
