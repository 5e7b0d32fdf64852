"""The library's exceptions: one root, all subclasses of :class:`ValueError`."""

from __future__ import annotations

from collections.abc import Iterable


class TranslitNormError(ValueError):
    """Root of every error translit_norm raises on purpose."""


class UnknownOptionError(TranslitNormError):
    """An option (scheme, language, style, kind, format) has a value we do not know."""

    def __init__(self, option: str, value: object, valid: Iterable[str]) -> None:
        self.option = option
        self.value = value
        self.valid = tuple(sorted(valid))
        super().__init__(f"unknown {option} {value!r}; valid values: {', '.join(self.valid)}")


class GazetteerError(TranslitNormError):
    """A gazetteer file is malformed; the message names the file and line."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path = path
        self.line = line
        super().__init__(f"{path}:{line}: {message}")
