"""Blind set F's routing misses on its release (bench/results/nlu.md), kept as regression cases after the
set was retired into training: each conversation as the classifier read it (intent and confidence),
through the situation model and its routing. Unit level: no servers."""

from __future__ import annotations

from bot.places.resolver import find_places
from bot.situation import model
from bot.situation.routing import route
from tests.unit.situation_turns import professional_route, situation

# ---------------------------------------------------------------- a substance guess with no substance


def test_a_new_father_who_feels_lost_has_no_substance_case_the_classifier_guessed():  # sv-f-041
    s = situation(
        (
            "Jag är en pappa till en nyfödd och känner mig helt vilsen, vet inte hur man tar hand om en bebis. "
            "Vill ha hjälp på svenska.",
            "substance_use_family",
            0.53,
        )
    )
    plan = route(s)
    assert plan.needs[0] == "family_support"
    assert "adult_substance" not in plan.categories[:2]


def test_a_young_pregnant_woman_without_support_is_no_hal_case():  # fi-f-009
    s = situation(
        (
            "oon raskaana ja nuori, ei oo ketään tukena ja mietin pärjäänkö vauvan kanssa",
            "substance_use_pregnancy",
            0.35,
        )
    )
    plan = route(s)
    assert "substance_use_pregnancy" not in plan.needs
    assert plan.categories[0] == "neuvola"  # an expecting family's everyday worry: the maternity clinic


def test_drinking_said_in_the_past_tense_inside_a_privacy_question_is_kept():  # fi-f-019
    s = situation(
        (
            "Jos kerron neuvolassa että join raskauden alussa paljon, tehdäänkö siitä lastensuojeluilmoitus?",
            "ask_privacy",
            0.57,
        )
    )
    assert route(s).needs[0] == "substance_use_pregnancy"
    assert model.value(s, "child_welfare") is None  # the fear of a notification is no child-welfare worry


# ---------------------------------------------------------------- a young parent, a professional's case


def test_a_young_mother_expecting_is_no_youth_case_and_the_home_she_asks_for_comes_first():  # sv-f-035
    _, plan = professional_route(
        (
            "Sjukskötare på mödrapolikliniken i Kuopio. En ung mamma som väntar sitt första barn behöver boende "
            "med stöd efter förlossningen eftersom hon haft ett missbruk. Hur hänvisar jag till mödrahem?",
            "professional_referral",
            0.98,
        )
    )
    assert plan.categories[0] == "mother_child_home"
    assert "youth_substance_use" not in plan.needs


def test_a_pupil_who_says_her_mother_drinks_puts_the_childs_safety_first():  # sv-f-037
    _, plan = professional_route(
        (
            "Skolhälsovårdare i Närpes: en 14-årig flicka har kommit berusad till skolan två gånger och säger att "
            "hennes mamma också dricker. Vart hänvisar jag henne och familjen?",
            "professional_referral",
            0.96,
        )
    )
    assert plan.categories[0] == "child_welfare"


def test_a_midwife_asking_for_housing_with_the_baby_for_a_mother_in_substitution_treatment():  # fi-f-031
    _, plan = professional_route(
        (
            "Kätilö Kotkasta: synnyttäjällä opioidikorvaushoito ja ei tukiverkkoa. Tarvitaan asumismuotoinen tuki "
            "vauvan kanssa. Mitä vaihtoehtoja?",
            "family_support",
            0.61,
        )
    )
    assert plan.categories[0] in ("mother_child_home", "hal_clinic")
    assert "adult_substance" not in plan.categories[:2]


# ---------------------------------------------------------------- neglect, fear, children's quarrels


def test_a_pupil_without_food_or_winter_clothes_is_a_child_welfare_worry():  # sv-f-034
    _, plan = professional_route(
        (
            "Jag är lärare i Kyrkslätt och en av mina elever på åk 7 verkar vanskött, kommer utan mat och "
            "vinterkläder. Vad ska jag göra och vart kontaktar jag?",
            "professional_referral",
            0.94,
        )
    )
    assert plan.categories[0] == "child_welfare"


def test_neighbours_children_who_starve_said_in_three_words():  # sv-f-064
    plan = route(situation(("grannungarna svälter nog", "affirm", 0.27)))
    assert plan.needs == ["child_welfare_concern"] and plan.categories[0] == "child_welfare"


def test_a_suspicion_that_the_neighbours_children_are_hit_goes_to_the_child_welfare_office():  # sv-f-026
    s = situation(
        (
            "Måste jag själv anmäla till barnskyddet om jag misstänker att grannens barn blir slagna?",
            "child_welfare_concern",
            0.99,
        )
    )
    assert route(s).categories[0] == "child_welfare"
    # Seen now, it is urgent: the social emergency service first.
    seen = situation(("grannens barn blir slagna just nu, jag hör det", "child_welfare_concern", 0.9))
    assert route(seen).categories[0] == "social_emergency"


