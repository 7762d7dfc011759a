from __future__ import annotations

import json

import pytest

from extract.parsers.body.sections import parse_sections
from extract.parsers.body.targets import parse_targets, split_clauses, year_in
from schemas.diagnostics import Report, WarningCode
from schemas.document import Paragraph
from schemas.record import Plan, Target
from tests import builders as b
from tests.conftest import EXPECTED
from tests.extract.plan_seeds import PLANS, plan_start, seed_document

SEED_IDS = ["000", "001", "002", "003", "004"]
FIELDS = (
    "section",
    "metric",
    "value",
    "value_max",
    "comparator",
    "direction",
    "unit",
    "out_of",
    "year",
    "indicator",
)


def seed_targets(seed: str) -> list[Target]:
    doc = seed_document(seed)
    report = Report()
    tree = parse_sections(doc, start=plan_start(doc), report=report)
    return parse_targets(doc, tree, plan=PLANS[seed], report=report)


def _plain(target: Target) -> dict:
    row = target.model_dump(mode="json")
    return {f: row[f] for f in FIELDS}


def _targets(*lines: str, plan: Plan | None = None, start: str | None = None) -> list[Target]:
    doc = b.document_of_lines(*lines)
    report = Report()
    tree = parse_sections(doc, start=start, report=report)
    return parse_targets(doc, tree, plan=plan, report=report)


# --- the seeds, against hand-checked golden files


@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_targets_match_golden(seed: str) -> None:
    expected = json.loads((EXPECTED / seed / "targets.json").read_text("utf-8"))
    got = seed_targets(seed)
    problems = []
    for i, (target, exp) in enumerate(zip(got, expected, strict=False)):
        row = _plain(target)
        for field in FIELDS:
            if row[field] != exp.get(field):
                problems.append(
                    f"target {i} ({exp['text'][:30]!r}): "
                    f"{field} {row[field]!r} != {exp.get(field)!r}"
                )
        if not target.text.startswith(exp["text"]):
            problems.append(f"target {i}: text {target.text[:40]!r} != {exp['text'][:40]!r}")
    if len(got) != len(expected):
        problems.append(f"{len(got)} targets, expected {len(expected)}")
    assert not problems, "\n".join(problems)


def test_same_aim_has_the_same_indicator_across_provinces() -> None:
    def values(seed: str, indicator: str) -> list[tuple[str, float]]:
        return [
            (t.comparator.value, t.value) for t in seed_targets(seed) if t.indicator == indicator
        ]

    assert values("000", "satisfaction_procedures") == [(">", 95.0)]
    assert values("001", "satisfaction_procedures") == [(">", 95.0)]
    assert values("002", "satisfaction_procedures") == [(">=", 95.0)]
    assert values("000", "data_reuse") == [(">=", 90.0), (">=", 90.0)]
    assert values("001", "data_reuse") == [(">=", 50.0)]
    assert values("002", "data_reuse") == [(">", 95.0)]


def test_every_seed_target_in_a_targets_part_has_an_indicator() -> None:
    for seed in SEED_IDS:
        doc = seed_document(seed)
        report = Report()
        tree = parse_sections(doc, start=plan_start(doc), report=report)
        parse_targets(doc, tree, plan=PLANS[seed], report=report)
        assert not report.has(WarningCode.TARGET_INDICATOR_UNKNOWN), seed


# --- rules on small documents


def test_lead_in_year_applies_to_its_items_only() -> None:
    targets = _targets(
        "II. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Cải cách thủ tục hành chính",
        "Phấn đấu đến năm 2030:",
        "+ 100% thủ tục hành chính được công khai;",
        "+ 95% hồ sơ được xử lý trên môi trường mạng.",
        "- Bảo đảm 100% hồ sơ được số hóa.",
        plan=Plan(year_start=2026, year_end=2026),
    )
    assert [(t.value, t.year) for t in targets] == [(100.0, 2030), (95.0, 2030), (100.0, 2026)]


def test_year_in_clause_wins_and_baseline_year_is_not_the_aim() -> None:
    targets = _targets(
        "I. MỤC TIÊU",
        "1. Đến năm 2025, giảm 10% biên chế so với năm 2021",
        "2. Tỷ lệ hồ sơ đúng hạn đạt 98%",
        plan=Plan(year_start=2024, year_end=2027),
    )
    assert [(t.value, t.year) for t in targets] == [(10.0, 2025), (98.0, 2027)]


