"""Citations of other documents in running text (trích dẫn văn bản), after eyecite's design:
`find_citations` walks the text left to right and returns spans with their fields;
resolving short forms across a document is the caller's job (extract/parsers/citations.py).

Forms recognised (tests/cases/citations.yaml has one row each):
- state numbers "76/NQ-CP", "76/2021/NQ-CP", "3594/SNV-CCHC&VTLT", decimal "66.7/NQ-CP";
- party numbers "57-NQ/TW", "83-KH/ĐU", "12- NQ/TU";
- with or without a type word and "số": "Nghị định 30/2020/NĐ-CP", "văn bản số …";
- list items under a head: "các Quyết định của UBND tỉnh: số 3504/QĐ-UBND …; số 2454/…"
  take the head's type and issuer;
- laws by name and date or year: "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6
  năm 2015", "Luật Ban hành văn bản QPPL năm 2025";
- amendments: "X được sửa đổi, bổ sung bởi Y" and "Y … sửa đổi, bổ sung một số điều của X"
  set X's `amended_by` to Y's number.

>>> [c.number for c in find_citations("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ")]
['76/NQ-CP']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from normalize.abbreviations import expand_abbreviations
from normalize.datafiles import data_file
from normalize.dates import PartialDate, find_dates
from normalize.doc_types import doc_type_names, doc_type_of, doc_type_of_symbol, issuer_of_symbol
from normalize.header_terms import strip_official_title
from normalize.text import fold_key, fold_ws, nfc
from schemas.codes import DocType

_SYM = r"[A-ZĐÐ][A-Za-zĐđÐ0-9&]*"
_STATE = (
    rf"(?P<serial>\d+(?:\.\d+)?)/(?:(?P<year>(?:19|20)\d\d)/)?"
    rf"(?P<symbol>{_SYM}(?:[-/] ?{_SYM})*)"
)
_PARTY = rf"(?P<pserial>\d+)\s?-\s?(?P<psymbol>{_SYM}/ ?{_SYM}(?:- ?{_SYM})*)"
_NUMBER = re.compile(rf"(?<![\w/.-])(?:{_STATE}|{_PARTY})(?![\w&])")
_DATE_GAP = re.compile(r"[\s,:]*(?:ban hành\s*)?(?:ngày\s*)?", re.IGNORECASE)
_OF = re.compile(r"\s*,?\s*(?:của|do)\s+", re.IGNORECASE)
_OF_AT = re.compile(  # the last "của X tại" before the document ("…, Y" may be in the name)
    r"^.*\bcủa\s+(?P<who>[^;:()]{3,100}?)\s+tại\s*$", re.IGNORECASE | re.DOTALL
)
_ISSUER_END = re.compile(r"[,;:.()\[\]“”\"|]")
_MAX_ISSUER_WORDS = 12
_AMENDED_BY = re.compile(
    r"được\s+sửa\s+đổi,?\s*(?:và\s+)?bổ\s+sung\s+(?:một số điều\s+)?(?:bởi|tại|theo)\s*$",
    re.IGNORECASE,
)
_AMENDS = re.compile(
    r"\s*,?\s*(?:sửa\s+đổi,?\s*(?:và\s+)?bổ\s+sung|sửa\s+đổi|bổ\s+sung)"
    r"(?:\s+một số (?:điều|nội dung))?(?:\s+(?:của|tại))?\s*",
    re.IGNORECASE,
)
_ATTACHMENT = re.compile(r"kèm\s+theo\s*$|ban\s+hành\s+theo\s*$", re.IGNORECASE)
_HEADER_NUMBER = re.compile(r"^\s*[|*#>\s]*Số\s*[:\-.]?\s*$")
_BARE_OK = re.compile(r"(?:\bsố|[,;]|\bvà)\s*:?\s*$", re.IGNORECASE)
_MAX_LAW_TITLE_WORDS = 30
_NOT_IN_LAW_NAME = re.compile(r"\b(?:được|trong|đến|từ|theo|đã|sẽ|và các|cho|tại)\b", re.IGNORECASE)


@dataclass(frozen=True)
class CitationMatch:
    """One cited document in a text: `text[start:end] == raw`.

    `attachment` marks the "(Kèm theo Quyết định số …)" note, which names the host
    document, not a cited one. `issuer` is as written after "của" (whitespace folded),
    else the generic issuer the symbol names; canonical names are the caller's job.
    """

    start: int
    end: int
    raw: str
    doc_type: DocType | None
    number: str | None = None
    serial: str | None = None
    year: int | None = None
    symbol: str | None = None
    issuer: str | None = None
    date: PartialDate | None = None
    title: str | None = None
    amended_by: str | None = None
    attachment: bool = False

    @property
    def short(self) -> bool:
        """A number, or a law's name, without year or date ("Nghị quyết số 76/NQ-CP",
        "Luật Viên chức"): the caller resolves it to a fuller citation if there is one."""
        return (self.number is not None or self.title is not None) and self.year is None

    def identity(self) -> tuple[str | None, ...]:
        return citation_identity(self.doc_type, self.serial, self.symbol, self.year, self.title)


def citation_identity(
    doc_type: DocType | str | None,
    serial: str | None,
    symbol: str | None,
    year: int | None,
    title: str | None = None,
) -> tuple[str | None, ...]:
    """What makes two citations the same document: (doc_type, serial, symbol, year).

    "76/NQ-CP ngày 15/7/2021" and "76/2021/NQ-CP" are one document. The symbol is
    compared with "/" read as "-" (party documents are written both ways, "05/NQ-TU"
    and "05-NQ/TU"). A document without a number (a law cited by name) is known by
    its title.
    """
    kind = str(doc_type) if doc_type is not None else None
    if serial is None:
        return (kind, None, None, str(year) if year else None, fold_key(title or ""))
    key = symbol_key(symbol) if symbol else None
    return (kind, serial, key, str(year) if year else None)


def symbol_key(symbol: str) -> str:
    """A symbol for comparison: eth as Đ, no spaces, '/' as '-', case kept."""
    return nfc(symbol).replace("Ð", "Đ").replace(" ", "").replace("/", "-")


def clean_serial(serial: str) -> str:
    """'05' → '5', '66.7' stays: serials are compared without leading zeros."""
    whole, dot, frac = serial.partition(".")
    return (whole.lstrip("0") or "0") + dot + frac


def serial_of(number: str | None) -> str | None:
    """The serial of a document number, as citations of it carry it (the view joins on it).

    >>> serial_of("0365/QĐ-UBND"), serial_of("83-KH/ĐU")
    ('365', '83')
    """
    if not number:
        return None
    head = number.replace("-", "/", 1).split("/", 1)[0]
    return clean_serial(head) if head else None


@cache
def _issuer_stop() -> re.Pattern[str]:
    """The words an issuer's name ends before (data/citation_words.yaml)."""
    words = data_file("citation_words.yaml")["issuer_stops"]["words"]
    return re.compile(rf"\b(?:{'|'.join(re.escape(nfc(w)) for w in words)})\b", re.IGNORECASE)


