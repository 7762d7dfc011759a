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
Role = Literal["body", "page_header", "page_footer", "page_number", "footnote"]
Format = Literal["pdf", "docx", "html", "md", "txt"]


class Style(Model):
    """What the reader saw. None = the format cannot tell, False = it can and it is not."""

    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    font_size: float | None = None
    align: Align | None = None
    style_name: str | None = None
    heading_level: int | None = None
    list_level: int | None = None


class Paragraph(Model):
    kind: Literal["paragraph"] = "paragraph"
    id: str
    text: str
    raw: str
    label: str | None = None
    style: Style = Style()
    role: Role = "body"
    prov: tuple[Prov, ...] = ()

    @property
    def page(self) -> int | None:
        return self.prov[0].page if self.prov else None


class Cell(Model):
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str
    raw: str
    blocks: tuple[Block, ...] = ()
    header: bool = False
    prov: tuple[Prov, ...] = ()

    @property
    def lines(self) -> list[str]:
        """The cell's paragraphs / list items when the format kept them, else its lines."""
        paras = [b.text for b in self.blocks if isinstance(b, Paragraph) and b.text.strip()]
        if paras:
            return paras
        return [line for line in self.text.split("\n") if line.strip()]


class Table(Model):
    kind: Literal["table"] = "table"
    id: str
    n_rows: int
    n_cols: int
    cells: tuple[Cell, ...]
    header_rows: int = 0
    role: Role = "body"
    prov: tuple[Prov, ...] = ()

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
    page: int
    width: float | None = None
    height: float | None = None
    text_layer: Literal["ok", "none", "garbage"] | None = None


class Source(Model):
    """= CONTRACT `source`."""

    path: str
    sha256: str
    format: Format
    pages: int | None = None


class Document(Model):
    source: Source
    pages: tuple[PageInfo, ...] = ()
    blocks: tuple[Block, ...]
    warnings: tuple[WarningItem, ...] = ()

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
