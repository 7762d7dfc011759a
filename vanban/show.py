"""`vanban show`: a record as a person reads it (rich text on the terminal).

Everything taken from the document goes through `vanban.terminal.safe`: a document's
text never reaches the terminal as escape sequences or rich markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from load.values import human_value
from schemas.record import ExtractResult, Target, Task
from vanban.terminal import safe


def target_value(t: Target) -> str:
    """'≥ 3 sáng kiến', '2–3 cuộc', '69/69 xã', 'giảm ≥ 2,5%', '≥ 0,5 điểm'."""
    return human_value(t.comparator, t.value, value_max=t.value_max, unit=t.unit,
                       out_of=t.out_of, direction=t.direction)


def _deadline(task: Task) -> str:
    d = task.deadline
    if d is None:
        return ""
    return d.raw + (f" (≤ {d.end.isoformat()})" if d.end else "")


def task_section(task: Task) -> str:
    """Where the task sits: a body task's section, a table task's group row."""
    return task.loc.section or task.group or ""


def _header_lines(r: ExtractResult) -> list[str]:
    h = r.document
    lines = [f"[bold]{safe(h.doc_type or 'document')} {safe(h.number or '(number blank)')}"
             f"[/bold] — {safe(h.issuer or '?')}, {safe(h.place or '?')}, "
             f"{safe(h.issued_date or '?')}",
             f"  {safe(h.title or '')}"]
    if h.signer:
        signed = " ".join(x for x in (h.signer.authority, h.signer.position, h.signer.name) if x)
        lines.append(f"  signed: {safe(signed)}")
    if r.plan:
        years = "–".join(str(y) for y in dict.fromkeys((r.plan.year_start, r.plan.year_end))
                         if y is not None)
        lines.append(f"  plan: {safe(r.plan.title or '')} ({years})")
    lines.append(f"  source: {safe(r.source.path)} ({r.source.format}, "
                 f"quality {r.quality.score:g})")
    return lines


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
    table = Table(title=title)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*[safe(cell) for cell in row])
    return table


def render_record(r: ExtractResult, console: Console | None = None) -> None:
    console = console or Console(width=160)
    for line in _header_lines(r):
        console.print(line)
    console.print(_table(
        f"targets ({len(r.targets)})", ("section", "indicator", "value", "year", "text"),
        [(t.section or "", t.indicator or "", target_value(t), str(t.year or ""), t.text)
         for t in r.targets]))
    console.print(_table(
        f"tasks ({len(r.tasks)})", ("section", "no", "task", "lead", "support", "deadline"),
        [(task_section(k), k.no or "", k.name, "; ".join(k.lead), "; ".join(k.support),
          _deadline(k)) for k in r.tasks]))
    console.print(f"citations: {len(r.citations)}; warnings: {len(r.warnings)}")
