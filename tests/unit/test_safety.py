"""The Rasa-side safety net: crisis NLU component, SafetyPolicy, the action-failure guard; and the
channel side: emergency first, rate limit, truncation, county contact."""

from __future__ import annotations

import asyncio

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import CRISIS_KEY
from bot.nlu.crisis import CrisisDetector
from bot.policies import action_guard
from bot.policies.safety import SafetyPolicy
from bot.safety.contacts import county_contact
from bot.server import fallback

CONTEXT = ExecutionContext(GraphSchema({}), "test")


@pytest.fixture(scope="module")
def domain():
    return Domain.load("domain.yml")


@pytest.fixture(scope="module")
def policy():
    return SafetyPolicy.create(
        SafetyPolicy.get_default_config(), LocalModelStorage("/tmp"), Resource("safety"), CONTEXT
    )


def _message(text: str, intent: str, confidence: float = 0.9) -> Message:
    ranking = [
        {"name": intent, "confidence": confidence},
        {"name": "domestic_violence", "confidence": 0.08},
        {"name": "relationship_support", "confidence": 0.02},
    ]
    message = Message({TEXT: text})
    message.set(INTENT, ranking[0])
    message.set(INTENT_RANKING_KEY, ranking)
    return message


def _nlu(text: str, intent: str, confidence: float = 0.9) -> Message:
    component = CrisisDetector.create(
        CrisisDetector.get_default_config(), LocalModelStorage("/tmp"), Resource("crisis"), CONTEXT
    )
    return component.process([_message(text, intent, confidence)])[0]


def test_acute_danger_becomes_an_emergency_whatever_the_classifier_said():
    message = _nlu("mulla on kädessä purkki lääkkeitä ja mä aion ottaa ne kaikki", "parent_mental_health")
    assert message.get(INTENT) == {"name": "emergency", "confidence": 1.0}
    assert message.get(INTENT_RANKING_KEY)[0]["name"] == "emergency"
    assert message.get(CRISIS_KEY)["acute"] and message.get(CRISIS_KEY)["category"] == "suicide"


def test_an_idiom_takes_back_the_classifiers_emergency():
    message = _nlu("mä tapan sen jos se ei tiskaa", "emergency", 0.9)
    assert message.get(INTENT)["name"] == "nlu_fallback"  # the next intent (0.08) is below the threshold
    assert all(i["name"] != "emergency" for i in message.get(INTENT_RANKING_KEY))


def test_without_evidence_the_classifiers_emergency_stays():
    assert (
        _nlu("han tog min telefon jag skriver från datorn han slår mig", "emergency").get(INTENT)["name"] == "emergency"
    )


def _tracker(domain, *events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("safety-test", [ActionExecuted("action_listen"), *events], domain.slots)


def _chosen(policy, domain, tracker) -> str | None:
    prediction = policy.predict_action_probabilities(tracker, domain)
    if max(prediction.probabilities) == 0:
        return None
    return domain.action_names_or_texts[prediction.probabilities.index(max(prediction.probabilities))]


def test_the_policy_puts_the_emergency_guidance_first_and_then_lets_the_rules_go_on(policy, domain):
    acute = UserUttered(
        "vauva ei hengitä", {"name": "emergency", "confidence": 1.0}, parse_data={CRISIS_KEY: {"acute": True}}
    )
    tracker = _tracker(domain, acute)
    assert _chosen(policy, domain, tracker) == "utter_emergency"
    tracker.update(ActionExecuted("utter_emergency"))
    assert _chosen(policy, domain, tracker) is None


def test_the_policy_stays_quiet_in_an_ordinary_turn(policy, domain):
    tracker = _tracker(domain, UserUttered("hei", {"name": "greet", "confidence": 1.0}))
    assert _chosen(policy, domain, tracker) is None


def test_after_a_failed_action_the_countys_contact_once_then_listen(policy, domain):
    tracker = _tracker(
        domain,
        SlotSet("language", "fi"),
        SlotSet("area", "lappi"),
        UserUttered("mun mies juo", {"name": "substance_use_family", "confidence": 1.0}),
    )
    action_guard.mark_failed(tracker)
    prediction = policy.predict_action_probabilities(tracker, domain)
    chosen = domain.action_names_or_texts[prediction.probabilities.index(1.0)]
    assert chosen == "utter_services_unavailable"
    assert prediction.optional_events == [SlotSet("fallback_contact", county_contact("lappi", "fi"))]
    tracker.update(ActionExecuted("utter_services_unavailable"))
    assert _chosen(policy, domain, tracker) == "action_listen"
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("kiitos", {"name": "thank", "confidence": 1.0}))
    assert _chosen(policy, domain, tracker) is None  # a new turn: the failure was the last turn's


def test_without_a_place_the_national_lines(policy, domain):
    tracker = _tracker(domain, UserUttered("apua", {"name": "request_human", "confidence": 1.0}))
    action_guard.mark_failed(tracker)
    assert _chosen(policy, domain, tracker) == "utter_directory_unavailable"


