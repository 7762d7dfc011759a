"""Every warning a parser raises fills its message template from the fields it passes.

Read from the source, so a call that runs in no test is checked too.
"""

from __future__ import annotations

import ast

import pytest

from schemas.diagnostics import MESSAGES, WarningCode, format_message, template_fields
from tests.conftest import REPO_ROOT

_PACKAGES = ("extract", "normalize", "vanban", "load", "schemas")
# Keywords Report.warn (and the wrappers that forward to it) take for itself.
_PLACEMENT = {"page", "block", "key"}


def _warn_calls() -> list[tuple[str, WarningCode, set[str]]]:
    """(where, code, keyword names) of every call naming a WarningCode member."""
    calls = []
    for package in _PACKAGES:
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and (code := _code_arg(node)) is not None:
                    where = f"{path.relative_to(REPO_ROOT)}:{node.lineno}"
                    names = {kw.arg for kw in node.keywords if kw.arg is not None}
                    calls.append((where, code, names))
    return calls


def _code_arg(call: ast.Call) -> WarningCode | None:
    if not (isinstance(call.func, ast.Attribute) and call.func.attr in {"warn", "once"}):
        return None
    for arg in call.args:
        if (
            isinstance(arg, ast.Attribute)
            and isinstance(arg.value, ast.Name)
            and arg.value.id == "WarningCode"
        ):
            return WarningCode[arg.attr]
    return None


CALLS = _warn_calls()


def test_the_scan_finds_the_callers() -> None:
    # A scan that finds nothing would pass every check below.
    assert len(CALLS) >= 25
    assert {WarningCode.DEADLINE_UNPARSED, WarningCode.AGENCY_UNKNOWN} <= {c for _, c, _ in CALLS}


@pytest.mark.parametrize(("where", "code", "names"), CALLS, ids=[w for w, _, _ in CALLS])
def test_each_call_passes_the_fields_its_template_uses(
    where: str, code: WarningCode, names: set[str]
) -> None:
    missing = template_fields(code) - names - {"page"}
    assert not missing, f"{where}: {code} needs {sorted(missing)}"
    unused = names - template_fields(code) - _PLACEMENT
    assert not unused, f"{where}: {code} does not show {sorted(unused)}"


@pytest.mark.parametrize("code", list(WarningCode))
def test_every_code_has_a_template(code: WarningCode) -> None:
    fields = {name: "x" for name in template_fields(code)}
    assert format_message(code, fields)


def test_a_missing_field_fails_under_tests() -> None:
    with pytest.raises(KeyError):
        format_message(WarningCode.DEADLINE_UNPARSED, {"mention": "Sở Nội vụ"})


def test_outside_tests_a_missing_field_shows_as_question_mark(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from schemas.diagnostics import STRICT_MESSAGES_ENV

    monkeypatch.delenv(STRICT_MESSAGES_ENV)
    assert format_message(WarningCode.DEADLINE_UNPARSED, {}) == "deadline not understood: '?'"


def test_templates_cover_every_code() -> None:
    assert set(MESSAGES) == set(WarningCode)
