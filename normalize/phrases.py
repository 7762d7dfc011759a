"""Whole-phrase matching on fold_key: the one way every word list is looked for in a text.

A phrase matches where its words stand as whole words in the text's fold_key, so case,
spacing, punctuation and tone-mark placement never matter, and "thể chế" is not found
inside "thể chếch". Each phrase carries a value (an area, a column role …); what to do
when several match (earliest, longest …) is the caller's rule, not this module's.

>>> PhraseSet.of(["thể chế"]).contains("Cải cách THỂ CHẾ.")
True
>>> PhraseSet.of(["căn cứ", "căn cứ vào"]).opens("Căn cứ vào Luật …").key
'căn cứ vào'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from normalize.text import fold_key

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """One phrase found in a text: its key, its value and where the key starts."""

    key: str  # the phrase's fold_key
    value: T
    start: int  # offset of the phrase in the text's fold_key

    @property
    def words(self) -> int:
        return self.key.count(" ") + 1


class PhraseSet(Generic[T]):
    """Phrases with a value each, matched on whole words of fold_key.

    Build it once (from a data file) and keep it: the keys are folded on construction.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        self._items = tuple((key, value) for phrase, value in items if (key := fold_key(phrase)))

    @classmethod
    def of(cls, phrases: Iterable[str]) -> PhraseSet[str]:
        """A set whose values are the phrases' own keys."""
        return PhraseSet((phrase, fold_key(phrase)) for phrase in phrases)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[tuple[str, T]]:
        """(key, value) in the order the phrases were given."""
        return iter(self._items)

    def keys(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self._items)

    def find(self, text: str, *, folded: bool = False) -> list[PhraseMatch[T]]:
        """Every phrase found in `text` (its first place), in the order they were given.

        Pass `folded=True` when `text` is already a fold_key, to skip folding it again.
        """
        key = text if folded else fold_key(text)
        if not key:
            return []
        padded = f" {key} "
        found = []
        for phrase, value in self._items:
            at = padded.find(f" {phrase} ")
            if at >= 0:
                found.append(PhraseMatch(phrase, value, at))
        return found

    def opens(self, text: str, *, folded: bool = False) -> PhraseMatch[T] | None:
        """The longest phrase `text` opens with, as whole words (the first given among
        phrases of one length), or None: "căn cứ" opens "Căn cứ Luật …", not "Căn cứu"."""
        key = text if folded else fold_key(text)
        best: PhraseMatch[T] | None = None
        for phrase, value in self._items:
            opened = key.startswith(phrase) and key[len(phrase) : len(phrase) + 1] in ("", " ")
            if opened and (best is None or len(phrase) > len(best.key)):
                best = PhraseMatch(phrase, value, 0)
        return best

    def contains(self, text: str, *, folded: bool = False) -> bool:
        """Whether any phrase stands in `text` as whole words."""
        key = text if folded else fold_key(text)
        padded = f" {key} "
        return any(f" {phrase} " in padded for phrase, _ in self._items)
