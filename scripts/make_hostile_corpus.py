"""Build a corpus of hostile input files (issues 10 and 16) into a folder.

Each file is something a batch import may meet: damaged, disguised, enormous or
malicious. `tests/test_hostile.py` checks that each one fails alone, clearly and
quickly, and costs nothing else.

Usage: python scripts/make_hostile_corpus.py OUT_DIR
"""

from __future__ import annotations

import io
import re
import struct
import sys
import zipfile
from pathlib import Path

DOC_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{body}</w:body></w:document>"
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx_bytes(document_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def simple_pdf(pages: int = 3, *, claimed_count: int | None = None) -> bytes:
    """A small valid PDF with text on each page; `claimed_count` lies in /Count."""
    objects: list[bytes] = []
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    count = claimed_count if claimed_count is not None else pages
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    font_id = 3 + 2 * pages
    for i in range(pages):
        stream = f"BT /F1 12 Tf 72 720 Td (Trang {i + 1} Ke hoach) Tj ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(simple_pdf(1))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def zip_bomb(path: Path, megabytes: int = 400, *, zip64: bool = True) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        with zf.open("word/document.xml", "w", force_zip64=zip64) as member:
            chunk = b" " * 2**20
            for _ in range(megabytes):
                member.write(chunk)


def lying_zip_bomb(path: Path, megabytes: int = 400, declared: int = 4096) -> None:
    """A DOCX whose document.xml says it is `declared` bytes (central directory and local
    header both) and inflates to `megabytes` MB."""
    zip_bomb(path, megabytes, zip64=False)
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    central = _entry(data, b"PK\x01\x02", 46, 28, name)
    local = _entry(data, b"PK\x03\x04", 30, 26, name)
    struct.pack_into("<I", data, central + 24, declared)
    struct.pack_into("<I", data, local + 22, declared)
    path.write_bytes(bytes(data))


def _entry(data: bytearray, signature: bytes, fixed: int, name_len_at: int, name: bytes) -> int:
    start = 0
    while (pos := data.find(signature, start)) >= 0:
        n = struct.unpack_from("<H", data, pos + name_len_at)[0]
        if data[pos + fixed:pos + fixed + n] == name:
            return pos
        start = pos + 1
    raise ValueError(f"no {signature!r} entry for {name!r}")


NUMBERING_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
    '<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/></Relationships>'
)


