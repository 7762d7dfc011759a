"""Quantitative aims in a sentence: "trên 95%", "ít nhất 03 sáng kiến", "3.2 điểm so tổng 3.5".

Only three shapes are figures: a percentage, a score in "điểm", and a number followed by
a counted noun from data/count_units.yaml. Everything else with digits (document numbers,
dates, years, "02 cấp", "06 tháng", "Quý II", "Đề án 06") is not, because it has none
of those shapes. The words just before a figure give its comparator (CONTRACT §1 target).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from normalize.datafiles import data_file
from schemas.codes import Comparator, Direction, Metric

# A number not glued to a word, a slash or another number ("76/NQ-CP", "15/7/2021",
# "ISO 9001:2015" and phone numbers fall outside it).
_N = r"(?<![\w/.,:-])\d+(?:[.,]\d+)?(?![\w/]|[.,:]\d)"
_N_OVER = r"(?<![\w/.,:-])\d+(?:[.,]\d+)?(?=\s*/\s*\d)"  # the "69" of "69/69 xã"
_N_OF = r"\d+(?:[.,]\d+)?(?![\w/]|[.,:]\d)"
_RANGE_SEP = r"\s*(?:đến|tới|-|–)\s*"
_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Figure:
    metric: Metric
    value: float
    comparator: Comparator
    unit: str
    start: int
    end: int
    value_max: float | None = None
    direction: Direction | None = None
    out_of: float | None = None


@dataclass(frozen=True)
class _Raw:
    metric: Metric
    value: str
    start: int
    end: int
    unit: str
    value_max: str | None = None
    out_of: str | None = None


@cache
def count_units() -> tuple[str, ...]:
    rows = data_file("count_units.yaml")["units"]
    return tuple(sorted((r["unit"] for r in rows), key=len, reverse=True))


@cache
def _patterns() -> tuple[tuple[Metric, re.Pattern[str]], ...]:
    units = "|".join(re.escape(u) for u in count_units())
    unit = rf"(?P<unit>{units})(?!\w)"
    total = r"(?:\s*(?:so|trên)\s+(?:với\s+)?tổng\s+(?:số\s+)?(?:điểm\s+)?(?:là\s+)?)"
    return (
        (Metric.PERCENT, re.compile(rf"(?P<v>{_N})\s*%?{_RANGE_SEP}(?P<vmax>{_N})\s*%", _FLAGS)),
        (Metric.PERCENT, re.compile(rf"(?P<v>{_N})\s*%", _FLAGS)),
        (
            Metric.SCORE,
            re.compile(rf"(?P<v>{_N})\s*điểm(?:{total}(?P<of>{_N})(?:\s*điểm)?)?(?!\w)", _FLAGS),
        ),
        (Metric.SCORE, re.compile(rf"(?P<v>{_N_OVER})\s*/\s*(?P<of>{_N_OF})\s*điểm(?!\w)", _FLAGS)),
        (Metric.COUNT, re.compile(rf"(?P<v>{_N_OVER})\s*/\s*(?P<of>{_N_OF})\s+{unit}", _FLAGS)),
        (Metric.COUNT, re.compile(rf"(?P<v>{_N}){_RANGE_SEP}(?P<vmax>{_N})\s+{unit}", _FLAGS)),
        (Metric.COUNT, re.compile(rf"(?P<v>{_N})\s+{unit}", _FLAGS)),
    )


def parse_figures(sentence: str) -> list[Figure]:
    """Every percentage, score and count aim in a sentence, in order.

    >>> [(f.value, f.comparator.value) for f in parse_figures("đạt trên 95%")]
    [(95.0, '>')]
    """
    if not any(map(str.isdigit, sentence)):  # map: a sentence can be long, most have no digit
        return []
    raws = _find_raw(sentence)
    figures = []
    prev_end = 0
    for raw in raws:
        figure = _to_figure(sentence, raw, prev_end)
        if figure is not None:
            figures.append(figure)
        prev_end = raw.end
    return figures


def _find_raw(sentence: str) -> list[_Raw]:
    taken: list[tuple[int, int]] = []
    raws: list[_Raw] = []
    for metric, pattern in _patterns():
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = m.groupdict()
            unit = {"percent": "%", "score": "điểm"}.get(metric.value) or groups.get("unit") or ""
            raws.append(
                _Raw(metric, m["v"], m.start(), m.end(), unit, groups.get("vmax"), groups.get("of"))
            )
            taken.append((m.start(), m.end()))
    return sorted(raws, key=lambda r: r.start)


def _to_figure(sentence: str, raw: _Raw, prev_end: int) -> Figure | None:
    value = _number(raw.value, raw.metric)
    if value is None or _looks_like_year(raw, sentence):
        return None
    before = sentence[prev_end : raw.start]
    after = sentence[raw.end : raw.end + 20]
    value_max = _number(raw.value_max, raw.metric) if raw.value_max else None
    out_of = _number(raw.out_of, raw.metric) if raw.out_of else None
    if value_max is not None and value_max < value:
        return None  # "2021-2030" style spans are not ranges of an aim
    return Figure(
        metric=raw.metric,
        value=value,
        value_max=value_max,
        comparator=comparator_before(before, after, metric=raw.metric),
        direction=direction_before(sentence[: raw.start]),
        unit=_unit_as_written(raw.unit),
        out_of=out_of,
        start=raw.start,
        end=raw.end,
    )


def _number(text: str | None, metric: Metric) -> float | None:
    if text is None:
        return None
    if metric is Metric.COUNT and re.fullmatch(r"\d{1,3}[.,]\d{3}", text):
        return float(text.replace(".", "").replace(",", ""))  # "1.000 hồ sơ"
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _looks_like_year(raw: _Raw, sentence: str) -> bool:
    return raw.metric is Metric.COUNT and re.fullmatch(r"(19|20)\d\d", raw.value) is not None


def _unit_as_written(unit: str) -> str:
    return unit if unit in ("%", "điểm") else re.sub(r"\s+", " ", unit)


# Words that may stand between a comparator and its number: "trên mức 90%",
# "ít nhất có 03", "tối đa là", "đạt điểm tối đa 1.5 điểm" reads "tối đa" last.
_FILLER = r"(?:\s+(?:là|có|mức|ở\s+mức|đạt|tỷ\s+lệ|từ))*\s*$"
_COMPARATOR_BEFORE: tuple[tuple[str, Comparator | None], ...] = (
    (r"không\s+quá", Comparator.LE),
    (r"(?:không\s+dưới|không\s+thấp\s+hơn)", Comparator.GE),
    (r"(?:tối\s+thiểu|ít\s+nhất)", Comparator.GE),
    (r"(?:cao\s+hơn|lớn\s+hơn|nhiều\s+hơn|trên|hơn|vượt)", Comparator.GT),
    (r"(?:thấp\s+hơn|nhỏ\s+hơn|dưới)", Comparator.LT),
    (r"(?:khoảng|xấp\s+xỉ)", Comparator.EQ),
    (r"tối\s+đa", None),  # depends on the metric: a score's maximum is the aim
)
_COMPILED_BEFORE = tuple(
    (re.compile(rf"(?<!\w){words}{_FILLER}", _FLAGS), comp) for words, comp in _COMPARATOR_BEFORE
)


def comparator_before(before: str, after: str, *, metric: Metric) -> Comparator:
    """The comparator the words around a figure give; a bare figure is ">="."""
    if re.match(r"\s*trở\s+xuống", after, _FLAGS):
        return Comparator.LE
    if re.match(r"\s*trở\s+lên", after, _FLAGS):
        return Comparator.GE
    tail = before[-40:]
    for pattern, comp in _COMPILED_BEFORE:
        if pattern.search(tail):
            if comp is None:
                return Comparator.GE if metric is Metric.SCORE else Comparator.LE
            return comp
    return Comparator.GE


_DECREASE = re.compile(r"(?<!\w)(?:cắt\s+giảm|giảm|rút\s+ngắn)(?!\w)", _FLAGS)
_INCREASE = re.compile(r"(?<!\w)(?:tăng|nâng)(?!\s+(?:cường|cao))(?!\w)", _FLAGS)


def direction_before(before: str) -> Direction | None:
    """'giảm 10%' is a decrease, 'tăng 5%' an increase: the nearest such verb before the
    figure in its clause decides ("giảm 10% đơn vị … và 10% biên chế" are both decreases)."""
    clause = re.split(r"[;.:](?:\s|$)", before)[-1]
    last: tuple[int, Direction] | None = None
    for pattern, direction in ((_DECREASE, Direction.DECREASE), (_INCREASE, Direction.INCREASE)):
        for m in pattern.finditer(clause):
            if last is None or m.start() > last[0]:
                last = (m.start(), direction)
    return last[1] if last else None
