"""The ``translit-norm`` command: output, exit codes, and the bytes left on disk."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translit_norm as tn
from conftest import EXAMPLES, ROOT
from translit_norm import cli
from translit_norm.render import Style
from translit_norm.streaming import BOM, AtomicFile, DecodeError, read_segments

SRC = Path(__file__).resolve().parents[1] / "src"
LINE = "Atambaev met Zheenbekov in Koi-Tash."
CLEAN_LINE = "Atambayev met Jeenbekov in Koy-Tash."
# Paragraphs written for these tests from public facts; each names its people in full.
PARAGRAPHS = [
    "Sooronbai Zheenbekov was elected president in October 2017, succeeding Almazbek Atambaev.",
    "In August 2019 special forces raided Atambaev's compound in Koi-Tash, near Bishkek.",
    "The SCNS detained Atambajew after a second assault on Koi-Tash.",
    "Sadyr Zhaparov became president in January 2021.",
    "Атамбаев встретился с Жээнбековым в Кой-Таше.",
    "Nothing to see here at all.",
]


def run(argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]) -> tuple[int, bytes, str]:
    code = cli.main(argv)
    out, err = capsysbinary.readouterr()
    return code, out, err.decode()


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def subprocess_env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": str(SRC) + (os.pathsep + path if path else "")}


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "translit_norm", *args]


def long_text(paragraphs: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(paragraphs)) + "\n"


def long_file(folder: Path) -> tuple[Path, bytes]:
    """A file long enough for an --in-place run to be caught in the middle, and its bytes."""
    path = folder / "long.txt"
    data = long_text(6000).encode()
    path.write_bytes(data)
    return path, data


# --- clean: output ----------------------------------------------------------------------------


def test_stdin_to_stdout(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    feed_stdin(monkeypatch, (LINE + "\n").encode())
    code, out, err = run(["clean"], capsysbinary)
    assert (code, out) == (0, (CLEAN_LINE + "\n").encode())
    assert err == "translit-norm: 3 mentions rewritten in 1 of 1 file\n"


def test_quiet_and_dash(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    feed_stdin(monkeypatch, LINE.encode())
    assert run(["clean", "-q", "-"], capsysbinary) == (0, CLEAN_LINE.encode(), "")


def test_crlf_and_bom_kept_byte_for_byte(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    text = "\r\n".join(PARAGRAPHS) + "\r\n\r\n"
    path = tmp_path / "notes.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    code, out, _ = run(["clean", "--chunk-size", "64", str(path)], capsysbinary)
    assert code == 0
    assert out == b"\xef\xbb\xbf" + tn.normalise(text).encode()
    assert out.count(b"\r\n") == text.count("\r\n")


def test_style_and_kinds(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(LINE, encoding="utf-8")
    code, out, _ = run(["clean", "--style", "ru", "--kinds", "place", str(path)], capsysbinary)
    assert (code, out.decode()) == (0, "Atambaev met Zheenbekov in Кой-Таш.")


def test_other_encoding_written_back_in_it(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    text = "Атамбаев и Atambaev в Бишкеке.\n"
    path = tmp_path / "cp1251.txt"
    path.write_bytes(text.encode("cp1251"))
    code, out, _ = run(["clean", "--encoding", "cp1251", str(path)], capsysbinary)
    assert (code, out) == (0, tn.normalise(text).encode("cp1251"))
    assert b"Atambayev" in out


def test_unwritable_character_names_the_chosen_encoding(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "kenesh.txt"
    data = "The Jogorku Kenesh met on Tuesday.\n".encode("cp1251")
    path.write_bytes(data)
    argv = ["clean", "-i", "--encoding", "cp1251", "--style", "ky", str(path)]
    code, out, err = run(argv, capsysbinary)
    assert (code, out) == (1, b"")
    assert f"{path}: cannot write 'ң' in cp1251; choose another --style or --encoding" in err
    assert path.read_bytes() == data


def test_segments_give_the_library_result_on_the_whole_text(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    text = long_text(120)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(["clean", "--chunk-size", "300", str(path)], capsysbinary)
    assert code == 0
    assert out.decode() == tn.normalise(text)
    assert len(text.encode()) > 20 * 300  # many chunks
    assert "of 1 file" in err


def test_jobs_give_the_same_output(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    paths = []
    for index in range(3):
        paths.append(tmp_path / f"{index}.txt")
        paths[-1].write_text(long_text(10 + index), encoding="utf-8")
    names = [str(p) for p in paths]
    serial = run(["clean", "--chunk-size", "200", *names], capsysbinary)
    parallel = run(["clean", "--chunk-size", "200", "--jobs", "2", *names], capsysbinary)
    assert serial == parallel
    assert serial[1].decode() == "".join(tn.normalise(p.read_text("utf-8")) for p in paths)


def test_matching_makes_no_reference_cycles() -> None:
    """clean freezes what is alive after each segment (``cli.find``): safe only while
    matching leaves no garbage in reference cycles, which would then stay."""
    texts = [p.read_text(encoding="utf-8") for p in [
        EXAMPLES / "kyrgyz-politics.txt", *sorted((ROOT / "benchmarks" / "texts").glob("*.txt"))
    ]]  # fmt: skip
    normaliser = tn.Normaliser()
    for text in texts[::2]:  # first uses: pymorphy3 loads, memos start to fill
        normaliser.find_entities(text)
    gc.collect()
    gc.disable()
    try:  # texts, styles and readings not seen yet: memo misses as well as hits
        for style in Style:
            for text in texts:
                normaliser.find_entities(text, style=style.value, abstentions=True)
                normaliser.normalise(text, style=style.value)
        assert gc.collect() == 0
    finally:
        gc.enable()


# --- clean: jsonl and diff ---------------------------------------------------------------------


def test_jsonl_offsets_point_into_the_file(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"\xef\xbb\xbf" + long_text(30).encode())
    code, out, _ = run(
        ["clean", "--format", "jsonl", "--chunk-size", "128", str(path)], capsysbinary
    )
    text = path.read_text(encoding="utf-8")  # keeps the BOM as U+FEFF
    records = [json.loads(line) for line in out.decode().splitlines()]
    assert code == 0
    assert len(records) > 30
    for record in records:
        assert text[record["start"] : record["end"]] == record["surface"]
        assert text.count("\n", 0, record["start"]) + 1 == record["line"]
        assert record["file"] == str(path)
    first = records[0]
    assert (first["surface"], first["replacement"], first["kind"]) == (
        "Sooronbai Zheenbekov",
        "Sooronbay Jeenbekov",
        "person",
    )
    assert first["entity"] == tn.resolve("Sooronbay Jeenbekov")[0].entity.id
    assert set(first) >= {"canonical", "wikidata", "score", "method", "reason", "end"}


@pytest.mark.skipif(shutil.which("patch") is None, reason="patch is not installed")
def test_diff_applies_with_patch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    text = "\r\n".join(f"line {i}: " + PARAGRAPHS[i % 7 % 6] for i in range(60)) + "\r\nend"
    original = BOM + text
    (tmp_path / "notes.txt").write_bytes(original.encode())
    monkeypatch.chdir(tmp_path)
    code, patch, _ = run(
        ["clean", "--format", "diff", "--chunk-size", "100", "notes.txt"], capsysbinary
    )
    assert code == 0
    assert patch.startswith(b"--- notes.txt\n+++ notes.txt\n@@ -1,")
    (tmp_path / "names.patch").write_bytes(patch)
    subprocess.run(["patch", "-p0", "-s", "-i", "names.patch"], check=True, cwd=tmp_path)
    assert (tmp_path / "notes.txt").read_bytes() == (BOM + tn.normalise(text)).encode()


@pytest.mark.skipif(shutil.which("diff") is None, reason="diff is not installed")
def test_diff_matches_gnu_diff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    lines = [f"row {i} " + ("Atambaev here" if i % 9 in (0, 1) else "plain") for i in range(50)]
    (tmp_path / "a.txt").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "b.txt").write_text(tn.normalise("\n".join(lines)), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ours = run(["clean", "--format", "diff", "--chunk-size", "50", "a.txt"], capsysbinary)[1]
    theirs = subprocess.run(["diff", "-u", "a.txt", "b.txt"], capture_output=True).stdout
    assert ours.splitlines()[2:] == theirs.splitlines()[2:]


def test_diff_of_unchanged_file_is_empty(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Nothing to see here.\n", encoding="utf-8")
    assert run(["clean", "--format", "diff", "-q", str(path)], capsysbinary) == (0, b"", "")


# --- clean: in place ------------------------------------------------------------------------


def test_in_place_with_backup_keeps_permissions(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(LINE + "\n", encoding="utf-8")
    path.chmod(0o640)
    code, out, err = run(["clean", "--in-place", "--backup", ".orig", str(path)], capsysbinary)
    assert (code, out) == (0, b"")
    assert path.read_text(encoding="utf-8") == CLEAN_LINE + "\n"
    assert (tmp_path / "notes.txt.orig").read_text(encoding="utf-8") == LINE + "\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []
    assert "3 mentions rewritten in 1 of 1 file" in err


def test_in_place_without_nameless_files_uses_a_hidden_named_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Systems without O_TMPFILE (macOS, some file systems) write a named temporary file."""
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    path = tmp_path / "notes.txt"
    path.write_text(LINE + "\n", encoding="utf-8")
    code, out, _ = run(["clean", "--in-place", "--backup", ".orig", str(path)], capsysbinary)
    assert (code, out) == (0, b"")
    assert path.read_text(encoding="utf-8") == CLEAN_LINE + "\n"
    assert (tmp_path / "notes.txt.orig").read_text(encoding="utf-8") == LINE + "\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "notes.txt.orig"]


