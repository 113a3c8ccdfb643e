"""The directory through the real servers: a phone line imported from a saved PTV v11 channel list reaches a
parent's answer, and a named contact for professionals is shown to a professional only.

Its own stack, so the imported records and the test contact stay out of the session's directory."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from bot.directory.loader import DATA_DIR
from tests.e2e.conftest import ROOT, Chat, customs, running_viitta, stack_env, text_of
from tests.e2e.conftest import texts as _texts

FIXTURE = ROOT / "tests" / "unit" / "fixtures" / "ptv" / "two_counties.json"
LINE = "ptv-child_welfare-7c0de000-42aa-4bb1-8c5e-00000000c102"  # Kainuu's child welfare phone line in PTV
PERSON = {
    "name": "Testi Henkilö",
    "title": {"fi": "perheohjaaja", "sv": "familjehandledare"},
    "phone": "040 000 0001",
    "source": "https://example.fi/kainuu/ammattilaisille",
}


def _directory(cmd_args, env):
    subprocess.run(
        [sys.executable, "-m", "bot.directory", *cmd_args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def viitta(tmp_path_factory):
    home = tmp_path_factory.mktemp("viitta-directory")
    data = home / "data"
    shutil.copytree(DATA_DIR, data)
    # This test's Kainuu: the imported line is its only child welfare record, and every family service
    # guidance record names a (made-up) contact for professionals.
    path = data / "services" / "kainuu.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["services"] = [s for s in doc["services"] if s["category"] != "child_welfare"]
    for s in doc["services"]:
        if s["category"] == "family_guidance":
            s["contacts"] = [PERSON]
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = stack_env(home)
    _directory(["--data", str(data), "import-ptv", "--file", str(FIXTURE)], env)  # no --county
    with running_viitta(env, home) as stack:
        _directory(["--data", str(data), "load"], env)  # before anyone asks: nothing is cached yet
        yield stack.base


def test_a_phone_line_imported_from_ptv_reaches_a_parents_answer(viitta):
    chat = Chat(viitta)
    asked = chat.say("mistä voin ilmoittaa jos epäilen että lasta laiminlyödään")
    assert text_of("utter_ask_area", "fi") in _texts(asked)
    answer = chat.say("Kuhmo")
    cards = {c["service_id"]: c for c in customs(answer, "service")}
    assert cards[LINE]["phone"] == "08 6150 1102" and cards[LINE]["area"] == "kainuu"
    assert any("Puhelin: 08 6150 1102" in t for t in _texts(answer))


def test_named_contacts_are_shown_to_a_professional_and_not_to_a_parent(viitta):
    professional = Chat(viitta)
    asked = professional.say("olen neuvolan terveydenhoitaja ja mietin mihin ohjaan asiakkaani")
    assert text_of("utter_ask_area_professional", "fi") in _texts(asked)
    answer = professional.say("Kajaani")
    assert any(c["area"] == "kainuu" and c["category"] == "family_guidance" for c in customs(answer, "service"))
    assert any("Yhteyshenkilö ammattilaisille: Testi Henkilö, perheohjaaja, 040 000 0001" in t for t in _texts(answer))

    parent = Chat(viitta)
    parent.say("mä en jaksa enää, vauva itkee koko ajan eikä kukaan auta")
    answer = parent.say("Kajaani")
    assert any(c["category"] == "family_guidance" for c in customs(answer, "service"))
    assert not any("Testi Henkilö" in t for t in _texts(answer))
