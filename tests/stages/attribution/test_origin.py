from __future__ import annotations

import pytest

from eventwire.stages.attribution.origin import find_origin


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("the need to answer Syria's request for an inquiry into the attack", "Syria"),
        ("it confirms the Iraqi government’s concerns about the militias", "Iraqi government"),
        ("He doubted the Defence Ministry's account of the raid.", "Defence Ministry"),
        ("The army's claims were denied by residents.", "army"),
        ("The army said 12 fighters were killed.", None),
    ],
)
def test_origin_names_the_party_relayed(text, origin):
    assert find_origin(text) == origin