def test_in_place_leaves_unchanged_files_alone(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Nothing to see here.\n", encoding="utf-8")
    before = path.stat()
    assert run(["clean", "-i", "--backup", "~", str(path)], capsysbinary)[0] == 0
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain.txt"]


def test_in_place_follows_a_symlink(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    real = tmp_path / "real.txt"
    real.write_text(LINE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert run(["clean", "-i", str(link)], capsysbinary)[0] == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == CLEAN_LINE


def test_output_file_is_written_whole_or_not_at_all(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    good, bad, out = tmp_path / "good.txt", tmp_path / "bad.txt", tmp_path / "out.txt"
    good.write_text(LINE, encoding="utf-8")
    bad.write_bytes(long_text(40).encode() + b"\xff")
    out.write_text("previous", encoding="utf-8")
    assert run(["clean", str(bad), "-o", str(out), "--chunk-size", "64"], capsysbinary)[0] == 1
    assert out.read_text(encoding="utf-8") == "previous"
    assert run(["clean", str(good), "-o", str(out)], capsysbinary)[0] == 0
    assert out.read_text(encoding="utf-8") == CLEAN_LINE
    assert leftovers(tmp_path) == []


# --- clean: failures -------------------------------------------------------------------------


def test_invalid_utf8_names_the_byte_and_leaves_the_file(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = long_text(40).encode()
    data = data[:2000] + b"\xc3(" + data[2000:]
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    code, out, err = run(["clean", "-i", "--chunk-size", "256", str(path)], capsysbinary)
    assert (code, out) == (1, b"")
    assert f"{path}: not valid utf-8: 0xc3 at byte offset 2000" in err
    assert path.read_bytes() == data
    assert leftovers(tmp_path) == []


def test_binary_file_is_refused(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    path = tmp_path / "image.bin"
    data = b"Atambaev\0\x01\x02"
    path.write_bytes(data)
    code, out, err = run(["clean", "-i", str(path)], capsysbinary)
    assert (code, out) == (1, b"")
    assert f"{path}: binary file" in err
    assert path.read_bytes() == data


def test_good_files_are_cleaned_when_others_fail(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(LINE, encoding="utf-8")
    second.write_text("Sadyr Zhaparov", encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(LINE, encoding="utf-8")
    locked.chmod(0o444)
    missing, folder = tmp_path / "missing.txt", tmp_path / "folder"
    folder.mkdir()
    argv = ["clean", "-i", str(first), str(missing), str(folder), str(locked), str(second)]
    code, _, err = run(argv, capsysbinary)
    assert code == 1
    assert first.read_text(encoding="utf-8") == CLEAN_LINE
    assert second.read_text(encoding="utf-8") == "Sadyr Japarov"
    assert locked.read_text(encoding="utf-8") == LINE
    lines = err.splitlines()
    assert f"translit-norm: {missing}: No such file or directory" in lines
    assert f"translit-norm: {folder}: Is a directory" in lines
    assert f"translit-norm: {locked}: read-only file; not changed" in lines
    assert lines[-1] == "translit-norm: 4 mentions rewritten in 2 of 2 files; 3 files failed"


def test_bad_gazetteer_is_one_line(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    gazetteer = tmp_path / "mine.tsv"
    gazetteer.write_text("not a header\n", encoding="utf-8")
    code, out, err = run(["clean", "--gazetteer", str(gazetteer), str(gazetteer)], capsysbinary)
    assert (code, out) == (1, b"")
    assert err.startswith(f"translit-norm: error: {gazetteer}")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["clean", "a", "b", "-o", "c"], "-o takes one input file"),
        (["clean", "--in-place"], "--in-place needs files"),
        (["clean", "--in-place", "-", "x"], "--in-place needs files"),
        (["clean", "--backup", ".bak", "x"], "--backup needs --in-place"),
        (["clean", "-i", "--format", "diff", "x"], "--format diff"),
        (["clean", "--style", "klingon", "x"], "unknown style 'klingon'; valid values: canonical"),
        (["clean", "--kinds", "people", "x"], "unknown kind 'people'; valid values: org, person"),
        (["clean", "--encoding", "utf-9", "x"], "unknown --encoding 'utf-9'"),
        (["clean", "--min-score", "2", "x"], "must be a number from 0 to 1"),
        (["clean", "--jobs", "0", "x"], "must be a positive whole number"),
        (["resolve", "--kind", "planet", "Osh"], "unknown kind 'planet'"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, out, err = run(argv, capsysbinary)
    assert (code, out) == (2, b"")
    assert message in err


def test_interrupted_in_place_run_leaves_old_or_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(LINE, encoding="utf-8")
    data = long_text(30).encode()
    second.write_bytes(data)
    calls = []
    real = cli.find

    def failing(*args: object) -> list[cli.Found]:
        calls.append(1)
        if len(calls) == 4:  # the third segment of the second file
            raise KeyboardInterrupt
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "find", failing)
    code, _, err = run(
        ["clean", "-i", "--chunk-size", "200", str(first), str(second)], capsysbinary
    )
    assert code == 130
    assert "interrupted" in err
    assert first.read_text(encoding="utf-8") == CLEAN_LINE
    assert second.read_bytes() == data
    assert leftovers(tmp_path) == []


# --- other commands --------------------------------------------------------------------------


def test_resolve_text_and_json(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = run(["resolve", "Atambaev", "Xqzzyv"], capsysbinary)
    lines = out.decode().splitlines()
    assert code == 0
    assert lines[0] == "Atambaev"
    assert lines[1].startswith("  1. ")
    assert "Almazbek Atambayev" in lines[1]
    assert lines[2:] == ["Xqzzyv", "  no entity is close enough"]
    code, out, _ = run(["resolve", "--json", "--kind", "place", "Koi-Tash"], capsysbinary)
    doc = json.loads(out)
    assert doc[0]["query"] == "Koi-Tash"
    assert doc[0]["candidates"][0]["canonical"] == "Koy-Tash"
    assert doc[0]["candidates"][0]["kind"] == "place"


def test_variants(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    pytest.importorskip("translit_norm.spellings")
    code, out, _ = run(["variants", "Жээнбеков", "--lang", "ky"], capsysbinary)
    spellings = out.decode().splitlines()
    assert code == 0
    assert {"Jeenbekov", "Zheenbekov"} <= set(spellings)


def test_bench_writes_markdown_and_json(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    gold = tmp_path / "names.tsv"
    gold.write_text("variant\tentity\nAtambaev\tAlmazbek Atambayev\nKoi-Tash\tKoy-Tash\n", "utf-8")
    report = tmp_path / "report.json"
    code, out, _ = run(["bench", str(gold), "--json", str(report)], capsysbinary)
    assert code == 0
    assert "| resolve top-1 |" in out.decode()
    assert json.loads(report.read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("name", ["clean", "resolve", "variants", "bench"])
def test_help_has_an_example(name: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, _ = run([name, "--help"], capsysbinary)
    assert code == 0
    assert "example" in out.decode()
    assert "translit-norm " + name in out.decode()


def test_version(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert run(["--version"], capsysbinary) == (0, f"translit-norm {tn.__version__}\n".encode(), "")


# --- as a separate process -------------------------------------------------------------------


def test_module_runs_as_a_command(tmp_path: Path) -> None:
    result = subprocess.run(
        command("clean"), input=LINE.encode(), capture_output=True, env=subprocess_env()
    )
    assert (result.returncode, result.stdout) == (0, CLEAN_LINE.encode())
    missing = subprocess.run(
        command("clean", str(tmp_path / "nope.txt")), capture_output=True, env=subprocess_env()
    )
    assert missing.returncode == 1
    assert missing.stderr.decode().splitlines()[0].endswith("nope.txt: No such file or directory")
    assert b"Traceback" not in missing.stderr


def test_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(long_text(3000), encoding="utf-8")
    process = subprocess.Popen(
        command("clean", "-q", "--chunk-size", "2000", str(path)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=subprocess_env(),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=60) == cli.EXIT_BROKEN_PIPE
    assert first.startswith(b"Sooronbay Jeenbekov")
    assert process.stderr.read() == b""


needs_proc = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="needs /proc to see a process's open files"
)


def writing_next_to(pid: int, path: Path) -> bool:
    """Whether process ``pid`` has a file open in ``path``'s folder other than ``path``
    itself: its output, named or not yet."""
    folder, own = os.path.realpath(path.parent) + os.sep, os.path.realpath(path)
    with contextlib.suppress(OSError):
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            with contextlib.suppress(OSError):
                link = os.readlink(fd)
                if link.startswith(folder) and link != own:
                    return True
    return False


def children(pid: int) -> set[int]:
    found = set()
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.add(int(stat_file.parent.name))
    return found


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@contextlib.contextmanager
def in_place_run(
    path: Path, *options: str, workers: int = 0
) -> Iterator[tuple[subprocess.Popen[bytes], set[int]]]:
    """``clean -i`` on ``path`` in a new process, given (with its worker processes, once it
    has ``workers`` of them) when it is writing its output; on leaving, whatever of it still
    runs is killed, so that a failing test leaves no process behind."""
    process = subprocess.Popen(
        command("clean", "-i", "--chunk-size", "4096", *options, str(path)),
        stderr=subprocess.PIPE,
        env=subprocess_env(),
    )
    found: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            found = children(process.pid)
            if writing_next_to(process.pid, path) and len(found) >= workers:
                break
            time.sleep(0.01)
        assert process.poll() is None, "the run ended before it was seen writing"
        yield process, found
    finally:
        for pid in [process.pid, *found]:
            if running(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        process.wait()


@needs_proc
def test_sigterm_during_in_place_leaves_the_original(tmp_path: Path) -> None:
    path, data = long_file(tmp_path)
    with in_place_run(path) as (process, _):
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    assert process.returncode == cli.EXIT_TERMINATED
    assert b"terminated" in err
    assert path.read_bytes() == data
    assert leftovers(tmp_path) == []


@needs_proc
def test_kill_9_during_in_place_leaves_the_original_and_nothing_else(tmp_path: Path) -> None:
    try:
        os.close(os.open(tmp_path, os.O_TMPFILE | os.O_WRONLY, 0o600))
    except (AttributeError, OSError):
        pytest.skip("no nameless temporary files here: kill -9 leaves a hidden .tmp file")
    path, data = long_file(tmp_path)
    with in_place_run(path, "--jobs", "2", workers=2) as (process, workers):
        process.kill()
        process.wait(timeout=30)
        deadline = time.monotonic() + 30
        while any(map(running, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        survivors = [pid for pid in workers if running(pid)]
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.txt"]
    assert survivors == [], "workers outlived their parent"


@needs_proc
def test_sigterm_to_every_process_leaves_one_line(tmp_path: Path) -> None:
    path, data = long_file(tmp_path)
    with in_place_run(path, "--jobs", "2", workers=2) as (process, workers):
        for pid in [process.pid, *workers]:  # as a service manager or pkill does
            os.kill(pid, signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    assert process.returncode == cli.EXIT_TERMINATED
    assert err.decode().splitlines() == [
        "translit-norm: terminated; every file is either unchanged or completely rewritten"
    ]
    assert path.read_bytes() == data
    assert leftovers(tmp_path) == []


@needs_proc
def test_a_killed_worker_is_one_line_and_the_file_is_kept(tmp_path: Path) -> None:
    path, data = long_file(tmp_path)
    with in_place_run(path, "--jobs", "2", workers=2) as (process, workers):
        os.kill(min(workers), signal.SIGKILL)  # as the out-of-memory killer does
        _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err.decode().splitlines() == [
        f"translit-norm: error: {path}: a worker process ended unexpectedly (killed, or out of "
        "memory?); stopped before finishing this file"
    ]
    assert path.read_bytes() == data
    assert leftovers(tmp_path) == []


# --- segments ---------------------------------------------------------------------------------


def segments(data: bytes, chunk_size: int, encoding: str = "utf-8") -> list[str]:
    return [
        text
        for text, _ in read_segments(io.BytesIO(data), encoding=encoding, chunk_size=chunk_size)
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("aЖ ң\n\r\t-.\ufeff"), max_size=300),
    st.integers(min_value=1, max_value=40),
)
def test_segments_join_to_the_text(text: str, chunk_size: int) -> None:
    parts = segments(text.encode(), chunk_size)
    assert "".join(parts) == text
    for part in parts[:-1]:  # cut after white space, except in an over-long word
        assert part[-1].isspace() or len(part) > 4 * chunk_size or part == BOM


def test_segments_prefer_blank_lines() -> None:
    text = "Koi-Tash raid\nAtambaev\n\nsecond paragraph\nends here\n"
    assert segments(text.encode(), 30) == [
        "Koi-Tash raid\nAtambaev\n\n",
        "second paragraph\nends here\n",
    ]


def test_decode_error_offset_across_reads() -> None:
    data = "Бишкек ".encode() * 10 + b"\xd0"  # a truncated two-byte character at the end
    with pytest.raises(DecodeError) as error:
        segments(data, 5)
    assert error.value.offset == len(data) - 1


def test_output_to_a_named_pipe_is_written_not_replaced(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source, pipe = tmp_path / "a.txt", tmp_path / "pipe"
    source.write_text(LINE, encoding="utf-8")
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    code = run(["clean", str(source), "-o", str(pipe)], capsysbinary)[0]
    reader.join(timeout=10)
    assert (code, received) == (0, [CLEAN_LINE.encode()])
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    with pytest.raises(OSError, match="not a regular file"):
        AtomicFile(pipe)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_sigterm_to_a_worker_before_its_initializer_ends_it_quietly() -> None:
    # a worker is forked with the main process's handler, and keeps it until its
    # initializer runs: SIGTERM in between must end it as the initializer's handler would
    ready, started = os.pipe()
    with cli._sigterm_raises():
        child = os.fork()
        if child == 0:
            try:
                os.write(started, b"x")
                time.sleep(30)
            except BaseException:
                os._exit(1)  # the handler raised, as in the main process
            os._exit(0)
        os.read(ready, 1)  # not before: a signal that comes during the fork is dropped
        os.kill(child, signal.SIGTERM)
        _, status = os.waitpid(child, 0)
    os.close(ready)
    os.close(started)
    assert os.waitstatus_to_exitcode(status) == cli.EXIT_TERMINATED
