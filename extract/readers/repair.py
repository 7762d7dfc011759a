"""Text repair applied by every reader before anything else: NFC, PDF glyph
errors, soft hyphens, whitespace. The raw text is kept by the caller."""

from __future__ import annotations

import re
import unicodedata

# pdfminer maps some Vietnamese glyphs of common TrueType fonts to the wrong code
# points: "ƣ" (U+01A3, latin oi) stands where "ư" was drawn.
GLYPH_FIXES: dict[str, str] = {"ƣ": "ư", "Ƣ": "Ư"}
_GLYPH_RE = re.compile("|".join(map(re.escape, GLYPH_FIXES)))
_SOFT_HYPHEN = "\u00ad"
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def count_glyph_errors(text: str) -> int:
    return len(_GLYPH_RE.findall(text))


def repair_text(text: str, *, keep_newlines: bool = False) -> str:
    """NFC, glyph fixes, soft hyphens and zero-width characters removed, spaces folded.

    With keep_newlines, line breaks survive (cells whose lines are list items).
    """
    text = unicodedata.normalize("NFC", text)
    text = _GLYPH_RE.sub(lambda m: GLYPH_FIXES[m.group(0)], text)
    text = text.replace(_SOFT_HYPHEN, "")
    text = _ZERO_WIDTH.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if keep_newlines:
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        return "\n".join(line for line in lines if line)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()
