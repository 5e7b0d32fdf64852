"""Generate ``src/translit_norm/_scheme_tables.py`` from the romanisation source tables.

Usage: ``python scripts/build_schemes.py [--sources DIR] [--output FILE]``

Inputs (``DIR/romanisation/``): ``russian_letters.tsv`` and ``russian_context_rules.tsv``
(27 Russian schemes, extracted from the iuliia 0.13.0 schema files, MIT) and
``kyrgyz_letters.tsv`` (BGN/PCGN 1979, ISO 9:1995 and ALA-LC Kirghiz letter tables, facts read
off public pages). The passport and press conventions below are this project's own reading of
attested practice; ``docs/romanisation.md`` explains each choice.

Every scheme is four maps: ``letters`` (one Cyrillic letter -> Latin), ``prev`` (previous
letter + this letter -> Latin for this letter; a lone letter means word-initial), ``next``
(this letter + next letter -> Latin for this letter) and ``ending`` (the last two letters of
a word longer than two letters -> Latin).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generated import write_or_check

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = REPO.parent / "shared" / "sources"
DEFAULT_OUTPUT = REPO / "src" / "translit_norm" / "_scheme_tables.py"

Map = dict[str, str]
Scheme = dict[str, Map]

RU_VOWELS = "аеёиоуыэюя"
KY_VOWELS = RU_VOWELS + "өү"
HUSHING = "жчшщ"
# iuliia leaves ё as Cyrillic in some schemes; the standards give ë (see docs/romanisation.md)
CYRILLIC_YO, LATIN_YO = "ё", "ë"
KYRGYZ_COLUMNS = {"bgn_pcgn": "bgn_pcgn_1979", "iso_9": "iso_9_1995", "ala_lc": "ala_lc"}
KYRGYZ_ONLY = "ңөү"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _latin(value: str) -> str:
    return unicodedata.normalize("NFC", value.replace(CYRILLIC_YO, LATIN_YO))


def _scheme(letters: Map, prev: Map | None = None, next_: Map | None = None,
            ending: Map | None = None) -> Scheme:
    return {"letters": letters, "prev": prev or {}, "next": next_ or {}, "ending": ending or {}}


def after(previous: Iterable[str], letter: str, latin: str) -> Map:
    """Rules for ``letter`` written ``latin`` after any of ``previous`` ('' = word start)."""
    return {p + letter: latin for p in previous}


def before(letter: str, following: Iterable[str], latin: str) -> Map:
    """Rules for ``letter`` written ``latin`` before any of ``following``."""
    return {letter + f: latin for f in following}


def russian(sources: Path) -> dict[str, Scheme]:
    """The 27 iuliia schemes, with Cyrillic ё cells written ë."""
    letters = _rows(sources / "russian_letters.tsv")
    names = [column for column in letters[0] if column != "cyrillic"]
    schemes = {
        name: _scheme({row["cyrillic"]: _latin(row[name]) for row in letters}) for name in names
    }
    for rule in _rows(sources / "russian_context_rules.tsv"):
        kind = {"prev_mapping": "prev", "next_mapping": "next", "ending_mapping": "ending"}
        schemes[rule["scheme"]][kind[rule["rule_type"]]][rule["cyrillic"]] = _latin(rule["latin"])
    return schemes


def _with_kyrgyz(scheme: Scheme, extra: Map) -> Scheme:
    return {**scheme, "letters": {**scheme["letters"], **extra}}


def kyrgyz(sources: Path, ru: dict[str, Scheme]) -> dict[str, Scheme]:
    """BGN/PCGN 1979, ISO 9 and ALA-LC from the letter table, plus passport practice."""
    rows = _rows(sources / "kyrgyz_letters.tsv")
    schemes = {
        name: _scheme({row["cyrillic"]: _latin(row[column]) for row in rows})
        for name, column in KYRGYZ_COLUMNS.items()
    }
    # BGN/PCGN notes that е after a vowel is pronounced ye; we write it so, as for Russian.
    schemes["bgn_pcgn"]["prev"] = after(["", *KY_VOWELS, "ъ", "ь"], "е", "ye")
    # Passports: ICAO 9303 (ж zh, дж dzh, х kh, ы y attested) with the three Kyrgyz letters.
    schemes["passport"] = _with_kyrgyz(ru["icao_doc_9303"], {"ң": "n", "ө": "o", "ү": "u"})
    return schemes


def _press(base: Scheme, letters: Map, *, prev: Map | None = None, next_: Map | None = None,
           ending: Map | None = None) -> Scheme:
    return _scheme({**base["letters"], **letters}, {**base["prev"], **(prev or {})},
                   {**base["next"], **(next_ or {})}, {**base["ending"], **(ending or {})})


def _iotated(initial: str, after_consonant: str, *, soft: str = "ь") -> dict[str, Map]:
    """е ё ю я written ``initial``+vowel at word start, after vowels and signs, else plain."""
    vowels = {"е": "e", "ё": "o", "ю": "u", "я": "a"}
    prev: Map = {}
    for letter, vowel in vowels.items():
        prev |= after(["", *KY_VOWELS, "ъ", soft], letter, initial + vowel)
    letters = {letter: after_consonant + vowel for letter, vowel in vowels.items()}
    letters["е"] = "e"
    return {"letters": letters, "prev": prev}


def press(ru: dict[str, Scheme]) -> dict[str, dict[str, Scheme]]:
    """Foreign-press conventions: {scheme: {"ru": Scheme, "ky": Scheme}}."""
    wiki = ru["wikipedia"]
    base = wiki["letters"]
    signs = {"ъ": "", "ь": ""}
    out: dict[str, dict[str, Scheme]] = {}

    # English press: Wikipedia practice (ye, -iyev as in Bakiyev, -sky), Kyrgyz ж and дж as j.
    english_ky = {"ж": "j", "ң": "ng", "ө": "o", "ү": "u"}
    out["english_press"] = {
        "ru": _with_kyrgyz(wiki, {"ң": "n", "ө": "o", "ү": "u"}),
        "ky": _press(wiki, english_ky, next_={"дж": ""}),
    }

    # German: w for в, sch/tsch, z for ц, s for з, j-glides; Kyrgyz ж and дж as dsch.
    de = _iotated("j", "j")
    de_letters = {
        **de["letters"], "в": "w", "ж": "sch", "з": "s", "й": "i", "х": "ch", "ц": "z",
        "ч": "tsch", "ш": "sch", "щ": "schtsch", "ы": "y", "ң": "ng", "ө": "ö", "ү": "ü",
        **signs,
    }
    de_prev = {**de["prev"], **after("и", "е", "je"), **after(HUSHING, "ё", "o")}
    de_ending = {"ий": "i", "ый": "y"}
    out["german"] = {
        "ru": _scheme({**base, **de_letters}, de_prev, {}, de_ending),
        "ky": _scheme({**base, **de_letters, "ж": "dsch"}, de_prev, {"дж": ""}, de_ending),
    }

    # French: ou, tch, ch, j; ï for a glide after a vowel; Kyrgyz ж and дж as dj.
    fr_letters = {
        "ж": "j", "й": "i", "у": "ou", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch",
        "щ": "chtch", "ю": "iou", "я": "ia", "ё": "io", "ң": "ng", "ө": "ö", "ү": "ü", **signs,
    }
    fr_prev = {
        **after(set(KY_VOWELS) - set("ие"), "е", "ïe"), **after(KY_VOWELS, "й", "ï"),
        "е": "e", **after("ь", "е", "ie"),
    }
    fr_next = {**before("г", "еиы", "gu")}
    fr_ending = {"ий": "i", "ый": "y"}
    out["french"] = {
        "ru": _scheme({**base, **fr_letters}, fr_prev, fr_next,
                      {**fr_ending, "ин": "ine"}),
        "ky": _scheme({**base, **fr_letters, "ж": "dj"}, fr_prev,
                      {**fr_next, "дж": ""}, fr_ending),
    }

    # Polish: w, cz, sz, szcz, c; ł except before soft vowels; y after hard ż sz c.
    pl = _iotated("j", "i")
    soft_vowels = "еёиюяь"
    pl_letters = {
        **base, **pl["letters"], "в": "w", "ж": "ż", "й": "j", "л": "ł", "х": "ch", "ц": "c",
        "ч": "cz", "ш": "sz", "щ": "szcz", "ы": "y", "ң": "ng", "ө": "ö", "ү": "ü", **signs,
    }
    pl_prev = {
        **pl["prev"], **after("и", "е", "je"), **after("жшц", "и", "y"),
        **after("л", "ю", "u"), **after("л", "я", "a"), **after("л", "ё", "o"),
        **after("жчшщ", "ё", "o"),
    }
    pl_next = before("л", soft_vowels, "l")
    pl_ending = {"ий": "i", "ый": "y"}
    out["polish"] = {
        "ru": _scheme(pl_letters, pl_prev, pl_next, pl_ending),
        "ky": _scheme({**pl_letters, "ж": "dż"}, pl_prev, {**pl_next, "дж": ""}, pl_ending),
    }

    # Czech: háčeks, j-glides, -ij; Kyrgyz ж as ž.
    cs = _iotated("j", "j")
    cs_letters = {
        **base, **cs["letters"], "ж": "ž", "й": "j", "х": "ch", "ц": "c", "ч": "č", "ш": "š",
        "щ": "šč", "ы": "y", "ң": "ň", "ө": "ö", "ү": "ü", **signs,
    }
    cs_prev = {**cs["prev"], **after("и", "е", "je"), **after(HUSHING, "ё", "o")}
    cs_ending = {"ий": "ij", "ый": "yj"}
    cs_scheme = _scheme(cs_letters, cs_prev, {}, cs_ending)
    out["czech"] = {"ru": cs_scheme, "ky": cs_scheme}

    # Turkish: c ç ş ı; Kyrgyz ж and дж as c, Russian ж as j.
    tr = _iotated("y", "y")
    tr_letters = {
        **base, **tr["letters"], "ж": "j", "й": "y", "х": "h", "ц": "ts", "ч": "ç", "ш": "ş",
        "щ": "şç", "ы": "ı", "ң": "ñ", "ө": "ö", "ү": "ü", **signs,
    }
    tr_ending = {"ий": "i", "ый": "ı"}
    out["turkish"] = {
        "ru": _scheme(tr_letters, tr["prev"], {}, tr_ending),
        "ky": _scheme({**tr_letters, "ж": "c"}, tr["prev"], {"дж": ""}, tr_ending),
    }

    # Italian: scientific transliteration for Russian (Žirinovskij); English forms for Kyrgyz.
    sci = ru["scientific"]
    out["italian"] = {
        "ru": _press(sci, {"ё": "ë", "ң": "n", "ө": "ö", "ү": "ü", **signs}),
        "ky": _press(wiki, {**english_ky, "ө": "ö", "ү": "ü"}, next_={"дж": ""}),
    }

    # Spanish: zh, j for х, -i for -ий; Kyrgyz as the English press but х as j.
    es_letters = {"х": "j", "й": "i", "щ": "sch", "ң": "n", "ө": "o", "ү": "u", **signs}
    # (Spanish labels of Kyrgyz names copy the English ones: kh, j, y.)
    es_prev = {**wiki["prev"], **after(KY_VOWELS, "й", "y")}
    es_ending = {"ий": "i", "ый": "i"}
    out["spanish"] = {
        "ru": _scheme({**base, **es_letters}, es_prev, wiki["next"], es_ending),
        "ky": _scheme({**base, **es_letters, "ж": "j", "ң": "ng", "х": "kh"}, es_prev,
                      {**wiki["next"], "дж": ""}, es_ending),
    }
    return out


def build(sources: Path) -> dict[str, dict[str, Scheme]]:
    """All schemes: {lang: {scheme: Scheme}}."""
    ru = russian(sources)
    ky = kyrgyz(sources, ru)
    ru["passport"] = ru["icao_doc_9303"]
    for name, langs in press(ru).items():
        ru[name] = langs["ru"]
        ky[name] = langs["ky"]
    return {"ru": ru, "ky": ky}


HEADER = '''\
# GENERATED by scripts/build_schemes.py -- do not edit. Sources: russian_letters.tsv,
# russian_context_rules.tsv (iuliia 0.13.0 schemas, MIT, (c) Anton Zhiyanov) and
# kyrgyz_letters.tsv (BGN/PCGN 1979, ISO 9:1995, ALA-LC letter tables); press and passport
# conventions are this project's own (MIT). See docs/romanisation.md.
"""Romanisation tables: {lang: {scheme: {"letters"|"prev"|"next"|"ending": {cyr: latin}}}}."""

from __future__ import annotations

TABLES: dict[str, dict[str, dict[str, dict[str, str]]]] = '''


def render(tables: dict[str, dict[str, Scheme]]) -> str:
    """The generated module's text (deterministic: keys sorted)."""
    order = {lang: dict(sorted(schemes.items())) for lang, schemes in sorted(tables.items())}
    body = json.dumps(order, ensure_ascii=False, indent=1, sort_keys=True)
    return HEADER + body + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if the output drifted")
    args = parser.parse_args(argv)
    text = render(build(args.sources / "romanisation"))
    return write_or_check({args.output.name: text}, args.output.parent, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
