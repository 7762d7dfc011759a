from __future__ import annotations

import pytest

from normalize.indicators import indicator_area, indicator_of, indicators
from normalize.text import fold_key
from schemas.codes import Area
from tests.conftest import load_cases

CASES = load_cases("indicators.yaml")
REQUIRED = (
    "procedure_files_on_time",
    "satisfaction_procedures",
    "satisfaction_public_service",
    "online_payment",
    "online_submission",
    "digitisation",
    "electronic_results",
    "data_reuse",
    "units_inspected",
    "signed_documents",
    "online_services_full_process",
    "legal_docs_quality",
)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] or "<empty>" for c in CASES])
def test_indicator_of(case: dict) -> None:
    assert indicator_of(case["text"]) == case["code"]


def test_controlled_list_is_well_formed() -> None:
    codes = [i.code for i in indicators()]
    assert len(codes) == len(set(codes))
    assert set(REQUIRED) <= set(codes)  # CONTRACT §3's list
    for indicator in indicators():
        assert indicator.label and indicator.source and indicator.phrasings, indicator.code
        assert all(w == fold_key(w) for p in indicator.phrasings for w in p), indicator.code


def test_indicators_know_their_area() -> None:
    assert indicator_area("satisfaction_procedures") is Area.THU_TUC_HANH_CHINH
    assert indicator_area("legal_docs_quality") is Area.THE_CHE
    assert indicator_area("par_index") is None
    assert indicator_area("no_such_code") is None
