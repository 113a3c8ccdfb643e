"""Settings from the environment, read when first used, with safe local defaults (SQLite under var/).

The settings table of docs/operations.md lists every variable; secrets (RASA_TOKEN) come only from here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    database_url: str
    tracker_store_url: str
    rasa_host: str
    rasa_port: int
    action_host: str
    action_port: int
    rasa_token: str
    model_path: Path
    cors_origins: tuple[str, ...]
    analytics_keep_days: int  # how long the redacted unanswered messages are kept (counters stay)
    ptv_api_url: str  # Suomi.fi Palvelutietovaranto open API, for `python -m bot.directory import-ptv`
    # Production and privacy (docs/operations.md, "Running in production"; docs/privacy-and-crisis.md, "Privacy").
    lock_store_url: str = ""  # redis://[:password@]host:port/db; empty: Rasa's in-process lock store
    retention_days: int = 30
    rate_limit_per_minute: int = 20  # per sender and Rasa instance; 0 switches the limit off
    log_hash_key: str = ""  # key for the hashed sender ids in logs
    conversation_key: str = ""  # key of issued web chat ids and REST conversation tokens (connectors/ids.py)
    # Shared secret between the Rasa server and the action server (bot/action_server.py); bot.serve
    # makes one per run when both start together and none is set.
    action_token: str = ""
    # The reverse proxy whose X-Forwarded-For the guide console believes (its address, e.g. 127.0.0.1);
    # empty: the connecting address is the client's.
    guide_trusted_proxy: str = ""
    # a live chat nobody takes within this time is closed and the person told so (handoff)
    handoff_max_wait_minutes: int = 30
    # The guide console (console/): address, idle session lifetime, whether cookies need HTTPS.
    guide_host: str = "127.0.0.1"
    guide_port: int = 5080
    guide_session_minutes: int = 60
    # None: Secure (__Host-) cookies except over plain http on loopback (development); True/False: always/never.
    guide_secure_cookies: Optional[bool] = None
    guide_secret: str = ""  # key of the login form's CSRF token; several consoles behind one address share it
    # Telegram channel (connectors/telegram.py): enabled only when telegram_token is set.
    telegram_token: str = ""
    telegram_secret: str = ""
    telegram_mode: str = "webhook"
    telegram_api_url: str = "https://api.telegram.org"
    telegram_webhook_url: str = ""
    telegram_id_key: str = ""
    # Return codes of the web chat (bot/handoff/return_codes.py): the HMAC key, and how many codes one
    # client (address) may try in 15 minutes and all clients together in a minute.
    return_code_key: str = ""
    return_code_tries_per_client: int = 5
    return_code_tries_per_minute: int = 60


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    env = os.environ.get
    var = ROOT / "var"
    return Settings(
        database_url=env("DATABASE_URL") or f"sqlite:///{var / 'viitta.db'}",
        tracker_store_url=env("TRACKER_STORE_URL") or f"sqlite:///{var / 'tracker.db'}",
        rasa_host=env("RASA_HOST", "127.0.0.1"),
        rasa_port=int(env("RASA_PORT", "5005")),
        action_host=env("ACTION_HOST", "127.0.0.1"),
        action_port=int(env("ACTION_PORT", "5055")),
        rasa_token=env("RASA_TOKEN", ""),
        model_path=Path(env("VIITTA_MODEL", str(ROOT / "bot" / "models"))),
        cors_origins=tuple(o for o in env("CORS_ORIGINS", "").split() if o),
        analytics_keep_days=int(env("ANALYTICS_KEEP_DAYS", "56")),
        ptv_api_url=(env("PTV_API_URL") or "https://api.palvelutietovaranto.suomi.fi").rstrip("/"),
        lock_store_url=env("LOCK_STORE_URL", ""),
        retention_days=int(env("RETENTION_DAYS", "30")),
        rate_limit_per_minute=int(env("RATE_LIMIT_PER_MINUTE", "20")),
        log_hash_key=env("LOG_HASH_KEY", ""),
        conversation_key=env("CONVERSATION_KEY", ""),
        action_token=env("ACTION_TOKEN", ""),
        guide_trusted_proxy=env("GUIDE_TRUSTED_PROXY", ""),
        handoff_max_wait_minutes=int(env("HANDOFF_MAX_WAIT_MINUTES", "30")),
        guide_host=env("GUIDE_HOST", "127.0.0.1"),
        guide_port=int(env("GUIDE_PORT", "5080")),
        guide_session_minutes=int(env("GUIDE_SESSION_MINUTES", "60")),
        guide_secure_cookies=_flag(env("GUIDE_SECURE_COOKIES"), None),
        guide_secret=env("GUIDE_SECRET", ""),
        telegram_token=env("TELEGRAM_TOKEN", ""),
        telegram_secret=env("TELEGRAM_SECRET", ""),
        telegram_mode=env("TELEGRAM_MODE", "webhook"),
        telegram_api_url=(env("TELEGRAM_API_URL") or "https://api.telegram.org").rstrip("/"),
        telegram_webhook_url=env("TELEGRAM_WEBHOOK_URL", ""),
        telegram_id_key=env("TELEGRAM_ID_KEY", ""),
        return_code_key=env("RETURN_CODE_KEY", ""),
        return_code_tries_per_client=int(env("RETURN_CODE_TRIES_PER_CLIENT", "5")),
        return_code_tries_per_minute=int(env("RETURN_CODE_TRIES_PER_MINUTE", "60")),
    )


def _flag(value: str | None, default: Optional[bool]) -> Optional[bool]:
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")
