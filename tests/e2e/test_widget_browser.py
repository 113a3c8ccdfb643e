"""The web chat widget in a real browser (Debian chromium driven by Playwright) against the real stack:
both languages, service cards, a guide's message, reload, quick exit, delete, keyboard only, axe-core."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from sqlalchemy.engine import make_url

from bot.db import make_engine
from bot.handoff import messages
from tests.e2e.conftest import ROOT, text_of

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
EXIT_URL = "https://yle.fi/saa"
STORE = "viitta-widget"
TIMEOUT = 30_000


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Widget:
    """The widget on the demo page, as a person uses it."""

    def __init__(self, page: Page, base: str) -> None:
        self.page, self.base = page, base
        self.requests: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        # Quick exit goes to a neutral outside page: answered here, so the test needs no network.
        page.route(
            EXIT_URL, lambda route: route.fulfill(content_type="text/html", body="<html><body>Sää</body></html>")
        )

    def goto(self, lang: str = "fi") -> None:
        self.page.goto(f"{self.base}/webhooks/webchat/demo" + ("?lang=sv" if lang == "sv" else ""))

    def open(self, label: str = "Kysy Viitalta") -> None:
        self.page.get_by_role("button", name=label).click()
        expect(self.log.locator(".from-bot").first).to_be_visible(timeout=TIMEOUT)

    @property
    def log(self):
        return self.page.get_by_role("log")

    def say(self, text: str, input_label: str = "Kirjoita viesti") -> None:
        before = self.incoming_count()
        self.page.get_by_role("textbox", name=input_label).fill(text)
        self.page.keyboard.press("Enter")
        self.wait_incoming(before + 1)

    def incoming_count(self) -> int:
        return len(self.stored()["items"]) - self.person_count() if self.stored() else 0

    def person_count(self) -> int:
        return sum(1 for item in self.stored()["items"] if item["kind"] == "person")

    def wait_incoming(self, at_least: int) -> None:
        """Until the bot has answered (the log is no longer aria-busy) with at least that many messages."""
        self.page.wait_for_function(
            f"""() => {{ const s = JSON.parse(sessionStorage.getItem('{STORE}') || 'null');
                const log = document.getElementById('viitta-widget').shadowRoot.querySelector('.log');
                return s && s.pending.length === 0 && log.getAttribute('aria-busy') !== 'true'
                    && s.items.filter(i => i.kind !== 'person').length >= {at_least}; }}""",
            timeout=TIMEOUT,
        )

    def stored(self) -> dict | None:
        return json.loads(self.page.evaluate(f"sessionStorage.getItem('{STORE}')") or "null")

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base) and u != EXIT_URL and not u.startswith("data:")]


@pytest.fixture
def widget(browser, viitta):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield Widget(page, viitta)
    context.close()


def _db(viitta_env, key: str) -> str:
    return make_url(viitta_env[key]).database


def test_a_finnish_conversation_gets_service_cards_with_call_and_web_links(widget):
    widget.goto("fi")
    widget.open()
    expect(widget.log).to_contain_text(text_of("utter_greet", "fi").split(".")[0])
    widget.say("mun puoliso juo paljon ja meillä on vauva, asutaan pietarsaaressa")
    cards = widget.log.locator(".card")
    expect(cards.first).to_be_visible()
    assert 1 <= cards.count() <= 3
    card = cards.filter(has=widget.page.locator("a[href^='tel:']")).first
    expect(card).to_be_visible()
    expect(card.locator("a[href^='tel:']")).to_contain_text("Soita")
    expect(card.locator(".card-name")).not_to_be_empty()
    expect(card.locator(".state")).to_have_text(re.compile(r"^(Avoinna nyt|Suljettu nyt)$"))
    expect(card.locator("a", has_text="Verkkosivu")).to_have_attribute("href", re.compile(r"^https?://"))
    expect(widget.log).to_contain_text(text_of("utter_offer_handoff", "fi").split("?")[0])
    assert widget.foreign_requests() == []


def test_the_understood_line_and_its_correction_button_work_in_the_widget(widget):
    """Issue 11: the reply says in one line what Viitta understood; "Ei ihan – korjaa" asks the worry again
    and keeps the place."""
    widget.goto("fi")
    widget.open()
    widget.say("oon raskaana ja mun mies juo joka päivä")
    widget.say("Kemi")
    expect(widget.log).to_contain_text("Ymmärsin:")
    before = widget.incoming_count()
    widget.log.get_by_role("button", name="Ei ihan – korjaa").last.click()
    widget.wait_incoming(before + 1)
    expect(widget.log).to_contain_text(text_of("utter_correction_intro", "fi"))
    assert widget.foreign_requests() == []


def test_a_swedish_page_gets_a_swedish_chat(widget):
    widget.goto("sv")
    widget.open("Fråga Viitta")
    expect(widget.log).to_contain_text(text_of("utter_greet", "sv").split(".")[0])
    widget.say("min sambo dricker mycket och vi har en bebis, vi bor i Jakobstad", "Skriv ett meddelande")
    expect(widget.log.locator(".card a[href^='tel:']").first).to_contain_text("Ring")
    expect(widget.log).to_contain_text(text_of("utter_offer_handoff", "sv").split("?")[0])
    assert widget.stored()["lang"] == "sv" and widget.foreign_requests() == []


def test_the_person_can_switch_the_language_in_the_widget(widget):
    widget.goto("fi")
    widget.open()
    before = widget.incoming_count()
    widget.page.get_by_role("button", name="På svenska").click()
    widget.wait_incoming(before + 1)
    expect(widget.page.get_by_role("textbox", name="Skriv ett meddelande")).to_be_visible()
    expect(widget.log).to_contain_text(text_of("utter_language_changed", "sv"))


def test_a_guide_message_and_a_reload_neither_lose_nor_repeat_anything(widget, viitta_env):
    widget.goto("fi")
    widget.open()
    widget.say("hei, miten tavoitan palveluohjaajan")
    conversation = widget.stored()["conversation"]
    rendered = widget.log.locator(".msg").count()
    # The person leaves the page; a guide writes meanwhile; the person comes back in the same tab.
    widget.page.goto("about:blank")
    engine = make_engine(viitta_env["DATABASE_URL"])
    posted = messages.post(
        engine, conversation, "guide", {"text": "Hei, olen palveluohjaaja. Miten voin auttaa?"}, guide_name="Anna"
    )
    widget.goto("fi")
    guide = widget.log.locator(".from-guide")
    expect(guide).to_have_count(1, timeout=TIMEOUT)
    expect(guide).to_contain_text("Palveluohjaaja Anna")
    expect(guide).to_contain_text("Miten voin auttaa?")
    assert widget.log.locator(".msg").count() == rendered + 1
    widget.page.reload()
    expect(widget.log.locator(".from-guide")).to_have_count(1, timeout=TIMEOUT)
    widget.page.wait_for_timeout(1500)  # three delivery rounds: nothing may arrive twice
    assert widget.log.locator(".msg").count() == rendered + 1
    assert widget.stored()["after"] == posted.id
    engine.dispose()


def test_handoff_status_is_shown_and_the_guides_messages_stand_out(widget, viitta_env):
    widget.goto("fi")
    widget.open()
    conversation = widget.stored()["conversation"]
    engine = make_engine(viitta_env["DATABASE_URL"])
    banner = widget.page.locator(".handoff")
    expect(banner).to_be_hidden()
    # As the handoff's actions and the guide console post them (sender and custom type decide the look).
    messages.post(
        engine,
        conversation,
        "bot",
        {
            "text": "Palveluohjaaja liittyy pian. Olet jonossa ensimmäisenä.",
            "custom": {"type": "handoff_started", "handoff_id": "h1", "area": "lappi"},
        },
    )
    expect(banner).to_contain_text("Odotat palveluohjaajaa", timeout=TIMEOUT)
    expect(banner.get_by_role("button")).to_have_text("Lopeta odottaminen")
    messages.post(
        engine,
        conversation,
        "system",
        {"text": "Palveluohjaaja Anna liittyi keskusteluun.", "custom": {"type": "handoff_joined"}},
    )
    messages.post(engine, conversation, "guide", {"text": "Hei! Kerro rauhassa."}, guide_name="Anna")
    expect(banner).to_contain_text("Palveluohjaaja on mukana keskustelussa", timeout=TIMEOUT)
    expect(banner.get_by_role("button")).to_have_text("Lopeta keskustelu")
    expect(widget.log.locator(".from-system")).to_contain_text(["Anna liittyi"])
    guide = widget.log.locator(".from-guide")
    expect(guide).to_contain_text("Palveluohjaaja Anna")
    assert guide.evaluate("e => getComputedStyle(e).backgroundColor") != widget.log.locator(".from-bot").first.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    messages.post(
        engine,
        conversation,
        "system",
        {"text": "Palveluohjaaja päätti keskustelun.", "custom": {"type": "handoff_ended"}},
    )
    expect(banner).to_be_hidden(timeout=TIMEOUT)
    engine.dispose()


def test_a_message_while_the_chat_is_minimised_is_announced(widget, viitta_env):
    widget.goto("fi")
    widget.open()
    conversation = widget.stored()["conversation"]
    widget.page.get_by_role("button", name="Pienennä chat").click()
    launcher = widget.page.get_by_role("button", name=re.compile("^Kysy Viitalta"))
    expect(launcher).to_be_focused()
    engine = make_engine(viitta_env["DATABASE_URL"])
    messages.post(engine, conversation, "guide", {"text": "Oletko vielä siellä?"}, guide_name="Anna")
    expect(launcher).to_have_accessible_name("Kysy Viitalta (1 uusia viestejä)", timeout=TIMEOUT)
    expect(widget.page.locator("p[role='status'].sr")).to_have_text("Uusi viesti Viitta-chatissa.")
    launcher.click()
    expect(widget.log.locator(".from-guide")).to_contain_text("Oletko vielä siellä?")
    engine.dispose()


def test_quick_exit_leaves_at_once_clears_the_chat_and_is_not_in_the_back_history(widget):
    widget.page.goto(f"{widget.base}/webhooks/webchat/")  # the page the person came from
    widget.goto("fi")
    widget.open()
    widget.say("mun mies juo ja mä pelkään")
    assert widget.stored()["conversation"]
    widget.page.get_by_role("button", name="Poistu nopeasti").click()
    widget.page.wait_for_url(EXIT_URL)
    widget.page.go_back()
    assert widget.page.url == f"{widget.base}/webhooks/webchat/"  # the chat page is gone from the history
    assert widget.stored() is None
    widget.goto("fi")
    assert widget.stored() is None
    expect(widget.page.get_by_role("button", name="Kysy Viitalta")).to_be_visible()


def test_escape_twice_is_a_quick_exit(widget):
    widget.goto("fi")
    widget.open()
    widget.page.keyboard.press("Escape")
    widget.page.keyboard.press("Escape")
    widget.page.wait_for_url(EXIT_URL)
    widget.goto("fi")
    assert widget.stored() is None


def test_delete_my_conversation_removes_it_on_the_server_too(widget, viitta_env):
    widget.goto("fi")
    widget.open()
    widget.say("meillä on paljon riitaa ja mietitään eroa")
    conversation = widget.stored()["conversation"]
    engine = make_engine(viitta_env["DATABASE_URL"])
    assert messages.history(engine, conversation)
    with sqlite3.connect(_db(viitta_env, "TRACKER_STORE_URL")) as db:
        assert db.execute("select count(*) from events where sender_id = ?", (conversation,)).fetchone()[0] > 0
    widget.page.get_by_role("button", name="Poista keskustelu").click()
    widget.page.get_by_role("group", name="Poistetaanko").get_by_role("button", name="Poista").click()
    expect(widget.log).to_contain_text("Keskustelu on poistettu", timeout=TIMEOUT)
    assert widget.stored() is None or widget.stored()["conversation"] is None
    assert messages.history(engine, conversation) == []
    with sqlite3.connect(_db(viitta_env, "TRACKER_STORE_URL")) as db:
        assert db.execute("select count(*) from events where sender_id = ?", (conversation,)).fetchone()[0] == 0
    engine.dispose()


def test_emergency_guidance_is_prominent_with_numbers_to_call(widget):
    widget.goto("fi")
    widget.open()
    widget.say("otin äsken kaikki mun lääkkeet enkä halua enää elää")
    alert = widget.log.locator(".emergency[role='alert']")
    expect(alert).to_be_visible()
    expect(alert.locator("a[href='tel:112']")).to_have_text("Soita 112")


def _focused(page: Page) -> dict:
    return page.evaluate("""() => {
        let el = document.activeElement;
        while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
        const style = getComputedStyle(el);
        return {tag: el.tagName, text: (el.textContent || '').trim(), label: el.getAttribute('aria-label'),
                outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
    }""")


def test_the_chat_works_with_the_keyboard_alone_and_focus_is_visible(widget):
    widget.goto("fi")
    for _ in range(10):  # Tab from the top of the page to the chat button
        widget.page.keyboard.press("Tab")
        if _focused(widget.page)["text"] == "Kysy Viitalta":
            break
    focused = _focused(widget.page)
    assert focused["text"] == "Kysy Viitalta" and focused["outline"] != "none" and focused["width"] >= 2
    widget.page.keyboard.press("Enter")
    widget.wait_incoming(1)
    assert _focused(widget.page)["tag"] == "TEXTAREA"
    widget.page.keyboard.type("mä en jaksa enää, vauva itkee koko ajan")
    widget.page.keyboard.press("Enter")
    widget.wait_incoming(2)
    # Back from the message field to the last answer button of the bot's question, and choose it.
    widget.page.keyboard.press("Shift+Tab")
    chosen = _focused(widget.page)
    assert chosen["tag"] == "BUTTON" and chosen["outline"] != "none"
    before = widget.incoming_count()
    widget.page.keyboard.press("Enter")
    widget.wait_incoming(before + 1)
    said = [i["text"] for i in widget.stored()["items"] if i["kind"] == "person"]
    assert said[-1] == chosen["text"]


def _axe(page: Page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations
        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target).slice(0, 3)}))""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("size", [(1280, 900), (320, 640)], ids=["desktop", "320px"])
def test_no_serious_accessibility_violations(browser, viitta, size):
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: run `npm ci --prefix tests/browser` (make install does)")
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, bypass_csp=True)
    widget = Widget(context.new_page(), viitta)
    try:
        widget.goto("fi")
        widget.open()
        widget.say("mun puoliso juo paljon ja meillä on vauva, asutaan pietarsaaressa")
        widget.say("otin kaikki lääkkeet enkä halua elää")
        assert _axe(widget.page) == []
    finally:
        context.close()


@pytest.mark.parametrize("size", [(320, 640), (640, 360)], ids=["320px", "200%-zoom"])
def test_the_chat_fits_small_screens_and_zoom(browser, viitta, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    widget = Widget(context.new_page(), viitta)
    try:
        widget.goto("fi")
        widget.open()
        widget.say("mun puoliso juo paljon ja meillä on vauva, asutaan pietarsaaressa")
        assert widget.page.evaluate("document.documentElement.scrollWidth") <= size[0]
        for role, name in (("textbox", "Kirjoita viesti"), ("button", "Lähetä"), ("button", "Poistu nopeasti")):
            box = widget.page.get_by_role(role, name=name).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= size[0] and box["y"] + box["height"] <= size[1]
        card = widget.log.locator(".card").first
        card.scroll_into_view_if_needed()
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= size[0]
    finally:
        context.close()


def test_the_widget_and_demo_page_are_served_without_third_party_content(viitta):
    import requests

    widget_js = requests.get(f"{viitta}/webhooks/webchat/widget.js", timeout=10)
    assert widget_js.status_code == 200 and "javascript" in widget_js.headers["content-type"]
    demo = requests.get(f"{viitta}/webhooks/webchat/demo", timeout=10)
    assert "default-src 'none'" in demo.headers["content-security-policy"]
    for body in (widget_js.text, demo.text):
        # The only absolute URLs are the documented examples and the quick-exit default, never loaded.
        urls = {u for u in re.findall(r"https?://[^\s\"'<>)]+", body)}
        assert urls <= {EXIT_URL, "https://viitta.example.fi/webhooks/webchat/widget.js"}, urls
    assert Path(ROOT / "connectors" / "widget" / "widget.js").exists()
