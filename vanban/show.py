"""`vanban show`: a record as a person reads it (rich text on the terminal)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from schemas.record import ExtractResult


def _deadline(task) -> str:  # type: ignore[no-untyped-def]
    d = task.deadline
    if d is None:
        return ""
    return d.raw + (f" (≤ {d.end.isoformat()})" if d.end else "")


def render_record(r: ExtractResult, console: Console | None = None) -> None:
    console = console or Console(width=160)
    h = r.document
    console.print(f"[bold]{h.doc_type or 'document'} {h.number or '(number blank)'}[/bold]"
                  f" — {h.issuer or '?'}, {h.place or '?'}, {h.issued_date or '?'}")
    console.print(f"  {h.title or ''}")
    if h.signer:
        console.print(f"  signed: {h.signer.authority or ''} {h.signer.position or ''} "
                      f"{h.signer.name or ''}".rstrip())
    if r.plan:
        console.print(f"  plan: {r.plan.title or ''} ({r.plan.year_start}–{r.plan.year_end})")
    console.print(f"  source: {r.source.path} ({r.source.format}, quality {r.quality.score})")
    targets = Table(title=f"targets ({len(r.targets)})")
    for col in ("section", "indicator", "value", "year", "text"):
        targets.add_column(col, overflow="fold")
    for t in r.targets:
        value = f"{t.comparator} {t.value:g}{t.unit or ''}"
        targets.add_row(t.section or "", t.indicator or "", value, str(t.year or ""), t.text)
    console.print(targets)
    tasks = Table(title=f"tasks ({len(r.tasks)})")
    for col in ("no", "task", "lead", "support", "deadline"):
        tasks.add_column(col, overflow="fold")
    for k in r.tasks:
        tasks.add_row(k.no or "", k.name, "; ".join(k.lead), "; ".join(k.support), _deadline(k))
    console.print(tasks)
    console.print(f"citations: {len(r.citations)}; warnings: {len(r.warnings)}")
