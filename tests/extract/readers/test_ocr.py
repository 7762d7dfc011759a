"""OCR of scanned PDF pages: Tesseract's words and the raster's rules into the PDF
reader's page items, the warnings, and end to end on two real scans and on a scan made
from seed 001's born-digital PDF (same record expected)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from extract.readers import ocr, pdf_ocr
from extract.readers.ocr import (
    OcrPage,
    clean_ink,
    raster_rules,
    strip_rule_glyphs,
    tesseract_problem,
    tsv_words,
)
from extract.readers.pdf import read_pdf
from extract.readers.pdf_ocr import low_confidence_detail
from extract.readers.pdf_text import Word, words_to_lines
from extract.source import make_source
from schemas.diagnostics import WarningCode
from schemas.document import Document
from scripts.make_scanned_sample import make_scanned_pdf
from tests.conftest import SAMPLES, realdoc

QD_SCAN = "ld_QD1716-UBND_16-10-2025_HD_tham_dinh_CCHC_scan_badOCR.pdf"
CV_SCAN = "ld_CV3980-C04-P6_BCA_28-08-2025_scan_stamp_notext.pdf"


def needs_tesseract() -> None:
    """Skip without Tesseract + Vietnamese data, except under CI, where it must be there."""
    problem = tesseract_problem()
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)


def read(path: Path, ocr_mode: str = "auto") -> Document:
    return read_pdf(path, source=make_source(path, "pdf"), ocr=ocr_mode)


def codes(doc: Document, code: WarningCode) -> list[int | None]:
    return [w.page for w in doc.warnings if w.code == code]


def body_text(doc: Document) -> str:
    return "\n".join(b.text for b in doc.paragraphs())


# ---------------------------------------------------------------- Tesseract's TSV → words

TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\t" + (
    "left\ttop\twidth\theight\tconf\ttext"
)
# one paragraph, two lines: "năm" is shorter than "Hội" (no capital, no accent above),
# "2025" was read with low confidence; a level-4 line row carries no word
TSV = "\n".join(
    [
        TSV_HEADER,
        "4\t1\t1\t1\t1\t0\t100\t98\t700\t70\t-1\t",
        "5\t1\t1\t1\t1\t1\t100\t100\t200\t60\t96.5\tHội",
        "5\t1\t1\t1\t1\t2\t320\t112\t180\t48\t95.0\tnăm",
        "5\t1\t1\t1\t1\t3\t520\t100\t200\t60\t41.0\t2025",
        "5\t1\t1\t1\t2\t1\t100\t200\t300\t60\t90.0\tđồng",
        "5\t1\t1\t1\t2\t2\t420\t200\t100\t60\t-1\t ",
    ]
)


def test_tsv_words_share_their_lines_band_and_keep_doubtful_words() -> None:
    words, confs, doubtful = tsv_words(TSV, scale=72 / 300)
    assert [w.text for w in words] == ["Hội", "năm", "2025", "đồng"]
    assert confs == [96.5, 95.0, 41.0, 90.0]
    assert doubtful == ["2025"]  # kept in the words too
    first_line = words[:3]
    # the band is the median of the line's words: 100..160 px → 24.0..38.4 pt
    assert {(w.top, w.bottom) for w in first_line} == {(24.0, 38.4)}
    # median line height 60 px = 14.4 pt, at 0.75 pt of height per point of type
    assert {w.size for w in words} == {19.0}
    assert [ln.text for ln in words_to_lines(words)] == ["Hội năm 2025", "đồng"]


# ---------------------------------------------------------------- rules in the raster


def grid_image() -> np.ndarray:
    """A 300-dpi raster with a ruled table: a one-line header row (shorter than a long
    rule), a body row, three columns; beside it a letter-like stem and an ink blob."""
    img = np.full((1200, 1200), 255, dtype=np.uint8)
    for y in (100, 160, 500):  # header row 60 px (14.4 pt) high
        img[y : y + 4, 100:1004] = 0
    for x in (100, 400, 700, 1000):
        img[100:504, x : x + 4] = 0
    img[700:750, 300:306] = 0  # a 12-pt stem, touching no rule
    img[900:1000, 200:800] = 30  # a dark block (a photo, a seal)
    return img


def test_raster_rules_find_the_grid_with_short_header_sides_and_no_blobs() -> None:
    rules = raster_rules(grid_image(), scale=72 / 300)
    horizontal = sorted(round(r["top"]) for r in rules if r["height"] == 0)
    vertical = sorted(round(r["x0"]) for r in rules if r["width"] == 0)
    assert horizontal == [24, 39, 120]
    assert vertical == [24, 96, 168, 240]
    assert all(r["object_type"] == "line" for r in rules)


def test_a_short_vertical_counts_only_between_two_rules() -> None:
    img = np.full((600, 1200), 255, dtype=np.uint8)
    img[100:104, 100:1000] = 0
    img[160:164, 100:1000] = 0
    img[100:164, 500:504] = 0  # a header cell's side: rule to rule
    img[300:360, 600:604] = 0  # as long, but free-standing
    vertical = [round(r["x0"]) for r in raster_rules(img, scale=72 / 300) if r["width"] == 0]
    assert vertical == [120]


def word(text: str, x0: float, x1: float, top: float = 100.0, bottom: float = 110.0) -> Word:
    return Word(text, x0, x1, top, bottom, 10.0, False, False)


def test_rule_glyphs_are_dropped_and_stray_underscores_trimmed() -> None:
    rule = {"x0": 200.0, "x1": 200.0, "top": 50.0, "bottom": 300.0}
    words = [
        word("12_", 50, 60),  # LSTM's stray underscore after a number
        word("|", 199, 201),  # the vertical rule read as a letter
        word("|", 400, 401),  # a bar far from any rule stays
        word("_____", 80, 150),  # a blank to fill in stays
        word("Sở", 210, 225),
    ]
    kept = [w.text for w in strip_rule_glyphs(words, [rule])]
    assert kept == ["12", "|", "_____", "Sở"]


def test_coloured_ink_becomes_paper_and_black_ink_stays() -> None:
    rgb = np.array(
        [[[200, 30, 40], [20, 60, 160], [0, 0, 0], [128, 128, 128], [245, 225, 230]]],
        dtype=np.uint8,
    )
    assert clean_ink(rgb).tolist() == [[255, 255, 0, 128, 255]]


def page(mean: float, words: int, doubtful: list[str]) -> OcrPage:
    return OcrPage(1, [word("x", 0, 1)] * words, [], mean, doubtful)


def test_low_confidence_detail_quotes_doubtful_words_only_when_the_page_is_doubtful() -> None:
    assert low_confidence_detail(page(93.0, 100, ["a", "b"])) is None
    assert low_confidence_detail(page(0.0, 0, [])) is None  # a blank page
    detail = low_confidence_detail(page(71.5, 100, ["Tinh", "Ngh"]))
    assert detail == "mean word confidence 72/100, 2 of 100 words doubtful («Tinh», «Ngh»)"
    many = low_confidence_detail(page(85.0, 10, list("abcdefgh")))
    assert many is not None and "8 of 10 words doubtful" in many and "«f»" in many


# ---------------------------------------------------------------- the reader's hook


def fake_ocr(calls: list[int]):  # type: ignore[no-untyped-def]
    """Stands in for Tesseract: one line per page, at a different height on each, with
    a doubtful word."""

    def ocr_image(pixels: np.ndarray, page_no: int, **_: object) -> OcrPage:
        calls.append(page_no)
        top = 100.0 * page_no
        words = [word("Trang", 72, 110, top, top + 12), word(str(page_no), 114, 120, top, top + 12)]
        words += [word("đổng", 124, 150, top, top + 12), word("hết.", 154, 170, top, top + 12)]
        return OcrPage(page_no, words, [], 55.0, ["đổng"])

    return ocr_image


@pytest.mark.slow
def test_every_scanned_page_is_ocred_once_in_order_and_doubtful_words_stay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(pdf_ocr, "ocr_image", fake_ocr(calls))
    monkeypatch.setattr(pdf_ocr, "tesseract_problem", lambda: None)
    doc = read(realdoc(CV_SCAN))
    assert sorted(calls) == [1, 2, 3]  # the next page starts while this one is read
    assert [p.text_layer for p in doc.pages] == ["ocr", "ocr", "ocr"]
    assert [(b.page, b.text) for b in doc.paragraphs()] == [
        (1, "Trang 1 đổng hết."),
        (2, "Trang 2 đổng hết."),
        (3, "Trang 3 đổng hết."),
    ]
    low = [w for w in doc.warnings if w.code == WarningCode.OCR_LOW_CONFIDENCE]
    assert [w.page for w in low] == [1, 2, 3]
    assert "«đổng»" in low[0].message and "mean word confidence 55/100" in low[0].message


# ---------------------------------------------------------------- Tesseract missing


def test_tesseract_problem_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    problem = tesseract_problem()
    assert problem is not None
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in problem


@pytest.mark.slow
def test_scan_without_tesseract_warns_no_text_layer_and_ocr_unavailable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    doc = read(realdoc(CV_SCAN))
    assert codes(doc, WarningCode.NO_TEXT_LAYER) == [1, 2, 3]
    unavailable = [w for w in doc.warnings if w.code == WarningCode.OCR_UNAVAILABLE]
    assert len(unavailable) == 1  # once per document, not per page
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in unavailable[0].message
    assert not codes(doc, WarningCode.OCR_USED)
    assert {p.text_layer for p in doc.pages} == {"none"}
    assert not list(doc.body())


@pytest.mark.slow
@pytest.mark.parametrize("name", [CV_SCAN, QD_SCAN], ids=["no_text", "garbage"])
def test_ocr_off_leaves_a_scan_without_text(name: str) -> None:
    doc = read(realdoc(name), "off")
    assert codes(doc, WarningCode.NO_TEXT_LAYER) == list(range(1, len(doc.pages) + 1))
    assert not codes(doc, WarningCode.OCR_USED)
    assert not codes(doc, WarningCode.OCR_UNAVAILABLE)
    assert not list(doc.body())


# ---------------------------------------------------------------- real scans

_docs: dict[str, Document] = {}


def scanned(name: str) -> Document:
    needs_tesseract()
    if name not in _docs:
        _docs[name] = read(realdoc(name))
    return _docs[name]


@pytest.mark.slow
def test_garbage_text_layer_is_replaced_by_ocr() -> None:
    doc = scanned(QD_SCAN)
    assert [p.text_layer for p in doc.pages] == ["ocr", "ocr"]
    assert codes(doc, WarningCode.OCR_USED) == [1, 2]
    assert not codes(doc, WarningCode.TEXT_LAYER_GARBAGE)  # readable text now
    assert not codes(doc, WarningCode.NO_TEXT_LAYER)
    paragraphs = [b.text for b in doc.paragraphs()]
    # read against the page image by hand
    for line in [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "1. Chủ tịch Hội đồng: Ông Đỗ Văn Chung - Giám đốc Sở Nội vụ.",
        "c) Bà Bùi Thị Tuyết Mai - Phó Giám đốc Sở Tài chính;",
        "Điều 2. Nhiệm vụ, hoạt động của Hội đồng",
        "Nguyễn Ngọc Phúc",
    ]:
        assert line in paragraphs
    assert any(p.startswith("Số:") and p.endswith("-UBND") for p in paragraphs)
    # the binarized page (issue 14) reads the title's "cải" as "cái"; the header's names
    # repair (known two-word pieces, ocr_repair.repair_ocr_names) sets it right
    assert "Chỉ số cải cách hành chính tỉnh Lâm Đồng" in paragraphs
    text = body_text(doc)
    assert "Căn cứ Quyết định số 1234/QĐ-UBND ngày 08 tháng 9 năm 2025" in text
    assert "Tờ trình số 381/TTr-SNV ngày 08 tháng 10 năm 2025" in text


@pytest.mark.slow
def test_image_only_scan_is_read_by_ocr() -> None:
    doc = scanned(CV_SCAN)
    assert [p.text_layer for p in doc.pages] == ["ocr", "ocr", "ocr"]
    assert codes(doc, WarningCode.OCR_USED) == [1, 2, 3]
    assert not codes(doc, WarningCode.NO_TEXT_LAYER)
    paragraphs = [b.text for b in doc.paragraphs()]
    for line in [
        "BỘ CÔNG AN",
        "Độc lập - Tự do - Hạnh phúc",
        "Kính gửi: Đồng chí Chủ tịch UBND tỉnh Lâm Đồng",
        "1. Về xây dựng xã, phường, đặc khu không ma tuý",
        "Thiếu tướng Ngô Thanh Bình",
    ]:
        assert any(p.startswith(line) for p in paragraphs), line
    # the number is handwritten over "Số: 39…/C04-P6": the printed symbol is legible
    number = next(p for p in paragraphs if p.startswith("Số:"))
    assert number.endswith("/C04-P6")
    assert "Chương trình MTQG phòng, chống ma tuý" in body_text(doc)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "want"),
    [
        # printed fields come out; the serial and the day are handwritten: left empty
        (QD_SCAN, {"doc_type": "quyet_dinh", "number": None, "symbol": "QĐ-UBND",
                   "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng", "province": "Lâm Đồng",
                   "issued_date": "2025-10"}),
        (CV_SCAN, {"doc_type": "cong_van", "number": None, "symbol": "C04-P6",
                   "place": "Hà Nội", "issued_date": "2025"}),
    ],
)
def test_scan_headers_printed_fields_and_handwriting_left_empty(name: str, want: dict) -> None:
    from extract.parsers.header.parse import parse_header
    from schemas.diagnostics import Report

    report = Report()
    head = parse_header(scanned(name), report=report).header.model_dump(mode="json")
    assert {k: head[k] for k in want} == want
    assert report.has(WarningCode.OCR_UNCERTAIN_FIELD)


@pytest.mark.slow
def test_force_reads_a_born_digital_page_by_ocr_too() -> None:
    needs_tesseract()
    path = realdoc("ld_TTr-SNV05_KH_tuyen_truyen_CCHC_2026_signed.pdf")
    digital, forced = read(path), read(path, "force")
    assert [p.text_layer for p in digital.pages] == ["ok"]
    assert [p.text_layer for p in forced.pages] == ["ocr"]
    assert codes(forced, WarningCode.OCR_USED) == [1]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in [b.text for b in forced.paragraphs()]


# ---------------------------------------------------------------- seed 001, scanned


@pytest.fixture(scope="module")
def sample_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed 001's PDF as a 200-dpi grayscale JPEG scan (~5 MB: built, not committed)."""
    out = tmp_path_factory.mktemp("scan") / "001_scan.pdf"
    assert make_scanned_pdf(SAMPLES / "001_1a5f14619ac43e8b.pdf", out) == 16
    return out