@cache
def _law_issuer() -> str:
    return nfc(data_file("citation_words.yaml")["law_issuer"]["name"])


@cache
def _type_words() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in doc_type_names() if n not in ("Luật", "Bộ luật"))
    return re.compile(rf"(?:\b(?P<word>{names}|Luật|Bộ luật))\s*(?:số\s*:?\s*)?$", re.IGNORECASE)


@cache
def _list_head() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in doc_type_names())
    return re.compile(
        rf"\b(?:các|những)\s+(?P<word>{names})(?:\s+(?:của|do)\s+(?P<issuer>[^:;.]{{2,80}}?))?\s*:",
        re.IGNORECASE,
    )


@cache
def _known_laws() -> tuple[re.Pattern[str], dict[str, str]]:
    """Laws cited by name alone (data/laws.yaml), longest name first."""
    canonical: dict[str, str] = {}
    for row in data_file("laws.yaml")["laws"]:
        for form in (row["name"], *row.get("aliases", [])):
            canonical[fold_key(form)] = nfc(row["name"])
    forms = sorted(
        {
            nfc(f)
            for row in data_file("laws.yaml")["laws"]
            for f in (row["name"], *row.get("aliases", []))
        },
        key=len,
        reverse=True,
    )
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in forms)
    # "Luật" with its capital: "kỷ luật cán bộ, công chức" is discipline, not a law
    pattern = re.compile(rf"\b(?P<word>Bộ luật|Luật)\s+(?P<title>(?i:{alternatives}))(?!\w)")
    return pattern, canonical


