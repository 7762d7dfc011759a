"""HTML reader (lxml): the pages legal sites publish → a flat list of blocks.

Block elements (`p`, `div`, `h1`–`h6`, `li`, …) become paragraphs; text between
them is collected run by run so that a block is bold (italic) only when all of
its letters sit inside `<b>`/`<strong>` (`<i>`/`<em>`) or a bold CSS style.
Alignment comes from `align=` or `text-align:` on the block or an ancestor.
`<table>` becomes a Table with anchor cells and row/col spans; a table inside a
cell stays inside that cell's `blocks`. Scripts, styles and navigation are
skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

from extract.limits import MAX_TABLE_CELLS, MAX_TABLE_DEPTH
from extract.readers.furniture import mark_site_furniture
from extract.readers.repair import count_glyph_errors, repair_text
from schemas.diagnostics import Report, UnreadableFile, WarningCode
from schemas.document import Align, Block, Cell, Document, Paragraph, Source, Style, Table

_SKIP = {
    "script",
    "style",
    "nav",
    "noscript",
    "template",
    "head",
    "iframe",
    "svg",
    "button",
    "select",
    "input",
    "textarea",
    "object",
    "canvas",
    "map",
}
_BLOCK = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "main",
    "body",
    "html",
    "blockquote",
    "center",
    "pre",
    "address",
    "header",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "caption",
    "hr",
    "fieldset",
    "legend",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "tbody",
    "thead",
    "tfoot",
}
_HEADING = {f"h{n}": n for n in range(1, 7)}
_BOLD_TAGS = {"b", "strong"}
_ITALIC_TAGS = {"i", "em"}
_UNDERLINE_TAGS = {"u", "ins"}
_ALIGN = re.compile(r"text-align\s*:\s*(left|center|right|justify)", re.I)
_WEIGHT = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.I)
_FONT_ITALIC = re.compile(r"font-style\s*:\s*italic", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


@dataclass(frozen=True)
class _Ctx:
    """What an element inherits: the block style and the inline marks around it."""

    tag: str = "body"
    align: Align | None = None
    heading_level: int | None = None
    list_level: int | None = None
    in_item: bool = False  # inside an <li>: its paragraphs keep the list level
    bold: bool = False
    italic: bool = False
    underline: bool = False
    table_depth: int = 0  # how many tables this element is inside of


@dataclass(frozen=True)
class _Run:
    text: str
    bold: bool
    italic: bool
    underline: bool


def _marked_whole(runs: list[_Run], attr: str) -> bool:
    letters = [(ch, getattr(run, attr)) for run in runs for ch in run.text if ch.isalnum()]
    return bool(letters) and all(flag for _, flag in letters)


def _align_of(el: lxml.html.HtmlElement) -> Align | None:
    value = (el.get("align") or "").strip().lower()
    if value in ("left", "center", "right", "justify"):
        return value  # type: ignore[return-value]
    match = _ALIGN.search(el.get("style") or "")
    return match.group(1).lower() if match else None  # type: ignore[return-value]


def _child_ctx(el: lxml.html.HtmlElement, tag: str, ctx: _Ctx) -> _Ctx:
    style = el.get("style") or ""
    new = replace(
        ctx,
        bold=ctx.bold or tag in _BOLD_TAGS or bool(_WEIGHT.search(style)),
        italic=ctx.italic or tag in _ITALIC_TAGS or bool(_FONT_ITALIC.search(style)),
        underline=ctx.underline or tag in _UNDERLINE_TAGS,
    )
    if tag == "center":
        new = replace(new, align="center")
    if tag in _BLOCK:
        new = replace(new, tag=tag, align=_align_of(el) or new.align)
    if tag in _HEADING:
        new = replace(new, heading_level=_HEADING[tag])
    if tag in ("ul", "ol"):
        new = replace(new, list_level=(ctx.list_level or 0) + 1, in_item=False)
    if tag == "li":
        new = replace(new, in_item=True)
    return new


def _tag_of(el: object) -> str | None:
    tag = getattr(el, "tag", None)
    return tag.lower() if isinstance(tag, str) else None


@dataclass
class _Walker:
    """Walks an element tree and emits blocks; `next_id` names them in reading order."""

    next_id: Callable[[], str]
    blocks: list[Paragraph | Table] = field(default_factory=list)
    runs: list[_Run] = field(default_factory=list)
    limits: list[str] = field(default_factory=list)  # input limits reached (shared)

    def add_text(self, text: str | None, ctx: _Ctx) -> None:
        if text:
            self.runs.append(_Run(text, ctx.bold, ctx.italic, ctx.underline))

    def flush(self, ctx: _Ctx) -> None:
        runs, self.runs = self.runs, []
        raw = "".join(run.text for run in runs)
        text = repair_text(raw)
        if not text:
            return
        style = Style(
            bold=_marked_whole(runs, "bold"),
            italic=_marked_whole(runs, "italic"),
            underline=_marked_whole(runs, "underline"),
            align=ctx.align,
            style_name=ctx.tag,
            heading_level=ctx.heading_level,
            list_level=ctx.list_level if ctx.in_item else None,
        )
        self.blocks.append(Paragraph(id=self.next_id(), text=text, raw=raw.strip(), style=style))

    def visit(self, el: lxml.html.HtmlElement, ctx: _Ctx) -> None:
        tag = _tag_of(el)
        if tag is None or tag in _SKIP:
            return
        if tag == "br":
            self.add_text("\n", ctx)
            return
        if tag == "table" and ctx.table_depth < MAX_TABLE_DEPTH:
            self.flush(ctx)
            self.blocks.append(_table(el, self.next_id(), ctx, self.limits))
            return
        if tag == "table":  # deeper than the limit: its rows and cells read as paragraphs
            _note(self.limits, f"tables nested more than {MAX_TABLE_DEPTH} deep read as text")
        inner = _child_ctx(el, tag, ctx)
        is_block = tag in _BLOCK
        if is_block:
            self.flush(ctx)
        self.add_text(el.text, inner)
        for child in el:
            self.visit(child, inner)
            self.add_text(child.tail, inner)
        if is_block:
            self.flush(inner)


def _counter(prefix: str, width: int = 0) -> Callable[[], str]:
    count = 0

    def next_id() -> str:
        nonlocal count
        count += 1
        return f"{prefix}{count:0{width}d}" if width else f"{prefix}{count}"

    return next_id


def _span(value: str | None) -> int:
    try:
        return max(1, min(int((value or "1").strip()), 1000))
    except ValueError:
        return 1


def _rows_of(table: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The table's own rows (not those of nested tables), in order."""
    for child in table:
        tag = _tag_of(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child if _tag_of(row) == "tr")


