"""What web copies, drafts and signed files add around a header (issue 14), as data in
normalize/data/header_sources.yaml: the draft stamp, the time of the e-signature note,
types outside the contract's list. Pure functions on one line of text; the header
parser decides what to do with them. Site furniture is normalize.site_furniture's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from normalize.datafiles import data_file
from normalize.patterns import SIGNATURE_NOTE_DATE
from normalize.phrases import PhraseSet
from normalize.text import fold_key


@dataclass(frozen=True)
class _Terms:
    draft: re.Pattern[str]
    time_labels: PhraseSet[str]
    other_types: PhraseSet[str]
    not_abbreviations: tuple[str, ...]
    title_openers: frozenset[str]


@cache
def _terms() -> _Terms:
    data = data_file("header_sources.yaml")
    draft, note = data["draft"], data["signature_note"]
    rounds = "|".join(re.escape(fold_key(r)) for r in draft["rounds"])
    # "du thao", "du thao lan 2", "du thao 3", "du thao ngay 12 3 2025", "(du thao)"
    day = re.escape(fold_key("ngày"))
    pattern = rf"^{re.escape(fold_key(draft['word']))}(?: (?:(?:{rounds}) )?\d+)?(?: {day}\b.*)?$"
    return _Terms(
        draft=re.compile(pattern),
        time_labels=PhraseSet.of(note["time_labels"]),
        other_types=PhraseSet.of(data["other_types"]["words"]),
        not_abbreviations=tuple(data["not_abbreviations"]["phrases"]),
        title_openers=frozenset(fold_key(t) for t in data["title_openers"]["phrases"]),
    )


def is_draft_stamp(text: str) -> bool:
    """'DỰ THẢO', 'Dự thảo lần 2', '(Dự thảo)', 'DỰ THẢO 3': a stamp, alone on its line."""
    return _terms().draft.match(fold_key(text.strip(" ()[]*"))) is not None


def opens_with_other_type(text: str) -> bool:
    """'BIÊN BẢN HỌP …', 'PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC': a type outside the
    contract's list, at the start of its line."""
    return _terms().other_types.opens(text) is not None


def opens_title(opener: str) -> bool:
    """Whether a preamble opener (as header_terms.preamble_opener gives it, a fold key)
    may also open a title."""
    return opener in _terms().title_openers


def words_not_abbreviations(text: str) -> str:
    """Phrases whose capitals look like an abbreviation ("SỞ TƯ PHÁP") written in their
    own casing first, so that expanding abbreviations leaves them alone."""
    for phrase in _terms().not_abbreviations:
        text = re.sub(rf"\b{re.escape(phrase)}\b", phrase, text, flags=re.IGNORECASE)
    return text


def signature_date(text: str) -> dt.date | None:
    """The date of an e-signature note's time line ('Thời gian ký: 13/11/2025 15:53:50')."""
    if _terms().time_labels.opens(text) is None:
        return None
    m = SIGNATURE_NOTE_DATE.search(text)
    if m is None:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


__all__ = [
    "is_draft_stamp",
    "opens_title",
    "opens_with_other_type",
    "signature_date",
    "words_not_abbreviations",
]
