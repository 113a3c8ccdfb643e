"""Actions against an in-memory directory, asserting on response names, arguments and payloads."""

from __future__ import annotations

import asyncio
import threading
from datetime import date

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.guidance import ActionGiveNationalHelp, ActionShowContactDetails
from bot.actions.service_search import ActionAskConcern, ActionRecommendServices, ValidateServiceForm
from bot.directory.hours import parse_hours
from bot.directory.memory import InMemoryDirectory
from bot.directory.records import Bilingual, County, Service, Sourced
from bot.domain import load_domain
from bot.places import resolver

DOMAIN = load_domain()


def _service(sid, category, county="pohjanmaa", municipalities=(), kind=None, phone="06 123 4567"):
    return Service(
        id=sid,
        category=category,
        county=county,
        kind=kind,
        name=Bilingual(f"{sid} fi", f"{sid} sv"),
        description=Bilingual("kuvaus", "beskrivning"),
        url=f"https://example.fi/{sid}",
        url_sv=f"https://example.fi/sv/{sid}",
        source="https://example.fi",
        checked=date(2026, 11, 22),
        municipalities=tuple(municipalities),
        phone=Sourced(phone, "https://example.fi") if phone else None,
        languages=("fi", "sv"),
        hours=parse_hours("24/7") if kind else parse_hours([{"days": "mon-fri", "from": "08:00", "to": "16:00"}]),
    )


@pytest.fixture
def directory():
    counties = [
        County(
            "pohjanmaa", "17", Bilingual("Pohjanmaan hyvinvointialue", "Österbottens välfärdsområde"), "https://ex.fi"
        ),
        County(
            "kanta-hame",
            "07",
            Bilingual("Kanta-Hämeen hyvinvointialue", "Egentliga Tavastlands välfärdsområde"),
            "https://omahame.fi",
            "https://omahame.fi/sv",
        ),
        County("ahvenanmaa", "91", Bilingual("Ahvenanmaa", "Åland"), "https://ahs.ax", in_system=False),
    ]
    services = [
        _service("jakobstad-substance", "adult_substance", municipalities=["Pietarsaari"]),
        _service("vaasa-substance", "adult_substance", municipalities=["Vaasa"]),
        _service("family-social", "family_social_work"),
        _service("mothers-home", "mother_child_home", phone=None),
        _service("hal", "hal_clinic"),
        _service("neuvola", "neuvola"),
        _service("guidance", "family_guidance"),
        _service("kst", "family_guidance", county="ahvenanmaa"),
    ]
    helplines = [
        _service("crisis", "crisis_line", None, kind="crisis"),
        _service("substance-line", "crisis_line", None, kind="substance"),
        _service("violence-line", "crisis_line", None, kind="violence"),
    ]
    return InMemoryDirectory(counties, services, helplines)


def _tracker(slots=None, text="", intent="inform_location", entities=(), events=()):
    slots = {"language": "fi", **(slots or {})}
    message = {"text": text, "intent": {"name": intent}, "entities": list(entities)}
    return Tracker("test", slots, message, list(events), False, None, None, "action_listen")


def _run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return dispatcher.messages, events


def _cards(messages):
    return [m["custom"] for m in messages if (m.get("custom") or {}).get("type") == "service"]


def test_a_partner_drinking_in_jakobstad_gets_pohjanmaa_services_in_swedish_and_the_offer(directory):
    tracker = _tracker(
        {
            "language": "sv",
            "concern": "substance_use_family",
            "area": "pohjanmaa",
            "municipality": "Pietarsaari",
            "role": "partner",
        }
    )
    messages, events = _run(ActionRecommendServices(directory), tracker)
    # The understood-situation line comes first, with its correction button (issue 11).
    assert messages[0]["response"] == "utter_understood" and "Jakobstad" in messages[0]["facts"]
    messages = messages[1:]
    assert messages[0]["response"] == "utter_recommend_substance_use_family"
    assert messages[0]["county"] == "Österbottens välfärdsområde"
    cards = _cards(messages)
    # No baby or pregnancy in the situation: no mother-and-child home; the county's guidance instead.
    assert [c["category"] for c in cards][:2] == ["adult_substance", "family_social_work"]
    assert "mother_child_home" not in [c["category"] for c in cards]
    assert cards[0]["service_id"] == "jakobstad-substance" and cards[0]["area"] == "pohjanmaa"
    assert cards[0]["name"] == "jakobstad-substance sv" and cards[0]["url"].startswith("https://example.fi/sv/")
    assert set(cards[0]) == {"type", "service_id", "category", "area", "name", "phone", "url", "open_now"}
    assert "Telefon: 06 123 4567" in messages[1]["details"] and "Öppettider: mån–fre 8–16" in messages[1]["details"]
    assert messages[-1]["response"] == "utter_offer_handoff"
    assert events == [SlotSet("last_services", [c["service_id"] for c in cards])]


