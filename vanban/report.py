"""`vanban report`: one self-contained HTML page over the whole database, in Vietnamese,
answering in order: (1) indicators × plans, (2) one chart per indicator stated by two
plans or more, (3) tasks by lead agency and deadline quarter, (4) the citation audit,
(5) the documents loaded, lowest quality first."""

from __future__ import annotations

import html

import pandas as pd
from sqlalchemy import Engine

from load.audit import AuditReport, audit_citations
from load.labels import CHECK_LABELS, ROLE_LABELS, doc_type_label
from load.queries import compared_targets, documents_frame, lead_deadlines, warning_counts
from vanban.html_page import (
    chart_groups,
    chart_title,
    figure_html,
    indicator_labels,
    page,
    plan_label,
    table_html,
    targets_figure,
    text_of,
)
from vanban.report_tasks import tasks_section

SECTIONS = ("1. Chỉ tiêu theo tỉnh và kế hoạch", "2. So sánh từng chỉ tiêu",
            "3. Nhiệm vụ theo cơ quan chủ trì và thời hạn", "4. Kiểm tra trích dẫn",
            "5. Văn bản đã nạp và chất lượng trích xuất")


def _colour(row: pd.Series, group: pd.DataFrame) -> str:
    """Deeper green for a higher value: of its total ("3,2/3,5 điểm"), of 100 for a
    percentage, else of the highest value in the same unit across the plans."""
    value = float(row["value"])
    if text_of(row["out_of"]):
        top = float(row["out_of"])
    elif row["unit"] == "%":
        top = 100.0
    else:
        same = group["unit"].fillna("") == text_of(row["unit"])
        top = float(group.loc[same, "value"].max())
    share = max(0.0, min(1.0, value / top)) if top > 0 else 0.0
    return f"background:hsl(140,45%,{95 - 35 * share:.0f}%)"


def _cell(rows: pd.DataFrame, group: pd.DataFrame) -> str:
    parts = []
    for _, r in rows.iterrows():
        year = f" ({text_of(r['target_year'])})" if text_of(r["target_year"]) else ""
        parts.append(html.escape(f"{r['value_label']}{year}"))
    words = html.escape(" | ".join(text_of(t) for t in rows["text"]), quote=True)
    return (f'<td class="v" style="{_colour(rows.iloc[0], group)}" title="{words}">'
            + "<br>".join(parts) + "</td>")


