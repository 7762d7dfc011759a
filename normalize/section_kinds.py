"""What a plan's part is for ("MỤC TIÊU" → targets), and where the plan's text ends."""

from __future__ import annotations

from functools import cache, lru_cache

from normalize.datafiles import data_file
from normalize.phrases import PhraseSet
from normalize.text import fold_key
from schemas.codes import SectionKind

_MAX_HEADING_WORDS = 12  # a longer "heading" is a numbered sentence, not a part title


@cache
def _data() -> tuple[PhraseSet[SectionKind], PhraseSet[str]]:
    raw = data_file("section_kinds.yaml")
    kinds = PhraseSet(
        (p, SectionKind(row["kind"])) for row in raw["kinds"] for p in row["phrases"]
    )
    return kinds, PhraseSet.of(row["phrase"] for row in raw["ends"])


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
    found = _data()[0].opens(key, folded=True)
    return found.value if found else None


@lru_cache(maxsize=4096)
def is_plan_end(text: str) -> bool:
    """True for the line after which a plan's own text is over: "PHỤ LỤC", "Nơi nhận:",
    "Trên đây là Kế hoạch …". A mention ("(… tại phụ lục kèm theo)") is not."""
    return _data()[1].opens(text[:80]) is not None
