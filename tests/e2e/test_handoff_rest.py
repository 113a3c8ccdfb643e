"""Talking to a service guide over the REST channel of the real Rasa server and action server.

A guide's side is played directly on the app database (take, post, end: what the console does), so
these tests need no browser; tests/e2e of the guide console cover the console itself.
"""

from __future__ import annotations

import uuid

import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.handoff import duty, messages, service
from bot.handoff.schema import FeedbackRow, GuideRow
from bot.handoff.service import utcnow
from tests.e2e.conftest import Chat, customs, text_of
from tests.e2e.conftest import texts as _texts


def _guide(app_db) -> int:
    """A guide account as the console's CLI would create it (only the row matters here)."""
    with Session(app_db) as session, session.begin():
        guide = GuideRow(
            username=f"guide-{uuid.uuid4().hex[:8]}",
            display_name="Anna",
            password_hash="-",
            role="guide",
            created_at=utcnow(),
        )
        session.add(guide)
        session.flush()
        return guide.id


def _lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines()}


def _bot_after_handoff(found: list[dict]) -> bool:
    return any(m.get("sender") == "bot" and m.get("custom", {}).get("type") == "handoff_ended" for m in found)


def test_fi_a_person_asks_for_a_human_talks_with_a_guide_and_is_back_with_the_bot(chat, app_db):
    duty.set_switch(app_db, "lappi", "on")
    asked = chat.say("haluun jutella jonkun oikeen ihmisen kanssa")
    assert _texts(asked) == [text_of("utter_ask_handoff_form_area", "fi")]
    consent = chat.say("asun rovaniemellä")
    assert service.open_for(app_db, chat.sender) is None  # nothing is shared before the yes
    question = consent[-1]
    assert {"– alue: Lapin hyvinvointialue", "– kieli: suomi"} <= _lines(question["text"])
    assert [b["payload"] for b in question["buttons"]] == ["/affirm", "/deny"]

    started = chat.say("joo")
    [payload] = customs(started, "handoff_started")
    handoff = service.get(app_db, payload["handoff_id"])
    assert (handoff.state, handoff.county, handoff.language, handoff.conversation_id) == (
        "waiting",
        "lappi",
        "fi",
        chat.sender,
    )
    assert payload["area"] == "lappi" and payload["position"] == service.position(app_db, handoff) >= 1
    assert handoff.summary == {"county": "lappi", "language": "fi"}  # nothing the person did not agree to

    # waiting: the person's words go to the guide, the bot says nothing
    assert chat.say("mun mies juo ja mä en tiedä mitä tehdä, mun numero on 040 123 4567") == []
    assert chat.say("onko siellä ketään?") == []
    # … except acute danger while nobody has joined yet: the emergency numbers at once
    danger = chat.say("se hakkaa mua just nyt ja mä oon lukinnu itteni vessaan apua")
    assert _texts(danger) == [text_of("utter_emergency", "fi")] and customs(danger, "emergency")
    logged = messages.history(app_db, chat.sender, handoff_id=handoff.id)
    assert [m.body["text"] for m in logged] == [
        "mun mies juo ja mä en tiedä mitä tehdä, mun numero on [phone]",
        "onko siellä ketään?",
        "se hakkaa mua just nyt ja mä oon lukinnu itteni vessaan apua",
    ]

    # a guide takes it and writes; the person gets it by polling
    service.take(app_db, handoff.id, _guide(app_db))
    written = messages.post(
        app_db,
        chat.sender,
        "guide",
        {"text": "Hei, olen Anna Lapin palveluohjauksesta."},
        handoff.id,
        guide_name="Anna",
    )
    arrived = chat.poll_until(lambda found: any(m["id"] == written.id for m in found))
    assert arrived[0]["text"] == "Hei, olen Anna Lapin palveluohjauksesta." and arrived[0]["sender"] == "guide"
    assert chat.say("kiitos kun vastasit") == []
    assert chat.poll(after=written.id) == []  # the person's own words are not echoed back

    # the guide ends it: the bot says so by itself, with the feedback buttons, without the person writing
    service.end(app_db, handoff.id)
    back = chat.poll_until(_bot_after_handoff, after=written.id)
    assert {m["sender"] for m in back} == {"bot"}  # as Rasa sends it: the text with buttons, then the payload
    [ended] = [m for m in back if m.get("text")]
    assert ended["text"] == text_of("utter_handoff_ended", "fi")
    assert [b["payload"] for b in ended["buttons"]] == ["/feedback_helpful", "/feedback_not_helpful"]

    with Session(app_db) as session:
        before = len(session.scalars(select(FeedbackRow)).all())
    thanks = chat.say("/feedback_helpful")
    assert _texts(thanks) == [text_of("utter_feedback_thanks", "fi")]
    with Session(app_db) as session:
        rows = session.scalars(select(FeedbackRow).order_by(FeedbackRow.id)).all()
    assert len(rows) == before + 1 and (rows[-1].helpful, rows[-1].language, rows[-1].after_handoff) == (
        True,
        "fi",
        True,
    )
    assert _texts(chat.say("kiitos"))[0] == text_of("utter_welcome", "fi")  # the bot answers again


