"""The grammar of list labels, Roman numerals, item numbers and the figures of dates and
document numbers, in one place.

Readers, parsers and normalizers all recognise the same marks ("II.", "1.2.", "a)", "-"),
but each asks a different question of them, so each keeps its own compiled pattern here,
built from the shared pieces below. To teach every stage a new mark, change the piece;
to change one stage's question, change its pattern. Patterns are named after the stage
that uses them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from normalize.text import nfc

# -- pieces -----------------------------------------------------------------------------

ROMAN_CLASS = r"[IVXLC]"
ROMAN = ROMAN_CLASS + "{1,6}"
"""A Roman numeral as plans number their parts (I … XXXIII: six letters at most)."""
ROMAN_RUN = ROMAN_CLASS + "+"
ROMAN_BODY = r"[IVXL]{1,6}"
"""In body text a lone "C." is a letter label, not a hundred."""
LETTER = r"[a-zđ]"
"""A lower-case letter label: a) b) … đ) — Vietnamese lists count đ after d."""
DOTTED = r"\d{1,2}(?:\.\d{1,2})+"
"""1.2  1.2.3: a subsection number, without its last dot."""
DASHES = "-–—"
BULLETS = DASHES + "+•*"
"""Dash, plus, dot and star bullets as Word and typists write them."""
BULLETS_ROUND = BULLETS + "·▪◦●"
"""The same, plus the round and square bullets Word's symbol lists produce."""
DIVISION_WORDS = r"(?:Điều|Chương|Mục|Phần)"
"""Điều 2, Chương III: the named divisions of a document."""
YEAR = r"(?:19|20)\d\d"
"""A year a plan names (1900–2099); other four-figure runs are serials or amounts."""
DATE_BLANK = r"[\s._…]*"
"""A blank left for the signer ("ngày …… tháng 3"): spaces, dots, underscores, ellipses."""
PLACE = r"[^\W\d_][^,;:()]"
"""A place name's first letter, then what may follow it before a comma ends it."""
DAY_OR_MONTH = r"(?:ngày|tháng)"
DATE_WORD = r"(?:ngày|tháng|năm)"



