"""`vanban report` in a real headless browser (Debian's chromium): no console errors,
nothing fetched, every chart drawn. Screenshots are left in tests/artifacts/."""

from __future__ import annotations

from pathlib import Path

from load.db import make_engine, upgrade
from load.loader import load_record
from tests.browser import chromium_path, open_page
from tests.load.factories import make_record
from vanban.report import build_report


def test_report_page_loads_without_errors_and_draws_its_charts(tmp_path: Path) -> None:
    chromium_path()
    engine = make_engine(f"sqlite:///{tmp_path / 'r.db'}")
    upgrade(engine)
    with engine.begin() as conn:
        load_record(conn, make_record())
        load_record(conn, make_record(number="3369/QĐ-UBND", province="Hà Tĩnh",
                                      content="ht", year=2026))
        # a plan with no header (seed 004's kind): no province, no year, no number
        bare = make_record(number=None, content="bare")
        load_record(conn, bare.model_copy(update={
            "document": bare.document.model_copy(update={"province": None, "issuer": None,
                                                          "title": None}),
            "plan": None, "targets": [bare.targets[0].model_copy(update={"year": None})]}))
    page_file = tmp_path / "report.html"
    page_file.write_text(build_report(engine), encoding="utf-8")
    check = open_page(page_file, "report.png")
    assert check.errors == []
    assert check.external_requests == []
    assert check.charts == 3  # one indicator compared, tasks per lead agency, deadlines by month
    assert check.bars >= 5
