"""Pure mappings between Telegram and Viitta, so the channel's handlers stay a few lines each:
an update → who is writing and what (Incoming); what the bot or a guide says → Telegram messages (Outgoing).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from html import escape
from typing import Optional

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from connectors import replies

MAX_TEXT = 4000  # Telegram allows 4096 characters; leave room for the formatting
MAX_CALLBACK_BYTES = 64  # Telegram's limit for callback_data

# Telegram commands → the message the bot gets (None: the channel answers itself).
COMMANDS = {"/start": "/greet", "/help": "/ask_capabilities", "/language": None, "/stop": None, "/delete": None}
LANGUAGE_BUTTONS = (
    ("Suomeksi", '/change_language{"language": "fi"}'),
    ("På svenska", '/change_language{"language": "sv"}'),
)


def sender_id(key: str, chat_id: int) -> str:
    """The conversation id of a Telegram chat: a keyed hash, so that neither the guide console nor the
    tracker store shows the Telegram user id, and nobody without the key can compute it back."""
    digest = hmac.new(key.encode("utf-8"), str(chat_id).encode("ascii"), hashlib.sha256).hexdigest()
    return f"tg-{digest[:32]}"


@dataclass(frozen=True)
class Incoming:
    chat_id: int
    text: str
    language: Optional[str]  # fi/sv from the Telegram app's language, else None (the text decides)
    command: Optional[str] = None  # /start, /help, … without arguments or @botname
    callback_query_id: Optional[str] = None


def language_of(code: Optional[str]) -> Optional[str]:
    short = (code or "").lower()[:2]
    return short if short in ("fi", "sv") else None


def incoming(update: Update) -> Optional[Incoming]:
    """What a person wrote or tapped in a private chat; None for anything else (groups, edits, …),
    since a group would mix several people into one anonymous conversation."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or chat.type != "private":
        return None
    language = language_of(user.language_code if user else None)
    if update.callback_query is not None:
        return Incoming(chat.id, update.callback_query.data or "", language, callback_query_id=update.callback_query.id)
    message = update.message
    if message is None:
        return None
    text = message.text or message.caption or ""
    command = None
    if text.startswith("/"):
        word = text.split()[0].split("@")[0].lower()
        if word in COMMANDS:
            command = word
    return Incoming(chat.id, text, language, command=command)


@dataclass(frozen=True)
class Outgoing:
    """One sendMessage call: HTML text and an optional inline keyboard."""

    text: str
    keyboard: Optional[InlineKeyboardMarkup] = None


def callback_data(title: str, payload: str) -> str:
    """The payload when Telegram can carry it (64 bytes), else the button's title, which the bot
    understands as a typed answer."""
    for candidate in (payload, title):
        if len(candidate.encode("utf-8")) <= MAX_CALLBACK_BYTES:
            return candidate
    return title.encode("utf-8")[:MAX_CALLBACK_BYTES].decode("utf-8", "ignore")


def keyboard(
    pairs: list[tuple[str, str]], links: Optional[list[tuple[str, str]]] = None
) -> Optional[InlineKeyboardMarkup]:
    rows = [[InlineKeyboardButton(title, callback_data=callback_data(title, payload))] for title, payload in pairs]
    rows += [[InlineKeyboardButton(title, url=url)] for title, url in links or []]
    return InlineKeyboardMarkup(rows) if rows else None


def _chunks(text: str) -> list[str]:
    """Split a long text at line (or word) boundaries into pieces Telegram accepts."""
    pieces, current = [], ""
    for line in text.split("\n"):
        while len(line) > MAX_TEXT:
            cut = line.rfind(" ", 0, MAX_TEXT)
            cut = cut if cut > 0 else MAX_TEXT
            pieces.append((current + "\n" + line[:cut]).strip("\n") if current else line[:cut])
            current, line = "", line[cut:].lstrip()
        if len(current) + len(line) + 1 > MAX_TEXT:
            pieces.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    pieces.append(current)
    return [p for p in pieces if p.strip()] or [""]


def _service(reply: dict, custom: dict) -> tuple[str, list[tuple[str, str]]]:
    """A service card: the name in bold, then the card's own lines (phone, hours, web page), plus a
    link button to the service's page."""
    name = custom.get("name") or ""
    lines = (reply.get("text") or "").split("\n")
    if lines and lines[0] == name:
        lines = lines[1:]
    if not reply.get("text"):  # a card without text: what the payload itself says
        lines = [v for v in (custom.get("phone"), custom.get("url")) if v]
    body = escape("\n".join(lines).strip(), quote=False)
    text = f"<b>{escape(name, quote=False)}</b>" + (f"\n{body}" if body else "")
    url = custom.get("url")
    links = [(f"🔗 {name}", url)] if isinstance(url, str) and url.startswith(("https://", "http://")) else []
    return text, links


def render(reply: dict, sender: str = "bot", guide_name: Optional[str] = None) -> list[Outgoing]:
    """One reply (already joined, see connectors.replies.join) as Telegram messages."""
    kind = replies.custom_type(reply)
    custom = reply["custom"] if isinstance(reply.get("custom"), dict) else {}
    text = reply.get("text") or ""
    links: list[tuple[str, str]] = []
    if kind == "service" and custom.get("name"):
        service_text, links = _service(reply, custom)
        texts = [service_text]
    elif not text:
        return []
    else:
        if sender == "guide":
            head = f"💬 <b>{escape(guide_name, quote=False)}</b>\n" if guide_name else "💬 "
            wrap = (head + "{}", "{}")
        elif kind == "emergency":
            wrap = ("🚨 <b>{}</b>", "<b>{}</b>")
        elif sender == "system" or kind.startswith("handoff_"):
            wrap = ("<i>{}</i>", "<i>{}</i>")
        else:
            wrap = ("{}", "{}")
        texts = [
            (wrap[0] if i == 0 else wrap[1]).format(escape(piece, quote=False)) for i, piece in enumerate(_chunks(text))
        ]
    buttons = replies.buttons(reply)
    out = [Outgoing(t) for t in texts[:-1]]
    out.append(Outgoing(texts[-1], keyboard(buttons, links)))
    return out


def render_all(answer: list[dict]) -> list[Outgoing]:
    """The bot's direct replies to one message."""
    return [out for reply in replies.join(answer) for out in render(reply)]
