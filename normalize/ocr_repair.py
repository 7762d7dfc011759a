"""Repair OCR output of header lines against closed lists, never by free guessing.

Tesseract reads a scanned header with small slips: a tone mark ("quyét định"), a letter
("ninh blnh"), a digit for a letter ("S6:"). Each slip is repaired only where the header
can hold one thing from a short list (normalize/data/ocr_header_terms.yaml): a whole
line (the motto, the type word, a signer's position, a body's name), a few words in a
known slot (a province after "tỉnh" or before ", ngày"; the words of the number and date
lines), or a long fixed phrase inside a line ("ỦY BAN NHÂN DÂN"). A candidate must be
close both without tone marks (the letters are right) and with them (the marks are
near), so a different correct word is never replaced.

Works on a line's words, one string each, and returns as many: a line keeps its words'
positions, so the reader's geometry still holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from normalize.datafiles import data_file
from normalize.patterns import OCR_GLUED_DATE_WORD, OCR_YEAR
from normalize.registry import agencies, provinces
from normalize.text import fold_ws, nfc

LINE_PLAIN = 88.0  # ratio of a line to an entry, tone marks aside ...
LINE_MARKED = 60.0  # ... and with them (OCR often loses several marks on one line)
SHORT_PLAIN = 100.0  # an entry of fewer than 8 letters must match exactly, marks aside
PHRASE_MIN_WORDS = 3  # fixed phrases found inside a line are at least this long
PLACE_PLAIN = 80.0  # a province name in its slot, tone marks aside
_EDGE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


@dataclass(frozen=True, slots=True)
class _Entry:
    text: str
    plain: str
    words: int
    caps_only: bool = False  # repairs only a line read in capitals
    group: str = ""


@dataclass(frozen=True, slots=True)
class _Lists:
    lines: tuple[_Entry, ...]
    phrases: tuple[_Entry, ...]
    places: tuple[_Entry, ...]
    markers: frozenset[str]
    number_label: str
    date_words: tuple[str, ...]


def plain(text: str) -> str:
    """Lower case without tone marks or punctuation, for comparing OCR with a list only:
    OCR confuses marks, so the letters are compared apart from them."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", letters))


def _entry(text: str, *, caps_only: bool = False, group: str = "") -> _Entry:
    text = nfc(text)
    return _Entry(text, plain(text), len(text.split()), caps_only, group)


@cache
def _lists() -> _Lists:
    data = data_file("ocr_header_terms.yaml")
    groups = data["lines"]
    caps_groups = set(data["caps_only"]["groups"])
    lines = tuple(
        _entry(t, caps_only=key in caps_groups, group=key)
        for key, values in groups.items()
        if key != "source"
        for t in values
    )
    slots = data["slots"]
    places = tuple(_entry(p.name) for p in provinces())
    return _Lists(
        lines=lines,
        phrases=tuple(e for e in lines if e.words >= PHRASE_MIN_WORDS),
        places=places,
        markers=frozenset(plain(m) for m in slots["province_markers"]),
        number_label=nfc(slots["number_label"]),
        date_words=tuple(nfc(w) for w in slots["date_words"]),
    )


def _mostly_caps(written: str) -> bool:
    letters = [c for c in written if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) * 10 >= 8 * len(letters)


def _in_case_of(written: str, entry: str) -> str:
    return entry.upper() if _mostly_caps(written) else entry


def _exact(written: str, entry: _Entry) -> bool:
    return plain(written) == entry.plain and fold_ws(nfc(written)).lower() == entry.text.lower()


def _close(written: str, entry: _Entry, plain_cutoff: float) -> bool:
    mine = plain(written)
    if not mine or mine == entry.plain and nfc(written).lower() == entry.text.lower():
        return False  # nothing to repair
    cutoff = SHORT_PLAIN if len(entry.plain) < 8 else plain_cutoff
    return (
        fuzz.ratio(mine, entry.plain) >= cutoff
        and fuzz.ratio(nfc(written).lower(), entry.text.lower()) >= LINE_MARKED
    )


def _whole_line(words: list[str]) -> list[str] | None:
    text = " ".join(words)
    core = _EDGE.match(text)
    assert core is not None
    lead, body, tail = core.groups()
    entries = _lists().lines
    if any(_exact(body, e) for e in entries):
        return None  # already right: never moved to a neighbouring entry
    key = plain(body)
    caps = _mostly_caps(body)
    best = max(
        (e for e in entries if (caps or not e.caps_only) and _close(body, e, LINE_PLAIN)),
        key=lambda e: fuzz.ratio(key, e.plain),
        default=None,
    )
    if best is None:
        return None
    return [lead + _in_case_of(body, best.text) + tail] + [""] * (len(words) - 1)


def _replace(words: list[str], start: int, stop: int, text: str) -> None:
    core = _EDGE.match(words[stop - 1])
    tail = core.group(3) if core else ""
    words[start] = text + tail
    for i in range(start + 1, stop):
        words[i] = ""


