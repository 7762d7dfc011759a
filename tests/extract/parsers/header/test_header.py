"""extract.parsers.header.parse: golden headers of the seeds (every format in samples/), the line
parsers one phrasing at a time, header tables built in code, and real documents."""

from __future__ import annotations

import json

import pytest

from extract import read_document
from extract.parsers.header.issuer import canonical_body, split_agency_block
from extract.parsers.header.lines import parse_number_line, parse_place_date
from extract.parsers.header.parse import parse_header
from extract.parsers.header.plan import years_of
from extract.parsers.header.signature import parse_signature_text
from normalize.header_terms import sentence_case_title
from schemas.diagnostics import Report, WarningCode
from schemas.document import Cell, Document, Paragraph, Source, Table
from tests import builders as b
from tests.conftest import EXPECTED, SAMPLES, SEEDS, realdoc

FORMATS = ("txt", "md", "docx", "pdf", "html")
SEED_FILES = [
    (seed, path)
    for seed in sorted(SEEDS)
    for path in sorted(SAMPLES.glob(f"{seed}_*"))
    if path.suffix.lstrip(".") in FORMATS
]
FIELDS = (
    "doc_type",
    "number",
    "symbol",
    "issuer",
    "issuer_parent",
    "place",
    "province",
    "issued_date",
    "title",
    "authority",
    "signer",
    "recipients",
)


def _golden(seed: str) -> dict:
    return json.loads((EXPECTED / seed / "header.json").read_text(encoding="utf-8"))


@pytest.fixture(
    scope="module", params=SEED_FILES, ids=[f"{s}.{p.suffix[1:]}" for s, p in SEED_FILES]
)
def parsed(request: pytest.FixtureRequest) -> tuple[dict, object, Report, Document]:
    seed, path = request.param
    doc = read_document(path)
    report = Report()
    return _golden(seed), parse_header(doc, report=report), report, doc


@pytest.mark.parametrize("field", FIELDS)
def test_header_field(parsed, field: str) -> None:
    golden, result, _, _ = parsed
    value = result.header.model_dump(mode="json")[field]
    assert value == golden[field]


def test_header_articles(parsed) -> None:
    golden, result, _, _ = parsed
    assert [a.no for a in result.header.articles] == golden["articles"]


def test_plan(parsed) -> None:
    golden, result, _, doc = parsed
    plan = result.plan.model_dump(mode="json") if result.plan else None
    assert plan == golden["plan"]
    if golden["plan_start_text"] is None:
        assert result.plan_start is None
    else:
        block = next(b for b in doc.body() if b.id == result.plan_start)
        assert isinstance(block, Paragraph)
        assert block.text.lstrip("#* ").startswith(golden["plan_start_text"])


def test_header_warnings(parsed) -> None:
    golden, _, report, _ = parsed
    assert sorted({w.code.value for w in report.items}) == golden["warnings"]


def test_seed_002_plan_starts_in_the_last_copy() -> None:
    """Seed 002 repeats the decision and the plan's first lines; the plan is read from
    the full, last copy, so its sections are not cut by the repeat."""
    doc = read_document(SEEDS["002"])
    result = parse_header(doc, report=Report())
    starts = [
        b.id
        for b in doc.body()
        if isinstance(b, Paragraph) and b.text.startswith("I. MỤC ĐÍCH, YÊU CẦU")
    ]
    assert len(starts) == 2
    assert result.plan_start == starts[-1]


@pytest.mark.parametrize(
    ("line", "number", "symbol"),
    [
        ("Số: 3667/QĐ-UBND", "3667/QĐ-UBND", "QĐ-UBND"),
        ("Số: /QĐ-VPUB", None, "QĐ-VPUB"),
        ("Số:           /QĐ-UBND", None, "QĐ-UBND"),
        ("Số - KH/ĐU", None, "KH/ĐU"),
        ("Số 83-KH/ĐU", "83-KH/ĐU", "KH/ĐU"),
        ("Số: 76/2021/NQ-CP", "76/2021/NQ-CP", "NQ-CP"),
        ("Số: 95/TTr-HĐTĐ", "95/TTr-HĐTĐ", "TTr-HĐTĐ"),
    ],
    ids=str,
)
def test_number_line(line: str, number: str | None, symbol: str) -> None:
    found = parse_number_line(line)
    assert found is not None
    assert (found.number, found.symbol) == (number, symbol)


