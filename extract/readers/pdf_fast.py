"""The fast path: a page's words and drawn rules from PDFium (pypdfium2) instead of
pdfminer, which spends most of pdfplumber's time laying out every glyph. Tables are
still found by pdfplumber's table finder, fed these rules as explicit lines (the
finder then never parses the page).

Words are built the way pdfplumber builds them (glyphs clustered into lines by their
top, split at spaces and at gaps wider than X_TOLERANCE), so both paths give the
same blocks; a test checks it on the rendered samples and real files.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.readers.pdf_text import Word, font_is_bold, font_is_italic

X_TOLERANCE = 3.0  # pdfplumber's default: a wider gap between two glyphs splits a word
Y_TOLERANCE = 3.0
DESCENT = 0.216  # below the baseline, in font sizes (Times New Roman's descender)


class Glyph(NamedTuple):
    # a tuple, not a dataclass: a page makes thousands of them and a tuple is built fastest
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str


def _unchecked(fn: Any, restype: Any = ctypes.c_int) -> Any:
    """The same PDFium function without pypdfium2's argument conversion: called once
    per glyph, the conversion costs more than the call. Callers pass exactly the C types
    (the raw text page, ints, byref() of ctypes values)."""
    bare = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
    bare.restype = restype
    return bare


_get_text_object = _unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_get_loose_char_box = _unchecked(pdfium_c.FPDFText_GetLooseCharBox)
_get_char_origin = _unchecked(pdfium_c.FPDFText_GetCharOrigin)
_is_generated = _unchecked(pdfium_c.FPDFText_IsGenerated)


def fast_path_ok(page: pdfium.PdfPage) -> bool:
    """Upright pages are read by PDFium (a rotated page's glyph boxes would need turning)."""
    return bool(page.get_rotation() == 0)


def _object_style(raw: Any, i: int, buf: Any) -> tuple[float, str]:
    """Font size (times the text matrix's scale) and font name of glyph i's text object."""
    matrix = pdfium_c.FS_MATRIX()
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetMatrix(raw, i, matrix)
    scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
    pdfium_c.FPDFText_GetFontInfo(raw, i, buf, len(buf), ctypes.byref(flags))
    return round(pdfium_c.FPDFText_GetFontSize(raw, i) * scale, 1), buf.value.decode("latin-1")


def _glyphs(textpage: pdfium.PdfTextPage, page_top: float) -> Iterator[Glyph]:
    """The page's glyphs, boxed as pdfminer boxes them: one font size high, standing
    on the baseline's descender line (PDFium's own boxes hug each glyph's ink)."""
    raw: Any = textpage.raw
    text = textpage.get_text_range()
    buf = ctypes.create_string_buffer(128)
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    styles: dict[int, tuple[float, str]] = {}
    prev: Glyph | None = None
    for i, ch in enumerate(text):
        if ch in "\x00\n\r\uffff":
            continue
        if ch == " " and _is_generated(raw, i):
            if prev is not None:
                # a word gap PDFium saw without a space glyph: a separator all the same
                yield Glyph(" ", prev.x1, prev.x1, prev.top, prev.bottom, prev.size, prev.font)
            continue
        key = _get_text_object(raw, i) or 0
        style = styles.get(key)
        if style is None:
            style = styles[key] = _object_style(raw, i, buf)
        size, font = style
        _get_loose_char_box(raw, i, rect_ref)
        _get_char_origin(raw, i, ox_ref, oy_ref)
        bottom = page_top - oy.value + DESCENT * size
        if ch == " " and prev is not None:
            # a space's own origin can sit off the line; it separates the words around it
            yield Glyph(" ", rect.left, rect.right, prev.top, prev.bottom, prev.size, font)
            continue
        glyph = "-" if ch in "\x02\ufffe" else ch  # PDFium's mark: a hyphen at line end
        prev = Glyph(glyph, rect.left, rect.right, bottom - size, bottom, size, font)
        yield prev


def _lines_of(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Cluster glyphs into lines by their top (pdfplumber's y_tolerance), left to right."""
    lines: list[list[Glyph]] = []
    tops: list[float] = []
    for g in sorted(glyphs, key=lambda g: g.top):
        if tops and g.top - tops[-1] <= Y_TOLERANCE:
            lines[-1].append(g)
        else:
            lines.append([g])
            tops.append(g.top)
        tops[-1] = g.top
    return [sorted(line, key=lambda g: g.x0) for line in lines]


def _word(glyphs: list[Glyph]) -> Word:
    # one pass where min/max/sum generators would each walk the glyphs (a page has
    # thousands of words); the same values as pdfplumber's word box and majority style
    shown = [g for g in glyphs if g.text.strip()] or glyphs
    n = len(shown)
    sizes = sorted([g.size for g in shown])
    first = glyphs[0]
    x0, x1, top, bottom = first.x0, first.x1, first.top, first.bottom
    for g in glyphs:
        if g.x0 < x0:
            x0 = g.x0
        if g.x1 > x1:
            x1 = g.x1
        if g.top < top:
            top = g.top
        if g.bottom > bottom:
            bottom = g.bottom
    fonts = [g.font for g in shown]
    return Word(
        text="".join([g.text for g in glyphs]),
        x0=x0,
        x1=x1,
        top=top,
        bottom=bottom,
        size=sizes[n // 2],
        bold=sum(map(font_is_bold, fonts)) * 2 > n,
        italic=sum(map(font_is_italic, fonts)) * 2 > n,
    )


def glyphs_to_words(glyphs: list[Glyph]) -> list[Word]:
    words: list[Word] = []
    for line in _lines_of(glyphs):
        current: list[Glyph] = []
        for g in line:
            if g.text.isspace():
                if current:
                    words.append(_word(current))
                current = []
                continue
            if current and g.x0 - current[-1].x1 > X_TOLERANCE:
                words.append(_word(current))
                current = []
            current.append(g)
        if current:
            words.append(_word(current))
    return words


def pdfium_words(page: pdfium.PdfPage) -> list[Word]:
    """The page's words, in pdfplumber's coordinates (origin top-left)."""
    textpage = page.get_textpage()
    try:
        top = page.get_mediabox()[3]
        return glyphs_to_words(list(_glyphs(textpage, top)))
    finally:
        textpage.close()


def pdfium_rects(page: pdfium.PdfPage) -> list[dict[str, Any]]:
    """Every path of the page as a pdfplumber-style rect dict (its bounding box, fill
    and stroke): a drawn rule is a thin one, cell shading a filled one."""
    top_of_page = page.get_mediabox()[3]
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    rects = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
        y_top, y_bottom = top_of_page - top, top_of_page - bottom
        rects.append(
            {
                "object_type": "rect",
                "x0": left,
                "x1": right,
                "top": y_top,
                "bottom": y_bottom,
                "doctop": y_top,
                "y0": bottom,
                "y1": top,
                "width": right - left,
                "height": top - bottom,
                "fill": bool(fill.value),
                "stroke": bool(stroke.value),
            }
        )
    return rects