def _word_by_word(window: Sequence[str], entry: _Entry) -> bool:
    """Each word of the window within a slip of the entry's word at its place: a
    phrase found inside a line must not swallow a neighbour ("TỊCH ỦY BAN NHÂN DÂN"
    is not "TM. ỦY BAN NHÂN DÂN")."""
    theirs = entry.text.split()
    if len(theirs) != len(window):
        return False
    for mine, their in zip(window, theirs, strict=True):
        a, b = plain(mine), plain(their)
        if Levenshtein.distance(a, b) > max(1, len(b) // 3):
            return False
    return True


def _glued(window: Sequence[str], entry: _Entry) -> bool:
    """OCR lost a space between two of the entry's words ("ỦY BANNHÂN DÂN")."""
    mine = plain(" ".join(window))
    return (
        mine.split()[:1] == entry.plain.split()[:1]
        and mine.replace(" ", "") == entry.plain.replace(" ", "")
    )


def _phrases(words: list[str]) -> None:
    """Long fixed phrases inside a longer line ("UBND TỈNH X ... CỘNG HÒA XÃ HỘI …")."""
    for entry in _lists().phrases:
        n = entry.words
        if entry.caps_only and not _mostly_caps(" ".join(words)):
            continue
        for start in range(0, len(words) - n + 1):
            window = words[start : start + n]
            text = " ".join(window)
            if _close(text, entry, LINE_PLAIN) and _word_by_word(window, entry):
                _replace(words, start, start + n, _in_case_of(text, entry.text))
        for start in range(0, len(words) - n + 2):
            window = words[start : start + n - 1]
            if window and all(window) and _glued(window, entry):
                text = " ".join(window)
                _replace(words, start, start + n - 1, _in_case_of(text, entry.text))


def _best_place(window: str, n: int) -> _Entry | None:
    key = plain(window)
    return max(
        (e for e in _lists().places if e.words == n),
        key=lambda e: fuzz.ratio(key, e.plain),
        default=None,
    )


def _leading_type(words: list[str]) -> None:
    """A type word opening a line in capitals ("BIỂN BẢN HỌP HỘI ĐỒNG …")."""
    if not _mostly_caps(" ".join(words)):
        return
    for entry in _lists().lines:
        n = entry.words
        if entry.group != "doc_types" or len(words) <= n:
            continue
        window = words[:n]
        text = " ".join(window)
        if _close(text, entry, LINE_PLAIN) and _word_by_word(window, entry):
            _replace(words, 0, n, entry.text.upper())
            return


def _place_in(words: list[str], spans: Sequence[tuple[int, int]]) -> None:
    """A province name in the first of `spans` (start, stop) that holds one."""
    for start, stop in spans:
        if start < 0 or stop > len(words) or start >= stop:
            continue
        window = " ".join(words[start:stop])
        best = _best_place(window, stop - start)
        if best and _close(window, best, PLACE_PLAIN):
            _replace(words, start, stop, _in_case_of(window, best.text))
            return


def _places(words: list[str]) -> None:
    """After "tỉnh"/"thành phố", and before ", ngày" of the place and date line."""
    for i, word in enumerate(words[:-1]):
        if plain(word) in _lists().markers:
            _place_in(words, [(i + 1, i + 1 + n) for n in (3, 2, 1)])
    date_at = _date_word_index(words, 0)
    if date_at and words[date_at - 1].endswith(","):
        _place_in(words, [(date_at - n, date_at) for n in (3, 2, 1)])


def _one_edit(word: str, target: str) -> bool:
    mine = plain(word)
    return bool(mine) and Levenshtein.distance(mine, plain(target)) <= (1 if len(mine) > 2 else 0)


def _date_word_index(words: Sequence[str], index: int) -> int | None:
    return next(
        (
            i
            for i, w in enumerate(words)
            if _is_date_word(w, index) and _before_figure(words, i, index)
        ),
        None,
    )


_FILLED = re.compile(r"^[\d._…/-]*\d[\d._…/-]*[,.]?$|^[._…]+$")


def _before_figure(words: Sequence[str], i: int, index: int) -> bool:
    """A date word stands before what its slot holds: "ngày" and "tháng" before a
    figure, a blank or the next date word; "năm" before the year."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if index == 2:
        return OCR_YEAR.match(nxt) is not None
    return bool(_FILLED.match(nxt) or _LOOKALIKE_FIGURE.match(nxt)) or _is_date_word(
        nxt, index + 1
    )


def _is_date_word(word: str, index: int) -> bool:
    return _one_edit(word, _lists().date_words[index]) and plain(word) not in _lists().markers


# letters OCR reads for the digits of a day or month ("ngày l7", "tháng O3")
_DIGIT_LOOKALIKES = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "o": "0"})
_LOOKALIKE_FIGURE = re.compile(r"^(?=.*\d)[\dlI|Oo]{1,2}$")


def _figures(words: list[str], found: Sequence[tuple[int, int]]) -> None:
    for i, k in found:
        if k < 2 and i + 1 < len(words) and _LOOKALIKE_FIGURE.match(words[i + 1]):
            words[i + 1] = words[i + 1].translate(_DIGIT_LOOKALIKES)


def _dates(words: list[str]) -> None:
    """"ngày … tháng … năm YYYY": a line with a year and at least two of the three
    words, each where its slot is."""
    if not OCR_YEAR.search(" ".join(words)):
        return
    found = [
        (i, k)
        for k in range(3)
        for i in range(len(words))
        if _is_date_word(words[i], k) and _before_figure(words, i, k)
    ]
    if len({k for _, k in found}) < 2:
        return
    for i, k in found:
        core = _EDGE.match(words[i])
        assert core is not None
        words[i] = core.group(1) + _lists().date_words[k] + core.group(3)
    _figures(words, found)


def _number_label(words: list[str]) -> None:
    """"S6:", "Sé:", "Sô" before a number or a blank, at the start of a line or a column."""
    for i, word in enumerate(words[:1]):  # the label opens its line
        head = word.rstrip(":;.")
        nxt = words[i + 1] if len(words) > 1 else ""
        if (
            len(head) in (2, 3)
            and head[:1] == "S"
            and Levenshtein.distance(plain(head), "so") <= 1
            and word != _lists().number_label + ":"
            and (word.endswith((":", ";")) or re.match(r"[\d/._]", nxt))
        ):
            words[i] = _lists().number_label + ":"


# Letters OCR puts for Vietnamese ones: the Icelandic eth for "Đ" (no Vietnamese word
# has it), and the eth read twice over one "Đ" ("QĐÐ-UBND").
_GLYPHS = (("ĐÐ", "Đ"), ("Ð", "Đ"), ("ð", "đ"))


def _letters(word: str) -> str:
    for wrong, right in _GLYPHS:
        word = word.replace(wrong, right)
    return OCR_GLUED_DATE_WORD.sub(" ", word)


def repair_ocr_words(words: Sequence[str]) -> list[str]:
    """One OCR line's words, repaired; as many strings as words ("" for words merged
    into the one before, a word with a space for one split in two)."""
    owners, flat = [], []
    for i, word in enumerate(words):
        for part in _letters(nfc(word)).split(" "):
            owners.append(i)
            flat.append(part)
    if not flat:
        return []
    repaired = _whole_line(flat)
    if repaired is None:
        repaired = flat
        _number_label(repaired)
        _leading_type(repaired)
        _dates(repaired)
        _places(repaired)
        _phrases(repaired)
    out = [""] * len(words)
    for owner, part in zip(owners, repaired, strict=True):
        if part:
            out[owner] = f"{out[owner]} {part}" if out[owner] else part
    return out


@cache
def _name_pairs() -> dict[str, str]:
    """Two-word pieces of the names a header holds (the registry's agencies, the
    provinces, the lists above), by their letters without tone marks; a piece whose
    letters stand for two differently marked pieces is left out (ambiguous)."""
    names = [e.name for e in agencies()] + [a for e in agencies() for a in e.aliases]
    names += [e.name for e in provinces()] + [e.text for e in _lists().lines]
    found: dict[str, set[str]] = {}
    for name in names:
        words = nfc(name).lower().split()
        for a, b in zip(words, words[1:], strict=False):
            pair = f"{a} {b}"
            if re.fullmatch(r"[^\W\d_]+ [^\W\d_]+", pair):
                found.setdefault(plain(pair), set()).add(pair)
    return {key: next(iter(pairs)) for key, pairs in found.items() if len(pairs) == 1}


def _cased_like(written: str, word: str) -> str:
    if written.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if written[:1].isupper() else word


def repair_ocr_names(words: Sequence[str]) -> list[str]:
    """Tone marks of a header line's words set right where two neighbours spell, tone
    marks aside, a two-word piece of a known name ("HỘI ĐÔNG" → "HỘI ĐỒNG", "thâm định"
    → "thẩm định"). For the header zone only: body prose has other words."""
    out = list(words)
    pairs = _name_pairs()
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        core_b = _EDGE.match(b)
        assert core_b is not None
        key = plain(f"{a} {core_b.group(2)}")
        right = pairs.get(key)
        if right is None or f"{a} {core_b.group(2)}".lower() == right or not a.isalpha():
            continue
        first, second = right.split(" ")
        out[i] = _cased_like(a, first)
        out[i + 1] = core_b.group(1) + _cased_like(core_b.group(2), second) + core_b.group(3)
    return out


def repair_ocr_line(text: str) -> str:
    return " ".join(w for w in repair_ocr_words(text.split()) if w)


__all__ = ["plain", "repair_ocr_line", "repair_ocr_names", "repair_ocr_words"]
