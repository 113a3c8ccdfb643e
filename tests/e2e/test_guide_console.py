"""The whole handoff loop through the real processes: a person over the REST channel, a service guide in
the guide console in Debian's chromium (Playwright), and back to the bot. Plus forwarding to another
county, the out-of-hours path, and the console refusing every route without a login."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid

import pytest
import requests

from tests.e2e.conftest import ROOT, Chat, customs, text_of, texts

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "e2e-salasana-pitka"
WAIT_MS = 15_000


def guide_cli(stack, *args: str, stdin: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-m", "console", *args],
        cwd=ROOT,
        env=stack.env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def new_guide(stack, county: str, name: str) -> str:
    username = f"{name.lower()}-{uuid.uuid4().hex[:6]}"
    guide_cli(
        stack,
        "create-user",
        "--username",
        username,
        "--name",
        name,
        "--county",
        county,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    return username


def ask_for_a_guide(chat: Chat, place: str) -> list[dict]:
    """Request a human, tell the place, and return the bot's answer to that (consent or unavailable)."""
    first = chat.say("haluan puhua ihmisen kanssa")
    assert texts(first), first
    return chat.say(place)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def duty(stack):
    """Switch a county's duty on or off for one test; back to 'auto' afterwards (the stack is shared)."""
    changed = []

    def switch(county: str, mode: str) -> None:
        guide_cli(stack, "duty", "--county", county, mode)
        changed.append(county)

    yield switch
    for county in changed:
        guide_cli(stack, "duty", "--county", county, "auto")


def log_in(browser, stack, username: str):
    page = browser.new_context(locale="fi-FI").new_page()
    page.goto(f"{stack.guide_url}/guide/")
    assert "/guide/login" in page.url  # the console refuses a stranger
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    page.wait_for_url(f"{stack.guide_url}/guide/")
    return page


def test_a_guide_takes_the_conversation_chats_and_gives_it_back_to_the_bot(stack, browser, duty):
    expect = playwright.expect
    duty("kainuu", "on")
    username = new_guide(stack, "kainuu", "Aino")
    chat = Chat(stack.base)
    consent = ask_for_a_guide(chat, "Kajaani")
    assert texts(consent) and "Kainuu" in texts(consent)[0], consent  # the summary the person agrees to
    started = chat.say("kyllä")
    [payload] = customs(started, "handoff_started")
    assert payload["area"] == "kainuu"
    handoff_id = payload["handoff_id"]

    page = log_in(browser, stack, username)
    row = page.locator(f'tr[data-handoff="{handoff_id}"]')
    expect(row).to_be_visible(timeout=WAIT_MS)
    expect(row).to_contain_text("suomi")
    expect(row).to_contain_text("Kainuu")
    row.get_by_role("button", name="Ota keskustelu").click()
    page.wait_for_url(f"{stack.guide_url}/guide/handoffs/{handoff_id}")
    # The bot part of the conversation is there for the guide who took it.
    expect(page.locator("ol.before")).to_contain_text("haluan puhua ihmisen kanssa")
    joined = chat.poll_until(after=0, done=lambda ms: customs(ms, "handoff_joined"))
    assert "Aino" in joined[-1]["text"]
    after = joined[-1]["id"]

    page.evaluate("window.stillTheSamePage = true")
    assert chat.say("Hei, mieheni juo ja olen väsynyt") == []  # to the guide, not to the bot
    expect(page.locator("#messages")).to_contain_text("Hei, mieheni juo ja olen väsynyt", timeout=WAIT_MS)
    assert page.evaluate("window.stillTheSamePage") is True  # it arrived without a reload

    page.get_by_label("Viesti asiakkaalle").fill("Hei, olen Aino. Kerro lisää, niin mietitään yhdessä.")
    page.get_by_role("button", name="Lähetä").click()
    from_guide = chat.poll_until(after=after, done=lambda ms: any(m["sender"] == "guide" for m in ms))
    message = next(m for m in from_guide if m["sender"] == "guide")
    assert message["text"] == "Hei, olen Aino. Kerro lisää, niin mietitään yhdessä." and message["guide_name"] == "Aino"
    expect(page.locator("#messages")).to_contain_text("Hei, olen Aino.")
    after = message["id"]

    page.get_by_role("button", name="Lopeta keskustelu ja palauta se botille").click()
    page.wait_for_url(re.compile(r".*/guide/\?notice=ended_done"))
    # The relay in the Rasa server gives the conversation back: the bot says so and asks for feedback.
    back = chat.poll_until(
        after=after,
        done=lambda ms: any(
            m["sender"] == "bot" and (m.get("custom") or {}).get("type") == "handoff_ended" for m in ms
        ),
    )
    senders_texts = [(m["sender"], m.get("text")) for m in back if m.get("text")]
    # First the console's status line (who left), then the bot's own words with the feedback buttons.
    assert senders_texts[0] == ("system", "Palveluohjaaja Aino poistui keskustelusta.")
    assert senders_texts[1] == ("bot", text_of("utter_handoff_ended", "fi"))
    payloads = [b["payload"] for m in back if m["sender"] == "bot" for b in m.get("buttons", [])]
    assert "/feedback_helpful" in payloads and "/feedback_not_helpful" in payloads
    thanks = chat.say("/feedback_helpful")
    assert texts(thanks) == [text_of("utter_feedback_thanks", "fi")]
    again = chat.say("mieheni juo liikaa")
    assert texts(again) and text_of("utter_directory_unavailable", "fi") not in texts(again)
    page.context.close()


