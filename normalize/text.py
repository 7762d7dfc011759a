"""String-level helpers every normalizer shares: NFC, whitespace, comparison keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The five Vietnamese tone marks as combining characters. Everything else that
# decomposes (circumflex, breve, horn) is part of the vowel and stays.
_TONES = {"\u0300": "2", "\u0301": "1", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
# huyền, sắc, hỏi, ngã, nặng: the one list every module that looks at tones uses
TONE_MARKS = frozenset(_TONES)
_WORD = re.compile(r"\w+", re.UNICODE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold_ws(text: str) -> str:
    """Collapse runs of whitespace into one space and strip the ends."""
    # str.split() knows the same whitespace as the regex \s (checked over every code
    # point) and is three times faster; this runs on every line of every document
    return " ".join(text.split())


def _syllable_key(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = ""
    kept = []
    for ch in decomposed:
        if ch in _TONES:
            tone = _TONES[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


@lru_cache(maxsize=65536)  # agency names and header words repeat across every document
def fold_key(text: str) -> str:
    """A comparison key that ignores case, spacing and where the tone mark sits.

    "Hoá" and "hóa" get the same key; "Sở" and "Số" do not, because the tone and
    the vowel's own diacritics are kept, only their placement is forgotten.

    >>> fold_key("Văn hoá") == fold_key("văn  hóa")
    True
    """
    return " ".join(_syllable_key(w) for w in _WORD.findall(nfc(text)))


def strip_diacritics(text: str) -> str:
    """ASCII-ish form for sniffing and ids only; never for comparing names."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
