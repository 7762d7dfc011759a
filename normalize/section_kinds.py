"""What a plan's part is for ("MỤC TIÊU" → targets), and where the plan's text ends."""

from __future__ import annotations

from functools import cache, lru_cache

from normalize.datafiles import data_file
from normalize.text import fold_key
from schemas.codes import SectionKind

_MAX_HEADING_WORDS = 12  # a longer "heading" is a numbered sentence, not a part title


@cache
def _data() -> tuple[tuple[tuple[str, SectionKind], ...], tuple[str, ...]]:
    raw = data_file("section_kinds.yaml")
    kinds = [
        (fold_key(p), SectionKind(row["kind"])) for row in raw["kinds"] for p in row["phrases"]
    ]
    kinds.sort(key=lambda pair: len(pair[0]), reverse=True)
    return tuple(kinds), tuple(fold_key(row["phrase"]) for row in raw["ends"])


def _starts_with(key: str, phrase: str) -> bool:
    return key == phrase or key.startswith(phrase + " ")


@lru_cache(maxsize=4096)
def section_kind_of(heading: str) -> SectionKind | None:
    """The kind a part's heading names ("NHIỆM VỤ VÀ GIẢI PHÁP" → tasks), or None.

    >>> section_kind_of("MỤC ĐÍCH, YÊU CẦU")
    <SectionKind.PURPOSE: 'purpose'>
    """
    if len(heading.split()) > 2 * _MAX_HEADING_WORDS:
        return None  # cheap test first: long numbered sentences are the common case
    key = fold_key(heading)
    if not key or len(key.split()) > _MAX_HEADING_WORDS:
        return None
    for phrase, kind in _data()[0]:
        if _starts_with(key, phrase):
            return kind
    return None


@lru_cache(maxsize=4096)
def is_plan_end(text: str) -> bool:
    """True for the line after which a plan's own text is over: "PHỤ LỤC", "Nơi nhận:",
    "Trên đây là Kế hoạch …". A mention ("(… tại phụ lục kèm theo)") is not."""
    key = fold_key(text[:80])
    return any(_starts_with(key, phrase) for phrase in _data()[1])
