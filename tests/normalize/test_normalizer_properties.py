"""Every normalizer takes any string and returns data, never an exception (issue 10).

The strategy mixes the words of real plans with arbitrary text, so generated input
reaches the parsers' branches and not only their "nothing found" path. The dates,
deadlines, figures and agency normalizers have their own property tests beside their
table tests; this file covers the rest and the shared comparison key."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.abbreviations import expand_abbreviations
from normalize.areas import area_of
from normalize.citations import find_citations
from normalize.doc_types import doc_type_of, issuer_of_symbol
from normalize.indicators import indicator_of
from normalize.legacy_encoding import guess_legacy_encoding, to_unicode
from normalize.provinces import canonical_province, find_province
from normalize.text import fold_key
from schemas.codes import Area

WORDS = ["Nghị quyết", "số", "76/NQ-CP", "ngày", "15/7/2021", "của", "Chính phủ", "Căn cứ",
         "Quyết định", "3667/QĐ-UBND", "57-NQ/TW", "66.7/NQ-CP", "Luật", "Tổ chức",
         "UBND", "tỉnh", "Nghệ An", "Hà Tĩnh", "TP.", "Hồ Chí Minh", "Sở", "KH&ĐT", "TT&TT",
         "thủ tục hành chính", "hài lòng", "95%", "trên", "điểm", "cải cách", "thể chế",
         "được sửa đổi, bổ sung bởi", "/", "-", ",", ";", "(", ")", "\n", "ƣ", "hoá", "hóa"]
plan_text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=30).map(
    " ".join)

settings.register_profile("vanban", max_examples=150, deadline=None)
settings.load_profile("vanban")


@given(plan_text)
def test_find_citations_returns_spans_inside_the_text(text: str) -> None:
    for match in find_citations(text):
        assert 0 <= match.start <= match.end <= len(text)


@given(plan_text)
def test_provinces_are_names_or_none(text: str) -> None:
    for result in (canonical_province(text), find_province(text)):
        assert result is None or (isinstance(result, str) and result.strip() == result)


@given(plan_text)
def test_lookups_never_raise(text: str) -> None:
    assert isinstance(expand_abbreviations(text), str)
    assert area_of(text) is None or isinstance(area_of(text), Area)
    assert indicator_of(text) is None or isinstance(indicator_of(text), str)
    assert doc_type_of(text) is None or doc_type_of(text).value
    assert issuer_of_symbol(text) is None or isinstance(issuer_of_symbol(text), str)


@given(plan_text, st.sampled_from([None, ".VnTime", ".VnTimeH", "VNI-Times", "Times New Roman"]))
def test_legacy_conversion_never_raises(text: str, font: str | None) -> None:
    assert isinstance(to_unicode(text, font_name=font), str)
    assert guess_legacy_encoding(text) in (None, "tcvn3", "vni")


@given(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join))
def test_fold_key_ignores_case(text: str) -> None:
    assert fold_key(text.upper()) == fold_key(text.lower()) == fold_key(text)


@given(st.sampled_from([("Văn hoá", "Văn hóa"), ("Thanh Hoá", "THANH HÓA"),
                        ("Hoà Bình", "Hòa Bình"), ("thuỷ lợi", "thủy lợi")]))
def test_fold_key_ignores_tone_placement(pair: tuple[str, str]) -> None:
    assert fold_key(pair[0]) == fold_key(pair[1])


def test_fold_key_keeps_the_words_apart() -> None:
    assert fold_key("Sở Nội vụ") != fold_key("Số Nội vụ")
    assert fold_key("Sở") != fold_key("So")
