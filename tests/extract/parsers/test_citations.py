"""extract.parsers.citations: golden citation lists of seeds 000-003 (every format in samples/),
and the resolution rules on documents built in code."""

from __future__ import annotations

import json

import pytest

from extract import read_document
from extract.parsers.citations import parse_citations
from normalize.citations import citation_identity
from schemas.diagnostics import Report, WarningCode
from schemas.document import Document
from tests import builders as b
from tests.conftest import EXPECTED, SAMPLES, SEEDS

GOLDEN_SEEDS = ("000", "001", "002", "003")
SEED_FILES = [
    (seed, path)
    for seed in GOLDEN_SEEDS
    for path in sorted(SAMPLES.glob(f"{seed}_*"))
    if path.suffix in (".txt", ".md", ".docx", ".pdf", ".html")
]


def _key(row: dict) -> tuple:
    return citation_identity(
        row["doc_type"], row["serial"], row["symbol"], row["year"], row["title"]
    )


@pytest.fixture(
    scope="module", params=SEED_FILES, ids=[f"{s}.{p.suffix[1:]}" for s, p in SEED_FILES]
)
def found(request: pytest.FixtureRequest) -> tuple[str, dict, dict]:
    seed, path = request.param
    golden = json.loads((EXPECTED / seed / "citations.json").read_text(encoding="utf-8"))
    want = {_key(r): r for r in golden["citations"]}
    cites = parse_citations(read_document(path), report=Report())
    got = {_key(c.model_dump(mode="json")): c.model_dump(mode="json") for c in cites}
    assert len(got) == len(cites), "one citation per identity"
    return path.suffix, want, got


def test_cited_documents_found(found) -> None:
    """The issue's bar: at least 95% of the cited documents, few false ones; the
    transcription (.txt) must match exactly."""
    suffix, want, got = found
    missing, extra = set(want) - set(got), set(got) - set(want)
    if suffix == ".txt":
        assert (missing, extra) == (set(), set())
    assert len(missing) <= 0.05 * len(want), missing
    assert len(extra) <= 0.05 * len(want), extra


@pytest.mark.parametrize("field", ["date", "role", "number", "amended_by"])
def test_citation_fields(found, field: str) -> None:
    _, want, got = found
    wrong = {
        k: (got[k][field], want[k][field])
        for k in set(want) & set(got)
        if got[k][field] != want[k][field]
    }
    assert wrong == {}


def _doc(texts: list[str]) -> Document:
    return b.document(*b.paragraphs(*texts, lines_per_page=3), fmt="txt")


HEAD = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH NGHỆ AN",
    "Số: 12/QĐ-UBND",
    "Nghệ An, ngày 5 tháng 1 năm 2026",
    "QUYẾT ĐỊNH",
    "Ban hành Kế hoạch",
    "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
]


def test_short_form_joins_the_full_one_and_keeps_first_loc() -> None:
    doc = _doc(
        [
            *HEAD,
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.",
            "I. MỤC ĐÍCH",
            "- Cụ thể hóa Nghị quyết số 76/NQ-CP; Nghị quyết số 76/2021/NQ-CP.",
        ]
    )
    cites = parse_citations(doc, report=Report())
    assert len(cites) == 1
    c = cites[0]
    assert (c.number, c.serial, c.year, c.date, c.role) == (
        "76/NQ-CP",
        "76",
        2021,
        "2021-07-15",
        "basis",
    )
    assert (c.loc.page, c.loc.block) == (3, "b0008")


def test_section_of_fills_loc_section() -> None:
    doc = _doc([*HEAD, "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 5/3/2020 của Chính phủ;"])
    (c,) = parse_citations(doc, report=Report(), section_of={"b0008": "II.1"})
    assert (c.loc.section, c.loc.block) == ("II.1", "b0008")


def test_ambiguous_short_form_is_reported_not_guessed() -> None:
    doc = _doc(
        [
            *HEAD,
            "Căn cứ Quyết định số 5/QĐ-UBND ngày 1/2/2020 của UBND tỉnh;",
            "Căn cứ Quyết định số 5/QĐ-UBND ngày 3/4/2021 của UBND tỉnh;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Thay thế Quyết định số 5/QĐ-UBND.",
        ]
    )
    report = Report()
    cites = parse_citations(doc, report=report)
    assert sorted(c.year for c in cites) == [2020, 2021]
    assert report.has(WarningCode.CITATION_SHORT_FORM_UNRESOLVED)


