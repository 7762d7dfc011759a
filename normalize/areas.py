"""Reform area (lĩnh vực cải cách) of a heading or task, by the words that name it.

The phrasings live in data/areas.yaml. A text may name several areas ("Ứng dụng công
nghệ thông tin trong giải quyết thủ tục hành chính"); the one named first wins, because
headings and group rows put their subject first.
"""

from __future__ import annotations

from functools import cache, lru_cache

from normalize.datafiles import data_file
from normalize.phrases import PhraseSet
from schemas.codes import Area


@cache
def _phrases() -> PhraseSet[Area]:
    rows = data_file("areas.yaml")["areas"]
    return PhraseSet((phrase, Area(row["area"])) for row in rows for phrase in row["phrases"])


def area_phrases() -> dict[Area, list[str]]:
    """The comparison keys of every phrasing, by area (for tests and documentation)."""
    table: dict[Area, list[str]] = {}
    for key, area in _phrases():
        table.setdefault(area, []).append(key)
    return table


@lru_cache(maxsize=4096)
def area_of(text: str) -> Area | None:
    """The reform area a heading or task names, or None when it names none.

    >>> area_of("CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    <Area.THU_TUC_HANH_CHINH: 'thu_tuc_hanh_chinh'>
    """
    # the earliest phrase wins, the longer one on a tie, the first listed after that
    matches = _phrases().find(text)
    best = min(matches, key=lambda m: (m.start, -len(m.key)), default=None)
    return best.value if best else None
