"""The guide console's work through its real HTTP server: queue, take, chat, end, forward, the person's
status messages in their language, the bot part of the conversation, duty hours."""

from __future__ import annotations

import calendar
import json

import pytest
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, insert

from bot.handoff import duty, messages, service
from console import strings
from tests.unit.guide_fixtures import app_engine, console, fast_kdf, login, make_guide, tracker_url  # noqa: F401


def waiting(engine, county="lappi", language="fi", conversation=None, kind="live"):
    handoff = service.request(engine, conversation or f"person-{county}-{language}", county, language, kind=kind)
    # As bot/actions/handoff.py writes it: coded values only, never the person's own words.
    return service.consent(
        engine,
        handoff.id,
        {"role": "parent", "concern": "substance_use_family", "county": county, "language": language},
    )


def api(browser, method, url, **kwargs):
    return browser.request(method, url, headers={"X-CSRF-Token": browser.csrf}, **kwargs)


def test_the_queue_shows_the_consented_summary_and_never_an_unconsented_request(console, app_engine):
    make_guide(app_engine, "aino")
    shown = waiting(app_engine, language="sv")
    hidden = service.request(app_engine, "not-yet-consented", "lappi", "fi")
    aino = login(console.url, "aino")
    listed = aino.get(f"{console.url}/guide/api/handoffs").json()["handoffs"]
    assert [h["id"] for h in listed] == [shown.id]
    entry = listed[0]
    assert entry["summary"]["concern"] == "substance_use_family" and entry["language"] == "sv"
    assert entry["kind"] == "live" and entry["waited_seconds"] >= 0 and "conversation_id" not in entry
    page = aino.get(f"{console.url}/guide/").text
    assert shown.id in page and hidden.id not in page
    # The codes in the console's language, in the words the person agreed to.
    assert "päihteet perheessä" in page and "vanhempi" in page and "Lappi" in page
    assert "rusmedel i familjen" in aino.get(f"{console.url}/guide/?lang=sv").text
    assert aino.get(f"{console.url}/guide/api/handoffs?state=requested").status_code == 400


