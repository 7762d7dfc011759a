"""The agency matcher: the registry compiled into a trie, and one pass over a chunk of text.

A chunk is a piece of a cell between line breaks, semicolons and list dashes. The scanner
finds, at each word, the longest registry name that starts there (fold keys, abbreviations
expanded, "và" and punctuation ignored), and sorts the words between names into instructions
(dropped), near misses (typo or fuzzy match) and unknown agencies. The rules it applies are
listed in normalize/agencies.py; the word lists come from data/agencies.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from normalize.nlp import Token, key_of, tokenize
from normalize.provinces import find_provinces
from normalize.registry import AgencyEntry, agencies, agency_by_name, agency_rules
from normalize.text import fold_ws

_PROVINCE_SLOT = "@p"  # key of a province name written without "tỉnh" ("Báo Nghệ An")
_HEAD_WORDS = ("Sở", "Bộ")  # heads that distribute over a list of bare department names
_FUZZY_CUTOFF = 90.0


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entry: AgencyEntry | None = None


@dataclass(frozen=True)
class Hit:
    mention: str
    entry: AgencyEntry | None
    province: str | None
    name: str | None = None  # a named unit's own name ("Ủy ban nhân dân xã Tân Hà")


# --- compiled registry --------------------------------------------------------------------


@cache
def _k(word: str) -> str:
    return key_of(word)[0]


def _loose(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(k for k in keys if k != _k("và"))


def _insert(root: _Node, keys: Sequence[str], entry: AgencyEntry) -> None:
    node = root
    for key in keys:
        node = node.children.setdefault(key, _Node())
    if node.entry is None:  # the first listing wins; tests check there is no clash
        node.entry = entry


def form_keys(form: str) -> tuple[str, ...]:
    keys = _loose(key_of(form))
    return keys[1:] if keys[:1] == (_k("các"),) else keys


@cache
def _trie() -> _Node:
    root = _Node()
    for entry in agencies():
        for form in entry.forms:
            keys = form_keys(form)
            if entry.named_after_province:
                _insert(root, (*keys, _PROVINCE_SLOT), entry)
                _insert(root, (*keys, _k("tỉnh")), entry)
            else:
                _insert(root, keys, entry)
    return root


@cache
def _remainders() -> dict[str, _Node]:
    """Per head ("sở", "bộ"): a trie of what follows it in the registry's names."""
    tries: dict[str, _Node] = {}
    for head in _HEAD_WORDS:
        root = tries.setdefault(_k(head), _Node())
        for entry in agencies():
            for form in entry.forms:
                keys = form_keys(form)
                if keys[:1] == (_k(head),) and len(keys) > 1 and entry.kind == "agency":
                    _insert(root, keys[1:], entry)
    return tries


_Keys = frozenset[tuple[str, ...]]


class _RuleKeys(NamedTuple):
    """The agency rules (agency_rules.yaml) as folded keys."""

    predicates: _Keys
    heads: _Keys
    genitives: frozenset[str]
    typos: dict[str, tuple[str, ...]]
    links: _Keys
    fields: _Keys


class _Found(NamedTuple):
    """A registry name found in a chunk: the token after it, and its entry."""

    end: int
    entry: AgencyEntry


@cache
def _rule_keys() -> _RuleKeys:
    rules = agency_rules()
    return _RuleKeys(
        predicates=frozenset(key_of(p) for p in rules.predicates),
        heads=frozenset(key_of(h) for h in rules.heads),
        genitives=frozenset(k for g in rules.genitives for k in key_of(g)),
        typos={key_of(w)[0]: key_of(r) for w, r in rules.head_typos},
        links=frozenset(key_of(link) for link in rules.links),
        fields=frozenset(key_of(f) for f in rules.name_fields),
    )


@cache
def _title_keys() -> tuple[tuple[str, ...], ...]:
    # longest first, so "Phó Chủ tịch" is skipped whole rather than as "Phó" + "Chủ tịch"
    return tuple(sorted((key_of(t) for t in agency_rules().titles), key=len, reverse=True))


