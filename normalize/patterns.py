"""The grammar of list labels, Roman numerals and item numbers, in one place.

Readers, parsers and normalizers all recognise the same marks ("II.", "1.2.", "a)", "-"),
but each asks a different question of them, so each keeps its own compiled pattern here,
built from the shared pieces below. To teach every stage a new mark, change the piece;
to change one stage's question, change its pattern. Patterns are named after the stage
that uses them.
"""

from __future__ import annotations

import re

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