@pytest.mark.parametrize(
    "line", ["Số Nội vụ", "Số hiệu | 3369/QĐ-UBND", "Số lượng cán bộ"], ids=str
)
def test_not_a_number_line(line: str) -> None:
    assert parse_number_line(line) is None


def test_number_line_joined_with_the_date_line() -> None:
    """A PDF may put both columns' second lines on one line."""
    found = parse_number_line("Số: 123/TTr-SNV Lâm Đồng, ngày 05 tháng 01 năm 2026")
    assert found is not None and found.number == "123/TTr-SNV"
    place_date = parse_place_date(found.rest)
    assert place_date is not None and place_date.date is not None
    assert (place_date.place, place_date.date.iso()) == ("Lâm Đồng", "2026-01-05")


@pytest.mark.parametrize(
    ("line", "place", "iso"),
    [
        ("Nghệ An, ngày 30 tháng 12 năm 2024", "Nghệ An", "2024-12-30"),
        ("Nghệ An, ngày tháng 3 năm 2026", "Nghệ An", "2026-03"),
        ("Hà Tĩnh, ngày 31/12/2025", "Hà Tĩnh", "2025-12-31"),
        ("Lâm Đồng, ngày tháng năm 2026", "Lâm Đồng", "2026"),
        ("Lâm Đồng, ngày tháng năm", "Lâm Đồng", None),
    ],
    ids=str,
)
def test_place_date(line: str, place: str, iso: str | None) -> None:
    found = parse_place_date(line)
    assert found is not None
    assert (found.place, found.date.iso() if found.date else None) == (place, iso)


@pytest.mark.parametrize(
    ("text", "name", "position", "authority"),
    [
        (
            "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Hồng Vinh",
            "Lê Hồng Vinh",
            "Phó Chủ tịch",
            "KT. Chủ tịch",
        ),
        (
            "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ Nguyễn Thanh Tú",
            "Nguyễn Thanh Tú",
            "Phó Bí thư",
            "T/M Ban Thường vụ",
        ),
        ("CHÁNH VĂN PHÒNG Đặng Thanh Tùng", "Đặng Thanh Tùng", "Chánh Văn phòng", None),
        ("KT. CHỦ TỊCH", None, None, "KT. Chủ tịch"),
        (
            "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Hữu Tuấn",
            "Trần Hữu Tuấn",
            "Phó Giám đốc",
            "KT. Giám đốc",
        ),
        (
            "TL. CHỦ TỊCH CHÁNH VĂN PHÒNG Nguyễn Văn A",
            "Nguyễn Văn A",
            "Chánh Văn phòng",
            "TL. Chủ tịch",
        ),
    ],
    ids=str,
)
def test_signature_text(text: str, name, position, authority) -> None:
    signer = parse_signature_text(text)
    assert (signer.name, signer.position, signer.authority) == (name, position, authority)