def test_substance_use_in_pregnancy_starts_with_the_hal_clinic(directory):
    tracker = _tracker({"concern": "substance_use_pregnancy", "area": "pohjanmaa"})
    cards = _cards(_run(ActionRecommendServices(directory), tracker)[0])
    assert cards[0]["category"] == "hal_clinic" and 1 <= len(cards) <= 3


def test_a_professional_gets_referral_guidance_first(directory):
    events = [{"event": "user", "text": "milloin teen ennakollisen lastensuojeluilmoituksen?"}]
    tracker = _tracker({"concern": "professional_referral", "role": "professional", "area": "pohjanmaa"}, events=events)
    messages, _ = _run(ActionRecommendServices(directory), tracker)
    assert [m["response"] for m in messages[:3]] == [
        "utter_understood",
        "utter_referral_anticipatory",
        "utter_recommend_professional_referral",
    ]


def test_a_county_without_services_gets_its_web_page_and_national_lines(directory):
    tracker = _tracker({"language": "sv", "concern": "substance_use_family", "area": "kanta-hame"})
    messages, _ = _run(ActionRecommendServices(directory), tracker)
    messages = [m for m in messages if m.get("response") != "utter_understood"]
    assert messages[0]["response"] == "utter_county_fallback" and messages[0]["url"] == "https://omahame.fi/sv"
    assert {c["area"] for c in _cards(messages)} == {"national"}
    assert _cards(messages)[0]["service_id"] == "substance-line"


def test_aland_is_explained(directory):
    tracker = _tracker({"concern": "request_human", "area": "ahvenanmaa"})
    messages, _ = _run(ActionRecommendServices(directory), tracker)
    messages = [m for m in messages if m.get("response") != "utter_understood"]
    assert messages[0]["response"] == "utter_aland"
    assert _cards(messages)[0]["service_id"] == "kst"
    assert all(m.get("response") != "utter_offer_handoff" for m in messages)  # they asked for a human already


def test_the_form_reads_the_municipality_entity(directory):
    tracker = _tracker(
        {"requested_slot": "area"}, "asun pietarsaaressa", entities=[{"entity": "municipality", "value": "Pietarsaari"}]
    )
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateServiceForm().extract_area(dispatcher, tracker, DOMAIN))
    assert result == {"area": "pohjanmaa", "municipality": "Pietarsaari"}


def _places(text, *names):
    """Entities of `names` as the place extractor gives them: in order, with their offsets."""
    out = []
    for name, surface in names:
        start = text.index(surface)
        out.append({"entity": "municipality", "value": name, "start": start, "end": start + len(surface)})
    return out


@pytest.mark.parametrize(
    "text, names, home",
    [
        (
            "Jag bor på landet i Kronoby. Min son i Helsingfors tycker att jag borde anmäla.",
            [("Kruunupyy", "Kronoby"), ("Helsinki", "Helsingfors")],
            "Kruunupyy",
        ),
        (
            "Mies on töissä Helsingissä, oon päivät yksin täällä Hämeenlinnassa",
            [("Helsinki", "Helsingissä"), ("Hämeenlinna", "Hämeenlinnassa")],
            "Hämeenlinna",
        ),
        (
            "Muutettiin viime keväänä Tampereelle, vanhemmat asuu Kuopiossa",
            [("Tampere", "Tampereelle"), ("Kuopio", "Kuopiossa")],
            "Tampere",
        ),
    ],
)
def test_the_home_among_several_places_sets_area_and_municipality_alike(directory, text, names, home):
    # Rasa's entity mapping keeps the last place; the form's validation puts back the home extract_area chose.
    tracker = _tracker({"requested_slot": "area"}, text, entities=_places(text, *names))
    form, dispatcher = ValidateServiceForm(), CollectingDispatcher()
    area = asyncio.run(form.extract_area(dispatcher, tracker, DOMAIN))
    assert area["municipality"] == home
    assert area["area"] == resolver.county_of(home)
    assert asyncio.run(form.validate_municipality(names[-1][0], dispatcher, tracker, DOMAIN)) == {"municipality": home}


