"""The rendered samples (committed .docx/.pdf of seeds 001 and 002) hold real Word
tables with the merged cells of the source, and are what the script writes now.

These tests read the committed files; they never need LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from extract import read_document
from schemas.document import Table
from scripts.render_samples import SEEDS, render_docx
from tests.conftest import SAMPLES

DOCX = {name[:3]: SAMPLES / f"{name}.docx" for name in SEEDS}
PDF = {name[:3]: SAMPLES / f"{name}.pdf" for name in SEEDS}


def _merges(path: Path) -> dict[str, object]:
    """Counts of the merge marks in the document's last (appendix) table."""
    tbl = open_docx(str(path)).tables[-1]._tbl
    vmerge = [v.get(qn("w:val")) for v in tbl.iter(qn("w:vMerge"))]
    return {
        "restart": vmerge.count("restart"),
        "continue": sum(1 for v in vmerge if v in (None, "continue")),
        "grid_spans": sorted(int(g.get(qn("w:val"))) for g in tbl.iter(qn("w:gridSpan"))),
        "header_rows": len(list(tbl.iter(qn("w:tblHeader")))),
    }


def _appendix(seed: str) -> Table:
    return list(read_document(SAMPLES / f"{seed}_{DOCX[seed].stem[4:]}.txt").tables())[-1]


@pytest.mark.parametrize("seed", ["001", "002"])
def test_rendered_files_committed(seed: str) -> None:
    assert DOCX[seed].read_bytes()[:2] == b"PK"
    assert PDF[seed].read_bytes()[:5] == b"%PDF-"


def test_seed_001_group_rows_merged_across(seed: str = "001") -> None:
    """Seven group rows (I–VII), each a title over five columns; nothing merged down."""
    merges = _merges(DOCX[seed])
    assert merges == {"restart": 0, "continue": 0, "grid_spans": [5] * 7, "header_rows": 1}
    assert [len(t.rows) for t in open_docx(str(DOCX[seed])).tables] == [53]


def test_seed_002_cells_merged_down_and_across(seed: str = "002") -> None:
    """Every anchor spanning rows is one vMerge restart plus a continue per extra row."""
    table = _appendix(seed)
    spanning = [c for c in table.cells if c.row_span > 1]
    merges = _merges(DOCX[seed])
    assert merges["restart"] == len(spanning) == 46
    assert merges["continue"] == sum(c.row_span - 1 for c in spanning) == 109
    # groups I–VII and the sub-groups 7.1 and 7.2: a label and a title over eight columns
    assert merges["grid_spans"] == [8] * 9
    assert merges["header_rows"] == 1


def test_seed_002_tt_cell_of_group_one(seed: str = "002") -> None:
    """TT '1' of group I (row 2) is merged down over the 11 rows of tasks 2.1–2.10."""
    rows = open_docx(str(DOCX[seed])).tables[-1]._tbl.tr_lst
    first_cells = [tr.tc_lst[0] for tr in rows[2:14]]
    marks = [tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None for tc in first_cells]
    values = [m.get(qn("w:val")) if m is not None else "none" for m in marks]
    assert values == ["restart"] + [None] * 10 + ["none"]  # row 13 is TT "2", one row


def test_landscape_section_for_the_appendix() -> None:
    for path in DOCX.values():
        sections = open_docx(str(path)).sections
        assert [s.page_width > s.page_height for s in sections] == [False, True]


@pytest.mark.parametrize("seed", ["001", "002"])
def test_committed_docx_matches_the_script(tmp_path: Path, seed: str) -> None:
    """Re-rendering gives the same tables and paragraphs as the committed file."""
    name = DOCX[seed].stem
    fresh = render_docx(SAMPLES / f"{name}.txt", tmp_path / f"{name}.docx")
    old, new = open_docx(str(DOCX[seed])), open_docx(str(fresh))
    assert [p.text for p in new.paragraphs] == [p.text for p in old.paragraphs]
    assert [t._tbl.xml for t in new.tables] == [t._tbl.xml for t in old.tables]
