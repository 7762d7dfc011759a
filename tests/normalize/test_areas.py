from __future__ import annotations

import pytest

from normalize.areas import area_of, area_phrases
from normalize.text import fold_key
from schemas.codes import Area
from tests.conftest import load_cases

CASES = load_cases("areas.yaml")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] or "<empty>" for c in CASES])
def test_area_of(case: dict) -> None:
    expected = Area(case["area"]) if case["area"] else None
    assert area_of(case["text"]) == expected


def test_every_area_has_phrasings() -> None:
    assert set(area_phrases()) == set(Area)


def test_tone_mark_placement_does_not_matter() -> None:
    assert area_of("Hiện đại hoá hành chính") == area_of("Hiện đại hóa hành chính")


def test_diacritics_are_kept() -> None:
    # "thể chế" is the_che; the same letters without marks are not Vietnamese for it.
    assert area_of("the che") is None


def test_phrasings_are_distinct() -> None:
    keys = [k for ks in area_phrases().values() for k in ks]
    assert len(keys) == len(set(keys)), "a phrasing is listed under two areas"
    assert all(k == fold_key(k) for k in keys)
