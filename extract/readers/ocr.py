"""OCR for PDF pages with no usable text layer (scans), with Tesseract's Vietnamese data.

A page is rendered by pypdfium2 at a resolution that keeps diacritics readable (300 dpi:
at 150 dpi Tesseract confuses "ộ"/"ổ" and drops dots below), read by Tesseract into words
with boxes and confidences, and the table rulings are found in the raster, so the PDF
reader can run the same words → lines → paragraphs and ruled-table code as on a
born-digital page. Coordinates come back in PDF points, origin top-left.

Tesseract runs as a command (TSV output), one thread per run: its OpenMP threads fight
over two cores and make a page twice as slow; two pages in parallel use them better
(see `PageOcr` in pdf_ocr.py).
"""

from __future__ import annotations

import dataclasses
import functools
import os
import shutil
import statistics
import subprocess
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium

from extract.readers.pdf_text import Word

DPI = 300
LANG = "vie"
# Deskewed and binarized pages read more header fields right on the real scans and seed
# 001 scanned (26 of 30 against 25 with the gray page), and Tesseract reads a binary page
# faster (1.6 against 2.7 s/page): README "Scans", `python benchmarks/header_fields.py`.
PREPROCESS: tuple[str, ...] = ("deskew", "binarize")
SKEW_GAIN = 1.02  # a tilt is taken when it lines the rows up this much better than level
PSM = "3"  # automatic page segmentation: headers in two columns, stamps, signatures
LOW_CONFIDENCE = 60.0  # Tesseract's 0..100 word confidence below which a word is doubtful
MIN_RULE_PT = 28.0  # a drawn rule is at least this long (about 1 cm)
MAX_RULE_PT = 3.0  # ... and at most this thick: thicker dark runs are blobs (stamps, photos)
ON_RULE_PT = 2.0  # a glyph centred this close to a rule is the rule read as a letter
RULE_GLYPHS = frozenset("|¦_—–-[]")
RULE_EDGES = "|¦"
MIN_SIDE_PT = 8.0  # the side of a one-line cell, between two horizontal rules
COLOURED = 50  # max - min channel above which a pixel is coloured ink, not black or gray
TINTED, PALE = 10, 100  # ... and a pale pixel (the seal's faded ink) even this little tinted
DARK = 160  # gray level below which a pixel is ink (paper ≈ 230–255, rules ≈ 0–130)
# a line's words' median height (accents to descenders) per point of type: 0.72–0.82
LINE_HEIGHT_PER_PT = 0.75
TIMEOUT_S = 300  # one page; a hung Tesseract must not hang the batch
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie (Debian/Ubuntu)"


@dataclass
class OcrPage:
    page: int
    words: list[Word]
    rules: list[dict[str, Any]]
    mean_confidence: float
    low_confidence: list[str] = field(default_factory=list)
    seconds: float = 0.0


class OcrFailed(Exception):
    """Tesseract ran but did not read the page (crash, timeout); the message says why."""


@functools.cache
def _languages(binary: str) -> frozenset[str]:
    try:
        out = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:])


def tesseract_problem() -> str | None:
    """None when OCR can run; else what is missing and how to install it, in one line."""
    binary = shutil.which("tesseract")
    if binary is None:
        return f"Tesseract is not installed: {INSTALL_HINT}"
    if not set(LANG.split("+")) <= _languages(binary):
        return f"Tesseract has no Vietnamese data: {INSTALL_HINT}"
    return None


def clean_ink(rgb: np.ndarray) -> np.ndarray:
    """Black ink on white from an RGB raster: coloured ink (red stamps, blue signatures)
    and the pale tint around it become white, since Tesseract reads a seal over a
    signer's title as letters and loses the title ("PHÓ CHỦ TỊCH" under a red seal).
    Gray ink keeps its anti-aliasing: whitening all pale pixels costs tone marks."""
    r, g, b = rgb[:, :, 0], rgb[:, :, 1], rgb[:, :, 2]
    ink = np.maximum(np.maximum(r, g), b)  # faster than max(axis=2) over 3 channels
    colour = ink - np.minimum(np.minimum(r, g), b)
    coloured = (colour > COLOURED) | ((colour > TINTED) & (ink > PALE))
    return np.where(coloured, 255, ink).astype(np.uint8)


