"""name_key folds real spellings of one name together and keeps real different names apart."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit_norm.keys import name_key

SAME = [
    "Atambayev Atambaev Atambajew Atambaïev Atambajev Atambáyev ATAMBAEV Атамбаев",
    "Jeenbekov Zheenbekov Dzheenbekov Dscheenbekow Dżeenbekow Žeenbekov Ceenbekov Zjeenbekov "
    "Dzseenbekov Жээнбеков Джээнбеков",
    "Sooronbay Sooronbai Sooronbaj Сооронбай",
    "Koi-Tash Koy-Tash Koj-Tasz Koy_Tash Koytash Кой-Таш КОЙ-ТАШ",
    "Bishkek Biškek Bischkek Bichkek Бишкек",
    "Zhirinovsky Schirinowski Żyrinowski Žirinovskij Jirinovski Zhirinovskiy Жириновский",
    "Chüy Chui Chuy Tschui Tchouï Чуй Чүй",
    "Kurmanbek Kourmanbek Qurmanbek Курманбек",
    "Otunbayeva Otounbaïeva Otunbajewa Отунбаева",
    "Issyk-Kul Ysyk-Köl Issyk-Kol Иссык-Куль Ысык-Көл",
    "Osh Ош",
    "Japarov Zhaparov Dzhaparov Dschaparow Dżaparow Caparov Жапаров",
    "Kyrgyzstan Kirgizstan Kyrgyz_stan Кыргызстан",
    "Yelizovo Elizovo Елизово",
    "Almazbek Almasbek Алмазбек",
    "Khamid Hamid Хамид",
    "Podyezd Podiezd Pod”yezd Подъезд",
    "Kojobekov Kozhobekov Кожобеков",
    "Tajikstan Tazhikstan Тажикстан",
    "Kadamjay Kadamdzhay Кадамжай",
    "Pyotr Petr Пётр Петр",
    "Ananyevo Ананьево",
    "Bratsk Братск",
    "Iskhak Исхак",
    "Chong-Alay Chon-Alai Чоң-Алай Чоӊ-Алай",
    "Kyrgyz Kirghiz Kirgiz Кыргыз",
]


@pytest.mark.parametrize("group", SAME, ids=lambda g: g.split()[0])
def test_spellings_of_one_name_share_a_key(group: str) -> None:
    forms = [form.replace("_", " ") for form in group.split()]
    keys = {form: name_key(form) for form in forms}
    assert len(set(keys.values())) == 1, keys


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Osh", "Oshskaya"),
        ("Bakiyev", "Bakirov"),
        ("Kant", "Kent"),
        ("Tokmok", "Talas"),
        ("Batken", "Baktygul"),
        ("Atambayev", "Otunbayeva"),
        ("Jalal-Abad", "Chon-Alay"),
        ("Akayev", "Akmatov"),
        ("Бакиев", "Бакиева"),
        ("Karakol", "Kara-Balta"),
    ],
)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


def test_naryn_and_narin_fold_together() -> None:
    # ы and и both fold to i: the few pairs that differ only there are far rarer than the
    # press spellings that confuse them (documented in docs/romanisation.md).
    assert name_key("Naryn") == name_key("Narin") == name_key("Нарын")


def test_separators_and_case_do_not_matter() -> None:
    assert name_key("koy tash") == name_key("KOY-TASH") == name_key("Koy’Tash")


def test_empty_and_punctuation_only() -> None:
    assert name_key("") == ""
    assert name_key(" - ' ") == ""


@given(st.text(max_size=30))
def test_key_is_total_deterministic_and_letters_only(text: str) -> None:
    key = name_key(text)
    assert name_key.__wrapped__(text) == key
    assert not re.search(r"[\W\d_]", key)
