"""Rebuild the small bad PDFs of this folder (run by hand; pypdf and LibreOffice needed).

    python tests/data/make_bad_pdfs.py

- encrypted.pdf: AES-128, user password "secret": pdfplumber raises a wrapped
  PDFPasswordIncorrect whose message is empty.
- truncated.pdf: the first half of a valid one-page PDF (a download cut short).
- not_a_pdf.pdf: a %PDF signature followed by text, no objects at all.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader, PdfWriter

HERE = Path(__file__).resolve().parent
TEXT = "KẾ HOẠCH\nCải cách hành chính nhà nước năm 2026\n"


def small_pdf(tmp: Path) -> Path:
    src = tmp / "small.txt"
    src.write_text(TEXT, encoding="utf-8")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
        check=True,
        capture_output=True,
    )
    return tmp / "small.pdf"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = small_pdf(Path(tmp))
        data = pdf.read_bytes()
        writer = PdfWriter()
        writer.append(PdfReader(pdf))
        writer.encrypt("secret", algorithm="AES-128")
        with (HERE / "encrypted.pdf").open("wb") as fh:
            writer.write(fh)
    (HERE / "truncated.pdf").write_bytes(data[: len(data) // 2])
    (HERE / "not_a_pdf.pdf").write_bytes(b"%PDF-1.4\nthis is not a PDF body\n")


if __name__ == "__main__":
    main()
