"""Whole conversations in Swedish through the REST channel of the real Rasa server and action server."""

from __future__ import annotations

from bot.handoff import duty
from tests.e2e.conftest import customs, language_of, text_of
from tests.e2e.conftest import texts as _texts


def test_a_partner_drinking_in_jakobstad_gets_pohjanmaa_services_in_swedish(chat):
    asked = chat.say("min sambo dricker och vi har en bebis")
    assert text_of("utter_ask_area", "sv") in _texts(asked)
    answer = chat.say("Jakobstad")
    # After the understood-situation line (issue 11).
    assert _texts(answer)[0].startswith("Jag förstod:")
    assert _texts(answer)[1].startswith(text_of("utter_recommend_substance_use_family", "sv").split("(")[0].strip())
    cards = customs(answer, "service")
    assert cards and {c["area"] for c in cards} <= {"pohjanmaa", "national"} and cards[0]["area"] == "pohjanmaa"
    assert cards[0]["category"] == "adult_substance"
    offer = customs(answer, "handoff_offer")
    assert offer and text_of("utter_offer_handoff", "sv") in _texts(answer)


def test_the_page_language_starts_the_conversation_in_swedish(chat):
    answer = chat.say("ok", metadata={"language": "sv"})
    assert _texts(answer) and {language_of(t) for t in _texts(answer)} == {"sv"}
    greeting = chat.say("hej")
    assert _texts(greeting)[0] == text_of("utter_greet", "sv")


def test_pregnancy_and_drugs_in_vasa_starts_with_the_hal_clinic(chat):
    answer = chat.say("jag är gravid och använder droger, vi bor i Vasa")
    cards = customs(answer, "service")
    assert cards[0]["category"] == "hal_clinic" and cards[0]["area"] == "pohjanmaa"


def test_acute_violence_gets_emergency_guidance_in_swedish(chat):
    answer = chat.say("min man slår mig just nu och barnen är hemma hjälp")
    assert answer[0]["text"] == text_of("utter_emergency", "sv")
    assert customs(answer, "emergency")


def test_a_professional_asking_about_a_forhandsanmalan(chat):
    asked = chat.say("jag är barnmorska, när ska jag göra en förhandsanmälan för en gravid klient som använder droger")
    assert text_of("utter_ask_area_professional", "sv") in _texts(asked)
    answer = chat.say("Karleby")
    assert _texts(answer)[1] == text_of("utter_referral_anticipatory", "sv")  # after the understood line
    assert customs(answer, "service")[0]["area"] == "keski-pohjanmaa"


def test_taking_the_offer_in_abo_out_of_hours_gives_the_countys_guidance(chat, app_db):
    duty.set_switch(app_db, "varsinais-suomi", "off")
    answer = chat.say("jag orkar inte längre, bebisen skriker hela nätterna och jag bor i Åbo")
    assert customs(answer, "service")[0]["area"] == "varsinais-suomi"
    guidance = chat.say("ja tack")
    assert customs(guidance, "handoff_unavailable")
    assert customs(guidance, "service")[0]["category"] == "family_guidance"
    assert customs(guidance, "service")[0]["area"] == "varsinais-suomi"


def test_not_telling_the_place_gets_national_lines(chat):
    chat.say("jag mår så dåligt efter förlossningen, jag gråter hela tiden och känner ingenting för barnet")
    answer = chat.say("vill inte säga")
    assert {c["area"] for c in customs(answer, "service")} == {"national"}


def test_a_typo_in_the_place_is_understood_or_suggested(chat):
    chat.say("vår 16-åring röker på och dricker varje helg, vad ska vi göra")
    answer = chat.say("Kokola")
    cards = customs(answer, "service")
    buttons = [b["payload"] for m in answer for b in m.get("buttons", [])]
    assert (cards and cards[0]["area"] == "keski-pohjanmaa") or '/inform_location{"municipality": "Kokkola"}' in buttons


def test_are_you_a_bot(chat):
    answer = chat.say("är du en robot eller en riktig människa")
    assert _texts(answer) == [text_of("utter_iamabot", "sv")]


def test_aland_is_explained(chat):
    answer = chat.say("vi bor i Mariehamn och jag orkar inte längre med vardagen med bebisen")
    assert text_of("utter_aland", "sv") in _texts(answer)
    assert customs(answer, "service")


def test_asking_for_finnish_switches_the_language(chat):
    chat.say("hej")
    answer = chat.say("kan vi prata finska")
    assert _texts(answer)[0] == text_of("utter_language_changed", "fi")
