"""Self-contained HTML pages (plotly.js inlined once; nothing fetched at view time)."""

from __future__ import annotations

import html

import pandas as pd

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:1200px;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.note{color:#666;font-size:.85rem}
"""


def table_html(frame: pd.DataFrame, *, max_rows: int = 500) -> str:
    if frame.empty:
        return '<p class="note">(none)</p>'
    return frame.head(max_rows).to_html(index=False, escape=True, na_rep="", border=0)


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


def _shown(value: object) -> str:
    return "?" if value is None or pd.isna(value) else str(value)


def targets_figure(frame: pd.DataFrame, indicator: str):  # type: ignore[no-untyped-def]
    """One bar per (province, document, target year): the value as written on the bar."""
    import plotly.graph_objects as go

    rows = frame[frame["indicator"] == indicator]
    # a plan without a header has no province or year: label it, never leave NaN in x
    labels = [f"{_shown(p)} {_shown(y)}<br>{_shown(d)}"
              for p, y, d in zip(rows["province"], rows["target_year"], rows["document"],
                                 strict=True)]
    fig = go.Figure(go.Bar(x=labels, y=rows["value_number"], text=rows["value"],
                           textposition="outside",
                           hovertext=[_shown(t) for t in rows["text"]]))
    unit = ", ".join(sorted({u for u in rows["unit"].dropna()}))
    fig.update_layout(title=f"{indicator} ({unit})", height=380, margin={"t": 50, "b": 80},
                      yaxis_title=unit)
    return fig


def compare_page(frame: pd.DataFrame) -> str:
    body = []
    for indicator in sorted(frame["indicator"].dropna().unique()):
        body.append(f"<h2>{html.escape(indicator)}</h2>")
        body.append(figure_html(targets_figure(frame, indicator)))
        body.append(table_html(frame[frame["indicator"] == indicator].drop(
            columns=["value_number", "comparator"])))
    return page("vanban: targets compared", body)