def test_basis_only_in_the_preamble() -> None:
    """'Thực hiện …' opening a task bullet in the plan is a mention, not a basis."""
    doc = _doc(
        [
            *HEAD,
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 5/3/2020 của Chính phủ;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành.",
            "I. NHIỆM VỤ",
            "- Thực hiện Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ.",
        ]
    )
    roles = {c.number: c.role.value for c in parse_citations(doc, report=Report())}
    assert roles == {"30/2020/NĐ-CP": "basis", "118/2025/NĐ-CP": "mention"}


def test_own_number_and_attachment_note_are_not_citations() -> None:
    doc = _doc(
        [
            *HEAD,
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành.",
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2026",
            "(Kèm theo Quyết định số 12/QĐ-UBND ngày 5/1/2026 của UBND tỉnh)",
            "I. MỤC ĐÍCH",
            "Triển khai Quyết định số 12/QĐ-UBND nói trên.",
        ]
    )
    cites = parse_citations(doc, report=Report())
    assert [(c.doc_type, c.title, c.role.value) for c in cites] == [
        ("luat", "Tổ chức chính quyền địa phương", "basis")
    ]


def test_provincial_issuer_gets_the_province() -> None:
    doc = _doc([*HEAD, "Căn cứ Quyết định số 5158/QĐ-UBND ngày 30/12/2021 của UBND tỉnh ban hành;"])
    (c,) = parse_citations(doc, report=Report())
    assert c.issuer == "Ủy ban nhân dân tỉnh Nghệ An"


def test_seed_002_list_items_share_the_head() -> None:
    cites = parse_citations(read_document(SEEDS["002"]), report=Report())
    items = {c.number: c for c in cites if c.number in ("3504/QĐ-UBND", "2454/QĐ-UBND")}
    assert {n: (c.doc_type, c.issuer, c.role.value) for n, c in items.items()} == {
        "3504/QĐ-UBND": ("quyet_dinh", "Ủy ban nhân dân tỉnh Hà Tĩnh", "basis"),
        "2454/QĐ-UBND": ("quyet_dinh", "Ủy ban nhân dân tỉnh Hà Tĩnh", "basis"),
    }


# --- issue 15 (CONTRACT §5)


def test_a_law_named_by_title_in_the_plan_is_a_mention() -> None:
    doc = _doc(
        [
            *HEAD,
            "Căn cứ Luật Đất đai (sửa đổi) ngày 18/01/2024;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành.",
            "I. NHIỆM VỤ",
            "- Thực hiện nghiêm các quy định của Luật Phòng, chống tham nhũng trong công vụ.",
        ]
    )
    cites = {c.title: (c.role.value, c.date, c.year) for c in parse_citations(doc, report=Report())}
    assert cites == {
        "Đất đai": ("basis", "2024-01-18", 2024),
        "Phòng, chống tham nhũng": ("mention", None, None),
    }


def test_a_document_cited_in_a_deadline_cell_is_a_mention_and_the_cell_conditional() -> None:
    from extract.parsers.appendix.tables import parse_appendix
    from schemas.document import Cell, Table
    from schemas.record import Plan

    rows = [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        [
            "1",
            "Kiểm tra công tác cải cách hành chính",
            "Sở Nội vụ",
            "Theo Quyết định số 25/QĐ-UBND ngày 05/3/2025 của UBND tỉnh",
        ],
    ]
    cells = tuple(
        Cell(row=r, col=c, text=t, raw=t, header=r == 0)
        for r, row in enumerate(rows)
        for c, t in enumerate(row)
    )
    table = Table(id="b0099", n_rows=2, n_cols=4, cells=cells, header_rows=1)
    doc = _doc([*HEAD, "QUYẾT ĐỊNH:", "Điều 1. Ban hành."])
    doc = doc.model_copy(update={"blocks": (*doc.blocks, table)})
    cites = parse_citations(doc, report=Report())
    assert [(c.number, c.date, c.role.value) for c in cites] == [
        ("25/QĐ-UBND", "2025-03-05", "mention")
    ]
    (task,) = parse_appendix(
        doc, plan=Plan(year_start=2026, year_end=2026), province="Nghệ An", report=Report()
    )
    assert task.deadline is not None
    assert (task.deadline.kind.value, task.deadline.end) == ("conditional", None)
