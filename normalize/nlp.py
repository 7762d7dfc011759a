"""Word tokens with comparison keys.

The tokens are what the agency and province matchers walk on, and what the spaCy pipeline
of `normalize.entities` is tokenized by: each word carries its `fold_key` syllables (an
abbreviation carries those of its expansion), so "UBND tỉnh" and "Ủy ban nhân dân tỉnh"
give the same keys while the token still points at what was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from normalize.abbreviations import find_abbreviations
from normalize.text import fold_key, nfc

TokenKind = Literal["word", "sep", "punct"]
_PIECE = re.compile(r"\w+|[,;:]|[^\w\s]", re.UNICODE)
_SEPARATORS = frozenset(",;:")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    keys: tuple[str, ...]  # fold_key syllables; empty for punctuation
    kind: TokenKind


@lru_cache(maxsize=65536)
def _word_keys(word: str) -> tuple[str, ...]:
    return tuple(fold_key(word).split())


def _plain_tokens(text: str, offset: int) -> list[Token]:
    tokens = []
    for m in _PIECE.finditer(text):
        piece = m.group()
        if piece[0].isalnum() or piece[0] == "_":
            tokens.append(
                Token(
                    piece,
                    offset + m.start(),
                    offset + m.end(),
                    _word_keys(piece),
                    "word",
                )
            )
        else:
            kind: TokenKind = "sep" if piece in _SEPARATORS else "punct"
            tokens.append(Token(piece, offset + m.start(), offset + m.end(), (), kind))
    return tokens


def tokenize(text: str) -> list[Token]:
    """Split NFC text into words (with keys), separators (, ; :) and other punctuation.

    >>> [t.keys for t in tokenize("UBND tỉnh")][0][:2]
    ('uy3', 'ban')
    """
    text = nfc(text)
    tokens: list[Token] = []
    pos = 0
    for abbr in find_abbreviations(text):
        tokens.extend(_plain_tokens(text[pos : abbr.start], pos))
        keys = tuple(fold_key(abbr.expansion).split())
        tokens.append(Token(text[abbr.start : abbr.end], abbr.start, abbr.end, keys, "word"))
        pos = abbr.end
    tokens.extend(_plain_tokens(text[pos:], pos))
    return tokens


def key_of(phrase: str) -> tuple[str, ...]:
    """The key syllables of a phrase, abbreviations expanded, punctuation dropped."""
    return tuple(k for t in tokenize(phrase) for k in t.keys)
