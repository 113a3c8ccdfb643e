"""Privacy by design: redaction of personal data before anything is stored, bounded retention, clean logs.

from bot.privacy import forget, purge     # "delete my conversation"; the daily purge
"""

from __future__ import annotations


def forget(conversation_id: str, **engines) -> None:
    """Delete one conversation now (tracker events, handoffs, messages, channel address), from outside
    the Rasa server. Inside it channels use connectors.forget.forget_conversation (under Rasa's lock)."""
    from bot.privacy.retention import forget as _forget

    _forget(conversation_id, **engines)


def purge(days=None, **kwargs):
    """Delete what is older than `days` (RETENTION_DAYS by default); see bot.privacy.retention.purge."""
    from bot.privacy.retention import purge as _purge

    return _purge(days, **kwargs)
