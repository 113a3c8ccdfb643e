"""A Rasa event broker that keeps only anonymous counts (bot/analytics/events.py does the counting).

endpoints.yml and the endpoints bot/serve.py writes name it:

    event_broker:
      type: bot.server.broker.CountingEventBroker
      # url: postgresql://...   (optional; DATABASE_URL otherwise)
      # idle_minutes: 60        (a conversation without a county is counted after this long a pause)

The Rasa side of bot/analytics, which imports no Rasa itself: Rasa loads this by its class path. publish()
only puts the event on a queue; one worker thread counts, so a slow or locked database never delays a reply,
and a failure is only logged.
"""

from __future__ import annotations

import logging
import queue
import threading
from asyncio import AbstractEventLoop
from typing import Any, Dict, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy.engine import Engine

from bot.analytics.events import EventCounter

logger = logging.getLogger(__name__)


class CountingEventBroker(EventBroker):
    def __init__(self, engine: Optional[Engine] = None, idle_minutes: float = 60) -> None:
        from bot.db import shared_engine
        from bot.settings import get_settings

        self.counter = EventCounter(
            engine or shared_engine(), idle_seconds=idle_minutes * 60, keep_days=get_settings().analytics_keep_days
        )
        self._events: "queue.Queue[Optional[dict]]" = queue.Queue()
        self._worker = threading.Thread(target=self._work, name="viitta-counting", daemon=True)
        self._worker.start()

    @classmethod
    async def from_endpoint_config(
        cls, broker_config: Optional[EndpointConfig], event_loop: Optional[AbstractEventLoop] = None
    ) -> Optional["CountingEventBroker"]:
        if broker_config is None:
            return None
        from bot.db import make_engine

        engine = make_engine(broker_config.url) if broker_config.url else None
        return cls(engine, idle_minutes=float(broker_config.kwargs.get("idle_minutes", 60)))

    def publish(self, event: Dict[Text, Any]) -> None:
        self._events.put(event)

    def is_ready(self) -> bool:
        return self._worker.is_alive()

    async def close(self) -> None:
        """Count what is queued and what is still open, then stop the worker."""
        self._events.put(None)
        self._worker.join(timeout=30)

    def drain(self, timeout: float = 10) -> None:
        """Wait until every event published so far is counted (for tests and shutdown)."""
        done = threading.Event()
        self._events.put({"_done": done})
        done.wait(timeout)

    def _work(self) -> None:
        while True:
            try:
                event = self._events.get(timeout=60)
            except queue.Empty:  # quiet: count the conversations that have gone quiet meanwhile
                self._safely(self.counter.tick)
                continue
            if event is None:
                break
            if "_done" in event:
                event["_done"].set()
                continue
            self._safely(self.counter.handle, event)
        self._safely(self.counter.flush)

    @staticmethod
    def _safely(work, *args) -> None:
        try:
            work(*args)
        except Exception:  # the statistics must never stop a conversation
            logger.exception("counting failed")
