"""The ``translit-norm`` command: ``clean``, ``resolve``, ``variants`` and ``bench``.

Exit status: 0 on success, 1 when a file or the data failed, 2 on a usage error, 130 when
interrupted, 143 when terminated, 141 when stdout was closed early (``| head``).
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import gc
import json
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple, Protocol

from . import __version__
from .errors import TranslitNormError, UnknownOptionError
from .model import parse_kinds
from .normaliser import DEFAULT_MIN_SCORE, Normaliser
from .render import Style
from .streaming import (
    CHUNK_SIZE,
    SNIFF_SIZE,
    AtomicFile,
    DecodeError,
    UnifiedDiff,
    is_binary,
    read_segments,
)
from .text import apply_edits

if TYPE_CHECKING:
    from concurrent.futures import Future

PROG = "translit-norm"
STDIN = "-"
FORMATS = ("text", "jsonl", "diff")
EXIT_FAILURE, EXIT_USAGE = 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_BROKEN_PIPE = 130, 143, 141


class UsageError(Exception):
    """A command line that cannot be run as written (exit status 2)."""


class Terminated(BaseException):
    """Raised by the SIGTERM handler so that cleanup runs as for Ctrl-C."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse reported
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except (UsageError, UnknownOptionError) as exc:
        _say(f"error: {exc}")
        return EXIT_USAGE
    except TranslitNormError as exc:
        _say(f"error: {exc}")
        return EXIT_FAILURE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE


# --- the command line ------------------------------------------------------------------------

