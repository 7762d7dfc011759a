"""vanban.nlp(): the spaCy pipeline of AGENCY, LEGAL_REF, DATE and PERCENT entities, against
tests/cases/entities.yaml."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vanban
from normalize.entities import find_entities
from tests.conftest import load_cases

CASES = load_cases("entities.yaml")


def _ents(text: str) -> list[list[str]]:
    doc = vanban.nlp()(text)
    return [
        [e.text, e.label_, e.kb_id_] + (["unregistered"] if e.id_ == "unregistered" else [])
        for e in doc.ents
    ]


@pytest.mark.parametrize("case", CASES["sentences"], ids=[c["source"] for c in CASES["sentences"]])
def test_entities_of_a_sentence(case: dict) -> None:
    assert _ents(case["text"]) == [[str(x) for x in e] for e in case["entities"]]


def test_the_doc_keeps_the_text_and_its_whitespace() -> None:
    text = "  Sở Nội vụ,\n\nUBND  tỉnh đạt 95%. "
    doc = vanban.nlp()(text)
    assert doc.text == text
    assert [e.text for e in doc.ents] == ["Sở Nội vụ", "UBND  tỉnh", "95%"]


def test_the_pipeline_is_built_once_and_has_only_our_component() -> None:
    assert vanban.nlp() is vanban.nlp()
    assert vanban.nlp().pipe_names == ["vanban_entities"]


def test_a_citation_swallows_its_own_date_and_issuer() -> None:
    text = "theo Quyết định số 12/QĐ-UBND ngày 05/3/2025 của UBND tỉnh"
    assert [(e.label, text[e.start : e.end]) for e in find_entities(text)] == [
        ("LEGAL_REF", "Quyết định số 12/QĐ-UBND ngày 05/3/2025 của UBND tỉnh")
    ]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_a_doc_with_entities_on_token_boundaries(text: str) -> None:
    doc = vanban.nlp()(text)
    assert all(e.start_char < e.end_char for e in doc.ents)
