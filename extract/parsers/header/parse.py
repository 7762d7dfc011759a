"""Decision header and plan metadata: Document → Header, Plan, where the plan starts.

Follows the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I), reading lines in order
whatever the format (paragraphs, or DOCX header tables read cell by cell):
- the header zone runs from the top to the first line of the body ("Căn cứ …",
  "QUYẾT ĐỊNH:", "Điều 1", a numbered heading); in it: the agency block (capitals, not
  the motto), "Số: …", "Place, ngày …", the type line, the title lines and, for
  decisions, the authority line (the last line in capitals after a title);
- articles, recipients and the signature block follow; a plan attached to a decision
  starts at its own type line ("KẾ HOẠCH") and "(Kèm theo …)" note.

Titles are kept as written, with the first letter in upper case. A title typed in
capitals is given in sentence case (normalize.header_terms.sentence_case_title): known
names keep their capitals (the province, "Ủy ban nhân dân" …), a document type named as
the object of "ban hành" is capitalised ("Về việc ban hành Kế hoạch cải cách hành chính
tỉnh Hà Tĩnh năm 2026").

A document without a number line, date line or type line in its first lines has no
header: every field stays empty and `no_header` is reported (no guessing).
Page metadata of legal sites ("| Số hiệu | … |") is read apart: it fills only fields the
header lacks altogether and is reported where it disagrees (header_metadata_mismatch).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.parsers.header.attachment import note_in, parent_of, split_attachment_heads
from extract.parsers.header.issuer import (
    body_of_authority,
    canonical_body,
    extend_with_authority,
    is_bare_head,
    issuer_from_note,
    issuer_from_text,
    split_agency_block,
)
from extract.parsers.header.lines import (
    Line,
    NumberLine,
    PlaceDate,
    document_lines,
    is_articles_opener,
    is_body_start,
    is_caps,
    metadata_row,
    parse_article,
    parse_number_line,
    parse_place_date,
    split_motto,
    table_metadata,
)
from extract.parsers.header.metadata import reconcile_metadata, site_metadata
from extract.parsers.header.plan import PLAN_TYPES, AttachedPlan, find_attached_plan, years_of
from extract.parsers.header.signature import find_recipients, find_signer
from extract.parsers.header.sources import (
    blank_unreadable_day,
    clean_header_lines,
    doc_type_line,
    fill_day_from_signature,
    join_broken_date,
    place_date_of,
    unreadable_number,
)
from normalize.dates import PartialDate
from normalize.doc_types import doc_type_of_symbol
from normalize.header_sources import opens_title, signature_date
from normalize.header_terms import (
    after_subject_mark,
    is_motto,
    opens_motto,
    opens_recipients,
    position_of,
    preamble_opener,
    sentence_case_title,
    starts_with_body_head,
    strip_official_title,
)
from normalize.patterns import HEADER_HEADING
from normalize.provinces import find_province
from schemas.codes import DocType
from schemas.diagnostics import Report, WarningCode
from schemas.document import Document, Table
from schemas.record import Article, Header, Plan

_MAX_ZONE_LINES = 60
_DIGIT = re.compile(r"\d")
_RULE_AFTER = re.compile(r"\s*[-_=*.]{3,}\s*$")  # the rule drawn under the agency block
# "Chương II QUYỀN …" between the articles of a Điều lệ or Quy chế heads the next ones
_DIVISION = re.compile(r"^(?:CHƯƠNG|Chương|MỤC|Mục|PHẦN|Phần)\s+[\dIVXLC]+\b")
# types whose title is followed by the authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
_AUTHORITY_TYPES = frozenset({"quyet_dinh", "nghi_quyet", "chi_thi", "quy_che", "quy_dinh"})


@dataclass(frozen=True)
class HeaderParse:
    header: Header
    plan: Plan | None
    plan_start: str | None  # id of the block where the attached plan's body starts


@dataclass(frozen=True)
class _Zone:
    """What the header zone holds, by position in the line list."""

    end: int
    number: tuple[int, NumberLine] | None
    place_date: tuple[int, PlaceDate] | None
    type_pos: int | None
    agency: list[str]
    title_lines: list[str]
    authority: str | None
    unreadable: list[tuple[str, str]]  # (field, as read): figures a scan garbled, left empty
    vv_only: bool = False  # no type line; the title is the "V/v …" line (a công văn)
    note: str | None = None  # "(Kèm theo Quyết định số …)" under the title: an attachment


def _zone_end(lines: list[Line]) -> int:
    for i, line in enumerate(lines[:_MAX_ZONE_LINES]):
        if is_body_start(line.text) and not _title_after_type(lines, i):
            return i
    return min(len(lines), _MAX_ZONE_LINES)


def _title_after_type(lines: list[Line], i: int) -> bool:
    """The line under the type line (or under "V/v …") goes on with the title when it
    only looks like a body start: a preamble opener that also opens titles ("KẾ HOẠCH"
    / "Thực hiện Chương trình …") or a heading's word ("V/v chuẩn bị triển khai" /
    "Chương trình MTQG …"). "Căn cứ", "Kính gửi" and the articles still end the header."""
    if i == 0:
        return False
    above = lines[i - 1].text
    if doc_type_line(above) is None and after_subject_mark(above) is None:
        return False
    text = lines[i].text
    opener = preamble_opener(text)
    if opener is not None:
        return opens_title(opener)
    return HEADER_HEADING.match(text) is not None and parse_article(text) is None


def _find_number(lines: list[Line], end: int) -> tuple[int, NumberLine] | None:
    for i in range(end):
        found = parse_number_line(lines[i].text) or unreadable_number(lines[i].text)
        if found:
            return i, found
    return None


def _find_place_date(
    lines: list[Line], end: int, number: NumberLine | None
) -> tuple[tuple[int, PlaceDate] | None, list[tuple[str, str]]]:
    """The place-date line (joined with the lines that end a broken date), and the day
    or month figures left blank because they are no figures."""
    if number and number.rest:
        text, blanked = blank_unreadable_day(number.rest)
        joined = place_date_of(text)
        if joined:
            return (-1, joined), blanked
    for i in range(end):
        broken = join_broken_date(lines, i)
        text, blanked = blank_unreadable_day(broken[0] if broken else lines[i].text)
        found = place_date_of(text)
        if found:
            return (i, found), blanked
    return None, []


def _is_other_header_line(text: str) -> bool:
    return (
        is_motto(text)
        or parse_number_line(text) is not None
        or parse_place_date(text) is not None
        or metadata_row(text) is not None
    )


def _names_authority(text: str) -> bool:
    return bool(
        strip_official_title(text) is not None or starts_with_body_head(text) or position_of(text)
    )


def _title_and_authority(
    texts: list[str], *, authority: bool = True
) -> tuple[list[str], str | None]:
    """Title lines, and the authority line that ends them: a line in capitals after the
    title that names a body or a head's title. A title typed in mixed case does not go
    on in capitals, and no title line is a sentence.

    >>> _title_and_authority(["VỀ VIỆC KIỆN TOÀN", "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH TỈNH",
    ...                       "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"])[1]
    'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH'
    """
    title: list[str] = []
    for i, text in enumerate(texts):
        # in a title typed in capitals, only the last line can be the authority line
        # ("VỀ VIỆC KIỆN TOÀN / BAN CHỈ ĐẠO …" goes on naming a body)
        caps_title = is_caps(" ".join(title))
        last = i == len(texts) - 1
        names = authority and _names_authority(text) and not _DIGIT.search(text)
        if title and is_caps(text):
            if not caps_title:  # a title in mixed case does not go on in capitals
                return title, (text if names else None)
            if last and names:
                return title, text
        if text.endswith(".") and len(text) > 80:
            break
        title.append(text)
    return title, None


def _is_title_noise(text: str) -> bool:
    """Header lines a PDF may put among the title lines (the motto in capitals, the
    number or date column); "Nước Cộng hòa xã hội chủ nghĩa Việt Nam" is a title."""
    motto = is_motto(text) and (is_caps(text) or opens_motto(text))
    return (
        motto
        or parse_number_line(text) is not None
        or parse_place_date(text) is not None
        or metadata_row(text) is not None
    )


def _vv_title(lines: list[Line], end: int) -> list[str]:
    """The "V/v …" line of a công văn and the lines that go on with it."""
    marked = ((i, after_subject_mark(lines[i].text)) for i in range(end))
    start, subject = next(((i, s) for i, s in marked if s), (None, None))
    if start is None or subject is None:
        return []
    title = [subject]
    for line in lines[start + 1 : end]:
        text = line.text
        if _is_other_header_line(text) or is_caps(text) or len(text.split()) < 2:
            break
        title.append(text)
    return title


def _scan_zone(lines: list[Line], metadata_blocks: set[int]) -> _Zone:
    end = _zone_end(lines)
    number = _find_number(lines, end)
    place_date, unreadable = _find_place_date(lines, end, number[1] if number else None)
    after = number[0] if number else 0
    types = [i for i in range(end) if doc_type_line(lines[i].text) is not None]
    type_pos = next((i for i in types if i > after), types[0] if types else None)
    agency: list[str] = []
    for i in range(type_pos if type_pos is not None else end):
        text = split_motto(lines[i].text)
        if (
            text
            and is_caps(text)
            and not _is_other_header_line(text)
            and lines[i].index not in metadata_blocks
            and not _DIGIT.search(text)
        ):
            agency.append(_RULE_AFTER.sub("", text))
    title_lines: list[str] = []
    has_authority = True
    note = None
    if type_pos is not None:
        found = note_in(lines, type_pos + 1, end)
        stop = found[0] if found else end
        title_lines = [x.text for x in lines[type_pos + 1 : stop] if not _is_title_noise(x.text)]
        has_authority = doc_type_line(lines[type_pos].text) in _AUTHORITY_TYPES
        if found:
            note = " ".join(x.text for x in lines[found[0] : found[1] + 1])
            has_authority = False  # the note ends the title; no authority line follows
            if not title_lines and doc_type_line(lines[type_pos].text) == DocType.OTHER:
                title_lines = [lines[type_pos].text]  # "ĐIỀU LỆ HỘI …": the type is the title
    else:
        title_lines = _vv_title(lines, end)
    title_lines, authority = _title_and_authority(title_lines, authority=has_authority)
    if number and unreadable_number(lines[number[0]].text):
        unreadable = [("number", number[1].raw), *unreadable]
    return _Zone(
        end, number, place_date, type_pos, agency, title_lines, authority, unreadable,
        vv_only=type_pos is None and bool(title_lines), note=note,
    )


def _clean_title(lines: list[str], *, province: str | None) -> str | None:
    title = " ".join(lines).strip()
    if not title:
        return None
    if is_caps(title):
        return sentence_case_title(title, province=province)
    return title[:1].upper() + title[1:]


def _province(zone: _Zone) -> str | None:
    texts = [
        " ".join(zone.agency),
        zone.place_date[1].place if zone.place_date else None,
        " ".join(zone.title_lines),
        zone.authority,
    ]
    for text in texts:
        if text:
            found = find_province(text)
            if found:
                return found
    return None


def _issuer(
    zone: _Zone,
    lines: list[Line],
    plan: AttachedPlan | None,
    *,
    province: str | None,
    report: Report,
) -> tuple[str | None, str | None]:
    issuer, parent = split_agency_block(zone.agency)
    authority_body = body_of_authority(zone.authority)
    source = "agency block"
    if issuer is not None:
        issuer = extend_with_authority(issuer, authority_body)
    else:
        candidates = [
            ("authority line", authority_body),
            ("attachment note", issuer_from_note(zone.note)),
            ("plan note", issuer_from_note(plan.note if plan else None)),
            (
                "text",
                issuer_from_text(
                    [x.text for x in lines[zone.end : zone.end + 3]] + [x.text for x in lines[-12:]]
                ),
            ),
        ]
        source, issuer = next(((s, c) for s, c in candidates if c), ("", None))
        report.warn(
            WarningCode.HEADER_FIELD_MISSING,
            page=lines[0].page if lines else None,
            field=f"agency block (issuer {'from the ' + source if issuer else 'unknown'})",
        )
    if issuer is None:
        return None, None
    parent_name = canonical_body(parent, province=province) if parent else None
    name = canonical_body(issuer, province=province)
    if parent_name and is_bare_head(name):
        # "UBND TỈNH NGHỆ AN / VĂN PHÒNG": the office is named by its parent
        name = f"{name} {parent_name}"
    return name, parent_name


def _articles(lines: list[Line], start: int, stop: int) -> list[Article]:
    articles: list[tuple[str, list[str]]] = []
    for line in lines[start:stop]:
        found = parse_article(line.text)
        if found:
            articles.append((found[0], [found[1]] if found[1] else []))
        elif articles:
            if _DIVISION.match(line.text):
                continue
            if opens_recipients(line.text) or is_caps(line.text):
                break
            articles[-1][1].append(line.text)
    return [Article(no=no, text="\n".join(parts)) for no, parts in articles]


def _warn_blanks(zone: _Zone, *, report: Report, page: int | None, ocr: bool) -> None:
    for field, raw in zone.unreadable:
        if ocr:
            report.warn(WarningCode.OCR_UNCERTAIN_FIELD, page=page, field=field, raw=raw)
        else:
            report.warn(WarningCode.HEADER_FIELD_MISSING, page=page, field=f"{field} ({raw})")
    if zone.number and zone.number[1].number is None:
        report.warn(WarningCode.HEADER_NUMBER_BLANK, page=page, raw=zone.number[1].raw)
    if zone.place_date:
        date = zone.place_date[1].date
        if date is None or date.day is None:
            report.warn(WarningCode.HEADER_DATE_BLANK, page=page, raw=zone.place_date[1].raw)
    # an attachment has no number or date line of its own: the note names its parent's
    attachment = zone.note is not None
    missing = {
        "number line": zone.number or attachment or None,
        "place and date line": zone.place_date or attachment or None,
        "document type line": zone.type_pos,
        "title": zone.title_lines or None,
    }
    for field, value in missing.items():
        if value is None:
            report.warn(WarningCode.HEADER_FIELD_MISSING, page=page, field=field)


def _plan(
    header: Header, zone: _Zone, lines: list[Line], attached: AttachedPlan | None, *, report: Report
) -> tuple[Plan | None, str | None]:
    if header.doc_type in PLAN_TYPES:
        years = years_of(header.title)
        start = lines[zone.end].block if zone.end < len(lines) else None
        return Plan(
            title=header.title,
            year_start=years[0] if years else None,
            year_end=years[1] if years else None,
        ), start
    if attached is None:
        return None, None
    own, decided = years_of(attached.title), years_of(header.title)
    if own and decided and own != decided:
        report.warn(
            WarningCode.PLAN_YEARS_MISMATCH,
            page=lines[attached.heading].page,
            detail=f"plan heading {own[0]}-{own[1]}, decision title "
            f"{decided[0]}-{decided[1]}; the decision's years kept",
        )
    years = decided or own
    title = attached.title
    if title and is_caps(title):
        title = sentence_case_title(title, province=header.province)
    start = lines[attached.start].block if attached.start < len(lines) else None
    return Plan(
        title=title,
        year_start=years[0] if years else None,
        year_end=years[1] if years else None,
        theme=attached.theme,
    ), start


def _warn_repeat(zone: _Zone, lines: list[Line], stop: int, *, report: Report) -> None:
    if not zone.number or not zone.number[1].number:
        return
    for line in lines[zone.end : stop]:
        again = parse_number_line(line.text)
        if again and again.number == zone.number[1].number:
            report.warn(
                WarningCode.DUPLICATE_CONTENT,
                page=line.page,
                block=line.block,
                detail=f"the document's header repeats at block {line.block}; "
                "the plan is read from its last copy",
            )
            return


def _signature_day(lines: list[Line], date: PartialDate | None) -> PartialDate | None:
    """The day of the e-signature note where the header leaves it blank (CONTRACT §5)."""
    for line in lines:
        signed = signature_date(line.text)
        if signed is not None:
            filled = fill_day_from_signature(
                date, PartialDate(signed.year, signed.month, signed.day)
            )
            if filled is not None:
                return filled
    return None


def _issued(zone: _Zone, lines: list[Line], *, report: Report) -> str | None:
    place_date = zone.place_date[1] if zone.place_date else None
    date = place_date.date if place_date else None
    signed = _signature_day(lines, date)
    if signed is not None:
        report.warn(
            WarningCode.DATE_FROM_SIGNATURE,
            page=lines[0].page if lines else None,
            date=signed.iso(),
            raw=place_date.raw if place_date else "",
        )
        return signed.iso()
    return _date_iso(place_date)


def parse_header(doc: Document, *, report: Report) -> HeaderParse:
    blocks = list(doc.body())
    cleaned = clean_header_lines(document_lines(blocks))
    lines = split_attachment_heads(cleaned.lines)
    ocr = bool(doc.pages) and doc.pages[0].text_layer == "ocr"
    metadata_blocks = {
        i
        for i, b in enumerate(blocks[:_MAX_ZONE_LINES])
        if isinstance(b, Table) and table_metadata(b)
    }
    zone = _scan_zone(lines, metadata_blocks)
    if zone.number is None and zone.place_date is None and zone.type_pos is None:
        report.warn(WarningCode.NO_HEADER, page=lines[0].page if lines else None)
        return HeaderParse(header=Header(), plan=None, plan_start=None)
    page = lines[0].page if lines else None
    _warn_blanks(zone, report=report, page=page, ocr=ocr)
    doc_type = doc_type_line(lines[zone.type_pos].text) if zone.type_pos is not None else None
    number = zone.number[1] if zone.number else None
    if doc_type is None and number:
        doc_type = doc_type_of_symbol(number.symbol)
    if doc_type is None and zone.vv_only:
        doc_type = DocType.CONG_VAN  # Nghị định 30: a công văn has "V/v …" and no type line
    province = _province(zone)
    attached = None if doc_type in PLAN_TYPES else find_attached_plan(lines, zone.end)
    decision_end = attached.heading if attached else len(lines)
    issuer, parent = _issuer(zone, lines, attached, province=province, report=report)
    signer = find_signer(lines[zone.end : decision_end]) or find_signer(lines[zone.end :])
    recipients = find_recipients(lines[zone.end :])
    articles_from = next(
        (i for i in range(zone.end, decision_end) if is_articles_opener(lines[i].text)), zone.end
    )
    header = Header(
        doc_type=doc_type,
        number=number.number if number else None,
        symbol=number.symbol if number else None,
        issuer=issuer,
        issuer_parent=parent,
        place=zone.place_date[1].place if zone.place_date else None,
        province=province,
        issued_date=_issued(zone, lines, report=report),
        title=_clean_title(zone.title_lines, province=province),
        authority=zone.authority,
        signer=signer[0] if signer else None,
        recipients=recipients[0] if recipients else [],
        draft=cleaned.draft,
        attached_to=parent_of(zone.note, province=province) if zone.note else None,
        articles=_articles(lines, articles_from, decision_end)
        if doc_type not in PLAN_TYPES
        else [],
    )
    if signer is None:
        report.warn(WarningCode.HEADER_FIELD_MISSING, page=page, field="signature block")
    meta = site_metadata(blocks, lines, zone.end)
    if meta:
        header = reconcile_metadata(header, meta, report=report)
    _warn_repeat(zone, lines, attached.heading if attached else len(lines), report=report)
    plan, plan_start = _plan(header, zone, lines, attached, report=report)
    return HeaderParse(header=header, plan=plan, plan_start=plan_start)


def _date_iso(place_date: PlaceDate | None) -> str | None:
    return place_date.date.iso() if place_date and place_date.date else None


__all__ = ["HeaderParse", "parse_header"]
