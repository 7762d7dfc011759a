"""The report's tasks part: how much each lead agency must deliver, and by when
(deadline quarters; tasks that recur or have no end date in their own columns)."""

from __future__ import annotations

import pandas as pd

from vanban.html_page import figure_html, table_html

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
RECURRING = "Thường xuyên, định kỳ"
NO_END = "Không nêu thời hạn"
_RECURRING_KINDS = {"ongoing", "recurring"}


def quarter_of(kind: object, end: object) -> str:
    """'2025-11-30' → 'Quý IV/2025'; a recurring or ongoing task, or one without an end
    date, gets its own bucket."""
    if isinstance(end, str) and len(end) >= 7 and end[:4].isdigit():
        return f"Quý {ROMAN[(int(end[5:7]) - 1) // 3 + 1]}/{end[:4]}"
    return RECURRING if kind in _RECURRING_KINDS else NO_END


def _quarter_order(label: str) -> tuple[int, int]:
    if not label.startswith("Quý "):
        return (9999, 0 if label == RECURRING else 1)
    roman, year = label[4:].split("/")
    return (int(year), {v: k for k, v in ROMAN.items()}[roman])


def lead_quarter_table(leads: pd.DataFrame, top: int = 30) -> pd.DataFrame:
    """Lead agencies (most tasks first) × deadline quarters, with a total column."""
    frame = leads.assign(quarter=[quarter_of(k, e) for k, e in
                                  zip(leads["deadline_kind"], leads["deadline_end"],
                                      strict=True)])
    counts = pd.crosstab(frame["agency"], frame["quarter"])
    counts = counts[sorted(counts.columns, key=_quarter_order)]
    counts.insert(0, "Tổng", counts.sum(axis=1))
    counts = counts.sort_values("Tổng", ascending=False, kind="stable").head(top)
    return counts.reset_index().rename(columns={"agency": "Cơ quan chủ trì"})


def _bar(x: list[str], y: list[int], title: str, *, horizontal: bool = False):  # type: ignore[no-untyped-def]
    import plotly.graph_objects as go

    counts = {"text": [str(v) for v in y], "textposition": "outside"}
    bar = (go.Bar(y=x, x=y, orientation="h", **counts) if horizontal
           else go.Bar(x=x, y=y, **counts))
    fig = go.Figure(bar)
    layout: dict[str, object] = {"title": title, "margin": {"t": 60, "b": 80}}
    if horizontal:
        layout.update(height=max(380, 22 * len(x) + 120), margin={"t": 60, "l": 360},
                      yaxis={"type": "category", "autorange": "reversed"})
    else:
        layout.update(height=380, xaxis={"type": "category"})
    fig.update_layout(**layout)
    return fig


def tasks_section(leads: pd.DataFrame) -> list[str]:
    if leads.empty:
        return ['<p class="note">(chưa có nhiệm vụ nào có cơ quan chủ trì)</p>']
    table = lead_quarter_table(leads)
    by_agency = table.head(20)
    quarters = [c for c in table.columns if str(c).startswith("Quý ")]
    due = leads.assign(quarter=[quarter_of(k, e) for k, e in
                                zip(leads["deadline_kind"], leads["deadline_end"], strict=True)])
    per_quarter = due["quarter"].value_counts()
    order = sorted((q for q in per_quarter.index if q.startswith("Quý ")), key=_quarter_order)
    parts = [figure_html(_bar(list(by_agency["Cơ quan chủ trì"]), list(by_agency["Tổng"]),
                              "Số nhiệm vụ chủ trì theo cơ quan (20 cơ quan nhiều nhất)",
                              horizontal=True))]
    if quarters:
        parts.append(figure_html(_bar(order, [int(per_quarter[q]) for q in order],
                                      "Số nhiệm vụ chủ trì đến hạn theo quý")))
    parts += ["<h3>Cơ quan chủ trì × quý đến hạn (số nhiệm vụ)</h3>", table_html(table)]
    return parts
