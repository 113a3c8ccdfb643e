"""Who is writing, which substance, and which services a worry leads to."""

from __future__ import annotations

import pytest

from bot.actions.needs import categories_for, referral_for
from bot.nlu.lexicon import find_role, find_substances


@pytest.mark.parametrize(
    "text, role",
    [
        ("oon raskaana ja poltan pilvee", "pregnant"),
        ("jag är gravid och dricker", "pregnant"),
        ("mun mies juo joka ilta", "partner"),
        ("min sambo dricker och vi har en bebis", "partner"),
        ("olen isoäiti ja huolissani", "relative"),
        ("jag är mormor", "relative"),
        ("tyttäreni on raskaana ja käyttää huumeita", "relative"),
        ("oon neuvolan terveydenhoitaja", "professional"),
        ("jag är barnmorska", "professional"),
        ("asiakkaani käyttää subutexia", "professional"),
        ("min klient är gravid", "professional"),
        ("meil on vauva ja oon ihan loppu", "parent"),
        ("mitt barn gråter hela natten", "parent"),
    ],
)
def test_role_of_the_writer(text, role):
    hit = find_role(text)
    assert hit and hit.value == role


@pytest.mark.parametrize("text", ["olen huolissani terveydenhoitajan puheista", "neuvolan täti sanoi", "hej"])
def test_no_role_when_the_writer_does_not_say(text):
    assert find_role(text) is None


@pytest.mark.parametrize(
    "text, substances",
    [
        ("mun mies ryyppää ja vetää piriä", ["alcohol", "drugs"]),
        ("hon röker på och tar benso", ["cannabis", "medicines"]),
        ("korvaushoidossa oleva odottaja", ["opioids"]),
        ("se piristää aamulla", []),
        ("jag dricker kaffe", ["alcohol"]),
    ],
)
def test_substances(text, substances):
    assert [h.value for h in find_substances(text)] == substances


def test_entity_spans_cover_whole_words():
    text = "mun mies ryyppää"
    hit = find_substances(text)[0]
    assert text[hit.start : hit.end] == "ryyppää"


def test_substance_use_in_pregnancy_puts_the_hal_clinic_first():
    assert categories_for("substance_use_pregnancy")[0] == "hal_clinic"
    assert categories_for("substance_use_family", role="pregnant")[0] == "hal_clinic"
    assert categories_for("substance_use_family")[0] == "adult_substance"
    assert categories_for(None) == categories_for("request_human")


@pytest.mark.parametrize(
    "texts, topic",
    [
        (["milloin teen ennakollisen lastensuojeluilmoituksen"], "anticipatory"),
        (["när ska jag göra en förhandsanmälan"], "anticipatory"),
        (["asiakas on raskaana ja käyttää amfetamiinia, minne HAL-lähete"], "hal"),
        (["min klient är gravid och dricker"], "hal"),
        (["miten saan koottua verkostotapaamisen"], "network"),
        (["Oulu", "asiakasperheessä isä käyttää huumeita ja on vauva"], "substance_family"),
        (["vart hänvisar jag en klient"], "general"),
    ],
)
def test_a_professional_gets_guidance_for_the_topic(texts, topic):
    assert referral_for(texts).topic == topic


def test_a_professional_answering_with_a_lay_worry_keeps_its_topic():
    assert referral_for(["Kemi"], concern="substance_use_pregnancy").topic == "hal"
