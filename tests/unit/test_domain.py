"""The domain: every response in Finnish and Swedish, every action implemented, every intent typed in
both languages or sent by a button or the relay; and the UI labels (bot/labels.yml) in both languages."""

from __future__ import annotations

import inspect
import re
import string
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from bot.actions.needs import CONCERNS
from bot.domain import load_domain
from bot.labels import labels

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = load_domain()
RESPONSES = DOMAIN["responses"]
DATA = ROOT / "bot" / "data"


def _nlu_intents(lang: str) -> set[str]:
    """Intents with examples in the NLU data of one language (bot/data/nlu_<lang>.yml, nlu_*_<lang>.yml)."""
    found = set()
    for path in DATA.glob(f"nlu*_{lang}.yml"):
        found |= {
            item["intent"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"] if "intent" in item
        }
    return found


def _sent_intents() -> set[str]:
    """Intents nobody types: the domain's button payloads, and what the relay tells the bot about a handoff."""
    from bot.server import relay

    payloads = {
        b["payload"][1:].split("{")[0]
        for variations in RESPONSES.values()
        for v in variations
        for b in v.get("buttons") or []
        if b["payload"].startswith("/")
    }
    resumed = {
        relay.resume_intent(SimpleNamespace(queued_at=1, state=state, kind=kind))
        for state in ("ended", "cancelled", "expired")
        for kind in ("live", "message")
    }
    told = set(re.findall(r'tell_bot\([^)]*?"/([a-z_]+)"', inspect.getsource(relay)))  # "/handoff_message_left"
    return payloads | resumed | told


def _rule_and_story_intents() -> set[str]:
    found = set()
    for path in [*(DATA / "rules").glob("*.yml"), *(DATA / "stories").glob("*.yml")]:
        found |= set(re.findall(r"intent: (\w+)", path.read_text(encoding="utf-8")))
    return found


def _language(variation) -> str | None:
    values = [c.get("value") for c in variation.get("condition") or [] if c.get("name") == "language"]
    return values[0] if len(values) == 1 else None


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _by_channel(name) -> dict:
    """{channel (None for every channel): [variations]}: a channel's wording (`channel: webchat`) is a
    pair of its own, picked by Rasa before the channel-free pair."""
    found: dict = {}
    for variation in RESPONSES[name]:
        found.setdefault(variation.get("channel"), []).append(variation)
    return found


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_every_response_has_one_finnish_and_one_swedish_variation(name):
    channels = _by_channel(name)
    assert None in channels, f"{name}: a channel's wording needs the channel-free pair next to it"
    for channel, variations in channels.items():
        languages = [_language(v) for v in variations]
        assert sorted(languages) == ["fi", "sv"], (
            f"{name} ({channel or 'any channel'}): {languages} (every variation needs a language condition)"
        )
    # The pieces Python renders (bot.actions.texts, bot.server.fallback) take the first of a language.
    assert [v.get("channel") for v in RESPONSES[name][:2]] == [None, None]


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_both_languages_say_the_same_things(name):
    for variations in _by_channel(name).values():
        by_lang = {_language(v): v for v in variations}
        fi, sv = by_lang["fi"], by_lang["sv"]
        assert _placeholders(fi["text"]) == _placeholders(sv["text"])
        assert fi.get("custom", {}).get("type") == sv.get("custom", {}).get("type")
        assert [b["payload"] for b in fi.get("buttons", [])] == [
            b["payload"] for b in sv.get("buttons", [])
        ] or name.startswith("utter_ask_client")
        assert fi["text"] != sv["text"] or fi["text"].startswith("{")


@pytest.mark.parametrize("name", sorted(n for n in RESPONSES if len(_by_channel(n)) > 1))
def test_a_channels_wording_keeps_the_placeholders_payload_and_buttons(name):
    channels = _by_channel(name)
    for lang in ("fi", "sv"):
        default = next(v for v in channels[None] if _language(v) == lang)
        for channel, variations in channels.items():
            worded = next(v for v in variations if _language(v) == lang)
            assert _placeholders(worded["text"]) == _placeholders(default["text"]), (channel, lang)
            assert worded.get("custom") == default.get("custom"), (channel, lang)
            assert worded.get("buttons") == default.get("buttons"), (channel, lang)


@pytest.mark.rasa_only  # reads the NLU data with Rasa
def test_the_intents_are_the_nlu_datas_and_the_sent_ones():
    """Adding an intent means examples in both languages (or a button or relay that sends it) and the domain."""
    intents = set(DOMAIN["intents"])
    assert len(intents) == len(DOMAIN["intents"]) > 20
    fi, sv = _nlu_intents("fi"), _nlu_intents("sv")
    assert fi == sv  # every intent people type has examples in Finnish and in Swedish
    assert fi <= intents  # every intent of the NLU data is in the domain
    sent = _sent_intents()
    assert intents - fi <= sent, "an intent with no examples must be sent by a button or the relay"
    assert sent <= intents  # and every intent sent is in the domain
    assert {"handoff_ended", "handoff_answered", "handoff_message_left", "feedback_helpful"} <= sent - fi
    assert intents <= _rule_and_story_intents()  # every intent has a rule or a story


@pytest.mark.parametrize("concern", sorted(CONCERNS))
def test_every_concern_intent_has_its_recommendation_rule_label_and_both_languages(concern):
    assert concern in DOMAIN["intents"]
    assert {_language(v) for v in RESPONSES[f"utter_recommend_{concern}"]} == {"fi", "sv"}
    assert concern in _rule_and_story_intents()
    assert concern in _nlu_intents("fi") and concern in _nlu_intents("sv")
    # The handoff summary names the concern (a request for a human is not a concern the guide is told).
    assert concern == "request_human" or sorted(labels()[f"concern_{concern}"]) == ["fi", "sv"]


@pytest.mark.parametrize("name", sorted(labels()))
def test_every_label_has_one_finnish_and_one_swedish_wording_that_say_the_same_things(name):
    wording = labels()[name]
    assert sorted(wording) == ["fi", "sv"]
    assert all(isinstance(text, str) and text.strip() for text in wording.values())
    assert _placeholders(wording["fi"]) == _placeholders(wording["sv"])
    assert wording["fi"] != wording["sv"]


def test_every_label_named_in_code_exists_and_no_label_is_a_response():
    named = set()
    for folder in ("bot", "connectors", "console"):
        for path in (ROOT / folder).rglob("*.py"):
            named |= set(re.findall(r"\blabel\(\"([a-z_]+)\"", path.read_text(encoding="utf-8")))
    assert len(named) >= 10 and named - set(labels()) == set()
    assert not [name for name in RESPONSES if name.startswith("utter_label_")]


def test_emergency_and_handoff_payloads_are_in_the_domain():
    for variation in RESPONSES["utter_emergency"]:
        assert variation["custom"]["type"] == "emergency" and "112" in variation["text"]
    for name in ("utter_offer_handoff", "utter_offer_handoff_after_fallback"):
        for variation in RESPONSES[name]:
            assert variation["custom"] == {"type": "handoff_offer"}
            assert [b["payload"] for b in variation["buttons"]] == ["/affirm", "/deny"]


def test_every_response_named_in_code_and_data_exists():
    named = {f"utter_recommend_{c}" for c in CONCERNS}
    for path in (ROOT / "bot").rglob("*.py"):
        named |= set(re.findall(r"(?<=[\"'])utter_[a-z_]+(?=[\"'])", path.read_text(encoding="utf-8")))
    for path in (ROOT / "bot" / "data").rglob("*.yml"):
        named |= set(re.findall(r"action: (utter_[a-z_]+)", path.read_text(encoding="utf-8")))
    assert named - set(RESPONSES) == set()


def test_every_custom_action_is_implemented():
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("bot.actions")
    assert set(DOMAIN["actions"]) <= set(executor.actions)


def test_button_payloads_survive_rasas_template_filling():
    """Rasa fills {placeholders} in buttons too: JSON in a payload must be written with double braces."""
    for name, variations in RESPONSES.items():
        for variation in variations:
            for button in variation.get("buttons", []):
                filled = button["payload"].format()  # what Rasa's interpolator does; single braces raise
                if "{" in filled:
                    assert isinstance(yaml.safe_load(filled[filled.index("{") :]), dict), (name, filled)
