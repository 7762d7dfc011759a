"""Is a page's text layer text? A scan's OCR layer can be garbage ("s6.fi,lL /eD-UBND
Ldm D6ng"): tone marks lost, digits inside words, syllables no Vietnamese word has.

The score is the share of a page's ordinary words that are well-formed Vietnamese
syllables; abbreviations (all capitals), numbers and codes ("1716/QĐ-UBND") are not
judged. Born-digital Vietnamese scores above 0.9; garbage OCR scores below 0.7 and
also lacks the diacritics that most Vietnamese syllables carry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

TextLayer = Literal["ok", "none", "garbage"]

MIN_JUDGED = 25  # fewer judged words: too little to call a page garbage
MIN_SYLLABLE_SHARE = 0.75
MIN_DIACRITIC_SHARE = 0.25

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Onset + vowel group + coda, after tone marks are removed; vowels keep their
# own diacritics (â, ă, ê, ô, ơ, ư), which is enough to reject "ndm", "thdng", "Luqt".
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|nh|ng|[cmnpt])?$"
)
_EDGE_PUNCT = "\"'“”‘’()[]{}<>.,;:!?…*%"
_CODE_CHARS = re.compile(r"[/\-–:@_=&]")
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class LayerScore:
    judged: int
    syllable_share: float
    diacritic_share: float

    @property
    def garbage(self) -> bool:
        if self.judged < MIN_JUDGED:
            return False
        return (
            self.syllable_share < MIN_SYLLABLE_SHARE or self.diacritic_share < MIN_DIACRITIC_SHARE
        )


def _strip_tones(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    kept = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", kept)


@lru_cache(maxsize=65536)  # every page is judged word by word, and words recur
def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable, whatever its tone ("được", "hành", "khuya")."""
    return bool(_SYLLABLE.match(_strip_tones(word)))


def _judged(token: str) -> str | None:
    """The token as a word to judge, or None for numbers, codes and abbreviations."""
    word = token.strip(_EDGE_PUNCT)
    if not word or not _HAS_LETTER.search(word) or _CODE_CHARS.search(word):
        return None
    if word.isupper() and len(word) > 1:
        return None  # UBND, CCHC, headings in capitals: judged by nobody
    return word


def score_text(tokens: Iterable[str]) -> LayerScore:
    judged = [w for w in (_judged(t) for t in tokens) if w is not None]
    if not judged:
        return LayerScore(0, 1.0, 1.0)
    syllables = sum(1 for w in judged if is_syllable(w))
    diacritics = sum(1 for w in judged if not w.isascii())
    return LayerScore(len(judged), syllables / len(judged), diacritics / len(judged))


def text_layer_of(tokens: list[str]) -> TextLayer:
    """ "none" without any text, "garbage" when the words are not Vietnamese, else "ok"."""
    if not any(t.strip() for t in tokens):
        return "none"
    return "garbage" if score_text(tokens).garbage else "ok"