def _title_end(chunk: _Chunk, i: int) -> int | None:
    """End of a head's title ("Giám đốc", "Thủ trưởng") starting at token i, if one does."""
    tokens = chunk.tokens
    for keys in _title_keys():
        j, n = i, 0
        while j < len(tokens) and n < len(keys) and tokens[j].keys == keys[n : n + 1]:
            j, n = j + 1, n + 1
        if n == len(keys):
            return j
    return None


@cache
def _fuzzy_choices() -> tuple[list[str], list[AgencyEntry]]:
    keys, entries = [], []
    for entry in agencies():
        if entry.named_after_province:
            continue
        for form in entry.forms:
            keys.append(" ".join(form_keys(form)))
            entries.append(entry)
    return keys, entries


# --- tokens of a chunk ----------------------------------------------------------------------


@dataclass
class _Chunk:
    text: str
    tokens: list[Token]
    provinces: dict[int, str]  # token index of a province placeholder → province


def _with_province_slots(text: str) -> _Chunk:
    tokens = tokenize(text)
    words = [i for i, t in enumerate(tokens) if t.kind == "word"]
    word_tokens = [tokens[i] for i in words]
    out: list[Token] = []
    provinces: dict[int, str] = {}
    consumed_until = 0
    for match in find_provinces(word_tokens):
        first, last = words[match.start], words[match.end - 1]
        out.extend(tokens[consumed_until:first])
        key = _k("tỉnh") if match.marked else _PROVINCE_SLOT
        start, end = tokens[first].start, tokens[last].end
        provinces[len(out)] = match.name
        out.append(Token(text[start:end], start, end, (key,), "word"))
        consumed_until = last + 1
    out.extend(tokens[consumed_until:])
    return _Chunk(text, out, provinces)


def _is_separator(token: Token) -> bool:
    return token.kind == "sep" or token.text == "." or token.keys == (_k("và"),)


def _walk(
    root: _Node,
    chunk: _Chunk,
    i: int,
    first_keys: tuple[str, ...] | None = None,
) -> _Found | None:
    """Longest registry name starting at token i: (end token index, entry)."""
    node, best, previous = root, None, None
    tokens = chunk.tokens
    for j in range(i, len(tokens)):
        token = tokens[j]
        if token.kind != "word":
            continue
        keys = first_keys if (j == i and first_keys is not None) else token.keys
        if j > i and keys == previous:  # "Sở Sở Khoa học…": a doubled word
            continue
        previous = keys
        loose = _loose(keys)
        for key in loose:
            next_node = node.children.get(key)
            if next_node is None:
                return best
            node = next_node
        if loose and node.entry is not None:  # a trailing "và" is not part of the name
            best = _Found(j + 1, node.entry)
    return best


def _match_at(chunk: _Chunk, i: int) -> _Found | None:
    hit = _walk(_trie(), chunk, i)
    if hit is None and chunk.tokens[i].keys == (_k("các"),):
        hit = _walk(_trie(), chunk, i + 1)
    return hit


def _remainder_at(chunk: _Chunk, i: int, head: str) -> _Found | None:
    if not chunk.tokens[i].text[:1].isupper():  # bare department names are capitalised
        return None
    return _walk(_remainders()[_k(head)], chunk, i)


def _typo_match_at(chunk: _Chunk, i: int) -> _Found | None:
    fix = _rule_keys().typos.get(chunk.tokens[i].keys[0]) if chunk.tokens[i].keys else None
    return _walk(_trie(), chunk, i, first_keys=fix) if fix else None


# --- scanning a chunk ----------------------------------------------------------------------


def _proper_name_end(tokens: Sequence[Token], start: int, style: str) -> int:
    """End of the unit's own name from `start` on: capitalised words and numbers ("Cam Ly -
    Đà Lạt", "1 Bảo Lộc") for a place; for an organisation, from a capitalised first word
    to the next separator ("Hành chính - Quản trị")."""
    end = j = start
    while j < len(tokens):
        token = tokens[j]
        named = token.text[0].isupper() or token.text[0].isdigit()
        if token.kind == "word" and (named or (style == "organisation" and end > start)):
            end = j = j + 1
        elif token.kind == "punct" and token.text in "-–'’" and j > start:
            j += 1
        else:
            break
    return end


