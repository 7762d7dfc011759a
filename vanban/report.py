"""`vanban report`: one self-contained HTML page over the whole database."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, text

from load.audit import audit_citations
from load.queries import compare_targets, documents_frame
from vanban.html_page import figure_html, page, table_html, targets_figure


def _bar(x: pd.Series, y: pd.Series, title: str):  # type: ignore[no-untyped-def]
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=x, y=y))
    # months like "2025-11" are labels here, not points on a time axis
    fig.update_layout(title=title, height=380, margin={"t": 50, "b": 120},
                      xaxis={"type": "category"})
    return fig


def _lead_counts(engine: Engine) -> pd.DataFrame:
    sql = ("SELECT agency, count(*) AS tasks FROM task_agencies WHERE role = 'lead' "
           "GROUP BY agency ORDER BY count(*) DESC, agency")
    with engine.connect() as conn:
        return pd.read_sql(text(sql), conn)


def _deadline_months(engine: Engine) -> pd.DataFrame:
    with engine.connect() as conn:
        df = pd.read_sql(text("SELECT deadline_end FROM tasks WHERE deadline_end IS NOT NULL"),
                         conn)
    months = df["deadline_end"].str.slice(0, 7)
    return months.value_counts().sort_index().rename_axis("month").reset_index(name="tasks")


def build_report(engine: Engine) -> str:
    docs = documents_frame(engine)
    targets = compare_targets(engine)
    leads = _lead_counts(engine)
    months = _deadline_months(engine)
    audit = audit_citations(engine)
    body = [f'<p class="note">{len(docs)} documents, {len(targets)} targets, '
            f'{int(leads["tasks"].sum()) if not leads.empty else 0} task leads, '
            f'{len(audit.citations)} citations.</p>',
            "<h2>Documents loaded</h2>", table_html(docs.drop(columns=["path"]))]
    body.append("<h2>Targets across provinces</h2>")
    # a chart where documents can be compared; one-off aims go in a table below
    spread = targets.groupby("indicator")["document"].nunique() if not targets.empty else None
    compared = [] if spread is None else sorted(spread[spread > 1].index)
    for indicator in compared:
        body.append(figure_html(targets_figure(targets, indicator)))
    single = targets[~targets["indicator"].isin(compared)]
    body += ["<h3>Targets stated by one document only</h3>",
             table_html(single[["indicator", "province", "document", "plan", "target_year",
                                "value", "text"]])]
    body += ["<h2>Tasks per lead agency</h2>",
             figure_html(_bar(leads["agency"].head(30), leads["tasks"].head(30),
                              "Tasks led (top 30 agencies)")) if not leads.empty else "",
             "<h2>Deadlines by month</h2>",
             figure_html(_bar(months["month"], months["tasks"], "Tasks due per month"))
             if not months.empty else "",
             "<h2>Citation audit</h2>",
             f"<p>{len(audit.resolved)} resolved, {len(audit.unresolved)} unresolved, "
             f"{len(audit.inconsistent)} inconsistencies.</p>",
             table_html(audit.inconsistent), "<h3>Most-cited bases</h3>",
             table_html(audit.most_cited.head(20))]
    source = engine.url.render_as_string(hide_password=True)
    return page("vanban report", body, subtitle=source)
