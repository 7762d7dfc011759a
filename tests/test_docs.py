"""README.md documents every command, warning code and document-model field, and its
generated parts are up to date (run `python scripts/gen_docs.py`)."""

from __future__ import annotations

from scripts.gen_docs import README, render

RUN_COMMAND = ("python3 -m venv .venv && .venv/bin/pip install -q -e . "
               "&& .venv/bin/vanban import samples/")
TEST_COMMAND = ("python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' "
                "&& .venv/bin/python -m pytest -q")


def test_generated_readme_sections_are_up_to_date() -> None:
    text = README.read_text(encoding="utf-8")
    assert render(text) == text, "run: python scripts/gen_docs.py"


def test_readme_keeps_exactly_the_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    setup = text.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = [ln for ln in setup.splitlines() if ln.startswith("python3 -m venv")]
    assert commands == [RUN_COMMAND, TEST_COMMAND]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert TEST_COMMAND in ci
