"""The gazetteer loader accepts the documented format and rejects bad rows with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

import translit_norm as tn

HEADER = "id\tkind\tcanonical\tnames\twikidata\tcountry\n"


def write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "mine.tsv"
    path.write_text("# my entities\n" + header + body, encoding="utf-8")
    return path


def test_minimal_user_file_adds_and_overrides(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "person:ivan-petrov\tperson\tIvan Petrov\tru:Иван Петров|de:Iwan Petrow\t\tRU\n"
        "place:koy-tash-alamudun\tplace\tKoi-Tash\t\t\tKG\n",
    )
    gazetteer = tn.load_gazetteer(path)
    assert gazetteer.get("person:ivan-petrov").names["ru"] == ("Иван Петров",)  # type: ignore[union-attr]
    normaliser = tn.Normaliser([path])
    assert normaliser.normalise("Iwan Petrow met Atambaev.") == "Ivan Petrov met Atambayev."
    assert normaliser.normalise("Koy-Tash") == "Koi-Tash"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("x\tanimal\tX\t\t\t\n", "unknown kind 'animal'"),
        ("x\tperson\t\t\t\t\n", "empty required column 'canonical'"),
        ("x\tperson\tX\t\tQ12x\t\n", "QID"),
        ("x\tperson\tX\t\t\tKGZ\n", "ISO 3166-1"),
        ("x\tperson\tX\t\t\n", "expected 6 tab-separated fields, found 5"),
        ("x\tperson\tX\t\t\t\nx\tperson\tY\t\t\t\n", "duplicate id 'x'"),
        ("x\tperson\tKo\u0308y\t\t\t\n", "NFC"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(tn.GazetteerError, match=message) as info:
        tn.load_gazetteer(path)
    assert str(info.value).startswith(f"{path}:")
    assert info.value.line >= 3


def test_bad_header(tmp_path: Path) -> None:
    path = write(tmp_path, "", header="id\tkind\tcanonical\tnickname\n")
    with pytest.raises(tn.GazetteerError, match="unknown columns \\['nickname'\\]"):
        tn.load_gazetteer(path)


def test_not_utf8_and_missing(tmp_path: Path) -> None:
    path = tmp_path / "latin1.tsv"
    path.write_bytes("id\tkind\tcanonical\nx\tplace\tK\xf6l\n".encode("latin-1"))
    with pytest.raises(tn.GazetteerError, match="not UTF-8"):
        tn.load_gazetteer(path)
    with pytest.raises(tn.TranslitNormError, match="cannot read gazetteer"):
        tn.load_gazetteer(tmp_path / "missing.tsv")
