"""Bounds on what one input may cost, so a hostile file fails alone and quickly.

Generous for real documents (the largest provincial plans run to a few hundred pages and
a few MB of text); a file beyond them gets a clear one-line error or a warning.
"""

from __future__ import annotations

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a plan as text is < 1 MB; 20 MB is a dump, not a plan
MAX_ZIP_UNCOMPRESSED = 300 * 1024 * 1024  # all members of a DOCX together
MAX_ZIP_RATIO = 200  # a member compressed more than this is a zip bomb
MAX_PDF_PAGES = 2000  # pages read; the rest are skipped with an input_limit warning
MAX_TABLE_CELLS = 50_000  # cells of one table
MAX_TABLE_DEPTH = 5  # tables nested in tables
MAX_LIST_NUMBER = 9999  # a list counter (Word numbering) never shows more
MAX_LABEL_CHARS = 64  # characters of one list label ("Điều 12.", "III.", "a)")
MAX_NESTING = 200  # elements inside elements (HTML, DOCX XML) before the rest is read flat