def test_a_guide_forwards_the_conversation_to_another_countys_queue(stack, browser, duty):
    expect = playwright.expect
    duty("kainuu", "on")
    kainuu, lappi = new_guide(stack, "kainuu", "Kalle"), new_guide(stack, "lappi", "Liisa")
    chat = Chat(stack.base)
    ask_for_a_guide(chat, "Kajaani")
    [payload] = customs(chat.say("kyllä"), "handoff_started")
    handoff_id = payload["handoff_id"]

    lappi_page = log_in(browser, stack, lappi)
    expect(lappi_page.locator(f'tr[data-handoff="{handoff_id}"]')).to_have_count(0)
    page = log_in(browser, stack, kainuu)
    page.locator(f'tr[data-handoff="{handoff_id}"]').get_by_role("button", name="Ota keskustelu").click()
    page.wait_for_url(f"{stack.guide_url}/guide/handoffs/{handoff_id}")
    page.get_by_label("Siirrä toisen alueen jonoon").select_option("lappi")
    page.get_by_role("button", name="Siirrä", exact=True).click()
    page.wait_for_url(re.compile(r".*/guide/\?notice=forwarded_done"))

    # Lapland's guide sees it appear in the queue without reloading, marked as forwarded from Kainuu.
    row = lappi_page.locator(f'tr[data-handoff="{handoff_id}"]')
    expect(row).to_be_visible(timeout=WAIT_MS)
    expect(row).to_contain_text("Kainuu")
    moved = chat.poll_until(after=0, done=lambda ms: customs(ms, "handoff_forwarded"))
    assert customs(moved, "handoff_forwarded")[-1]["area"] == "lappi"
    row.get_by_role("button", name="Ota keskustelu").click()
    lappi_page.wait_for_url(f"{stack.guide_url}/guide/handoffs/{handoff_id}")
    assert chat.say("lopeta")  # the person ends the chat; the bot answers again
    expect(lappi_page.locator("#state")).to_have_text("Asiakas lopetti keskustelun", timeout=WAIT_MS)
    expect(lappi_page.get_by_label("Viesti asiakkaalle")).to_be_disabled()
    page.context.close()
    lappi_page.context.close()


def test_out_of_hours_the_person_is_told_and_can_leave_a_message(stack, duty):
    duty("pohjois-pohjanmaa", "off")
    chat = Chat(stack.base)
    answer = ask_for_a_guide(chat, "Oulu")
    assert customs(answer, "handoff_unavailable") == [{"type": "handoff_unavailable", "area": "pohjois-pohjanmaa"}]
    assert not customs(answer, "handoff_started")
    username = new_guide(stack, "pohjois-pohjanmaa", "Outi")
    token = guide_cli(stack, "create-token", "--username", username, "--days", "1").strip()
    auth = {"Authorization": f"Bearer {token}"}
    queue = requests.get(f"{stack.guide_url}/guide/api/handoffs", headers=auth, timeout=10).json()["handoffs"]
    assert queue == []  # nobody is left waiting in an empty live queue
    [left] = customs(chat.say("kyllä"), "handoff_message")
    chat.say("Voisiko joku soittaa minulle huomenna aamupäivällä?")
    queue = requests.get(f"{stack.guide_url}/guide/api/handoffs", headers=auth, timeout=10).json()["handoffs"]
    assert [(h["id"], h["kind"]) for h in queue] == [(left["handoff_id"], "message")]


def test_the_running_console_refuses_every_route_without_a_login(stack, tmp_path):
    from bot.db import make_engine
    from console.app import make_app

    app = make_app(make_engine(f"sqlite:///{tmp_path / 'routes.db'}"), f"sqlite:///{tmp_path / 't.db'}")
    checked = 0
    for route in app.router.routes():
        resource = route.resource
        if resource is None or resource.name == "static" or resource.canonical == "/guide/login":
            continue
        info = resource.get_info()
        path = re.sub(r"\{[^}]+\}", "lappi", info.get("path") or info.get("formatter"))
        answer = requests.request(route.method, f"{stack.guide_url}{path}", allow_redirects=False, timeout=10)
        expected = 401 if path.startswith("/guide/api/") else 303
        assert answer.status_code == expected, (route.method, path, answer.status_code)
        checked += 1
    assert checked >= 20
