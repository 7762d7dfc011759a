"""Numbers and days stamped into a header's blanks at signing.

E-office systems fill "Số:    /TTr-SNV" and "ngày    tháng    năm 2026" when the
document is signed: the serial, the day, the month (and at times the year) are form
fields or annotations whose appearance is drawn over the blank, not page text. PDFium
flattens them into the page; the words that flattening adds are read in place, by
their coordinates, when they are figures sitting in a blank right after "Số:", "ngày",
"tháng" or "năm" on the same line; and the time line of a visible e-signature note
("Thời gian ký: …"), whose date fills a blank day. Anything else an annotation draws
(a seal, the receiving office's "ĐẾN" stamp with its own number and date) is left out.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.readers.pdf_fast import pdfium_words
from extract.readers.pdf_text import Word
from normalize.header_sources import signature_date
from normalize.text import fold_key

_FIGURE = re.compile(r"^\d{1,6}[.,]?$")
_LEADING_FIGURE = re.compile(r"^(\d{1,6})(?=[^\d\W])")
_ANCHORS = ("số:", "số", "ngày", "tháng", "năm")
MAX_BLANK_EM = 8.0  # a stamped figure starts at most this far after its anchor word
_FLATTEN_DONE = 1  # FLATTEN_SUCCESS; FLATTEN_NOTHINGTODO is 2


def _anchor(word: Word) -> bool:
    return fold_key(word.text) in {fold_key(a) for a in _ANCHORS}


def _same_band(a: Word, b: Word) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap >= 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def _in_blank(word: Word, page_words: Sequence[Word]) -> bool:
    """A figure right after an anchor on its line, with no page word between."""
    em = word.size or 12.0
    row = [w for w in page_words if _same_band(w, word)]
    before = [w for w in row if w.x1 <= word.x0 + 1.0]
    if not before:
        return False
    nearest = max(before, key=lambda w: w.x1)
    return _anchor(nearest) and word.x0 - nearest.x1 <= MAX_BLANK_EM * em


def _figure_part(word: Word) -> Word | None:
    """The figure a stamp drew, also when it touches the page word after it ("01năm")."""
    if _FIGURE.match(word.text):
        return word
    lead = _LEADING_FIGURE.match(word.text)
    if lead is None:
        return None
    share = len(lead.group(1)) / len(word.text)
    return dataclasses.replace(
        word, text=lead.group(1), x1=word.x0 + share * (word.x1 - word.x0)
    )


def _key(word: Word) -> tuple[str, int, int]:
    return word.text, round(word.x0), round(word.top)


def stamped_figures(
    page_words: Sequence[Word], flat_words: Sequence[Word], before: Sequence[Word] | None = None
) -> list[Word]:
    """The words of the flattened page that the page lacked (`before`: the same
    library's words before flattening; default `page_words`) and that fill a blank."""
    seen = {_key(w) for w in (page_words if before is None else before)}
    added = [w for w in flat_words if _key(w) not in seen]
    figures = [f for w in added if (f := _figure_part(w)) is not None]
    stamped = [_clear_of_next(w, page_words) for w in figures if _in_blank(w, page_words)]
    return stamped + signature_time(added)


def signature_time(added: Sequence[Word]) -> list[Word]:
    """The e-signature note's time line ("Thời gian ký: 09.02.2026 15:53:50 +07:00"),
    drawn by the signature's appearance: its date fills a blank day (CONTRACT §5). The
    note's other lines (who signed, the agency, an e-mail) are left out."""
    rows: list[list[Word]] = []
    for word in sorted(added, key=lambda w: (w.top, w.x0)):
        row = next((r for r in rows if _same_band(r[0], word)), None)
        if row is None:
            rows.append([word])
        else:
            row.append(word)
    return [
        w
        for row in rows
        if signature_date(" ".join(w.text for w in sorted(row, key=lambda w: w.x0))) is not None
        for w in row
    ]


def _clear_of_next(word: Word, page_words: Sequence[Word]) -> Word:
    """A stamp drawn over the start of the next word ("01năm") ends before it, so the
    two are read as two words."""
    after = [w.x0 for w in page_words if _same_band(w, word) and w.x0 > word.x0]
    limit = min(after, default=word.x1) - 1.0
    return dataclasses.replace(word, x1=limit) if limit < word.x1 else word


def _has_annotations(page: Any) -> bool:
    return bool(pdfium_c.FPDFPage_GetAnnotCount(page))


class Stamps:
    """The PDF opened a second time, with its forms, for pages that carry annotations."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._doc: Any | None = None
        self._failed = False

    def words(self, index: int, page_words: Sequence[Word]) -> list[Word]:
        """Stamped figures of page `index` (0-based) to add to `page_words`; none when
        PDFium cannot flatten the page (the page's own text is read all the same)."""
        try:
            return self._words(index, page_words)
        except pdfium.PdfiumError:
            return []

    def _words(self, index: int, page_words: Sequence[Word]) -> list[Word]:
        doc = self._open()
        if doc is None or not any(_anchor(w) for w in page_words):
            return []
        page = doc[index]
        try:
            if not _has_annotations(page):
                return []
            # compared with PDFium's own words: pdfplumber's boxes differ by a fraction
            before = pdfium_words(page)
            if page.flatten() != _FLATTEN_DONE:
                return []
        finally:
            page.close()
        page = doc[index]  # the flattened content is read from a fresh page object
        try:
            return stamped_figures(page_words, pdfium_words(page), before)
        finally:
            page.close()

    def _open(self) -> Any | None:
        if self._doc is None and not self._failed:
            try:
                self._doc = pdfium.PdfDocument(self.path)
                self._doc.init_forms()
            except pdfium.PdfiumError:
                self._failed = True
        return self._doc

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None
