"""Word automatic list numbers ("I.", "1.2.", "a)") from numbering.xml.

Word does not store the number it shows in front of a list paragraph; python-docx's
`paragraph.text` leaves it out (python-docx#471). It has to be recomputed by counting
the list paragraphs in document order:

- a paragraph's numPr (numId, ilvl) comes from its own pPr or its style (numId 0 = none);
- a w:num points to a w:abstractNum, whose w:lvl gives numFmt, lvlText ("%1.%2.") and start;
- w:num's lvlOverride/startOverride restarts a level the first time that num is used;
- nums sharing an abstractNum share the counters (Word continues the list across them);
- a level advancing resets the deeper levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.limits import MAX_LABEL_CHARS, MAX_LIST_NUMBER
from extract.readers.docx_styles import Element, on_off, w, w_val

_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
BULLET_LABEL = "-"


@dataclass(frozen=True)
class Level:
    """One w:lvl of an abstract numbering definition."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False
    style_id: str | None = None


@dataclass(frozen=True)
class NumInstance:
    """One w:num: an abstractNum plus its per-level overrides."""

    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


def roman(n: int) -> str:
    """1994 → "MCMXCIV"; 0 and negatives stay decimal (Word shows them so)."""
    if n <= 0:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def letter(n: int) -> str:
    """Word's letter numbering: 1 → "a", 26 → "z", 27 → "aa", 28 → "bb"."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in a w:numFmt; unknown formats fall back to decimal, as LibreOffice does.

    Counters are clamped (extract.limits.MAX_LIST_NUMBER): a roman or letter label grows
    with its number, and a list that starts at 10⁸ would make labels of megabytes."""
    n = max(-MAX_LIST_NUMBER, min(n, MAX_LIST_NUMBER))
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperLetter":
        return letter(n).upper()
    if fmt == "lowerLetter":
        return letter(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _int(value: str | None, default: int) -> int:
    try:
        number = int(value) if value is not None else default
    except ValueError:
        return default
    return max(-MAX_LIST_NUMBER, min(number, MAX_LIST_NUMBER))


def parse_level(lvl: Element, base: Level | None = None) -> Level:
    base = base or Level()
    text = w_val(lvl.find(w("lvlText")))
    return Level(
        fmt=w_val(lvl.find(w("numFmt"))) or base.fmt,
        text=base.text if text is None else text,
        start=_int(w_val(lvl.find(w("start"))), base.start),
        legal=bool(on_off(lvl.find(w("isLgl")))),
        style_id=w_val(lvl.find(w("pStyle"))),
    )


def _parse_levels(abstract: Element) -> dict[int, Level]:
    return {_int(lvl.get(w("ilvl")), 0): parse_level(lvl) for lvl in abstract.findall(w("lvl"))}


def _parse_num(num: Element, abstracts: dict[str, dict[int, Level]]) -> NumInstance:
    abstract_id = w_val(num.find(w("abstractNumId"))) or ""
    starts: dict[int, int] = {}
    levels: dict[int, Level] = {}
    for override in num.findall(w("lvlOverride")):
        ilvl = _int(override.get(w("ilvl")), 0)
        start = w_val(override.find(w("startOverride")))
        if start is not None:
            starts[ilvl] = _int(start, 1)
        lvl = override.find(w("lvl"))
        if lvl is not None:
            base = abstracts.get(abstract_id, {}).get(ilvl)
            levels[ilvl] = parse_level(lvl, base)
    return NumInstance(abstract_id, starts, levels)


class Numbering:
    """numbering.xml plus the running counters of one pass over the document.

    Call `label()` for every numbered paragraph in document order (body and table
    cells alike, as Word counts them).
    """

    def __init__(
        self, numbering: Element | None, style_num_ids: dict[str, str] | None = None
    ) -> None:
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}
        self._nums: dict[str, NumInstance] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        self._style_num_ids = style_num_ids or {}
        if numbering is None:
            return
        for abstract in numbering.findall(w("abstractNum")):
            aid = abstract.get(w("abstractNumId")) or ""
            self._abstracts[aid] = _parse_levels(abstract)
            link = w_val(abstract.find(w("numStyleLink")))
            if link:
                self._links[aid] = link
        for num in numbering.findall(w("num")):
            self._nums[num.get(w("numId")) or ""] = _parse_num(num, self._abstracts)

    def level_of_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose w:pStyle names this paragraph style (heading-linked lists)."""
        abstract_id = self._abstract_id(num_id)
        for ilvl, level in self._abstracts.get(abstract_id or "", {}).items():
            if style_id and level.style_id == style_id:
                return ilvl
        return None

    def label(self, num_id: str | None, ilvl: int | None) -> str | None:
        """Advance the list's counter and return the label Word shows ("II.", "-")."""
        num = self._nums.get(num_id or "")
        abstract_id = self._abstract_id(num_id or "")
        if num is None or abstract_id is None:
            return None
        ilvl = min(max(ilvl or 0, 0), 8)
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id or "")
            for restarted in num.start_overrides:
                _reset_from(counters, restarted)
        level = self._level(num, abstract_id, ilvl)
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = self._start(num, abstract_id, ilvl)
        _reset_from(counters, ilvl + 1)
        return self._render(num, abstract_id, level, counters)

    def _abstract_id(self, num_id: str) -> str | None:
        """Follow numStyleLink (a list defined through a numbering style) to the real definition."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        abstract_id = num.abstract_id
        seen = {num_id}
        while abstract_id in self._links:
            linked_num = self._style_num_ids.get(self._links[abstract_id])
            if linked_num is None or linked_num in seen or linked_num not in self._nums:
                break
            seen.add(linked_num)
            abstract_id = self._nums[linked_num].abstract_id
        return abstract_id if abstract_id in self._abstracts else None

    def _level(self, num: NumInstance, abstract_id: str, ilvl: int) -> Level:
        if ilvl in num.level_overrides:
            return num.level_overrides[ilvl]
        return self._abstracts[abstract_id].get(ilvl, Level(text=f"%{ilvl + 1}."))

    def _start(self, num: NumInstance, abstract_id: str, ilvl: int) -> int:
        if ilvl in num.start_overrides:
            return num.start_overrides[ilvl]
        return self._level(num, abstract_id, ilvl).start

    def _render(
        self, num: NumInstance, abstract_id: str, level: Level, counters: dict[int, int]
    ) -> str | None:
        if level.fmt == "bullet":
            return BULLET_LABEL

        def number(match: re.Match[str]) -> str:
            ilvl = int(match.group(1)) - 1
            shown = self._level(num, abstract_id, ilvl)
            value = counters.get(ilvl, self._start(num, abstract_id, ilvl))
            # isLgl ("legal numbering") shows every level's number as decimal.
            return format_number(value, "decimal" if level.legal else shown.fmt)

        text = _PLACEHOLDER.sub(number, level.text[:MAX_LABEL_CHARS]).strip()
        return text[:MAX_LABEL_CHARS] or None


def _reset_from(counters: dict[int, int], ilvl: int) -> None:
    for deeper in [k for k in counters if k >= ilvl]:
        del counters[deeper]


def style_num_ids(styles: Element | None) -> dict[str, str]:
    """numbering-style id → the numId its pPr names (for abstractNum/numStyleLink)."""
    out: dict[str, str] = {}
    if styles is None:
        return out
    for style in styles.iter(w("style")):
        num_id = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
        if style.get(w("type")) == "numbering" and num_id is not None:
            out[style.get(w("styleId")) or ""] = w_val(num_id) or ""
    return out


__all__ = [
    "BULLET_LABEL",
    "Level",
    "NumInstance",
    "Numbering",
    "format_number",
    "letter",
    "roman",
    "style_num_ids",
]
