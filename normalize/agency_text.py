"""Agencies named in running text (a sentence, not a cell): the same registry trie as the
cell matcher of `normalize.agency_match`, plus names the registry does not know written as
agencies are ("Trung tâm Lưu trữ lịch sử tỉnh": a head word, capitalised, up to the verb).
Used by `normalize.assignments` (who leads, who supports) and `normalize.entities`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from normalize.agency_match import (
    _Chunk,
    _is_separator,
    _k,
    _match_at,
    _proper_name_end,
    _province_in,
    _rule_keys,
    _span_text,
    _with_province_slots,
    comma_continuation,
)
from normalize.nlp import Token
from normalize.registry import AgencyEntry, agency_by_name


@dataclass(frozen=True)
class TextHit:
    """An agency named in running text: `text[start:end]`; entry None for a name the
    registry does not know (an agency head word and capitalised words: "Trung tâm Lưu trữ
    lịch sử tỉnh")."""

    start: int
    end: int
    entry: AgencyEntry | None
    province: str | None
    name: str | None = None


_RUN_MAX_WORDS = 12  # an unregistered name longer than this is a sentence, not a name


def _unregistered_end(chunk: _Chunk, i: int) -> int | None:
    """End of a name the registry does not know starting at token i: a head word ("Trung
    tâm", "Ban") written capitalised, then words up to a separator, a verb of the task
    ("chủ trì", "phối hợp"), a registry name or "và"."""
    tokens = chunk.tokens
    if not tokens[i].text[:1].isupper():
        return None
    keys = tuple(k for t in tokens[i : i + 4] for k in t.keys)
    head = max((len(h) for h in _rule_keys().heads if keys[: len(h)] == h), default=0)
    if not head:
        return None
    predicates, end, words, j = _rule_keys().predicates, i + 1, 1, i
    while (j := j + 1) < len(tokens):
        token = tokens[j]
        if _is_dash_in_name(tokens, j):  # "Giáo dục nghề nghiệp - Giáo dục thường xuyên"
            continue
        if token.text == "," and (goes_on := comma_continuation(chunk, j, in_sentence=True)):
            end = j = goes_on  # "Trung tâm Văn hóa, Thể thao và Truyền thanh": one name
            break
        if _is_separator(token) or token.kind != "word" or words >= _RUN_MAX_WORDS:
            break
        rest = tuple(k for t in tokens[j : j + 3] for k in t.keys)
        if any(rest[: len(p)] == p for p in predicates) or _match_at(chunk, j):
            break
        end, words = j + 1, words + 1
    # a name goes beyond its head word: "Cơ quan" alone is no one's name
    named = sum(len(t.keys) for t in tokens[i:end]) > head
    return end if words >= 2 and named else None


def _is_dash_in_name(tokens: Sequence[Token], j: int) -> bool:
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return tokens[j].text in "-–" and after is not None and after.text[:1].isupper()


def text_hits(text: str) -> list[TextHit]:
    """Every agency named in a sentence, left to right: registry names (the same trie as
    for cells: abbreviations, tone placement, a missing "và"), a named unit's own name,
    and capitalised names the registry does not know."""
    chunk = _with_province_slots(text)
    tokens, hits, i = chunk.tokens, [], 0
    while i < len(tokens):
        hit = _text_hit_at(chunk, i) if tokens[i].kind == "word" else None
        if hit is None:
            i += 1
            continue
        end, found = hit
        hits.append(found)
        i = end
    return hits


def _text_hit_at(chunk: _Chunk, i: int) -> tuple[int, TextHit] | None:
    tokens = chunk.tokens
    if _is_separator(tokens[i]):  # "và" has no key: a walk from it would swallow it
        return None
    found = _match_at(chunk, i)
    if found is None:
        end = _unregistered_end(chunk, i)
        if end is None:
            return None
        return end, TextHit(tokens[i].start, tokens[end - 1].end, None, _province_in(chunk, i, end))
    end, entry = found
    start = i + 1 if tokens[i].keys == (_k("các"),) and entry.kind == "agency" else i
    name = None
    if entry.takes_name:
        name_end = _proper_name_end(tokens, end, entry.takes_name)
        if name_end > end:
            name = f"{entry.name} {_span_text(chunk, end, name_end)}"
        elif entry.without_name is not None:
            entry = agency_by_name()[entry.without_name]
        end = max(end, name_end)
    end = _end_with_province(chunk, end)
    province = _province_in(chunk, i, end)
    return end, TextHit(tokens[start].start, tokens[end - 1].end, entry, province, name)


def _end_with_province(chunk: _Chunk, end: int) -> int:
    tokens = chunk.tokens
    if end < len(tokens) and (end in chunk.provinces or tokens[end].keys == (_k("tỉnh"),)):
        return end + 1
    return end
