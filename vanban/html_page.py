"""Self-contained HTML pages (plotly.js inlined once; nothing fetched at view time).

Everything taken from the database is escaped, and a missing value is an empty cell:
no `nan`, `None` or `<NA>` ever reaches the page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

from normalize.indicators import indicators

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:1400px;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.note{color:#666;font-size:.85rem}
table.matrix td.v{white-space:nowrap;text-align:right}
table.matrix th.ind{min-width:16rem;max-width:28rem;font-weight:normal}
"""


def text_of(value: object) -> str:
    """A cell's text: empty for a missing value, integers without '.0'."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table_html(frame: pd.DataFrame, headers: dict[str, str] | None = None, *,
               max_rows: int = 500, css: str = "") -> str:
    """`frame`'s columns named by `headers` (all columns when None), escaped."""
    if frame.empty:
        return '<p class="note">(không có)</p>'
    headers = headers or {str(c): str(c) for c in frame.columns}
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers.values())
    rows = []
    for _, row in frame.head(max_rows).iterrows():
        cells = "".join(f"<td>{html.escape(text_of(row[c]))}</td>" for c in headers)
        rows.append(f"<tr>{cells}</tr>")
    more = (f'<p class="note">… {len(frame) - max_rows} dòng nữa không hiển thị.</p>'
            if len(frame) > max_rows else "")
    cls = f' class="{css}"' if css else ""
    return f"<table{cls}><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"


def figure_html(fig) -> str:  # type: ignore[no-untyped-def]
    import plotly.io as pio

    return str(pio.to_html(fig, full_html=False, include_plotlyjs=False,
                           config={"displaylogo": False}))


def page(title: str, body: list[str], *, subtitle: str | None = None) -> str:
    from plotly.offline import get_plotlyjs

    note = f'<p class="note">{html.escape(subtitle)}</p>' if subtitle else ""
    return (
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style>"
        f"<script type=\"text/javascript\">{get_plotlyjs()}</script></head><body>"
        f"<h1>{html.escape(title)}</h1>{note}" + "".join(body) + "</body></html>"
    )


def indicator_labels() -> dict[str, str]:
    return {i.code: i.label for i in indicators()}


def plan_label(row: pd.Series) -> str:
    """'Nghệ An 2026–2030 (3369/QĐ-UBND)'; a plan with no province is named by its
    document alone, never '? ?'."""
    place = text_of(row.get("province"))
    period = text_of(row.get("plan"))
    document = text_of(row.get("document"))
    if not place:
        return f"{document} {period}".strip()
    return f"{place} {period} ({document})".replace("  ", " ")


def _bar_labels(rows: pd.DataFrame) -> list[str]:
    """One x label per bar: the plan, and the year when a plan states several."""
    plans = [plan_label(r) for _, r in rows.iterrows()]
    years = [text_of(y) for y in rows["target_year"]]
    labels = [f"{p}<br>năm {y}" if y else p for p, y in zip(plans, years, strict=True)]
    seen: dict[str, int] = {}
    out = []
    for label in labels:  # bars never share an x, so they can never stack
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} #{seen[label]}")
    return out


def targets_figure(rows: pd.DataFrame, title: str, unit: str):  # type: ignore[no-untyped-def]
    """One bar per (plan, target year) of one indicator in one unit; the value as
    written on the bar, the target's own words on hover."""
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=_bar_labels(rows), y=rows["value"].astype(float).tolist(),
                           text=[text_of(v) for v in rows["value_label"]],
                           textposition="outside",
                           hovertext=[text_of(t) for t in rows["text"]]))
    axis: dict[str, object] = {"title": unit, "rangemode": "tozero"}
    if unit == "%":
        axis["range"] = [0, 110]
    fig.update_layout(title=title, height=380, margin={"t": 60, "b": 110}, yaxis=axis,
                      barmode="group", xaxis={"type": "category"})
    return fig


def chart_groups(frame: pd.DataFrame, min_plans: int = 2) -> list[tuple[str, str, pd.DataFrame]]:
    """(indicator, unit, rows) for each indicator and unit stated by `min_plans`
    documents or more: one chart each, so '%' and 'điểm' never share an axis."""
    groups = []
    for (indicator, unit), rows in frame.groupby(["indicator", frame["unit"].fillna("")],
                                                 sort=True):
        if rows["document_id"].nunique() >= min_plans:
            groups.append((str(indicator), str(unit), rows))
    return groups


def chart_title(indicator: str, unit: str, labels: dict[str, str]) -> str:
    label = labels.get(indicator, indicator)
    return f"{label} ({unit})" if unit else label


def compare_page(frame: pd.DataFrame, codes: Sequence[str] = ()) -> str:
    """`vanban compare --format html`: one chart per indicator and unit, then its rows."""
    labels = indicator_labels()
    if frame.empty:
        return page("vanban: so sánh chỉ tiêu", ['<p class="note">(không có chỉ tiêu nào)</p>'])
    body = []
    for indicator, unit, rows in chart_groups(frame, min_plans=1):
        if codes and indicator not in codes:
            continue
        title = chart_title(indicator, unit, labels)
        body.append(f'<h2 title="{html.escape(indicator)}">{html.escape(title)}</h2>')
        body.append(figure_html(targets_figure(rows, title, unit)))
        body.append(table_html(rows, COMPARE_HEADERS))
    return page("vanban: so sánh chỉ tiêu", body)


COMPARE_HEADERS = {"province": "Tỉnh", "issuer": "Cơ quan ban hành", "document": "Văn bản",
                   "plan": "Kỳ kế hoạch", "target_year": "Năm", "value_label": "Chỉ tiêu",
                   "text": "Nguyên văn"}
