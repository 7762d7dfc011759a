"""Vietnamese names for the codes a reader sees: document types ("luat" → "Luật"),
citation roles and audit checks. Document-type names come from the registry
(normalize/data/doc_types.yaml, the first name of each type)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import normalize
from normalize.datafiles import load_yaml

_DOC_TYPES = Path(normalize.__file__).parent / "data" / "doc_types.yaml"

ROLE_LABELS = {"basis": "Căn cứ", "mention": "Dẫn chiếu"}
AUDIT_STATUS_LABELS = {"resolved": "Đã có trong cơ sở dữ liệu",
                       "unresolved": "Chưa có trong cơ sở dữ liệu",
                       "inconsistent": "Không thống nhất"}
CHECK_LABELS = {
    "different_dates": "Cùng văn bản, dẫn với ngày khác nhau",
    "different_issuers": "Cùng văn bản, dẫn với cơ quan ban hành khác nhau",
    "year_contradicts_date": "Năm trong số hiệu khác năm ban hành",
    "issuer_contradicts_symbol": "Cơ quan ban hành không khớp ký hiệu",
    "cited_after_citing": "Văn bản được dẫn ban hành sau văn bản dẫn",
    "date_differs_from_database": "Ngày dẫn khác ngày của văn bản đã nạp",
}


@cache
def _doc_type_names() -> dict[str, str]:
    names = {row["code"]: row["names"][0] for row in load_yaml(_DOC_TYPES)["doc_types"]
             if row.get("names")}
    names["other"] = "Văn bản"  # its names are several distinct kinds
    return names


def doc_type_label(code: object) -> str:
    """'luat' → 'Luật', 'nghi_quyet' → 'Nghị quyết'; unknown or missing → 'Văn bản'."""
    return _doc_type_names().get(str(code), "Văn bản") if code else "Văn bản"
