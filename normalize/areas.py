"""Reform area (lĩnh vực cải cách) of a heading or task, by the words that name it.

The phrasings live in data/areas.yaml. A text may name several areas ("Ứng dụng công
nghệ thông tin trong giải quyết thủ tục hành chính"); the one named first wins, because
headings and group rows put their subject first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from normalize.datafiles import load_yaml
from normalize.text import fold_key
from schemas.codes import Area

_DATA = Path(__file__).parent / "data" / "areas.yaml"


@dataclass(frozen=True)
class _Phrase:
    area: Area
    key: str
    pattern: re.Pattern[str]


def _key_pattern(key: str) -> re.Pattern[str]:
    # fold_key output is words separated by single spaces: match whole words only.
    return re.compile(r"(?<!\S)" + re.escape(key) + r"(?!\S)")


@cache
def _phrases() -> tuple[_Phrase, ...]:
    rows = load_yaml(_DATA)["areas"]
    phrases = []
    for row in rows:
        area = Area(row["area"])
        for phrase in row["phrases"]:
            key = fold_key(phrase)
            phrases.append(_Phrase(area, key, _key_pattern(key)))
    return tuple(phrases)


def area_phrases() -> dict[Area, list[str]]:
    """The comparison keys of every phrasing, by area (for tests and documentation)."""
    table: dict[Area, list[str]] = {}
    for phrase in _phrases():
        table.setdefault(phrase.area, []).append(phrase.key)
    return table


@lru_cache(maxsize=4096)
def area_of(text: str) -> Area | None:
    """The reform area a heading or task names, or None when it names none.

    >>> area_of("CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    <Area.THU_TUC_HANH_CHINH: 'thu_tuc_hanh_chinh'>
    """
    key = fold_key(text)
    if not key:
        return None
    best: tuple[int, int, Area] | None = None
    for phrase in _phrases():
        match = phrase.pattern.search(key)
        if match is None:
            continue
        rank = (match.start(), -len(phrase.key), phrase.area)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return best[2] if best else None
