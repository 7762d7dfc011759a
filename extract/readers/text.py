"""Markdown / plain-text reader: headings, bold, wrapped lines, tables in text.

A text file is cut into runs of text lines and tables (tab-separated rows,
one-line pipe rows, flattened one-cell-per-line pipe rows). Text runs become
paragraphs (`text_lines.join_lines`); every paragraph and cell is repaired
(NFC, PDF glyphs) while `raw` keeps the source lines. Whether the file is
Markdown is decided by its content (headings or bold marks), not its name.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from extract.readers.furniture import mark_site_furniture
from extract.readers.repair import count_glyph_errors, repair_text
from extract.readers.text_lines import TextLine, TextParagraph, join_lines
from extract.readers.text_markdown import (
    has_hard_break,
    heading_of,
    read_markdown_line,
    read_marks,
)
from extract.readers.text_pipe import parse_flat_pipe, starts_flat_table
from extract.readers.text_tables import (
    TableDraft,
    draft_to_table,
    is_pipe_row,
    parse_pipe_rows,
    parse_tsv,
    starts_tsv,
)
from normalize.legacy_encoding import convert_legacy, guess_legacy_encoding
from schemas.diagnostics import Report, UnreadableFile, WarningCode
from schemas.document import Block, Document, Paragraph, Source, Style, Table

_MIN_BOLD_LINES = 2


@dataclass(frozen=True)
class _TextRun:
    lines: tuple[TextLine, ...]


Segment = _TextRun | TableDraft


def _decode(path: Path, report: Report) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(path, f"cannot read file: {exc.strerror or exc}") from exc
    try:
        # Notepad's "Unicode" is UTF-16 with a byte-order mark
        text = data.decode("utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff"))
                           else "utf-8-sig")
    except UnicodeDecodeError:
        # Text typed in TCVN3 or VNI fonts was saved as the font's 8-bit codes, which are
        # Windows-1252 characters; anything else 8-bit is Vietnamese Windows-1258.
        text = data.decode("cp1252", errors="replace")
        if guess_legacy_encoding(text) is None:
            text = data.decode("windows-1258", errors="replace")
            report.warn(WarningCode.LEGACY_ENCODING, encoding="windows-1258")
    legacy = guess_legacy_encoding(text)
    if legacy is not None:  # also mojibake pasted into a UTF-8 file
        text = convert_legacy(text, legacy)
        report.warn(WarningCode.LEGACY_ENCODING, encoding=legacy.upper())
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_markdown(lines: Sequence[str]) -> bool:
    """Markdown when a line is an ATX heading or several lines carry **bold** spans."""
    if any(heading_of(line) for line in lines if line.lstrip().startswith("#")):
        return True
    bold_lines = sum(1 for line in lines if line.count("**") >= 2)
    return bold_lines >= _MIN_BOLD_LINES


def _text_line(lines: Sequence[str], i: int, *, blank_before: bool, markdown: bool) -> TextLine:
    raw = lines[i]
    marked = read_markdown_line(raw) if markdown else read_marks(raw)
    hard_break = markdown and i > 0 and has_hard_break(lines[i - 1])
    return TextLine(
        no=i + 1,
        raw=raw,
        text=marked.text,
        blank_before=blank_before,
        hard_break_before=hard_break,
        heading_level=marked.heading_level,
        bold=marked.bold,
        italic=marked.italic,
    )


def _table_at(lines: Sequence[str], i: int) -> tuple[TableDraft, int] | None:
    if starts_tsv(lines[i]):
        return parse_tsv(lines, i)
    if is_pipe_row(lines[i]):
        return parse_pipe_rows(lines, i)
    if starts_flat_table(lines, i):
        return parse_flat_pipe(lines, i)
    return None


def split_segments(lines: Sequence[str], *, markdown: bool) -> Iterator[Segment]:
    """Runs of text lines and the tables between them, in file order."""
    run: list[TextLine] = []
    blank = False
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            blank, i = True, i + 1
            continue
        found = _table_at(lines, i)
        if found is not None and found[0].rows:
            if run:
                yield _TextRun(tuple(run))
                run = []
            yield found[0]
            i, blank = max(found[1], i + 1), False
            continue
        run.append(_text_line(lines, i, blank_before=blank, markdown=markdown))
        blank, i = False, i + 1
    if run:
        yield _TextRun(tuple(run))


def _flag(values: list[bool], markdown: bool) -> bool | None:
    if all(values):
        return True
    return False if markdown else None


def paragraph_block(para: TextParagraph, block_id: str, *, markdown: bool) -> Paragraph:
    first = para.lines[0]
    style = Style(
        bold=_flag([line.bold for line in para.lines], markdown),
        italic=_flag([line.italic for line in para.lines], markdown),
        heading_level=first.heading_level,
    )
    return Paragraph(id=block_id, text=repair_text(para.text), raw=para.raw, style=style)


def _blocks(segments: Iterator[Segment], *, markdown: bool) -> list[Block]:
    blocks: list[Block] = []
    for segment in segments:
        if isinstance(segment, TableDraft):
            blocks.append(draft_to_table(segment, f"b{len(blocks) + 1:04d}"))
            continue
        for para in join_lines(segment.lines, markdown=markdown):
            block = paragraph_block(para, f"b{len(blocks) + 1:04d}", markdown=markdown)
            if block.text:
                blocks.append(block)
    return blocks


def _raw_texts(blocks: Sequence[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.raw
        elif isinstance(block, Table):
            yield from (cell.raw for cell in block.cells)


def warn_glyphs(blocks: Sequence[Block], report: Report) -> None:
    """One `glyphs_repaired` warning with the count and the first word repaired."""
    count = sum(count_glyph_errors(text) for text in _raw_texts(blocks))
    if count:
        example = next(
            word for text in _raw_texts(blocks) for word in text.split() if count_glyph_errors(word)
        )
        report.warn(WarningCode.GLYPHS_REPAIRED, count=count, example=example)


def read_text(path: Path, *, source: Source) -> Document:
    """Read a Markdown or plain-text file into the document model.

    Raises:
        UnreadableFile: the file cannot be read.
    """
    report = Report()
    lines = _decode(path, report).split("\n")
    markdown = looks_markdown(lines)
    blocks = _blocks(split_segments(lines, markdown=markdown), markdown=markdown)
    warn_glyphs(blocks, report)
    if source.format in ("md", "txt"):
        source = source.model_copy(update={"format": "md" if markdown else "txt"})
    blocks = mark_site_furniture(blocks)
    return Document(source=source, blocks=tuple(blocks), warnings=report.items)