def matrix_html(targets: pd.DataFrame) -> str:
    """Indicators (Vietnamese labels, the code as tooltip) × plans; each cell the value
    with its comparator and year, coloured by value."""
    rows = targets[targets["indicator"].notna()]
    if rows.empty:
        return '<p class="note">(chưa có chỉ tiêu nào)</p>'
    labels = indicator_labels()
    plans = (rows.sort_values(["province", "year_start", "document"], na_position="last")
             .drop_duplicates("document_id"))
    head = "".join(f"<th>{html.escape(plan_label(p))}</th>" for _, p in plans.iterrows())
    body = []
    for code, group in sorted(rows.groupby("indicator"),
                              key=lambda kv: labels.get(str(kv[0]), str(kv[0]))):
        cells = []
        for doc_id in plans["document_id"]:
            mine = group[group["document_id"] == doc_id]
            cells.append(_cell(mine, group) if not mine.empty else "<td></td>")
        label = labels.get(str(code), str(code))
        body.append(f'<tr><th class="ind" title="{html.escape(str(code))}">'
                    f"{html.escape(label)}</th>{''.join(cells)}</tr>")
    return (f'<table class="matrix"><thead><tr><th>Chỉ tiêu</th>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def charts_html(targets: pd.DataFrame) -> list[str]:
    labels = indicator_labels()
    groups = chart_groups(targets[targets["indicator"].notna()])
    if not groups:
        return ['<p class="note">(chưa có chỉ tiêu nào được hai kế hoạch trở lên nêu)</p>']
    titled = sorted(((chart_title(code, unit, labels), unit, rows) for code, unit, rows in groups),
                    key=lambda t: t[0])
    return [figure_html(targets_figure(rows, title, unit)) for title, unit, rows in titled]


def audit_html(audit: AuditReport) -> list[str]:
    bad = audit.inconsistent.assign(check=audit.inconsistent["check"].map(
        lambda c: CHECK_LABELS.get(c, c)))
    open_ = audit.unresolved.assign(
        kind=audit.unresolved["doc_type"].map(doc_type_label),
        role=audit.unresolved["role"].map(lambda r: ROLE_LABELS.get(r, r)))
    return [
        f"<p>{len(audit.resolved)} trích dẫn đã có văn bản trong cơ sở dữ liệu, "
        f"{len(audit.unresolved)} chưa có, {len(audit.inconsistent)} điểm không thống nhất.</p>",
        "<h3>Trích dẫn không thống nhất</h3>",
        table_html(bad, {"check": "Vấn đề", "cited": "Văn bản được dẫn", "detail": "Chi tiết",
                         "raw": "Trích dẫn nguyên văn", "citing": "Văn bản dẫn"}),
        "<h3>Trích dẫn chưa có trong cơ sở dữ liệu</h3>",
        table_html(open_, {"kind": "Loại", "cited_number": "Số hiệu", "cited_date": "Ngày",
                           "issuer": "Cơ quan ban hành", "role": "Vai trò",
                           "raw": "Trích dẫn nguyên văn", "citing": "Văn bản dẫn"}),
        "<h3>Căn cứ được dẫn nhiều nhất</h3>",
        table_html(audit.most_cited.head(20), {"cited": "Văn bản",
                                               "citing_documents": "Số văn bản dẫn"}),
    ]


def documents_html(docs: pd.DataFrame, warnings: pd.DataFrame) -> str:
    listed = {doc_id: ", ".join(f"{c} ×{n}" for c, n in zip(w["code"], w["n"], strict=True))
              for doc_id, w in warnings.groupby("document_id")}
    docs = docs.sort_values(["quality_score", "id"], na_position="first")
    docs = docs.assign(
        label=[text_of(n) or text_of(p).rsplit("/", 1)[-1]
               for n, p in zip(docs["number"], docs["path"], strict=True)],
        kind=[doc_type_label(t) if text_of(t) else "" for t in docs["doc_type"]],
        plan=[_period(s, e) for s, e in zip(docs["year_start"], docs["year_end"], strict=True)],
        warnings=docs["id"].map(lambda i: listed.get(i, "")))
    return table_html(docs, {"label": "Văn bản", "kind": "Loại", "issuer": "Cơ quan ban hành",
                             "province": "Tỉnh", "issued_date": "Ngày ban hành",
                             "plan": "Kỳ kế hoạch", "quality_score": "Chất lượng",
                             "targets": "Chỉ tiêu", "tasks": "Nhiệm vụ",
                             "citations": "Trích dẫn", "warnings": "Cảnh báo"})


def _period(start: object, end: object) -> str:
    s, e = text_of(start), text_of(end)
    return s if s == e or not e else (f"{s}–{e}" if s else e)


def build_report(engine: Engine) -> str:
    docs = documents_frame(engine)
    targets = compared_targets(engine)
    audit = audit_citations(engine)
    leads = lead_deadlines(engine)
    summary = (f'<p class="note">{len(docs)} văn bản, {len(targets)} chỉ tiêu, '
               f"{len(leads)} lượt giao chủ trì nhiệm vụ, {len(audit.citations)} trích dẫn.</p>")
    body = [summary,
            f"<h2>{SECTIONS[0]}</h2>", matrix_html(targets),
            f"<h2>{SECTIONS[1]}</h2>", *charts_html(targets),
            f"<h2>{SECTIONS[2]}</h2>", *tasks_section(leads),
            f"<h2>{SECTIONS[3]}</h2>", *audit_html(audit),
            f"<h2>{SECTIONS[4]}</h2>", documents_html(docs, warning_counts(engine))]
    source = engine.url.render_as_string(hide_password=True)
    return page("vanban: báo cáo tổng hợp", body, subtitle=source)
