"""PhraseSet: whole-phrase matching on fold_key, as provinces write the phrases."""

from __future__ import annotations

import pytest

from normalize.phrases import PhraseSet
from normalize.text import fold_key

_AREAS = PhraseSet(
    [
        ("thể chế", "the_che"),
        ("thủ tục hành chính", "tthc"),
        ("cải cách thủ tục hành chính", "tthc_long"),
        ("chính quyền số", "so"),
    ]
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # case, spacing and punctuation do not matter
        ("CẢI CÁCH THỂ CHẾ", ["thể chế"]),
        ("Cải cách  thể   chế.", ["thể chế"]),
        ("(thể chế)", ["thể chế"]),
        # tone mark placement does not matter (old and new style: "hoà" / "hòa")
        ("Thủ tục hành chính", ["thủ tục hành chính"]),
        ("thủ tục hành chính", ["thủ tục hành chính"]),
        # whole words only: a longer word is not the phrase
        ("thể chếch", []),
        ("cải cách thủ tục hành chínhh", []),
        # diacritics are kept: a different vowel is a different word
        ("thê chê", []),
        # every phrase found, in the order given, each once
        (
            "Cải cách thủ tục hành chính gắn với chính quyền số",
            ["thủ tục hành chính", "cải cách thủ tục hành chính", "chính quyền số"],
        ),
        ("", []),
    ],
    ids=str,
)
def test_find_whole_phrases(text: str, found: list[str]) -> None:
    assert [m.key for m in _AREAS.find(text)] == [fold_key(f) for f in found]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "words"),
    [
        ("Thể chế", "thể chế", 0, 2),
        ("Về cải cách thể chế", "thể chế", len(fold_key("Về cải cách ")) + 1, 2),
        ("Cải cách thủ tục hành chính", "cải cách thủ tục hành chính", 0, 6),
    ],
    ids=str,
)
def test_match_says_where_and_how_long(text: str, phrase: str, start: int, words: int) -> None:
    match = next(m for m in _AREAS.find(text) if m.key == fold_key(phrase))
    assert (match.start, match.words) == (start, words)


def test_values_travel_with_matches() -> None:
    assert [m.value for m in _AREAS.find("Cải cách thể chế và thủ tục hành chính")] == [
        "the_che",
        "tthc",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thường xuyên", True),
        ("THƯỜNG XUYÊN, liên tục", True),
        ("Thường xuyên hóa", True),
        ("Thường", False),
        ("không thường xuyênn", False),
    ],
    ids=str,
)
def test_contains(text: str, expected: bool) -> None:
    assert PhraseSet.of(["thường xuyên"]).contains(text) is expected


def test_folded_text_is_not_folded_again() -> None:
    phrases = PhraseSet.of(["định kỳ"])
    assert phrases.contains(fold_key("Báo cáo định kỳ hàng quý"), folded=True)
    assert phrases.find(fold_key("Định kỳ"), folded=True)[0].value == fold_key("định kỳ")


def test_empty_phrases_are_dropped_and_keys_kept_in_order() -> None:
    phrases = PhraseSet.of(["Chủ trì", "", "...", "Phối hợp"])
    assert phrases.keys() == (fold_key("chủ trì"), fold_key("phối hợp"))
    assert len(phrases) == 2


_OPENERS = PhraseSet(
    [
        ("căn cứ", "basis"),
        ("thực hiện", "carry_out"),
        ("tiếp tục thực hiện", "carry_on"),
        ("căn cứ vào", "basis_long"),
        ("nơi nhận", "recipients"),
    ]
)


@pytest.mark.parametrize(
    ("text", "opener"),
    [
        # as provinces write the preamble: capitals, colons, old-style tone marks
        ("Căn cứ Luật Tổ chức chính quyền địa phương", "căn cứ"),
        ("CĂN CỨ NGHỊ QUYẾT SỐ 76/NQ-CP", "căn cứ"),
        ("Căn cứ: Quyết định số 1291/QĐ-TTg", "căn cứ"),
        ("Thực hiện Chỉ thị số 23/CT-TTg", "thực hiện"),
        ("Tiếp tục thực hiện Kế hoạch số 214/KH-UBND", "tiếp tục thực hiện"),
        ("Nơi nhận:", "nơi nhận"),
        ("Nơi nhận", "nơi nhận"),
        # the longest phrase the text opens with wins, whatever the order given
        ("Căn cứ vào Quyết định số 1291/QĐ-TTg", "căn cứ vào"),
        # whole words only: a longer word is not the phrase
        ("Căn cứu", None),
        ("Thực hiệnn kế hoạch", None),
        # opening, not containing
        ("Tiếp tục cải cách", None),
        ("Đã thực hiện kế hoạch", None),
        ("", None),
    ],
    ids=str,
)
def test_opens_with_whole_phrases(text: str, opener: str | None) -> None:
    match = _OPENERS.opens(text)
    assert (match.key if match else None) == (fold_key(opener) if opener else None)
    if match is not None:
        assert (match.start, match.value) == (0, dict(iter(_OPENERS))[match.key])


def test_opens_on_folded_text_and_first_of_equal_length() -> None:
    phrases = PhraseSet([("Nơi nhận", "first"), ("NƠI NHẬN", "second")])
    assert phrases.opens(fold_key("Nơi nhận: như trên"), folded=True).value == "first"
