"""Blind set G's routing misses on its release (bench/results/nlu.md), kept as regression cases after the
set was retired into training: each conversation as the classifier read it (intent and confidence),
through the situation model and its routing. Unit level: no servers."""

from __future__ import annotations

import pytest

from bot.places.resolver import find_places
from bot.situation.routing import route
from tests.unit.situation_turns import professional_route, situation

# ---------------------------------------------------------------- the place said after the worry, in lower case


def test_a_place_in_lower_case_followed_by_a_verb_of_living_is_found():  # fi-g-004
    found = find_places("tarviis pariterapiaa, riidellään koko ajan. kotkassa asutaan")
    assert [p.municipality for p in found] == ["Kotka"]


def test_an_eagle_in_a_story_is_no_place():
    assert find_places("näin linturetkellä kotkan ja kaksi haukkaa, lapset tykkäsi kovasti") == []


# ---------------------------------------------------------------- marks on a child are a report's matter


def test_bruises_seen_on_a_neighbours_child_go_to_child_welfare_first():  # fi-g-016
    s = situation(
        ("naapurin pojalla on usein mustelmia", "child_welfare_concern", 0.97),
        ("se on ehkä 8", "deny", 0.23),
        ("Hämeenlinnassa asutaan", "inform_location", 1.0, "area"),
    )
    assert route(s).categories[0] == "child_welfare"


def test_a_child_seen_being_hit_is_still_the_emergency_services_first():
    s = situation(
        ("naapurin poikaa lyödään, sillä on mustelmia", "child_welfare_concern", 0.97),
        ("Hämeenlinnassa asutaan", "inform_location", 1.0, "area"),
    )
    assert route(s).categories[0] == "social_emergency"


def test_a_short_follow_up_does_not_add_a_mood_once_a_worry_is_held():  # fi-g-016, last turn
    s = situation(
        ("naapurin pojalla on usein mustelmia", "child_welfare_concern", 0.97),
        ("en tunne niitä kunnolla", "parent_mental_health", 0.82),
    )
    assert route(s).needs == ["child_welfare_concern"]


def test_a_short_first_message_still_says_the_worry():
    s = situation(("mies ei auta yhtään", "relationship_support", 0.82))
    assert route(s).needs == ["relationship_support"]


# ---------------------------------------------------------------- economic control


def test_a_partner_who_watches_every_purchase_and_the_bank_account_is_economic_violence():  # fi-g-025
    s = situation(
        (
            "Saako mieheni tietää, jos kysyn täältä apua siihen että hän valvoo kaikkia ostoksiani ja pankkitiliäni?",
            "ask_privacy",
            0.63,
        ),
        ("Raumalla asun", "inform_location", 1.0, "area"),
    )
    assert route(s).categories[0] == "violence_support"


def test_shopping_with_the_children_is_no_violence():
    s = situation(("teen ostoksia kaupassa lasten kanssa ja väsyttää ihan hirveesti", "family_support", 0.8))
    assert "domestic_violence" not in route(s).needs


# ---------------------------------------------------------------- whose substances


def test_substances_in_a_pupils_home_are_the_parents_and_a_report_is_asked():  # fi-g-035
    _, plan = professional_route(
        (
            "Olen kouluterveydenhoitaja Kristiinankaupungissa. Oppilaan kotona on päihteitä ja lapsi on usein "
            "nälkäinen. Teenkö lastensuojeluilmoituksen?",
            "professional_referral",
            0.59,
        )
    )
    assert "youth_substance_use" not in plan.needs
    assert plan.categories[0] == "child_welfare"


def test_ones_husband_who_drinks_in_front_of_the_children_is_no_young_persons_use():  # sv-g-020
    s = situation(
        ("Kan man få hjälp anonymt om ens man dricker och barnen ser det?", "substance_use_family", 0.87),
        ("Åbo", "inform_location", 1.0, "area"),
    )
    plan = route(s)
    assert plan.needs == ["substance_use_family"]
    assert plan.categories[0] == "adult_substance"


def test_a_pupil_who_drinks_is_still_a_young_persons_use():
    _, plan = professional_route(
        ("Olen kuraattori. Oppilas juo viikonloppuisin ja on tullut kouluun krapulassa.", "professional_referral", 0.9)
    )
    assert plan.needs[0] == "youth_substance_use"


# ---------------------------------------------------------------- a mood in Finland-Swedish slang


def test_a_depressed_mother_in_slang_is_a_mental_health_worry():  # sv-g-062
    s = situation(("mamma e jättedeppad", "inform_role", 0.28), ("Korsholm", "inform_location", 1.0, "area"))
    assert route(s).categories[0] == "mental_health"


# ---------------------------------------------------------------- signs of neglect said without the word


@pytest.mark.parametrize(
    "text",
    [
        "siskon lapset on aina ilman puhtaita vaatteita ja koti täynnä roskia",
        "pikkuinen ei oo käyny eskarissa kahteen viikkoon ja äiti ei vastaa",
        "Hos min syster är det skräp överallt och barnen går utan rena kläder",
    ],
)
def test_signs_of_neglect_go_to_child_welfare_first(text):
    s = situation((text, "family_support", 0.5), ("Lahdessa", "inform_location", 1.0, "area"))
    assert route(s).categories[0] == "child_welfare"


def test_a_cellar_full_of_junk_is_no_drinking_and_no_neglect():
    s = situation(("Vår källare är full med skräp, vi orkar inte med vardagen med tre barn", "family_support", 0.8))
    assert route(s).needs == ["family_support"]
