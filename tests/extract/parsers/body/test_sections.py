from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.parsers.body.numbering import parse_label
from extract.parsers.body.sections import parse_sections
from schemas.diagnostics import Report, WarningCode
from tests import builders as b
from tests.conftest import EXPECTED
from tests.extract.plan_seeds import plan_start, seed_document

SEED_IDS = ["000", "001", "002", "003", "004"]
FIELDS = ("label", "level", "parent", "area", "kind")


_doc = b.document_of_lines


def _tree(*lines: str, start: str | None = None, **kw):
    report = Report()
    return parse_sections(_doc(*lines, **kw), start=start, report=report), report


# --- the seeds, against hand-checked golden files


@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_sections_match_golden(seed: str) -> None:
    doc = seed_document(seed)
    tree = parse_sections(doc, start=plan_start(doc), report=Report())
    expected = json.loads((EXPECTED / seed / "sections.json").read_text("utf-8"))
    got = {s.id: s for s in tree.sections}
    want = {e["id"]: e for e in expected}
    problems = [f"missing section {i}" for i in want if i not in got]
    problems += [f"extra section {i} {got[i].heading[:40]!r}" for i in got if i not in want]
    for sid in want.keys() & got.keys():
        section, exp = got[sid], want[sid]
        if not section.heading.startswith(exp["heading"]):
            problems.append(f"{sid}: heading {section.heading[:50]!r} != {exp['heading']!r}")
        for field in FIELDS:
            value = getattr(section, field)
            value = value.value if hasattr(value, "value") else value
            if value != exp[field]:
                problems.append(f"{sid}: {field} {value!r} != {exp[field]!r}")
    assert [s.id for s in tree.sections] == [e["id"] for e in expected] or problems
    assert not problems, "\n".join(problems)


def test_seed_000_repeated_number_is_kept_and_warned() -> None:
    doc = seed_document("000")
    report = Report()
    tree = parse_sections(doc, start=plan_start(doc), report=report)
    v = [s for s in tree.sections if s.parent == "V"]
    assert [(s.id, s.label) for s in v] == [("V.1", "1."), ("V.3", "3."), ("V.3~2", "3.")]
    assert report.has(WarningCode.SECTION_NUMBER_REPEAT)
    assert report.has(WarningCode.SECTION_NUMBER_GAP)


def test_seed_002_repeated_first_part_is_dropped_once() -> None:
    doc = seed_document("002")
    report = Report()
    tree = parse_sections(doc, start=plan_start(doc), report=report)
    ids = [s.id for s in tree.sections]
    assert len(ids) == len(set(ids))
    assert ids[:3] == ["I", "I.1", "I.1.1"]
    assert [w.code for w in report.items].count(WarningCode.DUPLICATE_CONTENT) == 1


def test_seed_sections_stop_before_the_appendix() -> None:
    doc = seed_document("001")
    tree = parse_sections(doc, start=plan_start(doc), report=Report())
    body = list(doc.body())
    last = max(i for i, b in enumerate(body) if b.id in tree.plan_blocks)
    assert all(b.id not in tree.section_of for b in body[last + 1 :])
    assert any("PHỤ LỤC" in getattr(b, "text", "") for b in body[last + 1 :])


# --- the numbering grammar

LABELS = [
    ("II. NHIỆM VỤ", "roman", "II.", (2,)),
    ("IV. TỔ CHỨC THỰC HIỆN", "roman", "IV.", (4,)),
    ("1. Mục đích", "number", "1.", (1,)),
    ("1.1. Cụ thể hóa", "number", "1.1.", (1, 1)),
    ("1.1 Xây dựng Hệ thống", "number", "1.1", (1, 1)),
    ("7.1.1. Phát triển hạ tầng", "number", "7.1.1.", (7, 1, 1)),
    ("3.10. Mức độ hài lòng", "number", "3.10.", (3, 10)),
    ("a) Mục tiêu", "letter", "a)", (1,)),
    ("đ) Tổ chức thực hiện", "letter", "đ)", (5,)),
    ("e) Tiếp tục", "letter", "e)", (6,)),
    ("g) Các cơ quan", "letter", "g)", (7,)),
    ("n) Đài Phát thanh", "letter", "n)", (13,)),
    ("- Chủ trì, phối hợp", "bullet", "-", ()),
    ("+ 100% thủ tục", "bullet", "+", ()),
    ("- + 100% cán bộ", "bullet", "- +", ()),
    ("• Tăng cường", "bullet", "•", ()),
    ("## **2. Cải cách thủ tục hành chính**", "number", "2.", (2,)),
    ("#### **V. TỔ CHỨC THỰC HIỆN**", "roman", "V.", (5,)),
]
NOT_LABELS = [
    "f) không có chữ f",
    "j) không có chữ j",
    "0.5 điểm",
    "2,5% chi",
    "2026 là năm",
    "15 ngày làm việc",
    "Số: 3369/QĐ-UBND",
    "Tiếp tục",
    "**Điều 1.** Ban hành",
]