@pytest.mark.slow
def test_scanned_sample_has_no_text_layer(sample_scan: Path) -> None:
    doc = read(sample_scan, "off")
    assert len(doc.pages) == 16
    assert codes(doc, WarningCode.NO_TEXT_LAYER) == list(range(1, 17))


HEADER_FIELDS = [
    "doc_type",
    "number",
    "symbol",
    "issuer",
    "place",
    "province",
    "issued_date",
    "title",
]


@pytest.mark.slow
def test_scan_of_seed_001_gives_the_record_of_the_original(sample_scan: Path) -> None:
    needs_tesseract()
    from vanban.pipeline import extract_record

    original = extract_record(SAMPLES / "001_1a5f14619ac43e8b.pdf")
    scan = extract_record(sample_scan)
    assert [w.page for w in scan.warnings if w.code == WarningCode.OCR_USED] == list(range(1, 17))
    for field in HEADER_FIELDS:
        assert getattr(scan.document, field) == getattr(original.document, field), field
    assert original.document.signer is not None and scan.document.signer is not None
    assert scan.document.signer.name == original.document.signer.name
    assert scan.document.signer.position == original.document.signer.position

    def appendix(tasks: list) -> set[tuple[str, tuple[str, ...]]]:  # type: ignore[type-arg]
        return {(t.no, tuple(str(a) for a in t.lead)) for t in tasks if t.source == "table"}

    wanted, got = appendix(original.tasks), appendix(scan.tasks)
    assert len(wanted) >= 40
    assert len(wanted & got) >= 0.9 * len(wanted)


