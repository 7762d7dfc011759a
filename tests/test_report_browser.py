"""`vanban report` in a real headless browser (Debian's chromium): no console errors,
and every chart renders. The screenshot is left in tests/artifacts/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from load.db import make_engine, upgrade
from load.loader import load_record
from tests.load.factories import make_record
from vanban.report import build_report

ARTIFACTS = Path(__file__).parent / "artifacts"


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium missing under CI (.ci/run installs Debian's chromium)")
        pytest.skip("chromium not installed")
    return path


def test_report_page_loads_without_errors_and_draws_its_charts(tmp_path: Path) -> None:
    chromium = _chromium()
    from playwright.sync_api import sync_playwright

    engine = make_engine(f"sqlite:///{tmp_path / 'r.db'}")
    upgrade(engine)
    with engine.begin() as conn:
        load_record(conn, make_record())
        load_record(conn, make_record(number="3369/QĐ-UBND", province="Hà Tĩnh",
                                      content="ht", year=2026))
    page_file = tmp_path / "report.html"
    page_file.write_text(build_report(engine), encoding="utf-8")
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1280, "height": 2000})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        charts = page.locator(".js-plotly-plot").count()
        bars = page.locator(".js-plotly-plot .bars path").count()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        browser.close()
    assert errors == []
    assert [u for u in requests if not u.startswith("file:")] == []  # nothing fetched
    assert charts == 3  # one indicator, tasks per lead agency, deadlines by month
    assert bars >= 4
