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
    words: PhraseSet[str]  # every word of the phrasings: a clause is searched once


def _indicator(row: dict) -> Indicator:
    phrasings = tuple(tuple(fold_key(w) for w in p) for p in row["phrasings"])
    return Indicator(
        code=row["code"],
        label=row["label"],
        source=row["source"],
        area=Area(row["area"]) if row.get("area") else None,
        phrasings=phrasings,
        words=PhraseSet.of(dict.fromkeys(w for p in phrasings for w in p)),
    )


@cache
def indicators() -> tuple[Indicator, ...]:
    return tuple(_indicator(row) for row in data_file("indicators.yaml")["indicators"])


@lru_cache(maxsize=4096)
def indicator_of(text: str) -> str | None:
    """The code of the indicator a clause speaks of, or None.

    >>> indicator_of("Tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu 75%")
    'online_payment'
    """
    key = fold_key(text)
    best: tuple[int, str] | None = None
    for indicator in indicators():
        found = {m.key for m in indicator.words.find(key, folded=True)}
        for words in indicator.phrasings:
            if all(w in found for w in words):
                weight = sum(len(w) for w in words)
                if best is None or weight > best[0]:
                    best = (weight, indicator.code)
    return best[1] if best else None


def indicator_area(code: str | None) -> Area | None:
    """The reform area an indicator belongs to (None for whole-reform indices)."""
    return next((i.area for i in indicators() if i.code == code), None)
