"""normalize.legacy_encoding: TCVN3 and VNI mojibake back to Unicode, and telling them apart.

The round trips encode Unicode sentences of the seeds with the inverse of the CSV tables
(built here, independently of the module), then check that convert_legacy restores them.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest

from normalize.legacy_encoding import (
    LegacyEncoding,
    convert_legacy,
    detect_legacy_font,
    guess_legacy_encoding,
    is_uppercase_font,
    to_unicode,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "normalize" / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _codes(hex_codes: str) -> str:
    return bytes(int(h, 16) for h in hex_codes.removeprefix("0x").split()).decode("cp1252")


TCVN3_ENCODE = {r["unicode"]: _codes(r["byte"]) for r in _rows("tcvn3.csv")}
VNI_ENCODE = {r["unicode"]: _codes(r["bytes"]) for r in _rows("vni.csv")}


def _encode(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch, ch) for ch in text)


def _seed_sentences() -> list[str]:
    sentences = []
    for seed in ("000", "001", "002", "003"):
        (path,) = (ROOT / "samples").glob(f"{seed}_*.txt")
        text = re.sub(r"<[^>]+>|[*#|]", " ", path.read_text("utf-8"))
        for piece in re.split(r"[.;:\n\t]", text):
            piece = " ".join(piece.split())
            if len(piece) > 25 and not piece.isascii():
                sentences.append(unicodedata.normalize("NFC", piece))
    return sorted(set(sentences))[:400]


SENTENCES = _seed_sentences()


def _round_trippable(sentence: str, table: dict[str, str]) -> bool:
    # A character that is itself a legacy code (say "§") cannot survive the trip.
    codes = {ch for code in table.values() for ch in code if not ch.isascii()}
    return not any(ch in codes for ch in sentence if ch not in table)


def test_there_are_a_few_hundred_sentences() -> None:
    assert len(SENTENCES) >= 300


def test_tcvn3_round_trip_over_seed_sentences() -> None:
    # TCVN3 has no codes for toned capitals ("Ủ"): the plain fonts write lower case.
    texts = [s.lower() for s in SENTENCES if _round_trippable(s.lower(), TCVN3_ENCODE)]
    assert len(texts) >= 300
    failures = [t for t in texts if convert_legacy(_encode(t, TCVN3_ENCODE), "tcvn3") != t]
    assert failures == []


def test_vni_round_trip_over_seed_sentences() -> None:
    texts = [s for s in SENTENCES if _round_trippable(s, VNI_ENCODE)]
    assert len(texts) >= 300
    failures = [t for t in texts if convert_legacy(_encode(t, VNI_ENCODE), "vni") != t]
    assert failures == []


def test_every_vietnamese_letter_has_a_code() -> None:
    letters = set("aăâeêioôơuưyđ")
    toned = {
        unicodedata.normalize("NFC", v + t)
        for v in "aăâeêioôơuưy"
        for t in ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    }
    lower = letters | toned
    assert lower - {"a", "e", "i", "o", "u", "y"} <= set(TCVN3_ENCODE)
    assert (lower | {ch.upper() for ch in lower}) - set("aeiouyAEIOUY") <= set(VNI_ENCODE)


@pytest.mark.parametrize(
    ("mojibake", "encoding", "unicode"),
    [
        ("Uû ban nh©n d©n tØnh NghÖ An", "tcvn3", "Uỷ ban nhân dân tỉnh Nghệ An"),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
        ("C«ng v¨n sè 3594/SNV-CCHC", "tcvn3", "Công văn số 3594/SNV-CCHC"),
        ("Tr­êng ®¹i häc", "tcvn3", "Trường đại học"),
        ("Uûy ban nhaân daân tænh Ngheä An", "vni", "Ủy ban nhân dân tỉnh Nghệ An"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "vni", "Độc lập - Tự do - Hạnh phúc"),
        ("QUYEÁT ÑÒNH", "vni", "QUYẾT ĐỊNH"),
        ("Ôû ñaâu", "vni", "Ở đâu"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) > 5 else None,
)
def test_known_mojibake(mojibake: str, encoding: LegacyEncoding, unicode: str) -> None:
    assert convert_legacy(mojibake, encoding) == unicode
    assert guess_legacy_encoding(mojibake) == encoding


def test_uppercase_font_run() -> None:
    assert convert_legacy("QUYÕT ®ÞNH", "tcvn3", uppercase=True) == "QUYẾT ĐỊNH"


def test_guess_on_encoded_seed_sentences() -> None:
    tcvn3 = [_encode(s.lower(), TCVN3_ENCODE) for s in SENTENCES]
    vni = [_encode(s, VNI_ENCODE) for s in SENTENCES]
    assert sum(guess_legacy_encoding(t) == "tcvn3" for t in tcvn3) >= 0.98 * len(tcvn3)
    assert sum(guess_legacy_encoding(t) == "vni" for t in vni) >= 0.98 * len(vni)


def test_no_guess_on_unicode_seed_sentences() -> None:
    assert [s for s in SENTENCES if guess_legacy_encoding(s) is not None] == []


@pytest.mark.parametrize(
    "text",
    [
        "The quick brown fox jumps over the lazy dog.",
        "Café au lait, naïve résumé, São Paulo, Müller, año.",
        "Quyết định số 3667/QĐ-UBND ngày 30 tháng 12 năm 2024",
        "Ủy ban nhân dân tỉnh Nghệ An",
        "Công văn",
        "Hà Nội",
        "",
        "2026",
    ],
    ids=lambda t: t or "<empty>",
)
def test_no_guess_on_unicode_or_english(text: str) -> None:
    assert guess_legacy_encoding(text) is None


@pytest.mark.parametrize(
    ("font", "encoding", "uppercase"),
    [
        (".VnTime", "tcvn3", False),
        (".VnTimeH", "tcvn3", True),
        (".VnArial", "tcvn3", False),
        (".VnArialH", "tcvn3", True),
        ("ABCDEF+.VnTimeH", "tcvn3", True),
        ("VnTime,Bold", "tcvn3", False),
        (".VnCentury Schoolbook", "tcvn3", False),
        ("VNI-Times", "vni", False),
        ("VNI-Helve", "vni", False),
        ("VNI-Times-Bold", "vni", False),
        ("VNI-Bodon", "vni", False),
        ("VNI-Bodon-Bold", "vni", False),
        ("VnTimeH,BoldItalic", "tcvn3", True),
        ("Times New Roman", None, False),
        ("Arial", None, False),
        ("", None, False),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_detect_legacy_font(font: str, encoding: str | None, uppercase: bool) -> None:
    assert detect_legacy_font(font) == encoding
    assert is_uppercase_font(font) is uppercase


def test_no_guess_on_any_seed_line() -> None:
    """Seed 004 has PDF glyph errors ("đƣợc"): broken Unicode, not a legacy encoding."""
    lines = [
        line
        for path in sorted((ROOT / "samples").glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    assert len(lines) > 1000
    assert [line for line in lines if guess_legacy_encoding(line) is not None] == []


@pytest.mark.parametrize(
    ("text", "font", "expected"),
    [
        ("Uûy ban nhaân daân", "VNI-Times", "Ủy ban nhân dân"),
        ("v¨n", ".VnTime", "văn"),
        ("QuyÕt ®Þnh", ".VnTimeH", "QUYẾT ĐỊNH"),
        # realdocs/ld_TTr-SNV05_*.doc: VNI-Times in the font table, Unicode in the text
        ("Ủy ban nhân dân tỉnh Lâm Đồng", "VNI-Times", "Ủy ban nhân dân tỉnh Lâm Đồng"),
        ("Công văn hoà giải", "VNI-Times", "Công văn hoà giải"),
        ("Công văn", ".VnTime", "Công văn"),
        ("Céng hoµ x· héi chñ nghÜa", None, "Cộng hoà xã hội chủ nghĩa"),
        ("Cộng hòa xã hội chủ nghĩa", "Times New Roman", "Cộng hòa xã hội chủ nghĩa"),
        ("Plan 2026", ".VnTime", "Plan 2026"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_to_unicode_needs_the_text_to_agree(text: str, font: str | None, expected: str) -> None:
    assert to_unicode(text, font_name=font) == expected
