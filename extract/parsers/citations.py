"""Citations of other documents (trích dẫn văn bản): Document → list[Citation].

Walks the header, the body and the table cells in reading order, finds citations with
`normalize.citations.find_citations`, then resolves them eyecite's way:
- one Citation per identity (doc_type, serial, symbol, year); the fullest form is kept
  (date, issuer, title), with the loc of the first occurrence;
- a short form without year or date ("Nghị quyết số 76/NQ-CP" after its full form)
  joins the one full citation with the same type, serial and symbol; a form whose
  symbol was cut by a line break ("8048/UBN" beside "8048/UBND-VX1") joins the longer;
  a short form that could be several documents is left out with a warning;
- the document's own number (its header, its "(Kèm theo Quyết định số …)" notes) is
  not a citation.
Role `basis`: the paragraph opens with "Căn cứ", "Thực hiện", "Theo đề nghị" … and
stands in a preamble (before the first article or section of the decision or of the
attached plan), so every document it names, also inside another's title, is a basis.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extract.parsers.header.parse import parse_header
from normalize.abbreviations import expand_abbreviations
from normalize.agencies import canonical_agency
from normalize.citations import CitationMatch, find_citations, symbol_key
from normalize.doc_types import doc_type_of
from normalize.header_terms import preamble_opener
from normalize.patterns import CITATION_HEADING
from normalize.text import fold_key, fold_ws
from schemas.codes import CitationRole
from schemas.diagnostics import Report, WarningCode
from schemas.document import Document, Table
from schemas.record import Citation, Header, Loc

_ARTICLE = re.compile(r"^[\s*#|]*Điều\s+\d+", re.IGNORECASE)
_CLEAN = re.compile(r"^[\s*#>|]+|[\s*|]+$")


@dataclass(frozen=True)
class _Text:
    text: str
    page: int | None
    block: str
    basis: bool


@dataclass(frozen=True)
class _Found:
    match: CitationMatch
    where: _Text
    order: int


def _is_type_line(text: str) -> bool:
    """A line that is only a document type in capitals ("KẾ HOẠCH"): a new document part."""
    return text.isupper() and doc_type_of(text) is not None


def _block_texts(doc: Document) -> Iterator[_Text]:
    preamble = True
    for block in doc.body():
        if isinstance(block, Table):
            for cell in block.cells:
                if cell.text.strip():
                    yield _Text(cell.text, block.page, block.id, False)
            continue
        text = _CLEAN.sub("", block.text)
        if (
            _ARTICLE.match(text)
            or CITATION_HEADING.match(text)
            or text.rstrip(":") != text
            and (_is_type_line(text.rstrip(":")))
        ):
            preamble = False
        elif _is_type_line(text):
            preamble = True
        basis = preamble and preamble_opener(text) is not None
        yield _Text(text, block.page, block.id, basis)
    # footnotes and endnotes last: what they name is a mention, and a document the body
    # also names keeps the body's place
    for note in doc.blocks:
        if note.role == "footnote" and not isinstance(note, Table) and note.text.strip():
            yield _Text(note.text, note.page, note.id, False)


def _own_key(number: str | None) -> tuple[str, str] | None:
    if not number:
        return None
    found = find_citations(f"số {number}")
    if not found or found[0].serial is None or found[0].symbol is None:
        return None
    return found[0].serial, symbol_key(found[0].symbol)


def canonical_issuer(raw: str | None, *, province: str | None) -> str | None:
    """The issuer as a canonical name; a provincial body the text leaves without its
    province ("của UBND tỉnh") gets the citing document's province."""
    if not raw:
        return None
    name = fold_ws(expand_abbreviations(raw))
    ref = canonical_agency(name, province=province)
    if ref is not None:
        name = ref.name
    if (
        province
        and fold_key(name).endswith(" " + fold_key("tỉnh"))
        and fold_key(province) not in fold_key(name)
    ):
        name = f"{name} {province}"
    return name


def _richness(m: CitationMatch) -> int:
    return sum(x is not None for x in (m.date, m.issuer, m.title, m.year)) * 2 + len(m.raw) // 200


def _key3(m: CitationMatch) -> tuple[str | None, str | None, str | None]:
    """Identity without the year: what a short form can tell."""
    kind = str(m.doc_type) if m.doc_type else None
    if m.serial is None:
        return (kind, None, fold_key(m.title or ""))
    return (kind, m.serial, symbol_key(m.symbol) if m.symbol else None)


