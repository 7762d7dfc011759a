"""Who leads and who supports, as a sentence of the plan says it: "Giao Trung tâm Lưu trữ
lịch sử tỉnh chủ trì, phối hợp với Sở Nội vụ …" (the words in data/assignment_words.yaml).

The agencies are the ones `normalize.agency_match.text_hits` finds in the sentence (registry
names, named units, and capitalised names the registry does not know). The leads are those
written right before "chủ trì" (joined by commas or "và"), or right after "Chủ trì:"; the
supports are those right after "phối hợp (với)". Any other word ends the list, so an agency
named inside the work itself ("… báo cáo UBND tỉnh") is neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from normalize.agencies import merge_refs, text_hit_ref
from normalize.agency_text import TextHit, text_hits
from normalize.datafiles import data_file
from normalize.patterns import whole_phrases
from normalize.text import nfc
from schemas.record import AgencyRef

# between two agencies of one list: commas, "và", "cùng", "các" (a group's article)
_JOIN = re.compile(r"^[\s,]*(?:(?:và|cùng|với)\s+)?(?:các\s+)?$", re.IGNORECASE)
_AFTER_WORD = re.compile(r"\s*(?:là\s+)?:?\s*", re.IGNORECASE)  # "Chủ trì: …", "phối hợp: …"


@dataclass(frozen=True)
class Assignment:
    lead: list[AgencyRef]
    support: list[AgencyRef]


@cache
def _words(group: str) -> re.Pattern[str]:
    return whole_phrases(data_file("assignment_words.yaml")[group]["words"])


def _chain_back(text: str, hits: list[TextHit], end: int) -> list[TextHit]:
    """The agencies listed right before `end`, in text order."""
    chain: list[TextHit] = []
    for hit in reversed([h for h in hits if h.end <= end]):
        if not _JOIN.match(text[hit.end : end]) or (not chain and "," in text[hit.end : end]):
            break
        chain.insert(0, hit)
        end = hit.start
    return chain


def _chain_forward(text: str, hits: list[TextHit], start: int) -> list[TextHit]:
    """The agencies listed right after `start`, in text order."""
    chain: list[TextHit] = []
    for hit in (h for h in hits if h.start >= start):
        if not _JOIN.match(text[start : hit.start]):
            break
        chain.append(hit)
        start = hit.end
    return chain


def find_assignment(text: str, *, province: str | None = None) -> Assignment:
    """The leads and supports a sentence names (empty when it says nothing about them).

    >>> a = find_assignment("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp thực hiện")
    >>> [r.name for r in a.lead], [r.name for r in a.support]
    (['Sở Nội vụ'], ['Sở Tư pháp'])
    """
    leads, supports = _assignment(nfc(text), province)
    return Assignment(list(leads), list(supports))


# a batch repeats sentences (one plan in several formats, the same duty in many plans)
@lru_cache(maxsize=4096)
def _assignment(
    text: str, province: str | None
) -> tuple[tuple[AgencyRef, ...], tuple[AgencyRef, ...]]:
    lead_word = _words("lead_words").search(text)
    if lead_word is None:
        return (), ()
    hits = text_hits(text)
    after = _AFTER_WORD.match(text, lead_word.end())
    if after is not None and ":" in after.group():  # "Cơ quan chủ trì: Sở Nội vụ"
        leads = _chain_forward(text, hits, after.end())
    else:
        leads = _chain_back(text, hits, lead_word.start())
    supports: list[TextHit] = []
    support_word = _words("support_words").search(text, lead_word.end())
    if support_word is not None:
        after = _AFTER_WORD.match(text, support_word.end())
        supports = _chain_forward(text, hits, after.end() if after else support_word.end())
    return (
        tuple(merge_refs(text_hit_ref(text, h, province) for h in leads)),
        tuple(merge_refs(text_hit_ref(text, h, province) for h in supports)),
    )