_CLEAN_EXAMPLES = """\
examples:
  echo "Atambaev met Zheenbekov in Koi-Tash." | translit-norm clean
      Atambayev met Jeenbekov in Koy-Tash.
  translit-norm clean --format diff notes/*.txt > names.patch   # then: patch -p0 < names.patch
  translit-norm clean --in-place --backup .orig --jobs 4 notes/*.txt
  translit-norm clean --format jsonl --kinds person,place report.txt
"""
_RESOLVE_EXAMPLES = """\
example:
  translit-norm resolve Atambaev "Koi-Tash" ГКНБ
"""
_VARIANTS_EXAMPLES = """\
examples:
  translit-norm variants Жээнбеков --lang ky
  translit-norm variants Атамбаев
"""
_BENCH_EXAMPLES = """\
example:
  translit-norm bench gold/names.tsv gold/texts-en.jsonl --json scores.json
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find the Latin and Cyrillic spellings of Kyrgyz and Russian names, places "
        "and organisations in text and rewrite them to one canonical form.",
        epilog=_CLEAN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    data = argparse.ArgumentParser(add_help=False)
    group = data.add_argument_group("data")
    group.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="FILE",
        help="a gazetteer file (TSV) added to the bundled data; repeatable",
    )
    group.add_argument("--no-bundled", action="store_true", help="use only the --gazetteer files")

    clean = commands.add_parser(
        "clean",
        parents=[data],
        help="rewrite the names in text files to their canonical forms",
        description="Rewrite every known name in the files (or stdin) to its canonical form. "
        "Text outside the names is kept byte for byte, line ends and byte order mark included. "
        "Large files are read in segments that end at blank lines; each segment is "
        "normalised on its own.",
        epilog=_CLEAN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clean.set_defaults(run=_clean)
    clean.add_argument("files", nargs="*", metavar="FILE", help="input files; '-' or none: stdin")
    out = clean.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="OUT", help="write to OUT (replaced atomically)")
    out.add_argument(
        "-i", "--in-place", action="store_true", help="rewrite each file atomically in place"
    )
    out.add_argument(
        "--backup", metavar="SUFFIX", help="with --in-place: keep the original as FILE+SUFFIX"
    )
    out.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default), jsonl (one object per mention) or diff (a unified diff)",
    )
    out.add_argument(
        "--style",
        default=Style.CANONICAL.value,
        help=f"form to write: {', '.join(s.value for s in Style)} (default: canonical)",
    )
    out.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    match = clean.add_argument_group("matching")
    match.add_argument(
        "--min-score",
        type=_score,
        default=DEFAULT_MIN_SCORE,
        metavar="S",
        help=f"rewrite only matches scoring at least S, 0-1 (default: {DEFAULT_MIN_SCORE})",
    )
    match.add_argument("--kinds", metavar="KINDS", help="only these kinds, e.g. person,place,org")
    work = clean.add_argument_group("input and speed")
    work.add_argument(
        "--encoding", default="utf-8", help="encoding of the input and output (default: utf-8)"
    )
    work.add_argument(
        "-j", "--jobs", type=_positive, default=1, metavar="N", help="worker processes"
    )
    work.add_argument(
        "--chunk-size",
        type=_positive,
        default=CHUNK_SIZE,
        metavar="BYTES",
        help=f"read size and segment length (default: {CHUNK_SIZE})",
    )

    resolve = commands.add_parser(
        "resolve",
        parents=[data],
        help="rank the entities a name may denote",
        description="Rank the entities each NAME may denote, best first, with scores and reasons.",
        epilog=_RESOLVE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    resolve.set_defaults(run=_resolve)
    resolve.add_argument("names", nargs="+", metavar="NAME")
    resolve.add_argument("--kind", help="person, place or org")
    resolve.add_argument("--limit", type=_positive, default=5, help="at most this many (5)")
    resolve.add_argument("--json", action="store_true", help="print JSON")

    variants = commands.add_parser(
        "variants",
        help="list the Latin spellings of a Cyrillic name",
        description="Print the Latin spellings the romanisation schemes produce for NAME.",
        epilog=_VARIANTS_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    variants.set_defaults(run=_variants)
    variants.add_argument("name", metavar="NAME")
    variants.add_argument("--lang", default="ru", help="language of NAME: ru or ky (default: ru)")
    variants.add_argument("--schemes", help="only these schemes, comma-separated")

    bench = commands.add_parser(
        "bench",
        parents=[data],
        help="score the matcher against gold files",
        description="Score precision, recall and F1 against gold files (names .tsv, texts "
        ".jsonl); print a Markdown report.",
        epilog=_BENCH_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    bench.set_defaults(run=_bench)
    bench.add_argument("gold", nargs="+", metavar="GOLD")
    bench.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    return parser


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        score = -1.0
    if not 0.0 <= score <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, not {value!r}")
    return score


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {value!r}")
    return number


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that the exit flush stays quiet."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


# --- clean: settings and the work done on each segment --------------------------------------


@dataclass(frozen=True, slots=True)
class Settings:
    """What builds a :class:`Normaliser` (sent to each worker process)."""

    gazetteers: tuple[str, ...]
    bundled: bool
    min_score: float
    kinds: str | None
    style: Style

    def normaliser(self) -> Normaliser:
        """A normaliser with these settings."""
        return Normaliser(
            self.gazetteers, bundled=self.bundled, min_score=self.min_score, kinds=self.kinds
        )


@dataclass(frozen=True, slots=True)
class Found:
    """A mention as plain data (it crosses process boundaries)."""

    start: int
    end: int
    surface: str
    replacement: str
    entity: str
    canonical: str
    kind: str
    wikidata: str | None
    score: float
    method: str
    reason: str

    @property
    def changed(self) -> bool:
        """True when the mention is rewritten."""
        return self.replacement != self.surface


def find(normaliser: Normaliser, style: Style, text: str) -> list[Found]:
    """The mentions in one segment, with replacements in ``style``."""
    mentions = normaliser.find_entities(text, style=style.value)
    # The command owns its process's garbage collector (the library leaves it alone): what is
    # alive after a segment, the matcher's memos above all, is kept out of later full
    # collections, which would walk it all again (a fifth of a long run's time). Frozen
    # objects are still freed when nothing refers to them; only garbage in reference cycles
    # would stay, and matching makes none (tests/test_cli.py checks).
    gc.freeze()
    return [
        Found(
            m.start,
            m.end,
            m.surface,
            m.replacement,
            m.entity.id,
            m.entity.canonical,
            m.entity.kind.value,
            m.entity.wikidata,
            m.score,
            m.method,
            m.reason,
        )
        for m in mentions
    ]


_worker: tuple[Normaliser, Style] | None = None


def _start_worker(settings: Settings) -> None:
    """Build the worker's normaliser once; leave Ctrl-C to the main process, end quietly on
    SIGTERM (not with the main process's handler, inherited by the fork), and end when the
    main process is gone (after ``kill -9`` nothing else would tell a waiting worker)."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()
    _worker = (settings.normaliser(), settings.style)


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(EXIT_TERMINATED)


def _work(text: str) -> list[Found]:
    assert _worker is not None
    return find(*_worker, text)


# --- clean: the stream of work items ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file, or stdin (``path`` None)."""

    name: str
    path: Path | None


class _Start(NamedTuple):
    source: Source


class _Chunk(NamedTuple):
    source: Source
    text: str
    done: int  # bytes of the source read so far


class _End(NamedTuple):
    source: Source


class _Fail(NamedTuple):
    source: Source
    message: str


_Item = _Start | _Chunk | _End | _Fail


class _RefusedError(Exception):
    """An input the command will not touch (binary, read-only...)."""


def _items(
    sources: Sequence[Source], *, encoding: str, chunk_size: int, failed: set[Source]
) -> Iterator[_Item]:
    """Each source as a start, its segments and an end, or a failure; a source found in
    ``failed`` (by the consumer) is not read further."""
    for source in sources:
        try:
            with _open(source) as stream:
                head = stream.read(SNIFF_SIZE)
                if is_binary(head, encoding):
                    raise _RefusedError("binary file (NUL bytes in its first 8 KiB); skipped")
                yield _Start(source)
                for text, done in read_segments(
                    stream, encoding=encoding, chunk_size=chunk_size, head=head
                ):
                    if source in failed:
                        break
                    yield _Chunk(source, text, done)
        except (OSError, DecodeError, _RefusedError) as exc:
            yield _Fail(source, _describe(exc))
            continue
        yield _End(source)


def _open(source: Source) -> contextlib.AbstractContextManager[BinaryIO]:
    if source.path is None:
        return contextlib.nullcontext(sys.stdin.buffer)
    return source.path.open("rb")


def _describe(exc: BaseException, encoding: str | None = None) -> str:
    """One line for a failure; ``encoding`` names the output encoding (Python calls several
    of them just "charmap")."""
    if isinstance(exc, UnicodeEncodeError):
        bad = exc.object[exc.start : exc.end]
        where = encoding or exc.encoding
        return f"cannot write {bad!r} in {where}; choose another --style or --encoding"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def _results(
    items: Iterator[_Item], settings: Settings, normaliser: Normaliser, jobs: int
) -> Iterator[tuple[_Item, list[Found]]]:
    """Each item with the mentions found in it, in order; ``jobs`` > 1 spreads the segments
    over worker processes, with at most a few segments per worker in flight."""
    if jobs == 1:
        for item in items:
            found = find(normaliser, settings.style, item.text) if isinstance(item, _Chunk) else []
            yield item, found
        return
    # imported here: it is most of what the command imports besides the library, and a run
    # in one process needs no pool
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(settings,)) as pool:
        pending: deque[tuple[_Item, Future[list[Found]] | None]] = deque()
        try:
            for item in items:
                future = pool.submit(_work, item.text) if isinstance(item, _Chunk) else None
                pending.append((item, future))
                while len(pending) > 2 * jobs:
                    yield _ready(*pending.popleft())
            while pending:
                yield _ready(*pending.popleft())
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _ready(item: _Item, future: Future[list[Found]] | None) -> tuple[_Item, list[Found]]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return item, ([] if future is None else future.result())
    except BrokenProcessPool:
        raise TranslitNormError(
            f"{item.source.name}: a worker process ended unexpectedly (killed, or out of "
            "memory?); stopped before finishing this file"
        ) from None


