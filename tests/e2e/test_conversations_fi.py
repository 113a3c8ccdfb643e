"""Whole conversations in Finnish through the REST channel of the real Rasa server and action server."""

from __future__ import annotations

from bot.handoff import duty
from tests.e2e.conftest import customs, text_of
from tests.e2e.conftest import texts as _texts


def test_a_pregnant_person_using_drugs_in_kemi_gets_the_hal_clinic_first(chat):
    greeting = chat.say("hei")
    assert _texts(greeting)[0] == text_of("utter_greet", "fi")
    asked = chat.say("mä oon raskaana ja käytän amfetamiinia, mitä mun pitäis tehä")
    assert text_of("utter_ask_area", "fi") in _texts(asked) and not customs(asked, "service")
    answer = chat.say("asun kemissä")
    cards = customs(answer, "service")
    assert cards[0]["category"] == "hal_clinic" and {c["area"] for c in cards} <= {"lappi", "national"}
    assert 1 <= len(cards) <= 3 and customs(answer, "handoff_offer")


def test_a_first_message_that_says_everything_goes_straight_to_the_answer(chat):
    answer = chat.say("asutaan oulussa, mun mies juo tosi paljon ja meil on kolmen kuukauden vauva")
    cards = customs(answer, "service")
    assert cards and cards[0]["area"] == "pohjois-pohjanmaa" and cards[0]["category"] == "adult_substance"
    assert customs(answer, "handoff_offer")


def test_acute_danger_gets_emergency_guidance_first(chat):
    answer = chat.say("otin äsken kaikki mun lääkkeet enkä halua enää elää")
    assert answer[0]["text"] == text_of("utter_emergency", "fi")
    assert customs(answer, "emergency")


def test_danger_in_the_middle_of_the_service_search_interrupts_it(chat):
    asked = chat.say("mun mies on lyöny mua monta kertaa ja mä pelkään sitä")
    assert text_of("utter_ask_area", "fi") in _texts(asked)
    answer = chat.say("se hakkaa mua just nyt ja mä oon lukinnu itteni vessaan apua")
    assert customs(answer, "emergency")
    after = chat.say("kiitos")
    assert not customs(after, "service")  # the search was stopped, not resumed


def test_a_professional_gets_referral_guidance_and_the_regions_services(chat):
    asked = chat.say("olen neuvolan terveydenhoitaja, milloin minun pitää tehdä ennakollinen lastensuojeluilmoitus")
    assert text_of("utter_ask_area_professional", "fi") in _texts(asked)
    answer = chat.say("Kokkola")
    # After the understood-situation line (issue 11), the referral guidance comes first.
    assert _texts(answer)[1] == text_of("utter_referral_anticipatory", "fi")
    cards = customs(answer, "service")
    assert cards[0]["area"] == "keski-pohjanmaa" and cards[0]["category"] == "child_welfare"


def test_taking_the_offer_asks_consent_to_a_summary_for_the_countys_guide(chat, app_db):
    duty.set_switch(app_db, "lappi", "on")
    chat.say("mä en jaksa enää, vauva itkee koko ajan eikä kukaan auta")
    answer = chat.say("Sodankylä")
    assert customs(answer, "service") and customs(answer, "handoff_offer")
    consent = chat.say("joo kiitos")
    lines = {line.strip() for line in consent[-1]["text"].splitlines()}
    assert {"– asia: arjessa jaksaminen", "– alue: Lapin hyvinvointialue", "– kieli: suomi"} <= lines
    assert not customs(consent, "handoff_started")  # nothing happens before the yes


def test_an_unknown_place_gets_suggestions_and_a_tap_resolves_it(chat):
    chat.say("meillä on jatkuvasti riitaa ja mietitään eroa, miten lasten asiat sovitaan")
    suggested = chat.say("Rovanimi")
    if customs(suggested, "service"):  # the typo was clear enough to resolve directly
        assert customs(suggested, "service")[0]["area"] == "lappi"
        return
    buttons = [b for m in suggested for b in m.get("buttons", [])]
    assert buttons and buttons[0]["payload"] == '/inform_location{"municipality": "Rovaniemi"}'
    answer = chat.say(buttons[0]["payload"])
    assert customs(answer, "service")[0]["area"] == "lappi"


def test_not_telling_the_place_still_gets_national_help(chat):
    chat.say("mun mielessä pyörii pelottavia ajatuksia vauvasta ja mä oon ollu tosi masentunu")
    answer = chat.say("en halua kertoa")
    cards = customs(answer, "service")
    assert cards and {c["area"] for c in cards} == {"national"}


def test_a_privacy_question_is_answered_and_the_search_continues(chat):
    chat.say("meijän 15-vuotias poika polttaa pilveä ja juo viikonloppusin")
    privacy = chat.say("onks tää keskustelu ihan nimetön?")
    assert text_of("utter_privacy", "fi") in _texts(privacy)
    answer = chat.say("Pori")
    assert customs(answer, "service")[0]["area"] in ("satakunta", "national")


def test_a_county_outside_the_pilot_still_gets_an_answer(chat):
    answer = chat.say("asun tampereella ja oon ihan loppu, vauva ei nuku ja tarviisin apua arkeen")
    cards = customs(answer, "service")
    assert cards and {c["area"] for c in cards} <= {"pirkanmaa", "national"}


def test_asking_for_swedish_switches_the_language(chat):
    chat.say("moi")
    answer = chat.say("voitko puhua ruotsia")
    assert _texts(answer)[0] == text_of("utter_language_changed", "sv")


def test_contact_details_are_repeated_on_request(chat):
    first = chat.say("asun turussa ja mun puoliso käyttää huumeita, meillä on pieni lapsi")
    ids = [c["service_id"] for c in customs(first, "service")]
    chat.say("ei kiitos")
    again = chat.say("mikä sen puhelinnumero oli?")
    assert [c["service_id"] for c in customs(again, "service")] == ids
