"""Tone marks placed as the government writes names ("Uỷ ban" → "Ủy ban", "Khánh Hoà" →
"Khánh Hòa", CONTRACT §2), for names vanban keeps as written: the registry's own names
are already in that style, a name it does not know is not.

underthesea's `text_normalize` knows the placement rules (offline, a table lookup; measured
in the README). It also re-spaces punctuation, so it is given one word at a time, and a
word whose letters or tone it would change (not only move) keeps its own spelling.
"""

from __future__ import annotations

import re
from functools import cache

from normalize.text import fold_key, nfc

_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _placed(word: str) -> str:
    from underthesea.pipeline.text_normalize import text_normalize

    placed = nfc(text_normalize(word))
    return placed if fold_key(placed) == fold_key(word) and " " not in placed else word


def government_tone_marks(text: str) -> str:
    """`text` with each word's tone mark where the government's style places it; nothing
    else changes (letters, case, spacing, punctuation).

    >>> government_tone_marks("Trung tâm Y tế huyện Thuỷ Nguyên, Khánh Hoà")
    'Trung tâm Y tế huyện Thủy Nguyên, Khánh Hòa'
    """
    text = nfc(text)
    if text.isascii():
        return text
    return _LETTERS.sub(lambda m: _placed(m.group(0)), text)
