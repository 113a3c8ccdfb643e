"""The domain: every response in Finnish and Swedish, every action implemented, the issue's intents."""
from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
RESPONSES = DOMAIN["responses"]
INTENTS = """greet goodbye affirm deny thank bot_challenge ask_capabilities ask_privacy inform_role inform_location
substance_use_pregnancy substance_use_family youth_substance_use family_support relationship_support
child_welfare_concern domestic_violence parent_mental_health professional_referral request_human emergency
ask_contact_info change_language out_of_scope cancel_handoff feedback_helpful feedback_not_helpful
handoff_ended handoff_answered handoff_cancelled handoff_expired handoff_message_left
correct_situation""".split()


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
        assert sorted(languages) == ["fi", "sv"], \
            f"{name} ({channel or 'any channel'}): {languages} (every variation needs a language condition)"
    # The pieces Python renders (bot.actions.texts, connectors.fallback) take the first of a language.
    assert [v.get("channel") for v in RESPONSES[name][:2]] == [None, None]


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_both_languages_say_the_same_things(name):
    for variations in _by_channel(name).values():
        by_lang = {_language(v): v for v in variations}
        fi, sv = by_lang["fi"], by_lang["sv"]
        assert _placeholders(fi["text"]) == _placeholders(sv["text"])
        assert fi.get("custom", {}).get("type") == sv.get("custom", {}).get("type")
        assert [b["payload"] for b in fi.get("buttons", [])] == [b["payload"] for b in sv.get("buttons", [])] \
            or name.startswith("utter_ask_client")
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


def test_the_issue_intents_exist():
    assert sorted(DOMAIN["intents"]) == sorted(INTENTS)


def test_emergency_and_handoff_payloads_are_in_the_domain():
    for variation in RESPONSES["utter_emergency"]:
        assert variation["custom"]["type"] == "emergency" and "112" in variation["text"]
    for name in ("utter_offer_handoff", "utter_offer_handoff_after_fallback"):
        for variation in RESPONSES[name]:
            assert variation["custom"] == {"type": "handoff_offer"}
            assert [b["payload"] for b in variation["buttons"]] == ["/affirm", "/deny"]


def test_every_response_named_in_code_and_data_exists():
    from bot.actions.needs import CONCERNS

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
                    assert isinstance(yaml.safe_load(filled[filled.index("{"):]), dict), (name, filled)
