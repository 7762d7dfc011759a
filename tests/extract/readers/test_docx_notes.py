"""Footnotes and endnotes of Word files become paragraphs with role "footnote", read for
citations as mentions (CONTRACT §5)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from extract.parsers.citations import parse_citations
from extract.readers.docx import read_docx
from extract.source import make_source
from schemas.diagnostics import Report
from schemas.record import Header
from tests import builders as b
from tests.conftest import realdoc

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}s+xml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}s"


def _notes_xml(tag: str, notes: list[str]) -> str:
    separators = (
        f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
        f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{tag}>"
    )
    body = "".join(
        f'<w:{tag} w:id="{i}"><w:p><w:r><w:{tag}Ref/></w:r><w:r><w:t xml:space="preserve">'
        f" {text}</w:t></w:r></w:p></w:{tag}>"
        for i, text in enumerate(notes, start=1)
    )
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:{tag}s xmlns:w="{_W}">'
    return f"{head}{separators}{body}</w:{tag}s>"


def _with_notes(path: Path, tag: str, notes: list[str]) -> Path:
    """Add a footnotes.xml or endnotes.xml part (python-docx cannot write one)."""
    out = path.with_name(f"{tag}s.docx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content_type = _NOTES_TYPE.format(tag)
                override = f'<Override PartName="/word/{tag}s.xml" ContentType="{content_type}"/>'
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            elif item.filename == "word/_rels/document.xml.rels":
                rel = f'<Relationship Id="rIdNotes" Type="{_REL.format(tag)}" Target="{tag}s.xml"/>'
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            dst.writestr(item, data)
        dst.writestr(f"word/{tag}s.xml", _notes_xml(tag, notes))
    return out


def _plan(tmp_path: Path) -> Path:
    doc = b.new_docx()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Cải cách hành chính năm 2026")
    doc.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    doc.add_paragraph("Triển khai thực hiện có hiệu quả các nhiệm vụ cải cách hành chính.")
    return b.save(doc, tmp_path)


def test_footnotes_become_footnote_paragraphs_after_the_body(tmp_path: Path) -> None:
    notes = ["Quyết định số 12/QĐ-UBND ngày 05/3/2025 của UBND tỉnh.", "Xem Phụ lục II."]
    path = _with_notes(_plan(tmp_path), "footnote", notes)
    doc = read_docx(path, source=make_source(path, "docx"))
    footnotes = [blk for blk in doc.blocks if blk.role == "footnote"]
    assert [p.text for p in footnotes] == notes
    assert doc.blocks[-len(notes) :] == tuple(footnotes)
    assert len({blk.id for blk in doc.blocks}) == len(doc.blocks)  # ids stay unique
    assert all(blk.role == "body" for blk in doc.body())


def test_endnotes_are_read_too(tmp_path: Path) -> None:
    path = _with_notes(_plan(tmp_path), "endnote", ["Nghị định số 30/2020/NĐ-CP ngày 05/3/2020."])
    doc = read_docx(path, source=make_source(path, "docx"))
    assert [p.text for p in doc.blocks if p.role == "footnote"] == [
        "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020."
    ]


def test_a_document_cited_only_in_a_footnote_is_a_mention(tmp_path: Path) -> None:
    notes = ["Quyết định số 12/QĐ-UBND ngày 05/3/2025 của UBND tỉnh."]
    path = _with_notes(_plan(tmp_path), "footnote", notes)
    doc = read_docx(path, source=make_source(path, "docx"))
    cites = parse_citations(doc, report=Report(), header=Header(province="Hà Tĩnh"))
    assert [(c.number, c.date, c.role.value) for c in cites] == [
        ("12/QĐ-UBND", "2025-03-05", "mention")
    ]
    assert cites[0].loc.block == doc.blocks[-1].id


@pytest.mark.slow
def test_pdf_footnote_area_is_read_for_citations_with_its_page() -> None:
    """The Sở Nội vụ submission lists the departments' letters in a footnote on page 4."""
    from vanban import read_document

    doc = read_document(realdoc("bt_TTr3367-SNV_xu_ly_hoi_quan_chung_signed.pdf"))
    notes = {b.id for b in doc.blocks if b.role == "footnote"}
    cites = parse_citations(doc, report=Report())
    from_notes = [
        (c.number, c.date, c.role.value, c.loc.page) for c in cites if c.loc.block in notes
    ]
    assert ("5956/STNMT-CCBVMT", "2024-10-24", "mention", 4) in from_notes
    assert ("3332/SGDDT-TCCB-QLCLGD", "2024-10-25", "mention", 4) in from_notes
