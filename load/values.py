"""A target's value as a person writes it: `≥ 3 sáng kiến`, `2–3 cuộc`, `69/69 xã`,
`giảm ≥ 2,5%`, `≥ 0,5 điểm`.

Human output uses the Vietnamese decimal comma and dot thousands separator; machine
output (CSV numbers, JSON) keeps the numeric columns as numbers.
"""

from __future__ import annotations

import math

COMPARATOR_SIGNS = {">": ">", ">=": "≥", "=": "", "<=": "≤", "<": "<"}


def vi_number(x: float, *, decimal: str = ",") -> str:
    """2.5 → '2,5'; 1500 → '1.500'; 95.0 → '95' (as Vietnamese texts write numbers)."""
    if x == int(x) and abs(x) < 1e15:
        grouped = f"{int(x):,}"
        return grouped.replace(",", ".") if decimal == "," else grouped
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    return vi_number(float(whole)) + decimal + frac if decimal == "," else text


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def human_value(comparator: str | None, value: float, *, value_max: float | None = None,
                unit: str | None = None, out_of: float | None = None,
                direction: str | None = None, decimal: str = ",") -> str:
    """The value with its comparator, range, total and unit; a range ("2–3 cuộc") or a
    whole total ("69/69 xã") needs no comparator, and "=" is never written."""
    def num(x: float) -> str:
        return vi_number(x, decimal=decimal)

    text = num(value)
    plain = False
    if not _missing(value_max):
        text, plain = f"{text}–{num(value_max)}", True  # type: ignore[arg-type]
    if not _missing(out_of):
        text, plain = f"{text}/{num(out_of)}", plain or value == out_of  # type: ignore[arg-type]
    unit = "" if _missing(unit) else str(unit or "")
    text += unit if unit == "%" or not unit else f" {unit}"
    sign = "" if plain else COMPARATOR_SIGNS.get(comparator or "", comparator or "")
    words = ["giảm" if direction == "decrease" else "", sign, text]
    return " ".join(w for w in words if w)