@cache
def _law() -> re.Pattern[str]:
    return re.compile(
        # "Luật Đất đai (sửa đổi) ngày 18/01/2024": the note is not part of the title, and
        # the date after it is the law's (CONTRACT §5)
        r"\b(?P<word>Bộ luật|Luật)\s+(?P<title>\w[^;()\n]*?)"
        r"(?:\s*\((?i:sửa đổi|sửa đổi, bổ sung|sửa đổi bổ sung)\))?\s*,?\s+"
        r"(?:(?:số\s*:?\s*)(?=\d)|(?=ngày\s*\d)|năm\s+(?P<year>(?:19|20)\d\d)\b)",
    )


def _issuer_after(text: str, pos: int) -> tuple[str | None, int]:
    """The issuer named by "của …" at `pos`, and where it ends."""
    m = _OF.match(text, pos)
    if m is None:
        return None, pos
    rest = text[m.end() : m.end() + 200]
    cut = _ISSUER_END.search(rest)
    if cut:
        rest = rest[: cut.start()]
    stop = _issuer_stop().search(rest)
    if stop:
        rest = rest[: stop.start()]
    joined = re.search(r"\s(?:và|cùng)\s+(?=[^\W\d_])(?![A-ZĐÀ-Ỹ])", rest)
    if joined:  # "… Tỉnh ủy và các văn bản": what follows "và" in lower case is not a name
        rest = rest[: joined.start()]
    words = rest.split()[:_MAX_ISSUER_WORDS]
    if not words or not words[0][:1].isupper():
        return None, pos
    # a trailing "và" belongs to what follows ("… của Chính phủ và Nghị định …")
    while words and words[-1].lower() in ("và", "các", "của"):
        words.pop()
    if not words:
        return None, pos
    span = re.match(r"\s+".join(re.escape(w) for w in words), text[m.end() :])
    end = m.end() + span.end() if span else pos
    return " ".join(words), end


def _issuer_before(text: str, start: int) -> str | None:
    """The issuer named before the document: "theo đề nghị của Giám đốc Sở Nội vụ tại
    Công văn số …" → "Sở Nội vụ" (the office, not its head)."""
    m = _OF_AT.search(text[max(0, start - 120) : start])
    if m is None:
        return None
    who = fold_ws(m.group("who"))
    if not who[:1].isupper() or _issuer_stop().search(who):
        return None
    return strip_official_title(who) or who


def _date_after(text: str, pos: int) -> tuple[PartialDate | None, int]:
    window = text[pos : pos + 48]
    dates = find_dates(window)
    if not dates:
        return None, pos
    gap = window[: dates[0].start]
    if not _DATE_GAP.fullmatch(gap):
        return None, pos
    return dates[0].date, pos + dates[0].end


def _context_type(text: str, start: int) -> tuple[DocType | None, int, bool]:
    """The type word right before a number, where the citation starts, and whether it
    is the "(Kèm theo …)" note of the host document."""
    before = text[max(0, start - 60) : start]
    m = _type_words().search(before)
    if m is None:
        return None, start, False
    word_start = start - len(before) + m.start("word")
    attachment = bool(_ATTACHMENT.search(text[max(0, word_start - 30) : word_start].rstrip()))
    return doc_type_of(m.group("word")), word_start, attachment


def _list_context(text: str, start: int) -> tuple[DocType | None, str | None]:
    """The head of a list the number is an item of: "các Quyết định của UBND tỉnh: số …"."""
    heads = list(_list_head().finditer(text, 0, start))
    if not heads:
        return None, None
    head = heads[-1]
    between = text[head.end() : start]
    if re.search(r"\.\s+[A-ZĐÀ-Ỹ]", between) or len(between) > 1200:
        return None, None
    issuer = fold_ws(head.group("issuer")) if head.group("issuer") else None
    return doc_type_of(head.group("word")), issuer


class _Number(NamedTuple):
    """A cited number and its parts: "76/2021/NQ-CP" → serial "76", year 2021, "NQ-CP"."""

    number: str | None
    serial: str | None
    year: int | None
    symbol: str | None


def _number_fields(m: re.Match[str]) -> _Number:
    if m.group("serial"):
        symbol = m.group("symbol").replace(" ", "")
        year = int(m.group("year")) if m.group("year") else None
        return _Number(m.group(0).replace(" ", ""), clean_serial(m.group("serial")), year, symbol)
    symbol = m.group("psymbol").replace(" ", "")
    number = f"{m.group('pserial')}-{symbol}"
    return _Number(number, clean_serial(m.group("pserial")), None, symbol)


