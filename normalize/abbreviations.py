"""Abbreviations of agency names (UBND, KH&ĐT, TT&TT…) expanded from data/abbreviations.csv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from normalize.registry import abbreviations
from normalize.text import nfc


@dataclass(frozen=True)
class AbbreviationMatch:
    start: int
    end: int
    expansion: str


@cache
def _pattern() -> re.Pattern[str]:
    # Longest first, so "LĐTB&XH" wins over shorter overlaps. The lookarounds keep
    # document symbols alone: the "CP" of "NĐ-CP" and the "TW" of "57-NQ/TW" stay as written.
    abbrs = sorted((a.abbr for a in abbreviations()), key=len, reverse=True)
    alternatives = "|".join(re.escape(a) for a in abbrs)
    return re.compile(rf"(?<![\w/&-])(?:{alternatives})(?![\w/&-])")


@cache
def _expansions() -> dict[str, str]:
    return {a.abbr: a.expansion for a in abbreviations()}


def find_abbreviations(text: str) -> list[AbbreviationMatch]:
    """Where the abbreviations of the registry occur in `text` (already NFC)."""
    table = _expansions()
    return [
        AbbreviationMatch(m.start(), m.end(), table[m.group()]) for m in _pattern().finditer(text)
    ]


def expand_abbreviations(text: str) -> str:
    """Replace each abbreviation by its full form.

    >>> expand_abbreviations("Sở KH&ĐT, UBND cấp huyện")
    'Sở Kế hoạch và Đầu tư, Ủy ban nhân dân cấp huyện'
    """
    text = nfc(text)
    table = _expansions()
    return _pattern().sub(lambda m: table[m.group()], text)
