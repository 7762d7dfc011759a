"""The PDF reader's fast lookups choose exactly what the plain scans they replace chose."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extract.readers.pdf_tables import (
    WordIndex,
    _nearest,
    _on_columns,
    _snap,
    words_in,
)
from extract.readers.pdf_text import Word

coord = st.floats(min_value=0, max_value=800, allow_nan=False).map(lambda v: round(v, 1))


@st.composite
def words(draw: st.DrawFn) -> Word:
    x0, top = draw(coord), draw(coord)
    return Word("chữ", x0, x0 + draw(coord) / 8, top, top + 12, 12.0, False, False)


@given(st.lists(words(), max_size=60), coord, coord, coord, coord)
def test_word_index_finds_the_words_a_scan_finds(ws: list[Word], a: float, b: float,
                                                 c: float, d: float) -> None:
    bbox = (min(a, c), min(b, d), max(a, c), max(b, d))
    assert WordIndex(ws).words_in(bbox) == words_in(ws, bbox)


@given(st.lists(coord, min_size=1, max_size=30), coord)
def test_nearest_bound_is_the_scans_choice(values: list[float], v: float) -> None:
    bounds = _snap(values)
    scan = min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))
    assert _nearest(bounds, v) == scan


@given(st.lists(coord, max_size=30), coord, coord)
def test_on_columns_agrees_with_a_scan(columns: list[float], x0: float, x1: float) -> None:
    rect = {"x0": x0, "x1": x1}
    scan = any(abs(x0 - x) <= 1.5 for x in columns) and any(abs(x1 - x) <= 1.5 for x in columns)
    assert _on_columns(rect, sorted(columns)) == scan