@pytest.mark.parametrize(("text", "kind", "label", "number"), LABELS, ids=[c[0] for c in LABELS])
def test_parse_label(text: str, kind: str, label: str, number: tuple[int, ...]) -> None:
    parsed = parse_label(text)
    assert parsed is not None
    assert (parsed.kind, parsed.text, parsed.number) == (kind, label, number)


@pytest.mark.parametrize("text", NOT_LABELS)
def test_not_a_label(text: str) -> None:
    assert parse_label(text) is None


# --- tree rules on small documents


def test_ids_join_labels_and_levels_follow_numbering() -> None:
    tree, _ = _tree(
        "I. MỤC TIÊU",
        "1. Cải cách thể chế",
        "a) Nhiệm vụ một",
        "- gạch đầu dòng",
        "b) Nhiệm vụ hai",
        "2. Cải cách thủ tục hành chính",
        "II. NHIỆM VỤ",
    )
    assert [(s.id, s.level, s.parent) for s in tree.sections] == [
        ("I", 1, None),
        ("I.1", 2, "I"),
        ("I.1.a", 3, "I.1"),
        ("I.1.b", 3, "I.1"),
        ("I.2", 2, "I"),
        ("II", 1, None),
    ]
    assert tree.section_of["b0004"] == "I.1.a"  # a bullet is an item of its section


def test_dotted_numbers_nest_under_their_parent() -> None:
    tree, _ = _tree(
        "II. CÁC CHỈ TIÊU",
        "7. Chính quyền số",
        "7.1. Chính quyền số",
        "7.1.1. Phát triển",
        "7.1.2. Hoàn thiện",
        "7.2. Áp dụng ISO",
        "8. Khác",
    )
    assert [(s.id, s.parent) for s in tree.sections] == [
        ("II", None),
        ("II.7", "II"),
        ("II.7.1", "II.7"),
        ("II.7.1.1", "II.7.1"),
        ("II.7.1.2", "II.7.1"),
        ("II.7.2", "II.7"),
        ("II.8", "II"),
    ]


def test_numbering_inside_bold_and_heading_marks() -> None:
    plain, _ = _tree("I. NHIỆM VỤ", "1. Cải cách thể chế", "a) Mục tiêu")
    marked, _ = _tree("### **I. NHIỆM VỤ**", "## **1. Cải cách thể chế**", "#### a) Mục tiêu")
    assert [(s.id, s.heading) for s in marked.sections] == [
        (s.id, s.heading) for s in plain.sections
    ]


def test_word_list_label_is_used() -> None:
    tree, _ = _tree("I. NHIỆM VỤ", "Tiếp tục nâng cao chất lượng", labels={1: "a)"})
    assert [(s.id, s.label) for s in tree.sections] == [("I", "I."), ("I.a", "a)")]


def test_gap_and_repeat_are_warned_and_ids_stay_unique() -> None:
    tree, report = _tree("I. TỔ CHỨC THỰC HIỆN", "1. Các phòng", "3. Trung tâm", "3. Phòng HC")
    assert [s.id for s in tree.sections] == ["I", "I.1", "I.3", "I.3~2"]
    codes = [w.code for w in report.items]
    assert codes == [WarningCode.SECTION_NUMBER_GAP, WarningCode.SECTION_NUMBER_REPEAT]


