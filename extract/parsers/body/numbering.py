"""Labels that open a paragraph: "II.", "1.", "1.1.", "a)", "đ)", bullets.

Vietnamese plans number their parts with Roman numerals, then Arabic numbers
(dotted for sub-levels: "1.1.", "7.1.1."), then letters in Vietnamese alphabet order
(a b c d đ e g h i k l m n …, no f, j, w, z), then bullets ("-", "+", "•").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from normalize.patterns import BODY_BULLET, BODY_LETTER, BODY_LETTER_DOT, BODY_NUMBER, BODY_ROMAN

LabelKind = Literal["roman", "number", "letter", "bullet"]

VIETNAMESE_LETTERS = tuple("abcdđeghiklmnopqrstuvxy")  # no f, j, w, z
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}

# Markdown emphasis and heading marks that a reader may leave around a label.
_MARKUP = re.compile(r"^(?:#{1,6}\s+|\*{1,3}|_{1,3}|\s+)+")


@dataclass(frozen=True)
class Label:
    kind: LabelKind
    text: str  # as written, without surrounding markup: "a)", "1.1.", "II."
    # (2,) for "II." and "2.", (1, 1) for "1.1.", (5,) for "đ)"; () for bullets
    number: tuple[int, ...]
    rest: str  # the paragraph's text after the label


def strip_markup(text: str) -> str:
    """Drop Markdown heading marks and emphasis around a line ("## **2. Cải cách**")."""
    text = _MARKUP.sub("", text, count=1)
    return text.rstrip(" \t*_").replace("**", "").strip()


def roman_value(numeral: str) -> int | None:
    """The value of a Roman numeral up to L, or None when it is not one written properly."""
    total, prev = 0, 0
    for ch in reversed(numeral.upper()):
        value = _ROMAN_VALUES.get(ch)
        if value is None:
            return None
        total += -value if value < prev else value
        prev = max(prev, value)
    return total if to_roman(total) == numeral.upper() else None


def to_roman(n: int) -> str:
    out = []
    numerals = ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    for value, numeral in numerals:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def letter_value(letter: str) -> int | None:
    letter = letter.lower()
    return VIETNAMESE_LETTERS.index(letter) + 1 if letter in VIETNAMESE_LETTERS else None


def parse_label(text: str) -> Label | None:
    """The label a paragraph opens with, or None.

    >>> parse_label("1.1. Xây dựng hệ thống").number
    (1, 1)
    >>> parse_label("đ) Tổ chức thực hiện").number
    (5,)
    """
    text = strip_markup(text)
    for finder in (_roman_label, _number_label, _letter_label, _bullet_label):
        label = finder(text)
        if label is not None:
            return label
    return None


def _roman_label(text: str) -> Label | None:
    m = BODY_ROMAN.match(text)
    if not m:
        return None
    value = roman_value(m["n"])
    if value is None:
        return None
    return Label("roman", m["label"].strip(), (value,), text[m.end() :].strip())


def _number_label(text: str) -> Label | None:
    m = BODY_NUMBER.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip()
    # "2,5%" or "0.5 điểm" opening a line are figures, not labels.
    if rest[:1] in ("%",) or re.match(r"(?:điểm|%)\b", rest):
        return None
    parts = tuple(int(p) for p in re.split(r"\s?\.\s?", m["n"]) if p)
    return Label("number", m["label"].replace(" ", ""), parts, rest)


def _letter_label(text: str) -> Label | None:
    m = BODY_LETTER.match(text) or BODY_LETTER_DOT.match(text)
    if not m:
        return None
    value = letter_value(m["n"])
    if value is None or m["n"].isupper():
        return None
    return Label("letter", m["label"].replace(" ", ""), (value,), text[m.end() :].strip())


def _bullet_label(text: str) -> Label | None:
    m = BODY_BULLET.match(text)
    if not m:
        return None
    return Label("bullet", m["label"], (), text[m.end() :].strip())