def _number_citation(text: str, m: re.Match[str]) -> CitationMatch | None:
    cited = _number_fields(m)
    symbol = cited.symbol
    doc_type, start, attachment = _context_type(text, m.start())
    issuer: str | None = None
    if doc_type is None:
        if _HEADER_NUMBER.match(text[: m.start()]):
            return None  # the document's own number line, "Số: 3667/QĐ-UBND"
        doc_type, issuer = _list_context(text, m.start())
        if doc_type is None and not _BARE_OK.search(text[max(0, m.start() - 12) : m.start()]):
            return None
        if doc_type is None:
            doc_type = doc_type_of_symbol(symbol)
    date, end = _date_after(text, m.end())
    written_issuer, end2 = _issuer_after(text, end)
    if written_issuer:
        issuer, end = written_issuer, end2
    if issuer is None:
        issuer = _issuer_before(text, start) or issuer_of_symbol(symbol)
    found = _as_written(text, start, max(end, m.end()), doc_type, cited, issuer, date)
    return replace(found, attachment=attachment)


def _law_citation(text: str, m: re.Match[str]) -> CitationMatch | None:
    title = fold_ws(expand_abbreviations(m.group("title")))
    if len(title.split()) > _MAX_LAW_TITLE_WORDS or re.search(r"\.\s", title):
        return None
    if m.group("year") and _NOT_IN_LAW_NAME.search(title):
        return None  # "Luật X được triển khai trong năm 2025": the year is not the law's
    end = m.end()
    cited = _Number(None, None, int(m.group("year")) if m.group("year") else None, None)
    num = _NUMBER.match(text, end)
    if num is not None:
        numbered = _number_fields(num)
        cited = numbered._replace(year=cited.year or numbered.year)
        end = num.end()
    date, end = _date_after(text, end)
    if cited.number is None and date is None and cited.year is None:
        return None
    doc_type = doc_type_of(m.group("word"))
    found = _as_written(text, m.start(), end, doc_type, cited, _law_issuer(), date)
    return replace(found, title=title)


def _as_written(
    text: str,
    start: int,
    end: int,
    doc_type: DocType | None,
    cited: _Number,
    issuer: str | None,
    date: PartialDate | None,
) -> CitationMatch:
    """The citation written at text[start:end]; its date's year when its number gave
    none ("Luật Đất đai ngày 18/01/2024" is the law of 2024)."""
    return CitationMatch(
        start=start,
        end=end,
        raw=fold_ws(text[start:end]),
        doc_type=doc_type,
        number=cited.number,
        serial=cited.serial,
        year=cited.year if cited.year is not None or date is None else date.year,
        symbol=cited.symbol,
        issuer=issuer,
        date=date,
    )


def _link_amendments(text: str, found: list[CitationMatch]) -> list[CitationMatch]:
    out = list(found)
    for i in range(1, len(out)):
        amending = out[i]
        gap = text[out[i - 1].end : amending.start]
        if _AMENDED_BY.search(gap) and amending.number:
            suffix = _issuer_part(amending.symbol)
            same = [j for j in range(i) if _issuer_part(out[j].symbol) == suffix]
            target = same[-1] if same else i - 1
            out[target] = replace(out[target], amended_by=amending.number)
        elif _AMENDS.fullmatch(gap) and out[i - 1].number:
            out[i] = replace(amending, amended_by=out[i - 1].number)
    return out


def _issuer_part(symbol: str | None) -> str | None:
    if not symbol:
        return None
    return re.split(r"[-/]", symbol_key(symbol))[-1]


def find_citations(text: str) -> list[CitationMatch]:
    """Every cited document in `text`, left to right, without overlaps."""
    text = nfc(text)
    found: list[CitationMatch] = []
    taken: list[tuple[int, int]] = []
    for m in _law().finditer(text):
        law = _law_citation(text, m)
        if law is not None:
            found.append(law)
            taken.append((law.start, law.end))
    pattern, names = _known_laws()
    for m in pattern.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        title = names.get(fold_key(m.group("title")), fold_ws(m.group("title")))
        found.append(
            CitationMatch(
                start=m.start(),
                end=m.end(),
                raw=fold_ws(m.group(0)),
                doc_type=DocType.LUAT,
                issuer=_law_issuer(),
                title=title,
            )
        )
        taken.append((m.start(), m.end()))
    for m in _NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        cite = _number_citation(text, m)
        if cite is not None:
            found.append(cite)
    found.sort(key=lambda c: c.start)
    return _link_amendments(text, found)
