"""Which finds agency names in running text: underthesea's NER, or the registry walk?

Run: .venv/bin/python benchmarks/nlp_agencies.py

1. Against the hand-checked AGENCY entities of tests/cases/entities.yaml (sentences as
   provinces write them): precision and recall, exact spans, of
   - the registry walk alone (registry names only),
   - vanban.nlp() (the registry walk plus capitalised names the registry does not know),
   - underthesea.ner (its B-ORG/I-ORG spans; offline CRF model, no download).
2. Over the paragraphs that assign work ("giao", "chủ trì") in the seeds and the realdocs
   Word files: how many names each finds, and milliseconds per paragraph.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from normalize.agency_text import text_hits  # noqa: E402
from normalize.entities import find_entities  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
REALDOCS = ROOT.parent / "shared" / "realdocs"
Spans = set[tuple[int, int]]


def registry_only(text: str) -> Spans:
    return {(h.start, h.end) for h in text_hits(text) if h.entry is not None}


def vanban_nlp(text: str) -> Spans:
    return {(e.start, e.end) for e in find_entities(text) if e.label == "AGENCY"}


def underthesea_org(text: str) -> Spans:
    from underthesea import ner

    spans: Spans = set()
    pos, start, end = 0, None, None
    for word, _pos, _chunk, tag in ner(text):
        at = text.find(word, pos)
        if at < 0:  # underthesea rewrote the word (normalisation): no span for it
            continue
        pos = at + len(word)
        if tag.endswith("ORG") and (tag.startswith("I") and start is not None):
            end = pos
        elif tag.endswith("ORG"):
            if start is not None:
                spans.add((start, end))
            start, end = at, pos
        elif start is not None:
            spans.add((start, end))
            start = None
    if start is not None:
        spans.add((start, end))
    return spans


def _gold() -> list[tuple[str, Spans]]:
    cases = yaml.safe_load((ROOT / "tests" / "cases" / "entities.yaml").read_text("utf-8"))
    out = []
    for case in cases["sentences"]:
        text, spans, pos = case["text"], set(), 0
        for written, label, *_ in case["entities"]:
            at = text.find(written, pos)
            pos = at + len(written)
            if label == "AGENCY":
                spans.add((at, pos))
        out.append((text, spans))
    return out


def _score(finder: Callable[[str], Spans], gold: list[tuple[str, Spans]]) -> str:
    found = right = expected = 0
    for text, spans in gold:
        got = finder(text)
        found, right, expected = found + len(got), right + len(got & spans), expected + len(spans)
    precision = right / found if found else 0.0
    recall = right / expected
    return f"precision {precision:.2f} ({right}/{found})  recall {recall:.2f} ({right}/{expected})"


def _paragraphs() -> list[str]:
    from vanban import read_document

    files = sorted(SEEDS.glob("*.txt")) + sorted(REALDOCS.glob("ld_KH-UBND_*.docx"))
    texts = []
    for path in files:
        for p in read_document(path).paragraphs():
            if "chủ trì" in p.text or "giao" in p.text.lower():
                texts.append(p.text[:2000])
    return texts


def _count(finder: Callable[[str], Spans], texts: list[str]) -> str:
    finder(texts[0])  # first-use cost (registry, model) outside the clock
    started = time.perf_counter()
    names = sum(len(finder(t)) for t in texts)
    ms = (time.perf_counter() - started) * 1000 / len(texts)
    return f"{names} names, {ms:.1f} ms per paragraph"


def main() -> None:
    finders: dict[str, Callable[[str], Spans]] = {
        "registry walk alone": registry_only,
        "vanban.nlp()": vanban_nlp,
    }
    finders["underthesea.ner ORG"] = underthesea_org
    gold = _gold()
    print(f"1. hand-checked sentences ({len(gold)}), AGENCY spans, exact match")
    for name, finder in finders.items():
        print(f"   {name:22} {_score(finder, gold)}")
    texts = _paragraphs()
    print(f"2. paragraphs assigning work in the seeds and realdocs ({len(texts)})")
    for name, finder in finders.items():
        print(f"   {name:22} {_count(finder, texts)}")


if __name__ == "__main__":
    main()