def test_an_unknown_place_gets_the_nearest_names_and_the_question_again(directory):
    tracker = _tracker({"requested_slot": "area"}, "Rovanimi", intent="nlu_fallback")
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ValidateServiceForm().extract_area(dispatcher, tracker, DOMAIN))
    assert result == {"area": None}
    assert dispatcher.messages[0]["response"] == "utter_municipality_suggestions"
    assert dispatcher.messages[0]["buttons"][0]["payload"] == '/inform_location{"municipality": "Rovaniemi"}'


def test_a_question_is_not_taken_for_a_place(directory):
    tracker = _tracker({"requested_slot": "area"}, "onks tää nimetön", intent="ask_privacy")
    dispatcher = CollectingDispatcher()
    assert asyncio.run(ValidateServiceForm().extract_area(dispatcher, tracker, DOMAIN)) == {}
    assert dispatcher.messages == []


def test_who_asks_decides_the_question(directory):
    for role, response in [
        ("professional", "utter_ask_client_situation"),
        ("relative", "utter_ask_concern_relative"),
        (None, "utter_ask_concern"),
    ]:
        messages, _ = _run(ActionAskConcern(), _tracker({"role": role}))
        assert messages[0]["response"] == response


def test_not_telling_the_place_still_gives_national_lines(directory):
    messages, _ = _run(ActionGiveNationalHelp(directory), _tracker({"concern": "domestic_violence"}))
    assert [m.get("response") for m in messages[:2]] == ["utter_no_place_needed", "utter_national_lines"]
    assert [c["service_id"] for c in _cards(messages)] == ["violence-line", "crisis"]


def test_contact_details_repeat_what_was_recommended(directory):
    messages, _ = _run(ActionShowContactDetails(directory), _tracker({"last_services": ["hal", "crisis"]}))
    assert messages[0]["response"] == "utter_contact_details"
    assert [c["service_id"] for c in _cards(messages)] == ["hal", "crisis"]
    messages, _ = _run(ActionShowContactDetails(directory), _tracker({}))
    assert messages[0]["response"] == "utter_ask_which_service"


class _BrokenDirectory(InMemoryDirectory):
    def county(self, code):
        from sqlalchemy.exc import OperationalError

        raise OperationalError("select", {}, Exception("database is down"))


def test_a_broken_database_still_gives_the_emergency_and_crisis_lines():
    tracker = _tracker({"concern": "substance_use_family", "area": "pohjanmaa"})
    messages, events = _run(ActionRecommendServices(_BrokenDirectory()), tracker)
    assert [m["response"] for m in messages] == ["utter_directory_unavailable"] and events == []
    assert all("112" in v["text"] for v in DOMAIN["responses"]["utter_directory_unavailable"])


class _ThreadRecorder:
    """A directory that notes the thread of every lookup (in production each is a database query)."""

    def __init__(self, inner) -> None:
        self.inner, self.threads = inner, []

    def __getattr__(self, name):
        found = getattr(self.inner, name)
        if not callable(found):
            return found

        def call(*args, **kwargs):
            self.threads.append(threading.get_ident())
            return found(*args, **kwargs)

        return call


@pytest.mark.parametrize(
    "action, slots",
    [
        (ActionRecommendServices, {"concern": "substance_use_family", "area": "pohjanmaa", "municipality": "Vaasa"}),
        (ActionGiveNationalHelp, {"concern": "substance_use_family"}),
        (ActionShowContactDetails, {"last_services": ["vaasa-substance"]}),
    ],
)
def test_directory_lookups_run_off_the_event_loop_thread(directory, action, slots):
    """The action server's event loop never waits on the directory's database (issue 16 item 5)."""
    recorder = _ThreadRecorder(directory)

    async def on_the_loop():
        dispatcher = CollectingDispatcher()
        await action(recorder).run(dispatcher, _tracker(slots), DOMAIN)
        return threading.get_ident(), dispatcher.messages

    loop_thread, messages = asyncio.run(on_the_loop())
    assert _cards(messages) and recorder.threads
    assert loop_thread not in recorder.threads