# --- clean: where results go ----------------------------------------------------------------


class _Writer(Protocol):
    def feed(self, text: str, found: list[Found]) -> None: ...

    def finish(self) -> None: ...


class _TextWriter:
    """The rewritten text, in the input's encoding."""

    def __init__(self, stream: BinaryIO, encoding: str) -> None:
        self._stream = stream
        self._encoder = codecs.getincrementalencoder(encoding)()

    def feed(self, text: str, found: list[Found]) -> None:
        edits = [(f.start, f.end, f.replacement) for f in found if f.changed]
        self._stream.write(self._encoder.encode(apply_edits(text, edits)))

    def finish(self) -> None:
        self._stream.write(self._encoder.encode("", final=True))


class _JsonlWriter:
    """One JSON object per mention, with offsets (characters) and line into the whole file."""

    def __init__(self, stream: BinaryIO, name: str) -> None:
        self._stream = stream
        self._name = name
        self._offset = 0
        self._line = 1

    def feed(self, text: str, found: list[Found]) -> None:
        position, line = 0, self._line
        for f in found:
            line += text.count("\n", position, f.start)
            position = f.start
            record = {
                "file": self._name,
                "start": self._offset + f.start,
                "end": self._offset + f.end,
                "line": line,
                "surface": f.surface,
                "replacement": f.replacement,
                "changed": f.changed,
                "entity": f.entity,
                "canonical": f.canonical,
                "kind": f.kind,
                "wikidata": f.wikidata,
                "score": f.score,
                "method": f.method,
                "reason": f.reason,
            }
            self._stream.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
        self._offset += len(text)
        self._line += text.count("\n")

    def finish(self) -> None:
        """Nothing is held back."""