def otsu_threshold(gray: np.ndarray) -> int:
    """The gray level that best splits ink from paper (Otsu's method on the histogram)."""
    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    weights = np.cumsum(hist)
    means = np.cumsum(hist * np.arange(256))
    total, total_mean = weights[-1], means[-1]
    background = total - weights
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mean * weights - means * total) ** 2 / (weights * background)
    return int(np.nanargmax(between[:-1]))


def binarize(gray: np.ndarray) -> np.ndarray:
    """Black ink on white paper, nothing between: a gray JPEG's halo and the paper's
    tone gone."""
    return np.where(gray > otsu_threshold(gray), 255, 0).astype(np.uint8)


def skew_degrees(gray: np.ndarray, *, limit: float = 2.0, step: float = 0.25) -> float:
    """The page's tilt: the angle at which the rows of ink line up best (the variance
    of the row profile is highest when text lines are horizontal). Angles are tried
    from level outwards and a turn must do clearly better, so a level page stays."""
    from PIL import Image

    small = Image.fromarray(gray).reduce(4)
    steps = round(limit / step)
    angles = sorted((i * step for i in range(-steps, steps + 1)), key=abs)
    best, best_score = 0.0, -1.0
    for angle in angles:
        turned = np.asarray(small.rotate(angle, fillcolor=255)) < DARK
        score = float(np.var(turned.sum(axis=1)))
        if score > best_score * SKEW_GAIN:
            best, best_score = angle, score
    return best


def deskew(gray: np.ndarray) -> np.ndarray:
    from PIL import Image

    angle = skew_degrees(gray)
    if abs(angle) < 0.1:
        return gray
    turned = Image.fromarray(gray).rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    return np.asarray(turned)


def preprocess(gray: np.ndarray, steps: Sequence[str]) -> np.ndarray:
    """Clean a grayscale page before Tesseract: "deskew", "binarize" (in that order).
    Upscaling is the render resolution (`DPI`), not a step here."""
    if "deskew" in steps:
        gray = deskew(gray)
    if "binarize" in steps:
        gray = binarize(gray)
    return gray


def render_pixels(doc: Any, page_index: int, dpi: int = DPI) -> np.ndarray:
    """A page of an open pypdfium2 document as an RGB array (height × width × 3)."""
    page = doc[page_index]
    try:
        bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
        return np.array(bitmap.to_numpy()[:, :, :3])
    finally:
        page.close()


def render_page(path: Path, page_index: int, dpi: int = DPI) -> np.ndarray:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return render_pixels(pdf, page_index, dpi)
    finally:
        pdf.close()


def _pgm(pixels: np.ndarray) -> bytes:
    height, width = pixels.shape
    return b"P5 %d %d 255\n" % (width, height) + pixels.tobytes()


def run_tesseract(pixels: np.ndarray, *, dpi: int = DPI) -> str:
    """Tesseract's TSV for a grayscale raster (fed on stdin as PGM: no temporary file)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cmd = ["tesseract", "stdin", "stdout", "-l", LANG, "--psm", PSM, "--dpi", str(dpi), "tsv"]
    try:
        done = subprocess.run(
            cmd, input=_pgm(pixels), capture_output=True, env=env, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrFailed(f"Tesseract took over {TIMEOUT_S} s") from exc
    except OSError as exc:
        raise OcrFailed(f"Tesseract could not start: {exc}") from exc
    if done.returncode != 0:
        last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["?"])[-1]
        raise OcrFailed(f"Tesseract failed: {last}")
    return done.stdout.decode("utf-8", "replace")


@dataclass(frozen=True, slots=True)
class TsvWord:
    line: tuple[int, int, int]  # block, paragraph, line
    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float


def parse_tsv(tsv: str) -> list[TsvWord]:
    """The words (level 5 rows) of Tesseract's TSV output."""
    words: list[TsvWord] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t", 11)
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        key = (int(cols[2]), int(cols[3]), int(cols[4]))
        left, top, width, height = (int(c) for c in cols[6:10])
        words.append(TsvWord(key, cols[11].strip(), left, top, width, height, float(cols[10])))
    return words


