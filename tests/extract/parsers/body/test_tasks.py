from __future__ import annotations

import pytest

from extract.parsers.body.sections import parse_sections
from extract.parsers.body.tasks import parse_body_tasks
from schemas.diagnostics import Report, WarningCode
from schemas.record import Task
from tests import builders as b
from tests.extract.plan_seeds import PLANS, PROVINCES, plan_start, seed_document


def seed_tasks(seed: str) -> list[Task]:
    doc = seed_document(seed)
    report = Report()
    tree = parse_sections(doc, start=plan_start(doc), report=report)
    return parse_body_tasks(doc, tree, plan=PLANS[seed], province=PROVINCES[seed], report=report)


def _tasks(*lines: str, province: str | None = "Hà Tĩnh") -> list[Task]:
    doc = b.document_of_lines(*lines)
    report = Report()
    tree = parse_sections(doc, report=report)
    return parse_body_tasks(doc, tree, plan=None, province=province, report=report)


def _by_group(tasks: list[Task]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for task in tasks:
        counts[task.group or ""] = counts.get(task.group or "", 0) + 1
    return counts


# Counts checked by hand against the seed texts: one task per list item of the task and
# organisation parts; none from purpose, targets or solutions parts.
SEED_GROUPS = {
    "000": {
        "II.1.b": 4,
        "II.2.b": 7,
        "II.3.b": 1,
        "II.4.b": 6,
        "II.5.b": 4,
        "II.6.b": 6,
        "V.1": 4,
        "V.3": 2,
        "V.3~2": 5,
    },
    "003": {
        "II.1": 8,
        "II.2": 4,
        "II.3": 4,
        "II.4": 6,
        "II.5": 5,
        "II.6": 13,
        "III.1": 4,
        "III": 3,
    },
    "004": {
        "1.1": 1,
        "1.2": 1,
        "1.3": 1,
        "2.1": 1,
        "2.2": 1,
        "3.1": 3,
        "3.2": 3,
        "4.1": 1,
        "4.2": 1,
        "5.1": 1,
        "6.1": 1,
    },
}


@pytest.mark.parametrize("seed", sorted(SEED_GROUPS))
def test_seed_task_lists(seed: str) -> None:
    assert _by_group(seed_tasks(seed)) == SEED_GROUPS[seed]


def test_seed_001_lettered_items_and_agency_duties() -> None:
    tasks = seed_tasks("001")
    groups = _by_group(tasks)
    assert {g: groups[g] for g in ("II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "IV.1")} == {
        "II.1": 5,
        "II.2": 8,
        "II.3": 7,
        "II.4": 8,
        "II.5": 3,
        "II.6": 5,
        "IV.1": 5,
    }
    first = tasks[0]
    assert (first.no, first.group, first.area.value, first.source.value) == (
        "a",
        "II.1",
        "the_che",
        "text",
    )
    assert first.name.startswith("Tiếp tục nâng cao chất lượng tham mưu")
    b = next(t for t in tasks if t.group == "II.2" and t.no == "b")
    assert b.name.endswith("lao động, thương binh và xã hội")  # its second paragraph joined
    home = [t for t in tasks if t.group == "IV.2.a"]
    assert len(home) == 5 and all("Sở Nội vụ" in t.lead for t in home)
    assert all(t.lead == ["Sở Y tế"] for t in tasks if t.group == "IV.2.h")


def test_seed_002_organisation_duties() -> None:
    tasks = seed_tasks("002")
    groups = _by_group(tasks)
    assert {g: groups.get(g) for g in ("VI.1", "VI.2", "VI.3", "VI.4", "VI.5", "VI.6", "VI.7")} == {
        "VI.1": 2,
        "VI.2": 7,
        "VI.3": 3,
        "VI.4": 5,
        "VI.5": 2,
        "VI.6": 1,
        "VI.7": 2,
    }
    assert all(t.lead == ["Sở Nội vụ"] for t in tasks if t.group == "VI.4")
    assert [t.no for t in tasks if t.group == "VI.2"] == [
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
        "2.7",
    ]
    assert not any(t.group and t.group.startswith(("I.", "II.")) for t in tasks)


def test_purpose_and_target_items_are_not_tasks() -> None:
    tasks = _tasks(
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Nâng cao chất lượng",
        "II. NHIỆM VỤ",
        "1. Cải cách thủ tục hành chính",
        "a) Mục tiêu",
        "- 100% hồ sơ đúng hạn",
        "b) Nhiệm vụ",
        "- Rà soát thủ tục hành chính",
        "Phấn đấu đến năm 2030:",
        "+ 100% thủ tục được công khai",
        "- Công bố thủ tục hành chính",
    )
    assert [(t.group, t.name) for t in tasks] == [
        ("II.1.b", "Rà soát thủ tục hành chính"),
        ("II.1.b", "Công bố thủ tục hành chính"),
    ]


def test_agency_heading_leads_its_duties() -> None:
    tasks = _tasks(
        "VI. TỔ CHỨC THỰC HIỆN",
        "4. Sở Nội vụ",
        "- Chủ trì, hướng dẫn, đôn đốc;",
        "- Tổng hợp, báo cáo.",
        "5. Văn phòng UBND tỉnh",
        "Chủ trì kiểm soát thủ tục hành chính.",
        "6. Sở Tư pháp",
        "- Theo dõi thi hành pháp luật.",
        "Yêu cầu các sở triển khai Kế hoạch này.",
    )
    assert [(t.group, t.name, t.lead, t.lead_raw) for t in tasks] == [
        ("VI.4", "Chủ trì, hướng dẫn, đôn đốc", ["Sở Nội vụ"], "Sở Nội vụ"),
        ("VI.4", "Tổng hợp, báo cáo", ["Sở Nội vụ"], "Sở Nội vụ"),
        (
            "VI.5",
            "Chủ trì kiểm soát thủ tục hành chính",
            ["Văn phòng Ủy ban nhân dân tỉnh"],
            "Văn phòng UBND tỉnh",
        ),
        ("VI.6", "Theo dõi thi hành pháp luật", ["Sở Tư pháp"], "Sở Tư pháp"),
    ]


def test_numbered_duty_with_inline_agency() -> None:
    (task,) = _tasks(
        "III. TỔ CHỨC THỰC HIỆN",
        "3. Sở Tư pháp: Tăng cường kiểm tra, giám sát việc triển khai thực hiện Kế hoạch",
    )
    assert (task.no, task.group, task.lead, task.name) == (
        "3",
        "III",
        ["Sở Tư pháp"],
        "Tăng cường kiểm tra, giám sát việc triển khai thực hiện Kế hoạch",
    )


def test_scoring_plan_marks_its_tasks_inline() -> None:
    tasks = _tasks(
        "1. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH",
        "1.1 Kiểm tra cải cách hành chính",
        "- Mục tiêu: phấn đấu đạt 2.0 điểm.",
        "- Nhiệm vụ: Thường xuyên đôn đốc báo cáo",
        "1.2. Công khai thủ tục",
        "- Mục tiêu:",
        "+ 100% thủ tục được công khai",
        "- Nhiệm vụ:",
        "+ Cập nhật thủ tục lên Cơ sở dữ liệu quốc gia",
        "+ Hướng dẫn người dân",
    )
    assert [(t.group, t.name) for t in tasks] == [
        ("1.1", "Thường xuyên đôn đốc báo cáo"),
        ("1.2", "Cập nhật thủ tục lên Cơ sở dữ liệu quốc gia"),
        ("1.2", "Hướng dẫn người dân"),
    ]


def test_asides_and_lead_ins_are_not_tasks() -> None:
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "1. Cải cách thể chế",
        "- Rà soát văn bản quy phạm pháp luật;",
        "*(Các nhiệm vụ cụ thể tại phụ lục kèm theo)*",
        "- Các việc sau:",
        "+ Việc một",
        "+ Việc hai",
    )
    assert [(t.name, t.parent.name if t.parent else None) for t in tasks] == [
        ("Rà soát văn bản quy phạm pháp luật", None),
        ("Việc một", None),
        ("Việc hai", None),
    ]


def test_deadline_written_into_a_duty() -> None:
    (task,) = _tasks(
        "VI. TỔ CHỨC THỰC HIỆN",
        "3. Các cơ quan Trung ương đóng trên địa bàn tỉnh",
        "- Gửi kế hoạch CCHC năm 2026 về UBND tỉnh trước ngày 31/01/2026.",
    )
    assert task.deadline is not None
    assert (task.deadline.kind.value, str(task.deadline.end)) == ("date", "2026-01-31")


def test_several_deadlines_in_one_duty_are_parts() -> None:
    doc_tasks = seed_tasks("001")
    first = next(t for t in doc_tasks if t.group == "IV.1")
    assert first.deadline is not None
    assert [str(p.end) for p in first.deadline.parts] == ["2025-01-20", "2025-01-31"]


def test_task_without_deadline_words_has_none() -> None:
    (task,) = _tasks("II. NHIỆM VỤ", "1. Cải cách thể chế", "- Triển khai kế hoạch CCHC năm 2026")
    assert task.deadline is None


def _task_warnings(*lines: str, province: str | None = "Hà Tĩnh") -> list[str]:
    doc = b.document_of_lines(*lines)
    report = Report()
    tree = parse_sections(doc, report=report)
    parse_body_tasks(doc, tree, plan=None, province=province, report=report)
    tasks_codes = {
        WarningCode.DEADLINE_UNPARSED,
        WarningCode.AGENCY_UNKNOWN,
        WarningCode.AGENCY_UNREGISTERED,
    }
    return [item.message for item in report.items if item.code in tasks_codes]


_KEPT = "agency not in the registry, kept as written:"


# Agency headings as provinces write them: known ones are silent, the rest kept as written
# and reported by name (agency_unregistered, CONTRACT §5).
@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("2. Sở Nội vụ", []),
        ("4. Ban Quản lý Khu kinh tế tỉnh", []),
        ("5. Hội Nông dân tỉnh", []),
        ("7. Đài Phát thanh và Truyền hình tỉnh", []),
        ("6. Phòng Lao động xã", [f"{_KEPT} 'Phòng Lao động xã'"]),
        ("8. Công ty Điện lực Hà Tĩnh", [f"{_KEPT} 'Công ty Điện lực Hà Tĩnh'"]),
        (
            "9. Sở Nội vụ và Công ty Cổ phần Sông Lam",
            [f"{_KEPT} 'Công ty Cổ phần Sông Lam'"],
        ),
    ],
)
def test_body_task_agency_not_recognised_is_warned(heading: str, expected: list[str]) -> None:
    lines = ("VI. TỔ CHỨC THỰC HIỆN", heading, "- Tổng hợp, báo cáo kết quả thực hiện.")
    assert _task_warnings(*lines) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("trước ngày 31/01/2026", []),
        ("trong quý IV/2026", []),
        ("chậm nhất năm 2026", []),
        ("trước ngày 32/01/2026", ["deadline not understood: 'trước ngày 32/01/2026'"]),
        ("trước tháng 13/2026", ["deadline not understood: 'trước tháng 13/2026'"]),
    ],
)
def test_body_task_deadline_not_understood_is_warned(phrase: str, expected: list[str]) -> None:
    lines = ("VI. TỔ CHỨC THỰC HIỆN", "2. Sở Nội vụ", f"- Gửi kế hoạch về UBND tỉnh {phrase}.")
    assert _task_warnings(*lines) == expected


