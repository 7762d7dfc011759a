"""`vanban audit`: which cited documents are in the database, which citations contradict
each other or themselves, and which bases are cited most."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, text

from load.labels import doc_type_label
from normalize.doc_types import issuer_matches_symbol
from normalize.text import fold_key

IDENTITY = ["doc_type", "serial", "symbol", "year"]
_NUMBER_YEAR = re.compile(r"/((?:19|20)\d\d)/")


@dataclass(frozen=True)
class AuditReport:
    citations: pd.DataFrame  # every citation with its audit_status
    inconsistent: pd.DataFrame  # check, cited, detail, citing documents, citations as written
    amended: pd.DataFrame  # citations of documents a later document amended
    most_cited: pd.DataFrame  # bases by number of citing documents

    @property
    def unresolved(self) -> pd.DataFrame:
        return self.citations[self.citations["audit_status"] == "unresolved"]

    @property
    def resolved(self) -> pd.DataFrame:
        return self.citations[self.citations["audit_status"] != "unresolved"]


def citations_frame(engine: Engine) -> pd.DataFrame:
    sql = (
        "SELECT c.id, c.document_id, d.number AS citing_number, d.province AS citing_province, "
        "d.issued_date AS citing_date, d.path AS citing_path, c.doc_type, c.cited_number, "
        "c.serial, c.year, c.symbol, "
        "c.issuer, c.cited_date, c.title, c.role, c.amended_by, c.raw, c.page, "
        "s.resolved_document_id, s.audit_status "
        "FROM citations c JOIN documents d ON d.id = c.document_id "
        "JOIN citation_status s ON s.citation_id = c.id ORDER BY c.document_id, c.seq"
    )
    with engine.connect() as conn:
        df = pd.read_sql(text(sql), conn)
    df = df.astype(object).where(df.notna(), None)  # None, not NaN, for missing values
    # a draft has no number yet: name it by its file so a reviewer can find it
    df["citing"] = [n or Path(p).name for n, p in zip(df["citing_number"], df["citing_path"],
                                                        strict=True)]
    return df


def _label(row: pd.Series) -> str:
    if row.get("cited_number"):
        year = f" ({int(row['year'])})" if pd.notna(row["year"]) else ""
        return str(row["cited_number"]) + year
    title = row.get("title")
    if not title:
        return str(row.get("raw") or "?")
    return f"{doc_type_label(row.get('doc_type'))} {title}"


def _issue(check: str, rows: pd.DataFrame, detail: str) -> dict[str, object]:
    return {"check": check, "cited": _label(rows.iloc[0]), "detail": detail,
            "citing": "; ".join(sorted({str(n) for n in rows["citing"]})),
            "raw": " | ".join(dict.fromkeys(str(r) for r in rows["raw"] if r))}


def _group_disagreements(df: pd.DataFrame) -> list[dict[str, object]]:
    issues = []
    numbered = df[df["cited_number"].notna()]
    for _, rows in numbered.groupby(["symbol", "serial", "year"], dropna=False):
        dates = sorted({d for d in rows["cited_date"].dropna() if len(d) == 10})
        if len(dates) > 1:
            issues.append(_issue("different_dates", rows, "cited as " + ", ".join(dates)))
        issuers = {fold_key(i): i for i in rows["issuer"].dropna()}
        if len(issuers) > 1:
            issues.append(_issue("different_issuers", rows,
                                 "cited as " + ", ".join(sorted(issuers.values()))))
    return issues


def _row_checks(df: pd.DataFrame, issuer_matches: Callable[[str, str], bool | None]
                ) -> list[dict[str, object]]:
    issues = []
    for _, row in df.iterrows():
        one = df.loc[[row.name]]
        number, date = row["cited_number"] or "", row["cited_date"] or ""
        m = _NUMBER_YEAR.search(number)
        if m and date[:4].isdigit() and m.group(1) != date[:4]:
            issues.append(_issue("year_contradicts_date", one,
                                 f"number says {m.group(1)}, date is {date}"))
        if row["symbol"] and row["issuer"] and not issuer_matches(row["symbol"], row["issuer"]):
            issues.append(_issue("issuer_contradicts_symbol", one,
                                 f"{row['symbol']} is not issued by {row['issuer']}"))
        citing = row["citing_date"] or ""
        if len(date) == 10 and len(citing) == 10 and date > citing:
            issues.append(_issue("cited_after_citing", one,
                                 f"cited document dated {date}, citing document {citing}"))
        if row["audit_status"] == "inconsistent":
            issues.append(_issue("date_differs_from_database", one,
                                 f"cited with date {date}; the loaded document has another"))
    return issues


def _most_cited(basis: pd.DataFrame) -> pd.DataFrame:
    """Bases by how many documents cite them; "76/NQ-CP" and "76/2021/NQ-CP" of 2021 are
    one document (the contract's identity), shown under its first-seen label."""
    if basis.empty:
        return pd.DataFrame(columns=["cited", "citing_documents"])
    basis = basis.assign(
        identity=basis.apply(lambda r: "|".join(str(r[k]) for k in IDENTITY)
                             if r["cited_number"] else f"title|{r['doc_type']}|{r['title']}",
                             axis=1),
        cited=basis.apply(_label, axis=1))
    grouped = basis.groupby("identity", sort=False).agg(
        cited=("cited", "first"), citing_documents=("document_id", "nunique"))
    return (grouped.sort_values("citing_documents", ascending=False, kind="stable")
            .reset_index(drop=True))


def audit_citations(engine: Engine, *,
                    issuer_matches: Callable[[str, str], bool | None] = issuer_matches_symbol
                    ) -> AuditReport:
    df = citations_frame(engine)
    issues = _group_disagreements(df) + _row_checks(df, issuer_matches)
    inconsistent = pd.DataFrame(issues, columns=["check", "cited", "detail", "citing", "raw"])
    amended = df[df["amended_by"].notna()][
        ["cited_number", "cited_date", "amended_by", "citing", "raw"]]
    most = _most_cited(df[df["role"] == "basis"])
    return AuditReport(citations=df, inconsistent=inconsistent, amended=amended,
                       most_cited=most)