def numbering_docx(start: int, fmt: str = "upperRoman", items: int = 40) -> bytes:
    """A few KB of DOCX whose list starts at `start` (10⁸: megabyte roman labels)."""
    item = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            "<w:r><w:t>Nhiệm vụ</w:t></w:r></w:p>")
    types = CONTENT_TYPES.replace(
        "</Types>", '<Override PartName="/word/numbering.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/_rels/document.xml.rels", DOC_RELS)
        zf.writestr("word/numbering.xml", NUMBERING_XML.format(start=start, fmt=fmt))
        zf.writestr("word/document.xml", DOC_XML.format(body=item * items))
    return buf.getvalue()


def huge_html_table(rows: int = 1000, cols: int = 1000) -> bytes:
    """About 5 MB of HTML: one table of rows × cols cells (end tags left out, as HTML allows)."""
    row = "<tr>" + "<td>1" * cols
    return ("<!DOCTYPE html><html><body><p>Bảng</p><table>" + row * rows
            + "</table></body></html>").encode()


def deep_html(depth: int = 100_000) -> bytes:
    """Elements nested `depth` deep, and tables nested 60 deep."""
    tables = "<table><tr><td>" * 60 + "đáy" + "</td></tr></table>" * 60
    return ("<!DOCTYPE html><html><body>" + "<div>" * depth + "sâu" + "</div>" * depth
            + tables + "</body></html>").encode()


def shifted_xref_pdf(pages: int = 3, shift: int = 3) -> bytes:
    """Every xref offset `shift` bytes off: PDFium, pypdf and poppler still open it."""
    def moved(match: re.Match[bytes]) -> bytes:
        return b"%010d 00000 n " % (int(match.group(1)) + shift)

    return re.sub(rb"(\d{10}) 00000 n ", moved, simple_pdf(pages))


def utf16_text() -> bytes:
    return ("\ufeffỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nKẾ HOẠCH\nCải cách hành chính năm 2026\n"
            "I. MỤC TIÊU\n1. Phấn đấu 100% hồ sơ được giải quyết đúng hạn.\n").encode("utf-16-le")


def nested_tables_docx(depth: int = 60) -> bytes:
    inner = _para("đáy")
    for level in range(depth):
        inner = (f"<w:tbl><w:tr><w:tc>{_para(f'mức {level}')}{inner}<w:p/></w:tc></w:tr>"
                 "</w:tbl>")
    return _docx_bytes(DOC_XML.format(body=_para("Bảng lồng nhau") + inner))


def wide_table_docx(columns: int = 500, rows: int = 3) -> bytes:
    row = "<w:tr>" + "".join(f"<w:tc>{_para(f'c{c}')}</w:tc>" for c in range(columns)) + "</w:tr>"
    grid = "<w:tblGrid>" + "<w:gridCol/>" * columns + "</w:tblGrid>"
    return _docx_bytes(DOC_XML.format(body=f"<w:tbl>{grid}{row * rows}</w:tbl>"))


def xxe_docx() -> bytes:
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Trước &xxe; sau</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx_bytes(xml)


def build(out: Path, *, big_text_mb: int = 50) -> dict[str, Path]:
    """Write every hostile file; returns name → path."""
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "truncated.pdf": simple_pdf(5)[:400],
        "empty.pdf": b"",
        "empty.txt": b"",
        "encrypted.pdf": encrypted_pdf(),
        "not_a_zip.docx": "Đây không phải là tệp Word".encode(),
        "pdf_named.docx": simple_pdf(1),
        "docx_named.pdf": _docx_bytes(DOC_XML.format(body=_para("Kế hoạch cải cách hành chính"))),
        "lying_page_count.pdf": simple_pdf(2, claimed_count=10_000),
        "nested_tables.docx": nested_tables_docx(),
        "wide_table.docx": wide_table_docx(),
        "invalid_utf8.txt": (
            "Kế hoạch cải cách ".encode() + b"\xff\xfe\xc3\x28" + "hành chính".encode()
        ),
        "xxe.docx": xxe_docx(),
        "random.bin": bytes(range(256)) * 64,
        # issue 16
        "huge_table.html": huge_html_table(),
        "deep.html": deep_html(),
        "nested_tables.html": deep_html(10),
        "roman_numbering.docx": numbering_docx(10**8),
        "letter_numbering.docx": numbering_docx(2 * 10**9, "lowerLetter"),
        "shifted_xref.pdf": shifted_xref_pdf(),
        "no_pages.pdf": simple_pdf(0),
        "many_pages.pdf": simple_pdf(2100),
        "utf16.txt": utf16_text(),
        "new\nvanban: forged.txt": b"",
    }
    paths = {}
    for name, data in files.items():
        (out / name).write_bytes(data)
        paths[name] = out / name
    zip_bomb(out / "zip_bomb.docx")
    paths["zip_bomb.docx"] = out / "zip_bomb.docx"
    lying_zip_bomb(out / "lying_zip_bomb.docx")
    paths["lying_zip_bomb.docx"] = out / "lying_zip_bomb.docx"
    big = out / "huge.txt"
    line = ("Phấn đấu 100% hồ sơ được giải quyết đúng hạn. " * 20 + "\n").encode()
    with big.open("wb") as fh:
        for _ in range(big_text_mb * 2**20 // len(line) + 1):
            fh.write(line)
    paths["huge.txt"] = big
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    for name, path in build(target).items():
        print(f"{name}: {path.stat().st_size} bytes")
