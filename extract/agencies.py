"""The record's `agencies` list: every agency its tasks name, with the mentions seen.

(STUB until normalize.agencies exists.)"""

from __future__ import annotations

from schemas.record import AgencyRef, Task


def collect_agencies(tasks: list[Task], *, province: str | None) -> list[AgencyRef]:
    return []