def _head_of(entry: AgencyEntry) -> str | None:
    return next((h for h in _HEAD_WORDS if entry.name.startswith(h + " ")), None)


def _span_text(chunk: _Chunk, start: int, end: int) -> str:
    words = [t for t in chunk.tokens[start:end] if t.kind == "word"]
    if not words:
        return ""
    return fold_ws(chunk.text[words[0].start : words[-1].end].replace(":", " "))


def _province_in(chunk: _Chunk, start: int, end: int) -> str | None:
    return next((chunk.provinces[j] for j in range(start, end) if j in chunk.provinces), None)


class _Scanner:
    """One pass over a chunk: registry matches, and the fragments between them."""

    def __init__(self, chunk: _Chunk) -> None:
        self.chunk = chunk
        self.hits: list[Hit] = []
        self.head: str | None = None  # head of the last Sở/Bộ, for distributed lists
        self.attached = False  # the current words follow a match with no separator
        self.gap: list[int] = []
        self.gap_attached = False

    def run(self) -> list[Hit]:
        tokens = self.chunk.tokens
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.text == "," and (end := self._name_goes_on(i)):
                self.gap.extend(range(i, end))  # "Trung tâm Văn hóa, Thể thao và …": one name
                i = end
            elif _is_separator(token) and not self._joins_gap(token):
                self._flush()
                self.attached = False
                i += 1
            elif _is_separator(token):
                self.gap.append(i)  # "Sở Giáo dục và Đao tạo": keep the name whole
                i += 1
            elif token.kind != "word":
                i += 1
            else:
                i = self._at_word(i)
        self._flush()
        return self.hits

    def _at_word(self, i: int) -> int:
        found = _match_at(self.chunk, i)
        head = None
        if found is None and not self.gap and (title_end := _title_end(self.chunk, i)):
            self.attached = False
            return title_end
        if found is None and not self.attached and not self.gap:
            found = _typo_match_at(self.chunk, i)
            if found is None and self.head is not None:
                found, head = _remainder_at(self.chunk, i, self.head), self.head
            if found is None and not self.hits:
                found, head = self._whole_chunk_remainder(i), _HEAD_WORDS[0]
        if found is None or self._after_genitive(i) or not self._gap_allows_match():
            if not self.gap:
                self.gap_attached = self.attached
            self.gap.extend(range(i, found.end if found else i + 1))
            return found.end if found else i + 1
        if self.gap and self.chunk.tokens[self.gap[-1]].keys == (_k("và"),):
            self.gap.pop()
        elif self.gap:  # a link ("phối hợp với") between two agencies
            self.gap = []
        self._flush()
        end, entry = found
        if entry.takes_name:
            return self._named_unit(i, end, entry)
        end = self._take_province(end)
        mention = _span_text(self.chunk, i, end)
        if head is not None:
            mention = f"{head} {mention}"
        elif entry.kind == "agency" and self.chunk.tokens[i].keys == (_k("các"),):
            mention = _span_text(self.chunk, i + 1, end)
        self.hits.append(Hit(mention, entry, _province_in(self.chunk, i, end)))
        self.head = _head_of(entry) or head
        self.attached = True
        return end

    def _named_unit(self, i: int, end: int, entry: AgencyEntry) -> int:
        """ "UBND xã Tân Hà": the registry knows the level, the text gives the name."""
        name_end = _proper_name_end(self.chunk.tokens, end, entry.takes_name or "place")
        self.attached = True
        self.head = None
        if name_end > end:
            written = _span_text(self.chunk, end, name_end)
            mention = _span_text(self.chunk, i, name_end)
            self.hits.append(Hit(mention, entry, None, name=f"{entry.name} {written}"))
            return name_end
        if entry.without_name is not None:
            general = agency_by_name()[entry.without_name]
            self.hits.append(Hit(_span_text(self.chunk, i, end), general, None))
        return end

    def _whole_chunk_remainder(self, i: int) -> _Found | None:
        """A chunk that is only a bare department name ("Thông tin và Truyền thông")."""
        found = _remainder_at(self.chunk, i, _HEAD_WORDS[0])
        rest = self.chunk.tokens[found.end :] if found else ()
        return found if found and all(t.kind != "word" for t in rest) else None

    def _name_goes_on(self, comma: int) -> int | None:
        """End of the rest of an unknown name after a comma inside it, if the comma is one."""
        if not self.gap or self.gap_attached:
            return None
        keys = tuple(k for j in self.gap for k in self.chunk.tokens[j].keys)
        return comma_continuation(self.chunk, comma) if _looks_like_agency(keys) else None

    def _joins_gap(self, token: Token) -> bool:
        """Whether a "và" continues an unknown fragment that looks like an agency's name."""
        if token.keys != (_k("và"),) or not self.gap or self.gap_attached:
            return False
        keys = tuple(k for j in self.gap for k in self.chunk.tokens[j].keys)
        return _looks_like_agency(keys)

    def _gap_allows_match(self) -> bool:
        """A match right after unmatched words starts a new agency only after "và" or a link."""
        if not self.gap:
            return True
        tokens = self.chunk.tokens
        if tokens[self.gap[-1]].keys == (_k("và"),):
            return True
        keys = tuple(k for j in self.gap for k in tokens[j].keys)
        return self.gap_attached and keys in _rule_keys().links

    def _after_genitive(self, i: int) -> bool:
        genitives = _rule_keys().genitives
        previous = next((t for t in reversed(self.chunk.tokens[:i]) if t.kind == "word"), None)
        return previous is not None and any(k in genitives for k in previous.keys[-1:])

    def _take_province(self, end: int) -> int:
        tokens = self.chunk.tokens
        if end < len(tokens) and end in self.chunk.provinces:
            return end + 1
        if end < len(tokens) and tokens[end].keys == (_k("tỉnh"),):
            return end + 1
        return end

    def _flush(self) -> None:
        gap, self.gap = self.gap, []
        if not gap or self.gap_attached:
            return
        hit = _fragment_hit(self.chunk, gap[0], gap[-1] + 1)
        if hit is not None:
            self.hits.append(hit)


