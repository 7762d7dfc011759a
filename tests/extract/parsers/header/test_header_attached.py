"""The header of an attached document (Điều lệ, Quy chế, Quy định, Kế hoạch, Phương án
issued "kèm theo Quyết định số …"): its own issuer, province, type and title; the parent
decision recorded from the note; no number or date of its own."""

from __future__ import annotations

from typing import Any

import pytest

from extract import read_document
from extract.parsers.header.parse import parse_header
from schemas.diagnostics import Report
from schemas.document import Document, Paragraph, Source
from schemas.record import Header
from tests.conftest import realdoc

_MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def _header(texts: list[str]) -> tuple[Header, Report]:
    paras = [Paragraph(id=f"b{i:04d}", text=t, raw=t) for i, t in enumerate(texts, 1)]
    doc = Document(source=Source(path="x.docx", sha256="0" * 64, format="docx"),
                   blocks=tuple(paras))
    report = Report()
    return parse_header(doc, report=report).header, report


# (header lines, doc_type, issuer, province, title, parent number, parent date, parent issuer)
CASES: list[tuple[list[str], str, str, str, str, str, str | None, str | None]] = [
    (  # Bình Thuận: type, title and note typed as one paragraph
        ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH THUẬN", *_MOTTO,
         "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG) HIỆP HỘI DOANH NGHIỆP TỈNH BÌNH THUẬN (Kèm theo Quyết định "
         "số 1424 /QĐ-UBND ngày 30 tháng 6 năm 2025 của Chủ tịch UBND tỉnh)",
         "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Tên gọi, biểu tượng"],
        "other", "Ủy ban nhân dân tỉnh Bình Thuận", "Bình Thuận",
        "Điều lệ (sửa đổi, bổ sung) hiệp hội doanh nghiệp tỉnh Bình Thuận",
        "1424/QĐ-UBND", "2025-06-30", "Ủy ban nhân dân tỉnh Bình Thuận"),
    (  # Quảng Ninh: "Ban hành kèm theo", numeric date, the issuer on one line
        ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", *_MOTTO, "QUY CHẾ",
         "Làm việc của Ủy ban nhân dân tỉnh Quảng Ninh nhiệm kỳ 2021 - 2026",
         "(Ban hành kèm theo Quyết định số 25/2024/QĐ-UBND ngày 12/8/2024",
         "của Ủy ban nhân dân tỉnh Quảng Ninh)",
         "Chương I", "Điều 1. Phạm vi điều chỉnh"],
        "quy_che", "Ủy ban nhân dân tỉnh Quảng Ninh", "Quảng Ninh",
        "Làm việc của Ủy ban nhân dân tỉnh Quảng Ninh nhiệm kỳ 2021 - 2026",
        "25/2024/QĐ-UBND", "2024-08-12", "Ủy ban nhân dân tỉnh Quảng Ninh"),
    (  # Đồng Tháp: type and title in capitals on one line, the note on the next
        ["UBND TỈNH ĐỒNG THÁP", "SỞ NỘI VỤ", *_MOTTO,
         "QUY CHẾ THI ĐUA, KHEN THƯỞNG CỦA SỞ NỘI VỤ",
         "(Kèm theo Quyết định số 112/QĐ-SNV ngày 03 tháng 4 năm 2025 của Giám đốc Sở Nội vụ)",
         "Điều 1. Phạm vi điều chỉnh"],
        "quy_che", "Sở Nội vụ", "Đồng Tháp",
        "Thi đua, khen thưởng của Sở Nội vụ",
        "112/QĐ-SNV", "2025-04-03", "Sở Nội vụ"),
    (  # Cần Thơ: a Quy định with its title over two lines, the note without its "của …"
        ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ", *_MOTTO, "QUY ĐỊNH",
         "Phân cấp quản lý cán bộ, công chức, viên chức",
         "thuộc Ủy ban nhân dân thành phố Cần Thơ",
         "(Ban hành kèm theo Quyết định số 07/2025/QĐ-UBND ngày 20 tháng 02 năm 2025)",
         "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng"],
        "quy_dinh", "Ủy ban nhân dân thành phố Cần Thơ", "Cần Thơ",
        "Phân cấp quản lý cán bộ, công chức, viên chức thuộc Ủy ban nhân dân thành phố Cần Thơ",
        "07/2025/QĐ-UBND", "2025-02-20", None),
    (  # Gia Lai: an italic note without brackets under a plan's title in capitals
        ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI", *_MOTTO, "KẾ HOẠCH",
         "CẢI CÁCH HÀNH CHÍNH TỈNH GIA LAI NĂM 2026",
         "Kèm theo Quyết định số 318/QĐ-UBND ngày 15/01/2026 của UBND tỉnh Gia Lai",
         "I. MỤC ĐÍCH, YÊU CẦU"],
        "ke_hoach", "Ủy ban nhân dân tỉnh Gia Lai", "Gia Lai",
        "Cải cách hành chính tỉnh Gia Lai năm 2026",
        "318/QĐ-UBND", "2026-01-15", "Ủy ban nhân dân tỉnh Gia Lai"),
    (  # Thanh Hóa: a Phương án (a type outside the contract's list) with its own title line
        ["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA", *_MOTTO, "PHƯƠNG ÁN",
         "Đơn giản hóa thủ tục hành chính nội bộ năm 2025",
         "(Kèm theo Quyết định số 1200/QĐ-UBND ngày 08 tháng 5 năm 2025",
         "của Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa)",
         "I. THỦ TỤC HÀNH CHÍNH NỘI BỘ"],
        "other", "Ủy ban nhân dân tỉnh Thanh Hóa", "Thanh Hóa",
        "Đơn giản hóa thủ tục hành chính nội bộ năm 2025",
        "1200/QĐ-UBND", "2025-05-08", "Ủy ban nhân dân tỉnh Thanh Hóa"),
]


