"""OCR repair of header lines against closed lists (issue 14): a slip is repaired only
where the header holds one thing from a list; correct text and other words stay."""

from __future__ import annotations

import pytest

from normalize.ocr_repair import repair_ocr_line, repair_ocr_names, repair_ocr_words


@pytest.mark.parametrize(
    ("ocr", "repaired"),
    [
        # the motto, as Tesseract reads it in several provinces' scans
        ("CQNG HOA XA HQI CHU NGHIA VIET NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Độc lập - Tự do - Hạnh phủc", "Độc lập - Tự do - Hạnh phúc"),
        ("Đôc lâp - Tư do - Hanh phúc", "Độc lập - Tự do - Hạnh phúc"),
        ("ĐẢNG CỘNG SẲN VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        # type words on their line
        ("quyét định", "QUYẾT ĐỊNH"),
        ("QUYÉT ĐỊNH", "QUYẾT ĐỊNH"),
        ("KÉ HOẠCH", "KẾ HOẠCH"),
        ("TỜ TRINH", "TỜ TRÌNH"),
        ("THÔNG BẢO", "THÔNG BÁO"),
        ("BIÊN BẢN", "BIÊN BẢN"),
        ("BIỂN BẢN HỌP HỘI ĐỒNG QUẢN LÝ QUỸ", "BIÊN BẢN HỌP HỘI ĐỒNG QUẢN LÝ QUỸ"),
        ("PHIÉU TRÌNH GIẢI QUYẾT CÔNG VIỆC", "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC"),
        # signer positions and bodies
        ("PHÓ CHU TICH", "PHÓ CHỦ TỊCH"),
        ("KT. CHU TỊCH", "KT. CHỦ TỊCH"),
        ("GIÁM ĐÓC", "GIÁM ĐỐC"),
        ("ỦY BAN NHÂN DẨN", "ỦY BAN NHÂN DÂN"),
        # the number label
        ("S6: 1716/QĐ-UBND", "Số: 1716/QĐ-UBND"),
        ("Sô: 214/KH-UBND", "Số: 214/KH-UBND"),
        ("Sé: /TTr-SNV", "Số: /TTr-SNV"),
        # place and date lines of many provinces
        ("ninh blnh, ngáy 12 thảng 3 nǎm 2025", "Ninh Bình, ngày 12 tháng 3 năm 2025"),
        ("Lâm Đông, ngày 16 tháng 10 năm 2025", "Lâm Đồng, ngày 16 tháng 10 năm 2025"),
        ("Quảng Tri, ngay 14 thang 3 nam 2025", "Quảng Trị, ngày 14 tháng 3 năm 2025"),
        ("Gia Lai, ngày .... thảng .... năm 2026", "Gia Lai, ngày .... tháng .... năm 2026"),
        ("Thành phố Hô Chí Minh, ngày 1 tháng 1 năm 2025",
         "Thành phố Hồ Chí Minh, ngày 1 tháng 1 năm 2025"),
        ("Lâm Đông, ngày46tháng 10 năm 2025", "Lâm Đồng, ngày 46 tháng 10 năm 2025"),
        ("Lâm Đồng, ngày 06 tháng 01năm 2026", "Lâm Đồng, ngày 06 tháng 01 năm 2026"),
        ("Bình Thuận, ngày l7 tháng 2 năm 2025", "Bình Thuận, ngày 17 tháng 2 năm 2025"),
        ("Hà Nội, ngay O5 thang l2 nam 2025", "Hà Nội, ngày 05 tháng 12 năm 2025"),
        # a handwritten day read as a word: left as read, never made a date word
        ("Hà Nội, ngày nǎm tháng Ỹ năm 2025", "Hà Nội, ngày nǎm tháng Ỹ năm 2025"),
        # OCR's eth for Đ, also read twice over one letter
        ("Số: 1716/QĐÐ-UBND", "Số: 1716/QĐ-UBND"),
        ("Số: 12/QÐ-UBND", "Số: 12/QĐ-UBND"),
        # a space lost between two words of a fixed phrase
        ("ỦY BANNHÂN DÂN TỈNH LÂM ĐỒNG", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
        # the nearest entry wins, not the first close one
        ("TM. UY BAN NHAN DAN", "TM. ỦY BAN NHÂN DÂN"),
        # province names after "tỉnh" in the agency block
        ("ỦY BAN NHÂN DẨN TỈNH NINH BlNH", "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"),
        ("UBND TỈNH ĐÔNG NAI", "UBND TỈNH ĐỒNG NAI"),
        ("UBND TỈNH THANH HOÁ", "UBND TỈNH THANH HÓA"),
    ],
)
def test_header_slips_are_repaired(ocr: str, repaired: str) -> None:
    assert repair_ocr_line(ocr) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Hà Nam, ngày 5 tháng 3 năm 2024",  # a correct province is not "repaired"
        "tỉnh Quảng Trị",
        "Lâm Đồng, ngày 06 tháng 01 năm 2026",
        "trong năm 2025 và tháng 3",  # date words out of a date line
        "Thành phố Huế",
        "QUY CHẾ",  # near QUY ĐỊNH, but another type
        "QUY ĐỊNH CHUNG",  # a type word right already opens a heading
        "KẾT QUẢ THẨM ĐỊNH",  # "KẾT QUẢ" is no type word
        "CHỦ TỊCH",  # near PHÓ CHỦ TỊCH, but another position
        "CHỦ TỊCH ỦY BAN NHÂN DÂN",  # "TỊCH ỦY BAN NHÂN DÂN" is not "TM. ỦY BAN NHÂN DÂN"
        "SỞ Y TẾ",
        "ỦY BAN NHÂN DÂN",  # right already: not moved to "TM. ỦY BAN NHÂN DÂN"
        "QUYẾT ĐỊNH",  # nor to "QUY ĐỊNH"
        "- Sở Nội vu;",  # a recipient, not the agency block
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021",  # "số" inside a sentence
        "Lâm sản",  # "lam" is one edit from "năm", but stands before no figure
        "Số lượng 25 hồ sơ",  # "Số" of a sentence is not the label
    ],
)
def test_correct_and_other_text_stays(text: str) -> None:
    assert repair_ocr_line(text) == text


