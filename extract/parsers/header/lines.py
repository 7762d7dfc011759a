"""The lines of a document's header and their parsers: number (số, ký hiệu), place and
date (địa danh, ngày tháng), document type, metadata rows of legal sites.

Layout after Nghị định 30/2020/NĐ-CP, Phụ lục I: agency block top left, motto top right,
"Số: …/…" under the agency, "Place, ngày … tháng … năm …" under the motto, then the type
in capitals, the title (trích yếu), and for decisions the authority line (thẩm quyền).
Readers give these as paragraphs (text, PDF) or as cells of a 2×2 / 1×3 table (DOCX);
`document_lines` flattens both into lines, each knowing its block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from normalize.citations import clean_serial
from normalize.dates import PartialDate, parse_date
from normalize.doc_types import doc_type_of
from normalize.header_terms import is_motto, preamble_opener
from normalize.patterns import HEADER_HEADING
from normalize.text import fold_key, fold_ws, nfc
from schemas.codes import DocType
from schemas.document import Cell, Paragraph, Table

_MARKUP_EDGES = re.compile(r"^(?:[\s|>]|#+\s|\*+|_{2,})+|(?:[\s|]|\*+|_{2,})+$")
_EDGE_START = frozenset("|>#*_")  # the characters _MARKUP_EDGES removes besides spaces
_EDGE_END = frozenset("|*_")
_EMPHASIS = re.compile(r"\*\*|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_SYM = r"[A-ZĐÐ][A-Za-zĐđÐ0-9&]*"
_NUMBER_LINE = re.compile(
    r"^Số\s*[:.]?\s*"
    r"(?:(?P<serial>\d+(?:\.\d+)?)\s*[/-]\s*|[/-]\s*)?"
    rf"(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?(?P<symbol>{_SYM}(?:\s?[-/]\s?{_SYM})*)"
    r"(?P<rest>(?:\s.*)?)$"
)
_PLACE_DATE = re.compile(
    r"^(?:(?P<place>[^\W\d_][^,;:()]{0,40}?)\s*,\s*)?(?P<date>ngày\b.*)$", re.IGNORECASE
)
_MOTTO_START = re.compile(r"\b(?:C[ỘÔO]NG\s+H[ÒOÓ]A|Độc\s+lập)\b", re.IGNORECASE)
_ARTICLE = re.compile(r"^Điều\s+(?P<no>\d+[a-z]?)\s*[.:]?\s*(?P<text>.*)$", re.IGNORECASE)
_DATE_WORDS = re.compile(
    r"\bngày\b.*\btháng\b|\bngày\b.*\bnăm\b|\bngày\s*\d{0,2}\s*/\s*\d{1,2}\s*/\s*\d{4}",
    re.IGNORECASE,
)

_METADATA_KEYS = {
    fold_key("Số hiệu"): "number",
    fold_key("Ngày ban hành"): "issued_date",
    fold_key("Loại văn bản"): "doc_type",
    fold_key("Cơ quan ban hành"): "issuer",
    fold_key("Người ký"): "signer",
}


@dataclass(frozen=True)
class Line:
    """One line of text and where it is: `index` into list(doc.body())."""

    text: str
    index: int
    page: int | None
    block: str
    in_table: bool = False


@dataclass(frozen=True)
class NumberLine:
    number: str | None  # None when the serial is left blank
    symbol: str
    raw: str
    rest: str  # what followed on the same line (a PDF may join the place-date line)


@dataclass(frozen=True)
class PlaceDate:
    place: str | None
    date: PartialDate | None
    raw: str


def clean_line(text: str) -> str:
    """Markdown and table residue off a line: '## QUYẾT ĐỊNH', '**Điều 1.**', 'Số: 1 |'."""
    # every line of the document comes here, and few carry markup: the regexes run only
    # where the characters they remove are (the edges' spaces fold_ws removes as well)
    text = nfc(text)
    if "*" in text:
        text = _EMPHASIS.sub("", text)
    core = text.strip()
    if core and (core[0] in _EDGE_START or core[-1] in _EDGE_END):
        text = _MARKUP_EDGES.sub("", text)
    return fold_ws(text)


def document_lines(blocks: list[Paragraph | Table]) -> list[Line]:
    """Every line of the body, paragraphs split at line breaks, each table cell's
    paragraphs as lines. Cells are read column by column: layout tables put the agency
    block over the number and the recipients over nothing but themselves, while the
    signature block stands in the next column (often split over two rows)."""
    lines: list[Line] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            for cell in sorted(block.cells, key=lambda c: (c.col, c.row)):
                for text in _cell_lines(cell):
                    _append(lines, text, index, block, in_table=True)
        else:
            for text in block.text.split("\n"):
                _append(lines, text, index, block, in_table=False)
    return lines


def _cell_lines(cell: Cell) -> list[str]:
    """A cell's paragraphs, or its lines where a paragraph holds line breaks: a header
    cell typed as one paragraph with breaks ("BAN CHẤP HÀNH TRUNG ƯƠNG↵VĂN PHÒNG↵---")
    is as many header lines."""
    paras = cell.lines
    broken = [line for line in cell.text.split("\n") if line.strip()]
    if len(broken) > len(paras) and fold_ws(" ".join(broken)) == fold_ws(" ".join(paras)):
        return broken
    return paras


def _append(
    lines: list[Line], text: str, index: int, block: Paragraph | Table, *, in_table: bool
) -> None:
    cleaned = clean_line(text)
    if cleaned:
        lines.append(Line(cleaned, index, block.page, block.id, in_table))


def is_caps(text: str) -> bool:
    """Typed in capitals (ignoring digits and punctuation), with at least two letters."""
    # a loop that stops at the first small letter: most lines of a plan are prose
    letters = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 2


def split_motto(text: str) -> str:
    """The part of a line before the motto: a PDF may put both columns on one line."""
    m = _MOTTO_START.search(text)
    return text[: m.start()].strip(" -") if m else text


def parse_number_line(text: str) -> NumberLine | None:
    """'Số: 3667/QĐ-UBND', 'Số: /QĐ-VPUB' (blank serial), 'Số - KH/ĐU', 'Số 83-KH/ĐU'.

    >>> parse_number_line("Số: 3667/QĐ-UBND").number
    '3667/QĐ-UBND'
    """
    m = _NUMBER_LINE.match(text)
    if m is None:
        return None
    symbol = re.sub(r"\s+", "", m.group("symbol")).replace("Ð", "Đ")
    serial = m.group("serial")
    number = None
    if serial:
        party = "/" in symbol and "-" not in symbol.split("/")[0] and _party_dash(m.group(0))
        year = f"{m.group('year')}/" if m.group("year") else ""
        number = f"{serial}-{symbol}" if party else f"{serial}/{year}{symbol}"
    raw = text[: m.start("rest")].strip()
    return NumberLine(number, symbol, raw, m.group("rest").strip())


def _party_dash(text: str) -> bool:
    # "Số 83-KH/ĐU": the serial is joined by a dash, the party's style
    return re.match(r"^Số\s*[:.]?\s*\d+\s*-", text) is not None


def serial_of(number: str | None) -> str | None:
    if not number:
        return None
    m = re.match(r"\d+(?:\.\d+)?", number)
    return clean_serial(m.group(0)) if m else None


def parse_place_date(text: str) -> PlaceDate | None:
    """'Nghệ An, ngày 30 tháng 12 năm 2024' → place and date; the date may be partial.

    A line with the date words but no readable date (all blanks) gives date None.
    """
    m = _PLACE_DATE.match(text)
    if m is None or not _DATE_WORDS.search(m.group("date")):
        return None
    place = fold_ws(m.group("place")) if m.group("place") else None
    if place and (len(place.split()) > 6 or is_motto(place)):
        return None
    return PlaceDate(place, parse_date(m.group("date")), text)


def type_line(text: str) -> DocType | None:
    """The type a line names alone and in capitals ("QUYẾT ĐỊNH", "KẾ HOẠCH"), else None.
    "QUYẾT ĐỊNH:" (with the colon) opens the articles and is not a type line."""
    if not is_caps(text) or text.endswith(":"):
        return None
    return doc_type_of(text)


def is_articles_opener(text: str) -> bool:
    """'QUYẾT ĐỊNH:' (or 'QUYẾT NGHỊ:'), the line before the articles."""
    return (
        text.endswith(":")
        and is_caps(text)
        and fold_key(text)
        in (fold_key("QUYẾT ĐỊNH"), fold_key("QUYẾT NGHỊ"), fold_key("NGHỊ QUYẾT"))
    )


def parse_article(text: str) -> tuple[str, str] | None:
    m = _ARTICLE.match(text)
    return (m.group("no"), m.group("text").strip()) if m else None


def is_body_start(text: str) -> bool:
    """A line that ends the header: a preamble ("Căn cứ …"), the articles, a numbered
    section heading, or a paragraph too long to be a title."""
    return (
        preamble_opener(text) is not None
        or is_articles_opener(text)
        or parse_article(text) is not None
        or HEADER_HEADING.match(text) is not None
        or fold_key(text).startswith(fold_key("Kính gửi"))
        or len(text) > 300
    )


def metadata_row(line: str) -> tuple[str, str] | None:
    """A legal site's metadata row, '| Số hiệu | 3369/QĐ-UBND |' → ('number', value)."""
    cells = [c.strip() for c in nfc(line).strip().strip("|").split("|")]
    if len(cells) != 2 or not cells[1]:
        return None
    field = _METADATA_KEYS.get(fold_key(cells[0]))
    return (field, fold_ws(cells[1])) if field else None


def table_metadata(table: Table) -> list[tuple[str, str]]:
    """Metadata rows held as a two-column table."""
    rows = []
    for row in table.row_texts():
        cells = [c for c in row if c.strip()]
        if len(cells) == 2:
            found = metadata_row(f"{cells[0]} | {cells[1]}")
            if found:
                rows.append(found)
    return rows
