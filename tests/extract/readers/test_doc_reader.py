"""read_doc: old Word 97-2003 files through LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import read_document
from extract.readers import doc as doc_reader
from extract.readers.doc import convert_with_soffice, find_soffice, read_doc
from extract.source import make_source
from schemas.diagnostics import MissingTool
from schemas.document import Paragraph, Table
from tests import builders as b
from tests.conftest import SAMPLES, committed_sample, realdoc

TTR = "ld_TTr-SNV05_KH_tuyen_truyen_CCHC_2026.doc"


def needs_soffice() -> str:
    soffice = find_soffice()
    if soffice is None:
        import os

        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) missing under CI")
        pytest.skip("LibreOffice (soffice) not installed")
    return soffice


def test_real_doc_reads_header_table_and_body() -> None:
    needs_soffice()
    path = realdoc(TTR)
    doc = read_document(path)
    assert doc.source.path == str(path)
    assert doc.source.format == "docx"
    header = next(doc.tables())
    assert header.row_texts() == [
        [
            "UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ],
        ["Số: /TTr-SNV", "Lâm Đồng, ngày tháng năm"],
    ]
    texts = [p.text for p in doc.paragraphs()]
    assert texts[:2] == ["TỜ TRÌNH", "Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính"]
    assert "Kính gửi: Ủy ban nhân dân tỉnh" in texts
    signature = list(doc.tables())[-1]
    assert signature.row_texts()[0][1] == "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Hữu Tuấn"


def test_missing_libreoffice_names_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(doc_reader.shutil, "which", lambda name: None)
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(MissingTool) as info:
        read_doc(path, source=make_source(path, "docx"))
    assert info.value.reason == (
        "old Word format (.doc): install LibreOffice "
        "(apt-get install libreoffice-writer-nogui) to read it"
    )


def test_conversion_failure_is_unreadable(tmp_path: Path) -> None:
    """A fake soffice that produces nothing: the error says LibreOffice failed."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    path = tmp_path / "hong.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    from schemas.diagnostics import UnreadableFile

    with pytest.raises(UnreadableFile) as info:
        convert_with_soffice(str(fake), path, tmp_path / "work", "docx")
    assert info.value.reason == (
        "LibreOffice could not convert this .doc file (Error: source file could not be loaded)"
    )


def rendered_sample(name: str) -> Path:
    """samples/NAME, written by scripts/render_samples.py."""
    return committed_sample(SAMPLES / name)


@pytest.mark.slow
@pytest.mark.parametrize("source", ["synthetic", "001"], ids=str)
def test_doc_saved_by_libreoffice_reads_like_its_docx(tmp_path: Path, source: str) -> None:
    """A .doc written by LibreOffice from a .docx gives the same blocks text: list
    labels, merged cells and table text survive the round trip through the old format."""
    soffice = needs_soffice()
    if source == "001":
        docx_path = rendered_sample("001_1a5f14619ac43e8b.docx")
    else:
        docx_path = _fixture_with_lists_and_merges(tmp_path)
    doc_path = convert_with_soffice(soffice, docx_path, tmp_path / "to-doc", "doc")
    assert doc_path.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    from_docx = read_document(docx_path)
    from_doc = read_document(doc_path)
    assert _texts(from_doc) == _texts(from_docx)
    assert len(_texts(from_docx)) > 5


def _texts(doc) -> list[object]:  # type: ignore[no-untyped-def]
    out: list[object] = []
    for block in doc.body():
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out.append(
                (
                    "table",
                    block.n_rows,
                    block.n_cols,
                    tuple((c.row, c.col, c.row_span, c.col_span, c.text) for c in block.cells),
                )
            )
    return out


def _fixture_with_lists_and_merges(tmp_path: Path) -> Path:
    doc = b.new_docx()
    b.add_list(doc, num_id=70, levels=[("upperRoman", "%1."), ("decimal", "%2.")])
    b.numbered(doc, "MỤC ĐÍCH, YÊU CẦU", num_id=70)
    b.numbered(doc, "Mục đích", num_id=70, ilvl=1)
    b.numbered(doc, "NHIỆM VỤ", num_id=70)
    doc.add_paragraph("Phụ lục")
    table = doc.add_table(rows=3, cols=3)
    b.fill(
        table,
        [["TT", "Nhiệm vụ", "Chủ trì"], ["1", "Rà soát", "Sở Tư pháp"], ["2", "Công bố", None]],
    )
    b.merge(table, (1, 2), (2, 2))
    # Word always ends a document with a paragraph; without one, LibreOffice's .doc
    # export drops a final table.
    doc.add_paragraph("Nơi nhận:")
    return b.save(doc, tmp_path)
