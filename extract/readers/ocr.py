"""OCR for PDF pages with no usable text layer (scans), with Tesseract's Vietnamese data.

A page is rendered by pypdfium2 at a resolution that keeps diacritics readable (300 dpi:
at 150 dpi Tesseract confuses "ộ"/"ổ" and drops dots below), read by Tesseract into words
with boxes and confidences, and the table rulings are found in the raster, so the PDF
reader can run the same words → lines → paragraphs and ruled-table code as on a
born-digital page. Coordinates come back in PDF points, origin top-left.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.readers.pdf_text import Word

DPI = 300
LANG = "vie"
LOW_CONFIDENCE = 60.0  # Tesseract's 0..100 word confidence below which a word is doubtful
MIN_RULE_PT = 28.0  # a drawn rule is at least this long (about 1 cm)


@dataclass
class OcrPage:
    page: int
    words: list[Word]
    rules: list[dict[str, Any]]
    mean_confidence: float
    low_confidence: list[str] = field(default_factory=list)
    seconds: float = 0.0


def tesseract_problem() -> str | None:
    """None when OCR can run; else what to install, in one line."""
    if shutil.which("tesseract") is None:
        return (
            "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie; "
            "then pip install pytesseract)"
        )
    try:
        import pytesseract
    except ImportError:
        return "pytesseract is not installed (pip install pytesseract)"
    if LANG not in pytesseract.get_languages(config=""):
        return "Tesseract has no Vietnamese data (apt-get install tesseract-ocr-vie)"
    return None


def render_page(path: Path, page_index: int, dpi: int = DPI):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[page_index].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        pdf.close()


def image_words(image, *, scale: float) -> tuple[list[Word], list[float], list[str]]:  # type: ignore[no-untyped-def]
    """Tesseract's words as Word (PDF points) with their confidences."""
    import pytesseract

    data = pytesseract.image_to_data(
        image, lang=LANG, config="--psm 3", output_type=pytesseract.Output.DICT
    )
    words, confs, doubtful = [], [], []
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if not text.strip() or conf < 0:
            continue
        x, y, w, h = (data[k][i] * scale for k in ("left", "top", "width", "height"))
        words.append(
            Word(
                text=text,
                x0=x,
                x1=x + w,
                top=y,
                bottom=y + h,
                size=round(h * 1.25, 1),
                bold=False,
                italic=False,
            )
        )
        confs.append(conf)
        if conf < LOW_CONFIDENCE:
            doubtful.append(text)
    return words, confs, doubtful


def _runs(mask_row, min_len: int) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    import numpy as np

    padded = np.concatenate(([0], mask_row.astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    starts, ends = edges[::2], edges[1::2]
    keep = (ends - starts) >= min_len
    return list(zip(starts[keep].tolist(), ends[keep].tolist(), strict=True))


def raster_rules(image, *, scale: float) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Long straight dark runs of the scan, as pdfplumber-style line objects in points."""
    import numpy as np

    dark = np.asarray(image) < 128
    min_len = int(MIN_RULE_PT / scale)
    rules: list[dict[str, Any]] = []
    for axis, orient in ((dark, "h"), (dark.T, "v")):
        seen: dict[tuple[int, int], int] = {}
        for idx, row in enumerate(axis):
            for start, end in _runs(row, min_len):
                key = (start // 4, end // 4)  # one rule drawn several pixels thick
                if key in seen and idx - seen[key] <= 3:
                    seen[key] = idx
                    continue
                seen[key] = idx
                a, b, pos = start * scale, end * scale, idx * scale
                if orient == "h":
                    rules.append(_line(a, b, pos, pos))
                else:
                    rules.append(_line(pos, pos, a, b))
    return rules


def _line(x0: float, x1: float, top: float, bottom: float) -> dict[str, Any]:
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "stroke": True,
    }


def ocr_pdf_page(path: Path, page_index: int, *, dpi: int = DPI) -> OcrPage:
    """Render and read one page (0-based index); the result is 1-based `page`."""
    started = time.perf_counter()
    image = render_page(path, page_index, dpi)
    scale = 72 / dpi
    words, confs, doubtful = image_words(image, scale=scale)
    rules = raster_rules(image, scale=scale)
    mean = sum(confs) / len(confs) if confs else 0.0
    return OcrPage(
        page=page_index + 1,
        words=words,
        rules=rules,
        mean_confidence=mean,
        low_confidence=doubtful,
        seconds=time.perf_counter() - started,
    )