class _DiffWriter:
    """A unified diff of the file, in its encoding."""

    def __init__(self, stream: BinaryIO, name: str, encoding: str) -> None:
        encoder = codecs.getincrementalencoder(encoding)()
        self._diff = UnifiedDiff(lambda s: stream.write(encoder.encode(s)), name)

    def feed(self, text: str, found: list[Found]) -> None:
        self._diff.feed(text, [(f.start, f.end, f.replacement) for f in found if f.changed])

    def finish(self) -> None:
        self._diff.close()


class _Stream:
    """Standard output, or a device or pipe named by -o: written as it goes, nothing to
    commit or undo."""

    def __init__(self, stream: BinaryIO, *, close: bool = False) -> None:
        self.stream = stream
        self._close = close

    def commit(self, *, changed: bool) -> None:
        self.abort()

    def abort(self) -> None:
        with contextlib.suppress(BrokenPipeError):
            self.stream.flush()
        if self._close:
            self.stream.close()


class _Replace:
    """A file replaced atomically: the output file, or the input itself (``in_place``)."""

    def __init__(self, target: Path, *, in_place: bool, backup: str | None) -> None:
        where = "" if in_place else f"{target}: "
        if target.is_dir():
            raise _RefusedError(f"{target}: is a directory")
        if target.exists() and not target.is_file():
            raise _RefusedError(f"{where}not a regular file; not changed")
        if target.exists() and not _writable(target):
            raise _RefusedError(f"{where}read-only file; not changed")
        try:
            self._file = AtomicFile(target)
        except OSError as exc:
            raise _RefusedError(
                f"{where}cannot write in {target.parent}: {_describe(exc)}"
            ) from None
        self._in_place = in_place
        self._backup = target.with_name(target.name + backup) if backup else None
        self.stream = self._file.stream

    def commit(self, *, changed: bool) -> None:
        if self._in_place and not changed:
            self._file.abort()  # nothing to rewrite: leave the file (and its date) alone
        else:
            self._file.commit(backup=self._backup)

    def abort(self) -> None:
        self._file.abort()


_Target = _Stream | _Replace