def test_kind_is_named_by_headings_and_inherited() -> None:
    tree, _ = _tree(
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "II. NỘI DUNG, MỤC TIÊU, NHIỆM VỤ CỤ THỂ",
        "1. Cải cách thể chế",
        "a) Mục tiêu",
        "b) Nhiệm vụ",
        "III. KINH PHÍ",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Sở Nội vụ",
    )
    kinds = {s.id: s.kind.value if s.kind else None for s in tree.sections}
    assert kinds == {
        "I": "purpose",
        "I.1": "purpose",
        "II": "tasks",
        "II.1": "tasks",
        "II.1.a": "targets",
        "II.1.b": "tasks",
        "III": "funding",
        "IV": "organisation",
        "IV.1": "organisation",
    }


def test_area_from_heading_or_parent() -> None:
    tree, report = _tree(
        "II. NHIỆM VỤ",
        "1. Cải cách thủ tục hành chính",
        "a) Mục tiêu",
        "2. Những việc khác không rõ lĩnh vực",
        "a) Một việc",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Sở Nội vụ",
    )
    areas = {s.id: s.area.value if s.area else None for s in tree.sections}
    assert areas == {
        "II": None,
        "II.1": "thu_tuc_hanh_chinh",
        "II.1.a": "thu_tuc_hanh_chinh",
        "II.2": None,
        "II.2.a": None,
        "IV": None,
        "IV.1": None,
    }
    unknown = [w for w in report.items if w.code is WarningCode.SECTION_AREA_UNKNOWN]
    assert [w.message for w in unknown] == [
        "reform area unknown for section II.2: 'Những việc khác không rõ lĩnh vực'"
    ]


def test_stops_at_appendix_and_recipients() -> None:
    tree, _ = _tree(
        "I. NHIỆM VỤ",
        "- Việc một",
        "(Chi tiết tại phụ lục kèm theo)",
        "**PHỤ LỤC**",
        "I. CẢI CÁCH THỂ CHẾ",
    )
    assert [s.id for s in tree.sections] == ["I"]
    assert tree.plan_blocks == ("b0001", "b0002", "b0003")
    tree, _ = _tree("I. NHIỆM VỤ", "- Việc một", "Nơi nhận:", "- Như trên;")
    assert tree.plan_blocks == ("b0001", "b0002")


def test_blocks_before_start_and_before_the_first_section_have_no_section() -> None:
    tree, _ = _tree(
        "Điều 1. Ban hành", "KẾ HOẠCH", "Chủ đề năm 2025", "I. MỤC TIÊU", "1. Một", start="b0002"
    )
    assert "b0001" not in tree.section_of and "b0003" not in tree.section_of
    assert tree.section_of["b0005"] == "I.1"
    assert tree.heading_of == {"b0004": "I", "b0005": "I.1"}


def test_duplicated_run_keeps_the_later_copy_and_moves_the_start() -> None:
    first = [
        "KẾ HOẠCH",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "1.1. Cụ thể hóa các nhiệm vụ trọng tâm, các khâu đột phá trong Nghị quyết Đại hội"
        " Đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025-2030 về cải cách hành chính; tạo"
        " chuyển biến mạnh mẽ trong công tác cải cách hành chính của các cơ quan, đơn vị",
        "1.2. Nâng cao chất lượng chỉ đạo, điều hành công tác cải cách hành chính",
    ]
    header = ["Số: 1/QĐ-UBND", "Hà Tĩnh, ngày 31 tháng 12 năm 2025", "QUYẾT ĐỊNH"]
    lines = [*header, *first[:4], *header, *first, "2. Yêu cầu"]
    tree, report = _tree(*lines, start="b0004")
    assert [s.id for s in tree.sections] == ["I", "I.1", "I.1.1", "I.1.2", "I.2"]
    assert tree.sections[0].loc.block == "b0012"  # the later copy
    assert "b0005" not in tree.section_of
    assert report.has(WarningCode.DUPLICATE_CONTENT)


def test_same_duties_of_two_agencies_are_not_duplicated_content() -> None:
    duties = [
        "- Chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện các nội dung của Kế hoạch",
        "- Tổng hợp, báo cáo kết quả thực hiện về Sở Nội vụ theo định kỳ hằng quý, 6 tháng, năm",
        "- Bố trí kinh phí, nhân lực để thực hiện các nhiệm vụ được giao trong Kế hoạch này",
    ]
    tree, report = _tree(
        "V. TỔ CHỨC THỰC HIỆN", "1. Sở Tư pháp", *duties, "2. Sở Tài chính", *duties
    )
    assert not report.has(WarningCode.DUPLICATE_CONTENT)
    assert [tree.section_of[f"b{i:04d}"] for i in (3, 7)] == ["V.1", "V.2"]


