"""The data files under normalize/data/, loaded and validated once.

Every row carries a `source` saying where the fact comes from; a file that breaks the
rules below raises `RegistryError` on first use, so a bad edit fails every test at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from normalize.datafiles import DataFileError, data_file
from schemas.codes import AgencyKind

Scope = Literal["central", "province", "none"]
_SCOPES = ("central", "province", "none")
_PROVINCE_KINDS = ("tỉnh", "thành phố")


class RegistryError(DataFileError):
    """A data file under normalize/data/ breaks its own rules (missing source, bad kind…)."""


@dataclass(frozen=True)
class AgencyEntry:
    name: str
    kind: AgencyKind
    scope: Scope
    aliases: tuple[str, ...]
    source: str
    named_after_province: bool = False
    # "place": a place name follows ("Ủy ban nhân dân xã Tân Hà", every word capitalised);
    # "organisation": a unit's name, first word capitalised ("Chi bộ Hành chính - Quản trị")
    takes_name: str | None = None
    without_name: str | None = None  # what the words mean when no name follows

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class AgencyRules:
    """Word lists the cell parser needs (see agencies.yaml for what each is for)."""

    predicates: tuple[str, ...]
    heads: tuple[str, ...]
    head_typos: tuple[tuple[str, str], ...]
    genitives: tuple[str, ...]
    links: tuple[str, ...]
    titles: tuple[str, ...] = ()
    central_heads: tuple[str, ...] = ()
    name_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    expansion: str
    source: str


@dataclass(frozen=True)
class ProvinceEntry:
    name: str
    kind: str  # "tỉnh" | "thành phố"
    since: dt.date | None
    until: dt.date | None
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class ProvinceMerger:
    old: str
    new: str
    effective_date: dt.date
    basis: str
    source: str


@dataclass(frozen=True)
class SuccessorRow:
    agency: str
    scope: str  # "central", "*" (every province) or one province's name
    successor: str
    effective_date: dt.date
    basis: str
    note: str
    source: str


def _csv_rows(name: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = data_file(name)
    return rows


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value.strip() else None


def _split_aliases(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split("|") if a.strip())


def _agency_entry(raw: dict[str, Any]) -> AgencyEntry:
    name = raw.get("name")
    if not name or not str(raw.get("source") or "").strip():
        raise RegistryError(f"agencies.yaml: entry without name or source: {raw!r}")
    if raw.get("takes_name") not in (None, "place", "organisation"):
        raise RegistryError(f"agencies.yaml: {name}: takes_name must be place or organisation")
    if raw.get("scope") not in _SCOPES:
        raise RegistryError(f"agencies.yaml: {name}: scope must be one of {_SCOPES}")
    try:
        kind = AgencyKind(str(raw.get("kind")))
    except ValueError as exc:
        raise RegistryError(f"agencies.yaml: {name}: bad kind {raw.get('kind')!r}") from exc
    return AgencyEntry(
        name=str(name),
        kind=kind,
        scope=raw["scope"],
        aliases=tuple(str(a) for a in raw.get("aliases") or ()),
        source=str(raw["source"]),
        named_after_province=bool(raw.get("named_after_province", False)),
        takes_name=raw.get("takes_name"),
        without_name=raw.get("without_name"),
    )


def _agencies_yaml() -> dict[str, Any]:
    data: dict[str, Any] = data_file("agencies.yaml")
    return data


@cache
def agencies() -> tuple[AgencyEntry, ...]:
    entries = tuple(_agency_entry(raw) for raw in _agencies_yaml()["agencies"])
    names = [e.name for e in entries]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise RegistryError(f"agencies.yaml: names listed twice: {sorted(duplicates)}")
    for e in entries:
        if e.without_name is not None and e.without_name not in names:
            raise RegistryError(f"agencies.yaml: {e.name}: unknown without_name {e.without_name!r}")
    return entries


@cache
def agency_by_name() -> dict[str, AgencyEntry]:
    return {e.name: e for e in agencies()}


@cache
def agency_rules() -> AgencyRules:
    data = _agencies_yaml()

    def words(group: str) -> tuple[str, ...]:
        return tuple((data.get(group) or {}).get("words") or ())

    typos = (data.get("head_typos") or {}).get("pairs") or ()
    return AgencyRules(
        predicates=words("predicates"),
        heads=words("heads"),
        head_typos=tuple((t["wrong"], t["right"]) for t in typos),
        genitives=words("genitives"),
        links=words("links"),
        titles=words("titles"),
        central_heads=words("central_heads"),
        name_fields=words("name_fields"),
    )


@cache
def abbreviations() -> tuple[Abbreviation, ...]:
    return tuple(
        Abbreviation(r["abbr"].strip(), r["expansion"].strip(), r["source"])
        for r in _csv_rows("abbreviations.csv")
    )


@cache
def provinces() -> tuple[ProvinceEntry, ...]:
    entries = []
    for r in _csv_rows("provinces.csv"):
        if r["kind"] not in _PROVINCE_KINDS:
            raise RegistryError(f"provinces.csv: {r['name']}: bad kind {r['kind']!r}")
        entries.append(
            ProvinceEntry(
                name=r["name"],
                kind=r["kind"],
                since=_date(r["since"]),
                until=_date(r["until"]),
                aliases=_split_aliases(r["aliases"]),
                source=r["source"],
            )
        )
    return tuple(entries)


@cache
def province_mergers() -> tuple[ProvinceMerger, ...]:
    known = {p.name for p in provinces()}
    rows = []
    for r in _csv_rows("province_mergers.csv"):
        if r["old"] not in known or r["new"] not in known:
            raise RegistryError(f"province_mergers.csv: unknown province in {r!r}")
        rows.append(
            ProvinceMerger(
                r["old"],
                r["new"],
                dt.date.fromisoformat(r["effective_date"]),
                r["basis"],
                r["source"],
            )
        )
    return tuple(rows)


@cache
def successors() -> tuple[SuccessorRow, ...]:
    names = agency_by_name()
    provinces_known = {p.name for p in provinces()}
    rows = []
    for r in _csv_rows("successors.csv"):
        for field in ("agency", "successor"):
            if r[field] not in names:
                raise RegistryError(f"successors.csv: {r[field]!r} is not in agencies.yaml")
        if r["scope"] not in ("central", "*") and r["scope"] not in provinces_known:
            raise RegistryError(f"successors.csv: bad scope {r['scope']!r}")
        rows.append(
            SuccessorRow(
                agency=r["agency"],
                scope=r["scope"],
                successor=r["successor"],
                effective_date=dt.date.fromisoformat(r["effective_date"]),
                basis=r["basis"],
                note=r["note"],
                source=r["source"],
            )
        )
    return tuple(rows)
