"""`vanban report` in a real headless browser (Debian's chromium): no console errors,
nothing fetched, and what a person reads checked as they would read it: the five parts
in order, the indicator matrix, every chart titled in Vietnamese, no bar drawn beyond the
value written on it. Screenshots are left in tests/artifacts/."""

from __future__ import annotations

import re
from pathlib import Path

from load.db import make_engine, upgrade
from load.loader import load_record
from schemas import Citation, Loc, Target
from tests.browser import PageCheck, chromium_path, open_page
from tests.load.factories import make_record
from vanban.report import SECTIONS, build_report

_NUMBER = re.compile(r"\d[\d.]*(?:,\d+)?")
_VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
                         re.IGNORECASE)


def stated(label: str) -> float:
    """The first number of a value as written: '≥ 3,2/3,5 điểm' → 3.2, '1.500' → 1500."""
    m = _NUMBER.search(label)
    assert m, f"no value written on a bar: {label!r}"
    return float(m.group().replace(".", "").replace(",", "."))


def assert_reads_well(check: PageCheck) -> None:
    """What a person sees: used on the built page and on the samples' page."""
    assert check.errors == []
    assert check.external_requests == []
    assert check.headings == list(SECTIONS)
    assert check.matrix_rows >= 1
    assert all(re.fullmatch(r"[a-z0-9_]+", t) for t in check.matrix_tooltips)
    for code in check.matrix_tooltips:  # codes only as tooltips
        assert code not in check.text
    for chart in check.drawn:
        assert chart.title and _VIETNAMESE.search(chart.title), chart.title
        assert "_" not in chart.title, chart.title
        if chart.horizontal:
            continue
        for bar in chart.bars:
            assert bar.top is not None
            value = stated(bar.label)
            # a bar stacked on another, or drawn from a doubled value, ends above this
            assert abs(bar.top - value) <= 0.01 * max(1.0, value), (chart.title, bar)
            if chart.unit == "%":
                assert bar.top <= 100.5, (chart.title, bar)  # half a unit: pixel rounding
    assert not re.search(r"\b(nan|NaN|None|null)\b|<NA>", check.text)
    assert not re.search(r"\b(?:19|20)\d\d\.0\b", check.text)  # integer years
    assert not re.search(r"\bluat\b", check.text)  # "Luật …", the type's name


XSS = "<img src=x onerror=\"document.title='owned'\"><script>alert(1)</script>"


def _records():  # type: ignore[no-untyped-def]
    na = make_record()
    ht = make_record(number="3369/QĐ-UBND", province="Hà Tĩnh", content="ht", year=2026)
    # stated twice (in its targets and again in its tasks), plus the same aim in points
    again = ht.targets[0]
    points = Target(text="đạt 4,2 điểm trên tổng 5 điểm", metric="score", value=4.2,
                    out_of=5.0, comparator=">=", unit="điểm", year=2026,
                    indicator="satisfaction_procedures")
    law = Citation(raw=f"Luật Cán bộ, công chức ngày 13/11/2008 {XSS}", doc_type="luat",
                   title="Cán bộ, công chức", issuer="Quốc hội", date="2008-11-13",
                   role="basis", loc=Loc(page=1))
    ht = ht.model_copy(update={"targets": [again, again, points],
                               "citations": [*ht.citations, law]})
    # a plan with no header (seed 004's kind): no province, no year, no number
    bare = make_record(number=None, content="bare")
    bare = bare.model_copy(update={
        "document": bare.document.model_copy(update={"province": None, "issuer": None,
                                                      "title": None}),
        "plan": None, "targets": [bare.targets[0].model_copy(update={"year": None}),
                                  points.model_copy(update={"year": None, "value": 3.0})]})
    return [na, ht, bare]


def test_report_page_reads_as_a_person_needs(tmp_path: Path) -> None:
    chromium_path()
    engine = make_engine(f"sqlite:///{tmp_path / 'r.db'}")
    upgrade(engine)
    with engine.begin() as conn:
        for record in _records():
            load_record(conn, record)
    page_file = tmp_path / "report.html"
    page_file.write_text(build_report(engine), encoding="utf-8")
    check = open_page(page_file, "report.png")
    assert_reads_well(check)
    titles = [c.title for c in check.drawn]
    label = "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC"
    # one chart per unit: '%' and 'điểm' never share an axis
    assert f"{label} (%)" in titles
    assert f"{label} (điểm)" in titles
    percent = next(c for c in check.drawn if c.title == f"{label} (%)")
    assert sorted(b.label for b in percent.bars) == ["> 95%", "> 95%", "> 95%"]
    assert check.matrix_rows == 1
    assert "bare.pdf" in check.text  # no province or year: named by its document
    assert "3667/QĐ-UBND\tQuyết định\tỦy ban nhân dân tỉnh Nghệ An" in check.text
    assert "Luật Cán bộ, công chức" in check.text
    assert "? ?" not in check.text
    assert XSS in check.text  # shown as text, never run


def test_report_on_an_empty_database_says_so_in_each_part(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    upgrade(engine)
    page = build_report(engine)
    positions = [page.index(f"<h2>{title}</h2>") for title in SECTIONS]
    assert positions == sorted(positions)
    assert page.count("(chưa có") == 3  # matrix, charts, tasks
    assert page.count("(không có)") == 4  # the audit's three tables and the documents
