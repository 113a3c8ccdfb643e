"""The crisis detector: 100 % recall on the labelled acute messages, few false alarms on near misses."""
from __future__ import annotations

import pytest

from bot.safety.crisis import detect, normalise
from tests.crisis.measure import ROOT, labelled, nlu, report

# On the near misses (idioms, past events, general questions, negations, fears) the detector may
# still raise an alarm now and then: an alarm costs one unneeded emergency message, a miss can cost
# a life. The bar is a few points above what it measures (0 %) so that one new hard near miss does
# not break the build, while a loosened pattern that fires on idioms does.
MAX_FALSE_ALARMS = 0.05


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_acute_message_is_caught_and_near_misses_rarely(language, capsys):
    score = labelled(language)
    with capsys.disabled():
        print(f"\ncrisis detector, {language}:\n{report([score])}")
    assert score.acute >= 60 and score.near >= 60
    assert score.missed == []
    assert score.false_alarm_rate <= MAX_FALSE_ALARMS


@pytest.mark.parametrize("path", ["bot/data/nlu_fi.yml", "bot/data/nlu_sv.yml",
                                  "tests/nlu/holdout_fi.yml", "tests/nlu/holdout_sv.yml"])
def test_on_the_intent_data(path, capsys):
    """A second look on thousands of real-style messages: `emergency` examples include some that
    are urgent only in context (the classifier has them), the rest must almost never alarm."""
    score = nlu(ROOT / path)
    with capsys.disabled():
        print(f"\n{report([score])}")
    assert score.recall >= 0.95
    assert score.false_alarm_rate <= 0.01
    # "Defused" overrules the classifier's `emergency`: it must never hit a real emergency example.
    from tests.crisis.measure import nlu_examples

    assert [t for i, t in nlu_examples(ROOT / path) if i == "emergency" and detect(t).defused] == []


@pytest.mark.parametrize("text, category, language", [
    ("MÄ HALUUN KUOLLA!!!", "suicide", "fi"),
    ("vauva ei hengita", "child", "fi"),
    ("han slar mig nu", "violence", "sv"),
    ("Jag har tagit en överdos.", "overdose", "sv"),
    ("hei. mun mies juo. se lyö mua nyt", "violence", "fi"),  # the acute sentence need not be the first
])
def test_findings_name_the_danger_and_the_language(text, category, language):
    finding = detect(text)
    assert finding.acute and finding.category == category and finding.language == language


@pytest.mark.parametrize("text", [
    "mä tapan sen jos se ei tiskaa",  # an idiom
    "isä löi mua kun olin lapsi",  # the past
    "mitä teen jos vauva nielee lääkkeen",  # a question
    "en ole itsetuhoinen mutta väsynyt",  # a negation
    "mies lyö mua",  # violence without a now: the violence services answer it
    "pelkään että satutan vauvaa",  # an intrusive thought, not an intention
    "jag dog av skratt",
    "",
])
def test_not_acute(text):
    assert not detect(text).acute


def test_a_negation_does_not_hide_a_later_danger():
    assert detect("en ole itsetuhoinen mutta mies lyö mua nyt").acute


def test_normalising_folds_letters_and_long_repeats():
    assert normalise("APUAAAA, Hän LYÖ") == "apuaa , han lyo"


@pytest.mark.parametrize("text", ["mä tapan sen jos se ei tiskaa", "isä löi mua kun olin lapsi ja joi",
                                  "mitä teen jos vauva nielee lääkkeen", "jag dog av skratt"])
def test_a_danger_phrase_taken_back_is_marked_defused(text):
    finding = detect(text)
    assert not finding.acute and finding.defused


def test_a_message_without_any_danger_phrase_is_neither():
    finding = detect("mun mies juo ja meillä on vauva")
    assert not finding.acute and not finding.defused