def test_take_tells_the_person_in_their_language_and_a_second_guide_gets_a_clear_refusal(console, app_engine):
    make_guide(app_engine, "aino", name="Aino")
    make_guide(app_engine, "bertta")
    handoff = waiting(app_engine, language="sv")
    aino, bertta = login(console.url, "aino"), login(console.url, "bertta")
    assert api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/take").status_code == 200
    second = api(bertta, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/take")
    assert second.status_code == 409 and second.json()["error"] == "already_taken"
    assert second.json()["message"] == strings.ui("already_taken", "fi")
    # The same through the page: back to the queue with the sentence.
    page = bertta.post(f"{console.url}/guide/handoffs/{handoff.id}/take", data={"csrf_token": bertta.csrf})
    assert strings.ui("already_taken", "fi") in page.text
    outbox = messages.to_person(app_engine, handoff.conversation_id)
    assert len(outbox) == 1 and outbox[0].sender == "system"
    assert outbox[0].body["custom"] == {
        "type": "handoff_joined",
        "handoff_id": handoff.id,
        "kind": "live",
        "guide_name": "Aino",
    }
    assert outbox[0].body["text"] == strings.status("handoff_joined", "sv", name="Aino")


def test_the_guide_and_the_person_exchange_messages(console, app_engine):
    make_guide(app_engine, "aino", name="Aino")
    make_guide(app_engine, "bertta")
    handoff = waiting(app_engine)
    aino = login(console.url, "aino")
    api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/take")
    from_person = messages.post(
        app_engine, handoff.conversation_id, "person", {"text": "soita 040 123 4567"}, handoff.id
    )
    read = aino.get(f"{console.url}/guide/api/handoffs/{handoff.id}/messages?after=0").json()
    assert read["handoff"]["state"] == "active"
    assert [(m["sender"], m["text"]) for m in read["messages"]][-1] == ("person", "soita [phone]")
    later = aino.get(f"{console.url}/guide/api/handoffs/{handoff.id}/messages?after={from_person.id}").json()
    assert later["messages"] == []
    for cursor in (10**20, -1, "1e3", "eilen"):  # out of a message id's range: 400, never 500
        assert aino.get(f"{console.url}/guide/api/handoffs/{handoff.id}/messages?after={cursor}").status_code == 400
    sent = api(
        aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/messages", json={"text": "Hei, olen Aino."}
    )
    assert sent.status_code == 201 and sent.json()["guide_name"] == "Aino"
    delivered = messages.to_person(app_engine, handoff.conversation_id, from_person.id)
    assert [(m.sender, m.body["text"], m.guide_name) for m in delivered] == [("guide", "Hei, olen Aino.", "Aino")]
    empty = api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/messages", json={"text": "  "})
    assert empty.status_code == 400 and empty.json()["error"] == "message_empty"
    # Another guide of the same county can neither read nor write in it.
    bertta = login(console.url, "bertta")
    assert bertta.get(f"{console.url}/guide/api/handoffs/{handoff.id}/messages").status_code == 403
    assert (
        api(
            bertta, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/messages", json={"text": "minäkin"}
        ).status_code
        == 403
    )


def test_the_page_forms_work_without_javascript(console, app_engine):
    make_guide(app_engine, "aino", name="Aino")
    handoff = waiting(app_engine)
    aino = login(console.url, "aino")
    opened = aino.post(f"{console.url}/guide/handoffs/{handoff.id}/take", data={"csrf_token": aino.csrf})
    assert opened.url.endswith(f"/guide/handoffs/{handoff.id}") and 'id="send"' in opened.text
    messages.post(app_engine, handoff.conversation_id, "person", {"text": "<b>hei</b>"}, handoff.id)
    again = aino.post(
        f"{console.url}/guide/handoffs/{handoff.id}/messages",
        data={"csrf_token": aino.csrf, "text": "Hei! Miten voin auttaa?"},
    )
    assert "Hei! Miten voin auttaa?" in again.text
    assert "&lt;b&gt;hei&lt;/b&gt;" in again.text and "<b>hei</b>" not in again.text  # escaped, never markup
    ended = aino.post(f"{console.url}/guide/handoffs/{handoff.id}/end", data={"csrf_token": aino.csrf})
    assert ended.url.endswith("/guide/?notice=ended_done") and strings.ui("ended_done", "fi") in ended.text
    assert service.get(app_engine, handoff.id).state == "ended"


def test_end_gives_the_conversation_back_to_the_bot(console, app_engine):
    make_guide(app_engine, "aino", name="Aino")
    handoff = waiting(app_engine)
    aino = login(console.url, "aino")
    api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/take")
    ended = api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/end")
    assert ended.status_code == 200 and ended.json()["state"] == "ended"
    assert [h.id for h in service.closed_unresumed(app_engine)] == [handoff.id]  # the relay's cue
    last = messages.to_person(app_engine, handoff.conversation_id)[-1]
    assert last.body["custom"] == {
        "type": "handoff_ended",
        "handoff_id": handoff.id,
        "kind": "live",
        "guide_name": "Aino",
    }
    assert last.body["text"] == strings.status("handoff_ended", "fi", name="Aino")
    twice = api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/end")
    assert twice.status_code == 409 and twice.json()["error"] == "not_active"


def test_a_left_message_gets_its_own_sentences(console, app_engine):
    make_guide(app_engine, "aino", name="Aino")
    handoff = waiting(app_engine, language="sv", kind="message")
    messages.post(app_engine, handoff.conversation_id, "person", {"text": "Ring mig i morgon"}, handoff.id)
    aino = login(console.url, "aino")
    assert aino.get(f"{console.url}/guide/api/handoffs").json()["handoffs"][0]["kind"] == "message"
    api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/take")
    read = aino.get(f"{console.url}/guide/api/handoffs/{handoff.id}/messages").json()["messages"]
    assert [m["text"] for m in read if m["sender"] == "person"] == ["Ring mig i morgon"]
    api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/messages", json={"text": "Vi ringer."})
    api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/end")
    outbox = messages.to_person(app_engine, handoff.conversation_id)
    assert [m.body["text"] for m in outbox] == [
        strings.status("handoff_joined_message", "sv", name="Aino"),
        "Vi ringer.",
        strings.status("handoff_ended_message", "sv", name="Aino"),
    ]


def test_the_guide_sees_when_the_person_cancels(console, app_engine):
    make_guide(app_engine, "aino")
    handoff = waiting(app_engine)
    aino = login(console.url, "aino")
    api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/take")
    service.cancel(app_engine, handoff.id)
    read = aino.get(f"{console.url}/guide/api/handoffs/{handoff.id}/messages").json()
    assert read["handoff"]["state"] == "cancelled"
    refused = api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/messages", json={"text": "hei?"})
    assert refused.status_code == 409 and refused.json()["error"] == "not_active"


def test_forward_moves_the_conversation_to_another_countys_queue(console, app_engine):
    make_guide(app_engine, "aino", counties=("lappi",))
    make_guide(app_engine, "kalle", counties=("kainuu",))
    handoff = waiting(app_engine, language="sv")
    aino, kalle = login(console.url, "aino"), login(console.url, "kalle")
    api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/take")
    same = api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/forward", json={"county": "lappi"})
    assert same.status_code == 409
    unknown = api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/forward", json={"county": "narnia"})
    assert unknown.status_code == 400 and unknown.json()["error"] == "unknown_county"
    moved = api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/forward", json={"county": "kainuu"})
    assert moved.status_code == 200 and moved.json()["state"] == "waiting" and moved.json()["county"] == "kainuu"
    assert aino.get(f"{console.url}/guide/api/handoffs").json()["handoffs"] == []
    theirs = kalle.get(f"{console.url}/guide/api/handoffs").json()["handoffs"]
    assert [(h["id"], h["forwarded_from"]) for h in theirs] == [(handoff.id, "lappi")]
    status = messages.to_person(app_engine, handoff.conversation_id)[-1]
    assert status.body["custom"] == {
        "type": "handoff_forwarded",
        "handoff_id": handoff.id,
        "kind": "live",
        "area": "kainuu",
        "forwarded_from": "lappi",
    }
    assert status.body["text"] == strings.status("handoff_forwarded", "sv", county="Kajanaland")
    assert api(kalle, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/take").status_code == 200


def _tracker(url: str, conversation: str, events: list[tuple[str, float, dict]]) -> None:
    """A tracker store with Rasa's `events` table layout."""
    engine = create_engine(url, future=True)
    table = Table(
        "events",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("sender_id", String(255)),
        Column("type_name", String(255)),
        Column("timestamp", Float),
        Column("intent_name", String(255)),
        Column("action_name", String(255)),
        Column("data", Text),
    )
    table.metadata.create_all(engine)
    with engine.begin() as conn:
        for type_name, at, data in events:
            conn.execute(
                insert(table).values(
                    sender_id=conversation,
                    type_name=type_name,
                    timestamp=at,
                    data=json.dumps({"event": type_name, "timestamp": at, **data}),
                )
            )
    engine.dispose()


def test_the_guide_who_took_it_sees_the_conversation_with_the_bot(console, app_engine, tracker_url):
    make_guide(app_engine, "aino")
    make_guide(app_engine, "bertta")
    handoff = waiting(app_engine, conversation="with-history")
    created = calendar.timegm(handoff.created_at.utctimetuple())  # handoff times are naive UTC
    _tracker(
        tracker_url,
        "with-history",
        [
            ("user", created - 500, {"text": "vanha istunto"}),
            ("session_started", created - 100, {}),
            ("user", created - 60, {"text": "mieheni juo, numeroni on 040 765 4321"}),
            (
                "bot",
                created - 59,
                {"text": "Kuulostaa raskaalta.", "data": {"buttons": [{"title": "Kyllä", "payload": "/affirm"}]}},
            ),
            ("pause", created + 1, {}),
            ("user", created + 400, {"text": "botti taas"}),
        ],
    )
    aino, bertta = login(console.url, "aino"), login(console.url, "bertta")
    queued = aino.get(f"{console.url}/guide/api/handoffs/{handoff.id}").json()
    assert "before_handoff" not in queued  # the queue shows the summary only
    api(aino, "POST", f"{console.url}/guide/api/handoffs/{handoff.id}/take")
    lines = aino.get(f"{console.url}/guide/api/handoffs/{handoff.id}").json()["before_handoff"]
    assert lines == [
        {"sender": "person", "text": "mieheni juo, numeroni on [phone]", "buttons": []},
        {"sender": "bot", "text": "Kuulostaa raskaalta.", "buttons": ["Kyllä"]},
    ]
    page = aino.get(f"{console.url}/guide/handoffs/{handoff.id}").text
    assert "Kuulostaa raskaalta." in page and "vanha istunto" not in page and "botti taas" not in page
    assert "before_handoff" not in bertta.get(f"{console.url}/guide/api/handoffs/{handoff.id}").json()


def test_the_conversation_page_works_without_a_tracker_store(console, app_engine):
    make_guide(app_engine, "aino")
    handoff = waiting(app_engine)
    aino = login(console.url, "aino")
    page = aino.post(f"{console.url}/guide/handoffs/{handoff.id}/take", data={"csrf_token": aino.csrf})
    assert page.status_code == 200 and strings.ui("before_empty", "fi") in page.text


def test_duty_hours_and_switch_through_the_api_and_the_page(console, app_engine):
    make_guide(app_engine, "aino", counties=("lappi",))
    aino = login(console.url, "aino")
    listed = aino.get(f"{console.url}/guide/api/duty").json()["duty"]
    assert [d["county"] for d in listed] == ["lappi"] and listed[0]["switch"] == "auto"
    changed = api(aino, "PUT", f"{console.url}/guide/api/duty/lappi", json={"hours": "mån-fre 8-16", "switch": "off"})
    assert changed.status_code == 200 and changed.json()["on_duty"] is False
    assert duty.hours(app_engine, "lappi")[0] == (0, "08:00", "16:00") and len(duty.hours(app_engine, "lappi")) == 5
    bad = api(aino, "PUT", f"{console.url}/guide/api/duty/lappi", json={"hours": "joskus"})
    assert bad.status_code == 400 and bad.json()["error"] == "hours_invalid"
    assert len(duty.hours(app_engine, "lappi")) == 5  # unchanged
    saved = aino.post(
        f"{console.url}/guide/duty/lappi", data={"csrf_token": aino.csrf, "hours": "ma-to 9-15", "switch": "on"}
    )
    assert strings.ui("saved", "fi") in saved.text and strings.ui("on_duty_now", "fi") in saved.text
    assert duty.switch(app_engine, "lappi") == "on" and len(duty.hours(app_engine, "lappi")) == 4


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_console_speaks_the_chosen_language(console, app_engine, lang):
    make_guide(app_engine, "aino")
    aino = login(console.url, "aino")
    page = aino.get(f"{console.url}/guide/?lang={lang}")
    assert f'<html lang="{lang}">' in page.text and strings.ui("queue_heading", lang) in page.text
    assert strings.ui("nav_duty", lang) in aino.get(f"{console.url}/guide/duty").text  # remembered


def test_every_string_exists_in_finnish_and_swedish():
    for table in (strings.UI, strings.STATUS):
        for key, texts in table.items():
            assert set(texts) == {"fi", "sv"} and all(t.strip() for t in texts.values()), key
            assert texts["fi"].count("{") == texts["sv"].count("{"), key
