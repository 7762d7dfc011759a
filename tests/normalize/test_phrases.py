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
