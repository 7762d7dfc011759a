"""Document types (loại văn bản) and the parts of a document symbol (ký hiệu).

A symbol is what follows the serial in a document number: "QĐ-UBND" in "3667/QĐ-UBND",
"KH/ĐU" in "83-KH/ĐU", "SNV-CCHC&VTLT" in a công văn. Its type part and issuer part are
facts kept in data/doc_types.yaml.

>>> doc_type_of("QUYẾT ĐỊNH"), doc_type_of("QĐ")
(<DocType.QUYET_DINH: 'quyet_dinh'>, <DocType.QUYET_DINH: 'quyet_dinh'>)
>>> issuer_of_symbol("NĐ-CP")
'Chính phủ'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from normalize.datafiles import data_file
from normalize.text import fold_key, nfc
from schemas.codes import DocType

_PARTS = re.compile(r"[-/]")
_LEGISLATURE = re.compile(r"^(?:UBTV)?QH\d*$")


@dataclass(frozen=True)
class _Tables:
    by_name: dict[str, DocType]  # fold_key(name) -> code
    by_abbreviation: dict[str, DocType]
    issuers: dict[str, str]
    names: tuple[str, ...]  # every name as written, longest first
    also: dict[str, tuple[str, ...]]  # generic issuer -> other bodies that issue the symbol


@cache
def _tables() -> _Tables:
    data = data_file("doc_types.yaml")
    by_name: dict[str, DocType] = {}
    by_abbreviation: dict[str, DocType] = {}
    names: list[str] = []
    for row in data["doc_types"]:
        code = DocType(row["code"])
        for name in row["names"]:
            by_name[fold_key(name)] = code
            names.append(nfc(name))
        for abbreviation in row["abbreviations"]:
            by_abbreviation[nfc(abbreviation)] = code
    issuers = {nfc(row["symbol"]): nfc(row["issuer"]) for row in data["issuers"]}
    also = {nfc(row["issuer"]): tuple(nfc(a) for a in row.get("also", ()))
            for row in data["issuers"]}
    names.sort(key=len, reverse=True)
    return _Tables(by_name, by_abbreviation, issuers, tuple(names), also)


def _symbol_parts(symbol: str) -> list[str]:
    # Some fonts give the Icelandic eth "Ð" where "Đ" is meant ("QÐ-UBND").
    cleaned = nfc(symbol).replace("Ð", "Đ").replace(" ", "")
    return [p for p in _PARTS.split(cleaned) if p]


def doc_type_names() -> tuple[str, ...]:
    """Every name of a document type as written, longest first (for building patterns)."""
    return _tables().names


def doc_type_of(word: str) -> DocType | None:
    """The type a name ("Quyết định", "QUYẾT ĐỊNH") or an abbreviation ("QĐ") stands for.

    >>> doc_type_of("Văn bản")
    <DocType.CONG_VAN: 'cong_van'>
    """
    tables = _tables()
    stripped = nfc(word).strip().replace("Ð", "Đ")
    if stripped in tables.by_abbreviation:
        return tables.by_abbreviation[stripped]
    return tables.by_name.get(fold_key(stripped))


def doc_type_of_symbol(symbol: str) -> DocType | None:
    """The type a symbol's first part names; a symbol without one is a công văn.

    >>> doc_type_of_symbol("KH/ĐU"), doc_type_of_symbol("SNV-CCHC&VTLT")
    (<DocType.KE_HOACH: 'ke_hoach'>, <DocType.CONG_VAN: 'cong_van'>)

    A bare legislature symbol ("QH15") is a law or a resolution of the National
    Assembly: None, the name in the text must decide.
    """
    parts = _symbol_parts(symbol)
    if not parts or _LEGISLATURE.match(parts[0]):
        return None
    code = _tables().by_abbreviation.get(parts[0])
    return code if code is not None else DocType.CONG_VAN


def issuer_of_symbol(symbol: str) -> str | None:
    """The issuing body a symbol names, in its generic form, or None.

    "NĐ-CP" → "Chính phủ", "QĐ-TTg" → "Thủ tướng Chính phủ", "57-NQ/TW" style "NQ/TW" →
    "Ban Chấp hành Trung ương", "QH15" → "Quốc hội", "BNV-CCHC" (a công văn, issuer
    first) → "Bộ Nội vụ".
    """
    tables = _tables()
    parts = _symbol_parts(symbol)
    if not parts:
        return None
    # "NĐ-CP": type then issuer; "SNV-CCHC" (công văn): issuer first
    candidates = parts[1:] if parts[0] in tables.by_abbreviation else parts[:1]
    for part in candidates:
        if _LEGISLATURE.match(part):
            return tables.issuers["UBTVQH" if part.startswith("UBTV") else "QH"]
        if part in tables.issuers:
            return tables.issuers[part]
    return None


def issuer_matches_symbol(symbol: str, issuer: str) -> bool | None:
    """Whether `issuer` can have issued a document with `symbol`; None when the symbol
    names no issuer. A specific body matches its generic form ("Ủy ban nhân dân tỉnh Hà
    Tĩnh" for UBND), and a symbol may belong to several bodies ("NQ/TW": Ban Chấp hành
    Trung ương, Bộ Chính trị, Ban Bí thư).

    >>> issuer_matches_symbol("NĐ-CP", "Bộ Nội vụ")
    False
    """
    generic = issuer_of_symbol(symbol)
    if generic is None:
        return None
    key = fold_key(issuer)
    bodies = (generic, *_tables().also.get(generic, ()))
    return any(key.startswith(fold_key(b)) for b in bodies)
