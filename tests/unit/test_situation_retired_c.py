"""Blind set C's routing misses on the release (bench/results/nlu.md), kept as regression cases after the
set was retired into training: each conversation as the release's classifier read it (intent and
confidence), through the situation model and its routing. Unit level: no servers."""

from __future__ import annotations

import pytest

from bot.actions.sami import sami_categories
from bot.actions.service_search import _moved_from_or_to
from bot.situation import model
from bot.situation.routing import route
from tests.unit.situation_turns import situation

# ---------------------------------------------------------------- emotional and economic violence, no blow


@pytest.mark.parametrize(
    "text, intent, confidence, kind",
    [
        (  # fi-c-036
            "Mieheni hoitaa kaikki raha-asiat eikä anna minulle pankkitunnuksia. Joudun pyytämään rahaa jopa "
            "vauvan vaippoihin ja selittämään jokaisen ostoksen.",
            "family_support",
            0.25,
            "economic",
        ),
        (  # fi-c-039
            "Hän on ottanut lapsilisät omalle tililleen ja sanoo, että jos lähden, en saa mitään eikä lapsia. "
            "Meillä on kaksi pientä.",
            "domestic_violence",
            0.75,
            "economic",
        ),
        (  # fi-c-040
            "Mulla ei oo omaa puhelinta, käytän miehen vanhaa ja sillä on siihen kaikki salasanat. Se ei halua et "
            "mä käyn kavereilla tai töissä.",
            "deny",
            0.32,
            "emotional",
        ),
        (  # sv-c-037
            "han läser alla mina meddelanden och har lagt spårning på min telefon, ja vågar int åka till affären "
            "utan att fråga",
            "domestic_violence",
            0.98,
            "emotional",
        ),
    ],
)
def test_control_of_money_or_phone_is_violence(text, intent, confidence, kind):
    s = situation((text, intent, confidence))
    assert kind in model.value(s, "violence")
    assert route(s).categories[0] == "violence_support"


def test_a_later_detail_keeps_the_violence():  # sv-c-037
    s = situation(
        ("han läser alla mina meddelanden och har lagt spårning på min telefon", "domestic_violence", 0.98),
        ("vi har två barn", "substance_use_family", 0.58, "area"),
    )
    assert route(s).categories[0] == "violence_support"


# ---------------------------------------------------------------- pregnancy and substances, youth


def test_smoking_cannabis_in_pregnancy_asked_with_a_fear_of_child_welfare_is_hal():  # sv-c-011
    s = situation(
        (
            "om ja berättar på mödrarådgivningen att ja har rökt på under graviditeten, får barnskyddet veta de då?",
            "substance_use_pregnancy",
            0.49,
        ),
        ("ja bor i Jakobstad", "inform_location", 1.0, "area"),
    )
    assert "child_welfare_concern" not in route(s).needs
    assert route(s).categories[0] == "hal_clinic"


def test_a_professionals_pregnant_client_with_a_week_number_is_hal():  # fi-c-016, fi-c-020
    s = situation(
        (
            "lääkäri terveysasemalta, potilas raskausviikolla 9, alkoholin suurkulutus ja aiempi "
            "lastensuojeluasiakkuus. lähete minne?",
            "professional_referral",
            0.98,
        )
    )
    # where the county has no HAL clinic (Länsi-Uusimaa) the neuvola comes next, before child welfare
    assert route(s, topics=["child_welfare"]).categories[:2] == ["hal_clinic", "neuvola"]


def test_a_pupil_named_by_a_school_counsellor_is_a_young_person():  # sv-c-017
    s = situation(
        (
            "ja jobbar som skolkurator i Lovisa. en elev i åttan har berättat att han röker cannabis flera gånger "
            "i veckan och vill int att föräldrarna får veta. vilka tjänster finns för honom?",
            "professional_referral",
            0.94,
        )
    )
    assert route(s).needs[0] == "youth_substance_use"
    assert route(s, topics=["youth", "substance_family"]).categories[0] == "youth_substance"


def test_terse_spoken_partner_drinking():  # fi-c-031
    s = situation(("äijä dokaa taas", "substance_use_family", 0.42), ("kuhmos", "inform_location", 1.0, "area"))
    assert model.value(s, "subject") == "partner"
    assert route(s).categories[0] == "adult_substance"


# ---------------------------------------------------------------- Sámi: by the need named


