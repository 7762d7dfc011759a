"""Word style inheritance (styles.xml): what a paragraph or run looks like once its
direct formatting, its character style, its paragraph style chain (basedOn) and the
document defaults are layered, in Word's order.

Everything works on raw WordprocessingML elements (lxml), so readers can ask about
properties python-docx does not resolve (it reports only direct formatting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
_OFF = {"0", "false", "off", "none"}
# Built-in heading style names as stored in styles.xml ("heading 1"), whatever the UI
# language; documents typed from Vietnamese templates sometimes carry custom styles
# named "Tiêu đề 1" or "Đề mục 1".
_HEADING_NAME = re.compile(r"^(?:heading|tiêu đề|tieu de|đề mục|de muc)\s*(\d)$", re.IGNORECASE)
_TITLE_NAMES = {"title", "tiêu đề", "tieu de"}

Element = Any  # lxml.etree._Element; kept loose because python-docx subclasses it


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag: w("p") → "{…/main}p"."""
    return _W + tag


def w_val(el: Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(w(attr))


def on_off(el: Element | None) -> bool | None:
    """A toggle property (<w:b/>, <w:b w:val="0"/>): None when absent."""
    if el is None:
        return None
    return (el.get(w("val")) or "true").lower() not in _OFF


@dataclass(frozen=True)
class RunLook:
    """The resolved character formatting of a run (None = nobody said)."""

    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    size: float | None = None
    font: str | None = None
    hidden: bool | None = None

    def over(self, base: RunLook) -> RunLook:
        """This look layered over `base`: our values win where we have them."""
        return RunLook(
            bold=base.bold if self.bold is None else self.bold,
            italic=base.italic if self.italic is None else self.italic,
            underline=base.underline if self.underline is None else self.underline,
            size=base.size if self.size is None else self.size,
            font=base.font if self.font is None else self.font,
            hidden=base.hidden if self.hidden is None else self.hidden,
        )


# What Word shows when no style says otherwise (ECMA-376 §17.3.2: sz defaults to 10 pt).
WORD_DEFAULT_LOOK = RunLook(bold=False, italic=False, underline=False, size=10.0, hidden=False)


def look_of_rpr(rpr: Element | None) -> RunLook:
    """The properties one <w:rPr> sets directly."""
    if rpr is None:
        return RunLook()
    underline = w_val(rpr.find(w("u")))
    size = w_val(rpr.find(w("sz")))
    fonts = rpr.find(w("rFonts"))
    font = None
    if fonts is not None:
        # Vietnamese letters are drawn with the high-ANSI font (w:ascii covers ASCII only).
        font = fonts.get(w("hAnsi")) or fonts.get(w("ascii"))
    return RunLook(
        bold=on_off(rpr.find(w("b"))),
        italic=on_off(rpr.find(w("i"))),
        underline=None if underline is None else underline.lower() != "none",
        size=_half_points(size),
        font=font,
        hidden=on_off(rpr.find(w("vanish"))),
    )


def _half_points(value: str | None) -> float | None:
    try:
        return None if value is None else int(value) / 2
    except ValueError:
        return None


class StyleSheet:
    """styles.xml, indexed by style id, with basedOn chains resolved on demand."""

    def __init__(self, styles: Element | None) -> None:
        self._by_id: dict[str, Element] = {}
        self._default: dict[str, str] = {}
        self._default_rpr: Element | None = None
        self._default_ppr: Element | None = None
        # Styles do not change while a document is read: resolve each chain once.
        self._run_look = cache(self._run_look_uncached)
        self._style_pprs = cache(self._style_pprs_uncached)
        self._named_heading_level = cache(self._named_heading_level_uncached)
        if styles is None:
            return
        for style in styles.iter(w("style")):
            sid = style.get(w("styleId"))
            if sid is None:
                continue
            self._by_id.setdefault(sid, style)
            if style.get(w("default")) in ("1", "true", "on"):
                self._default.setdefault(style.get(w("type")) or "paragraph", sid)
        defaults = styles.find(w("docDefaults"))
        if defaults is not None:
            self._default_rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
            self._default_ppr = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")

    def paragraph_style_id(self, ppr: Element | None) -> str | None:
        """The paragraph's style id, or the document's default paragraph style."""
        sid = w_val(ppr.find(w("pStyle"))) if ppr is not None else None
        return sid if sid in self._by_id else self._default.get("paragraph")

    def name(self, style_id: str | None) -> str | None:
        style = self._by_id.get(style_id or "")
        return w_val(style.find(w("name"))) if style is not None else None

    def chain(self, style_id: str | None) -> list[Element]:
        """The style and its basedOn ancestors, nearest first; cycles cut."""
        out: list[Element] = []
        seen: set[str] = set()
        while style_id and style_id in self._by_id and style_id not in seen:
            seen.add(style_id)
            style = self._by_id[style_id]
            out.append(style)
            style_id = w_val(style.find(w("basedOn")))
        return out

    def _style_pprs_uncached(self, style_id: str | None) -> tuple[Element, ...]:
        found = [s.find(w("pPr")) for s in self.chain(style_id)]
        return tuple(ppr for ppr in found if ppr is not None)

    def paragraph_property(
        self, ppr: Element | None, style_id: str | None, tag: str, attr: str = "val"
    ) -> str | None:
        """A pPr child's attribute: direct formatting, then the style chain, then defaults."""
        sources = [ppr, *self._style_pprs(style_id), self._default_ppr]
        for source in sources:
            if source is None:
                continue
            value = w_val(source.find(w(tag)), attr)
            if value is not None:
                return value
        return None

    def num_pr(self, ppr: Element | None, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) as Word resolves them: each one independently, nearest first."""
        num_id: str | None = None
        ilvl: str | None = None
        for source in [ppr, *self._style_pprs(style_id)]:
            num = source.find(w("numPr")) if source is not None else None
            if num is None:
                continue
            num_id = num_id or w_val(num.find(w("numId")))
            ilvl = ilvl or w_val(num.find(w("ilvl")))
        return num_id, _int_or_none(ilvl)

    def run_look(
        self, rpr: Element | None, char_style: str | None, para_style: str | None
    ) -> RunLook:
        """Direct run formatting over the character style over the paragraph style."""
        return look_of_rpr(rpr).over(self._run_look(char_style, para_style))

    def _run_look_uncached(self, char_style: str | None, para_style: str | None) -> RunLook:
        look = look_of_rpr(self._default_rpr).over(WORD_DEFAULT_LOOK)
        for style in reversed(self.chain(para_style)):
            look = look_of_rpr(style.find(w("rPr"))).over(look)
        for style in reversed(self.chain(char_style)):
            look = look_of_rpr(style.find(w("rPr"))).over(look)
        return look

    def heading_level(self, style_id: str | None, ppr: Element | None) -> int | None:
        """1 for "Heading 1"…, 0 for "Title"; else the outline level when one is set."""
        named = self._named_heading_level(style_id)
        if named is not None:
            return named
        outline = _int_or_none(self.paragraph_property(ppr, style_id, "outlineLvl"))
        # outlineLvl 9 means "body text" in Word.
        return outline + 1 if outline is not None and 0 <= outline < 9 else None

    def _named_heading_level_uncached(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            name = (w_val(style.find(w("name"))) or "").strip()
            match = _HEADING_NAME.match(name)
            if match:
                return int(match.group(1))
            if name.lower() in _TITLE_NAMES:
                return 0
        return None


def _int_or_none(value: str | None) -> int | None:
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


def display_name(name: str | None) -> str | None:
    """Built-in style names as Word shows them: "heading 1" → "Heading 1"."""
    if not name:
        return name
    return name[0].upper() + name[1:]


__all__ = [
    "WORD_DEFAULT_LOOK",
    "RunLook",
    "StyleSheet",
    "W_NS",
    "display_name",
    "look_of_rpr",
    "on_off",
    "w",
    "w_val",
]
