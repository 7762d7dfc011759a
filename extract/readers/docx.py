"""Word .docx reader: the body in document order, paragraphs and tables interleaved.

python-docx opens the package; the body is then walked as raw WordprocessingML so
that nothing python-docx leaves out is lost: automatic list numbers (computed by
docx_numbering), runs inside hyperlinks, tracked insertions and content controls,
text boxes, and merged table cells (docx_tables). Footnotes and endnotes follow the body
as paragraphs with role "footnote" (docx_notes); section headers, footers and comments
are separate parts and are not read.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import PartFactory
from docx.package import Package
from docx.parts.document import DocumentPart

from extract.limits import MAX_TABLE_CELLS, MAX_TABLE_DEPTH, MAX_TEXT_BYTES
from extract.readers.docx_notes import note_paragraphs
from extract.readers.docx_numbering import Numbering, style_num_ids
from extract.readers.docx_styles import Element, RunLook, StyleSheet, display_name, w, w_val
from extract.readers.docx_tables import (
    cell_contents,
    draft_to_table,
    tbl_to_draft,
    truncate_draft,
)
from extract.readers.errors import unreadable
from extract.readers.furniture import mark_site_furniture
from extract.readers.repair import repair_text
from normalize.legacy_encoding import convert_legacy, detect_legacy_font, is_uppercase_font
from schemas.diagnostics import Report, UnreadableFile, WarningCode, WarningItem
from schemas.document import Align, Block, Document, Paragraph, Source, Style, Table

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_ALIGN: dict[str, Align] = {
    "left": "left",
    "start": "left",
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
    "lowKashida": "justify",
    "mediumKashida": "justify",
    "highKashida": "justify",
    "thaiDistribute": "justify",
}
# Inline wrappers whose runs are part of the paragraph's visible text.
_RUN_CONTAINERS = {
    w(t)
    for t in (
        "hyperlink",
        "ins",
        "smartTag",
        "fldSimple",
        "sdt",
        "sdtContent",
        "customXml",
        "moveTo",
        "dir",
        "bdo",
    )
}
# Block wrappers whose children are body content.
_BLOCK_CONTAINERS = {w("sdt"), w("sdtContent"), w("customXml")}
# Letters only Unicode Vietnamese text has (legacy encodings store bytes ≤ 0xFF).
_VIETNAMESE_UNICODE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)
# Macro-enabled documents and templates hold the same WordprocessingML; python-docx
# only maps the plain document's content type to its DocumentPart.
_WORD_VARIANTS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_TEXT_OF = {
    w("tab"): "\t",
    w("ptab"): "\t",
    w("br"): "\n",
    w("cr"): "\n",
    w("noBreakHyphen"): "-",
    w("softHyphen"): "\u00ad",
}


def read_docx(path: Path, *, source: Source) -> Document:
    """Read a .docx file into the document model.

    Raises:
        UnreadableFile: not a zip, a damaged package, or no Word document inside.
    """
    with unreadable(path, "Word .docx file"):
        word = _open_docx(path)
    # Outside the guard: past opening, a KeyError or ValueError is a bug of ours, and
    # must reach the pipeline's internal-error log, not read as a damaged file.
    reader = _BodyReader.of(word)
    blocks = reader.read_blocks(list(word.element.body), None)
    blocks += note_paragraphs(word, reader.note_paragraph, reader.next_top_number)
    blocks = mark_site_furniture(blocks)
    return Document(source=source, blocks=tuple(blocks), warnings=reader.warnings())


def _open_docx(path: Path) -> docx.document.Document:
    """python-docx's Document, with its exceptions turned into one-line reasons."""
    if not zipfile.is_zipfile(path):
        with path.open("rb") as fh:
            damaged = fh.read(2) == b"PK"
        reason = (
            "damaged Word .docx file (truncated zip package)"
            if damaged
            else "not a Word .docx file (not a zip package)"
        )
        raise UnreadableFile(path, reason)
    _register_word_variants()
    try:
        part = Package.open(str(path)).main_document_part
        if not isinstance(part, DocumentPart):
            raise ValueError(part.content_type)
        document: docx.document.Document = part.document
        return document
    except PackageNotFoundError as exc:
        raise UnreadableFile(path, "damaged Word .docx file (bad zip package)") from exc
    except KeyError as exc:
        raise UnreadableFile(path, "not a Word .docx file (no Word document inside)") from exc
    except ValueError as exc:
        raise UnreadableFile(
            path, "not a Word .docx file (the package holds another kind of Office document)"
        ) from exc
    except SyntaxError as exc:  # lxml's XMLSyntaxError
        raise UnreadableFile(path, f"damaged Word .docx file (broken XML: {exc.msg})") from exc


@cache
def _register_word_variants() -> None:
    """python-docx's part registry is global: add the Word variants to it once."""
    for content_type in _WORD_VARIANTS:
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)


def _part_element(word: docx.document.Document, reltype: str) -> Element | None:
    try:
        element: Element = getattr(word.part.part_related_by(reltype), "element", None)
        return element
    except (KeyError, AttributeError):
        return None