def test_sv_accepting_the_offer_after_a_recommendation_and_cancelling_the_wait(chat, app_db):
    duty.set_switch(app_db, "pohjanmaa", "on")
    answer = chat.say("min sambo dricker varje kväll och vi har en bebis, vi bor i Jakobstad")
    assert customs(answer, "service") and customs(answer, "handoff_offer")
    consent = chat.say("ja tack")
    summary = _lines(consent[-1]["text"])
    assert {"– ärende: rusmedel i familjen", "– område: Österbottens välfärdsområde", "– språk: svenska"} <= summary
    started = chat.say("ja")
    [payload] = customs(started, "handoff_started")
    assert _texts(started)[0].startswith("Tack. Jag har bett en servicehandledare")
    handoff = service.get(app_db, payload["handoff_id"])
    assert handoff.summary["concern"] == "substance_use_family" and handoff.language == "sv"
    assert chat.say("hallå?") == []

    cancelled = chat.say("avsluta")
    assert customs(cancelled, "handoff_cancelled") and _texts(cancelled) == [text_of("utter_handoff_cancelled", "sv")]
    assert service.get(app_db, handoff.id).state == "cancelled"
    assert _texts(chat.say("tack"))[0] == text_of("utter_welcome", "sv")


def test_fi_the_cancel_button_while_a_guide_is_chatting_ends_the_chat(chat, app_db):
    duty.set_switch(app_db, "lappi", "on")
    chat.say("voinko puhua palveluohjaajan kanssa, asun kemissä")
    started = chat.say("kyllä")
    handoff_id = customs(started, "handoff_started")[0]["handoff_id"]
    cancel = [b["payload"] for m in started for b in m.get("buttons", [])]
    assert cancel == ["/cancel_handoff"]
    service.take(app_db, handoff_id, _guide(app_db))
    assert customs(chat.say(cancel[0]), "handoff_cancelled")
    assert service.get(app_db, handoff_id).state == "cancelled"


def test_sv_no_to_the_summary_shares_nothing(chat, app_db):
    duty.set_switch(app_db, "pohjanmaa", "on")
    chat.say("jag vill prata med en människa")
    chat.say("Vasa")
    assert _texts(chat.say("nej tack")) == [text_of("utter_handoff_declined", "sv")]
    assert service.latest_for(app_db, chat.sender) is None


