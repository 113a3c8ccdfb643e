"""The event stream Rasa publishes turned into anonymous counts (nothing that leads back to a person), and the
broker as Rasa loads it. Rasa-only (tests/conftest.py): it builds Rasa 3.6 events; the counters themselves
are tested in both runtimes in test_analytics.py."""

from __future__ import annotations

import asyncio
from datetime import date

from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from sqlalchemy import inspect, text

from bot.analytics.counters import unanswered
from bot.analytics.events import EventCounter
from tests.unit.test_analytics import _totals, db  # noqa: F401  (db is a fixture)


def _events(sender, *events):
    return [{"sender_id": sender, **e.as_dict()} for e in events]


def _user(text, intent, confidence=0.9, ranking=()):
    parse = {
        "intent": {"name": intent, "confidence": confidence},
        "entities": [],
        "text": text,
        "intent_ranking": [{"name": intent, "confidence": confidence}, *ranking],
    }
    return UserUttered(text, parse["intent"], [], parse_data=parse)


def _all_text(engine) -> str:
    """Everything stored in every app table, as one string."""
    dump = []
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            dump += [repr(tuple(row)) for row in connection.execute(text(f'SELECT * FROM "{table}"'))]
    return "\n".join(dump)


def test_a_conversation_is_counted_once_with_its_county_and_nothing_personal_is_kept(db):
    counter = EventCounter(db)
    sender = "telegram-123456789"
    for event in _events(
        sender,
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        _user("hei", "greet"),
        SlotSet("language", "fi"),
        ActionExecuted("utter_greet"),
        ActionExecuted("action_listen"),
        _user(
            "mun nimi on Matti, numero 040 765 4321, mitä teen",
            "nlu_fallback",
            0.3,
            [{"name": "family_support", "confidence": 0.25}],
        ),
        ActionExecuted("utter_fallback"),
        ActionExecuted("action_listen"),
        _user("asun pietarsaaressa", "inform_location"),
        SlotSet("area", "pohjanmaa"),
        ActionExecuted("service_form"),
        ActionExecuted("action_listen"),
        _user("hän uhkaa tappaa", "emergency"),
        ActionExecuted("utter_emergency"),
        ActionExecuted("action_listen"),
    ):
        counter.handle(event)
    counter.flush()
    assert _totals(db, "conversation") == 1 and _totals(db, "conversation", county="pohjanmaa", language="fi") == 1
    assert _totals(db, "intent", key="greet", county="") == 1
    assert _totals(db, "intent", key="emergency", county="pohjanmaa") == 1
    assert _totals(db, "fallback", key="family_support", language="fi") == 1
    assert _totals(db, "emergency", county="pohjanmaa", language="fi") == 1
    [message] = unanswered(db, date(2000, 1, 1), date(2100, 1, 1))
    assert message.reason == "nlu_fallback" and message.intent == "family_support"
    assert "[phone]" in message.text and "040" not in message.text
    stored = _all_text(db)
    assert sender not in stored and "123456789" not in stored


def test_a_conversation_that_never_says_where_is_counted_without_a_county_when_it_goes_quiet(db):
    clock = [1_800_000_000.0]
    counter = EventCounter(db, idle_seconds=600, clock=lambda: clock[0], sweep_every=0)
    for event in _events(
        "a",
        SessionStarted(timestamp=clock[0]),
        _user("moi", "greet"),
        SlotSet("language", "sv"),
        ActionExecuted("utter_greet"),
    ):
        counter.handle(event)
    assert _totals(db, "conversation") == 0  # it may still tell its county
    clock[0] += 601
    counter.tick()  # the broker's worker ticks when no events arrive
    assert _totals(db, "conversation", county="", language="sv") == 1


def test_out_of_scope_and_the_dialogue_fallback_are_kept_for_the_training_data(db):
    counter = EventCounter(db)
    for event in _events(
        "c",
        SessionStarted(),
        _user("mikä on sään ennuste", "out_of_scope", 0.8),
        SlotSet("language", "fi"),
        ActionExecuted("utter_out_of_scope"),
        _user("no entä sitten", "affirm", 0.5),
        ActionExecuted("action_default_fallback"),
    ):
        counter.handle(event)
    reasons = sorted((u.reason, u.text) for u in unanswered(db, date(2000, 1, 1), date(2100, 1, 1)))
    assert reasons == [("dialogue", "no entä sitten"), ("out_of_scope", "mikä on sään ennuste")]
    assert _totals(db, "fallback", key="out_of_scope") == 1 and _totals(db, "fallback", key="dialogue") == 1


def test_rasa_loads_the_broker_from_the_endpoints_and_it_counts(tmp_path):
    from rasa.core.brokers.broker import EventBroker
    from rasa.utils.endpoints import EndpointConfig

    from bot.db import make_engine, upgrade

    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade(url)
    config = EndpointConfig.from_dict({"type": "bot.server.broker.CountingEventBroker", "url": url})
    broker = asyncio.run(EventBroker.create(config))
    assert type(broker).__name__ == "CountingEventBroker" and broker.is_ready()
    for event in _events(
        "d",
        SessionStarted(),
        _user("hjälp", "request_human"),
        SlotSet("language", "sv"),
        ActionExecuted("utter_emergency"),
    ):
        broker.publish(event)
    broker.publish({"event": "nonsense"})  # malformed events are ignored, never raised
    broker.drain()
    engine = make_engine(url)
    assert _totals(engine, "emergency") == 1 and _totals(engine, "conversation") == 0  # still open
    asyncio.run(broker.close())  # shutting down counts the open conversation
    assert not broker.is_ready()
    assert _totals(engine, "conversation", language="sv") == 1 and _totals(engine, "emergency") == 1


def test_a_failing_database_never_breaks_the_stream(engine):
    counter = EventCounter(engine)  # no tables at all
    for event in _events(
        "e",
        SessionStarted(),
        _user("apua", "nlu_fallback", 0.1),
        ActionExecuted("utter_fallback"),
        SlotSet("area", "lappi"),
    ):
        counter.handle(event)
    counter.flush()


def test_the_endpoints_viitta_runs_with_name_the_counting_broker(tmp_path):
    import yaml
    from rasa.shared.utils.common import class_from_module_path

    from bot import serve

    endpoints = yaml.safe_load(serve.write_endpoints(tmp_path / "e.yml").read_text())
    assert class_from_module_path(endpoints["event_broker"]["type"]).__name__ == "CountingEventBroker"
