"""Regenerate the generated parts of README.md (between `<!-- NAME:start -->` and
`<!-- NAME:end -->` markers): the warning codes, the document-model fields and the
command list. tests/test_docs.py fails when README.md is out of date.

Usage: python scripts/gen_docs.py
"""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def warnings_table() -> str:
    from schemas.diagnostics import MESSAGES, WarningCode

    rows = ["| code | message |", "|---|---|"]
    rows += [f"| `{code.value}` | {MESSAGES[code].replace('|', '/')} |" for code in WarningCode]
    return "\n".join(rows)


def _type_name(annotation: object) -> str:
    generic = getattr(annotation, "__args__", None)
    text = str(annotation) if generic else getattr(annotation, "__name__", str(annotation))
    text = re.sub(r"Annotated\[([^,\[]*), FieldInfo\(.*?\)\]", r"\1", text)
    text = text.replace("typing.", "").replace("schemas.document.", "")
    text = text.replace("schemas.base.", "").replace("schemas.diagnostics.", "")
    return text.replace("|", "/")


def model_table() -> str:
    from schemas.base import Prov
    from schemas.document import Cell, Document, PageInfo, Paragraph, Source, Style, Table

    rows = ["| model | field | type | meaning |", "|---|---|---|---|"]
    for model in (Document, Source, PageInfo, Paragraph, Style, Table, Cell, Prov):
        for name, info in model.model_fields.items():
            doc = (info.description or "").replace("|", "/")
            kind = _type_name(info.annotation)
            rows.append(f"| {model.__name__} | `{name}` | `{kind}` | {doc} |")
    return "\n".join(rows)


def commands_table() -> str:
    import typer.main

    from vanban.cli import app

    group = typer.main.get_command(app)
    rows = ["| command | what it does |", "|---|---|"]
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        subs = getattr(cmd, "commands", None)
        if subs:
            for sub_name, sub in subs.items():
                rows.append(f"| `vanban {name} {sub_name}` | {(sub.help or '').splitlines()[0]} |")
        else:
            rows.append(f"| `vanban {name}` | {(cmd.help or '').splitlines()[0]} |")
    return "\n".join(rows)


SECTIONS = {"warnings": warnings_table, "model": model_table, "commands": commands_table}


def render(readme: str) -> str:
    for name, make in SECTIONS.items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n)(?:.*?\n)?(<!-- {name}:end -->)", re.S)
        if not pattern.search(readme):
            raise SystemExit(f"README.md lacks the {name} markers")
        readme = pattern.sub(lambda m, make=make: m.group(1) + make() + "\n" + m.group(2),
                             readme)
    return readme


if __name__ == "__main__":
    README.write_text(render(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {README}")
