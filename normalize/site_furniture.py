"""Site furniture: what a legal portal or a province site puts around a document it
publishes (banners, breadcrumbs, tabs and share buttons, login prompts, notices to
readers or to AI assistants), as data in normalize/data/site_furniture.yaml.

The one home for "is this line site furniture": the readers mark such lines with the
block role "site_furniture" so that no parser sees them. A line is furniture only when
it is one of the known kinds as a whole, never because it holds one of their words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from normalize.datafiles import data_file
from normalize.phrases import PhraseSet
from normalize.text import fold_key, fold_ws, nfc

_MAX_ITEM_LINE = 24  # words: a row of tabs or buttons is short
_MAX_CRUMB_WORDS = 10  # words in one step of a breadcrumb
_CRUMB_SEPARATORS = (">", "»", "›")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SENTENCE_END = (".", ";")


@dataclass(frozen=True)
class _Terms:
    items: frozenset[str]
    tab_items: frozenset[str]
    longest: int
    openers: tuple[str, ...]
    link_labels: frozenset[str]
    addressees: PhraseSet[str]
    instructions: PhraseSet[str]


@cache
def _terms() -> _Terms:
    data = data_file("site_furniture.yaml")
    items = frozenset(fold_key(t) for t in data["items"])
    tabs = frozenset(fold_key(t) for t in data["tab_items"])
    return _Terms(
        items=items,
        tab_items=tabs,
        longest=max(k.count(" ") + 1 for k in items | tabs),
        openers=tuple(fold_ws(nfc(t)).lower() for t in data["openers"]),
        link_labels=frozenset(fold_key(t) for t in data["link_labels"]),
        addressees=PhraseSet.of(data["notice"]["addressees"]),
        instructions=PhraseSet.of(data["notice"]["instructions"]),
    )


def _item_row(key: str, terms: _Terms) -> bool:
    """The line is nothing but items side by side ("tải về in văn bản chia sẻ"); a tab
    item alone is not enough."""
    words = key.split()
    if not words or len(words) > _MAX_ITEM_LINE:
        return False
    known = terms.items | terms.tab_items
    # best[i]: (items used, any unambiguous) for the cheapest cover of words[:i]
    best: list[tuple[int, bool] | None] = [None] * (len(words) + 1)
    best[0] = (0, False)
    for end in range(1, len(words) + 1):
        for size in range(1, min(terms.longest, end) + 1):
            prev = best[end - size]
            phrase = " ".join(words[end - size : end])
            if prev is None or phrase not in known:
                continue
            found = (prev[0] + 1, prev[1] or phrase in terms.items)
            if best[end] is None or found > best[end]:  # type: ignore[operator]
                best[end] = found
    last = best[-1]
    return last is not None and (last[1] or last[0] >= 2)


def _breadcrumb(text: str) -> bool:
    """'Trang chủ > Văn bản > Kế hoạch 214/KH-UBND': three or more short steps."""
    for sep in _CRUMB_SEPARATORS:
        if text.count(sep) < 2:
            continue
        steps = [s.strip() for s in text.split(sep)]
        if all(
            s and "%" not in s and not s.endswith(_SENTENCE_END)
            and s.count(" ") < _MAX_CRUMB_WORDS
            for s in steps
        ):
            return True
    return False


def _link_line(text: str, terms: _Terms) -> bool:
    """'Nguồn: https://…', a link alone."""
    if not _URL.search(text):
        return False
    rest = fold_key(_URL.sub(" ", text))
    return not rest or rest in terms.link_labels


def _notice(text: str, terms: _Terms) -> bool:
    """A notice addressed to readers or to AI assistants, telling them what to say."""
    key = fold_key(text)
    return terms.addressees.contains(key, folded=True) and terms.instructions.contains(
        key, folded=True
    )


@lru_cache(maxsize=4096)  # the text reader asks about each line twice (as prev, as next)
def is_site_furniture(text: str) -> bool:
    """A line a legal portal or a province site puts around the document: a banner, a
    breadcrumb, tabs and share buttons, a login prompt, a notice to readers or to AI
    assistants."""
    line = fold_ws(text)
    if not line:
        return False
    terms = _terms()
    if fold_ws(nfc(line)).lower().startswith(terms.openers):
        return True
    if not line.endswith(_SENTENCE_END) and _item_row(fold_key(line), terms):
        return True
    return _breadcrumb(line) or _link_line(line, terms) or _notice(line, terms)


__all__ = ["is_site_furniture"]
