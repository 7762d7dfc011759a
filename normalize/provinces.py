"""Provinces and centrally-run cities: the 63 before 1 July 2025, the 34 after.

Data: data/provinces.csv (names, kinds, aliases, when each existed) and
data/province_mergers.csv (Nghị quyết 202/2025/QH15, and Huế's 2025 change of status).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from normalize.nlp import Token, key_of, tokenize
from normalize.registry import ProvinceEntry, province_mergers, provinces
from normalize.text import fold_ws, nfc

# The words that say "this is a province" before its name: tỉnh, thành phố, TP (expanded).
_MARKERS: tuple[tuple[str, ...], ...] = (("tinh3",), ("thanh2", "phô1"))
_LONGEST_MARKER = 2


@dataclass(frozen=True)
class ProvinceMatch:
    """A province name found in a token list: tokens [start, end) with the marker, if any."""

    start: int
    end: int
    name: str
    marked: bool


@cache
def _index() -> dict[tuple[str, ...], str]:
    index: dict[tuple[str, ...], str] = {}
    for entry in provinces():
        for form in (entry.name, *entry.aliases):
            index[key_of(form)] = entry.name
    return index


@cache
def _first_keys() -> frozenset[str]:
    return frozenset(k[0] for k in _index())


@cache
def _longest_name() -> int:
    return max(len(k) for k in _index())


@cache
def _by_name() -> dict[str, ProvinceEntry]:
    return {p.name: p for p in provinces()}


def _strip_marker(keys: tuple[str, ...]) -> tuple[str, ...]:
    for marker in _MARKERS:
        if keys[: len(marker)] == marker and len(keys) > len(marker):
            return keys[len(marker) :]
    return keys


def canonical_province(text: str) -> str | None:
    """The province's canonical name, or None.

    >>> canonical_province("TP. Hồ Chí Minh"), canonical_province("tỉnh Thừa Thiên - Huế")
    ('Hồ Chí Minh', 'Thừa Thiên Huế')
    """
    keys = key_of(fold_ws(nfc(text)))
    index = _index()
    return index.get(keys) or index.get(_strip_marker(keys))


def province_kind(name: str) -> str | None:
    """'tỉnh' or 'thành phố' for a canonical province name."""
    entry = _by_name().get(name)
    return entry.kind if entry else None


def _looks_like_name(tokens: Sequence[Token]) -> bool:
    # Province names are proper nouns: "hòa bình" (peace) or "cao bằng" (as high as) in
    # running text is not a province.
    return all(t.text[0].isupper() for t in tokens if t.kind == "word")


def _marker_before(words: Sequence[Token], start: int) -> int:
    """How many tokens before `start` spell a marker (0 when none); "TP" is one token."""
    for n in range(1, _LONGEST_MARKER + 1):
        if start >= n:
            keys = tuple(k for t in words[start - n : start] for k in t.keys)
            if keys in _MARKERS:
                return n
    return 0


def match_province_at(words: Sequence[Token], i: int) -> tuple[int, str] | None:
    """The longest province name starting at word token `i`: (number of tokens, name)."""
    if not words[i].keys or words[i].keys[0] not in _first_keys():
        return None
    index = _index()
    keys: list[str] = []
    best = None
    for j in range(i, min(len(words), i + _longest_name())):
        keys.extend(words[j].keys)
        name = index.get(tuple(keys))
        if name and _looks_like_name(words[i : j + 1]):
            best = (j + 1 - i, name)
    return best


def find_provinces(words: Sequence[Token]) -> list[ProvinceMatch]:
    """Province names in a list of word tokens, each with its marker when there is one."""
    found = []
    i = 0
    while i < len(words):
        hit = match_province_at(words, i)
        if hit is None:
            i += 1
            continue
        size, name = hit
        back = _marker_before(words, i)
        found.append(ProvinceMatch(i - back, i + size, name, back > 0))
        i += size
    return found


def find_province(text: str) -> str | None:
    """The province a heading or a place line names; a name after "tỉnh"/"thành phố" wins.

    >>> find_province("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"), find_province("Hà Tĩnh, ngày 31 tháng 12")
    ('Nghệ An', 'Hà Tĩnh')
    """
    words = [t for t in tokenize(text) if t.kind == "word"]
    matches = find_provinces(words)
    marked = [m for m in matches if m.marked]
    chosen = marked or matches
    return chosen[0].name if chosen else None


def province_successor(name: str, *, as_of: dt.date) -> str | None:
    """What the province had become by `as_of`; None when it was unchanged.

    >>> province_successor("Yên Bái", as_of=dt.date(2025, 7, 1))
    'Lào Cai'
    """
    current = canonical_province(name) or name
    changed = False
    for _ in range(len(province_mergers())):
        step = next(
            (m for m in province_mergers() if m.old == current and m.effective_date <= as_of),
            None,
        )
        if step is None:
            break
        current, changed = step.new, True
    return current if changed else None


def provinces_on(day: dt.date) -> list[str]:
    """The provinces and centrally-run cities that existed on `day`."""
    return [
        p.name
        for p in provinces()
        if (p.since is None or p.since <= day) and (p.until is None or day <= p.until)
    ]
