"""The crisis safety net through the real Rasa server: emergency guidance first, in the person's language,
whatever the flow; near misses answered as usual. Also measures the whole NLU (classifier + detector)."""

from __future__ import annotations

import pytest
import requests
import yaml

from bot.safety.crisis import detect
from tests.crisis.measure import HERE as CRISIS_SETS
from tests.e2e.conftest import API, MODEL, Chat, Stack, customs, load_directory, stack_env, text_of


def _first_is_emergency(replies: list[dict], lang: str) -> bool:
    """The first reply is the emergency text (Rasa sends its payload as the next message)."""
    return (
        bool(replies)
        and replies[0].get("text") == text_of("utter_emergency", lang)
        and any(c.get("type") == "emergency" for c in customs(replies[:2], "emergency"))
    )


def test_acute_danger_in_finnish_and_swedish_gets_emergency_guidance_first(viitta):
    assert _first_is_emergency(Chat(viitta).say("mä haluun vaan kuolla en jaksa tätä vauva-arkea"), "fi")
    assert _first_is_emergency(Chat(viitta).say("han slår mig just nu och barnen ser på"), "sv")


def test_acute_danger_the_classifier_would_not_call_an_emergency_still_comes_first(viitta):
    # Written after tuning and worded unlike the training data: the detector decides, not the model.
    chat = Chat(viitta)
    chat.say("hei")
    assert _first_is_emergency(chat.say("mulla on kädessä purkki lääkkeitä ja mä aion ottaa ne kaikki"), "fi")


def test_acute_danger_while_the_form_asks_for_the_place_comes_first(viitta):
    chat = Chat(viitta)
    asked = chat.say("jag är orolig för min mans drickande, vi har en bebis")
    assert text_of("utter_ask_area", "sv") in [r.get("text") for r in asked]
    assert _first_is_emergency(chat.say("nu räcker det, jag lämnar den här världen idag"), "sv")


def test_an_idiom_is_answered_as_usual(viitta):
    replies = Chat(viitta).say("mä tapan sen jos se ei tiskaa")
    assert replies and not customs(replies, "emergency")


def _parse(viitta: str, text: str) -> dict:
    response = requests.post(f"{viitta}/model/parse", params=API, json={"text": text}, timeout=30)
    response.raise_for_status()
    return response.json()


def test_the_whole_nlu_on_the_labelled_sets(viitta, capsys):
    """Classifier and detector together, as the bot decides: every acute message is `emergency`; the
    share of near misses the bot would treat as an emergency is reported (the classifier alone may call
    some of them one: as before this issue, that gives the emergency guidance too)."""
    lines = []
    for lang in ("fi", "sv"):
        acute = [t for texts in yaml.safe_load((CRISIS_SETS / f"acute_{lang}.yml").read_text()).values() for t in texts]
        near = [
            t for texts in yaml.safe_load((CRISIS_SETS / f"near_miss_{lang}.yml").read_text()).values() for t in texts
        ]
        missed = [t for t in acute if _parse(viitta, t)["intent"]["name"] != "emergency"]
        alarms = [t for t in near if _parse(viitta, t)["intent"]["name"] == "emergency"]
        lines.append(
            f"{lang}: acute {len(acute) - len(missed)}/{len(acute)} emergency; near misses treated as an "
            f"emergency {len(alarms)}/{len(near)} ({len(alarms) / len(near):.1%}): {alarms}"
        )
        assert missed == []
        assert len(alarms) / len(near) <= 0.05  # idioms, the past and questions do not set off the alarm
    with capsys.disabled():
        print("\nwhole NLU (classifier + crisis detector):\n" + "\n".join(lines))


# -- the crisis net's tiers through the real Rasa server with the action server stopped ---------------

# Wordings the deterministic patterns do not know (asserted below): the risk model decides.
MODEL_ACUTE = {
    "fi": "kirjotin jo kirjeet lapsille, ne on keittiön laatikossa. anteeks kaikille",
    "sv": "breven till barnen ligger i kökslådan. förlåt alla, ni kommer klara er bättre utan mig",
}
CHECKIN = {
    "fi": "en jaksa enää mitään, ihan sama mitä mulle käy",
    "sv": "jag orkar inte mer, det spelar ingen roll vad som händer med mig",
}
TOGETHER = {
    "fi": ("en mä jaksa enää", "mulla on ne kaikki pillerit tässä pöydällä"),
    "sv": ("jag orkar inte mer", "tabletterna ligger framför mig nu"),
}


