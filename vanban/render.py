"""Debug views: Document → indented text (for --blocks and snapshots)."""

from __future__ import annotations

from schemas.document import Document, Paragraph, Style, Table


def _style_tag(style: Style) -> str:
    parts = []
    if style.align and style.align != "left":
        parts.append(style.align)
    if style.bold:
        parts.append("bold")
    if style.italic:
        parts.append("italic")
    if style.font_size:
        parts.append(f"{style.font_size:.1f}")
    if style.heading_level:
        parts.append(f"h{style.heading_level}")
    if style.list_level is not None:
        parts.append(f"list{style.list_level}")
    return f"[{' '.join(parts)}]" if parts else ""


def _pages(prov: tuple) -> str:
    pages = sorted({p.page for p in prov})
    if not pages:
        return ""
    return f"p{pages[0]}" if len(pages) == 1 else f"p{pages[0]}–{pages[-1]}"


def render_paragraph(p: Paragraph) -> str:
    role = "" if p.role == "body" else f" {p.role}"
    return f"{p.id} {_pages(p.prov)}{role} {_style_tag(p.style)} {p.text}".replace("  ", " ")


def render_table(t: Table, width: int = 60) -> list[str]:
    head = f"{t.id} {_pages(t.prov)} TABLE {t.n_rows}×{t.n_cols} header_rows={t.header_rows}"
    lines = [head]
    by_row: dict[int, list] = {}
    for cell in t.cells:
        by_row.setdefault(cell.row, []).append(cell)
    for r in range(t.n_rows):
        cells = sorted(by_row.get(r, []), key=lambda c: c.col)
        parts = []
        for c in cells:
            text = c.text.replace("\n", " / ")
            text = text if len(text) <= width else text[: width - 1] + "…"
            spans = []
            if c.row_span > 1:
                spans.append(f"row_span {c.row_span}")
            if c.col_span > 1:
                spans.append(f"col_span {c.col_span}")
            parts.append(f"c{c.col}:{text}" + (f" ({', '.join(spans)})" if spans else ""))
        mark = "[h] " if r < t.header_rows else ""
        lines.append(f"      r{r:<3} {mark}" + " | ".join(parts))
    return lines


def render_blocks(doc: Document) -> str:
    lines = [f"# {doc.source.path} ({doc.source.format}, pages: {doc.source.pages})"]
    for w in doc.warnings:
        lines.append(f"! {w.code}: {w.message}")
    for block in doc.blocks:
        if isinstance(block, Table):
            lines.extend(render_table(block))
        else:
            lines.append(render_paragraph(block))
    return "\n".join(lines) + "\n"