def test_no_plan_and_no_year_leaves_year_empty() -> None:
    (target,) = _targets("1. KIỂM TRA", "- Mục tiêu: phấn đấu đạt 1.5 điểm so tổng 2 điểm.")
    assert (target.year, target.value, target.out_of, target.section) == (None, 1.5, 2.0, "1")


def test_purpose_and_funding_parts_give_no_targets() -> None:
    targets = _targets(
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Cụ thể hóa 05 nhiệm vụ trọng tâm, 100% nội dung",
        "II. KINH PHÍ",
        "- 100% kinh phí từ ngân sách",
        "III. NHIỆM VỤ",
        "- Bảo đảm 100% thủ tục hành chính được công khai",
        plan=Plan(year_start=2026, year_end=2026),
    )
    assert [t.section for t in targets] == ["III"]


def test_without_a_plan_only_stated_aims_are_targets() -> None:
    targets = _targets(
        "1. KẾT QUẢ",
        "- Sở Nội vụ đạt 90,5 điểm, tỷ lệ 95%.",
        "- Mục tiêu: phấn đấu đạt 4.2 điểm trên tổng 5 điểm.",
        "- Mục tiêu:",
        "+ Hoàn thành đúng tiến độ 100% nhiệm vụ được giao.",
        "- Nhiệm vụ: tổ chức 02 cuộc kiểm tra.",
        "- Kiểm tra tối thiểu 30% cơ quan, đơn vị.",
    )
    assert [(t.value, t.unit) for t in targets] == [(4.2, "điểm"), (100.0, "%"), (30.0, "%")]


def test_decision_before_start_and_appendix_after_end_give_no_targets() -> None:
    targets = _targets(
        "Điều 1. 100% văn bản",
        "KẾ HOẠCH",
        "I. MỤC TIÊU",
        "1. Đạt 90% hồ sơ đúng hạn",
        "PHỤ LỤC",
        "1. 100% thủ tục hành chính",
        start="b0002",
    )
    assert [(t.value, t.section) for t in targets] == [(90.0, "I.1")]


def test_several_figures_in_one_sentence_keep_their_own_indicator() -> None:
    targets = _targets(
        "I. MỤC TIÊU",
        "1. Thực hiện số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính và cấp "
        "100% kết quả giải quyết thủ tục hành chính điện tử; thực hiện khai thác, sử "
        "dụng lại 50% thông tin, dữ liệu số hóa.",
    )
    assert [(t.value, t.indicator) for t in targets] == [
        (100.0, "digitisation"),
        (100.0, "electronic_results"),
        (50.0, "data_reuse"),
    ]
    assert targets[2].text == "thực hiện khai thác, sử dụng lại 50% thông tin, dữ liệu số hóa"


def test_missing_indicator_is_warned_in_a_targets_part() -> None:
    blocks = (
        Paragraph(id="b0001", text="I. MỤC TIÊU", raw=""),
        Paragraph(id="b0002", text="- 100% việc lạ được làm xong", raw=""),
    )
    doc = b.document(*blocks)
    report = Report()
    parse_targets(doc, parse_sections(doc, report=report), plan=None, report=report)
    assert report.has(WarningCode.TARGET_INDICATOR_UNKNOWN)


CLAUSES = [
    (
        "100% văn bản được triển khai. 98% văn bản QPPL đảm bảo chất lượng;",
        ["100% văn bản được triển khai", "98% văn bản QPPL đảm bảo chất lượng"],
    ),
    (
        "100% cơ quan thực hiện đúng quy định; rà soát, khắc phục kịp thời;",
        ["100% cơ quan thực hiện đúng quy định; rà soát, khắc phục kịp thời"],
    ),
    (
        "Mục tiêu: Luôn duy trì và phấn đấu đạt tối đa 0.5 điểm.",
        ["Mục tiêu: Luôn duy trì và phấn đấu đạt tối đa 0.5 điểm"],
    ),
    (
        "Đạt trên 95%. Trong đó, lĩnh vực đất đai đạt trên 90%",
        ["Đạt trên 95%", "Trong đó, lĩnh vực đất đai đạt trên 90%"],
    ),
]


@pytest.mark.parametrize(("text", "clauses"), CLAUSES, ids=[c[0][:30] for c in CLAUSES])
def test_split_clauses(text: str, clauses: list[str]) -> None:
    assert split_clauses(text) == clauses


