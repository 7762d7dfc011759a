"""A numbered task whose name cell spans several rows of responsibility gives one record per
row, each with the task's number and name (issue 15), in every format the readers take."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import read_document
from extract.parsers.appendix.tables import parse_appendix
from schemas.diagnostics import Report
from schemas.document import Document
from schemas.record import Plan
from tests import builders as b

HEADER = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
TASK_1 = "Rà soát, đơn giản hóa thủ tục hành chính nội bộ"
TASK_2 = "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"
# task 1 spans three rows, each with its own lead, support and deadline
ROWS = [
    ["1", TASK_1, "Sở Tư pháp", "Các sở, ban, ngành", "Quý I/2026"],
    [None, None, "Văn phòng UBND tỉnh", "UBND cấp xã", "Quý III/2026"],
    [None, None, "Sở Nội vụ", "", "Tháng 12/2026"],
    ["2", TASK_2, "Sở Khoa học và Công nghệ", "Các cơ quan liên quan", "Năm 2026"],
]
EXPECTED = [
    ("1", TASK_1, ["Sở Tư pháp"], ["Các sở, ban, ngành cấp tỉnh"], "2026-03-31"),
    ("1", TASK_1, ["Văn phòng Ủy ban nhân dân tỉnh"], ["Ủy ban nhân dân cấp xã"], "2026-09-30"),
    ("1", TASK_1, ["Sở Nội vụ"], [], "2026-12-31"),
    ("2", TASK_2, ["Sở Khoa học và Công nghệ"], ["Các cơ quan, đơn vị liên quan"], "2026-12-31"),
]
INTRO = [
    "PHỤ LỤC",
    "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026",
    "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh)",
]


def _docx(tmp_path: Path) -> Path:
    doc = b.new_docx()
    for line in INTRO:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    table.style = "Table Grid"  # ruled, so that the PDF made from it has a ruled table
    b.fill(table, [HEADER, *[[c or "" for c in row] for row in ROWS]])
    b.merge(table, (1, 0), (3, 0))
    b.merge(table, (1, 1), (3, 1))
    return b.save(doc, tmp_path, "rows.docx")


def _html(tmp_path: Path) -> Path:
    def row(cells: list[str | None], first: bool) -> str:
        tds = []
        for i, text in enumerate(cells):
            if text is None:
                continue
            span = ' rowspan="3"' if first and i < 2 else ""
            tds.append(f"<td{span}>{text}</td>")
        return "<tr>" + "".join(tds) + "</tr>"

    body = "".join(row(r, i == 0) for i, r in enumerate(ROWS))
    head = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"
    intro = "".join(f"<p>{line}</p>" for line in INTRO)
    html = f"<html><body>{intro}<table>{head}{body}</table></body></html>"
    path = tmp_path / "rows.html"
    path.write_text(html, encoding="utf-8")
    return path


def _pipes(tmp_path: Path) -> Path:
    """The web copy's layout: a lone pipe starts a row, each cell ends with " |", and a
    run of pipes stands for the positions a merged cell above covers."""
    lines = [*INTRO, "|", *(f"{h} |" for h in HEADER)]
    for row in ROWS:
        lines.append("|")
        cells = [c for c in row if c is not None]
        lines.extend(f"{c} |" if c else "|" for c in cells)
        if len(cells) < len(HEADER):
            lines.append("|" * (len(HEADER) - len(cells)))
    path = tmp_path / "rows.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _pdf(tmp_path: Path) -> Path:
    """The DOCX above printed to PDF by LibreOffice (`soffice --headless --convert-to pdf`),
    committed so the test needs no LibreOffice."""
    return Path(__file__).parents[3] / "data" / "task_rows_merged.pdf"


def _tasks(doc: Document) -> list[tuple]:
    tasks = parse_appendix(
        doc, plan=Plan(year_start=2026, year_end=2026), province="Hà Tĩnh", report=Report()
    )
    return [
        (t.no, t.name, t.lead, t.support, t.deadline.end.isoformat() if t.deadline else None)
        for t in tasks
    ]


@pytest.mark.parametrize(
    "make", [_docx, _pdf, _html, _pipes], ids=["docx", "pdf", "html", "pipe text"]
)
def test_a_task_spanning_rows_gives_one_record_per_row(make, tmp_path: Path) -> None:
    assert _tasks(read_document(make(tmp_path))) == EXPECTED
