"""Open a page in Debian's chromium (headless, through Playwright) and report what a
person would see go wrong: console errors, requests leaving the machine, charts drawn."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parent / "artifacts"


@dataclass(frozen=True)
class PageCheck:
    errors: list[str]
    external_requests: list[str]
    charts: int
    bars: int


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium missing under CI (.ci/run installs Debian's chromium)")
        pytest.skip("chromium not installed")
    return path


def open_page(page_file: Path, screenshot: str) -> PageCheck:
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1280, "height": 2000})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        page.wait_for_timeout(500)
        check = PageCheck(errors=errors,
                          external_requests=[u for u in requests if not u.startswith("file:")],
                          charts=page.locator(".js-plotly-plot").count(),
                          bars=page.locator(".js-plotly-plot .bars path").count())
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
        browser.close()
    return check
