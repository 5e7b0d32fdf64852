"""``python -m translit_norm``: the ``translit-norm`` command."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
