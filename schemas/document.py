"""The intermediate document model: every reader produces it, every parser reads it.

A flat list of blocks in reading order. Readers record hints (heading style,
list label, bold); recovering the section tree is the parsers' job.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field

from schemas.base import BBox, Model, Prov
from schemas.diagnostics import WarningItem

Align = Literal["left", "center", "right", "justify"]
Role = Literal[
    "body", "page_header", "page_footer", "page_number", "footnote", "site_furniture"
]
Format = Literal["pdf", "docx", "html", "md", "txt"]


class Style(Model):
    """What the reader saw. None = the format cannot tell, False = it can and it is not."""

    bold: bool | None = Field(None, description="whole block in bold")
    italic: bool | None = Field(None, description="whole block in italics")
    underline: bool | None = Field(None, description="whole block underlined")
    font_size: float | None = Field(None, description="points (median of the glyphs)")
    align: Align | None = Field(None, description="left, center, right or justify")
    style_name: str | None = Field(None, description="DOCX paragraph style, HTML tag")
    heading_level: int | None = Field(
        None, description="from a heading style, <hN> or Markdown #: a hint, not a section")
    list_level: int | None = Field(None, description="DOCX ilvl, HTML list nesting")


class Paragraph(Model):
    kind: Literal["paragraph"] = "paragraph"
    id: str = Field(description='"b0042": reading order, stable for an input and reader version')
    text: str = Field(
        description="repaired text (NFC, glyphs fixed, lines joined): parsers read it")
    raw: str = Field(description="as the reader found it: messages quote it")
    label: str | None = Field(None, description='list label the reader computed ("II.", "a)"), '
                              "already at the start of text")
    style: Style = Field(Style(), description="what the reader saw")
    role: Role = Field("body", description="body, page_header, page_footer, page_number, footnote, "
                       "site_furniture (a web page's banners, tabs, notices)")
    prov: tuple[Prov, ...] = Field((), description="page(s) and PDF bbox")

    @property
    def page(self) -> int | None:
        return self.prov[0].page if self.prov else None


class Cell(Model):
    row: int = Field(description="top-left grid row, 0-based")
    col: int = Field(description="top-left grid column, 0-based")
    row_span: int = Field(1, description="rows the cell covers")
    col_span: int = Field(1, description="columns the cell covers")
    text: str = Field(description='repaired text; list items and paragraphs joined with "\\n"')
    raw: str = Field(description="as the reader found it")
    blocks: tuple[Block, ...] = Field((), description="rich content: paragraphs, list items, "
                                      "nested tables")
    header: bool = Field(False, description="a header cell")
    prov: tuple[Prov, ...] = Field((), description="page(s) and PDF bbox")

    @property
    def lines(self) -> list[str]:
        """The cell's paragraphs / list items when the format kept them, else its lines."""
        paras = [b.text for b in self.blocks if isinstance(b, Paragraph) and b.text.strip()]
        if paras:
            return paras
        return [line for line in self.text.split("\n") if line.strip()]


class Table(Model):
    kind: Literal["table"] = "table"
    id: str = Field(description="reading-order id, like a paragraph's")
    n_rows: int = Field(description="grid rows")
    n_cols: int = Field(description="grid columns")
    cells: tuple[Cell, ...] = Field(description="each cell once, at its anchor")
    header_rows: int = Field(0, description="leading header rows (repeats on later pages dropped)")
    role: Role = Field("body", description="as for paragraphs")
    prov: tuple[Prov, ...] = Field((), description="one entry per page the table covers")

    @property
    def page(self) -> int | None:
        return self.prov[0].page if self.prov else None

    def grid(self) -> list[list[Cell | None]]:
        """Rectangular view: a spanning cell appears at every position it covers."""
        rows: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.row_span, self.n_rows)):
                for c in range(cell.col, min(cell.col + cell.col_span, self.n_cols)):
                    rows[r][c] = cell
        return rows

    def row_texts(self) -> list[list[str]]:
        """The grid as text; covered positions repeat the spanning cell's text."""
        return [[c.text if c else "" for c in row] for row in self.grid()]


Block = Annotated[Paragraph | Table, Field(discriminator="kind")]


class PageInfo(Model):
    page: int = Field(description="1-based")
    width: float | None = Field(None, description="points")
    height: float | None = Field(None, description="points")
    text_layer: Literal["ok", "none", "garbage", "ocr"] | None = Field(
        None, description="ok, none (a scan), garbage (bad OCR layer), ocr (read by OCR)")


class Source(Model):
    """= CONTRACT `source`."""

    path: str = Field(description="the file as given")
    sha256: str = Field(description="of the file's bytes: the import key")
    format: Format = Field(description="pdf, docx, html, md or txt (by content)")
    pages: int | None = Field(None, description="PDF pages; null for other formats")


class Document(Model):
    source: Source = Field(description="= the contract's source")
    pages: tuple[PageInfo, ...] = Field((), description="per PDF page: size and text layer")
    blocks: tuple[Block, ...] = Field(description="paragraphs and tables in reading order")
    warnings: tuple[WarningItem, ...] = Field((), description="raised while reading")

    def body(self) -> Iterator[Paragraph | Table]:
        """Blocks with role == "body", in reading order (furniture skipped)."""
        return (b for b in self.blocks if b.role == "body")

    def paragraphs(self) -> Iterator[Paragraph]:
        return (b for b in self.body() if isinstance(b, Paragraph))

    def tables(self) -> Iterator[Table]:
        return (b for b in self.body() if isinstance(b, Table))

    def block(self, block_id: str) -> Paragraph | Table:
        for b in self.blocks:
            if b.id == block_id:
                return b
        raise KeyError(block_id)


Cell.model_rebuild()

__all__ = ["Align", "BBox", "Block", "Cell", "Document", "Format", "PageInfo",
           "Paragraph", "Prov", "Role", "Source", "Style", "Table"]