# ---------------------------------------------------------------- preprocessing (issue 14)


def _page_of_lines(height: int = 800, width: int = 600) -> np.ndarray:
    page = np.full((height, width), 235, dtype=np.uint8)
    for top in range(60, height - 60, 40):
        page[top : top + 12, 50 : width - 50] = 40  # a line of "text"
    return page


def test_binarize_splits_ink_from_paper_at_otsus_level() -> None:
    page = _page_of_lines()
    page[0:10, 0:10] = 200  # the paper's tone
    out = ocr.binarize(page)
    assert set(np.unique(out)) == {0, 255}
    assert 40 <= ocr.otsu_threshold(page) < 200
    assert out[65, 100] == 0 and out[5, 5] == 255


@pytest.mark.parametrize("tilt", [-1.5, -0.75, 0.0, 1.0, 1.75])
def test_deskew_finds_the_tilt_and_levels_the_lines(tilt: float) -> None:
    from PIL import Image

    tilted = np.asarray(Image.fromarray(_page_of_lines()).rotate(tilt, fillcolor=235))
    found = ocr.skew_degrees(tilted)
    assert abs(found + tilt) <= 0.25  # turning back by the tilt levels the page
    levelled = ocr.deskew(tilted)
    assert np.var((levelled < ocr.DARK).sum(axis=1)) >= 0.95 * np.var(
        (tilted < ocr.DARK).sum(axis=1)
    )


def test_preprocess_runs_only_the_steps_asked() -> None:
    page = _page_of_lines()
    assert ocr.preprocess(page, ()) is page
    assert set(np.unique(ocr.preprocess(page, ("binarize",)))) == {0, 255}
