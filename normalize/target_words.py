"""The words that mark a target in a sentence (data/target_words.yaml).

>>> names_aim("Phấn đấu ít nhất có 03 sáng kiến"), opens_target_lead_in("Nhiệm vụ:")
(True, False)
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from normalize.datafiles import data_file
from normalize.phrases import PhraseSet
from normalize.text import nfc


@cache
def _words(group: str) -> tuple[str, ...]:
    return tuple(nfc(str(p)) for p in data_file("target_words.yaml")[group]["phrases"])


@cache
def _aims() -> PhraseSet[str]:
    return PhraseSet.of(_words("aims"))


@cache
def _lead_ins() -> PhraseSet[str]:
    return PhraseSet.of(_words("lead_ins"))


def names_aim(text: str) -> bool:
    """Whether a sentence aims at a figure ("phấn đấu", "tối thiểu", "không dưới" …)."""
    return _aims().contains(text)


@lru_cache(maxsize=4096)
def opens_target_lead_in(text: str) -> bool:
    """Whether a list's lead-in opens with a target word ("Phấn đấu đến năm 2030:")."""
    return _lead_ins().opens(text) is not None


@cache
def subject_pattern() -> re.Pattern[str]:
    """The nouns a measured target opens with, as a pattern on the sentence as written
    (the caller needs their offsets): "tỷ lệ", "mức độ", "chỉ số"."""
    words = "|".join(re.escape(w) for w in sorted(_words("subjects"), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
