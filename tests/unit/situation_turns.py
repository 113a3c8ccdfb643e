"""A situation built from turns as the release's classifier read them, for the retired blind sets' regression
cases (test_situation_retired_*.py)."""

from __future__ import annotations

from bot.situation import model
from bot.situation.reading import Message, read


def situation(*turns):
    """turns: (text, intent, confidence[, the question just asked])."""
    s = model.empty()
    for text, intent, confidence, *asked in turns:
        message = Message(
            text=text,
            intent=intent,
            confidence=confidence,
            asked=asked[0] if asked else None,
            worry_held=bool(model.needs(s)),
            pregnant_held=bool(model.value(s, "pregnancy")),
        )
        s = model.merge(s, read(message))
    return s


def professional_route(*turns):
    """The situation and its routing with a professional's referral topics, as the service search asks it."""
    from bot.actions.needs import referral_topics
    from bot.situation.routing import route

    s = situation(*turns)
    return s, route(s, topics=referral_topics([t[0] for t in turns], route(s).needs))