def test_the_wife_scares_me_is_fear_of_a_partner():  # fi-f-057
    s = situation(("akka pelottaa mua", "domestic_violence", 0.46))
    assert model.value(s, "violence") == ["emotional"]
    assert route(s).categories[0] == "violence_support"


def test_siblings_who_fight_are_no_violence_in_a_worn_out_mothers_story():  # sv-f-054
    s = situation(
        (
            "Vi är en familj på fem i Ingå. Jag är hemma med yngsta som är åtta månader och de äldre är fyra och "
            "sju. Jag orkar inte längre, det är tvätt och bråk och matlagning från morgon till kväll och de äldre "
            "slåss hela tiden.",
            "family_support",
            0.9,
        )
    )
    assert model.value(s, "violence") is None
    assert route(s).categories[0] != "violence_support"


def test_mum_always_drunk_with_no_role_said_gets_the_parents_services_and_child_welfare():  # sv-f-062
    plan = route(situation(("mamma e full jämt", "substance_use_family", 0.38)))
    assert plan.categories[:2] == ["adult_substance", "child_welfare"]


def test_a_place_to_live_with_the_baby_is_the_mother_and_child_home():  # fi-f-027
    s = situation(
        (
            "Onks mitään paikkaa mihin voi mennä vauvan kanssa asumaan jos ei kotona pärjää yksin?",
            "child_welfare_concern",
            0.44,
        )
    )
    assert route(s).categories[0] == "mother_child_home"


# ---------------------------------------------------------------- Sámi villages


def test_villages_of_the_sami_homeland_are_their_municipality():  # fi-f-077, sv-f-080
    assert [p.municipality for p in find_places("koltansaamea puhuva mummo Sevettijärveltä")] == ["Inari"]
    assert [p.municipality for p in find_places("Vi bor i Sevettijärvi.")] == ["Inari"]
    assert [p.municipality for p in find_places("asumme Karesuvannolla")] == ["Enontekiö"]


# ---------------------------------------------------------------- who writes: a retired professional, a young parent


def test_a_retired_teacher_writing_of_her_grandchildren_is_a_relative_with_a_child_welfare_worry():  # fi-f-050
    s = situation(
        (
            "Olen eläkkeellä oleva opettaja Ylivieskasta. Lapsenlapseni asuvat naapurissa tyttäreni kanssa. Lapset "
            "ovat usein iltaisin yksin, nuorin vasta nelivuotias, eikä heillä ole syötävää. Mitä pitäisi tehdä?",
            "child_welfare_concern",
            0.82,
        )
    )
    assert model.value(s, "role") != "professional"
    assert route(s).categories[0] == "child_welfare"


def test_a_nineteen_year_old_parent_who_drinks_is_an_adults_use_in_a_family():  # fi-f-045
    plan = route(situation(("Olen 19 ja juon paljon, mulla on 1-vuotias lapsi.", "youth_substance_use", 0.65)))
    assert plan.needs[0] == "substance_use_family"
    assert "youth_substance" not in plan.categories[:2]


def test_sleeping_pills_in_a_pregnancy_asked_inside_a_privacy_question():  # sv-f-028
    s = situation(
        (
            "Kan min sambo få veta om jag söker hjälp för att jag tar för mycket sömnmedel under graviditeten?",
            "ask_privacy",
            0.5,
        ),
        ("Jag bor i Jyväskylä.", "inform_location", 1.0, "area"),
    )
    assert route(s).categories[0] == "hal_clinic"


def test_a_mother_and_child_home_asked_for_by_name_is_the_need_when_nothing_else_is_said():  # sv-f-009
    s = situation(
        (
            "Jag är ensamstående och gravid och har ingenstans att bo, finns det mödrahem nära S:t Michel?",
            "substance_use_pregnancy",
            0.31,
        )
    )
    plan = route(s)
    assert plan.needs and plan.categories[0] in ("mother_child_home", "neuvola")


# ---------------------------------------------------------------- tracking and mocking


def test_a_tracking_app_and_mockery_by_the_husband_are_emotional_violence():  # sv-f-072
    s = situation(
        (
            "Min man har installerat nån app som visar var jag är hela tiden och han hånar allt jag gör. Vi bor i Kemi.",
            "domestic_violence",
            0.4,
        )
    )
    assert route(s).categories[0] == "violence_support"


def test_a_bus_app_and_classmates_teasing_are_no_partner_violence():
    assert (
        route(situation(("vi har en app som visar var bussen är, barnen älskar den", "out_of_scope", 0.8))).needs == []
    )
    s = situation(("kaverit pilkkaa poikaa koulussa", "child_welfare_concern", 0.8))
    assert "domestic_violence" not in route(s).needs
