"""Tone marks placed as the government writes names ("Uỷ ban" → "Ủy ban", "Khánh Hoà" →
"Khánh Hòa", CONTRACT §2), for names vanban keeps as written: the registry's own names
are already in that style, a name it does not know is not.

underthesea's `text_normalize` knows the placement rules (offline, a table lookup; measured
in the README). It also re-spaces punctuation, so it is given one word at a time, and a
word whose letters or tone it would change (not only move) keeps its own spelling.

Importing underthesea costs about 0.3 s (its package loads joblib, numpy and requests), so
a word goes to it only when its tone mark may be out of place: `may_move` is a cheap
superset of the words underthesea moves (tests/normalize/test_tone_marks.py checks it
against every entry of underthesea's table), and most documents never import it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from normalize.text import TONE_MARKS, fold_key, nfc

_LETTERS = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aăâeêioôơuưy")
_SHAPED = frozenset("ăâêôơư")  # a vowel with its own mark takes the tone
_ONSETS = frozenset({"qu", "gi"})  # their u, i belong to the consonant before a vowel
_MAX_TOKEN = 6  # underthesea's token_normalize leaves longer tokens as they are
# underthesea's table moves these away from the government's placement ("lòa" → "loà");
# they go to it so that the output stays what it gives
_TABLE_QUIRKS = frozenset({"lòa", "nòa"})


@cache
def _placed(word: str) -> str:
    from underthesea.pipeline.text_normalize import text_normalize

    placed = nfc(text_normalize(word))
    return placed if fold_key(placed) == fold_key(word) and " " not in placed else word


def may_move(word: str) -> bool:
    """False when the government's placement rule already holds for `word` (or it has no
    tone mark): underthesea would not move its mark. True for anything unusual."""
    if len(word) > _MAX_TOKEN:
        return False
    word = word.lower()
    if word in _TABLE_QUIRKS:
        return True
    letters, toned = _letters_and_tones(word)
    if not toned:
        return False
    if len(toned) > 1 or None in toned:
        return True
    vowels = _vowel_run(letters)
    return vowels is None or toned[0] != _government_position(letters, vowels)


def _letters_and_tones(word: str) -> tuple[list[str], list[int | None]]:
    """The letters without tone marks, and the index of each letter carrying one."""
    letters: list[str] = []
    toned: list[int | None] = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONE_MARKS:
            toned.append(len(letters) - 1 if letters else None)
        elif unicodedata.combining(ch) and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + ch)
        else:
            letters.append(ch)
    return letters, toned


def _vowel_run(letters: list[str]) -> list[int] | None:
    """Indexes of the syllable's vowels ("qu", "gi" before a vowel are consonants);
    None unless there is exactly one run of them."""
    runs: list[list[int]] = []
    for i, letter in enumerate(letters):
        if letter in _VOWELS:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    if len(runs) != 1:
        return None
    run = runs[0]
    first = run[0]
    if len(run) > 1 and first > 0 and letters[first - 1] + letters[first] in _ONSETS:
        run = run[1:]
    return run


def _government_position(letters: list[str], run: list[int]) -> int:
    """Where Nghị định 30 puts the tone: on the shaped vowel (ươ: on ơ); before a final
    consonant on the last vowel; else the middle of three ("ngoài") or the first of two
    ("hòa", "thủy")."""
    shaped = [i for i in run if letters[i] in _SHAPED]
    if shaped:
        return shaped[-1]
    if run[-1] < len(letters) - 1 or len(run) == 1:
        return run[-1]
    return run[1] if len(run) == 3 else run[0]


def government_tone_marks(text: str) -> str:
    """`text` with each word's tone mark where the government's style places it; nothing
    else changes (letters, case, spacing, punctuation).

    >>> government_tone_marks("Trung tâm Y tế huyện Thuỷ Nguyên, Khánh Hoà")
    'Trung tâm Y tế huyện Thủy Nguyên, Khánh Hòa'
    """
    text = nfc(text)
    if text.isascii():
        return text
    return _LETTERS.sub(_place_word, text)


def _place_word(m: re.Match[str]) -> str:
    word = m.group(0)
    return _placed(word) if may_move(word) else word