def line_bands(words: Sequence[TsvWord]) -> dict[tuple[int, int, int], tuple[float, float]]:
    """Top and bottom of each Tesseract line, the medians of its words': a line's own
    box swells with a stamp or a signature stroke and would swallow the next line."""
    tops: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    bottoms: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for w in words:
        tops[w.line].append(w.top)
        bottoms[w.line].append(w.top + w.height)
    return {k: (statistics.median(tops[k]), statistics.median(bottoms[k])) for k in tops}


def paragraph_heights(
    bands: dict[tuple[int, int, int], tuple[float, float]],
) -> dict[tuple[int, int], float]:
    """Line height per Tesseract paragraph, the median of its lines: one line with no
    capital or descender is shorter, but its type is the same."""
    heights: dict[tuple[int, int], list[float]] = defaultdict(list)
    for (block, par, _), (top, bottom) in bands.items():
        heights[(block, par)].append(bottom - top)
    return {key: statistics.median(hs) for key, hs in heights.items()}


def tsv_words(tsv: str, *, scale: float) -> tuple[list[Word], list[float], list[str]]:
    """Tesseract's words as Word in points, with their confidences and the doubtful ones.

    A word takes its line's top and bottom ("năm" is shorter than "Hội" but on the same
    line), and its paragraph's line height gives the type size; weight and slant are
    unknown.
    """
    rows = [w for w in parse_tsv(tsv) if w.conf >= 0]
    bands = line_bands(rows)
    heights = paragraph_heights(bands)
    words, confs, doubtful = [], [], []
    for w in rows:
        top, bottom = bands[w.line]
        words.append(
            Word(
                text=w.text,
                x0=w.left * scale,
                x1=(w.left + w.width) * scale,
                top=top * scale,
                bottom=bottom * scale,
                size=round(heights[w.line[:2]] * scale / LINE_HEIGHT_PER_PT * 2) / 2,
                bold=False,
                italic=False,
            )
        )
        confs.append(w.conf)
        if w.conf < LOW_CONFIDENCE:
            doubtful.append(w.text)
    return words, confs, doubtful


# ---------------------------------------------------------------- rulings in the raster


def _long_runs(dark: np.ndarray, min_len: int) -> np.ndarray:
    """(row, start, end) of each horizontal run of ink at least `min_len` pixels long."""
    height, width = dark.shape
    padded = np.zeros((height, width + 2), dtype=np.int8)
    padded[:, 1:-1] = dark
    step = np.diff(padded, axis=1)
    rows, starts = np.nonzero(step == 1)
    _, ends = np.nonzero(step == -1)  # same row-major order: the i-th end closes the i-th start
    keep = ends - starts >= min_len
    return np.stack([rows[keep], starts[keep], ends[keep]], axis=1)


def _merge_thick(runs: np.ndarray, max_rows: int) -> list[tuple[float, int, int]]:
    """One rule (middle row, start, end) per stack of overlapping runs on nearby rows: a
    rule scanned at 300 dpi is several pixels thick, and its lighter edge rows break into
    pieces. Stacks thicker than `max_rows` are ink blobs (stamps, photos), not rules."""
    open_: list[list[int]] = []  # first row, last row, start, end
    done: list[list[int]] = []
    for row, start, end in runs.tolist():
        done += [r for r in open_ if row - r[1] > 2]
        open_ = [r for r in open_ if row - r[1] <= 2]
        hits = [r for r in open_ if start <= r[3] and end >= r[2]]
        if not hits:
            open_.append([row, row, start, end])
            continue
        keep = hits[0]
        for other in hits[1:]:  # a full row joins the pieces of the row above
            keep[0], keep[2], keep[3] = (
                min(keep[0], other[0]),
                min(keep[2], other[2]),
                max(keep[3], other[3]),
            )
            open_.remove(other)
        keep[1], keep[2], keep[3] = row, min(start, keep[2]), max(end, keep[3])
    done += open_
    return [((r[0] + r[1]) / 2, r[2], r[3]) for r in done if r[1] - r[0] < max_rows]


