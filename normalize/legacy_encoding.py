"""Pre-Unicode Vietnamese font encodings (TCVN3/ABC, VNI) → Unicode.

Old Word files and PDFs made with .VnTime or VNI-Times fonts store Vietnamese letters
as Latin-1 codes that only the font draws right, so a reader gets mojibake:
"Uû ban nh©n d©n" (TCVN3), "Uûy ban nhaân daân" (VNI). The font name tells which
encoding a run uses; plain text without fonts is recognised by which conversion turns
its words into Vietnamese syllables.

>>> convert_legacy("Uû ban nh©n d©n", "tcvn3")
'Uỷ ban nhân dân'
>>> convert_legacy("Uûy ban nhaân daân", "vni")
'Ủy ban nhân dân'

The tables are data/tcvn3.csv (TCVN 5712:1993 VN3: one byte per letter; upper-case toned
letters have no code, the "H" fonts such as .VnTimeH draw the lower-case codes as
capitals) and data/vni.csv (VNI Windows: a base letter followed by a mark byte, or one
byte), with data/legacy_fonts.csv for the font names; data/vietnamese_syllables.yaml says what a
Vietnamese word looks like. `legacy` columns show the codes as
a Windows-1252 reader does.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Literal

from normalize.datafiles import data_file
from normalize.text import TONE_MARKS

LegacyEncoding = Literal["tcvn3", "vni"]

_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")  # PDF subset fonts: "ABCDEF+.VnTime"
_STYLE_SUFFIX = re.compile(
    r"[-,](?:bold|italic|oblique|regular|bolditalic|boldoblique|bi|b|i|mt|ps)+$", re.IGNORECASE
)
# Runs between spaces, digits and ASCII punctuation: TCVN3 codes such as "¸" or "©" are
# not word characters to `re`, so \w would cut "th¸ng" in two.
_TOKEN = re.compile(r"[^\s0-9!-/:-@\[-`{-~]+")
_TONES = dict.fromkeys(map(ord, TONE_MARKS))
# A legacy reading must make this many more words into syllables than the text as it is.
_MARGIN = 0.25
_MIN_SHARE = 0.5


def _rows(name: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = data_file(name)
    return rows


def _legacy_chars(hex_codes: str) -> str:
    return bytes(int(h, 16) for h in hex_codes.split()).decode("cp1252")


@cache
def _tcvn3_table() -> dict[int, str]:
    return {
        ord(_legacy_chars(r["byte"].removeprefix("0x"))): r["unicode"] for r in _rows("tcvn3.csv")
    }


@cache
def _vni_table() -> dict[str, str]:
    table = {_legacy_chars(r["bytes"]): r["unicode"] for r in _rows("vni.csv")}
    # Title case types a capital base with a small mark ("Uûy ban" is "Ủy ban"), and the
    # reverse happens too: the letter takes the base's case, whatever the mark's.
    mixed = {key[0] + key[1].swapcase(): letter for key, letter in table.items() if len(key) == 2}
    return mixed | table


@cache
def _vni_pattern() -> re.Pattern[str]:
    # Longest first: "oä" (ộ) before "o"; a mark byte alone is left as it is.
    keys = sorted(_vni_table(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys)))


@cache
def _font_prefixes() -> tuple[tuple[str, LegacyEncoding], ...]:
    rows = [(r["prefix"].lower(), _encoding(r["encoding"])) for r in _rows("legacy_fonts.csv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))  # "vni-" before "vn"


def _encoding(name: str) -> LegacyEncoding:
    if name == "tcvn3":
        return "tcvn3"
    if name == "vni":
        return "vni"
    raise ValueError(f"data/legacy_fonts.csv: unknown encoding {name!r}")


def _bare_font_name(font_name: str) -> str:
    return _STYLE_SUFFIX.sub("", _SUBSET_PREFIX.sub("", font_name.strip()))


def detect_legacy_font(font_name: str) -> LegacyEncoding | None:
    """The legacy encoding a font name implies: ".VnTimeH" → "tcvn3", "VNI-Times" → "vni"."""
    name = _bare_font_name(font_name).lower()
    for prefix, encoding in _font_prefixes():
        if name.startswith(prefix) and len(name) > len(prefix):
            return encoding
    return None


def is_uppercase_font(font_name: str) -> bool:
    """Whether a TCVN3 font draws every letter as a capital (".VnTimeH", "VnArialH")."""
    return detect_legacy_font(font_name) == "tcvn3" and _bare_font_name(font_name).endswith("H")


def convert_legacy(text: str, encoding: LegacyEncoding, *, uppercase: bool = False) -> str:
    """Legacy-encoded text (as a Windows-1252 reader gives it) → Unicode NFC.

    `uppercase` for runs in a TCVN3 "H" font, whose codes are lower-case letters drawn
    as capitals. Characters outside the table (ASCII, punctuation) are kept.
    """
    if encoding == "tcvn3":
        converted = text.translate(_tcvn3_table())
    elif encoding == "vni":
        table = _vni_table()
        converted = _vni_pattern().sub(lambda m: table[m.group(0)], text)
    else:
        raise ValueError(f"unknown legacy encoding: {encoding!r}")
    converted = converted.upper() if uppercase else converted
    return unicodedata.normalize("NFC", converted)


@cache
def _syllable_pattern() -> re.Pattern[str]:
    data = data_file("vietnamese_syllables.yaml")
    rhymes = [r for group in data["rhymes"].values() for r in group]
    if not all(isinstance(w, str) for w in rhymes + data["onsets"]):
        raise ValueError("vietnamese_syllables.yaml: every onset and rhyme must be quoted")

    def alternatives(words: list[str]) -> str:
        return "|".join(sorted(words, key=len, reverse=True))

    return re.compile(f"(?:{alternatives(data['onsets'])})?(?:{alternatives(rhymes)})")


def _is_syllable(word: str) -> bool:
    bare = unicodedata.normalize("NFD", word.lower()).translate(_TONES)
    return _syllable_pattern().fullmatch(unicodedata.normalize("NFC", bare)) is not None


def _syllable_share(words: list[str]) -> float:
    return sum(map(_is_syllable, words)) / len(words)


def guess_legacy_encoding(text: str) -> LegacyEncoding | None:
    """The legacy encoding plain text seems to be in, or None (Unicode, English, unclear).

    Only words with a non-ASCII character count; the text is legacy when one conversion
    turns clearly more of them into Vietnamese syllables than the text as it stands.
    """
    words = [w for w in _TOKEN.findall(text) if not w.isascii()]
    if not words:
        return None
    as_is = _syllable_share(words)
    best: tuple[float, LegacyEncoding | None] = (0.0, None)
    candidates: tuple[LegacyEncoding, ...] = ("tcvn3", "vni")
    for candidate in candidates:
        share = _syllable_share([convert_legacy(w, candidate) for w in words])
        if share > best[0]:
            best = (share, candidate)
    share, encoding = best
    return encoding if share >= _MIN_SHARE and share >= as_is + _MARGIN else None


def to_unicode(text: str, *, font_name: str | None = None) -> str:
    """A text run as Unicode: converted when its font or its words say it is legacy.

    A legacy font name alone is not enough: Word files often keep "VNI-Times" in the font
    table while their text is Unicode. With such a font the run is converted only when
    the conversion makes more of its words Vietnamese; without one, only when
    `guess_legacy_encoding` is sure. A run in an "H" font comes out in capitals.
    """
    hinted = detect_legacy_font(font_name) if font_name else None
    words = [w for w in _TOKEN.findall(text) if not w.isascii()]
    if hinted is None:
        guessed = guess_legacy_encoding(text)
        return convert_legacy(text, guessed) if guessed else text
    if not words:
        return text
    converted = [convert_legacy(w, hinted) for w in words]
    if _syllable_share(converted) <= _syllable_share(words):
        return text
    return convert_legacy(text, hinted, uppercase=is_uppercase_font(font_name or ""))