def _cell_text(blocks: list[Paragraph | Table]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines.extend(" | ".join(row) for row in _unique_row_texts(block))
    return "\n".join(line for line in lines if line)


def _unique_row_texts(table: Table) -> list[list[str]]:
    rows: dict[int, list[str]] = {}
    for cell in table.cells:
        if cell.text:
            rows.setdefault(cell.row, []).append(cell.text)
    return [rows[r] for r in sorted(rows)]


def _note(limits: list[str], detail: str) -> None:
    if detail not in limits:
        limits.append(detail)


def _table(el: lxml.html.HtmlElement, table_id: str, ctx: _Ctx, limits: list[str]) -> Table:
    """`<table>` → Table: positions from an occupancy grid, rowspan/colspan as spans.
    Rows past MAX_TABLE_CELLS cells (or grid positions, for huge spans) are skipped."""
    taken: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    rows = [row for row in _rows_of(el) if any(_tag_of(c) in ("td", "th") for c in row)]
    header_rows = 0
    inner_ctx = replace(ctx, list_level=None, heading_level=None, in_item=False,
                        table_depth=ctx.table_depth + 1)
    for r, row in enumerate(rows):
        if len(cells) + len(row) > MAX_TABLE_CELLS or len(taken) > 4 * MAX_TABLE_CELLS:
            _note(limits, f"table {table_id} has more than {MAX_TABLE_CELLS} cells: rows "
                          f"from {r + 1} on skipped")
            rows = rows[:r]
            break
        col = 0
        row_is_header = _tag_of(row.getparent()) == "thead"
        all_th = True
        for td in row:
            tag = _tag_of(td)
            if tag not in ("td", "th"):
                continue
            while (r, col) in taken:
                col += 1
            row_span = min(_span(td.get("rowspan")), len(rows) - r)
            col_span = _span(td.get("colspan"))
            taken.update((r + dr, col + dc) for dr in range(row_span) for dc in range(col_span))
            walker = _Walker(_counter(f"{table_id}.r{r}c{col}."), limits=limits)
            walker.visit(td, inner_ctx)
            all_th = all_th and tag == "th"
            cells.append(
                Cell(
                    row=r,
                    col=col,
                    row_span=row_span,
                    col_span=col_span,
                    text=_cell_text(walker.blocks),
                    raw=td.text_content().strip(),
                    blocks=tuple(walker.blocks),
                    header=row_is_header or tag == "th",
                )
            )
            col += col_span
        if header_rows == r and (row_is_header or all_th):
            header_rows += 1
    n_cols = max((c + 1 for _, c in taken), default=0)
    return Table(
        id=table_id, n_rows=len(rows), n_cols=n_cols, cells=tuple(cells), header_rows=header_rows
    )


def html_to_blocks(root: lxml.html.HtmlElement, next_id: Callable[[], str],
                   limits: list[str] | None = None) -> list[Block]:
    """The blocks under `root`; the input limits reached are appended to `limits`."""
    walker = _Walker(next_id, limits=limits if limits is not None else [])
    walker.visit(root, _Ctx())
    walker.flush(_Ctx())
    return list(walker.blocks)


def fragment_paragraphs(fragment: str) -> list[tuple[str, str, bool | None]]:
    """An HTML fragment of a table cell → its paragraphs as (text, raw, bold).

    >>> fragment_paragraphs("<ul><li>- Kế hoạch;</li><li>- Báo cáo</li></ul>")
    [('- Kế hoạch;', '- Kế hoạch;', False), ('- Báo cáo', '- Báo cáo', False)]
    """
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return [(repair_text(fragment), fragment, None)] if fragment.strip() else []
    blocks = html_to_blocks(root, _counter("p"))
    return [(b.text, b.raw, b.style.bold) for b in blocks if isinstance(b, Paragraph)]


def _decode(data: bytes) -> str:
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # saved as "Unicode" (UTF-16)
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        match = _CHARSET.search(data[:4096])
        encoding = match.group(1).decode("ascii") if match else "windows-1258"
        try:
            return data.decode(encoding, errors="replace")
        except LookupError:
            return data.decode("windows-1258", errors="replace")


def _glyph_warning(blocks: list[Block], report: Report) -> None:
    texts = [b.raw for b in blocks if isinstance(b, Paragraph)]
    texts += [c.raw for b in blocks if isinstance(b, Table) for c in b.cells]
    count = sum(count_glyph_errors(t) for t in texts)
    if count:
        example = next(w for t in texts for w in t.split() if count_glyph_errors(w))
        report.warn(WarningCode.GLYPHS_REPAIRED, count=count, example=example)


def read_html(path: Path, *, source: Source) -> Document:
    """Read an HTML page into the document model.

    Raises:
        UnreadableFile: the file cannot be read or holds no HTML document.
    """
    try:
        text = _decode(path.read_bytes())
        text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
        root = lxml.html.document_fromstring(text)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot read file: {exc.strerror or exc}") from exc
    except (lxml.etree.ParserError, ValueError) as exc:
        raise UnreadableFile(path, f"not an HTML document: {exc}") from exc
    body = root.find("body")
    limits: list[str] = []
    blocks = html_to_blocks(body if body is not None else root, _counter("b", 4), limits)
    report = Report()
    for detail in limits:
        report.warn(WarningCode.INPUT_LIMIT, detail=detail)
    _glyph_warning(blocks, report)
    blocks = mark_site_furniture(blocks)
    return Document(source=source, blocks=tuple(blocks), warnings=report.items)
