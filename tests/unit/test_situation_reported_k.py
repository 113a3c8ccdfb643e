"""Blind set K's routing misses on the eighth session's release (bench/results/nlu.md, "set K release"), read only
after that measure was reported: regression cases for the general readings written from them, each with a
counter-case. Set K is development data now; the next release claim needs a new blind set."""

from __future__ import annotations

from bot.places.resolver import find_places
from bot.situation.routing import route
from tests.unit.situation_turns import situation


def _first(*turns) -> str:
    return route(situation(*turns)).categories[0]


def test_small_childrens_father_who_drinks_is_a_parents_use_not_a_young_persons():  # sv-k-037
    text = "Mina två barn är 1 och 3 och deras pappa har börjat dricka mer sedan han blev permitterad."
    assert _first((text, "substance_use_family", 0.7), ("vi bor i Hangö", "inform_location", 0.9)) == "adult_substance"
    assert _first(("pojan huoneesta löytyi pilveä", "youth_substance_use", 0.9)) == "youth_substance"


def test_ukko_is_a_husband_in_swedish_too():  # sv-k-014
    turns = (
        ("ukko dricker å ja vill hjälp för familjen", "substance_use_family", 0.8),
        ("joo vi har barn", "affirm", 0.6),
        ("tre", "inform_role", 0.5),
        ("Lovisa", "inform_location", 1.0),
    )
    assert _first(*turns) == "adult_substance"


def test_big_children_are_no_stora():  # sv-k-016
    assert find_places("vi är styvfamilj, mina två stora bor också hos oss varannan vecka") == []
    assert [m.municipality for m in find_places("Storå")] == ["Isojoki"]


def test_threats_hardness_and_locked_accounts_are_violence():  # sv-k-054, sv-k-068, sv-k-039
    assert _first(("frugan e hotfull", "domestic_violence", 0.5), ("Raseborg", "inform_location", 1.0)) == (
        "violence_support"
    )
    text = "sambon har bytt lösenord på allt, min mejl, bankid, facebook. ja har int tillgång till nånting. vi har en bebis"
    assert _first((text, "domestic_violence", 0.5)) == "violence_support"
    text = "Min man är hård mot mig och barnen är rädda. Hjälp på svenska eller arabiska?"
    assert _first((text, "request_human", 0.4)) == "violence_support"
    assert _first(("läraren är hård mot barnen i skolan", "child_welfare_concern", 0.5)) == "child_welfare"
