"""The situation model: evidence with confidence, precedence of strong over weak, the answer to the
question just asked, several needs at once, corrections; and the routing it gives."""

from __future__ import annotations

import pytest

from bot.situation import model
from bot.situation.describe import fragments
from bot.situation.reading import Message, read
from bot.situation.routing import line_fits, route


def said(*turns, situation=None):
    """Merge messages given as (text, intent, confidence[, asked]) into a situation."""
    s = situation or model.empty()
    for turn in turns:
        text, intent, confidence, *rest = turn
        s = model.merge(
            s, read(Message(text=text, intent=intent, confidence=confidence, asked=rest[0] if rest else None))
        )
    return s


# ---------------------------------------------------------------- evidence and precedence


def test_a_weak_later_reading_never_replaces_the_worry():
    s = said(
        ("mun mies on lyöny mua ja mä pelkään sitä", "domestic_violence", 0.9),
        ("meil on 3 kuukauden vauva", "substance_use_family", 0.35, "area"),
    )
    assert route(s).concern == "domestic_violence"
    assert model.value(s, "baby_months") == 3


def test_a_strong_fact_stays_when_a_weaker_one_follows():
    s = model.merge(model.empty(), model.Reading(facts=[model.Fact("role", "pregnant", 0.9)]))
    s = model.merge(s, model.Reading(facts=[model.Fact("role", "partner", 0.6)]))
    assert model.value(s, "role") == "pregnant"
    s = model.merge(s, model.Reading(facts=[model.Fact("role", "relative", 1.0)]))
    assert model.value(s, "role") == "relative"  # a stronger (a button) does


def test_the_answer_to_the_worry_question_is_read_as_that_answer():
    weak = said(("en tiedä, vähän kaikkea", "family_support", 0.3))
    assert model.needs(weak) == []
    answered = said(("en tiedä, vähän kaikkea", "family_support", 0.3, "concern"))
    assert model.needs(answered) == ["family_support"]


def test_several_needs_hold_at_once_and_violence_comes_first():
    s = said(
        ("puoliso käyttää amfetamiinia ja oon raskaana", "substance_use_pregnancy", 0.8),
        ("se on myös lyönyt mua", "domestic_violence", 0.7),
    )
    r = route(s)
    assert r.needs[:2] == ["domestic_violence", "substance_use_pregnancy"]
    assert r.categories[:3] == ["violence_support", "social_emergency", "hal_clinic"]


def test_correction_forgets_the_worry_but_keeps_the_place():
    s = said(("mun mies juo", "substance_use_family", 0.9))
    s = model.merge(s, model.Reading(facts=[model.Fact("area", "lappi", 1.0)]))
    corrected = model.forget(s)
    assert model.needs(corrected) == [] and model.value(corrected, "area") == "lappi"
    assert model.value(corrected, "subject") is None


def test_a_malformed_slot_is_an_empty_situation():
    assert model.load("nonsense") == model.empty()
    assert model.load(None)["facts"] == {}


# ---------------------------------------------------------------- what one message says


@pytest.mark.parametrize(
    "text, week",
    [
        ("raskausviikko 14 ja poltan pilveä", 14),
        ("oon rv 11 nyt", 11),
        ("olen raskausviikolla 28", 28),
        ("jag är i vecka 18 och gravid", 18),
        ("gravid patient v 16 på substitutionsbehandling", 16),
    ],
)
def test_a_pregnancy_written_as_a_week_counts(text, week):
    s = said((text, "substance_use_family", 0.4))
    assert model.value(s, "pregnancy") and model.value(s, "pregnancy_week") == week


@pytest.mark.parametrize(
    "text",
    [
        "asiakkaani on raskausviikolla 14 ja käyttää kannabista",
        "min sambo e gravid o dricker",
        "oon raskaana enkä oo saanu lopetettua pilvenpolttoa",
        "gravid o röker på",
    ],
)
def test_pregnancy_and_any_substance_is_the_hal_clinic_first(text):
    s = said((text, "substance_use_family", 0.5))
    assert route(s).categories[0] == "hal_clinic"


@pytest.mark.parametrize(
    "text",
    [
        "löysin pojan huoneesta pussillisen pilvee, se on 15",
        "sonen 15 fyllo",
        "dottern 15 har börjat röka på",
        "oppilas, 15 v, polttaa kannabista lähes päivittäin",
    ],
)
def test_a_young_persons_substance_use_is_a_youth_case(text):
    s = said((text, "substance_use_family", 0.5))
    assert route(s).concern == "youth_substance_use"
    assert route(s).categories[0] == "youth_substance"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("se lukee kaikki mun viestit ja soittaa kymmenen kertaa putkeen", "emotional"),
        ("vaimo vahtii mun puhelinta enkä saa tavata omia vanhempia", "emotional"),
        ("mies ei anna mulle rahaa ja pitää kaikki rahat omalla tilillään", "economic"),
        ("min man säger att ja e dum o ful varje dag", "emotional"),
        ("sambon har tagit lån i mitt namn o tar hela min lön", "economic"),
        ("min man kontrollerar alla mina pengar", "economic"),
        ("se löi mua ku olin raskaana", "physical"),
    ],
)
def test_emotional_and_economic_violence_are_violence(text, kind):
    s = said((text, "relationship_support", 0.45))
    assert kind in model.value(s, "violence")
    assert route(s).categories[:2] == ["violence_support", "social_emergency"]


