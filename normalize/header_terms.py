"""The fixed vocabulary of a document's header and signature block (data/header_terms.yaml):
the motto, signing prefixes (TM., KT. …), positions, body names, and the casing the
government writes them in.

>>> government_case("PHÓ CHỦ TỊCH")
'Phó Chủ tịch'
>>> government_case("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", province="Nghệ An")
'Ủy ban nhân dân tỉnh Nghệ An'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from normalize.datafiles import data_file
from normalize.doc_types import doc_type_names
from normalize.patterns import HEADER_ROMAN_WORD
from normalize.phrases import PhraseSet
from normalize.text import fold_key, fold_ws, nfc

_WORD = re.compile(r"\w+", re.UNICODE)
_WORD_SPLIT = re.compile(r"(\w+)", re.UNICODE)
_TONE_MARKS = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]+(?:ch|ng|nh|[cmnpt])?$"
)
_MAX_PHRASE_WORDS = 8


@dataclass(frozen=True)
class _Vocab:
    motto: PhraseSet[str]
    signing_prefixes: tuple[str, ...]
    positions: dict[str, str]  # fold_key -> as written
    official_titles: PhraseSet[str]
    body_heads: PhraseSet[str]
    admin_levels: PhraseSet[str]
    casing: dict[str, str]
    openers: PhraseSet[str]
    motto_openers: PhraseSet[str]
    subject_marks: PhraseSet[str]
    recipients_openers: PhraseSet[str]
    signed_markers: tuple[str, ...]


@cache
def _vocab() -> _Vocab:
    data = data_file("header_terms.yaml")

    def phrases(section: str, field: str = "names") -> PhraseSet[str]:
        return PhraseSet.of(data[section][field])

    casing = {fold_key(n): nfc(n) for n in data["casing"]["names"]}
    positions = {fold_key(n): nfc(n) for n in data["positions"]["names"]}
    return _Vocab(
        motto=PhraseSet.of(data["motto"]["phrases"]),
        signing_prefixes=tuple(nfc(f) for f in data["signing_prefixes"]["forms"]),
        positions=positions,
        official_titles=phrases("official_titles"),
        body_heads=phrases("body_heads"),
        admin_levels=phrases("admin_levels"),
        casing={**casing, **positions},
        openers=phrases("preamble_openers", "phrases"),
        motto_openers=phrases("motto_openers", "phrases"),
        subject_marks=phrases("subject_marks", "phrases"),
        recipients_openers=phrases("recipients_openers", "phrases"),
        signed_markers=tuple(fold_ws(nfc(x)).lower() for x in data["signed_markers"]["phrases"]),
    )


def is_motto(text: str) -> bool:
    """The national motto, its tagline or the party's title (never an agency line)."""
    return _vocab().motto.contains(text)


def signing_prefixes() -> tuple[str, ...]:
    """'TM.', 'KT.', 'T/M' … as written, longest first."""
    return _vocab().signing_prefixes


def position_of(text: str) -> str | None:
    """The position a line names exactly ("PHÓ CHỦ TỊCH" → "Phó Chủ tịch"), or None."""
    return _vocab().positions.get(fold_key(text))


def split_trailing_position(text: str) -> tuple[str, str | None]:
    """("T/M BAN THƯỜNG VỤ", "Phó Bí thư") from "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ".

    The longest position the text ends with; the text is returned whole when none.
    """
    words = text.split()
    for n in range(min(len(words), 5), 0, -1):
        position = position_of(" ".join(words[-n:]))
        if position is not None:
            return " ".join(words[:-n]), position
    return text, None


def strip_official_title(text: str) -> str | None:
    """The body an authority line names without its head's title, or None when the
    line does not open with a title: "CHÁNH VĂN PHÒNG ỦY BAN …" → "VĂN PHÒNG ỦY BAN …"."""
    title = _vocab().official_titles.opens(text)
    if title is None:
        return None
    n_words = title.words
    rest = _WORD.findall(text)
    if len(rest) <= n_words:
        return None
    # cut the text after the title's words, keeping the rest as written
    matches = list(_WORD.finditer(text))
    return text[matches[n_words].start() :].strip()


def starts_with_body_head(text: str) -> bool:
    """'SỞ NỘI VỤ', 'VĂN PHÒNG …', 'ĐẢNG ỦY …': the name of a body."""
    return _vocab().body_heads.opens(text) is not None