YEARS = [
    ("Phấn đấu đến năm 2030:", 2030),
    ("Năm 2026 thu hút nhân tài khoảng 02%", 2026),
    ("đảm bảo đến năm 2025, giảm 10% so với năm 2021", 2025),
    ("giảm 10% so với năm 2021", None),
    ("Nghị định số 48/2023/NĐ-CP ngày 17 tháng 7 năm 2023", None),
    ("giai đoạn 2021-2030", None),
    ("kiểm tra CCHC định kỳ trong năm 2026", 2026),
]


@pytest.mark.parametrize(("text", "year"), YEARS, ids=[y[0][:30] for y in YEARS])
def test_year_in(text: str, year: int | None) -> None:
    assert year_in(text) == year


# --- every format of a seed gives the targets of its text form

FORMATS = [
    f"{seed}_{digest}.{ext}"
    for seed, digest in (("001", "1a5f14619ac43e8b"), ("002", "9b0bb8ab07a8216a"))
    for ext in ("docx", "pdf")
]


@pytest.mark.slow
@pytest.mark.parametrize("name", FORMATS)
def test_other_formats_give_the_same_sections_and_targets(name: str) -> None:
    from extract import read_document
    from extract.record import document_to_record
    from tests.conftest import SAMPLES, committed_sample

    path = committed_sample(SAMPLES / name)
    record = document_to_record(read_document(path), report=Report())
    seed = name[:3]
    expected_targets = json.loads((EXPECTED / seed / "targets.json").read_text("utf-8"))
    expected_sections = json.loads((EXPECTED / seed / "sections.json").read_text("utf-8"))
    assert [s.id for s in record.sections] == [e["id"] for e in expected_sections]
    got = [_plain(t) for t in record.targets]
    want = [{f: e.get(f) for f in FIELDS} for e in expected_targets]
    missing = [w for w in want if w not in got]
    extra = [g for g in got if g not in want]
    assert not missing and not extra, f"missing {missing[:3]}; extra {extra[:3]}"


# --- issue 15: a clause's own year, rank targets, award rules (several provinces' styles)


def test_a_year_named_in_the_figures_own_words_wins_over_the_lead_in() -> None:
    targets = _targets(
        "I. MỤC TIÊU",
        "1. Phấn đấu đến năm 2030:",
        "- Tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%, trong đó năm 2027 đạt ít nhất 40%.",
        "- Đến năm 2028, 100% thủ tục hành chính được số hóa và 90% hồ sơ được tái sử dụng.",
        plan=Plan(year_start=2026, year_end=2030),
    )
    assert [(t.value, t.year) for t in targets] == [
        (80.0, 2030),
        (40.0, 2027),
        (100.0, 2028),
        (90.0, 2028),
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        (
            "Chỉ số CCHC của tỉnh thuộc nhóm 20 địa phương có Chỉ số cao nhất cả nước.",
            20.0,
            "địa phương",
        ),
        ("Chỉ số SIPAS xếp hạng trong top 10 cả nước.", 10.0, "địa phương"),
        ("Chỉ số PAR INDEX nằm trong nhóm 10 tỉnh dẫn đầu.", 10.0, "tỉnh"),
        ("Phấn đấu Chỉ số PCI thuộc nhóm 15 tỉnh, thành phố đứng đầu.", 15.0, "tỉnh, thành phố"),
    ],
)
def test_rank_targets(sentence: str, value: float, unit: str) -> None:
    (target,) = _targets("I. MỤC TIÊU", f"1. {sentence}", plan=Plan(year_start=2026, year_end=2026))
    assert (target.metric, target.value, target.comparator, target.unit, target.year) == (
        "rank",
        value,
        "<=",
        unit,
        2026,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Cơ quan, đơn vị được xét tặng Bằng khen khi xếp trong nhóm 5 đơn vị dẫn đầu.",
        "Đơn vị đạt từ 90 điểm trở lên được xét khen thưởng.",
        "Xếp loại Tốt khi đạt từ 80 điểm đến dưới 90 điểm.",
        "Tập thể đạt 95 điểm trở lên được tặng Giấy khen của Giám đốc Sở.",
    ],
)
def test_award_and_eligibility_rules_are_not_targets(sentence: str) -> None:
    assert (
        _targets("I. MỤC TIÊU", f"1. {sentence}", plan=Plan(year_start=2026, year_end=2026)) == []
    )
