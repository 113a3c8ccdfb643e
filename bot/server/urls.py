"""The lock store's Redis from one URL (LOCK_STORE_URL), for bot.serve's endpoints and for the lock store
itself (bot/server/lock_store.py). No Rasa import: the launcher bot.serve uses it too."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit


def redis_lock_settings(url: str) -> dict:
    """Rasa's Redis lock store settings (endpoint `url` = host, port, db, use_ssl, username, password,
    key_prefix) from redis://[user:password@]host[:port][/db][?key_prefix=name] or rediss://…;
    ValueError for any other scheme."""
    parsed = urlsplit(url)
    if parsed.scheme not in ("redis", "rediss"):
        raise ValueError(f"LOCK_STORE_URL must be a redis:// URL, not {parsed.scheme}://")
    settings = {
        "url": parsed.hostname or "localhost",
        "port": parsed.port or 6379,
        "db": int(parsed.path.strip("/") or 0),
        "use_ssl": parsed.scheme == "rediss",
    }
    if parsed.username:
        settings["username"] = unquote(parsed.username)
    if parsed.password:
        settings["password"] = unquote(parsed.password)
    prefix = parse_qs(parsed.query).get("key_prefix")
    if prefix:
        settings["key_prefix"] = prefix[0]
    return settings