def test_fi_out_of_hours_leave_a_message_and_get_the_answer_on_coming_back(chat, app_db, viitta):
    duty.set_switch(app_db, "keski-pohjanmaa", "off")
    answer = chat.say("haluan puhua palveluohjaajan kanssa, asun kokkolassa")
    assert customs(answer, "handoff_unavailable") == [{"type": "handoff_unavailable", "area": "keski-pohjanmaa"}]
    assert _texts(answer)[0].startswith("Alueesi palveluohjaajat (Keski-Pohjanmaan")
    cards = customs(answer, "service")
    assert {c["area"] for c in cards} == {"keski-pohjanmaa", "national"}
    assert any(c["area"] == "national" for c in cards)  # a line open day and night
    assert _texts(answer)[-1].startswith("Voit myös jättää palveluohjaajalle viestin")
    assert service.open_for(app_db, chat.sender) is None

    opened = chat.say("kyllä, jätän viestin")
    [payload] = customs(opened, "handoff_message")
    assert _texts(opened) == [text_of("utter_handoff_write_message", "fi")]
    left = chat.say("Meillä on 2-vuotias joka ei nuku, mistä saisi apua? Sähköposti maija@example.fi")
    assert _texts(left) == [text_of("utter_handoff_message_left", "fi")]
    handoff = service.get(app_db, payload["handoff_id"])
    assert (handoff.kind, handoff.state, handoff.county) == ("message", "waiting", "keski-pohjanmaa")
    [written] = messages.history(app_db, chat.sender)
    assert written.sender == "person" and "[email]" in written.body["text"] and "maija" not in written.body["text"]
    assert _texts(chat.say("kiitos"))[0] == text_of("utter_welcome", "fi")  # no silent waiting: the bot is back

    # next morning a guide answers and closes it; the person comes back with the same conversation id
    service.take(app_db, handoff.id, _guide(app_db))
    reply = messages.post(
        app_db,
        chat.sender,
        "guide",
        {"text": "Hei! Perheneuvola auttaa unikysymyksissä."},
        handoff.id,
        guide_name="Anna",
    )
    service.end(app_db, handoff.id)
    returning = Chat(viitta)
    returning.sender, returning.token = chat.sender, chat.token  # the client kept its conversation token
    found = returning.poll_until(lambda got: any(m.get("custom", {}).get("type") == "handoff_ended" for m in got))
    assert [m["sender"] for m in found] == ["guide", "bot", "bot"] and found[0]["id"] == reply.id
    assert found[0]["text"] == "Hei! Perheneuvola auttaa unikysymyksissä." and found[0]["guide_name"] == "Anna"
    assert found[1]["text"] == text_of("utter_handoff_answered", "fi")


def test_sv_out_of_hours_is_said_in_swedish(chat, app_db):
    duty.set_switch(app_db, "pohjanmaa", "off")
    chat.say("jag vill prata med en servicehandledare")
    answer = chat.say("Vasa")
    assert customs(answer, "handoff_unavailable")
    assert _texts(answer)[0].startswith("Servicehandledarna i ditt område (Österbottens")
    assert _texts(chat.say("nej tack")) == [text_of("utter_handoff_declined", "sv")]
    assert service.latest_for(app_db, chat.sender) is None


def test_not_understood_twice_offers_a_guide(chat, app_db):
    first = chat.say("asdfgh qwerty zxcvb")
    assert not customs(first, "handoff_offer")
    second = chat.say("qwerty asdf jklö")
    assert customs(second, "handoff_offer")
    assert _texts(second) == [text_of("utter_offer_handoff_after_fallback", "fi")]
    duty.set_switch(app_db, "lappi", "on")
    assert _texts(chat.say("joo")) == [text_of("utter_ask_handoff_form_area", "fi")]


def test_a_handoff_survives_a_restart_of_the_servers(stack, app_db):
    duty.set_switch(app_db, "lappi", "on")
    chat = Chat(stack.base)
    chat.say("haluan puhua ihmisen kanssa, asun sodankylässä")
    handoff_id = customs(chat.say("joo"), "handoff_started")[0]["handoff_id"]
    service.take(app_db, handoff_id, _guide(app_db))

    stack.restart()

    assert chat.say("oletko vielä siellä?") == []  # still with the guide, not the bot
    assert messages.history(app_db, chat.sender)[-1].body["text"] == "oletko vielä siellä?"
    service.end(app_db, handoff_id)
    chat.poll_until(_bot_after_handoff)
    assert _texts(chat.say("kiitos"))[0] == text_of("utter_welcome", "fi")


def test_polling_needs_a_sender_and_a_message_id(viitta):
    url = f"{viitta}/webhooks/rest/messages"
    assert requests.get(url, params={"after": 0}, timeout=10).status_code == 400
    assert requests.get(url, params={"sender": "x", "after": "eilen"}, timeout=10).status_code == 400
    # Without the conversation's token (connectors/ids.py) nothing is read, not even whether it exists.
    assert requests.get(url, params={"sender": f"nobody-{uuid.uuid4().hex}"}, timeout=10).status_code == 403
