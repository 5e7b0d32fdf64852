"""Bounded-memory file handling for the CLI: text read in segments cut where no name can be
split, output files replaced atomically, and a unified diff written as it is found."""

from __future__ import annotations

import bisect
import codecs
import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from .text import Edit, apply_edits

CHUNK_SIZE = 1 << 20
"""Default read size in bytes, and the segment length (characters) at which a cut is sought."""
SNIFF_SIZE = 8192
"""A file whose first this-many bytes hold a NUL byte is taken to be binary."""
BOM = "\ufeff"


# The last blank line, the last line end, the last white space: preferred cut points, best first.
_PARAGRAPH = re.compile(r".*\n[ \t]*\r?\n", re.DOTALL)
_SPACE = re.compile(r".*\s", re.DOTALL)


class DecodeError(ValueError):
    """Input bytes that are not valid in the encoding; ``offset`` is the byte offset."""

    def __init__(self, encoding: str, offset: int, data: bytes, reason: str) -> None:
        self.offset = offset
        super().__init__(
            f"not valid {encoding}: {_hex(data)} at byte offset {offset} ({reason}); "
            "use --encoding to name the file's encoding"
        )


def _hex(data: bytes) -> str:
    return " ".join(f"0x{byte:02x}" for byte in data)


def is_binary(head: bytes, encoding: str) -> bool:
    """True when ``head`` (a file's first bytes) holds a NUL byte and ``encoding`` does not
    use NUL bytes for text (UTF-16 and UTF-32 do)."""
    return b"\0" in head and len("\0".encode(encoding)) == 1