def test_the_same_unknown_agency_is_warned_once() -> None:
    lines = (
        "VI. TỔ CHỨC THỰC HIỆN",
        "6. Phòng Lao động xã",
        "- Tổng hợp, báo cáo kết quả thực hiện.",
        "- Theo dõi, đôn đốc các đơn vị thực hiện.",
    )
    assert _task_warnings(*lines) == [f"{_KEPT} 'Phòng Lao động xã'"]


def test_seed_002_heads_heading_gives_its_duties_their_leads() -> None:
    """Section VI.2 is headed by the heads of the agencies, not the agencies (issue 15)."""
    tasks = [t for t in seed_tasks("002") if t.group == "VI.2"]
    assert {tuple(t.lead) for t in tasks} == {
        ("Các sở, ban, ngành cấp tỉnh", "Ủy ban nhân dân cấp xã")
    }


@pytest.mark.parametrize(
    ("heading", "province", "leads"),
    [
        (
            "2. Giám đốc các Sở, Thủ trưởng các ban, ngành cấp tỉnh; Chủ tịch UBND cấp xã",
            "Hà Tĩnh",
            ["Các sở, ban, ngành cấp tỉnh", "Ủy ban nhân dân cấp xã"],
        ),
        (
            "2. Thủ trưởng các sở, ban, ngành, địa phương",
            "Quảng Ninh",
            ["Các sở, ban, ngành, địa phương"],
        ),
        ("2. Chủ tịch UBND các xã, phường, đặc khu", "Lâm Đồng", ["Ủy ban nhân dân cấp xã"]),
        (
            "2. Công an tỉnh, các sở, ngành và các xã, phường",
            "Quảng Trị",
            ["Công an tỉnh", "Các sở, ban, ngành cấp tỉnh", "Ủy ban nhân dân cấp xã"],
        ),
        (
            "2. Sở Y tế, các bệnh viện và trung tâm y tế trực thuộc",
            "Thanh Hóa",
            [
                "Sở Y tế",
                "Các bệnh viện trực thuộc Sở Y tế",
                "Các trung tâm y tế trực thuộc Sở Y tế",
            ],
        ),
        ("2. Trung tâm Lưu trữ lịch sử tỉnh", "Gia Lai", ["Trung tâm Lưu trữ lịch sử tỉnh"]),
    ],
)
def test_organisation_heading_gives_every_named_lead(
    heading: str, province: str, leads: list[str]
) -> None:
    tasks = _tasks(
        "VI. TỔ CHỨC THỰC HIỆN",
        heading,
        "- Tổ chức triển khai thực hiện các nhiệm vụ cải cách hành chính được giao.",
        province=province,
    )
    assert [t.lead for t in tasks] == [leads]


