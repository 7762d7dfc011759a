"""Document text made safe for a terminal: a file's words must never move the cursor,
retitle the window or hide text (ANSI/OSC escape sequences, C0/C1 controls, bidi
overrides), nor be read as rich markup ("[bold]")."""

from __future__ import annotations

import re

from rich.markup import escape

# CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-byte ESC sequences, 8-bit CSI
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]?"
)
# controls other than tab and newline; DEL and C1; bidi embeddings, overrides, isolates
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: object) -> str:
    """`text` with escape sequences and control characters removed."""
    return _CONTROLS.sub("", _ESCAPES.sub("", str(text)))


def safe(text: object) -> str:
    """`plain(text)`, escaped so rich prints it literally."""
    return escape(plain(text))