def read_segments(
    stream: BinaryIO, *, encoding: str, chunk_size: int = CHUNK_SIZE, head: bytes = b""
) -> Iterator[tuple[str, int]]:
    """Decode ``stream`` (after the already-read bytes ``head``) and yield ``(segment,
    bytes_read)`` pairs whose segments join up to the whole text.

    Segments are about ``chunk_size`` characters long and end at a blank line where there is
    one, else at a line end, else after white space; only a run of more than four times
    ``chunk_size`` characters with no white space is cut anywhere. A leading byte order mark
    is a segment of its own. Raises :class:`DecodeError` naming the first bad byte's offset.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    buffer, consumed, first = "", 0, True
    for data in _blocks(stream, head, chunk_size):
        final = not data
        pending = len(decoder.getstate()[0])
        try:
            buffer += decoder.decode(data, final=final)
        except UnicodeDecodeError as exc:
            offset = consumed - pending + exc.start
            raise DecodeError(
                encoding, offset, exc.object[exc.start : exc.end], exc.reason
            ) from None
        consumed += len(data)
        if first and buffer:
            first = False
            if buffer.startswith(BOM):
                yield BOM, consumed
                buffer = buffer[1:]
        if final:
            if buffer:
                yield buffer, consumed
        elif len(buffer) >= chunk_size:
            cut = _cut(buffer, 4 * chunk_size)
            if cut:
                yield buffer[:cut], consumed
                buffer = buffer[cut:]


def _blocks(stream: BinaryIO, head: bytes, size: int) -> Iterator[bytes]:
    """``head`` and then the rest of ``stream`` in blocks of ``size`` bytes; ``b""`` last."""
    for start in range(0, len(head), size):
        yield head[start : start + size]
    while block := stream.read(size):
        yield block
    yield b""


def _cut(text: str, limit: int) -> int:
    """Where to end a segment of ``text``: after its last blank line, line end or space; at
    its end when it has none and is longer than ``limit``; else 0 (read on)."""
    match = _PARAGRAPH.match(text)
    if match:
        return match.end()
    line = text.rfind("\n")
    if line >= 0:
        return line + 1
    match = _SPACE.match(text)
    if match:
        return match.end()
    return len(text) if len(text) > limit else 0


class AtomicFile:
    """A temporary file next to ``target`` that replaces it only on :meth:`commit`.

    The target is never seen half-written: the data is written and synced to the temporary
    file, which then takes the target's name with :func:`os.replace`. On Linux the temporary
    file has no name until then, so even ``kill -9`` leaves no stray file. An existing target keeps
    its permission bits; ``backup`` (a file name) receives the old target first. Only a
    regular file (or a new one) can be a target: a device or a directory is refused.
    """

    def __init__(self, target: Path) -> None:
        if target.exists() and not target.is_file():
            raise IsADirectoryError(
                errno.EISDIR if target.is_dir() else errno.EINVAL, "not a regular file", str(target)
            )
        self.target = target
        fd, self.temp = _open_temporary(target)
        self.stream: BinaryIO = os.fdopen(fd, "wb")

    def commit(self, *, backup: Path | None = None) -> None:
        """Sync the data and move it over the target (after linking the old one to
        ``backup``)."""
        try:
            self.stream.flush()
            fd = self.stream.fileno()
            os.fchmod(fd, _mode_for(self.target))
            os.fsync(fd)
            if self.temp is None:
                self.temp = _name_anonymous(fd, self.target)
            self.stream.close()
            if backup is not None:
                _keep_copy(self.target, backup)
            os.replace(self.temp, self.target)
        except BaseException:
            self.abort()
            raise
        _sync_directory(self.target.parent)

    def abort(self) -> None:
        """Drop the temporary file; the target stays as it was."""
        self.stream.close()
        if self.temp is not None:
            with contextlib.suppress(FileNotFoundError):
                self.temp.unlink()


_PROC_FDS = "/proc/self/fd"


def _open_temporary(target: Path) -> tuple[int, Path | None]:
    """A file to write in ``target``'s folder: where the system can (Linux ``O_TMPFILE``), one
    with no name yet, so that a process killed outright leaves nothing behind; else a hidden
    named file (returned with its path)."""
    anonymous = getattr(os, "O_TMPFILE", 0)
    if anonymous and os.path.isdir(_PROC_FDS):
        with contextlib.suppress(OSError):  # a file system without it: use a named file
            return os.open(target.parent, anonymous | os.O_WRONLY, 0o600), None
    import tempfile  # (as shutil below: imported only where used, to start the command sooner)

    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    return fd, Path(name)


def _name_anonymous(fd: int, target: Path) -> Path:
    """Give the nameless file open as ``fd`` a fresh hidden name next to ``target``."""
    procfd = os.open(_PROC_FDS, os.O_RDONLY | os.O_DIRECTORY)
    try:
        while True:
            name = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
            with contextlib.suppress(FileExistsError):
                os.link(str(fd), name, src_dir_fd=procfd, follow_symlinks=True)
                return name
    finally:
        os.close(procfd)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _keep_copy(source: Path, backup: Path) -> None:
    """Make ``backup`` hold ``source``'s current content: a hard link where the file system
    allows one, else a copy; either way written under a temporary name and then renamed."""
    import shutil
    import tempfile

    fd, name = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=backup.parent)
    os.close(fd)
    temp = Path(name)
    try:
        temp.unlink()
        try:
            os.link(source, temp)
        except OSError:
            shutil.copy2(source, temp)
        os.replace(temp, backup)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def _sync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class UnifiedDiff:
    """Writes a unified diff (``patch -p0`` applies it) of one file while its segments and
    their edits arrive, holding only the current hunk and a few lines of context.

    Lines end at ``\\n`` only (as ``patch`` sees them); a segment that ends inside a line is
    held until the line is complete.
    """

    def __init__(self, write: Callable[[str], object], name: str, *, context: int = 3) -> None:
        self._write = write
        self._name = name
        self._context = context
        self._text, self._edits = "", list[Edit]()
        self._old_line = self._new_line = 0  # lines passed so far
        self._before: list[str] = []  # equal lines just before the next change
        self._hunk: list[str] | None = None
        self._start = (0, 0)
        self._lengths = [0, 0]
        self._after: list[str] = []  # equal lines after the open hunk's last change
        self._removed: list[str] = []  # the open hunk's latest change, not yet written
        self._added: list[str] = []
        self.hunks = 0

    def feed(self, segment: str, edits: Sequence[Edit]) -> None:
        """Add the next segment of the file and the changes made to it."""
        shift = len(self._text)
        self._edits += [(start + shift, end + shift, new) for start, end, new in edits]
        self._text += segment
        if self._text.endswith("\n"):
            self._block()

    def close(self) -> None:
        """Finish the diff after the file's last segment."""
        self._block()
        if self._hunk is not None:
            self._close_hunk()

    def _block(self) -> None:
        text, edits = self._text, sorted(self._edits)
        self._text, self._edits = "", []
        lines = _split_lines(text)
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))
        done = 0  # lines of this block already passed on
        index = 0
        while index < len(edits):
            first = _line_of(starts, edits[index][0])
            last = _line_of(starts, max(edits[index][1] - 1, edits[index][0]))
            group = [edits[index]]
            index += 1
            while index < len(edits) and _line_of(starts, edits[index][0]) <= last:
                last = max(last, _line_of(starts, max(edits[index][1] - 1, edits[index][0])))
                group.append(edits[index])
                index += 1
            base = starts[first]
            old = text[base : starts[last + 1]]
            new = apply_edits(old, [(s - base, e - base, r) for s, e, r in group])
            if new == old:
                continue
            self._equal(lines[done:first])
            self._change(lines[first : last + 1], _split_lines(new))
            done = last + 1
        self._equal(lines[done:])

    def _equal(self, lines: list[str]) -> None:
        if not lines:
            return
        ctx = self._context
        self._old_line += len(lines)
        self._new_line += len(lines)
        if self._hunk is None:
            self._before = (self._before + lines[-ctx:])[-ctx:] if ctx else []
            return
        room = 2 * ctx + 1 - len(self._after)
        tail = (self._after + lines)[-ctx:] if ctx else []
        self._after += lines[:room]
        if len(self._after) > 2 * ctx:
            self._close_hunk()
            self._before = tail

    def _change(self, old: list[str], new: list[str]) -> None:
        if self._hunk is None:
            self._start = (self._old_line - len(self._before), self._new_line - len(self._before))
            self._hunk, self._lengths = [], [0, 0]
            self._context_lines(self._before)
            self._before = []
        elif self._after:
            self._context_lines(self._after)
            self._after = []
        self._removed += old  # adjacent changes show as one block of - lines, then + lines
        self._added += new
        self._old_line += len(old)
        self._new_line += len(new)

    def _context_lines(self, lines: list[str]) -> None:
        self._add("-", self._removed)
        self._add("+", self._added)
        self._removed, self._added = [], []
        self._add(" ", lines)

    def _add(self, mark: str, lines: list[str]) -> None:
        assert self._hunk is not None
        for line in lines:
            self._hunk.append(mark + line if line.endswith("\n") else f"{mark}{line}\n" + _NO_EOL)
        self._lengths[0] += len(lines) * (mark != "+")
        self._lengths[1] += len(lines) * (mark != "-")

    def _close_hunk(self) -> None:
        assert self._hunk is not None
        self._context_lines(self._after[: self._context])
        if not self.hunks:
            self._write(f"--- {self._name}\n+++ {self._name}\n")
        (old_start, new_start), (old_len, new_len) = self._start, self._lengths
        self._write(f"@@ -{_range(old_start, old_len)} +{_range(new_start, new_len)} @@\n")
        self._write("".join(self._hunk))
        self.hunks += 1
        self._hunk, self._after = None, []


_NO_EOL = "\\ No newline at end of file\n"


def _range(start: int, length: int) -> str:
    """A hunk's line range as GNU diff writes it (``start`` counts the lines before it)."""
    return str(start + 1) if length == 1 else f"{start + bool(length)},{length}"


def _split_lines(text: str) -> list[str]:
    """``text`` cut after each ``\\n`` (unlike :meth:`str.splitlines`, no other breaks)."""
    lines = text.split("\n")
    last = lines.pop()
    return [line + "\n" for line in lines] + ([last] if last else [])


def _line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1
