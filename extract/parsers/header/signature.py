"""The signature block (TM./KT. …, chức vụ, họ tên) and the recipients (nơi nhận).

Nghị định 30/2020/NĐ-CP, Phụ lục I §II.7–8: at the foot of the document, the recipients
on the left; on the right the signing authority ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH";
"T/M BAN THƯỜNG VỤ" in party documents), the position ("PHÓ CHỦ TỊCH"), the signature,
and the name. Transcriptions may fold the block into one line or leave "(ký)" markers.
"""

from __future__ import annotations

import re
from functools import cache

from extract.parsers.header.lines import Line, is_caps
from normalize.header_terms import (
    government_case,
    is_signed_marker,
    opens_recipients,
    position_of,
    signing_prefixes,
    split_trailing_position,
    starts_with_admin_level,
)
from schemas.record import Signer

_MAX_BLOCK_LINES = 8
_ITEM_EDGES = re.compile(r"^[\s\-–+•*]+|[\s;,.]+$")


@cache
def _prefix_re() -> re.Pattern[str]:
    forms = "|".join(re.escape(p) for p in signing_prefixes())
    return re.compile(rf"(?:(?<=\s)|^)(?P<prefix>{forms})(?=\s)")


def _starts_with_prefix(text: str) -> bool:
    m = _prefix_re().match(text)
    return m is not None and is_caps(text[m.end() :])


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(map(_is_name_word, words)) and position_of(text) is None


def _block_start(line: Line) -> bool:
    return _starts_with_prefix(line.text) or (
        is_caps(line.text) and position_of(line.text) is not None
    )


def _collect(lines: list[Line], start: int) -> list[str]:
    """The signature block's lines from `start`, up to and with the signer's name."""
    block: list[str] = []
    for line in lines[start : start + _MAX_BLOCK_LINES]:
        if is_signed_marker(line.text):
            continue
        if is_caps(line.text):
            if block and _second_office(line.text, block):
                continue  # "PHÓ GIÁM ĐỐC SỞ NỘI VỤ" under "PHÓ CHỦ TỊCH": the signer's other office
            if block and not _continues_block(line.text):
                break
            block.append(line.text)
            continue
        if _is_name(line.text) or _trailing_name(line.text)[1]:
            block.append(line.text)
        break
    return block


def _second_office(text: str, block: list[str]) -> bool:
    """A position followed by a body, after the block's own position line."""
    words = text.split()
    opens_with_position = any(
        position_of(" ".join(words[:n])) for n in range(1, min(len(words), 5))
    )
    return opens_with_position and any(position_of(b) for b in block)


def _continues_block(text: str) -> bool:
    """A later line of the block: another signing prefix, a position, or the tail of a
    body's name ("TỈNH NGHỆ AN"). A heading after a nameless block ends it."""
    return (
        _starts_with_prefix(text) or position_of(text) is not None or starts_with_admin_level(text)
    )


def _trailing_name(text: str) -> tuple[str, str | None]:
    words = text.split()
    n = 0
    while n < len(words) and n < 5 and _is_name_word(words[len(words) - 1 - n]):
        n += 1
    if n < 2:
        return text, None
    return " ".join(words[:-n]), " ".join(words[-n:])


def _is_name_word(word: str) -> bool:
    """'Vinh', 'Hồng': a capital and lower-case letters (a person's name syllable)."""
    return word.isalpha() and word[:1].isupper() and (len(word) == 1 or word[1:].islower())


def parse_signature_text(text: str) -> Signer:
    """'KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Hồng Vinh' → name, position, authority.

    The authority is the last signing prefix with what it governs, in government
    casing ("KT. Chủ tịch"); the position is the one the block ends with.
    """
    rest, name = _trailing_name(text)
    segments = _split_prefixes(rest)
    authority = position = None
    if segments and segments[-1][0]:
        prefix, body = segments[-1]
        words = body.split()
        head, trailing = split_trailing_position(body)
        if trailing and head:
            body, position = head, trailing
        elif len(words) == 0:
            body = ""
        authority = f"{prefix} {government_case(body)}".strip() if body else prefix
    elif segments:
        position = position_of(segments[-1][1]) or (
            government_case(segments[-1][1]) if segments[-1][1] else None
        )
    return Signer(name=name, position=position, authority=authority)


def _split_prefixes(text: str) -> list[tuple[str | None, str]]:
    cuts = list(_prefix_re().finditer(text))
    if not cuts:
        return [(None, text.strip())] if text.strip() else []
    segments: list[tuple[str | None, str]] = []
    for i, m in enumerate(cuts):
        end = cuts[i + 1].start() if i + 1 < len(cuts) else len(text)
        segments.append((m.group("prefix"), text[m.end() : end].strip()))
    return segments


def find_signer(lines: list[Line]) -> tuple[Signer, int] | None:
    """The first signature block in `lines` that names its signer (else the first block
    at all), and the position of its first line."""
    first: tuple[Signer, int] | None = None
    for i, line in enumerate(lines):
        if not _block_start(line):
            continue
        block = _collect(lines, i)
        signer = parse_signature_text(" ".join(block))
        if signer.name:
            return signer, i
        if first is None and (signer.authority or signer.position):
            first = (signer, i)
    return first


def find_recipients(lines: list[Line]) -> tuple[list[str], int] | None:
    """The items under the first "Nơi nhận:", as written without list marks and end
    punctuation, and the position of the "Nơi nhận:" line."""
    for i, line in enumerate(lines):
        if not opens_recipients(line.text):
            continue
        items: list[str] = []
        same_line = line.text.split(":", 1)[1] if ":" in line.text else ""
        items.extend(_split_items(same_line))
        for nxt in lines[i + 1 :]:
            if _block_start(nxt) or is_caps(nxt.text) or _is_name(nxt.text):
                break
            if not (nxt.text.lstrip().startswith(("-", "+", "•", "–")) or nxt.in_table):
                break
            item = _ITEM_EDGES.sub("", nxt.text)
            if item:
                items.append(item)
        return items, i
    return None


def _split_items(text: str) -> list[str]:
    """Items folded onto the "Nơi nhận:" line: '- Như Điều 3; - Bộ Nội vụ;'."""
    parts = re.split(r"(?:^|[;,.])\s*[-–+•]\s", text.strip()) if text.strip() else []
    return [item for p in parts if (item := _ITEM_EDGES.sub("", p))]