@pytest.mark.parametrize(
    ("lines", "issuer", "parent"),
    [
        (["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"], "Ủy ban nhân dân tỉnh Nghệ An", None),
        (["UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ"], "Sở Nội vụ", "Ủy ban nhân dân tỉnh Nghệ An"),
        (
            ["UBND TỈNH LÂM ĐỒNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
            "Sở Khoa học và Công nghệ",
            "Ủy ban nhân dân tỉnh Lâm Đồng",
        ),
        (
            ["ĐẢNG BỘ TỈNH LÀO CAI", "ĐẢNG ỦY VĂN PHÒNG UBND TỈNH"],
            "Đảng ủy Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
            "Đảng bộ tỉnh Lào Cai",
        ),
    ],
    ids=str,
)
def test_agency_block(lines: list[str], issuer: str, parent: str | None) -> None:
    found, above = split_agency_block(lines)
    province = (
        "Lào Cai"
        if "LÀO CAI" in " ".join(lines)
        else ("Lâm Đồng" if "LÂM ĐỒNG" in " ".join(lines) else "Nghệ An")
    )
    assert canonical_body(found, province=province) == issuer
    assert (canonical_body(above, province=province) if above else None) == parent


def test_office_named_by_its_parent() -> None:
    texts = [
        "UBND TỈNH NGHỆ AN",
        "VĂN PHÒNG",
        "Số: 15/QĐ-VPUB",
        "Nghệ An, ngày 2 tháng 3 năm 2026",
        "QUYẾT ĐỊNH",
        "Ban hành Quy chế",
        "CHÁNH VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
    ]
    head = parse_header(
        Document(source=_source(), blocks=tuple(_paragraphs(texts, 1))), report=Report()
    ).header
    assert (head.issuer, head.issuer_parent) == (
        "Văn phòng Ủy ban nhân dân tỉnh Nghệ An",
        "Ủy ban nhân dân tỉnh Nghệ An",
    )


def test_sentence_case_of_a_title_in_capitals() -> None:
    title = "VỀ VIỆC BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH TỈNH HÀ TĨNH NĂM 2026"
    assert sentence_case_title(title, province="Hà Tĩnh") == (
        "Về việc ban hành Kế hoạch cải cách hành chính tỉnh Hà Tĩnh năm 2026"
    )


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Cải cách hành chính năm 2025", (2025, 2025)),
        ("giai đoạn 2026 - 2030", (2026, 2030)),
        ("giai đoạn 2026 -2031", (2026, 2031)),
        ("giai đoạn 2021–2025, định hướng đến năm 2030", (2021, 2025)),
        ("Kiểm tra công tác cải cách hành chính", None),
    ],
    ids=str,
)
def test_years_of(text: str, years) -> None:
    assert years_of(text) == years


def _source() -> Source:
    return b.source("docx")


def _cell(row: int, col: int, text: str) -> Cell:
    return Cell(row=row, col=col, text=text, raw=text)


def _paragraphs(texts: list[str], start: int) -> list[Paragraph]:
    return list(b.paragraphs(*texts, first=start))