# --- a comma inside a name -------------------------------------------------------------------

# a name's part after a comma is short, in syllables: a lower-case one ("công nghiệp tỉnh")
# longer than this is a clause; a part of fields may end with its place ("… huyện Nam Đàn")
_PART_MAX_WORDS, _FIELDS_MAX_WORDS = 6, 12
_PLURALS = ("các", "những", "mọi")  # "…, các xã, phường": a new group, never a name's part


def comma_continuation(chunk: _Chunk, comma: int, *, in_sentence: bool = False) -> int | None:
    """End of the parts of one name after the comma at token `comma`, or None when the
    comma separates agencies. A part goes on with the name when it is no agency on its own:
    it starts lower-case ("dân dụng, công nghiệp tỉnh"), or every piece of it joined by "và"
    starts with a field of work ("Văn hóa, Thể thao và Truyền thanh huyện Nam Đàn"); and it
    names no registry agency, head word, title or verb ("Sở Y tế, Sở Nội vụ" is a list).
    In a sentence the name ends before the verb of the task ("… Truyền thanh huyện chủ trì")."""
    tokens, end, i = chunk.tokens, None, comma
    while i < len(tokens) and tokens[i].text == ",":
        stop = next(
            (
                j
                for j in range(i + 1, len(tokens))
                if _is_list_break(tokens[j]) or (in_sentence and _verb_at(chunk, j))
            ),
            len(tokens),
        )
        if not _is_name_part(chunk, [j for j in range(i + 1, stop) if tokens[j].kind == "word"]):
            break
        end, i = stop, stop
    return end


