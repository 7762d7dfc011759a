"""Codes of CONTRACT.md section 3, as StrEnums (JSON stays plain strings)."""

from __future__ import annotations

from enum import StrEnum


class DocType(StrEnum):
    QUYET_DINH = "quyet_dinh"
    KE_HOACH = "ke_hoach"
    NGHI_QUYET = "nghi_quyet"
    NGHI_DINH = "nghi_dinh"
    THONG_TU = "thong_tu"
    CHI_THI = "chi_thi"
    LUAT = "luat"
    PHAP_LENH = "phap_lenh"
    CONG_VAN = "cong_van"
    CONG_DIEN = "cong_dien"
    TO_TRINH = "to_trinh"
    KET_LUAN = "ket_luan"
    THONG_BAO = "thong_bao"
    CHUONG_TRINH = "chuong_trinh"
    DE_AN = "de_an"
    BAO_CAO = "bao_cao"
    HUONG_DAN = "huong_dan"
    QUY_CHE = "quy_che"
    QUY_DINH = "quy_dinh"
    OTHER = "other"


class Area(StrEnum):
    CHI_DAO_DIEU_HANH = "chi_dao_dieu_hanh"
    THE_CHE = "the_che"
    THU_TUC_HANH_CHINH = "thu_tuc_hanh_chinh"
    TO_CHUC_BO_MAY = "to_chuc_bo_may"
    CONG_VU = "cong_vu"
    TAI_CHINH_CONG = "tai_chinh_cong"
    CHINH_QUYEN_SO = "chinh_quyen_so"


class Metric(StrEnum):
    PERCENT = "percent"
    SCORE = "score"
    COUNT = "count"
    RANK = "rank"  # "thuộc nhóm 20 địa phương dẫn đầu": value 20, comparator "<=" (CONTRACT §5)


class Comparator(StrEnum):
    GT = ">"
    GE = ">="
    EQ = "="
    LE = "<="
    LT = "<"


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"


class DeadlineKind(StrEnum):
    DATE = "date"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    PERIOD = "period"
    ONGOING = "ongoing"
    RECURRING = "recurring"
    CONDITIONAL = "conditional"
    UNSPECIFIED = "unspecified"


class Recurrence(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    ANNUAL = "annual"


class CitationRole(StrEnum):
    BASIS = "basis"
    MENTION = "mention"


class AgencyKind(StrEnum):
    AGENCY = "agency"
    CLASS = "class"
    GROUP = "group"
    UNREGISTERED = "unregistered"  # a name the registry does not know, kept as written


class TaskSource(StrEnum):
    TABLE = "table"
    TEXT = "text"


class SectionKind(StrEnum):
    """Extension of the contract: what a section is for, so users can filter on it."""

    PURPOSE = "purpose"          # mục đích, yêu cầu
    TARGETS = "targets"          # mục tiêu, chỉ tiêu
    TASKS = "tasks"              # nhiệm vụ
    SOLUTIONS = "solutions"      # giải pháp
    FUNDING = "funding"          # kinh phí
    ORGANISATION = "organisation"  # tổ chức thực hiện
