"""The issuing body (cơ quan ban hành) from the agency block, or, when a draft or a
transcription lost the block, from what else names it.

Order of evidence when the block is missing (each a statement of the document itself,
none a guess from its subject):
1. the authority line without its head's title: "CHÁNH VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH"
   → "Văn phòng Ủy ban nhân dân tỉnh";
2. the attached plan's note: "(Kèm theo Quyết định số … của Văn phòng UBND tỉnh)";
3. the body naming itself as the plan's author: "…, Đảng ủy Văn phòng Ủy ban nhân dân
   tỉnh (Đảng ủy Văn phòng) xây dựng kế hoạch …".
A name ending in "tỉnh"/"thành phố" without a province gets the province of the place
line: "Văn phòng Ủy ban nhân dân tỉnh Nghệ An".
"""

from __future__ import annotations

import re

from extract.parsers.header.lines import is_caps
from normalize.abbreviations import expand_abbreviations
from normalize.header_sources import words_not_abbreviations
from normalize.header_terms import (
    government_case,
    starts_with_admin_level,
    starts_with_body_head,
    strip_official_title,
)
from normalize.provinces import find_province, province_kind
from normalize.text import fold_key, fold_ws

_NOTE_ISSUER = re.compile(r"\bcủa\s+(?P<who>[^)]+?)\s*\)?\s*$", re.IGNORECASE)
_SELF_AUTHOR = re.compile(
    r"(?:^|[,;]\s*)(?P<who>[^,;()]{4,100}?)\s*(?:\([^)]*\)\s*)?"
    r"(?:xây dựng|ban hành)\s+(?:kế hoạch|chương trình)",
    re.IGNORECASE,
)
_SELF_CLOSING = re.compile(r"\.\s+(?P<who>[^.;()]{4,100}?)\s+(?:đề nghị|yêu cầu)\s", re.IGNORECASE)
_LEVELS = ("tỉnh", "thành phố")


def split_agency_block(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, parent) from the agency block's lines.

    "ỦY BAN NHÂN DÂN / TỈNH NGHỆ AN" is one name on two lines; "UBND TỈNH NGHỆ AN /
    SỞ NỘI VỤ" is a parent and the issuer under it.
    """
    bodies: list[str] = []
    for line in lines:
        if bodies and (starts_with_admin_level(line) or not starts_with_body_head(line)):
            bodies[-1] = f"{bodies[-1]} {line}"
        else:
            bodies.append(line)
    if not bodies:
        return None, None
    return bodies[-1], (bodies[-2] if len(bodies) > 1 else None)


def canonical_body(name: str, *, province: str | None) -> str:
    """Abbreviations expanded, government casing, the province added where the name
    stops at its level ("… tỉnh")."""
    expanded = fold_ws(expand_abbreviations(words_not_abbreviations(name)))
    province_here = find_province(expanded)
    cased = government_case(expanded, province=province_here) if is_caps(name) else expanded
    return complete_province(cased, province=province)


def complete_province(name: str, *, province: str | None) -> str:
    key = fold_key(name)
    if not province or fold_key(province) in key:
        return name
    level = province_kind(province) or "tỉnh"
    if any(key.endswith(" " + fold_key(lv)) or key == fold_key(lv) for lv in _LEVELS):
        return f"{name} {province}"
    if key.endswith(fold_key("Ủy ban nhân dân")) or key.endswith(fold_key("Hội đồng nhân dân")):
        return f"{name} {level} {province}"
    return name


def is_bare_head(name: str) -> bool:
    """'Văn phòng', 'Thanh tra': a body head with nothing after it."""
    return (
        starts_with_body_head(name)
        and len(name.split()) <= 2
        and not is_caps(name)
        and (fold_key(name) in {fold_key(h) for h in ("Văn phòng", "Thanh tra", "Ban Quản lý")})
    )


def body_of_authority(authority: str | None) -> str | None:
    """'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH' → 'ỦY BAN NHÂN DÂN TỈNH'; a line naming a body
    itself ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN") is returned as it is."""
    if not authority:
        return None
    stripped = strip_official_title(authority)
    if stripped:
        return stripped
    return authority if starts_with_body_head(authority) else None


def issuer_from_note(note: str | None) -> str | None:
    """'(Kèm theo Quyết định số … của Văn phòng UBND tỉnh)' → 'Văn phòng UBND tỉnh'."""
    if not note:
        return None
    m = _NOTE_ISSUER.search(note)
    if m is None:
        return None
    who = m.group("who").strip()
    return strip_official_title(who) or who


def issuer_from_text(texts: list[str]) -> str | None:
    """The body a plan names as its author, in its first or closing paragraphs."""
    for text in texts:
        for pattern in (_SELF_AUTHOR, _SELF_CLOSING):
            for m in pattern.finditer(text):
                who = m.group("who").strip()
                if starts_with_body_head(who):
                    return who
    return None


def extend_with_authority(issuer: str, authority_body: str | None) -> str:
    """A block cut before its level ("ỦY BAN NHÂN DÂN") takes the authority line's
    longer name ("ỦY BAN NHÂN DÂN TỈNH") when that begins with it."""
    if authority_body and fold_key(authority_body).startswith(fold_key(issuer)):
        return authority_body
    return issuer
