"""Rank targets ("thuộc nhóm 20 địa phương dẫn đầu") and award rules ("được xét tặng Bằng
khen khi …"), with their phrasings in data/target_rules.yaml.

A rank is a `Figure` with metric "rank", comparator "<=" (being in the top 20 is ranking 20th
or better) and the ranked noun as unit. An award or eligibility clause states a threshold
for a reward, not an aim of the plan, so the targets parser leaves its figures out.
"""

from __future__ import annotations

import re
from functools import cache

from normalize.datafiles import data_file
from normalize.figures import Figure
from normalize.patterns import phrase_alternatives, whole_phrases
from normalize.text import nfc
from schemas.codes import Comparator, Metric


def _data() -> dict:
    data: dict = data_file("target_rules.yaml")  # sources checked by the loader
    return data


def _alternatives(group: str) -> str:
    return phrase_alternatives(r["phrase"] for r in _data()[group])


@cache
def _rank_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\w)(?:(?:{_alternatives('rank_openers')})\s+(?:{_alternatives('rank_groups')})"
        rf"|{_alternatives('rank_tops')})\s+"
        rf"(?P<n>\d{{1,3}})(?!\d)(?:\s+(?P<noun>{_alternatives('rank_nouns')})(?!\w))?",
        re.IGNORECASE,
    )


@cache
def _award_pattern() -> re.Pattern[str]:
    return whole_phrases(r["phrase"] for r in _data()["award_rules"])


def find_ranks(text: str) -> list[Figure]:
    """Rank aims in a clause, left to right.

    >>> [(f.value, f.unit) for f in find_ranks("thuộc nhóm 20 địa phương dẫn đầu")]
    [(20.0, 'địa phương')]
    """
    text = nfc(text)
    default = _data()["rank_default_noun"]["noun"]
    return [
        Figure(
            metric=Metric.RANK,
            value=float(m["n"]),
            comparator=Comparator.LE,
            unit=re.sub(r"\s+", " ", m["noun"]).lower() if m["noun"] else default,
            start=m.start(),
            end=m.end(),
        )
        for m in _rank_pattern().finditer(text)
    ]


def is_award_rule(text: str) -> bool:
    """Whether a clause states who gets a reward, or how points are counted, not an aim."""
    return _award_pattern().search(nfc(text)) is not None