def phrase_alternatives(phrases: Iterable[str]) -> str:
    """Phrases matched as written (not on fold_key) as one alternation: longest first, so
    that "phối hợp với" is taken before "phối hợp"; a space between words stands for any
    run of white space, as line breaks and doubled spaces leave it."""
    ordered = sorted((nfc(p) for p in phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def whole_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """The phrases, each as whole words, in any case: "chủ trì" but not "chủ trìu"."""
    return re.compile(rf"(?<!\w)(?:{phrase_alternatives(phrases)})(?!\w)", re.IGNORECASE)


# -- readers: where a line starts a new item -----------------------------------------------

TEXT_LINE_ITEM = re.compile(
    rf"""^(?:
        [{BULLETS}](?:\s|$)                     # bullets
      | \d{{1,3}}(?:\.\d{{1,3}})*[.)](?:\s|$)       # 1.  1.1.  2)
      | \d{{1,3}}(?:\.\d{{1,3}})+(?:\s|$)           # 1.1 without the final dot
      | {LETTER}[.)](?:\s|$)                      # a)  đ.
      | {ROMAN}[.)\-–](?:\s|$)             # I.  IV-
      | \(\d{{1,3}}\)                             # (1)
      | {DIVISION_WORDS}\s+[\dIVXLC]+\b # Điều 2
    )""",
    re.VERBOSE,
)
"""Plain text: a mark may end the line (a wrapped "I." alone on it)."""

# PDF lines are whole layout lines, so a mark must be followed by text on the same line.
PDF_LINE_ITEM = re.compile(
    rf"""^(?:
        [{BULLETS}]\s                                  # - dash item
      | (?:\d{{1,3}}\.)+\d{{0,3}}\s                     # 1.  1.2.  1.2.3
      | \d{{1,3}}\)\s                                 # 1)
      | {LETTER}[)\.]\s                               # a)  b.
      | {ROMAN}\.\s                            # II.
      | (?:Điều|Chương|Mục|Phần|Phụ\ lục)\s+[\dIVXLC]+(?:[.:]|\s*$)   # Điều 2.
    )""",
    re.X,
)

# pipe tables: what the first cell of a row says about the row
PIPE_BARE_NO = re.compile(r"^\d{1,3}\.?$")
PIPE_ROMAN_NO = re.compile(rf"^{ROMAN}\.?$")
PIPE_DOTTED_NO = re.compile(r"^(\d{1,2})\.\d")
PIPE_DASH = re.compile(r"^[-+•]")

# text tables: a group row ("II", "A", "1.2") and a group title with its label
TEXT_GROUP_LABEL = re.compile(rf"^(?:{ROMAN}|[A-Z]|{DOTTED})\.?$")
TEXT_LABELLED_TITLE = re.compile(rf"^({ROMAN})[.\-–]?\s+(\S.*)$")

# -- body sections: the label that opens a heading or list item ----------------------------

BODY_ROMAN = re.compile(rf"^(?P<label>(?P<n>{ROMAN_BODY})\s*[.):/])\s*(?=\S)")
# "1." "1)" "1.1." and, for dotted numbers only, "1.1 Xây dựng" without the last dot.
BODY_NUMBER = re.compile(
    r"^(?P<label>(?P<n>\d{1,2}(?:\s?\.\s?\d{1,2}){0,3})(?:\s?[.)]|(?<=\d\.\d)(?=\s)|(?<=\d\.\d\d)(?=\s)))"
    r"\s*(?=\S)"
)
BODY_LETTER = re.compile(rf"^(?P<label>(?P<n>{LETTER})\s?\))\s*(?=\S)", re.IGNORECASE)
BODY_LETTER_DOT = re.compile(rf"^(?P<label>(?P<n>{LETTER})\.)\s+(?=[A-ZĐÀ-Ỹ])")
BODY_BULLET = re.compile(
    rf"^(?P<label>(?:[{BULLETS_ROUND}](?:\s*[{DASHES}+•·▪◦●](?=\s))?))\s*(?=\S)"
)

# a heading line in the header zone or a citation's context: "II. …", "PHẦN I"
HEADER_HEADING = re.compile(
    rf"^(?:{ROMAN_RUN}|\d+)\s*[.)]\s+\S|^(?:PHẦN|Phần|CHƯƠNG|Chương)\s+\w+"
)
CITATION_HEADING = re.compile(
    r"^[\s*#|]*(?:PHẦN\s+\w+|Phần\s+\w+|CHƯƠNG\s+\w+|[IVX]+\s*[.)-])\s"
)

# -- task tables: row numbers and column numbers ---------------------------------------------

ROW_ROMAN_NO = re.compile(rf"^(?:PHẦN\s+)?({ROMAN_RUN})[.):]?$", re.IGNORECASE)
ROW_ROMAN_HEADING = re.compile(rf"^({ROMAN_RUN})[.):]?\s+(\S.*)$")
ROW_SUBGROUP_NO = re.compile(r"^(\d+(?:\.\d+)+)\.?$")
ROW_LETTER_NO = re.compile(r"^([A-ZĐ])[.)]?$")
ROW_INTEGER = re.compile(r"^(\d+)[.)]?$")
ROW_LABEL = re.compile(r"^([\w.]{1,8}?)[.)]?$")  # "1", "1.", "12)", "a", "b)", "1.2"
# a column number before a header's words: "1- Mục tiêu", "(5) Chủ trì", "a) …"
COLUMN_NUMBER_PREFIX = re.compile(
    rf"^\s*(?:\(\d+\)|\d+\s*[-.):/]|{LETTER}\))\s*", re.IGNORECASE
)
COLUMN_ROW_NUMBER = re.compile(rf"^\s*(?:\d+|{ROMAN_RUN})[.)]?\s*$")
COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")

# cells holding lists: where an item starts, and the mark to take off
CELL_BULLET = "[-–+•*]"
CELL_ITEM_START = re.compile(
    rf"^\s*(?:{CELL_BULLET}\s|\d+(?:\.\d+)*[.)]\s|{LETTER}\)\s)", re.IGNORECASE
)
CELL_LEADING_MARK = re.compile(
    rf"^\s*(?:{CELL_BULLET}+\s*|\d+(?:\.\d+)+\.?\s+|\d+[.)]\s+|{LETTER}\)\s+)", re.IGNORECASE
)
CELL_INLINE_BULLET = re.compile(rf"\s{CELL_BULLET}\s+(?=\S)")

# -- normalizers: marks to take off a clause or a name -------------------------------------

DEADLINE_BULLETS = re.compile(r"^\s*(?:[-+•*·–—]\s*)+")
AGENCY_LIST_DASH = re.compile(rf"(?:^|(?<=[.:]))\s*[{BULLETS}]\s+")
AGENCY_NUMBERING = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+(?=\D)")
HEADER_ROMAN_WORD = re.compile(rf"^{ROMAN_CLASS}{{2,}}$")

# -- headers: the number line and the place-date line, as sources break them ------------------

# "Gia Lai, ngày" / "18 tháng 7 năm 2025": where a broken date opens, rests and ends
HEADER_DATE_OPEN = re.compile(rf"^(?:{PLACE}{{0,40}}?\s*,\s*)?ngày\b", re.IGNORECASE)
HEADER_DATE_REST = re.compile(r"^(?:[\d.…_]+\s|tháng\b|năm\b)", re.IGNORECASE)
HEADER_YEAR_AT_END = re.compile(rf"\bnăm\s+{YEAR}\s*$|\d{{1,2}}/\d{{1,2}}/{YEAR}\s*$", re.I)
HEADER_PLACE_ALONE = re.compile(r"^[^\W\d_][^,;:()\d]{1,40},$")
HEADER_DATE_THEN_PLACE = re.compile(
    rf"^(?P<date>ngày\b.*?\bnăm\s+{YEAR})\s*[,-]\s*(?:tại\s+)?(?P<place>{PLACE}{{1,40}})$",
    re.IGNORECASE,
)
# a day or month as read, and a slot that is only a blank ("ngày ...")
HEADER_DAY_MONTH = re.compile(
    rf"\b(?P<word>{DAY_OR_MONTH})\s+(?!(?:tháng|năm)\b)(?P<value>\S+?)(?=\s+(?:tháng|năm)\b)",
    re.I,
)
HEADER_BLANK_SLOT = re.compile(rf"^{DATE_BLANK}$")
# "Số: 4⁄6 /QĐ-UBND": something that is no serial before the symbol
HEADER_NUMBER_WITH_JUNK = re.compile(
    r"^Số\s*[:.]?\s*(?P<junk>[^/\s][^/]{0,10}?)\s*/\s*"
    r"(?P<symbol>[A-ZĐ][A-Za-zĐđ0-9&]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9&]*)*)\s*$"
)
# the e-signature note's time: "Thời gian ký: 13/11/2025 15:53:50"
SIGNATURE_NOTE_DATE = re.compile(
    rf"(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>{YEAR})(?:\D|$)"
)

# -- OCR repair: a year among garbled words, and a date word glued to the figure before or
# after it ("ngày46tháng", "01năm") ------------------------------------------------------

OCR_YEAR = re.compile(rf"{YEAR}\b")
OCR_GLUED_DATE_WORD = re.compile(
    rf"(?<=\d)(?={DATE_WORD}\b)|(?<=ngày)(?=\d)|(?<=tháng)(?=\d)", re.I
)