@pytest.fixture(scope="module")
def rasa_alone(tmp_path_factory):
    """The Rasa server alone: no action server is running."""
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train`.")
    home = tmp_path_factory.mktemp("crisis-rasa-only")
    env = stack_env(home)
    load_directory(env)
    rasa = Stack(home, env, ("--rasa-only",), "rasa")
    try:
        rasa.start()
        yield rasa.base
    finally:
        rasa.stop()


def _tier(replies: list[dict]) -> str | None:
    found = customs(replies[:2], "emergency")
    return found[0].get("tier") if found else None


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_wording_the_patterns_do_not_know_gets_the_full_reply_without_the_action_server(rasa_alone, lang):
    assert not detect(MODEL_ACUTE[lang]).acute
    chat = Chat(rasa_alone)
    chat.say("hei" if lang == "fi" else "hej")
    replies = chat.say(MODEL_ACUTE[lang])
    assert replies[0]["text"] == text_of("utter_emergency", lang) and _tier(replies) == "acute"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_an_uncertain_message_gets_the_check_in_first_then_the_conversation_goes_on(rasa_alone, lang):
    chat = Chat(rasa_alone)
    chat.say("hei" if lang == "fi" else "hej")
    replies = chat.say(CHECKIN[lang])
    assert replies[0]["text"] == text_of("utter_crisis_checkin", lang) and _tier(replies) == "checkin"
    assert "/emergency" in [b["payload"] for b in replies[0].get("buttons", [])]
    assert len([r for r in replies if r.get("text")]) >= 2  # and then the bot's own answer
    full = chat.say("/emergency")  # the check-in's button: the full guidance
    assert full[0]["text"] == text_of("utter_emergency", lang)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_two_messages_together_are_flagged(rasa_alone, lang):
    first, second = TOGETHER[lang]
    chat = Chat(rasa_alone)
    chat.say(first)
    assert _tier(chat.say(second)) in ("checkin", "acute")


try:  # the console's browser fixtures; without Playwright only the console test is skipped
    from tests.e2e.test_guide_console import browser, duty  # noqa: E402,F401
except pytest.skip.Exception:
    browser = duty = None


# -- the flag in the guide console --------------------------------------------------------------------


@pytest.mark.skipif(browser is None, reason="Playwright is not installed")
def test_the_guide_console_flags_acute_and_uncertain_messages_during_a_handoff(stack, browser, duty):
    from tests.e2e.test_guide_console import ask_for_a_guide, log_in, new_guide, playwright

    expect = playwright.expect
    duty("kainuu", "on")
    username = new_guide(stack, "kainuu", "Aino")
    chat = Chat(stack.base)
    ask_for_a_guide(chat, "Kajaani")
    [payload] = customs(chat.say("kyllä"), "handoff_started")
    handoff_id = payload["handoff_id"]
    # Nobody has joined: answered at once, the full guidance or the check-in, and on to the guide.
    assert _tier(chat.say("haluan kuolla tänä yönä")) == "acute"
    assert _tier(chat.say(CHECKIN["fi"])) == "checkin"
    assert chat.say("onko siellä ketään") == []

    page = log_in(browser, stack, username)
    row = page.locator(f'tr[data-handoff="{handoff_id}"]')
    expect(row).to_be_visible(timeout=15_000)
    expect(row.locator(".flag")).to_contain_text("HÄTÄ")
    row.get_by_role("button", name="Ota keskustelu").click()
    page.wait_for_url(f"{stack.guide_url}/guide/handoffs/{handoff_id}")
    flagged = page.locator("#messages li.flagged")
    expect(flagged).to_have_count(2)
    expect(flagged.nth(0)).to_contain_text("HÄTÄ")
    expect(flagged.nth(1)).to_contain_text("HUOLI")
    # Live, without a reload: a guide is there, so no check-in from the bot, only the flag.
    assert chat.say(CHECKIN["fi"]) == []
    expect(flagged).to_have_count(3, timeout=15_000)
    expect(flagged.nth(2)).to_contain_text("HUOLI")
    page.context.close()


@pytest.mark.skipif(browser is None, reason="Playwright is not installed")
def test_a_swedish_speaking_persons_flagged_messages_are_flagged_for_the_guide(stack, browser, duty):
    from tests.e2e.test_guide_console import log_in, new_guide, playwright

    expect = playwright.expect
    duty("pohjanmaa", "on")
    username = new_guide(stack, "pohjanmaa", "Britt")
    chat = Chat(stack.base)
    chat.say("jag vill prata med en människa, jag bor i Jakobstad")
    [payload] = customs(chat.say("ja"), "handoff_started")
    handoff_id = payload["handoff_id"]
    checkin = chat.say(CHECKIN["sv"])  # nobody has joined: the check-in at once, in Swedish
    assert checkin[0]["text"] == text_of("utter_crisis_checkin", "sv") and _tier(checkin) == "checkin"
    page = log_in(browser, stack, username)
    row = page.locator(f'tr[data-handoff="{handoff_id}"]')
    expect(row.locator(".flag")).to_contain_text("HUOLI", timeout=15_000)
    row.get_by_role("button", name="Ota keskustelu").click()
    page.wait_for_url(f"{stack.guide_url}/guide/handoffs/{handoff_id}")
    assert _tier(chat.say("jag vill dö i natt")) == "acute"  # a guide is there: the full reply still first
    flagged = page.locator("#messages li.flagged")
    expect(flagged).to_have_count(2, timeout=15_000)
    expect(flagged.nth(1)).to_contain_text("HÄTÄ")
    page.context.close()
