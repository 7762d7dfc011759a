"""Open a page in Debian's chromium (headless, through Playwright) and report what a
person would see: console errors, requests leaving the machine, the charts drawn with
their titles, each bar's drawn height read back off its axis beside the value written on
it, the section headings and the page's visible text."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parent / "artifacts"

# For every plotly chart: its title, its y-axis title, and per drawn bar the value its
# top stands for on the y axis (pixels → data) and the label printed on it.
_CHARTS_JS = """
() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
  const fl = gd._fullLayout, ya = fl.yaxis, xa = fl.xaxis;
  const bars = [];
  gd.querySelectorAll('.bars .point').forEach(pt => {
    const path = pt.querySelector('path');
    const d = path ? path.getAttribute('d') : '';
    const xs = [], ys = [];
    for (const [, cmd, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
      const n = (args.match(/-?[0-9.]+/g) || []).map(Number);
      if (cmd === 'M' || cmd === 'L') { xs.push(n[0]); ys.push(n[1]); }
      else if (cmd === 'H') xs.push(n[0]);
      else if (cmd === 'V') ys.push(n[0]);
    }
    const text = pt.querySelector('text');
    bars.push({
      top: ys.length ? ya.p2c(Math.min(...ys)) : null,
      right: xs.length ? xa.p2c(Math.max(...xs)) : null,
      label: text ? text.textContent : ''});
  });
  return {title: (fl.title && fl.title.text) || '',
          unit: (ya.title && ya.title.text) || '',
          horizontal: gd.data.length > 0 && gd.data[0].orientation === 'h',
          bars};
})
"""


@dataclass(frozen=True)
class Bar:
    top: float | None  # data value at the bar's drawn top (vertical bars)
    label: str  # the value printed on the bar


@dataclass(frozen=True)
class Chart:
    title: str
    unit: str
    horizontal: bool
    bars: list[Bar]


@dataclass(frozen=True)
class PageCheck:
    errors: list[str]
    external_requests: list[str]
    charts: int
    bars: int
    drawn: list[Chart] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    text: str = ""
    matrix_rows: int = 0
    matrix_tooltips: list[str] = field(default_factory=list)


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium missing under CI (.ci/run installs Debian's chromium)")
        pytest.skip("chromium not installed")
    return path


def _charts(page) -> list[Chart]:  # type: ignore[no-untyped-def]
    return [Chart(title=c["title"], unit=c["unit"], horizontal=c["horizontal"],
                  bars=[Bar(top=b["top"], label=b["label"]) for b in c["bars"]])
            for c in page.evaluate(_CHARTS_JS)]


def open_page(page_file: Path, screenshot: str) -> PageCheck:
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1400, "height": 2000})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        page.wait_for_timeout(500)
        check = PageCheck(errors=errors,
                          external_requests=[u for u in requests if not u.startswith("file:")],
                          charts=page.locator(".js-plotly-plot").count(),
                          bars=page.locator(".js-plotly-plot .bars path").count(),
                          drawn=_charts(page),
                          headings=page.locator("h2").all_inner_texts(),
                          text=page.inner_text("body"),
                          matrix_rows=page.locator("table.matrix tbody tr").count(),
                          matrix_tooltips=[t or "" for t in page.locator(
                              "table.matrix tbody th").evaluate_all(
                              "els => els.map(e => e.title)")])
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
        browser.close()
    return check
