"""The quality check on agency names the registry does not know (issue 15, CONTRACT §5)."""

from __future__ import annotations

import pytest

from extract.quality import unregistered_agencies_check
from schemas.codes import AgencyKind
from schemas.record import AgencyRef
from tests.load.factories import make_record


def _agencies(registered: int, unregistered: int) -> list[AgencyRef]:
    return [AgencyRef(name=f"Sở {i}", kind=AgencyKind.AGENCY) for i in range(registered)] + [
        AgencyRef(name=f"Trung tâm {i}", kind=AgencyKind.UNREGISTERED) for i in range(unregistered)
    ]


@pytest.mark.parametrize(
    ("registered", "unregistered", "passed", "detail"),
    [
        (10, 0, True, "0 of 10 agency names unregistered (0%)"),
        (8, 2, True, "2 of 10 agency names unregistered (20%)"),
        (7, 3, False, "3 of 10 agency names unregistered (30%)"),
        (2, 1, True, "1 of 3 agency names unregistered (33%)"),  # one name alone
        (0, 0, True, None),
    ],
)
def test_share_of_unregistered_names(
    registered: int, unregistered: int, passed: bool, detail: str | None
) -> None:
    record = make_record().model_copy(update={"agencies": _agencies(registered, unregistered)})
    check = unregistered_agencies_check(record)
    assert (check.name, check.passed, check.detail) == ("agencies_registered", passed, detail)
