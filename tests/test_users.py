"""What users do with the samples (issue 8): analysts compare one indicator across the
three provincial plans; reviewers audit the citations. Values checked by hand against
the seeds: 001 (Nghệ An 2025) "đạt trên 95%", 002 (Hà Tĩnh 2026) "đạt từ 95% trở lên",
000 (Văn phòng UBND tỉnh Nghệ An 2026–2030) "đạt trên 95%"; data reuse 50% (001),
"trên 95%" (002), 90% (000)."""

from __future__ import annotations

from pathlib import Path

import pytest

from load.audit import audit_citations
from load.db import make_engine
from load.queries import compare_targets
from tests.conftest import SAMPLES
from vanban.importer import run_import
from vanban.pipeline import expand_paths


@pytest.fixture(scope="module")
def engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path_factory.mktemp('users') / 'v.db'}"
    summary = run_import(expand_paths([SAMPLES]), url=url)
    assert not summary.failures
    return make_engine(url)


def _by_plan(frame) -> dict[tuple[str, str], set[str]]:  # type: ignore[no-untyped-def]
    out: dict[tuple[str, str], set[str]] = {}
    for row in frame.itertuples():
        out.setdefault((row.issuer, row.plan), set()).add(row.value)
    return out


def test_satisfaction_with_procedures_side_by_side(engine) -> None:  # type: ignore[no-untyped-def]
    rows = _by_plan(compare_targets(engine, indicator="satisfaction_procedures"))
    assert rows == {
        ("Ủy ban nhân dân tỉnh Nghệ An", "2025"): {"> 95%"},
        ("Ủy ban nhân dân tỉnh Hà Tĩnh", "2026"): {"≥ 95%"},
        ("Văn phòng Ủy ban nhân dân tỉnh Nghệ An", "2026–2030"): {"> 95%"},
    }


def test_data_reuse_side_by_side(engine) -> None:  # type: ignore[no-untyped-def]
    rows = _by_plan(compare_targets(engine, indicator="data_reuse"))
    assert rows == {
        ("Ủy ban nhân dân tỉnh Nghệ An", "2025"): {"≥ 50%"},
        ("Ủy ban nhân dân tỉnh Hà Tĩnh", "2026"): {"> 95%"},
        ("Văn phòng Ủy ban nhân dân tỉnh Nghệ An", "2026–2030"): {"≥ 90%"},
    }


def test_a_target_stated_twice_is_compared_once(engine) -> None:  # type: ignore[no-untyped-def]
    # seed 000 states "đạt 90%" for data reuse in its targets and again in its tasks
    frame = compare_targets(engine, indicator="data_reuse")
    keys = list(zip(frame["document"], frame["target_year"], strict=True))
    assert len(keys) == len(set(keys)) == 3
    assert "000_03a7ba252fcebdbf.txt" in set(frame["document"])  # no number: its file


@pytest.mark.parametrize("form", ["docx", "pdf", "txt"])
def test_show_finds_a_document_by_any_file_it_was_imported_from(engine, form: str,  # type: ignore[no-untyped-def]
                                                                  tmp_path: Path) -> None:
    """Seed 001 was imported as DOCX, PDF and text; the later forms replaced the earlier,
    and each of the three files (also copied elsewhere) still finds the one record."""
    import shutil

    from typer.testing import CliRunner

    from vanban.cli import app

    url = engine.url.render_as_string(hide_password=False)
    given = SAMPLES / f"001_1a5f14619ac43e8b.{form}"
    moved = shutil.copy(given, tmp_path / f"copy.{form}")
    for ref in (str(given), str(given.relative_to(SAMPLES.parent)), str(moved)):
        result = CliRunner().invoke(app, ["show", ref, "--db", url])
        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith("quyet_dinh 3667/QĐ-UBND")


def test_each_compared_value_names_its_source(engine) -> None:  # type: ignore[no-untyped-def]
    frame = compare_targets(engine, indicator="satisfaction_procedures")
    assert all(Path(p).exists() for p in frame["source_path"])
    assert set(frame["document"]) >= {"3667/QĐ-UBND", "3369/QĐ-UBND"}


def test_audit_names_the_unresolved_citations(engine) -> None:  # type: ignore[no-untyped-def]
    report = audit_citations(engine)
    unresolved = set(report.unresolved["cited_number"].dropna())
    # the programme and the province's own decisions are cited, but not among the samples
    assert {"76/NQ-CP", "5158/QĐ-UBND"} <= unresolved
    assert "3369/QĐ-UBND" not in unresolved  # not cited by anyone, so not listed at all
    top = report.most_cited.iloc[0]
    assert top["cited"].startswith("76/")
    assert top["citing_documents"] >= 3


def test_report_over_the_samples_reads_as_a_person_needs(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.browser import chromium_path, open_page
    from tests.test_report_browser import assert_reads_well
    from vanban.report import build_report

    chromium_path()
    page_file = tmp_path / "report.html"
    page_file.write_text(build_report(engine), encoding="utf-8")
    check = open_page(page_file, "report-samples.png")
    assert_reads_well(check)
    titles = {c.title for c in check.drawn}
    # compared across the three plans (values checked by hand, see the module docstring)
    assert "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC (%)" in titles
    reuse = next(c for c in check.drawn if c.title.startswith("Tỷ lệ khai thác, sử dụng lại"))
    assert sorted(b.label for b in reuse.bars) == ["> 95%", "≥ 50%", "≥ 90%"]


@pytest.mark.parametrize("form", ["txt", "docx", "pdf"])
def test_two_paragraphs_of_one_task_keep_their_full_stop(form: str) -> None:
    """Seed 001 II.2.b: "… không hợp pháp và không hợp lý." then, as its own paragraph,
    "Tiếp tục rà soát kiến nghị …": one task, two sentences."""
    from vanban import extract_record

    record = extract_record(SAMPLES / f"001_1a5f14619ac43e8b.{form}")
    names = [t.name for t in record.tasks if "không hợp lý" in t.name]
    assert len(names) == 1
    assert "không hợp pháp và không hợp lý. Tiếp tục rà soát kiến nghị" in names[0]


def _readme_sql() -> list[tuple[str, list[list[str]]]]:
    """Each ```sql example of the README: its query and the rows it shows ("-- a | b")."""
    from tests.conftest import REPO_ROOT

    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    examples = []
    for block in text.split("```sql\n")[1:]:
        lines = block.split("```", 1)[0].splitlines()
        query = " ".join(ln for ln in lines if not ln.startswith("--"))
        rows = [[c.strip() for c in ln[3:].split("|")] for ln in lines if ln.startswith("-- ")]
        examples.append((query, rows))
    return examples


def test_readme_sql_examples_show_the_rows_the_query_returns(engine) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    examples = _readme_sql()
    assert len(examples) == 3
    for query, shown in examples:
        with engine.connect() as conn:
            rows = [["" if v is None else str(v) for v in row]
                    for row in conn.execute(text(query))]
        assert rows == shown, query
