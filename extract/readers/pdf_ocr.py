"""Scanned pages in the PDF reader: a page whose text layer is missing or garbage is read
by OCR, and its words and raster rulings replace pdfplumber's in the page view, so the
same words → lines → paragraphs and ruled-table code runs on it.

Tesseract runs in worker threads (it is a separate process, so threads suffice and
nothing is pickled): while page i is being read, page i + 1 is already rendered and
on its way, which keeps both cores busy on a scan. Only the reader's thread touches
PDFium (it is not thread-safe); the workers get a pixel array. At most `WORKERS` + 1
rendered pages (26 MB each at 300 dpi) wait at a time, so memory stays bounded.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from extract.readers.ocr import OcrFailed, OcrPage, ocr_image, render_pixels, tesseract_problem
from extract.readers.pdf_text import Line, Word
from extract.readers.pdf_textlayer import TextLayer, text_layer_of
from extract.readers.repair import repair_text
from normalize.ocr_repair import repair_ocr_names, repair_ocr_words
from schemas.diagnostics import Report, WarningCode

WORKERS = max(1, min(4, os.cpu_count() or 1))
HEADER_SHARE = 0.4  # the header sits in the top of the first page
LOW_MEAN_CONFIDENCE = 80.0  # a page whose words average below this is doubtful as a whole
MAX_DOUBTFUL_SHARE = 0.10  # ... as is one where more than this share of words is doubtful
EXAMPLES = 6  # doubtful words quoted in the warning

TablesOf = Callable[[Any, int, Sequence[Word], list[dict[str, Any]]], list[Any]]


def layer_of_words(texts: Sequence[str]) -> TextLayer:
    return text_layer_of([repair_text(t) for t in texts])


class PageOcr:
    """OCR of one PDF's pages, on demand, for the reader's page loop.

    `mode`: "auto" reads pages without a usable text layer, "force" every page,
    "off" none. `tables_of(page, page_no, words, rules)` is the reader's ruled-table
    finder, run on the OCR words and the rules found in the raster.
    """

    def __init__(self, path: Path, *, mode: str, report: Report, tables_of: TablesOf) -> None:
        self.path, self.mode, self.report, self.tables_of = Path(path), mode, report, tables_of
        self._doc: Any | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._pending: dict[int, Future[OcrPage]] = {}
        self._problem: str | None = None
        self._checked = False

    # ------------------------------------------------------------ the reader's hook

    def view(self, page: Any, view: Any) -> Any:
        """`view` (the reader's PageView of pdfplumber `page`) with OCR words and tables
        when the page needs OCR and OCR can run; else `view` unchanged."""
        if self.mode == "off":
            return view
        layer: TextLayer = view.layer
        if self.mode != "force" and layer == "ok":
            return view
        if self._unavailable():
            return view
        index = page.page_number - 1
        try:
            result = self._result(index)
        except OcrFailed as exc:
            self.report.warn(WarningCode.OCR_UNAVAILABLE, page=index + 1, detail=str(exc))
            return view
        self._warn(result)
        tables = (
            self.tables_of(page, result.page, result.words, result.rules) if result.rules else []
        )
        return dataclasses.replace(view, words=result.words, tables=tables, layer="ocr")

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._doc is not None:
            self._doc.close()

    # ------------------------------------------------------------ warnings

    def _unavailable(self) -> bool:
        """OCR is needed: say once per document if it cannot run."""
        if not self._checked:
            self._checked = True
            self._problem = tesseract_problem()
            if self._problem is not None:
                self.report.warn(WarningCode.OCR_UNAVAILABLE, detail=self._problem)
        return self._problem is not None

    def _warn(self, result: OcrPage) -> None:
        # no text_layer_garbage: the page has readable text now, and ocr_used says whence
        self.report.warn(WarningCode.OCR_USED, page=result.page)
        if doubtful := low_confidence_detail(result):
            self.report.warn(WarningCode.OCR_LOW_CONFIDENCE, page=result.page, detail=doubtful)

    # ------------------------------------------------------------ pages in flight

    def _result(self, index: int) -> OcrPage:
        self._submit(index)
        doc = self._open()
        # WORKERS pages ahead: a worker that finishes finds the next page already queued
        for ahead in range(index + 1, min(index + 1 + WORKERS, len(doc))):
            if ahead not in self._pending and self._needs_ocr(ahead):
                self._submit(ahead)
        return self._pending.pop(index).result()

    def _open(self) -> Any:
        if self._doc is None:
            self._doc = pdfium.PdfDocument(self.path)
        return self._doc

    def _submit(self, index: int) -> None:
        if index in self._pending:
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="ocr")
        pixels = render_pixels(self._open(), index)
        self._pending[index] = self._pool.submit(ocr_image, pixels, index + 1)

    def _needs_ocr(self, index: int) -> bool:
        """The reader will ask for this page: worth starting it now."""
        if self.mode == "force":
            return True
        page = self._open()[index]
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
            page.close()
        return layer_of_words(text.split()) != "ok"


def repair_ocr_lines(lines: Sequence[Line], *, header_until: float = 0.0) -> list[Line]:
    """OCR lines with header words repaired against the closed lists (ocr_repair.py);
    each word keeps its box, a word merged into the one before is dropped. Lines above
    `header_until` (points from the top) also get names' tone marks set right."""
    out = []
    for line in lines:
        texts = repair_ocr_words([w.text for w in line.words])
        if line.top < header_until:
            texts = repair_ocr_names(texts)
        if texts == [w.text for w in line.words]:
            out.append(line)
            continue
        words = tuple(
            dataclasses.replace(w, text=t) for w, t in zip(line.words, texts, strict=True) if t
        )
        out.append(Line(words) if words else line)
    return out


def low_confidence_detail(result: OcrPage) -> str | None:
    """What the warning says when a page's OCR is doubtful; None when it reads well.
    Doubtful words stay in the text: a wrong tone mark is better than a gap."""
    n = len(result.words)
    share = len(result.low_confidence) / n if n else 0.0
    if not n or (result.mean_confidence >= LOW_MEAN_CONFIDENCE and share <= MAX_DOUBTFUL_SHARE):
        return None
    examples = ", ".join(f"«{w}»" for w in result.low_confidence[:EXAMPLES])
    return (
        f"mean word confidence {result.mean_confidence:.0f}/100, "
        f"{len(result.low_confidence)} of {n} words doubtful"
        + (f" ({examples})" if examples else "")
    )