def test_words_keep_their_count() -> None:
    # the reader keeps each word's box: as many strings come back as went in
    words = ["CQNG", "HOA", "XA", "HQI", "CHU", "NGHIA", "VIET", "NAM"]
    out = repair_ocr_words(words)
    assert len(out) == len(words)
    assert " ".join(w for w in out if w) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


@pytest.mark.parametrize(
    ("ocr", "repaired"),
    [
        ("HỘI ĐÔNG QUÁN LÝ QUỸ", "HỘI ĐỒNG QUẢN LÝ QUỸ"),
        ("Về việc thành lập Hội đồng thâm định, đánh giá",
         "Về việc thành lập Hội đồng thẩm định, đánh giá"),
        ("Chỉ số cái cách hành chính tỉnh Lâm Đồng", "Chỉ số cải cách hành chính tỉnh Lâm Đồng"),
        ("ỦY BAN NHÂN DẦN TỈNH", "ỦY BAN NHÂN DÂN TỈNH"),
        # right already, or no known name: as read
        ("CỤC CẢNH SÁT ĐIỀU TRA", "CỤC CẢNH SÁT ĐIỀU TRA"),
        ("Lâm Đồng, ngày 16 tháng 10 năm 2025", "Lâm Đồng, ngày 16 tháng 10 năm 2025"),
        ("Căn cứ Luật Tổ chức chính quyền", "Căn cứ Luật Tổ chức chính quyền"),
    ],
)
def test_names_tone_marks_from_known_two_word_pieces(ocr: str, repaired: str) -> None:
    assert " ".join(w for w in repair_ocr_names(ocr.split()) if w) == repaired