@dataclass
class _Run:
    text: str  # as Word shows it (legacy font encodings converted)
    raw: str  # as stored in the file
    look: RunLook


@dataclass
class _BodyReader:
    """One pass over the body: list counters advance in document order."""

    styles: StyleSheet
    numbering: Numbering
    legacy_encodings: set[str] = field(default_factory=set)
    limits: list[str] = field(default_factory=list)
    # Paragraph id → its text with soft line breaks kept (cells keep their lines).
    lines: dict[str, str] = field(default_factory=dict)
    _top_count: int = 0
    _depth: int = 0  # how many tables the content being read is inside of
    _chars: int = 0  # text read so far, against MAX_TEXT_BYTES

    @classmethod
    def of(cls, word: docx.document.Document) -> _BodyReader:
        styles = _part_element(word, RT.STYLES)
        numbering = _part_element(word, RT.NUMBERING)
        return cls(StyleSheet(styles), Numbering(numbering, style_num_ids(styles)))

    def warnings(self) -> tuple[WarningItem, ...]:
        report = Report()
        for encoding in sorted(self.legacy_encodings):
            report.warn(WarningCode.LEGACY_ENCODING, encoding=encoding.upper())
        for detail in self.limits:
            report.warn(WarningCode.INPUT_LIMIT, detail=detail)
        return report.items

    def read_blocks(self, elements: list[Element], prefix: str | None) -> list[Block]:
        """Body content → blocks. Top level ids are b0001…; inside a cell, prefix.1, prefix.2…"""
        blocks: list[Block] = []
        too_deep = self._depth >= MAX_TABLE_DEPTH
        if too_deep and any(True for el in elements for _ in el.iter(w("tbl"))):
            self._note_limit(f"tables nested more than {MAX_TABLE_DEPTH} deep read as text")
        for el in _flatten(elements, inline_tables=too_deep):
            if self._chars > MAX_TEXT_BYTES:
                self._note_limit(f"more than {MAX_TEXT_BYTES} characters of text: the rest "
                                 "skipped")
                break
            block: Block | None = None
            if el.tag == w("p"):
                block = self._paragraph(el, self._next_id(prefix, blocks))
            elif el.tag == w("tbl"):
                block = self._table(el, self._next_id(prefix, blocks))
            if block is not None:
                blocks.append(block)
                self._top_count += prefix is None
        return blocks

    def _table(self, tbl: Element, table_id: str) -> Table:
        draft = tbl_to_draft(tbl)
        if len(draft.cells) > MAX_TABLE_CELLS:
            draft = truncate_draft(draft, MAX_TABLE_CELLS)
            self._note_limit(
                f"table {table_id} has more than {MAX_TABLE_CELLS} cells: "
                f"rows from {draft.n_rows + 1} on skipped"
            )
        self._depth += 1
        try:
            return draft_to_table(draft, table_id, self.read_blocks, self._cell_text)
        finally:
            self._depth -= 1

    @property
    def next_top_number(self) -> int:
        return self._top_count + 1

    def note_paragraph(self, p: Element, block_id: str) -> Paragraph | None:
        """A footnote's paragraph, read like the body's (list numbers aside: notes have none)."""
        return self._paragraph(p, block_id)

    def _note_limit(self, detail: str) -> None:
        if detail not in self.limits:
            self.limits.append(detail)

    def _next_id(self, prefix: str | None, siblings: list[Block]) -> str:
        """The id the next emitted block gets (empty paragraphs are not emitted)."""
        if prefix is None:
            return f"b{self._top_count + 1:04d}"
        return f"{prefix}.{len(siblings) + 1}"

    def _paragraph(self, p: Element, block_id: str) -> Paragraph | None:
        ppr = p.find(w("pPr"))
        style_id = self.styles.paragraph_style_id(ppr)
        label, ilvl = self._list_label(ppr, style_id)
        runs = self._from_legacy_fonts(list(self._runs(p, style_id)))
        body = "".join(run.text for run in runs)
        self._chars += len(body)
        if not body.strip():
            return None
        shown = f"{label} {body}" if label else body
        as_stored = "".join(run.raw for run in runs)
        raw = f"{label} {as_stored}" if label else as_stored
        self.lines[block_id] = repair_text(shown, keep_newlines=True)
        return Paragraph(
            id=block_id,
            text=repair_text(shown),
            raw=raw,
            label=label,
            style=self._style(ppr, style_id, runs, ilvl if label else None),
        )

    def _list_label(
        self, ppr: Element | None, style_id: str | None
    ) -> tuple[str | None, int | None]:
        num_id, ilvl = self.styles.num_pr(ppr, style_id)
        if num_id is None or num_id == "0":
            return None, None
        if ilvl is None:
            ilvl = self.numbering.level_of_style(num_id, style_id) or 0
        return self.numbering.label(num_id, ilvl), ilvl

    def _runs(self, container: Element, style_id: str | None) -> Iterator[_Run]:
        for child in container:
            if child.tag == w("r"):
                rpr = child.find(w("rPr"))
                char_style = w_val(rpr.find(w("rStyle"))) if rpr is not None else None
                look = self.styles.run_look(rpr, char_style, style_id)
                if not look.hidden:  # w:vanish: Word does not show it
                    stored = _run_text(child)
                    yield _Run(stored, stored, look)
            elif child.tag in _RUN_CONTAINERS:
                yield from self._runs(child, style_id)

    def _from_legacy_fonts(self, runs: list[_Run]) -> list[_Run]:
        """Runs typed in pre-Unicode fonts (.VnTime: TCVN3, VNI-Times: VNI) → Unicode.

        Files re-saved as Unicode often keep the old font names: when the paragraph's
        legacy-font runs already hold letters only Unicode Vietnamese has, they stay.
        """
        legacy = [(run, _font_encoding(run.look.font or "")) for run in runs]
        typed = "".join(run.raw for run, encoding in legacy if encoding)
        if not typed or _VIETNAMESE_UNICODE.search(typed):
            return runs
        out = []
        for run, encoding in legacy:
            if encoding:
                # ".VnTimeH" draws every letter as a capital, ASCII ones too.
                upper = is_uppercase_font(run.look.font or "")
                text = convert_legacy(run.raw, encoding, uppercase=upper)
                if text != run.raw:
                    self.legacy_encodings.add(encoding)
                    run = _Run(text, run.raw, run.look)
            out.append(run)
        return out

    def _style(
        self, ppr: Element | None, style_id: str | None, runs: list[_Run], list_level: int | None
    ) -> Style:
        visible = [run for run in runs if run.text.strip()]
        sizes: Counter[float] = Counter()
        for run in visible:
            if run.look.size is not None:
                sizes[run.look.size] += len(run.text.strip())
        jc = self.styles.paragraph_property(ppr, style_id, "jc")
        return Style(
            bold=all(run.look.bold for run in visible),
            italic=all(run.look.italic for run in visible),
            underline=all(run.look.underline for run in visible),
            font_size=sizes.most_common(1)[0][0] if sizes else None,
            align=_ALIGN.get(jc or "left", "left"),
            style_name=display_name(self.styles.name(style_id)),
            heading_level=self.styles.heading_level(style_id, ppr),
            list_level=list_level,
        )

    def _cell_text(self, blocks: list[Block]) -> tuple[str, str]:
        """(text, raw) of a cell: paragraphs one a line; a nested table one line a row,
        its cells joined by " | " (as the HTML reader writes them)."""
        text: list[str] = []
        raw: list[str] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                text.append(self.lines.get(block.id, block.text))
                raw.append(block.raw)
            elif isinstance(block, Table):
                text.extend(_row_lines(block, "text"))
                raw.extend(_row_lines(block, "raw"))
        return "\n".join(t for t in text if t), "\n".join(r for r in raw if r.strip())