def test_a_sentence_that_gives_the_work_names_its_lead_and_supports() -> None:
    """ "Giao Trung tâm … chủ trì" in a task list (issue 15): the sentence names the lead,
    also one the registry does not know; a heading's lead wins over the sentence's."""
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "1. Cải cách thủ tục hành chính",
        "- Giao Trung tâm Lưu trữ lịch sử tỉnh chủ trì số hóa hồ sơ lưu trữ của tỉnh.",
        "- Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát thủ tục hành chính nội bộ.",
        "VI. TỔ CHỨC THỰC HIỆN",
        "4. Sở Nội vụ",
        "- Chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, đôn đốc, theo dõi.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        (["Trung tâm Lưu trữ lịch sử tỉnh"], []),
        (["Sở Nội vụ"], ["Sở Tư pháp"]),
        (["Sở Nội vụ"], ["Các cơ quan, đơn vị liên quan"]),
    ]


def test_names_the_registry_does_not_know_are_kept_and_warned() -> None:
    lines = (
        "II. NHIỆM VỤ",
        "1. Cải cách thủ tục hành chính",
        "- Giao Trung tâm Lưu trữ lịch sử tỉnh chủ trì số hóa hồ sơ lưu trữ của tỉnh.",
        "VI. TỔ CHỨC THỰC HIỆN",
        "2. Trung tâm Trợ giúp pháp lý nhà nước",
        "- Tổ chức trợ giúp pháp lý cho người dân.",
    )
    doc = b.document_of_lines(*lines)
    report = Report()
    tree = parse_sections(doc, report=report)
    tasks = parse_body_tasks(doc, tree, plan=None, province="Gia Lai", report=report)
    assert [t.lead for t in tasks] == [
        ["Trung tâm Lưu trữ lịch sử tỉnh"],
        ["Trung tâm Trợ giúp pháp lý nhà nước"],
    ]
    warned = [w.message for w in report.items if w.code == WarningCode.AGENCY_UNREGISTERED]
    assert len(warned) == 2 and "Trung tâm Lưu trữ lịch sử tỉnh" in warned[0]
