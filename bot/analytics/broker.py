"""A Rasa event broker that keeps only anonymous counts (bot/analytics/events.py does the counting).

bot/serve.py writes it into the endpoints Rasa runs with:

    event_broker:
      type: bot.analytics.broker.CountingEventBroker
      # url: postgresql://...   (optional; DATABASE_URL otherwise)
      # idle_minutes: 60        (a conversation without a county is counted after this long a pause)

The only module of bot/analytics that imports Rasa: Rasa loads it by its class path. Counting runs in
Rasa's event loop; it is one small upsert for the few events that count, and a failure is only logged.
"""
from __future__ import annotations

import logging
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

        self.counter = EventCounter(engine or shared_engine(), idle_seconds=idle_minutes * 60,
                                    keep_days=get_settings().analytics_keep_days)

    @classmethod
    async def from_endpoint_config(cls, broker_config: Optional[EndpointConfig],
                                   event_loop: Optional[AbstractEventLoop] = None) -> Optional["CountingEventBroker"]:
        if broker_config is None:
            return None
        from bot.db import make_engine

        engine = make_engine(broker_config.url) if broker_config.url else None
        return cls(engine, idle_minutes=float(broker_config.kwargs.get("idle_minutes", 60)))

    def publish(self, event: Dict[Text, Any]) -> None:
        try:
            self.counter.handle(event)
        except Exception:  # the statistics must never stop a conversation
            logger.exception("counting an event failed")

    def is_ready(self) -> bool:
        return True

    async def close(self) -> None:
        self.counter.flush()
