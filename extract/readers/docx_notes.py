"""Footnotes and endnotes of a .docx: paragraphs with role "footnote", after the body.

Word keeps them in their own parts (footnotes.xml, endnotes.xml), so the body walk never
sees them; plans put the documents they rely on there ("¹ Quyết định số 12/QĐ-UBND …"), and
the citation parser reads them as mentions. The separator notes Word adds are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from extract.readers.docx_styles import Element, w
from schemas.document import Paragraph

_NOTE_PARTS = ((RT.FOOTNOTES, "footnote"), (RT.ENDNOTES, "endnote"))
_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


def _part_root(word: docx.document.Document, reltype: str) -> Element | None:
    try:
        part = word.part.part_related_by(reltype)
    except KeyError:
        return None
    element = getattr(part, "element", None)  # python-docx ≥ 1.2 parses footnotes itself
    if element is not None:
        return element
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return etree.fromstring(part.blob, parser)


def note_paragraphs(
    word: docx.document.Document,
    read_paragraph: Callable[[Element, str], Paragraph | None],
    first_number: int,
) -> Iterator[Paragraph]:
    """Each paragraph of each footnote and endnote, numbered on from the body's blocks."""
    number = first_number
    for reltype, tag in _NOTE_PARTS:
        root = _part_root(word, reltype)
        if root is None:
            continue
        for note in root.iter(w(tag)):
            if note.get(w("type")) in _SEPARATORS:
                continue
            for p in note.iter(w("p")):
                paragraph = read_paragraph(p, f"b{number:04d}")
                if paragraph is not None:
                    number += 1
                    yield paragraph.model_copy(update={"role": "footnote"})
