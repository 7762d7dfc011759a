"""Records built in code for the database tests (the parsers are tested elsewhere)."""

from __future__ import annotations

import datetime as dt
import hashlib

from schemas import (
    AgencyRef,
    Citation,
    Deadline,
    ExtractResult,
    Header,
    Loc,
    Plan,
    Section,
    Signer,
    Source,
    Target,
    Task,
)


def make_record(*, number: str | None = "3667/QĐ-UBND", content: str = "v1",
                province: str = "Nghệ An", year: int = 2025,
                issued: str = "2024-12-30") -> ExtractResult:
    sha = hashlib.sha256(f"{number}|{content}".encode()).hexdigest()
    return ExtractResult(
        source=Source(path=f"/data/{content}.pdf", sha256=sha, format="pdf", pages=3),
        document=Header(
            doc_type="quyet_dinh", number=number, symbol="QĐ-UBND",
            issuer=f"Ủy ban nhân dân tỉnh {province}", place=province, province=province,
            issued_date=issued, title=f"Ban hành Kế hoạch cải cách hành chính năm {year}",
            signer=Signer(name="Lê Hồng Vinh", position="Phó Chủ tịch", authority="KT. Chủ tịch"),
        ),
        plan=Plan(title=f"Cải cách hành chính năm {year}", year_start=year, year_end=year),
        sections=[Section(id="I", label="I.", heading="MỤC TIÊU", level=1, loc=Loc(page=2))],
        targets=[Target(
            text="Trên 95% người dân hài lòng", metric="percent", value=95.0, comparator=">",
            unit="%", year=year, indicator="satisfaction_procedures", section="I",
            loc=Loc(page=2, section="I"))],
        tasks=[Task(
            no="12", name="Đánh giá mức độ hài lòng", outputs=["Báo cáo kết quả"],
            lead=["Sở Xây dựng", "Sở Kế hoạch và Đầu tư"], support=["Sở Nội vụ"],
            deadline=Deadline(raw="Trước tháng 12/2025", kind="month",
                              end=dt.date(2025, 11, 30)),
            group="II", area="thu_tuc_hanh_chinh", source="table", loc=Loc(page=3))],
        citations=[Citation(
            raw="Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ", doc_type="nghi_quyet",
            number="76/NQ-CP", serial="76", year=2021, symbol="NQ-CP", issuer="Chính phủ",
            date="2021-07-15", role="basis", loc=Loc(page=1))],
        agencies=[AgencyRef(name="Sở Nội vụ", province=province, mentions=["Sở Nội vụ"])],
    )
