"""The head of an attached document: "ĐIỀU LỆ … / (Kèm theo Quyết định số … ngày … của …)".

Điều lệ, Quy chế, Quy định, Kế hoạch, Phương án issued with a decision carry the issuer
block and the motto, a type line and a title, but no number or date line of their own:
the note under the title names the parent decision. That decision is recorded as the
parent (Header.attached_to), never as the attachment's own number or date.
Word files often type the heading and its note as one paragraph, and some provinces put
the type word and the title on one line ("QUY CHẾ LÀM VIỆC CỦA …"); both are split back
into the lines a header has, so the zone reads them as it reads any header.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.parsers.header.issuer import canonical_body, issuer_from_note
from extract.parsers.header.lines import Line, is_caps, type_line
from extract.parsers.header.plan import is_note_start, note_end
from extract.parsers.header.sources import doc_type_line
from normalize.citations import find_citations
from normalize.text import fold_ws
from schemas.codes import DocType
from schemas.record import ParentDocument

_INLINE_NOTE = re.compile(r"\((?:ban hành\s+)?kèm theo\b", re.IGNORECASE)
_SPACED_SLASH = re.compile(r"(\d)\s+/\s*(?=[^\W\d])")  # "1424 /QĐ-UBND" typed apart
_MAX_HEAD_LINES = 60  # the header zone's reach (parse._MAX_ZONE_LINES)
_TYPE_WORDS = 2  # every type word of the contract is two words ("QUY CHẾ", "KẾ HOẠCH")


def _split_type(head: str) -> list[str]:
    """'QUY CHẾ LÀM VIỆC CỦA …' → ['QUY CHẾ', 'LÀM VIỆC CỦA …']; a type outside the
    contract's list ("ĐIỀU LỆ …") stays whole: its words are the only record of it."""
    words = head.split()
    if len(words) <= _TYPE_WORDS or doc_type_line(head) is not None:
        return [head]
    word = " ".join(words[:_TYPE_WORDS])
    found = type_line(word)
    if found is None or found == DocType.OTHER:
        return [head]
    return [word, " ".join(words[_TYPE_WORDS:])]


def _opens_attachment(head: str) -> bool:
    return is_caps(head) and (
        doc_type_line(head) is not None or len(_split_type(head)) == 2
    )


def split_attachment_heads(lines: list[Line]) -> list[Line]:
    """The heading of an attached document as a header's lines: type word, title, note."""
    out: list[Line] = []
    for n, line in enumerate(lines):
        parts = [line.text]
        m = _INLINE_NOTE.search(line.text) if n < _MAX_HEAD_LINES else None
        if m is not None and m.start() > 0 and _opens_attachment(line.text[: m.start()].strip()):
            parts = [*_split_type(line.text[: m.start()].strip()), line.text[m.start() :]]
        elif (
            n < _MAX_HEAD_LINES
            and n + 1 < len(lines)
            and is_note_start(lines[n + 1].text)
            and _opens_attachment(line.text)
        ):
            parts = _split_type(line.text)
        out.extend(replace(line, text=part) for part in parts)
    return out


def note_in(lines: list[Line], start: int, end: int) -> tuple[int, int] | None:
    """First and last line of the "(Kèm theo …)" note between `start` and `end`."""
    for i in range(start, end):
        if is_note_start(lines[i].text):
            return i, note_end(lines, i)
    return None


def parent_of(note: str, *, province: str | None) -> ParentDocument:
    """The decision the note names: its number, symbol, date and issuer."""
    raw = fold_ws(note).strip()
    found = find_citations(_SPACED_SLASH.sub(r"\1/", raw))
    match = next((m for m in found if m.attachment), found[0] if found else None)
    who = issuer_from_note(raw)
    return ParentDocument(
        doc_type=match.doc_type if match else None,
        number=match.number if match else None,
        symbol=match.symbol if match else None,
        issuer=canonical_body(who, province=province) if who else None,
        issued_date=match.date.iso() if match and match.date else None,
        raw=raw,
    )
