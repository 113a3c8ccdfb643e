"""What a card shows from a directory record: named contacts only to professionals, the unit's line to
parents, the county's way in, and "check the number" for a record from an old source (in-memory fake)."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.guidance import ActionShowContactDetails
from bot.actions.service_search import ActionRecommendServices
from bot.directory.memory import InMemoryDirectory
from bot.directory.records import Bilingual, Contact, County, NamedContact, Service, Sourced, WayIn
from bot.domain import load_domain

DOMAIN = load_domain()
PERSON = NamedContact(
    "Maija Meikäläinen",
    "https://example.fi/ammattilaisille",
    date(2026, 11, 30),
    Bilingual("perheohjaaja", "familjehandledare"),
    phone="040 765 4321",
    email="maija.meikalainen@example.fi",
)


def _service(sid, category, **kwargs):
    return Service(
        id=sid,
        category=category,
        county="lappi",
        name=Bilingual(f"{sid} fi", f"{sid} sv"),
        description=Bilingual("kuvaus", "beskrivning"),
        url=f"https://example.fi/{sid}",
        source="https://example.fi",
        checked=date(2026, 11, 22),
        languages=("fi", "sv"),
        audience=("families", "professionals"),
        **kwargs,
    )


@pytest.fixture
def directory():
    county = County("lappi", "21", Bilingual("Lapin hyvinvointialue", "Lapplands välfärdsområde"), "https://lapha.fi")
    return InMemoryDirectory(
        [county],
        [
            _service(
                "guidance",
                "family_guidance",
                phone=Sourced("016 322 0000", "https://example.fi"),
                contacts=(PERSON,),
                contact=Contact(
                    Bilingual("palveluohjaaja", "servicehandledare"), "Ville Virtanen", "https://example.fi"
                ),
            ),
            _service(
                "family-work",
                "family_social_work",
                review=True,
                phone=Sourced("016 322 1111", "https://old.example.fi"),
            ),
            _service(
                "child-welfare",
                "child_welfare",
                how_to_reach=WayIn(
                    Bilingual(
                        "Tee ilmoitus lomakkeella; kiireellisissä tilanteissa 112.",
                        "Gör en anmälan med blanketten; i brådskande fall 112.",
                    ),
                    "https://example.fi/ls",
                    "https://example.fi/ls/lomake",
                ),
            ),
        ],
    )


def _run(action, slots):
    tracker = Tracker(
        "t",
        {"language": "fi", "area": "lappi", **slots},
        {"text": "", "intent": {"name": "inform_location"}, "entities": []},
        [],
        False,
        None,
        None,
        "action_listen",
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return {
        m["custom"]["service_id"]: m["details"]
        for m in dispatcher.messages
        if (m.get("custom") or {}).get("type") == "service"
    }


def test_a_parent_sees_the_units_line_and_no_named_person(directory):
    cards = _run(ActionRecommendServices(directory), {"concern": "family_support", "role": "parent"})
    assert "Puhelin: 016 322 0000" in cards["guidance"]
    assert "Maija" not in cards["guidance"] and "Ville" not in cards["guidance"]
    assert "Yhteyshenkilö: palveluohjaaja" in cards["guidance"]  # the role, not the person


@pytest.mark.parametrize(
    "slots", [{"role": "professional", "concern": "professional_referral"}, {"concern": "professional_referral"}]
)
def test_a_professional_sees_the_named_contacts_in_their_language(directory, slots):
    cards = _run(ActionRecommendServices(directory), {**slots, "language": "sv"})
    assert (
        "Kontaktperson för yrkespersoner: Maija Meikäläinen, familjehandledare, 040 765 4321, "
        "maija.meikalainen@example.fi"
    ) in cards["guidance"]
    assert "Kontaktperson: servicehandledare, Ville Virtanen" in cards["guidance"]
    assert "Telefon: 016 322 0000" in cards["guidance"]  # the unit's line stays


def test_contact_details_again_follow_who_is_asking(directory):
    parent = _run(ActionShowContactDetails(directory), {"last_services": ["guidance"], "role": "parent"})
    professional = _run(ActionShowContactDetails(directory), {"last_services": ["guidance"], "role": "professional"})
    assert "Maija" not in parent["guidance"] and "Maija Meikäläinen" in professional["guidance"]


@pytest.mark.parametrize(
    "lang, words",
    [("fi", "tarkista numero hyvinvointialueen sivulta"), ("sv", "kontrollera numret på välfärdsområdets webbplats")],
)
def test_a_number_from_an_old_source_comes_with_check_it_on_the_countys_page(directory, lang, words):
    cards = _run(ActionRecommendServices(directory), {"concern": "family_support", "language": lang})
    lines = cards["family-work"].splitlines()
    assert lines[0].endswith("016 322 1111") and words in lines[1]
    assert words not in cards["guidance"]  # a record without review: no warning


def test_the_countys_way_in_is_shown_when_the_unit_has_no_line(directory):
    cards = _run(ActionRecommendServices(directory), {"concern": "child_welfare_concern", "language": "sv"})
    assert (
        "Så här tar du kontakt: Gör en anmälan med blanketten; i brådskande fall 112. https://example.fi/ls/lomake"
    ) in cards["child-welfare"]
