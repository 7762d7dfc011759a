"""Indicator (chỉ tiêu) a target measures, from the controlled list in data/indicators.yaml.

The same aim must get the same code in every document ("Mức độ hài lòng … về giải quyết
TTHC đạt trên 95%" in one province, "… từ 95% trở lên" in another), so matching is by
meaning-bearing words, not by the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from normalize.datafiles import data_file
from normalize.phrases import PhraseSet
from normalize.text import fold_key
from schemas.codes import Area


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    source: str
    area: Area | None
    phrasings: tuple[tuple[str, ...], ...]  # each a tuple of fold_key'd words, all required


@cache
def indicators() -> tuple[Indicator, ...]:
    rows = data_file("indicators.yaml")["indicators"]
    return tuple(
        Indicator(
            code=row["code"],
            label=row["label"],
            source=row["source"],
            area=Area(row["area"]) if row.get("area") else None,
            phrasings=tuple(tuple(fold_key(w) for w in p) for p in row["phrasings"]),
        )
        for row in rows
    )


@cache
def _words() -> PhraseSet[str]:
    """Every word of every phrasing, to be looked for once per clause."""
    return PhraseSet.of(dict.fromkeys(w for i in indicators() for p in i.phrasings for w in p))


@lru_cache(maxsize=4096)
def indicator_of(text: str) -> str | None:
    """The code of the indicator a clause speaks of, or None.

    >>> indicator_of("Tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu 75%")
    'online_payment'
    """
    key = fold_key(text)
    # substrings first, in C: most phrasings miss a word outright, and only a clause
    # with candidates is matched on whole words
    candidates = [
        (indicator.code, words)
        for indicator in indicators()
        for words in indicator.phrasings
        if all(w in key for w in words)
    ]
    if not candidates:
        return None
    found = {m.key for m in _words().find(key, folded=True)}
    best: tuple[int, str] | None = None
    for code, words in candidates:
        if all(w in found for w in words):
            weight = sum(len(w) for w in words)
            if best is None or weight > best[0]:
                best = (weight, code)
    return best[1] if best else None


def indicator_area(code: str | None) -> Area | None:
    """The reform area an indicator belongs to (None for whole-reform indices)."""
    return next((i.area for i in indicators() if i.code == code), None)
