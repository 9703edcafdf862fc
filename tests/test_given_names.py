"""Given names' usual gender, from Faker's name lists (the real package, no stub)."""
from __future__ import annotations

import pytest

from analysis.given_names import gender_of_given_name, is_given_name


@pytest.mark.parametrize("name, gender", [
    ("Karen", "f"), ("Margaret", "f"), ("Aoife", "f"), ("Amélia", "f"),
    ("Jonas", "m"), ("Graham", "m"), ("Dirk", "m"), ("Tomás", "m"),
    ("Jean", None), ("Kim", None), ("Taylor", None),     # used for both
    ("Haverkamp", None), ("Ghana", None),                 # not given names
])
def test_gender_of_given_name(name, gender):
    assert gender_of_given_name(name) == gender


@pytest.mark.parametrize("name, given", [
    ("Casey", True), ("Jordan", True), ("Karen", True), ("Jonas", True),
    ("Mittelstadt", False), ("Haverkamp", False),
])
def test_is_given_name_takes_names_of_either_gender(name, given):
    assert is_given_name(name) is given