def test_header_in_a_two_by_two_table() -> None:
    """DOCX headers sit in a borderless 2×2 table: agency | motto over number | date.
    The signature block is a 1×2 table of recipients and signer (Nghị định 30 layout)."""
    header = Table(
        id="b0001",
        n_rows=2,
        n_cols=2,
        cells=(
            _cell(0, 0, "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"),
            _cell(0, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nĐộc lập - Tự do - Hạnh phúc"),
            _cell(1, 0, "Số:           /QĐ-UBND"),
            _cell(1, 1, "Lâm Đồng, ngày        tháng 02 năm 2026"),
        ),
    )
    body = _paragraphs(
        [
            "QUYẾT ĐỊNH",
            "Công bố Chỉ số cải cách hành chính năm 2025",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Công bố kết quả.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        ],
        2,
    )
    foot = Table(
        id="b0009",
        n_rows=1,
        n_cols=2,
        cells=(
            _cell(0, 0, "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT, NC."),
            _cell(0, 1, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Ngọc Phúc"),
        ),
    )
    doc = Document(source=_source(), blocks=(header, *body, foot))
    report = Report()
    head = parse_header(doc, report=report).header
    assert (head.doc_type, head.number, head.symbol) == ("quyet_dinh", None, "QĐ-UBND")
    assert (head.issuer, head.place, head.province, head.issued_date) == (
        "Ủy ban nhân dân tỉnh Lâm Đồng",
        "Lâm Đồng",
        "Lâm Đồng",
        "2026-02",
    )
    assert head.title == "Công bố Chỉ số cải cách hành chính năm 2025"
    assert head.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    assert head.signer is not None
    assert (head.signer.name, head.signer.position, head.signer.authority) == (
        "Nguyễn Ngọc Phúc",
        "Phó Chủ tịch",
        "KT. Chủ tịch",
    )
    assert head.recipients == ["Như Điều 2", "Lưu: VT, NC"]
    assert [a.no for a in head.articles] == ["1", "2"]
    assert report.has(WarningCode.HEADER_NUMBER_BLANK) and report.has(WarningCode.HEADER_DATE_BLANK)


def test_site_metadata_disagreeing_is_reported() -> None:
    texts = [
        "| Số hiệu | 3369/QĐ-UBND |",
        "| Ngày ban hành | 30/12/2025 |",
        "ỦY BAN NHÂN DÂN",
        "TỈNH HÀ TĨNH",
        "Số: 3369/QĐ-UBND",
        "Hà Tĩnh, ngày 31 tháng 12 năm 2025",
        "QUYẾT ĐỊNH",
        "Về việc ban hành Kế hoạch",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
    ]
    doc = Document(source=_source(), blocks=tuple(_paragraphs(texts, 1)))
    report = Report()
    head = parse_header(doc, report=report).header
    assert head.issued_date == "2025-12-31"
    mismatches = [w for w in report.items if w.code == WarningCode.HEADER_METADATA_MISMATCH]
    assert len(mismatches) == 1 and "issued_date" in mismatches[0].message


REAL = [
    (
        "ld_QD-UBND_cong_bo_Chi_so_CCHC_2025.docx",
        {
            "doc_type": "quyet_dinh",
            "number": None,
            "symbol": "QĐ-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng",
            "place": "Lâm Đồng",
            "issued_date": "2026-02",
            "title": "Công bố Chỉ số cải cách hành chính năm 2025 của các cơ quan chuyên môn thuộc "
            "Ủy ban nhân dân tỉnh, Ban Quản lý các khu công nghiệp và Ủy ban nhân dân các "
            "xã, phường, đặc khu",
            "signer": {
                "name": "Nguyễn Ngọc Phúc",
                "position": "Phó Chủ tịch",
                "authority": "KT. Chủ tịch",
            },
            "recipients": 7,
        },
    ),
    (
        "ld_QD-UBND_thanh_lap_HD_ATVSLD.docx",
        {
            "doc_type": "quyet_dinh",
            "number": None,
            "symbol": "QĐ-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng",
            "place": "Lâm Đồng",
            "issued_date": "2025-09",
            "title": "Về việc thành lập Hội đồng An toàn, vệ sinh lao động tỉnh Lâm Đồng",
            "signer": {"name": "Hồ Văn Mười", "position": "Chủ tịch", "authority": None},
            "recipients": 6,
        },
    ),
    (
        "ld_KH-UBND_kiem_tra_CCHC_2026.docx",
        {
            "doc_type": "ke_hoach",
            "number": None,
            "symbol": "KH-UBND",
            "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng",
            "place": "Lâm Đồng",
            "issued_date": "2026",
            "title": "Kiểm tra công tác cải cách hành chính năm 2026 trên địa bàn tỉnh Lâm Đồng",
            "signer": {
                "name": "Nguyễn Ngọc Phúc",
                "position": "Phó Chủ tịch",
                "authority": "KT. Chủ tịch",
            },
            "recipients": 5,
        },
    ),
    (
        "ld_TTr-SNV05_KH_tuyen_truyen_CCHC_2026_signed.pdf",
        {
            "doc_type": "to_trinh",
            "number": None,
            "symbol": "TTr-SNV",
            "issuer": "Sở Nội vụ",
            "place": "Lâm Đồng",
            "issued_date": None,
            "title": "Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026 "
            "tỉnh Lâm Đồng",
            "signer": {
                "name": "Trần Hữu Tuấn",
                "position": "Phó Giám đốc",
                "authority": "KT. Giám đốc",
            },
            "recipients": 3,
        },
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "want"), REAL, ids=[n for n, _ in REAL])
def test_real_document_header(name: str, want: dict) -> None:
    """Values read by hand from the files (Word/PDF viewer)."""
    head = parse_header(read_document(realdoc(name)), report=Report()).header
    got = head.model_dump(mode="json")
    got["recipients"] = len(got["recipients"])
    assert {k: got[k] for k in want} == want


def test_title_in_capitals_naming_a_body_is_not_the_authority() -> None:
    """Only the last capitals line before "Căn cứ" can be the authority line."""
    texts = [
        "ỦY BAN NHÂN DÂN",
        "TỈNH HÀ TĨNH",
        "Số: 12/QĐ-UBND",
        "Hà Tĩnh, ngày 5 tháng 1 năm 2026",
        "QUYẾT ĐỊNH",
        "VỀ VIỆC KIỆN TOÀN",
        "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH TỈNH",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
    ]
    doc = Document(source=_source(), blocks=tuple(_paragraphs(texts, 1)))
    head = parse_header(doc, report=Report()).header
    assert head.title == "Về việc kiện toàn Ban Chỉ đạo cải cách hành chính tỉnh"
    assert head.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
