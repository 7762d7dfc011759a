"""The record's `agencies` list: every agency its tasks name, with the mentions seen."""

from __future__ import annotations

from collections.abc import Iterator

from normalize.agencies import canonical_agency, merge_refs, parse_agency_cell
from schemas.codes import AgencyKind
from schemas.record import AgencyRef, Task


def _task_refs(task: Task, *, province: str | None) -> Iterator[AgencyRef]:
    for raw, names in ((task.lead_raw, task.lead), (task.support_raw, task.support)):
        if raw:
            yield from parse_agency_cell(raw, province=province).agencies
            continue
        # No raw cell (a body list item, or a parser that only kept names): the canonical
        # names are mentions of themselves.
        for name in names:
            ref = canonical_agency(name, province=province)
            yield ref or AgencyRef(
                name=name, province=province, kind=AgencyKind.UNREGISTERED, mentions=[name]
            )


def collect_agencies(tasks: list[Task], *, province: str | None) -> list[AgencyRef]:
    """One entry per (canonical name, province), in order of first mention, with every
    distinct way the document wrote it."""
    return merge_refs(ref for task in tasks for ref in _task_refs(task, province=province))