def _writable(path: Path) -> bool:
    """Whether we may write ``path``: allowed to, and not marked read-only (a file with no
    write permission bit is refused even to root)."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


@dataclass(slots=True)
class _Open:
    target: _Target
    writer: _Writer
    done: int = 0
    mentions: int = 0


@dataclass(slots=True)
class _Tally:
    files: int = 0
    changed_files: int = 0
    mentions: int = 0
    failures: int = 0


# --- clean: the command ------------------------------------------------------------------------


def _clean(args: argparse.Namespace) -> int:
    files: list[str] = args.files or [STDIN]
    if args.in_place and STDIN in files:
        raise UsageError("--in-place needs files; it cannot rewrite stdin")
    if args.in_place and args.output:
        raise UsageError("use either --in-place or -o, not both")
    if args.in_place and args.format != "text":
        raise UsageError(f"--in-place writes text; it cannot be used with --format {args.format}")
    if args.backup is not None and not (args.in_place and args.backup):
        raise UsageError("--backup needs --in-place and a non-empty SUFFIX")
    if args.output and len(files) > 1:
        raise UsageError("-o takes one input file; use --in-place for several")
    try:
        encoding = codecs.lookup(args.encoding).name
    except LookupError:
        raise UsageError(f"unknown --encoding {args.encoding!r}") from None
    settings = Settings(
        tuple(args.gazetteer),
        not args.no_bundled,
        args.min_score,
        args.kinds,
        Style.parse(args.style),
    )
    normaliser = settings.normaliser()
    sources = [Source("<stdin>", None) if f == STDIN else Source(f, Path(f)) for f in files]
    with _sigterm_raises():
        try:
            tally = _clean_sources(sources, args, settings, normaliser, encoding)
        except KeyboardInterrupt:
            _say("interrupted; every file is either unchanged or completely rewritten")
            return EXIT_INTERRUPTED
        except Terminated:
            _say("terminated; every file is either unchanged or completely rewritten")
            return EXIT_TERMINATED
    if not args.quiet:
        _say(_summary(tally, args.format))
    return EXIT_FAILURE if tally.failures else 0


def _clean_sources(
    sources: list[Source],
    args: argparse.Namespace,
    settings: Settings,
    normaliser: Normaliser,
    encoding: str,
) -> _Tally:
    tally = _Tally()
    failed: set[Source] = set()
    current: dict[Source, _Open] = {}
    progress = _Progress(_total_size(sources))
    items = _items(sources, encoding=encoding, chunk_size=args.chunk_size, failed=failed)

    def fail(source: Source, message: str) -> None:
        failed.add(source)
        tally.failures += 1
        opened = current.pop(source, None)
        if opened is not None:
            opened.target.abort()
        progress.clear()
        _say(f"{source.name}: {message}")

    try:
        for item, found in _results(items, settings, normaliser, args.jobs):
            source = item.source
            if isinstance(item, _Fail):
                fail(source, item.message)
                continue
            if source in failed:
                continue
            try:
                if isinstance(item, _Start):
                    current[source] = _start(source, args, encoding)
                elif isinstance(item, _Chunk):
                    opened = current[source]
                    opened.writer.feed(item.text, found)
                    opened.mentions += sum(f.changed for f in found)
                    progress.advance(item.done - opened.done)
                    opened.done = item.done
                else:
                    opened = current.pop(source)
                    opened.writer.finish()
                    opened.target.commit(changed=opened.mentions > 0)
                    tally.files += 1
                    tally.changed_files += opened.mentions > 0
                    tally.mentions += opened.mentions
            except BrokenPipeError:
                raise
            except (OSError, UnicodeEncodeError, _RefusedError) as exc:
                fail(source, _describe(exc, encoding))
    finally:
        progress.clear()
        for opened in current.values():
            opened.target.abort()
    return tally


def _start(source: Source, args: argparse.Namespace, encoding: str) -> _Open:
    target: _Target
    if args.in_place:
        assert source.path is not None
        target = _Replace(Path(os.path.realpath(source.path)), in_place=True, backup=args.backup)
    elif args.output:
        output = Path(os.path.realpath(args.output))
        if output.exists() and not output.is_file() and not output.is_dir():
            target = _Stream(output.open("wb"), close=True)  # a device or named pipe
        else:
            target = _Replace(output, in_place=False, backup=None)
    else:
        target = _Stream(sys.stdout.buffer)
    writer: _Writer
    if args.format == "jsonl":
        writer = _JsonlWriter(target.stream, source.name)
    elif args.format == "diff":
        writer = _DiffWriter(target.stream, source.name, encoding)
    else:
        writer = _TextWriter(target.stream, encoding)
    return _Open(target, writer)


def _summary(tally: _Tally, format: str) -> str:
    verb = "rewritten" if format == "text" else "to rewrite"
    files = f"{tally.changed_files} of {tally.files} file{'s' * (tally.files != 1)}"
    text = f"{tally.mentions} mention{'s' * (tally.mentions != 1)} {verb} in {files}"
    if tally.failures:
        text += f"; {tally.failures} file{'s' * (tally.failures != 1)} failed"
    return text


def _total_size(sources: Sequence[Source]) -> int | None:
    total = 0
    for source in sources:
        if source.path is None or not source.path.is_file():
            return None
        total += source.path.stat().st_size
    return total


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While running, SIGTERM raises :class:`Terminated` (in the main thread only). A worker
    that gets SIGTERM before its initializer has set its own handler ends quietly, as it
    would after: it inherited this one with the fork, and an exception there would print a
    traceback."""
    main = os.getpid()

    def handler(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != main:
            os._exit(EXIT_TERMINATED)
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Progress:
    """A one-line progress report on stderr: only on a terminal, and after a second."""

    DELAY, INTERVAL = 1.0, 0.2

    def __init__(self, total: int | None) -> None:
        self._total = total
        self._done = 0
        self._began = self._shown = time.monotonic()
        self._visible = False
        self._enabled = sys.stderr.isatty()

    def advance(self, count: int) -> None:
        self._done += count
        now = time.monotonic()
        if not self._enabled or now - self._began < self.DELAY or now - self._shown < self.INTERVAL:
            return
        self._shown = now
        rate = self._done / (now - self._began) / 1e6
        share = f"{100 * self._done / self._total:3.0f}% " if self._total else ""
        sys.stderr.write(f"\r{PROG}: {share}{self._done / 1e6:.1f} MB, {rate:.1f} MB/s ")
        sys.stderr.flush()
        self._visible = True

    def clear(self) -> None:
        if self._visible:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self._visible = False


# --- resolve, variants, bench ------------------------------------------------------------------


def _data_normaliser(args: argparse.Namespace) -> Normaliser:
    return Normaliser(tuple(args.gazetteer), bundled=not args.no_bundled)


def _resolve(args: argparse.Namespace) -> int:
    if args.kind is not None:
        parse_kinds(args.kind)
    normaliser = _data_normaliser(args)
    answers = [
        (name, normaliser.resolve(name, kind=args.kind, limit=args.limit)) for name in args.names
    ]
    if args.json:
        doc: list[dict[str, Any]] = [
            {
                "query": name,
                "candidates": [
                    {
                        "entity": c.entity.id,
                        "canonical": c.entity.canonical,
                        "kind": c.entity.kind.value,
                        "wikidata": c.entity.wikidata,
                        "geonames": c.entity.geonames,
                        "country": c.entity.country,
                        "score": c.score,
                        "method": c.method,
                        "reason": c.reason,
                    }
                    for c in candidates
                ],
            }
            for name, candidates in answers
        ]
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    for name, candidates in answers:
        print(name)
        if not candidates:
            print("  no entity is close enough")
        for rank, c in enumerate(candidates, 1):
            e = c.entity
            ids = ", ".join(x for x in (e.kind.value, e.id, e.wikidata) if x)
            print(f"  {rank}. {c.score:.3f}  {e.canonical}  ({ids})  {c.method}: {c.reason}")
    return 0


def _variants(args: argparse.Namespace) -> int:
    from .spellings import variants

    schemes = args.schemes.split(",") if args.schemes else None
    for spelling in variants(args.name, lang=args.lang, schemes=schemes):
        print(spelling)
    return 0


def _bench(args: argparse.Namespace) -> int:
    from .bench import run_bench

    report = run_bench(_data_normaliser(args), args.gold)
    print(report.to_markdown())
    if args.json:
        try:
            Path(args.json).write_text(
                json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        except OSError as exc:
            raise TranslitNormError(f"{args.json}: {_describe(exc)}") from None
    return 0


__all__ = ["Found", "Settings", "Source", "UsageError", "find", "main"]