def test_tight_money_alone_is_not_violence():
    s = said(("rahat on tiukalla ja arki on raskasta", "family_support", 0.8))
    assert not model.value(s, "violence")
    assert route(s).concern == "family_support"


def test_a_long_professional_message_names_every_need():
    text = (
        "Työskentelen koulukuraattorina yläkoulussa. Oppilas, 15 v, on kertonut polttavansa kannabista lähes "
        "päivittäin. Hänen äitinsä juo runsaasti. Tarvitaanko lastensuojeluilmoitus?"
    )
    s = said((text, "professional_referral", 0.7))
    r = route(s, topics=["youth", "child_welfare"])
    assert r.audience == "professionals"
    assert r.categories[:2] == ["youth_substance", "child_welfare"]
    assert {"utter_referral_youth", "utter_referral_child_welfare"} <= set(r.referrals)


def test_a_missing_category_falls_back_to_the_family_guidance_before_national_lines():
    s = said(("me riidellään koko ajan", "relationship_support", 0.9))
    assert route(s).categories[-1] == "family_guidance"


def test_the_sami_question_is_noted():
    assert model.value(said(("voinko saada apua saameksi", "request_human", 0.5)), "sami")
    assert model.value(said(("finns det familjetjänster på enaresamiska", "out_of_scope", 0.4)), "sami")


# ---------------------------------------------------------------- lines by audience


def test_a_baby_family_line_fits_only_a_pregnancy_or_a_baby():
    teen = said(("poika 15 juo joka viikonloppu", "youth_substance_use", 0.9))
    baby = said(("mies juo ja meillä on 3kk vauva", "substance_use_family", 0.9))
    assert not line_fits(("families", "baby_families"), teen)
    assert line_fits(("families", "baby_families"), baby)
    assert line_fits(("families",), teen)


# ---------------------------------------------------------------- the understood line


def test_the_understood_line_says_pregnancy_substance_and_place():
    s = said(("oon raskaana ja puoliso juo", "substance_use_pregnancy", 0.9))
    keys = [k for k, _ in fragments(s, route(s).needs, "Kemi")]
    assert keys[0] == "utter_fact_pregnant_self" and "utter_fact_place" in keys
    assert any(k.startswith("utter_fact_substance_") for k in keys)


# ---------------------------------------------------------------- where one lives, not where one moved from


@pytest.mark.parametrize(
    "text, place, moved",
    [
        ("Vi flyttade hit från Vasa för hans jobb", "Vasa", True),
        ("exet vill flytta till tammerfors med barnen", "tammerfors", True),
        ("vi har flyttat till Kuopio", "Kuopio", False),
        ("muutettiin tänne Vaasasta viime vuonna", "Vaasa", True),
        ("asun Vaasassa", "Vaasa", False),
        ("Olen terveydenhoitaja Kokkolasta", "Kokkola", False),
    ],
)
def test_a_place_moved_from_or_to_is_not_the_home(text, place, moved):
    from bot.actions.service_search import _moved_from_or_to

    start = text.index(place)
    end = (
        start
        + len(place)
        + (len(text[start + len(place) :]) - len(text[start + len(place) :].lstrip("abcdefghijklmnopqrstuvwxyzäö")))
    )
    assert _moved_from_or_to(text, {"entity": "municipality", "start": start, "end": end}) is moved


# ---------------------------------------------------------------- the correction button on every channel


@pytest.mark.parametrize("lang, title", [("fi", "Ei ihan – korjaa"), ("sv", "Inte riktigt – rätta")])
@pytest.mark.rasa_only  # python-telegram-bot runs inside the Rasa server
def test_the_correction_button_is_a_telegram_button_with_its_payload(lang, title):
    from bot.domain import load_domain
    from connectors import telegram_format as fmt

    domain = load_domain()
    variation = next(v for v in domain["responses"]["utter_understood"] if v["condition"][0]["value"] == lang)
    reply = {"recipient_id": "x", "text": variation["text"].format(facts="…"), "buttons": variation["buttons"]}
    out = fmt.render_all([reply])
    assert [(r[0].text, r[0].callback_data) for r in out[-1].keyboard.inline_keyboard] == [
        (title, "/correct_situation")
    ]
