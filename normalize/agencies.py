"""Agency names (cơ quan chủ trì / phối hợp): one mention, a cell of several, successors.

The registry (data/agencies.yaml) is compiled, on first use, into a trie over fold-key
syllables. Matching ignores case, tone placement, punctuation and the word "và" ("Sở Tài
nguyên Môi trường" is "Sở Tài nguyên và Môi trường"), expands abbreviations, and takes
the longest registry name at each point, so names containing "và" or commas are never cut.

Decisions (documented for users of the data):
- words after an agency without a separator are what it does and are dropped ("Sở Nội vụ
  tổng hợp báo cáo chung" is Sở Nội vụ); so is a fragment that starts with such a verb;
- an agency after "của"/"thuộc" belongs to the name before it ("Phòng Tư pháp thuộc UBND
  cấp huyện" is one class, not two);
- after a "Sở …" (or "Bộ …") a bare department name is another one of the same kind
  ("Các Sở Y tế, Giáo dục và Đào tạo" is two); a cell holding only a bare department name
  ("Thông tin và Truyền thông", a column slip in seed 001) is that Sở;
- a fragment that is not recognised but looks like an agency (capitalised, starts with Sở,
  Ban Chỉ đạo, Phòng, Trung tâm…) is kept as written, abbreviations expanded, with kind
  "unregistered" (CONTRACT §5), and listed in `unknown` for the warning; other fragments
  are instructions;
- a title in front of an agency ("Giám đốc các Sở", "Chủ tịch UBND cấp xã") is skipped:
  work given to the heads is the agencies' work;
- a local unit named in the text keeps its name ("UBND xã Tân Hà" is "Ủy ban nhân dân xã
  Tân Hà", an agency); without a name ("UBND xã thực hiện") it is the class;
- "các cơ quan, đơn vị" without "liên quan" is "Các cơ quan, đơn vị liên quan"; "Các cơ
  quan, đơn vị, địa phương", "… ở các cấp", "… các cấp chính quyền" are "Các sở, ban,
  ngành, địa phương".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from normalize.abbreviations import expand_abbreviations
from normalize.agency_match import Hit, chunk_hits
from normalize.agency_text import TextHit
from normalize.patterns import AGENCY_LIST_DASH, AGENCY_NUMBERING
from normalize.provinces import province_kind
from normalize.registry import AgencyEntry, agency_by_name, agency_rules, successors
from normalize.text import fold_key, fold_ws, nfc
from normalize.tone_marks import government_tone_marks
from schemas.codes import AgencyKind
from schemas.record import AgencyRef

_PAREN = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class AgencyCell:
    """What one table cell of agencies holds: the agencies in order, and what was not known."""

    agencies: list[AgencyRef]
    unknown: list[str]


# --- cells -------------------------------------------------------------------------------


def _clean(text: str) -> str:
    text = nfc(text)
    while _PAREN.search(text):
        text = _PAREN.sub(" ", text)
    return text


def _chunks(text: str) -> list[str]:
    pieces = []
    for line in re.split(r"[\n;]", _clean(text)):
        for piece in AGENCY_LIST_DASH.split(line):
            piece = AGENCY_NUMBERING.sub("", fold_ws(piece))
            if piece:
                pieces.append(piece)
    return pieces


@lru_cache(maxsize=8192)
def _cell_hits(text: str) -> tuple[Hit, ...]:
    # cached: a task's cells are read by the appendix parser and again when the record's
    # agency list is collected, and cells like "Các sở, ban, ngành" recur in every plan
    # (a tuple of frozen hits, so no caller can change what the cache holds)
    return tuple(hit for chunk in _chunks(text) for hit in chunk_hits(chunk) if hit.mention)


def _display_name(entry: AgencyEntry, province: str | None) -> str:
    if entry.named_after_province:
        return f"{entry.name} {province}" if province else entry.name
    if province and province_kind(province) == "thành phố" and entry.name.endswith(" tỉnh"):
        return entry.name[: -len("tỉnh")] + "thành phố"
    return entry.name


def _unregistered_ref(hit: Hit, province: str | None) -> AgencyRef:
    """A name the registry does not know, as written: abbreviations expanded, the province
    moved to its field ("Trung tâm Lưu trữ lịch sử tỉnh Hà Tĩnh" → "… tỉnh", Hà Tĩnh)."""
    name = government_tone_marks(expand_abbreviations(_capitalise_function(hit.mention)))
    if hit.province:
        name = _without_province(name, hit.province)
    scoped = hit.province or (None if _is_central(name) else province)
    return AgencyRef(
        name=name, province=scoped, kind=AgencyKind.UNREGISTERED, mentions=[hit.mention]
    )


def _capitalise_function(name: str) -> str:
    """An abbreviation right after the kind of body is written out capitalised, as the
    function's first word is (Nghị định 30/2020/NĐ-CP, Phụ lục II): "Trung tâm CNTT" is
    "Trung tâm Công nghệ thông tin"; words written out stay as written."""
    words = name.split(" ")
    folded = fold_key(name).split()
    for head in sorted(agency_rules().heads, key=len, reverse=True):
        n = len(head.split())
        if folded[:n] == fold_key(head).split() and len(words) > n:
            expanded = expand_abbreviations(words[n])
            if expanded != words[n]:
                words[n] = expanded[:1].upper() + expanded[1:]
            break
    return " ".join(words)


def _is_central(name: str) -> bool:
    """ "Cục Kiểm soát …", "Bộ Quốc phòng": a central unit; "Bộ phận một cửa" is not (the
    word after the head is not capitalised)."""
    words = name.split()
    for head in agency_rules().central_heads:
        n = len(head.split())
        if fold_key(" ".join(words[:n])) == fold_key(head) and words[n : n + 1]:
            return words[n][:1].isupper()
    return False


def _without_province(name: str, province: str) -> str:
    for tail in (f" {province}", f" tỉnh {province}", f" thành phố {province}"):
        if fold_key(name).endswith(fold_key(tail)) and len(name) > len(tail):
            kept = name[: len(name) - len(tail)]
            return kept + (" tỉnh" if tail.startswith(" tỉnh") else "")
    return name


def _ref(hit: Hit, province: str | None) -> AgencyRef:
    if hit.entry is None:
        return _unregistered_ref(hit, province)
    entry = hit.entry
    scoped = hit.province or (province if entry.scope == "province" else None)
    if entry.scope == "central":
        scoped = None
    name = hit.name or _display_name(entry, scoped)
    return AgencyRef(name=name, province=scoped, kind=entry.kind, mentions=[hit.mention])


def text_hit_ref(text: str, hit: TextHit, province: str | None) -> AgencyRef:
    """The canonical agency (or the unregistered name) of an agency found in running text."""
    mention = fold_ws(text[hit.start : hit.end])
    return _ref(Hit(mention, hit.entry, hit.province, hit.name), province)


def split_agencies(text: str) -> list[str]:
    """The agency mentions of a cell, in order, without the instructions around them.

    >>> split_agencies("Các Sở Y tế, Giáo dục và Đào tạo")
    ['Sở Y tế', 'Sở Giáo dục và Đào tạo']
    """
    return [hit.mention for hit in _cell_hits(text)]


def merge_refs(refs: Iterable[AgencyRef]) -> list[AgencyRef]:
    """One entry per (name, province), first-seen order, mentions united."""
    merged: dict[tuple[str, str | None], AgencyRef] = {}
    for ref in refs:
        key = (ref.name, ref.province)
        if key in merged:
            old = merged[key]
            mentions = old.mentions + [m for m in ref.mentions if m not in old.mentions]
            merged[key] = old.model_copy(update={"mentions": mentions})
        else:
            merged[key] = ref
    return list(merged.values())


def parse_agency_cell(text: str, *, province: str | None = None) -> AgencyCell:
    """Agencies of a "chủ trì"/"phối hợp" cell, canonical and deduplicated, in order; names
    the registry does not know are among them (kind "unregistered") and also in `unknown`.

    >>> [a.name for a in parse_agency_cell("Sở Nội vụ và các cơ quan liên quan").agencies]
    ['Sở Nội vụ', 'Các cơ quan, đơn vị liên quan']
    """
    hits = _cell_hits(text)
    refs = merge_refs(_ref(h, province) for h in hits)
    unknown = list(dict.fromkeys(h.mention for h in hits if h.entry is None))
    return AgencyCell(agencies=refs, unknown=unknown)


def canonical_agency(mention: str, *, province: str | None = None) -> AgencyRef | None:
    """The registry's agency for one mention, or None when it is not one agency we know.

    >>> canonical_agency("Sở TT&TT", province="Nghệ An").name
    'Sở Thông tin và Truyền thông'
    """
    chunks = _chunks(mention)
    if len(chunks) != 1:
        return None
    hits = chunk_hits(chunks[0])
    if len(hits) != 1 or hits[0].entry is None:
        return None
    return _ref(replace(hits[0], mention=fold_ws(nfc(mention))), province)


# --- the 2025 reorganisation ----------------------------------------------------------------


def successor(
    agency: str | AgencyRef, *, as_of: dt.date, province: str | None = None
) -> AgencyRef | None:
    """What the agency had become by `as_of` (None when unchanged or unknown).

    >>> successor("Sở Kế hoạch và Đầu tư", as_of=dt.date(2025, 6, 1), province="Nghệ An").name
    'Sở Tài chính'
    """
    ref = agency if isinstance(agency, AgencyRef) else canonical_agency(agency, province=province)
    if ref is None or ref.name not in agency_by_name():
        return None
    province = province or ref.province
    current, changed = ref.name, False
    for _ in range(len(successors())):
        step = next(
            (
                row
                for row in successors()
                if row.agency == current
                and row.effective_date <= as_of
                and row.scope in ("central", "*", province)
            ),
            None,
        )
        if step is None:
            break
        current, changed = step.successor, True
    if not changed:
        return None
    entry = agency_by_name()[current]
    scoped = province if entry.scope == "province" else None
    return AgencyRef(name=_display_name(entry, scoped), province=scoped, kind=entry.kind)
