"""Blind set B's routing misses on the release (bench/results/nlu.md), kept as regression cases after the
set was retired into training: each conversation as the release's classifier read it (intent and
confidence), through the situation model and its routing. Unit level: no servers."""

from __future__ import annotations

import pytest

from bot.places import resolver
from bot.places.finnish import fold
from bot.situation import model
from bot.situation.negation import negated
from bot.situation.routing import route
from tests.unit.situation_turns import situation

# ---------------------------------------------------------------- long stories: the main worry, not a mention


def test_a_couple_shouting_at_each_other_is_a_relationship_crisis_not_violence():  # fi-b-019
    s = situation(
        (
            "me ollaan oltu yhessä kymmenen vuotta ja meillä on 6v ja 9v. viime syksynä selvis et mies oli "
            "viestitelly toisen naisen kanssa ja siitä asti mä en oo pystyny luottamaan siihen yhtään. se haluis "
            "jatkaa ja mäkin ehkä, mut joka ilta päädytään huutamaan keittiössä ja lapset kuulee. tarvittais "
            "jotain apua tähän ennen ku kaikki menee rikki",
            "relationship_support",
            0.36,
        ),
        ("heinolassa", "inform_location", 1.0, "area"),
    )
    assert not model.value(s, "violence")
    assert route(s).categories[0] == "family_counselling"


def test_a_negated_mention_of_violence_is_not_violence():  # sv-b-021
    s = situation(
        (
            "sen vår dotter föddes för ett år sen har ja å min sambo int varit ett par längre, bara föräldrar. "
            "vi grälar om småsaker, han sover på soffan å vi pratar bara om blöjor å räkningar. ingen har varit "
            "elak eller våldsam men ja känner att vi håller på att tappa varandra. finns de parsamtal nånstans",
            "relationship_support",
            0.99,
        )
    )
    assert not model.value(s, "violence")
    assert route(s).categories[0] == "family_counselling"


def test_a_pounding_heart_is_anxiety_not_a_blow():  # fi-b-023
    s = situation(
        (
            "muutettiin miehen työn perässä Maarianhaminaan vuos sitten ja mä oon kotona meiän 1- ja 3-vuotiaan "
            "kanssa. viime kuukausina oon ollu jatkuvasti ahdistunu, sydän hakkaa ja itkettää ilman syytä. mies "
            "sanoo et kyl se tästä. en jaksa enää ees leikkiä lasten kanssa",
            "parent_mental_health",
            0.64,
        )
    )
    assert not model.value(s, "violence")
    assert route(s).categories[0] == "mental_health"


def test_a_grandparents_story_of_neglect_is_a_child_welfare_worry_not_custody():  # fi-b-021
    s = situation(
        (
            "mun pojan ex asuu meiän lapsenlasten kanssa Espoossa ja mä oon tosi huolissani. viimeks ku haettiin "
            "ne meille viikonlopuks, 4-vuotiaalla oli täit ja kynnet ihan mustat ja se söi ku ei olis syöny "
            "päiviin. vauvalla oli vaippaihottuma ihan verillä. poika ei uskalla tehä mitään ku pelkää et "
            "menettää tapaamiset. mitä me isovanhempina voidaan tehdä",
            "relationship_support",
            0.38,
        )
    )
    assert route(s).needs[0] == "child_welfare_concern"
    assert route(s).categories[0] == "child_welfare"


@pytest.mark.parametrize(
    "before, negative",
    [
        ("ingen har varit elak eller ", True),
        ("ei se oo ", True),
        ("han blir int ", True),
        ("mies ei oo koskaan ", True),
        ("en tiiä mitä tehä ku se ", False),
        ("en tiedä, se ", False),
        ("han har aldrig ", True),
        ("se juo ja ", False),
    ],
)
def test_negation_reaches_a_cue_in_its_clause_and_its_list_only(before, negative):
    assert negated(fold(before)) is negative


# ---------------------------------------------------------------- places


def test_a_place_where_someone_else_lives_is_not_the_home():  # fi-b-022
    text = "poikaystävä lähti melkein heti ja mä asun yksin kerrostalossa. äiti asuu Rovaniemellä eikä pysty auttaa"
    places = resolver.find_places(text)
    assert [p.municipality for p in places] == ["Rovaniemi"]  # "lähti" (left) is not Lahti
    assert resolver.someone_elses(text, places[0].start)
    espoo = "mun pojan ex asuu meiän lapsenlasten kanssa Espoossa"
    assert not resolver.someone_elses(espoo, espoo.index("Espoossa"))
    own = "ja e morfar å bor i Joensuu. min dotters pojke e 9"  # sv-b-024: the writer is the grandfather
    assert not resolver.someone_elses(own, own.index("Joensuu"))
    both = "min mamma bor i Vasa men vi bor i Karleby"
    assert [resolver.someone_elses(both, p.start) for p in resolver.find_places(both)] == [True, False]


@pytest.mark.parametrize(
    "text, municipality",
    [
        ("hfors", "Helsinki"),
        ("hki", "Helsinki"),
        ("stadi", "Helsinki"),
        ("asutaan Porvoossa", "Porvoo"),
        ("Kannus", "Kannus"),
        ("asun Lahdessa", "Lahti"),
        ("Kemissä", "Kemi"),
        ("kajana", "Kajaani"),
    ],
)
def test_short_and_spoken_place_names_resolve(text, municipality):
    assert resolver.resolve(text).municipality == municipality


def test_an_added_umlaut_is_not_a_place():
    assert resolver.find_places("poikaystävä lähti") == []
    assert resolver.resolve("lahti").municipality == "Lahti"


# ---------------------------------------------------------------- pregnancy by week, with substances


@pytest.mark.parametrize(
    "text, intent, confidence, week",
    [
        (
            "om ja berättar att ja e i vecka 18 å tar subutex utan recept, kommer polisen då",
            "ask_privacy",
            0.77,
            18,
        ),  # sv-b-008
        (
            "barnmorska i Uleåborg, patienten e i v 28 å dricker dagligen, vart ska hon remitteras",
            "professional_referral",
            0.97,
            28,
        ),  # sv-b-014
        ("oon 18. raskausviikolla ja poltan pilveä", "substance_use_family", 0.5, 18),
        ("asiakas rvk 22 ja juo viikonloppuisin", "professional_referral", 0.9, 22),
        ("hon e i 20:e veckan o dricker", "substance_use_family", 0.5, 20),
    ],
)
def test_a_pregnancy_week_with_a_substance_is_the_hal_clinic_first(text, intent, confidence, week):
    s = situation((text, intent, confidence))
    assert model.value(s, "pregnancy_week") == week
    assert route(s).needs[0] == "substance_use_pregnancy"
    assert route(s).categories[0] == "hal_clinic"


def test_a_baby_of_some_weeks_is_not_a_pregnancy():
    s = situation(
        ("bebin skriker jämt", "family_support", 0.40),
        ("kajana", "inform_location", 1.0, "area"),
        ("3 veckor", "inform_role", 0.27),
    )  # sv-b-027
    assert not model.value(s, "pregnancy")
    assert route(s).needs == ["family_support"]


# ---------------------------------------------------------------- terse Swedish follow-ups


def test_a_daughter_who_smokes_pot_and_is_15_is_a_youth_case():  # sv-b-028
    s = situation(
        ("dottern röker på", "youth_substance_use", 0.98),
        ("hon e 15", "inform_role", 0.49),
        ("hfors", "inform_location", 1.0, "area"),
    )
    assert route(s).categories[0] == "youth_substance"