@pytest.mark.parametrize(
    ("lines", "doc_type", "issuer", "province", "title", "number", "date", "parent_issuer"),
    CASES,
)
def test_attached_document_header(lines: list[str], doc_type: str, issuer: str,
                                  province: str, title: str, number: str, date: str | None,
                                  parent_issuer: str | None) -> None:
    head, report = _header(lines)
    assert (head.doc_type, head.issuer, head.province, head.title) == (
        doc_type, issuer, province, title)
    # the attachment has no number or date of its own: the note's are its parent's
    assert (head.number, head.symbol, head.issued_date) == (None, None, None)
    assert head.attached_to is not None
    assert (head.attached_to.number, head.attached_to.issued_date) == (number, date)
    assert head.attached_to.issuer == parent_issuer
    assert head.attached_to.doc_type == "quyet_dinh"
    assert head.attached_to.raw.startswith(("(", "Kèm theo"))
    assert "kèm theo" not in (head.title or "").lower()
    missing = [w for w in report.items if w.code == "header_field_missing"]
    assert not any("number line" in w.message or "date line" in w.message for w in missing)


def test_a_decision_is_no_attachment() -> None:
    """The note under a plan inside a decision belongs to the plan, not to the decision."""
    head, _ = _header(["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", *_MOTTO, "Số: 15/QĐ-UBND",
                       "Hà Tĩnh, ngày 05 tháng 01 năm 2026", "QUYẾT ĐỊNH",
                       "Ban hành Kế hoạch cải cách hành chính năm 2026",
                       "Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:",
                       "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.", "KẾ HOẠCH",
                       "Cải cách hành chính năm 2026",
                       "(Kèm theo Quyết định số 15/QĐ-UBND ngày 05/01/2026 của UBND tỉnh)",
                       "I. MỤC ĐÍCH, YÊU CẦU"])
    assert (head.number, head.issued_date, head.attached_to) == ("15/QĐ-UBND", "2026-01-05", None)


def test_own_date_is_kept_beside_the_parent() -> None:
    """An attachment that states its own place and date keeps them; the parent's stay apart."""
    head, _ = _header(["HIỆP HỘI DOANH NGHIỆP", "TỈNH LÂM ĐỒNG", *_MOTTO,
                       "Lâm Đồng, ngày 20 tháng 5 năm 2025", "ĐIỀU LỆ HIỆP HỘI DOANH NGHIỆP",
                       "(Kèm theo Quyết định số 901/QĐ-UBND ngày 02 tháng 6 năm 2025 "
                       "của UBND tỉnh Lâm Đồng)", "Điều 1. Tên gọi"])
    assert head.issued_date == "2025-05-20"
    assert head.attached_to is not None and head.attached_to.issued_date == "2025-06-02"


@pytest.mark.slow
def test_realdoc_dieu_le_attached_to_qd1424() -> None:
    """The 19-page Điều lệ of Bình Thuận (Word 97): values read off its first page."""
    name = "bt_Dieu_le_Hiep_hoi_Doanh_nghiep_kem_QD1424_19p.doc"
    head = parse_header(read_document(realdoc(name)), report=Report()).header
    got: dict[str, Any] = {f: getattr(head, f) for f in
                           ("doc_type", "number", "issued_date", "issuer", "province")}
    assert got == {"doc_type": "other", "number": None, "issued_date": None,
                   "issuer": "Ủy ban nhân dân tỉnh Bình Thuận", "province": "Bình Thuận"}
    assert head.title is not None and head.title.startswith("Điều lệ (sửa đổi, bổ sung)")
    # "gồm 08 Chương 27 Điều" (Điều 27); a chapter's heading is no article's text
    assert [x.no for x in head.articles] == [str(n) for n in range(1, 28)]
    assert not any(line.startswith("Chương") for x in head.articles for line in x.text.split("\n"))
    assert head.attached_to is not None
    assert head.attached_to.model_dump(exclude={"raw"}) == {
        "doc_type": "quyet_dinh", "number": "1424/QĐ-UBND", "symbol": "QĐ-UBND",
        "issuer": "Ủy ban nhân dân tỉnh Bình Thuận", "issued_date": "2025-06-30"}
