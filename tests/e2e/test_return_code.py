"""The way back to a left message (issue 15) through the real stack, in Debian's chromium: a person
leaves a message in the web chat out of hours and gets a return code, closes the tab; a service guide
answers in the guide console; the person opens the page again in a new tab, enters the code, sees the
answer and continues the same conversation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect, sync_playwright

from bot.db import make_engine
from bot.handoff import service
from tests.e2e.conftest import text_of
from tests.e2e.test_guide_console import guide_cli, log_in, new_guide
from tests.e2e.test_widget_browser import AXE, CHROMIUM_ARGS, TIMEOUT, Widget, _axe

COUNTY = "lappi"


@pytest.fixture(scope="module")
def browser():
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: run `npm ci --prefix tests/browser` (make install does)")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def off_duty(stack):
    guide_cli(stack, "duty", "--county", COUNTY, "off")
    yield
    guide_cli(stack, "duty", "--county", COUNTY, "auto")


def _tab(browser, base: str) -> Widget:
    # bypass_csp: only so that the accessibility scan can inject axe-core into the demo page.
    return Widget(browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True).new_page(), base)


def _leave_a_message(widget: Widget, text: str) -> tuple[str, str]:
    """Ask for a guide out of hours, leave the message; returns (conversation id, the return code shown)."""
    widget.goto("fi")
    widget.open()
    widget.say("haluan puhua ihmisen kanssa")
    widget.say("Rovaniemi")
    # The web chat's own wording tells of the code before the person decides.
    expect(widget.log).to_contain_text("saat paluukoodin")
    before = widget.incoming_count()
    widget.log.get_by_role("button", name="Jätän viestin").last.click()
    widget.wait_incoming(before + 1)
    widget.say(text)
    code = widget.log.locator(".code .code-value")
    expect(code).to_have_text(re.compile(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$"), timeout=TIMEOUT)
    expect(widget.log.locator(".code")).to_contain_text("Kopioi koodi")
    assert _axe(widget.page) == []  # the code box is as accessible as the rest of the chat
    return widget.stored()["conversation"], code.inner_text()


def test_a_left_message_is_answered_and_read_in_a_new_tab_with_the_return_code(stack, browser, off_duty, viitta):
    person = _tab(browser, viitta)
    conversation, code = _leave_a_message(person, "Voisiko joku kertoa, miten pääsen perhetyöhön?")
    person.page.context.close()  # the tab is gone, and with it the conversation id in sessionStorage

    engine = make_engine(stack.database_url)
    handoff = service.latest_for(engine, conversation)
    engine.dispose()
    assert (handoff.kind, handoff.state) == ("message", "waiting")
    username = new_guide(stack, COUNTY, "Paula")
    console = log_in(browser, stack, username)
    console.locator(f'tr[data-handoff="{handoff.id}"]').get_by_role("button", name="Ota keskustelu").click()
    console.wait_for_url(f"{stack.guide_url}/guide/handoffs/{handoff.id}")
    expect(console.locator("#messages")).to_contain_text("miten pääsen perhetyöhön")
    answer = "Hei, olen Paula. Soita perhetyön numeroon arkisin, niin sovitaan ensikäynti."
    console.get_by_label("Viesti asiakkaalle").fill(answer)
    console.get_by_role("button", name="Lähetä").click()
    expect(console.locator("#messages")).to_contain_text("Hei, olen Paula.", timeout=TIMEOUT)
    console.get_by_role("button", name="Lopeta keskustelu ja palauta se botille").click()
    console.wait_for_url(re.compile(r".*/guide/\?notice=ended_done"))
    console.context.close()

    again = _tab(browser, viitta)
    again.goto("fi")
    again.open()
    assert again.stored()["conversation"] != conversation  # a new tab knows nothing of the old chat
    again.page.get_by_role("button", name="Minulla on paluukoodi").click()
    again.page.get_by_label("Paluukoodi").fill(code.lower().replace("-", " "))
    again.page.get_by_role("button", name="Avaa keskustelu").click()
    expect(again.log).to_contain_text("Palasit aiempaan keskusteluusi", timeout=TIMEOUT)
    expect(again.log.locator(".from-person").first).to_contain_text("miten pääsen perhetyöhön")
    guide = again.log.locator(".from-guide")
    expect(guide).to_contain_text("Palveluohjaaja Paula", timeout=TIMEOUT)
    expect(guide).to_contain_text(answer)
    expect(again.log).to_contain_text(text_of("utter_handoff_answered", "fi").split("–")[0].strip(), timeout=TIMEOUT)
    assert again.stored()["conversation"] == conversation
    # The conversation goes on with the bot, in the old conversation.
    before = again.incoming_count()
    again.page.get_by_role("textbox", name="Kirjoita viesti").fill("/feedback_helpful")
    again.page.keyboard.press("Enter")
    again.wait_incoming(before + 1)
    expect(again.log).to_contain_text(text_of("utter_feedback_thanks", "fi"))
    assert again.stored()["conversation"] == conversation
    again.page.context.close()


def test_a_wrong_code_is_refused_kindly(browser, viitta):
    widget = _tab(browser, viitta)
    widget.goto("sv")
    widget.open("Fråga Viitta")
    conversation = widget.stored()["conversation"]
    widget.page.get_by_role("button", name="Jag har en returkod").click()
    widget.page.get_by_label("Returkod").fill("ACDE-FHJK")
    widget.page.get_by_role("button", name="Öppna samtalet").click()
    expect(widget.page.get_by_role("alert")).to_contain_text("Vi hittade inget samtal", timeout=TIMEOUT)
    assert widget.stored()["conversation"] == conversation
    assert _axe(widget.page) == []  # the open code form with its error
    widget.page.context.close()
