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


@pytest.mark.parametrize(
    "path", ["bot/data/nlu_fi.yml", "bot/data/nlu_sv.yml", "tests/nlu/holdout_fi.yml", "tests/nlu/holdout_sv.yml"]
)
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


@pytest.mark.parametrize(
    "text, category, language",
    [
        ("MÄ HALUUN KUOLLA!!!", "suicide", "fi"),
        ("vauva ei hengita", "child", "fi"),
        ("han slar mig nu", "violence", "sv"),
        ("Jag har tagit en överdos.", "overdose", "sv"),
        ("hei. mun mies juo. se lyö mua nyt", "violence", "fi"),  # the acute sentence need not be the first
    ],
)
def test_findings_name_the_danger_and_the_language(text, category, language):
    finding = detect(text)
    assert finding.acute and finding.category == category and finding.language == language


@pytest.mark.parametrize(
    "text",
    [
        "mä tapan sen jos se ei tiskaa",  # an idiom
        "isä löi mua kun olin lapsi",  # the past
        "mitä teen jos vauva nielee lääkkeen",  # a question
        "en ole itsetuhoinen mutta väsynyt",  # a negation
        "mies lyö mua",  # violence without a now: the violence services answer it
        "pelkään että satutan vauvaa",  # an intrusive thought, not an intention
        "jag dog av skratt",
        "",
    ],
)
def test_not_acute(text):
    assert not detect(text).acute


def test_a_negation_does_not_hide_a_later_danger():
    assert detect("en ole itsetuhoinen mutta mies lyö mua nyt").acute


def test_normalising_folds_letters_and_long_repeats():
    assert normalise("APUAAAA, Hän LYÖ") == "apuaa , han lyo"


@pytest.mark.parametrize(
    "text",
    [
        "mä tapan sen jos se ei tiskaa",
        "isä löi mua kun olin lapsi ja joi",
        "mitä teen jos vauva nielee lääkkeen",
        "jag dog av skratt",
    ],
)
def test_a_danger_phrase_taken_back_is_marked_defused(text):
    finding = detect(text)
    assert not finding.acute and finding.defused


def test_a_message_without_any_danger_phrase_is_neither():
    finding = detect("mun mies juo ja meillä on vauva")
    assert not finding.acute and not finding.defused


# -- the crisis net (bot.safety.risk): patterns as the floor, the risk model, the conversation ----------

from bot.safety import model as risk_model  # noqa: E402
from bot.safety.risk import GATE, assess  # noqa: E402

# Kinds of the taxonomy (bot/safety/README.md) and the share of their training messages the net must
# flag (in-sample: a regression guard for the model and the thresholds, not a measure of new wordings;
# that is bench/crisis_blind.py on a blind set).
MIN_FLAGGED_IN_SAMPLE = 0.95


def _data_by_kind():
    groups = {}
    for e in risk_model.data_examples():
        groups.setdefault((e.label, e.language, e.kind), []).append(e.text)
    return groups


@pytest.mark.parametrize("key", sorted(k for k in _data_by_kind() if k[0] == "acute"), ids=lambda k: f"{k[1]}-{k[2]}")
def test_every_acute_kind_of_the_taxonomy_is_flagged(key):
    texts = _data_by_kind()[key]
    tiers = [assess(t).tier for t in texts]
    assert len(texts) >= 10
    assert sum(t != "none" for t in tiers) / len(texts) >= MIN_FLAGGED_IN_SAMPLE
    # most get the full reply; the check-in is for what the model is unsure of
    assert tiers.count("acute") / len(texts) >= 0.7


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_uncertain_messages_get_at_least_the_check_in_and_near_misses_rarely_anything(language):
    groups = _data_by_kind()
    uncertain = [
        t for (label, lang, _), texts in groups.items() if label == "uncertain" and lang == language for t in texts
    ]
    near = [t for (label, lang, _), texts in groups.items() if label == "none" and lang == language for t in texts]
    assert uncertain and near
    assert sum(assess(t).tier != "none" for t in uncertain) / len(uncertain) >= MIN_FLAGGED_IN_SAMPLE
    # In-sample the model raises no alarm of its own; the full replies here are the patterns' (past crises
    # the patterns read as now), and the patterns' hits the model reads as harmless are check-ins.
    assert sum(assess(t).tier == "acute" and assess(t).source != "pattern" for t in near) / len(near) <= 0.01
    assert sum(assess(t).tier == "acute" for t in near) / len(near) <= 0.03
    assert sum(assess(t).tier == "checkin" for t in near) / len(near) <= 0.08


@pytest.mark.parametrize("text", ["haluan kuolla", "han slår mig nu"])
def test_a_pattern_is_the_floor(text):
    found = assess(text)
    assert found.tier == "acute" and found.source == "pattern"


