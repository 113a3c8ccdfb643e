"""The Rasa server's plug-ins: everything Viitta adds to the Rasa 3.6 server process besides the channels.

    python -m bot.server run --model bot/models --endpoints endpoints.yml ...   # Rasa's CLI, patched

- tracker_store.RedactingTrackerStore  (endpoints: tracker_store) stores every event redacted, on SQLite
  or PostgreSQL from TRACKER_STORE_URL; deletes one conversation ("delete my conversation").
- lock_store                           (endpoints: lock_store) the Redis lock store with atomic tickets for
  several Rasa instances, from LOCK_STORE_URL; Rasa's in-process lock when it is empty.
- broker.CountingEventBroker           (endpoints: event_broker) anonymous counts for the owners' page.
- resume.HandoffResume                 (credentials.yml) gives conversations back to the bot when a
  handoff closes; not a channel, but Rasa's plug point for work that lives as long as the server.
- patches                              measured fixes with no plug point, applied by `python -m bot.server`.

Importing this package imports no Rasa: each module is loaded by Rasa by its class path.
"""