def _closes_cell(
    x: float, top: float, bottom: float, rows: Sequence[tuple[float, int, int]], slack: float
) -> bool:
    """A short vertical run is a cell side when a horizontal rule passes at each end."""

    def rule_at(y: float) -> bool:
        return any(abs(pos - y) <= slack and a - slack <= x <= b + slack for pos, a, b in rows)

    return rule_at(top) and rule_at(bottom)


def raster_rules(pixels: np.ndarray, *, scale: float) -> list[dict[str, Any]]:
    """Long, thin, straight runs of ink, as pdfplumber-style line objects in points.

    Horizontal rules are long; a vertical one may be as short as a one-line header
    cell, and counts when it runs from one horizontal rule to another (a letter's stem
    never does)."""
    dark = pixels < DARK
    min_len, max_rows = int(MIN_RULE_PT / scale), max(2, int(MAX_RULE_PT / scale))
    slack = MAX_RULE_PT / scale
    rows = _merge_thick(_long_runs(dark, min_len), max_rows)
    columns = [
        (pos, a, b)
        for pos, a, b in _merge_thick(
            _long_runs(np.ascontiguousarray(dark.T), int(MIN_SIDE_PT / scale)), max_rows
        )
        if b - a >= min_len or _closes_cell(pos, a, b, rows, slack)
    ]
    return [_line(a * scale, b * scale, pos * scale, pos * scale) for pos, a, b in rows] + [
        _line(pos * scale, pos * scale, a * scale, b * scale) for pos, a, b in columns
    ]


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


def _on_rule(word: Word, rules: Sequence[dict[str, Any]]) -> bool:
    """The word's box, widened by ON_RULE_PT, meets a rule."""
    x0, x1 = word.x0 - ON_RULE_PT, word.x1 + ON_RULE_PT
    top, bottom = word.top - ON_RULE_PT, word.bottom + ON_RULE_PT
    return any(
        r["x0"] <= x1 and r["x1"] >= x0 and r["top"] <= bottom and r["bottom"] >= top for r in rules
    )


def strip_rule_glyphs(words: Sequence[Word], rules: Sequence[dict[str, Any]]) -> list[Word]:
    """Without the "|" and "_" that Tesseract reads on and beside a table's rules ("|",
    "12_", "UBND_"): the rules themselves, or nothing, never text. A word that is only
    underscores (a blank to fill in, "Số: ____/QĐ") stays."""
    out = []
    for w in words:
        text = w.text.strip("_") or w.text
        if text[0] in RULE_EDGES or text[-1] in RULE_EDGES:
            text = text.strip(RULE_EDGES) if _on_rule(w, rules) else text
        if not text or (set(text) <= RULE_GLYPHS and _on_rule(w, rules)):
            continue
        out.append(w if text == w.text else dataclasses.replace(w, text=text))
    return out


# ---------------------------------------------------------------- one page


def ocr_image(pixels: np.ndarray, page: int, *, dpi: int = DPI) -> OcrPage:
    """Read a rendered page (RGB, or 8-bit grayscale already clean); `page` is 1-based.
    Runs in a worker thread: no PDFium here."""
    started = time.perf_counter()
    scale = 72 / dpi
    if pixels.ndim == 3:
        pixels = clean_ink(pixels)
    pixels = preprocess(pixels, PREPROCESS)
    words, confs, doubtful = tsv_words(run_tesseract(pixels, dpi=dpi), scale=scale)
    rules = raster_rules(pixels, scale=scale)
    return OcrPage(
        page=page,
        words=strip_rule_glyphs(words, rules),
        rules=rules,
        mean_confidence=statistics.fmean(confs) if confs else 0.0,
        low_confidence=doubtful,
        seconds=time.perf_counter() - started,
    )


def ocr_pdf_page(path: Path, page_index: int, *, dpi: int = DPI) -> OcrPage:
    """Render and read one page (0-based index); the result is 1-based `page`."""
    started = time.perf_counter()
    pixels = render_page(path, page_index, dpi)
    result = ocr_image(pixels, page_index + 1, dpi=dpi)
    result.seconds = time.perf_counter() - started
    return result