def test_the_guard_notes_a_failed_remote_action_and_keeps_rasas_behaviour(domain):
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig

    action_guard.install()
    action = RemoteAction("action_recommend_services", EndpointConfig("http://127.0.0.1:9/webhook"))
    tracker = _tracker(domain, UserUttered("moi", {"name": "greet", "confidence": 1.0}))
    with pytest.raises(Exception):  # noqa: B017 - any failure: the test is about what the guard records
        asyncio.run(action.run(None, None, tracker, domain))
    assert action_guard.failed_this_turn(tracker)


def test_the_channel_puts_emergency_guidance_first_once():
    card = {"text": "HAL", "custom": {"type": "service"}}
    emergency = fallback.emergency("sv")  # as Rasa sends it: the text, then the payload
    assert (
        emergency[0]["text"].startswith("Om du eller någon annan är i fara")
        and emergency[1]["custom"]["type"] == "emergency"
    )
    assert fallback.emergency_first([card], "sv") == emergency + [card]
    later = fallback.emergency_first([card] + fallback.emergency("fi"), "fi")
    assert later == fallback.emergency("fi") + [card]  # moved to the front, said once
    assert fallback.emergency_first(emergency + [card], "sv") == emergency + [card]


# -- the crisis net's middle tier and the handoff flag -----------------------------------------------

from bot.analytics.schema import DailyCountRow  # noqa: E402
from bot.handoff import messages as handoff_messages  # noqa: E402
from connectors import conversation  # noqa: E402
from tests.unit.test_relay import (  # noqa: E402,F401
    FakeAgent,
    FakeBot,
    _activate,
    _start,
    db,  # noqa: E402,F401  (the fixture)
)

CHECKIN_FI = "en jaksa enää mitään, ihan sama mitä mulle käy"
CHECKIN_SV = "jag orkar inte mer, det spelar ingen roll vad som händer med mig"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_check_in_is_short_in_the_persons_language_with_112_and_the_crisis_line(language):
    text, payload = fallback.checkin(language)
    assert payload["custom"]["type"] == "emergency" and payload["custom"]["tier"] == "checkin"
    assert {"112", "09 2525 0111"} <= set(payload["custom"]["numbers"])
    assert "112" in text["text"] and len(text["text"]) < 400 and text["buttons"][0]["payload"] == "/emergency"
    assert text["text"] != fallback.checkin("sv" if language == "fi" else "fi")[0]["text"]
    assert fallback.emergency(language)[1]["custom"]["tier"] == "acute"


def test_the_check_in_comes_first_unless_emergency_guidance_already_does():
    card = {"text": "HAL", "custom": {"type": "service"}}
    checkin = fallback.checkin("fi")
    assert fallback.checkin_first([card], "fi") == checkin + [card]
    assert fallback.checkin_first(fallback.emergency("fi") + [card], "fi") == fallback.emergency("fi") + [card]
    # acute wins over a check-in: the full guidance first, the check-in dropped
    assert fallback.emergency_first(checkin + [card], "fi") == fallback.emergency("fi") + [card]


def _say(agent, bot, text, sender="p1"):
    return asyncio.run(conversation.converse(agent, bot, sender, text, "rest"))


async def _set_language(agent, sender, language):
    from rasa.shared.core.events import SlotSet

    tracker = await agent.tracker_store.get_or_create_tracker(sender)
    tracker.update(SlotSet("language", language))
    await agent.tracker_store.save(tracker)


@pytest.mark.parametrize("text, language", [(CHECKIN_FI, "fi"), (CHECKIN_SV, "sv")])
def test_an_uncertain_message_gets_the_check_in_then_the_answer_and_is_counted(db, text, language):
    agent = FakeAgent()
    bot = FakeBot(agent)
    asyncio.run(_set_language(agent, "p1", language))  # as the LanguagePolicy does in the real server
    replies = _say(agent, bot, text)
    assert replies[:2] == [{"recipient_id": "p1", **r} for r in fallback.checkin(language)]  # addressed as Rasa's
    assert replies[-1]["text"] == f"bot: {text}"  # then the conversation goes on
    with db.connect() as connection:
        rows = connection.execute(DailyCountRow.__table__.select()).all()
    assert [(r.metric, r.key) for r in rows] == [("crisis_tier", "checkin")]


def test_while_waiting_for_a_guide_a_flagged_message_is_answered_at_once_and_flagged(db):
    agent = FakeAgent()
    bot = FakeBot(agent)
    handoff = _start(db, agent, language="fi")
    acute = _say(agent, bot, "haluan kuolla")
    assert acute[1]["custom"]["tier"] == "acute" and bot.heard == []
    checkin = _say(agent, bot, CHECKIN_FI)
    assert checkin[1]["custom"]["tier"] == "checkin"
    assert _say(agent, bot, "hei, onko siellä ketään") == []
    flags = [m.body.get("risk") for m in handoff_messages.history(db, "p1")]
    assert flags == ["acute", "checkin", None]
    assert handoff_messages.risk_flags(db, [handoff.id]) == {handoff.id: "acute"}
    _activate(db, handoff)
    # a guide is there: the check-in is the guide's to make; acute danger still gets the guidance first
    assert _say(agent, bot, CHECKIN_FI) == []
    assert _say(agent, bot, "jag vill dö")[1]["custom"]["tier"] == "acute"