def starts_with_admin_level(text: str) -> bool:
    """'TỈNH NGHỆ AN', 'THÀNH PHỐ HÀ NỘI': the tail of the body name above it."""
    return _vocab().admin_levels.opens(text) is not None


def preamble_opener(text: str) -> str | None:
    """The opener ('căn cứ', 'thực hiện' …, as a fold key) a paragraph starts with.
    A list item ("- Thực hiện …") is a task, not a preamble: None."""
    if not text.lstrip()[:1].isalpha():
        return None
    opener = _vocab().openers.opens(text[:60])
    return opener.key if opener else None


def opens_motto(text: str) -> bool:
    """Whether a line opens like the motto's second line ("Độc lập - Tự do …")."""
    return _vocab().motto_openers.opens(text) is not None


def opens_recipients(text: str) -> bool:
    """Whether a line opens the recipients block ("Nơi nhận:")."""
    return _vocab().recipients_openers.opens(text) is not None


def after_subject_mark(text: str) -> str | None:
    """The subject a "V/v …" line gives ("" when nothing follows the mark), or None when
    the line has no such mark.

    >>> after_subject_mark("V/v triển khai Kế hoạch CCHC")
    'triển khai Kế hoạch CCHC'
    """
    key = fold_key(text)
    mark = _vocab().subject_marks.opens(key, folded=True)
    if mark is None or mark.key == key:
        return None  # a mark alone on its line ("V/v:") gives no subject
    return text.split(" ", 1)[1] if " " in text else ""


def is_signed_marker(text: str) -> bool:
    """'(ký)', '(Đã ký)': where a signature stood in a transcription."""
    return fold_ws(nfc(text)).lower().strip("*_ ") in _vocab().signed_markers


def _is_acronym(word: str) -> bool:
    # "UBND", "HĐND", "CCHC", "ISO" are not Vietnamese syllables: keep them as written.
    if not word.isupper() or len(word) < 2:
        return False
    base = "".join(ch for ch in unicodedata.normalize("NFD", word.lower()) if ch not in _TONE_MARKS)
    return _SYLLABLE.match(unicodedata.normalize("NFC", base)) is None


def _case_word(word: str) -> str:
    if word.isdigit() or HEADER_ROMAN_WORD.match(word) or _is_acronym(word):
        return word
    return word.lower()


def _apply_phrases(words: list[str], phrases: dict[str, str]) -> list[str]:
    out = list(words)
    keys = [fold_key(w) for w in words]
    i = 0
    while i < len(words):
        for n in range(min(_MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            canonical = phrases.get(" ".join(keys[i : i + n]))
            if canonical is not None:
                canon_words = _WORD.findall(canonical)
                if len(canon_words) == n:
                    out[i : i + n] = canon_words
                    i += n
                    break
        else:
            i += 1
    return out


def government_case(text: str, *, province: str | None = None) -> str:
    """Re-case a line typed in capitals the way the government writes it.

    Known names (data: casing, positions) take their written form, the province name
    its canonical form, acronyms and Roman numerals stay, other words go lower case;
    the first letter is upper case.
    """
    pieces = _WORD_SPLIT.split(nfc(text))  # separators at even, words at odd positions
    words = [_case_word(w) for w in pieces[1::2]]
    phrases = dict(_vocab().casing)
    if province:
        phrases[fold_key(province)] = nfc(province)
    words = _apply_phrases(words, phrases)
    pieces[1::2] = words
    out = "".join(pieces).strip()
    return out[:1].upper() + out[1:]


def _with_name(name: str) -> Callable[[re.Match[str]], str]:
    return lambda m: m.group(1) + name


def sentence_case_title(text: str, *, province: str | None = None) -> str:
    """An ALL-CAPS title (trích yếu) in the sentence case of titles typed normally.

    Government casing (above), and a document type named as the object of "ban hành",
    "phê duyệt" or "triển khai" is capitalised as a document's name is: "VỀ VIỆC BAN
    HÀNH KẾ HOẠCH …" → "Về việc ban hành Kế hoạch …".
    """
    cased = government_case(text, province=province)
    for name in doc_type_names():
        pattern = re.compile(
            rf"(\b(?:ban hành|phê duyệt|triển khai|thực hiện)\s+){re.escape(name.lower())}\b"
        )
        cased = pattern.sub(_with_name(name), cased)
    return cased