def test_short_repeats_are_not_duplicated_content() -> None:
    tree, report = _tree(
        "I. NHIỆM VỤ", "1. Cải cách thể chế", "- Thường xuyên", "2. Cải cách TTHC", "- Thường xuyên"
    )
    assert not report.has(WarningCode.DUPLICATE_CONTENT)
    assert tree.section_of["b0005"] == "I.2"


def test_unnumbered_bold_titles_are_parts_when_there_are_no_roman_parts() -> None:
    tree, _ = _tree(
        "**MỤC TIÊU**",
        "1. Đạt 95% hồ sơ đúng hạn",
        "**NHIỆM VỤ**",
        "1. Cải cách thủ tục hành chính",
        "- Rà soát thủ tục",
        "**ỦY BAN NHÂN DÂN TỈNH**",
    )
    assert [
        (s.id, s.label, s.heading, s.parent, s.kind.value if s.kind else None)
        for s in tree.sections
    ] == [
        ("s1", None, "MỤC TIÊU", None, "targets"),
        ("s1.1", "1.", "Đạt 95% hồ sơ đúng hạn", "s1", "targets"),
        ("s2", None, "NHIỆM VỤ", None, "tasks"),
        ("s2.1", "1.", "Cải cách thủ tục hành chính", "s2", "tasks"),
    ]
    assert tree.section_of["b0006"] == "s2.1"  # a bold signature line is no title


def test_unnumbered_titles_are_ignored_next_to_roman_parts() -> None:
    tree, _ = _tree("I. MỤC TIÊU", "**Cải cách thể chế**", "1. Một việc")
    assert [s.id for s in tree.sections] == ["I", "I.1"]


def test_bold_area_line_is_a_title_only_after_a_part_title() -> None:
    tree, _ = _tree("**Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính**", "Nội dung")
    assert tree.sections == []
    tree, _ = _tree("**NHIỆM VỤ**", "**Cải cách thể chế**", "- Rà soát văn bản")
    assert [(s.id, s.area.value if s.area else None) for s in tree.sections] == [
        ("s1", None),
        ("s2", "the_che"),
    ]


_LINES = st.lists(
    st.sampled_from(
        [
            "I. MỤC TIÊU",
            "II. NHIỆM VỤ",
            "V. TỔ CHỨC THỰC HIỆN",
            "1. Cải cách thể chế",
            "1. Một",
            "3. Ba",
            "1.1. Con",
            "1.1 Con",
            "7.1.1. Cháu",
            "a) Mục tiêu",
            "đ) Năm",
            "b) Nhiệm vụ",
            "- 100% hồ sơ đúng hạn",
            "+ đạt trên 95%",
            "- + 02 cuộc",
            "Phấn đấu đến năm 2030:",
            "**NHIỆM VỤ**",
            "PHỤ LỤC",
            "Nơi nhận:",
            "tiếp theo câu trước",
            "",
            "Sở Nội vụ: Chủ trì",
        ]
    ),
    max_size=30,
)


@settings(deadline=None)  # the first example loads the agency registry
@given(_LINES, st.integers(min_value=0, max_value=5))
def test_any_sequence_of_lines_gives_a_consistent_tree(lines: list[str], start: int) -> None:
    from extract.parsers.body.targets import parse_targets
    from extract.parsers.body.tasks import parse_body_tasks

    lines = [line or "." for line in lines]
    doc = _doc(*lines)
    report = Report()
    tree = parse_sections(doc, start=f"b{start + 1:04d}", report=report)
    ids = [s.id for s in tree.sections]
    assert len(ids) == len(set(ids))
    assert all(s.parent is None or s.parent in ids for s in tree.sections)
    assert set(tree.section_of.values()) <= set(ids)
    targets = parse_targets(doc, tree, plan=None, report=report)
    tasks = parse_body_tasks(doc, tree, plan=None, province=None, report=report)
    assert all(t.section is None or t.section in ids for t in targets)
    assert all(t.group is None or t.group in ids for t in tasks)
