"""Which language a message is in, and when the conversation's language changes."""

from __future__ import annotations

import pytest

from bot.nlu.language import detect, requested_language
from bot.policies.language import choose_language


@pytest.mark.parametrize(
    "text, lang",
    [
        ("mun mies juo liikaa ja meil on vauva", "fi"),
        ("min sambo dricker och vi har en bebis", "sv"),
        ("mita mun pitais teha", "fi"),
        ("jag vet int va jag ska gora", "sv"),
        ("hei", "fi"),
        ("hej", "sv"),
        ("kiitos", "fi"),
        ("tack", "sv"),
    ],
)
def test_detects_finnish_and_swedish_as_people_write_them(text, lang):
    d = detect(text)
    assert d.language == lang and d.reliable


@pytest.mark.parametrize("text", ["ok", "?", "", "👍", "112"])
def test_a_token_like_ok_is_not_reliable(text):
    assert not detect(text).reliable


def test_place_names_do_not_count_as_words():
    assert not detect("Jakobstad", ignore_spans=[(0, 9)]).reliable
    assert detect("Jakobstad").language == "sv"  # which is why places are ignored


@pytest.mark.parametrize(
    "text, lang",
    [
        ("voitko puhua ruotsia", "sv"),
        ("ruotsiksi kiitos", "sv"),
        ("på finska tack", "fi"),
        ("kan du prata finska", "fi"),
        ("haluun suomeks", None),
        ("byt språk", None),
    ],
)
def test_explicit_requests(text, lang):
    assert requested_language(text) == lang


def _detection(text):
    return detect(text).as_dict()


def test_metadata_sets_the_first_language_and_a_clear_other_language_wins():
    assert choose_language(None, _detection("ok"), "affirm", "sv") == "sv"
    assert (
        choose_language(None, _detection("mun mies juo liikaa ja meil on vauva"), "substance_use_family", "sv") == "fi"
    )
    assert choose_language(None, _detection("ok"), "affirm", None) == "fi"
    assert choose_language(None, _detection("hej"), "greet", None) == "sv"


def test_one_word_never_flips_the_conversation():
    for word in ("ok", "Oulu", "joo", "ja", "nej"):
        assert choose_language("sv", _detection(word), "affirm", None) == "sv"
    # "joo" is the hard case: reliably Finnish, yet one word, so a Swedish conversation stays Swedish.
    assert detect("joo").language == "fi" and detect("joo").reliable and detect("joo").words == 1
    assert choose_language("fi", _detection("ok"), "affirm", None) == "fi"
    assert choose_language("sv", _detection("ok"), "affirm", None) == "sv"


def test_writing_clearly_in_the_other_language_switches():
    assert (
        choose_language("fi", _detection("min sambo dricker och vi har en bebis"), "substance_use_family", None) == "sv"
    )


def test_asking_switches_and_a_bare_request_toggles():
    assert choose_language("fi", _detection("voitko puhua ruotsia"), "change_language", None) == "sv"
    assert choose_language("sv", _detection("byt språk"), "change_language", None) == "fi"
    assert choose_language("fi", {"requested": "sv"}, "change_language", None) == "sv"


def test_an_empty_first_message_still_sets_a_language():
    assert choose_language(None, {}, None, None) == "fi"
    assert choose_language(None, None, None, "sv") == "sv"


def test_the_policy_sets_the_slot_right_after_a_user_message():
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from bot.nlu import LANGUAGE_KEY
    from bot.policies.language import LanguagePolicy

    domain = Domain.load("domain.yml")
    policy = LanguagePolicy.create(
        LanguagePolicy.get_default_config(),
        LocalModelStorage("/tmp"),
        Resource("language"),
        ExecutionContext(GraphSchema({}), "test"),
    )
    text = "min sambo dricker och vi har en bebis"
    message = UserUttered(
        text, {"name": "substance_use_family", "confidence": 1.0}, parse_data={LANGUAGE_KEY: detect(text).as_dict()}
    )
    tracker = DialogueStateTracker.from_events("t", [ActionExecuted("action_listen"), message], domain.slots)
    prediction = policy.predict_action_probabilities(tracker, domain)
    assert prediction.events == [SlotSet("language", "sv")]
    assert max(prediction.probabilities) == 0.0  # it never picks an action
    tracker.update(SlotSet("language", "sv"))
    assert policy.predict_action_probabilities(tracker, domain).events == []
