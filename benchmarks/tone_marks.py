"""How often documents write tone marks in the old style, and what placing them costs.

Run: .venv/bin/python benchmarks/tone_marks.py [FILES or folders; default samples/ and
../shared/realdocs/]. Reads each file (no OCR), counts the words whose tone mark
`government_tone_marks` moves ("Hoà" → "Hòa"), and times it per word.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from extract import read_document
from extract.options import OcrMode
from normalize.tone_marks import government_tone_marks
from schemas.diagnostics import VanbanError
from schemas.document import Paragraph, Table

ROOT = Path(__file__).resolve().parents[1]


def _texts(path: Path) -> list[str]:
    try:
        doc = read_document(path, ocr=OcrMode.OFF)
    except VanbanError as exc:
        print(f"  skipped {path.name}: {exc.reason}")
        return []
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out.extend(cell.text for cell in block.cells)
    return out


def main(args: list[str]) -> None:
    roots = [Path(a) for a in args] or [ROOT / "samples", ROOT.parent / "shared" / "realdocs"]
    files = sorted(p for r in roots for p in ([r] if r.is_file() else r.iterdir())
                   if p.suffix.lower() in (".txt", ".md", ".html", ".docx", ".doc", ".pdf", ".rtf"))
    words: list[str] = []
    for path in files:
        for text in _texts(path):
            words.extend(text.split())
    started = time.perf_counter()
    moved = Counter(w for w in words if government_tone_marks(w) != w)
    seconds = time.perf_counter() - started
    print(f"files {len(files)}, words {len(words)}, old-style placement {sum(moved.values())} "
          f"({len(moved)} distinct), {seconds / max(len(words), 1) * 1e6:.1f} µs/word")
    for word, n in moved.most_common(12):
        print(f"  {n:5d}  {word} → {government_tone_marks(word)}")


if __name__ == "__main__":
    main(sys.argv[1:])
