from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.figures import parse_figures
from tests.conftest import load_cases

CASES = load_cases("figures.yaml")
FIELDS = ("metric", "value", "value_max", "comparator", "direction", "unit", "out_of")


def _as_dict(figure) -> dict:
    got = {f: getattr(figure, f) for f in FIELDS}
    return {k: (v.value if hasattr(v, "value") else v) for k, v in got.items()}


def _expected(case_figure: dict) -> dict:
    exp = {f: case_figure.get(f) for f in FIELDS}
    for key in ("value", "value_max", "out_of"):
        if exp[key] is not None:
            exp[key] = float(exp[key])
    return exp


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_parse_figures(case: dict) -> None:
    got = [_as_dict(f) for f in parse_figures(case["text"])]
    expected = [_expected(f) for f in case["figures"]]
    assert len(got) == len(expected), f"{len(got)} figures, expected {len(expected)}: {got}"
    for i, (g, e) in enumerate(zip(got, expected, strict=True)):
        diffs = [f"{k}: {g[k]!r} != {e[k]!r}" for k in FIELDS if g[k] != e[k]]
        assert not diffs, f"figure {i}: " + "; ".join(diffs)


def test_spans_point_at_the_figure() -> None:
    text = "Tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu 75%."
    (figure,) = parse_figures(text)
    assert text[figure.start : figure.end] == "75%"


_VIETNAMESE = st.text(
    alphabet=st.sampled_from(list("0123456789 .,;:/%-–()đĐăâêôơưàáạảãđiểmtrênhơnsốxãQuýII")),
    max_size=80,
)


@given(_VIETNAMESE)
def test_never_raises_and_spans_are_ordered(text: str) -> None:
    figures = parse_figures(text)
    starts = [f.start for f in figures]
    assert starts == sorted(starts)
    assert all(0 <= f.start < f.end <= len(text) for f in figures)