@pytest.mark.parametrize(
    "text",
    [
        "onks totta et vauvan ravistelu voi aiheuttaa aivovamman, luin siitä",
        "om det nån gång blir så att barnet int andas, vad ska ja göra",
    ],
)
def test_a_pattern_hit_the_model_reads_as_harmless_is_a_check_in_and_without_the_model_the_full_reply(
    text, monkeypatch
):
    from bot.safety import risk

    found = assess(text)
    assert found.source == "pattern" and found.tier == "checkin"
    assert found.acute_score < risk.PATTERN_CHECKIN_BELOW
    monkeypatch.setattr(risk, "_read", lambda _text: None)  # the model unavailable: the floor alone
    assert risk.assess(text).tier == "acute"


@pytest.mark.parametrize(
    "text", ["hyvästi ikuisesti", "anteeks kaikille", "Förlåt allihopa", "adjö för alltid", "nähdään toisella puolella"]
)
def test_a_final_farewell_too_short_for_the_model_gets_the_check_in(text):
    found = assess(text)
    assert found.tier == "checkin" and found.source == "farewell"


@pytest.mark.parametrize("text", ["tää oli tässä, kiitos", "hei hei", "kiitos ja moi", "tack och hej"])
def test_an_ordinary_goodbye_is_no_farewell(text):
    assert assess(text).tier == "none"


@pytest.mark.parametrize("text", ["hei", "missä on lähin neuvola", "tack för hjälpen", "/emergency", "", "kiitos"])
def test_everyday_messages_and_payloads_are_not_flagged(text):
    assert assess(text).tier == "none"


@pytest.mark.parametrize(
    "turns",
    [
        ("en mä jaksa enää mitään", "mulla on ne kaikki pillerit tässä pöydällä"),
        ("jag orkar inte mer", "tabletterna ligger framför mig nu"),
    ],
)
def test_two_messages_together_raise_the_tier(turns):
    first, second = turns
    alone = assess(second)
    together = assess(second, (first,))
    assert together.tier != "none"
    assert ("none", "checkin", "acute").index(together.tier) >= ("none", "checkin", "acute").index(alone.tier)


def test_a_thank_you_after_a_crisis_is_not_flagged_again():
    assert assess("kiitos", ("haluan kuolla",)).tier == "none"
    assert assess("ok", ("jag vill dö",)).tier == "none"


def test_a_follow_up_after_the_full_reply_is_not_given_it_again_by_the_conversation_alone():
    found = assess("en tiedä mitä teen", ("haluan kuolla tänään",))
    assert found.tier != "acute" or found.source != "conversation"


def test_danger_words_taken_back_are_at_most_a_check_in():
    for text in ("mä tapan sen jos se ei tiskaa", "jag dog av skratt", "isä löi mua kun olin lapsi"):
        assert assess(text).tier != "acute"


def test_the_assessment_names_its_tier_and_source():
    found = assess("mä haluun kuolla")
    assert found.as_dict()["tier"] == "acute" and found.flagged
    assert 0 < GATE < 1


@pytest.mark.parametrize(
    "text",
    [
        "pari vuotta sitten yritin tappaa itteni, nyt menee paljon paremmin",  # the now is the recovery's
        "otin yliannostuksen nuorena ja nyt mietin kerronko siitä neuvolassa",
        "skar mig i gymnasiet men nu mår jag bra",
        "katoin sarjan jossa isä lyö lasta ja nyt mietin miten puhun siitä lapsille",  # a film
        "såg en film där mamman vill ta livet av sig, nu frågar dottern om det",
        "olen terveydenhoitaja ja asiakas kertoi ravistelleensa vauvaa viime vuonna",  # a professional
        "jag är kurator och en klient har skurit sig tidigare, vart hänvisar jag",
        "mä tapan itteni tällä kuntosaliohjelmalla haha",  # a joke
    ],
)
def test_past_films_professionals_and_jokes_are_not_acute(text):
    assert not detect(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "yritin tappaa itteni vuosi sitten ja nyt mä aion tappaa itteni uudestaan tänään",
        "viilsin syvemmin ku ennen ja nyt vuotaa tosi paljon",  # "ku ennen" compares, it is not the past
        "jag har skrivit här förut men nu är det på riktigt, jag vill dö och har en plan",
        "olen sairaanhoitaja mutta nyt mun oma vauva ei hengitä",
        "haha en jaksa, mä tapan itteni nyt",  # a strict now in the clause overrules the joke
    ],
)
def test_a_now_in_the_dangers_own_clause_still_counts(text):
    assert detect(text).acute


def test_the_blind_measure_reads_any_set_folder(tmp_path, capsys):
    """The lead measures a fresh set once with `python -m bench.crisis_blind --set DIR`: per kind and total."""
    from bench import crisis_blind

    (tmp_path / "acute_fi.yml").write_text('suicide_explicit:\n- "mä aion tappaa itteni tänään"\n', encoding="utf-8")
    (tmp_path / "near_miss_sv.yml").write_text('idiom:\n- "jag dog av skratt"\n', encoding="utf-8")
    assert crisis_blind.main(["--set", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "| fi | acute | suicide_explicit | 1 | 1/1 (100.0%) |" in out
    assert "| sv | near_miss | idiom | 1 | 0/1 (0.0%) |" in out
    assert "NOTE" not in out  # not a retired set
    with pytest.raises(SystemExit):
        crisis_blind.main(["--set", str(tmp_path / "missing")])