@pytest.mark.parametrize(
    "text, intent, confidence, first",
    [
        (
            "Olen raskaana ja haluaisin käydä neuvolassa pohjoissaameksi. Asun Utsjoella.",
            "ask_capabilities",
            1.0,
            "neuvola",
        ),  # fi-c-042
        (
            "ja e gravid och skulle vilja gå på rådgivningen på nordsamiska",
            "ask_capabilities",
            1.0,
            "neuvola",
        ),  # sv-c-042
        (  # sv-c-041
            "finns de familjerådgivning på samiska? min man och ja bråkar hela tiden och vi bor i Enare",
            "ask_capabilities",
            1.0,
            "family_counselling",
        ),
        (  # sv-c-045
            "mamma dricker och ska ta hand om mina småsyskon, finns de hjälp på enaresamiska?",
            "ask_capabilities",
            1.0,
            "adult_substance",
        ),
        (  # fi-c-045
            "Onko Ivalossa mielenterveyspalveluja inarinsaameksi? Olen ollut synnytyksen jälkeen todella masentunut.",
            "parent_mental_health",
            0.98,
            "mental_health",
        ),
        ("Voinko saada palvelua saameksi?", "ask_capabilities", 1.0, "family_guidance"),
    ],
)
def test_a_sami_question_is_routed_by_the_need_it_names(text, intent, confidence, first):
    assert sami_categories(situation((text, intent, confidence)))[0] == first


# ---------------------------------------------------------------- long stories: the place moved to


def test_moved_to_a_town_last_spring_is_where_one_lives():  # fi-c-026
    text = "Hei, en oikein tiedä mistä aloittaa. Muutimme Raumalle viime keväänä miehen työn perässä"
    start = text.index("Raumalle")
    assert not _moved_from_or_to(text, {"entity": "municipality", "start": start, "end": start + 8})
    text = "exä haluaa muuttaa Raumalle"
    start = text.index("Raumalle")
    assert _moved_from_or_to(text, {"entity": "municipality", "start": start, "end": start + 8})


def test_writing_from_a_place_is_where_one_lives():  # sv-c-037
    text = "ja skriver från Kimitoön"
    start = text.index("Kimitoön")
    assert not _moved_from_or_to(text, {"entity": "municipality", "start": start, "end": start + 8})
    text = "Vi flyttade hit från Vasa för hans jobb"
    start = text.index("Vasa")
    assert _moved_from_or_to(text, {"entity": "municipality", "start": start, "end": start + 4})


@pytest.mark.parametrize(
    "text, municipality",
    [("Onko Ivalossa mielenterveyspalveluja inarinsaameksi?", "Inari"), ("vi bor i Ivalo", "Inari")],
)  # fi-c-045, sv-c-045
def test_a_village_of_the_sami_homeland_is_its_municipality(text, municipality):
    from bot.places import resolver

    assert [m.municipality for m in resolver.find_places(text)] == [municipality]


def test_a_detail_when_asked_the_place_keeps_the_search():  # sv-c-037
    from bot.actions.service_search import _adds_a_detail

    class Tracker:
        latest_message = {"intent": {"name": "substance_use_family", "confidence": 0.52}, "text": "vi har två barn"}

    assert _adds_a_detail(Tracker())


# ---------------------------------------------------------------- long stories: the main worry, not a mention


def test_a_mother_who_cries_every_day_and_feels_nothing_is_mental_health():  # sv-c-028
    s = situation(
        (
            "ja bor i Rovaniemi sen två år och har en bebis på fyra månader. min sambo jobbar i gruvan i veckoskift "
            "så ja e mycket ensam. förlossningen gick bra och bebisen e frisk, vi har också fått en bra dagisplats "
            "till storebror. men ja gråter varje dag, känner ingenting när ja håller henne och orkar knappt duscha. "
            "på rådgivningen sa ja att allt e bra. ja skäms.",
            "parent_mental_health",
            0.50,
        )
    )
    assert route(s).categories[0] == "mental_health"


def test_a_negated_just_now_is_not_urgency():  # sv-c-029
    s = situation(
        (
            "Jag är mormor och bor själv i Nyslott, dottern med sina två barn bor tre kilometer bort. Jag har haft "
            "en höftoperation så jag kör inte bil just nu. När jag senast var där var kylskåpet tomt, minsta hade "
            "ingen ren blöja och den äldre på sju hade inte varit i skolan på en vecka. Dottern säger att hon bara "
            "är trött. Jag vill inte förstöra vår relation men jag är orolig för barnen.",
            "child_welfare_concern",
            0.885,
        )
    )
    assert model.value(s, "urgency") is None
    assert route(s).categories[0] == "child_welfare"