def _verb_at(chunk: _Chunk, j: int) -> bool:
    keys = tuple(k for t in chunk.tokens[j : j + 3] for k in t.keys)
    return any(keys[: len(p)] == p for p in _rule_keys().predicates)


def _is_list_break(token: Token) -> bool:
    return token.kind == "sep" or token.text == "."


def _is_name_part(chunk: _Chunk, words: list[int]) -> bool:
    tokens, rules = chunk.tokens, _rule_keys()
    size = len([j for j in words if tokens[j].keys != (_k("và"),)])
    if not words or size > _FIELDS_MAX_WORDS:
        return False
    keys = tuple(k for j in words for k in tokens[j].keys)
    if keys[:1] in {(_k(p),) for p in _PLURALS} or keys[:1] == (_k("và"),):
        return False
    shapes = (rules.predicates, rules.links, rules.heads)
    if any(keys[s : s + len(w)] == w for ws in shapes for w in ws for s in range(len(keys))):
        return False
    if any(_match_at(chunk, j) or _title_end(chunk, j) for j in words):
        return False
    if not tokens[words[0]].text[:1].isupper():
        return size <= _PART_MAX_WORDS and not tokens[words[0]].text[:1].isdigit()
    return all(_starts_with_field(piece) for piece in _pieces(chunk, words))


def _pieces(chunk: _Chunk, words: list[int]) -> list[tuple[str, ...]]:
    """The keys of a part's pieces joined by "và" ("Thể thao" and "Truyền thanh huyện X")."""
    pieces: list[tuple[str, ...]] = [()]
    for j in words:
        keys = chunk.tokens[j].keys
        if keys == (_k("và"),):
            pieces.append(())
        else:
            pieces[-1] += keys
    return pieces


def _starts_with_field(keys: tuple[str, ...]) -> bool:
    return any(keys[: len(f)] == f for f in _rule_keys().fields)


def _fragment_hit(chunk: _Chunk, start: int, end: int) -> Hit | None:
    """A fragment no registry name starts: a near miss, an unknown agency, or an instruction."""
    predicates = _rule_keys().predicates
    words = [t for t in chunk.tokens[start:end] if t.kind == "word"]
    keys = tuple(k for t in words for k in t.keys)
    text = _span_text(chunk, start, end)
    # "tổ chức thực hiện …" and "Sở Nội vụ tổng hợp": a verb near the start is an instruction
    near_start = (keys[j : j + len(p)] == p for p in predicates for j in range(3))
    # an unknown agency is written as a proper name: "doanh nghiệp đang …" is not one
    if any(near_start) or not words[0].text[:1].isupper():
        return None
    if not _looks_like_agency(keys):
        # a proper name of two words or more ("Viettel Hà Tĩnh"): a body the cell names
        proper = len(words) >= 2 and all(w.text[:1].isupper() for w in words)
        return Hit(text, None, _province_in(chunk, start, end)) if proper else None
    if len(keys) <= max(len(h) for h in _rule_keys().heads if keys[: len(h)] == h):
        return None  # a head word alone ("CÁC SỞ" in a capitalised heading) names no one
    entry = _fuzzy_entry(keys)
    return Hit(text, entry, _province_in(chunk, start, end))


def _looks_like_agency(keys: tuple[str, ...]) -> bool:
    heads = _rule_keys().heads
    return any(keys[: len(h)] == h for h in heads)


def _fuzzy_entry(keys: tuple[str, ...]) -> AgencyEntry | None:
    if len(keys) < 2:
        return None
    from rapidfuzz import fuzz, process

    choices, entries = _fuzzy_choices()
    query = " ".join(k for k in form_keys(" ".join(keys)) if k != _PROVINCE_SLOT)
    best = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
    if best is None:
        return None
    _, _, index = best
    return entries[index]


def chunk_hits(text: str) -> list[Hit]:
    """The agencies (and unknown agency-like fragments) of one chunk, in order."""
    return _Scanner(_with_province_slots(text)).run()