def _resolve_short(
    m: CitationMatch, full: dict[tuple[str | None, ...], list[_Found]]
) -> tuple[str | None, ...] | None | str:
    """The identity a short form stands for, None for its own, "ambiguous" when several."""
    same = [ident for ident, group in full.items() if _key3(group[0].match) == _key3(m)]
    if len(same) == 1:
        return same[0]
    if len(same) > 1:
        return "ambiguous"
    cut = [
        ident
        for ident, group in full.items()
        if _key3(group[0].match)[:2] == _key3(m)[:2]
        and _prefix_related(group[0].match.symbol, m.symbol)
    ]
    return cut[0] if len(cut) == 1 else None


def _prefix_related(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ka, kb = symbol_key(a), symbol_key(b)
    return ka != kb and min(len(ka), len(kb)) >= 2 and (ka.startswith(kb) or kb.startswith(ka))


def _group(found: list[_Found], report: Report) -> list[list[_Found]]:
    full: dict[tuple[str | None, ...], list[_Found]] = {}
    shorts: list[_Found] = []
    for f in found:
        if f.match.short:
            shorts.append(f)
        else:
            full.setdefault(f.match.identity(), []).append(f)
    for f in shorts:
        target = _resolve_short(f.match, full)
        if target == "ambiguous":
            report.warn(
                WarningCode.CITATION_SHORT_FORM_UNRESOLVED,
                page=f.where.page,
                block=f.where.block,
                raw=f.match.raw,
            )
            continue
        if target is None:
            # its own document, known only by type, serial and symbol (or a cut symbol)
            alike = [
                k
                for k, g in full.items()
                if _key3(g[0].match)[:2] == _key3(f.match)[:2]
                and _prefix_related(g[0].match.symbol, f.match.symbol)
            ]
            target = alike[0] if alike else f.match.identity()
        full.setdefault(target, []).append(f)  # type: ignore[arg-type]
    groups = list(full.values())
    groups.sort(key=lambda g: min(f.order for f in g))
    return groups


def _to_citation(group: list[_Found], *, province: str | None) -> Citation:
    first = min(group, key=lambda f: f.order)
    best = max(group, key=lambda f: (_richness(f.match), -f.order))
    m = best.match
    amended = next((f.match.amended_by for f in group if f.match.amended_by), None)
    basis = any(f.where.basis for f in group)
    issuer = m.issuer or next((f.match.issuer for f in group if f.match.issuer), None)
    return Citation(
        raw=m.raw,
        doc_type=m.doc_type,
        number=m.number,
        serial=m.serial,
        year=m.year,
        symbol=m.symbol,
        issuer=canonical_issuer(issuer, province=province),
        date=m.date.iso() if m.date else None,
        title=fold_ws(expand_abbreviations(m.title)) if m.title else None,
        role=CitationRole.BASIS if basis else CitationRole.MENTION,
        amended_by=amended,
        loc=Loc(page=first.where.page, block=first.where.block),
    )


def parse_citations(
    doc: Document,
    *,
    report: Report,
    header: Header | None = None,
    section_of: dict[str, str] | None = None,
) -> list[Citation]:
    """Every document `doc` cites, once each, in order of first mention.

    `header` (from parse_header) gives the document's own number, which is not a
    citation, and its province, which completes "của UBND tỉnh"; without it the header
    is parsed here. `section_of` (block id → section id, from parse_sections) fills
    `loc.section`.
    """
    if header is None:
        header = parse_header(doc, report=Report()).header
    own_number, province = header.number, header.province
    own = _own_key(own_number)
    found: list[_Found] = []
    for where in _block_texts(doc):
        for m in find_citations(where.text):
            if m.attachment or (
                own and m.serial and m.symbol and (m.serial, symbol_key(m.symbol)) == own
            ):
                continue
            found.append(_Found(m, where, len(found)))
    cites = [_to_citation(g, province=province) for g in _group(found, report)]
    if section_of:
        cites = [
            c.model_copy(
                update={
                    "loc": c.loc.model_copy(update={"section": section_of.get(c.loc.block or "")})
                }
            )
            for c in cites
        ]
    return cites
