"""A spaCy pipeline over any Vietnamese administrative text: entities AGENCY, LEGAL_REF,
DATE and PERCENT, found by the same normalizers the parsers use (public as `vanban.nlp()`).

The pipeline is a blank Vietnamese model whose tokenizer is the matcher's own (words and
punctuation apart, so "Sở Nội vụ," ends before the comma) and one component that puts the
normalizers' spans on `doc.ents`. Each entity's `kb_id_` is its canonical form: the agency's
registry name (the name as written, abbreviations expanded, for one the registry does not
know, label still AGENCY and `ent.id_` "unregistered"), the cited document's number (or its
type and title for a law), the ISO date, the percentage as a number. Nothing is downloaded:
spaCy's blank model has no weights.

Where spans overlap the stronger one is kept: a citation's date and issuer are part of the
LEGAL_REF ("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ" is one entity).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from normalize.abbreviations import expand_abbreviations
from normalize.agency_text import TextHit, text_hits
from normalize.citations import find_citations
from normalize.dates import find_dates
from normalize.figures import parse_figures
from normalize.nlp import tokenize
from normalize.text import nfc
from schemas.codes import Metric

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LABELS = ("LEGAL_REF", "AGENCY", "DATE", "PERCENT")  # in order of precedence


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    kb_id: str
    unregistered: bool = False


def _agency_name(text: str, hit: TextHit) -> str:
    if hit.name:
        return hit.name
    if hit.entry is None:
        return expand_abbreviations(text[hit.start : hit.end])
    return hit.entry.name


def find_entities(text: str) -> list[Entity]:
    """The entities of `text` (NFC), left to right, without overlaps."""
    text = nfc(text)
    found = [
        Entity(m.start, m.end, "LEGAL_REF", m.number or f"{m.doc_type}:{m.title or ''}")
        for m in find_citations(text)
    ]
    found += [
        Entity(h.start, h.end, "AGENCY", _agency_name(text, h), h.entry is None)
        for h in text_hits(text)
    ]
    found += [Entity(d.start, d.end, "DATE", d.date.iso()) for d in find_dates(text)]
    found += [
        Entity(f.start, f.end, "PERCENT", f"{f.value:g}")
        for f in parse_figures(text)
        if f.metric == Metric.PERCENT
    ]
    return _without_overlaps(found)


def _without_overlaps(found: list[Entity]) -> list[Entity]:
    kept: list[Entity] = []
    for entity in sorted(found, key=lambda e: (LABELS.index(e.label), e.start)):
        if all(entity.end <= k.start or entity.start >= k.end for k in kept):
            kept.append(entity)
    return sorted(kept, key=lambda e: e.start)


class _Tokenizer:
    """spaCy tokens = the matcher's tokens, so every entity starts and ends on a token."""

    def __init__(self, vocab: object) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        text = nfc(text)  # the normalizers' offsets are in NFC text
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for token in tokenize(text):
            _add_gap(words, spaces, text[pos : token.start])
            words.append(token.text)
            spaces.append(False)
            pos = token.end
        _add_gap(words, spaces, text[pos:])
        return Doc(self.vocab, words=words, spaces=spaces)  # type: ignore[arg-type]


def _add_gap(words: list[str], spaces: list[bool], gap: str) -> None:
    """Whitespace between tokens: one space is the previous token's trailing space; any
    other whitespace is a token of its own, so that `doc.text` is the text."""
    if gap.startswith(" ") and words and not spaces[-1]:
        spaces[-1], gap = True, gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


def _set_entities(doc: Doc) -> Doc:
    spans = []
    for entity in find_entities(doc.text):
        span = doc.char_span(
            entity.start,
            entity.end,
            label=entity.label,
            kb_id=entity.kb_id,
            alignment_mode="expand",
        )
        if span is not None:
            if entity.unregistered:
                span.id_ = "unregistered"
            spans.append(span)
    doc.ents = spans
    return doc


@cache
def entity_pipeline() -> Language:
    """The pipeline (built once): `entity_pipeline()("Giao Sở Nội vụ chủ trì").ents`."""
    import spacy
    from spacy.language import Language

    if "vanban_entities" not in Language.factories:
        Language.component("vanban_entities", func=_set_entities)
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = _Tokenizer(nlp.vocab)
    nlp.add_pipe("vanban_entities")
    return nlp
