"""Retention: the daily purge and "delete my conversation", on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, text

from bot.db import all_metadata
from bot.handoff import feedback, messages, service
from bot.privacy import retention

NOW = datetime(2026, 11, 22, 12, 0)


def _create_rasa_events(engine) -> None:
    """Rasa's own tracker-store table `events`: Rasa's class where Rasa is installed (the Rasa runtime), else
    the same columns as Rasa 3.6.21's SQLTrackerStore.SQLEvent, so purging is tested in both runtimes."""
    try:
        from rasa.core.tracker_store import SQLTrackerStore
    except ImportError:
        Table(
            "events",
            MetaData(),
            Column("id", Integer, primary_key=True),
            Column("sender_id", String(255), nullable=False, index=True),
            Column("type_name", String(255), nullable=False),
            Column("timestamp", Float),
            Column("intent_name", String(255)),
            Column("action_name", String(255)),
            Column("data", Text),
        ).create(engine)
    else:
        SQLTrackerStore.SQLEvent.__table__.create(engine)


def _events(engine, sender: str, *ages_in_days: float) -> None:
    with engine.begin() as conn:
        for age in ages_in_days:
            stamp = (NOW - timedelta(days=age) - datetime(1970, 1, 1)).total_seconds()
            conn.execute(
                text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, '{}')"),
                {"s": sender, "t": stamp},
            )


def _senders(engine) -> set[str]:
    with engine.connect() as conn:
        return {row[0] for row in conn.execute(text("SELECT DISTINCT sender_id FROM events"))}


def _prepare(engine):
    for metadata in all_metadata():
        metadata.create_all(engine)
    _create_rasa_events(engine)


def test_purge_deletes_whole_old_conversations_and_old_records(engine):
    _prepare(engine)
    _events(engine, "old", 45, 40)
    _events(engine, "ongoing", 45, 1)  # started long ago, still going: kept whole
    _events(engine, "new", 2)
    old = service.request(engine, "old", "lappi", "fi", now=NOW - timedelta(days=41))
    service.cancel(engine, old.id, now=NOW - timedelta(days=40))
    messages.post(engine, "old", "person", {"text": "hei"}, old.id, now=NOW - timedelta(days=41))
    recent = service.request(engine, "new", "lappi", "fi", now=NOW - timedelta(days=2))
    messages.post(engine, "new", "person", {"text": "moi"}, recent.id, now=NOW - timedelta(days=2))
    feedback.record(engine, True, "fi", now=NOW - timedelta(days=40))
    feedback.record(engine, False, "sv", now=NOW - timedelta(days=1))

    done = retention.purge(30, now=NOW, app=engine, tracker=engine)

    assert (done.conversations, done.handoffs, done.feedback) == (1, 1, 1)
    assert _senders(engine) == {"ongoing", "new"}
    assert service.get(engine, old.id) is None and service.get(engine, recent.id) is not None
    assert messages.history(engine, "old") == [] and len(messages.history(engine, "new")) == 1


def test_forget_removes_one_conversation_at_once(engine):
    _prepare(engine)
    _events(engine, "me", 0.1, 0)
    _events(engine, "someone-else", 0)
    handoff = service.request(engine, "me", "lappi", "fi")
    messages.post(engine, "me", "person", {"text": "hei"}, handoff.id)

    retention.forget("me", app=engine, tracker=engine)

    assert _senders(engine) == {"someone-else"}
    assert service.latest_for(engine, "me") is None and messages.history(engine, "me") == []


def test_purge_before_the_first_conversation_is_harmless(engine):
    for metadata in all_metadata():
        metadata.create_all(engine)
    assert retention.purge(30, now=NOW, app=engine, tracker=engine).conversations == 0


def test_the_command_line_purges_with_the_default_from_the_environment(tmp_path, monkeypatch, capsys):
    from bot import settings
    from bot.db import make_engine
    from bot.privacy.__main__ import main

    app_url, tracker_url = f"sqlite:///{tmp_path / 'app.db'}", f"sqlite:///{tmp_path / 'tracker.db'}"
    monkeypatch.setenv("DATABASE_URL", app_url)
    monkeypatch.setenv("TRACKER_STORE_URL", tracker_url)
    monkeypatch.setenv("RETENTION_DAYS", "3")
    settings.get_settings.cache_clear()
    tracker = make_engine(tracker_url)
    _create_rasa_events(tracker)
    app = make_engine(app_url)
    for metadata in all_metadata():
        metadata.create_all(app)
    real_now = datetime.utcnow()
    with tracker.begin() as conn:
        for sender, age in (("four-days", 4), ("two-days", 2)):
            stamp = (real_now - timedelta(days=age) - datetime(1970, 1, 1)).total_seconds()
            conn.execute(
                text("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (:s, 'user', :t, '{}')"),
                {"s": sender, "t": stamp},
            )
    try:
        assert main(["purge"]) == 0
        assert "1 conversations" in capsys.readouterr().out
        assert _senders(tracker) == {"two-days"}
    finally:
        settings.get_settings.cache_clear()
        tracker.dispose()
        app.dispose()
