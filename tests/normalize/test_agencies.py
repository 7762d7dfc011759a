"""normalize.agencies and normalize.abbreviations against tests/cases/agencies.yaml."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.agencies import collect_agencies
from normalize import registry
from normalize.abbreviations import expand_abbreviations
from normalize.agencies import (
    canonical_agency,
    parse_agency_cell,
    split_agencies,
    successor,
)
from normalize.agency_match import form_keys
from normalize.text import nfc
from schemas.codes import TaskSource
from schemas.record import Task
from tests.conftest import load_cases

CASES = load_cases("agencies.yaml")


def _id(text: str) -> str:
    return text.replace("\n", "⏎")[:80] or "<empty>"


@pytest.mark.parametrize(
    "case", CASES["mentions"], ids=[_id(c["mention"]) for c in CASES["mentions"]]
)
def test_canonical_agency(case: dict) -> None:
    ref = canonical_agency(case["mention"], province=case["province"])
    if case["name"] is None:
        assert ref is None
        return
    assert ref is not None
    assert (ref.name, ref.province, ref.kind.value) == (
        case["name"],
        case["out_province"],
        case["kind"],
    )


@pytest.mark.parametrize("case", CASES["splits"], ids=[_id(c["text"]) for c in CASES["splits"]])
def test_split_agencies(case: dict) -> None:
    assert split_agencies(case["text"]) == case["mentions"]


_CELLS = CASES["cells"] + CASES["seed_cells"]


@pytest.mark.parametrize("case", _CELLS, ids=[f"{c['source']}|{_id(c['cell'])}" for c in _CELLS])
def test_parse_agency_cell(case: dict) -> None:
    cell = parse_agency_cell(case["cell"], province=case["province"])
    assert [a.name for a in cell.agencies] == case["agencies"]
    assert cell.unknown == case.get("unknown", [])


def test_seed_cells_are_all_recognised() -> None:
    """Every lead/support cell of seeds 001 and 002 gives agencies and nothing unknown."""
    assert all(c["agencies"] and not c.get("unknown") for c in CASES["seed_cells"])
    assert len(CASES["seed_cells"]) >= 100


def test_province_scoped_refs_carry_the_province() -> None:
    cell = parse_agency_cell("Sở Nội vụ và các cơ quan liên quan; Bộ Nội vụ", province="Hà Tĩnh")
    assert [(a.name, a.province) for a in cell.agencies] == [
        ("Sở Nội vụ", "Hà Tĩnh"),
        ("Các cơ quan, đơn vị liên quan", None),
        ("Bộ Nội vụ", None),
    ]
    assert cell.agencies[0].mentions == ["Sở Nội vụ"]


@pytest.mark.parametrize(
    "case",
    CASES["successors"],
    ids=[f"{c['agency']}@{c['as_of']}/{c['province']}" for c in CASES["successors"]],
)
def test_successor(case: dict) -> None:
    got = successor(case["agency"], as_of=case["as_of"], province=case["province"])
    assert (got.name if got else None) == case["successor"]


def test_successor_keeps_province_of_province_scoped_agency() -> None:
    got = successor("Sở Giao thông vận tải", as_of=dt.date(2025, 3, 1), province="Nghệ An")
    assert got is not None and (got.name, got.province) == ("Sở Xây dựng", "Nghệ An")


@pytest.mark.parametrize(
    "case", CASES["abbreviations"], ids=[c["text"] for c in CASES["abbreviations"]]
)
def test_expand_abbreviations(case: dict) -> None:
    assert expand_abbreviations(case["text"]) == case["expanded"]


def test_collect_agencies_merges_mentions_in_order() -> None:
    tasks = [
        Task(name="a", source=TaskSource.TABLE, lead_raw="Sở TT&TT", support_raw="UBND cấp huyện"),
        Task(name="b", source=TaskSource.TABLE, lead_raw="Sở Thông tin và Truyền thông"),
        Task(name="c", source=TaskSource.TEXT, lead=["Ủy ban nhân dân cấp huyện"]),
    ]
    refs = collect_agencies(tasks, province="Nghệ An")
    assert [(r.name, r.province, r.kind.value, r.mentions) for r in refs] == [
        (
            "Sở Thông tin và Truyền thông",
            "Nghệ An",
            "agency",
            ["Sở TT&TT", "Sở Thông tin và Truyền thông"],
        ),
        (
            "Ủy ban nhân dân cấp huyện",
            "Nghệ An",
            "class",
            ["UBND cấp huyện", "Ủy ban nhân dân cấp huyện"],
        ),
    ]


def test_registry_every_row_has_a_source() -> None:
    assert all(e.source.strip() for e in registry.agencies())
    assert all(a.source.strip() for a in registry.abbreviations())
    assert all(s.source.strip() for s in registry.successors())


def test_registry_facts_carry_no_unchecked_mark() -> None:
    """A fact is checked (number and date in its source) or says what was not checked; a
    successor nobody checked is not listed (a dashboard would show it as fact)."""
    marks = ("to verify", "uncertain")
    sources = [e.source for e in registry.agencies()]
    sources += [s.source for s in registry.successors()]
    sources += [p.source for p in registry.provinces()]
    assert [s for s in sources if any(m in s.lower() for m in marks)] == []


def test_registry_names_do_not_clash() -> None:
    """No two registry entries share a written form once compared by key."""
    owner: dict[tuple[str, ...], str] = {}
    clashes = []
    for entry in registry.agencies():
        for form in entry.forms:
            key = form_keys(form)
            if owner.setdefault(key, entry.name) != entry.name:
                clashes.append((form, owner[key], entry.name))
    assert clashes == []


def test_registry_lists_the_contract_groups() -> None:
    names = {e.name: e.kind.value for e in registry.agencies()}
    for group in (
        "Các sở, ban, ngành cấp tỉnh",
        "Các sở, ban, ngành, địa phương",
        "Các cơ quan, đơn vị liên quan",
    ):
        assert names[group] == "group"
    assert names["Ủy ban nhân dân cấp huyện"] == names["Ủy ban nhân dân cấp xã"] == "class"


_PIECES = list("SởsốBộ ,;.-–()và&UBNDtỉnhcấpxãHàTĩnhĐ\n<li>:Các0123")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_PIECES), max_size=80))
def test_canonical_agency_never_raises(text: str) -> None:
    ref = canonical_agency(text, province="Nghệ An")
    assert (
        ref is None
        or ref.name in {e.name for e in registry.agencies()}
        or ref.name.startswith(("Báo", "Ủy ban nhân dân"))
    )
    cell = parse_agency_cell(text)
    assert all(a.name for a in cell.agencies)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_handled(text: str) -> None:
    assert isinstance(split_agencies(text), list)
    ref = canonical_agency(text)
    assert ref is None or ref.name


def test_no_registry_form_is_a_bare_generic_word() -> None:
    """A form such as "Các cơ quan" (a YAML flow list split at a comma) would swallow cells."""
    generic = {
        form_keys(w)
        for w in (
            "Các cơ quan",
            "Cơ quan",
            "Các đơn vị",
            "Đơn vị",
            "Sở",
            "Các sở",
            "Tổ chức",
            "Ban",
            "Phòng",
            "Bộ",
        )
    }
    bare = [form for e in registry.agencies() for form in e.forms if form_keys(form) in generic]
    assert bare == []


@pytest.mark.parametrize(
    ("cell", "province", "expected"),
    [
        # the first word of the function is capitalised also when it was an abbreviation
        ("Trung tâm CNTT tỉnh", "Bình Định", ("Trung tâm Công nghệ thông tin tỉnh", "Bình Định")),
        (
            "Sở Nội vụ; Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh",
            None,
            ("Trung tâm Lưu trữ lịch sử tỉnh", "Hà Tĩnh"),
        ),
        (
            "Trung tâm Trợ giúp pháp lý nhà nước",
            "Gia Lai",
            ("Trung tâm Trợ giúp pháp lý nhà nước", "Gia Lai"),
        ),
        (
            "Bộ phận CNTT của Bộ Tư pháp",
            "Nghệ An",
            ("Bộ phận Công nghệ thông tin của Bộ Tư pháp", "Nghệ An"),
        ),
        ("Cục Kiểm soát TTHC", "Nghệ An", ("Cục Kiểm soát thủ tục hành chính", None)),
        ("Tổng cục Thống kê", "Lâm Đồng", ("Tổng cục Thống kê", None)),
        (
            "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên",
            "Quảng Trị",
            ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "Quảng Trị"),
        ),
    ],
)
def test_unregistered_names_are_kept_as_written(
    cell: str, province: str | None, expected: tuple[str, str | None]
) -> None:
    cell_refs = parse_agency_cell(cell, province=province).agencies
    refs = [a for a in cell_refs if a.kind == "unregistered"]
    assert [(a.name, a.province) for a in refs] == [expected]
    assert refs[0].mentions and refs[0].mentions[0] in nfc(cell)


@pytest.mark.parametrize(
    "case", CASES["assignments"], ids=[c["source"] for c in CASES["assignments"]]
)
def test_find_assignment(case: dict) -> None:
    from normalize.assignments import find_assignment

    found = find_assignment(case["text"], province=case["province"])
    assert [a.name for a in found.lead] == case["lead"]
    assert [a.name for a in found.support] == case["support"]
