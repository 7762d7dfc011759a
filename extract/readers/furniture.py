"""Page furniture: running headers, footers and page numbers, found by repetition; and
site furniture: a web page's banners, tabs and notices, by what they say.

A line in the top or bottom band of many pages with the same text once digits are
ignored ("CÔNG BÁO/Số 1003 + 1004/Ngày 29-12-2013" beside a changing page number)
is a running header or footer; a lone number in a band is a page number. The
blocks stay in the document with their role; parsers skip them.

A paragraph every line of which is site furniture (normalize.site_furniture: a
breadcrumb, a login prompt, "Hệ thống pháp luật", a notice to readers or to AI
assistants) gets the role "site_furniture", in every format a web page can be saved to;
so does a table whose every cell is (a tab bar laid out as a table).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from normalize.site_furniture import is_site_furniture
from normalize.text import fold_ws
from schemas.document import Block, Paragraph, Role

BAND = 0.09  # share of the page height that is the top / bottom band
MIN_SHARE = 0.3  # a running line appears on at least this share of the pages
PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–—]?\s*(\d{1,4})\s*[-–—]?(?:\s*/\s*\d{1,4})?$", re.I)
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A paragraph's position on its page, as furniture detection sees it."""

    page: int
    top: float
    bottom: float
    page_height: float
    text: str

    @property
    def band(self) -> str | None:
        if self.bottom <= self.page_height * BAND:
            return "top"
        if self.top >= self.page_height * (1 - BAND):
            return "bottom"
        return None


def furniture_key(text: str) -> str:
    """Text with every number replaced, so that "Số 12 … trang 3" and "… trang 4" match."""
    return _DIGITS.sub("#", fold_ws(text).lower())


def page_number_of(text: str) -> int | None:
    match = PAGE_NUMBER.match(fold_ws(text))
    return int(match.group(1)) if match else None


def _running_keys(candidates: Sequence[Candidate], n_pages: int) -> set[tuple[str, str]]:
    pages_with: Counter[tuple[str, str]] = Counter()
    seen = {(c.band or "", furniture_key(c.text), c.page) for c in candidates if c.band}
    for band, key, _page in seen:
        pages_with[(band, key)] += 1
    needed = max(2, round(MIN_SHARE * n_pages))
    return {k for k, n in pages_with.items() if n >= needed}


def _page_number_offset(candidates: Sequence[Candidate]) -> int | None:
    offsets = Counter(
        number - c.page
        for c in candidates
        if c.band and (number := page_number_of(c.text)) is not None
    )
    return offsets.most_common(1)[0][0] if offsets else None


def furniture_roles(candidates: Sequence[Candidate], n_pages: int) -> list[Role]:
    """The role of each candidate: page_header, page_footer, page_number or body."""
    running = _running_keys(candidates, n_pages)
    offset = _page_number_offset(candidates)
    roles: list[Role] = []
    for c in candidates:
        number = page_number_of(c.text) if c.band else None
        if number is not None and number - c.page == offset:
            roles.append("page_number")
        elif c.band and (c.band, furniture_key(c.text)) in running:
            roles.append("page_header" if c.band == "top" else "page_footer")
        else:
            roles.append("body")
    return roles


def _all_furniture(texts: list[str]) -> bool:
    lines = [line for text in texts for line in text.split("\n") if line.strip()]
    return bool(lines) and all(is_site_furniture(line) for line in lines)


def _is_site_furniture(block: Block) -> bool:
    if block.role != "body":
        return False
    if isinstance(block, Paragraph):
        return _all_furniture([block.text])
    # a portal's tab bar or share buttons laid out as a table: every row furniture, read
    # as a row of tabs is ("Tóm tắt | Nội dung | Tải về")
    rows = [" | ".join(c for c in row if c.strip()) for row in block.row_texts()]
    return _all_furniture([row.replace("\n", " | ") for row in rows])


def mark_site_furniture(blocks: Sequence[Block]) -> list[Block]:
    """The blocks, paragraphs that are only site furniture with that role."""
    return [
        b.model_copy(update={"role": "site_furniture"}) if _is_site_furniture(b) else b
        for b in blocks
    ]
