"""The plan a decision issues ("KẾ HOẠCH / … / (Kèm theo Quyết định số …)"): its title,
years and theme, and where its body starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.parsers.header.lines import Line, is_body_start, type_line
from normalize.text import fold_key
from schemas.codes import DocType

PLAN_TYPES = (DocType.KE_HOACH, DocType.CHUONG_TRINH)
_RANGE = re.compile(r"\b(?P<a>(?:19|20)\d\d)\s*[-–—]\s*(?P<b>(?:19|20)\d\d)\b")
_YEAR = re.compile(r"\bnăm\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"](?P<q>[^”\"]+)[”\"]")
_MAX_TITLE_LINES = 5
_BARE_NOTE = (fold_key("kèm theo"), fold_key("ban hành kèm theo"))
_NOTE_NUMBER = re.compile(r"\bsố\b", re.IGNORECASE)


@dataclass(frozen=True)
class AttachedPlan:
    title: str | None
    note: str | None  # "(Kèm theo Quyết định số … của …)"
    theme: str | None
    heading: int  # position in the line list of the "KẾ HOẠCH" line
    start: int  # position in the line list of the first line of the plan's body


def years_of(text: str | None) -> tuple[int, int] | None:
    """(2026, 2030) from "giai đoạn 2026 - 2030"; (2025, 2025) from "năm 2025"."""
    if not text:
        return None
    m = _RANGE.search(text)
    if m:
        return int(m.group("a")), int(m.group("b"))
    y = _YEAR.search(text)
    return (int(y.group("y")),) * 2 if y else None


def is_note_start(text: str) -> bool:
    """'(Kèm theo Quyết định số …)', '(Ban hành kèm theo …)', also without the
    brackets when the line opens with the phrase (italic notes of some provinces)."""
    key = fold_key(text[:40])
    if not text.startswith("("):
        return key.startswith(_BARE_NOTE) and _NOTE_NUMBER.search(text) is not None
    return fold_key("kèm theo") in key or fold_key("ban hành theo") in key


def note_end(lines: list[Line], i: int) -> int:
    """The last line of a parenthesised note that starts at `i`."""
    if not lines[i].text.startswith("("):
        return i
    for j in range(i, min(len(lines), i + 4)):
        if ")" in lines[j].text:
            return j
    return i


def theme_of(text: str) -> str | None:
    """The quoted theme of "Chủ đề cải cách hành chính năm 2025: “…”"."""
    if not fold_key(text).startswith(fold_key("Chủ đề")):
        return None
    m = _QUOTED.search(text)
    if m:
        return m.group("q").strip(" .*")
    return text.split(":", 1)[1].strip(" .*") if ":" in text else None


def _plan_at(lines: list[Line], i: int) -> AttachedPlan | None:
    title: list[str] = []
    for j in range(i + 1, min(len(lines), i + 1 + _MAX_TITLE_LINES + 1)):
        text = lines[j].text
        if is_note_start(text):
            end = note_end(lines, j)
            note = " ".join(x.text for x in lines[j : end + 1])
            start = end + 1
            theme = theme_of(lines[start].text) if start < len(lines) else None
            return AttachedPlan(
                " ".join(title) or None, note, theme, i, start + 1 if theme else start
            )
        if is_body_start(text) and title:
            return AttachedPlan(" ".join(title), None, None, i, j)
        title.append(text)
    return None


def find_attached_plan(lines: list[Line], start: int) -> AttachedPlan | None:
    """The last plan heading after `start` with its title and note: a transcription
    that repeats the decision repeats the heading, and its last copy is the whole one."""
    found = None
    for i in range(start, len(lines)):
        if type_line(lines[i].text) in PLAN_TYPES:
            plan = _plan_at(lines, i)
            if plan is not None:
                found = plan
    return found