def _row_lines(table: Table, attr: str) -> list[str]:
    rows: dict[int, list[str]] = {}
    for cell in table.cells:
        value = getattr(cell, attr).replace("\n", " ").strip()
        if value:
            rows.setdefault(cell.row, []).append(value)
    return [" | ".join(rows[r]) for r in sorted(rows)]


_font_encoding = cache(detect_legacy_font)  # a document uses a handful of fonts


def _flatten(elements: list[Element], *, inline_tables: bool = False) -> Iterator[Element]:
    """Body content in reading order: wrappers opened, text boxes after their anchor.

    With inline_tables (nesting past MAX_TABLE_DEPTH), a table's cell content is read
    as if it stood in the enclosing cell: the text stays, the grid goes.
    """
    for el in elements:
        if el.tag in _BLOCK_CONTAINERS:
            yield from _flatten(list(el), inline_tables=inline_tables)
        elif el.tag == w("p"):
            yield el
            for box in _text_boxes(el):
                yield from _flatten(list(box), inline_tables=inline_tables)
        elif el.tag == w("tbl") and inline_tables:
            yield from _flatten(cell_contents(el), inline_tables=True)
        else:
            yield el


def _run_text(run: Element) -> str:
    parts = []
    for child in run:
        if child.tag == w("t"):
            parts.append(child.text or "")
        elif child.tag in _TEXT_OF:
            parts.append(_TEXT_OF[child.tag])
        elif child.tag == w("sym"):
            parts.append(_symbol(child))
    return "".join(parts)


def _symbol(sym: Element) -> str:
    """A w:sym character; Symbol/Wingdings code points (F0xx) have no text meaning."""
    try:
        code = int(sym.get(w("char")) or "", 16)
    except ValueError:
        return ""
    return "" if 0xF000 <= code <= 0xF0FF else chr(code)


def _text_boxes(p: Element) -> Iterator[Element]:
    """w:txbxContent directly anchored in this paragraph (not the duplicate VML fallback)."""
    for box in p.iter(w("txbxContent")):
        ancestor = box.getparent()
        nested = False
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in (w("txbxContent"), _MC_FALLBACK):
                nested = True
                break
            ancestor = ancestor.getparent()
        if not nested:
            yield box


__all__ = ["read_docx"]
