"""Deadline phrasings that name no calendar period: ongoing, recurring, conditional.

The phrases live in data/deadline_phrases.yaml; this module only matches them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from normalize.datafiles import data_file
from normalize.phrases import PhraseSet
from normalize.text import fold_key, fold_ws, nfc
from schemas.codes import DeadlineKind, Recurrence

# Cells repeat ("Thường xuyên" fills half a table), so their keys are worth keeping.
_key = lru_cache(maxsize=8192)(fold_key)
# Finest first: a list of periods recurs at the finest one it names.
_FINENESS = (Recurrence.MONTHLY, Recurrence.QUARTERLY, Recurrence.SEMIANNUAL, Recurrence.ANNUAL)
_LIST_SEPARATOR = re.compile(r"\s*(?:[,;/&+()]|\bvà\b|\bhoặc\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Phrases:
    relative: PhraseSet[str]
    before: tuple[str, ...]
    plan_year: tuple[str, ...]
    ongoing: PhraseSet[str]
    conditional: PhraseSet[str]
    markers: tuple[str, ...]
    continuations: tuple[str, ...]
    fillers: tuple[str, ...]
    periods: dict[str, Recurrence]  # fold_key of the phrase → its recurrence
    recurring_alone: PhraseSet[str]
    since: tuple[str, ...]
    onward: PhraseSet[str]
    relative_recurrence: PhraseSet[Recurrence]


@cache
def phrases() -> Phrases:
    data = data_file("deadline_phrases.yaml")

    def keys(group: str) -> tuple[str, ...]:
        # Longest first, so that removing "báo cáo" happens before removing "báo".
        return tuple(
            sorted({fold_key(row["phrase"]) for row in data[group]}, key=len, reverse=True)
        )

    return Phrases(
        relative=PhraseSet.of(keys("relative")),
        before=keys("before"),
        plan_year=keys("plan_year"),
        ongoing=PhraseSet.of(keys("ongoing")),
        conditional=PhraseSet.of(keys("conditional")),
        markers=keys("recurrence_markers"),
        continuations=keys("continuation_words"),
        fillers=keys("recurrence_fillers"),
        periods={
            fold_key(r["phrase"]): Recurrence(r["recurrence"]) for r in data["recurrence_periods"]
        },
        recurring_alone=PhraseSet.of(keys("recurring_alone")),
        since=keys("since"),
        onward=PhraseSet.of(keys("onward")),
        relative_recurrence=PhraseSet(
            (r["phrase"], Recurrence(r["recurrence"])) for r in data["relative_recurrence"]
        ),
    )


@cache
def words_as_written(group: str) -> tuple[str, ...]:
    """The phrases of a group matched as written (NFC), not on fold_key: "đến", "và" …"""
    return tuple(nfc(str(row["phrase"])) for row in data_file("deadline_phrases.yaml")[group])


def finest(recurrences: list[Recurrence]) -> Recurrence | None:
    return min(recurrences, key=_FINENESS.index) if recurrences else None


def _strip_words(key: str, words: tuple[str, ...]) -> tuple[str, bool]:
    found = False
    for w in words:
        padded = f" {key} "
        if f" {w} " in padded:
            found = True
            key = padded.replace(f" {w} ", " ").strip()
            while f" {w} " in f" {key} ":
                key = f" {key} ".replace(f" {w} ", " ").strip()
    return key, found


def recurrence_list(text: str) -> Recurrence | None:
    """The finest period of a cell made only of reporting periods, else None.

    "Theo quý, 6 tháng, năm" → quarterly; "06 tháng, cuối năm" → semiannual;
    "Hàng tháng" → monthly. One bare period ("Năm") is not a recurrence.
    """
    p = phrases()
    pieces = [piece for piece in _LIST_SEPARATOR.split(nfc(text)) if _key(piece)]
    if not pieces:
        return None
    marked = False
    found: list[Recurrence] = []
    for piece in pieces:
        key, has_marker = _strip_words(_key(piece), p.markers)
        key, _ = _strip_words(key, p.fillers)
        marked = marked or has_marker
        if not key:
            continue
        if key not in p.periods:
            return None
        found.append(p.periods[key])
    if not found or (len(found) == 1 and not marked):
        return None
    return finest(found)


def _marked_recurrence(key: str) -> tuple[bool, Recurrence | None]:
    """('định kỳ' or 'hàng tháng' … present, the finest period so marked)."""
    found = _marked_periods(key)
    return bool(found) or phrases().recurring_alone.contains(key, folded=True), finest(found)


def _marked_periods(key: str) -> list[Recurrence]:
    padded = f" {key} "
    return [rec for phrase, rec in _repeat_phrases() if phrase in padded]


@cache
def _repeat_phrases() -> tuple[tuple[str, Recurrence], ...]:
    """ " hàng tháng ", " định kỳ quý " …: a repeat word and a period, padded for whole words."""
    p = phrases()
    return tuple((f" {m} {period} ", rec) for period, rec in p.periods.items() for m in p.markers)


def marked_recurrence(text: str) -> Recurrence | None:
    """The finest period named with a repeat word: "Tháng 12 hàng năm" → annual."""
    return finest(_marked_periods(_key(text)))


def ends_with_continuation(line: str) -> bool:
    """Whether a line stops on a word that needs the next line ("… hướng dẫn của")."""
    words = _key(line).split()
    return bool(words) and words[-1] in phrases().continuations


def classify_phrase(text: str) -> tuple[DeadlineKind, Recurrence | None]:
    """Kind of a deadline clause that names no calendar period (unspecified if unknown)."""
    p = phrases()
    key = _key(text)
    listed = recurrence_list(text)
    if listed is not None:
        return DeadlineKind.RECURRING, listed
    if p.relative.contains(key, folded=True):
        return DeadlineKind.CONDITIONAL, None
    recurring, recurrence = _marked_recurrence(key)
    if recurring:
        return DeadlineKind.RECURRING, recurrence
    relative = relative_recurrence(text)
    if relative is not None:
        return DeadlineKind.RECURRING, relative
    if p.ongoing.contains(key, folded=True):
        return DeadlineKind.ONGOING, None
    if p.conditional.contains(key, folded=True):
        return DeadlineKind.CONDITIONAL, None
    return DeadlineKind.UNSPECIFIED, None


def is_relative(text: str) -> bool:
    """Whether the clause counts from an event ("01 tháng sau khi … công bố")."""
    return phrases().relative.contains(_key(text), folded=True)


def relative_recurrence(text: str) -> Recurrence | None:
    """The period a day is named against ("… năm sau", "… tháng cuối quý"), if any."""
    found = phrases().relative_recurrence.find(_key(text), folded=True)
    return finest([match.value for match in found])


def ends_with_since(gap: str) -> bool:
    """Whether the text just before a period says "từ" (work from then on)."""
    key = _key(fold_ws(gap))
    return any(key == s or key.endswith(" " + s) for s in phrases().since)


def starts_onward(after: str) -> bool:
    """Whether the text right after a period says it goes on ("và các năm tiếp theo")."""
    key = _key(fold_ws(after))
    return phrases().onward.opens(key, folded=True) is not None


def ends_with_before(gap: str) -> bool:
    """Whether the text just before a period says "trước" (due before it starts)."""
    key = _key(fold_ws(gap))
    return any(key == b or key.endswith(" " + b) for b in phrases().before)
