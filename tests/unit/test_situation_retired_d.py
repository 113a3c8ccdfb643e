"""Blind set D's routing misses on its release (bench/results/nlu.md), kept as regression cases after the
set was retired into training: each conversation as the classifier read it (intent and confidence),
through the situation model and its routing. Unit level: no servers."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.handoff import ActionNotUnderstood
from bot.actions.sami import sami_categories
from bot.situation import model
from bot.situation.routing import route
from tests.unit.situation_turns import situation

# ---------------------------------------------------------------- a child writes about a parent's drinking


def test_a_thirteen_year_old_whose_father_drinks_gets_child_welfare_the_familys_social_work_and_the_childrens_line():
    s = situation(  # fi-d-019
        ("mun isä juo ja mä oon 13, en tiiä kenelle puhuu", "substance_use_family", 0.95),
        ("asun keravalla", "inform_location", 1.0, "area"),
    )
    assert model.value(s, "role") == "young"
    plan = route(s)
    assert plan.needs[0] == "substance_use_family"
    assert plan.categories[:2] == ["child_welfare", "family_social_work"]
    assert "adult_substance" not in plan.categories
    assert plan.line_kinds[0] == "children" and "parents" not in plan.line_kinds


def test_a_young_person_saying_their_own_age_and_drinking_is_a_youth_case():  # fi-d-016
    s = situation(("oon 15 ja juon joka viikonloppu ihan överit", "youth_substance_use", 0.9))
    assert model.value(s, "role") == "young"
    assert route(s).needs[0] == "youth_substance_use"


def test_an_adults_own_age_is_not_a_childs():
    s = situation(("Olen 34-vuotias ja asun Kemissä kahden lapsen kanssa.", "inform_location", 0.6))
    assert model.value(s, "child_age") is None
    assert model.value(s, "role") != "young"


# ---------------------------------------------------------------- whose drinking


def test_my_childs_father_who_drinks_is_a_partner_not_a_young_user():  # fi-d-018
    s = situation(
        (
            "Olen suomenkielinen äiti Maarianhaminassa. Lapseni isä pelaa rahapelejä ja juo, lapset ovat pieniä. "
            "Onko apua suomeksi?",
            "substance_use_family",
            0.7,
        )
    )
    assert model.value(s, "subject") == "partner"
    assert route(s).needs[0] == "substance_use_family"
    assert route(s).categories[0] == "adult_substance"


def test_the_father_who_drives_drunk_with_the_children_is_not_a_youth_case():  # sv-d-012
    s = situation(
        (
            "Vad händer om jag säger till barnskyddet att pappan kör bil med barnen när han är full, tar de barnen "
            "då från mig också?",
            "ask_privacy",
            0.8,
        ),
        ("vi bor i Träskända", "inform_location", 1.0, "area"),
    )
    assert model.value(s, "subject") == "partner"
    assert "youth_substance_use" not in route(s).needs


def test_a_grandfather_who_drinks_with_small_children_visiting_is_a_family_case():  # sv-d-034
    s = situation(
        (
            "min pappa talar bara nordsamiska och dricker mycket, vi har små barn som är hos honom ibland. finns "
            "det missbrukarvård på samiska?",
            "substance_use_family",
            0.8,
        )
    )
    assert model.value(s, "subject") == "parent"
    assert "youth_substance_use" not in route(s).needs
    assert sami_categories(s)[0] == "adult_substance"


# ---------------------------------------------------------------- long stories: the worry, not the background


def test_a_separation_years_ago_is_background_to_a_depression_now():  # fi-d-021
    s = situation(
        (
            "Hei. Olen 34-vuotias ja asun Kemissä kahden lapsen kanssa. Ero tuli kaksi vuotta sitten ja se meni "
            "aika sovussa, exän kanssa lapset on vuoroviikoin. Työpaikka vaihtui syksyllä. Viime kuukausina oon "
            "huomannut, että itken lähes joka päivä, en jaksa nousta aamulla ja mikään ei tunnu miltään, vaikka "
            "lasten kanssa yritän esittää iloista. Koira pitää liikkeellä. Lapset voi hyvin luulisin.",
            "parent_mental_health",
            0.45,
        )
    )
    assert "relationship_support" not in route(s).needs
    assert route(s).categories[0] == "mental_health"


def test_a_quarrel_now_is_still_a_relationship_worry():
    s = situation(("Erosimme viime vuonna ja nyt riidellään huoltajuudesta joka viikko.", "relationship_support", 0.5))
    assert route(s).needs[0] == "relationship_support"


def test_a_relatives_story_of_a_mother_who_feels_nothing_for_the_baby_is_mental_health():  # sv-d-024
    s = situation(
        (
            "Jag skriver för min svägerska egentligen. Hon bor i Tavastehus och fick sitt andra barn i våras. På "
            "senaste tiden har hon slutat svara i telefon, sagt att hon inte känner något för bebisen och att hon "
            "bara vill sova.",
            "nlu_fallback",
            0.2,
        )
    )
    assert "parent_mental_health" in route(s).needs


def test_a_long_story_the_classifier_could_not_place_goes_on_to_the_search_a_short_one_is_asked_again():
    story = (
        "Jag skriver för min svägerska. Hon fick sitt andra barn i våras och har sagt att hon inte känner något "
        "för bebisen och att hon bara vill sova."
    )
    for text, expected in ((story, [FollowupAction("service_form")]), ("asdf qwerty", [])):
        s = situation((text, "nlu_fallback", 0.2))
        tracker = Tracker(
            "d-024",
            {"language": "sv", "situation": s},
            {"text": text, "intent": {"name": "nlu_fallback"}, "entities": []},
            [{"event": "user", "text": text, "parse_data": {"intent": {"name": "nlu_fallback"}}}],
            False,
            None,
            None,
            "action_listen",
        )
        dispatcher = CollectingDispatcher()
        events = asyncio.run(ActionNotUnderstood().run(dispatcher, tracker, {}))
        assert events == expected
        assert bool(dispatcher.messages) == (not expected)  # the short one is asked to say it again


# ---------------------------------------------------------------- the guidance finds what the county lacks


def test_a_young_persons_use_lists_the_family_service_guidance_right_after_youth_services():  # sv-d-023
    s = situation(
        (
            "Nu i veckan hittade jag en påse med vita tabletter i dotterns jacka, hon är fjorton och har varit ute "
            "sent.",
            "youth_substance_use",
            0.64,
        )
    )
    assert route(s).categories[:2] == ["youth_substance", "family_guidance"]


def test_a_sami_question_about_support_in_parenting_gets_the_guidance_first():  # fi-b-030
    s = situation(
        (
            "Buorre beaivi! voinko kirjottaa pohjoissaameksi vai pitääkö suomeksi, tarviin tukea lasten kasvatukseen",
            "family_support",
            0.7,
        )
    )
    assert sami_categories(s)[0] == "family_guidance"
