"""Issue 11 end to end: the person's whole situation decides the services, through the REST channel of the
real Rasa server and action server, one test (or more) per kind of failure the issue lists."""

from __future__ import annotations

from tests.e2e.conftest import customs, language_of, text_of
from tests.e2e.conftest import texts as _texts


def first_card(messages: list[dict]) -> dict:
    cards = customs(messages, "service")
    assert cards, f"no service card in {_texts(messages)}"
    return cards[0]


def understood(messages: list[dict]) -> dict:
    """The understood-situation line (a message with the correction button)."""
    lines = [m for m in messages if any(b.get("payload") == "/correct_situation" for b in m.get("buttons") or [])]
    assert len(lines) == 1, messages
    return lines[0]


# 1. A later detail does not overwrite the worry
def test_violence_stays_the_worry_when_a_baby_is_mentioned_later(chat):
    chat.say("mun mies on lyöny mua monta kertaa ja mä pelkään sitä")
    detail = chat.say("meillä on kolmen kuukauden vauva")
    assert not customs(detail, "service")
    answer = chat.say("Oulu")
    assert first_card(answer)["category"] == "violence_support"
    assert {c["area"] for c in customs(answer, "service")} <= {"pohjois-pohjanmaa", "national"}


def test_a_one_word_role_answer_keeps_the_pregnancy_substance_worry(chat):
    chat.say("mun tyttöystävä on raskaana ja käyttää amfetamiinia")
    chat.say("poikaystävä")
    answer = chat.say("Rovaniemi")
    assert first_card(answer) == {**first_card(answer), "category": "hal_clinic", "area": "lappi"}


# 2. A worry said inside a question is kept (privacy answer, emergency reply)
def test_a_worry_inside_a_privacy_question_is_kept_and_the_search_goes_on(chat):
    asked = chat.say("tuleeko lastensuojeluilmoitus jos kerron että käytän pilveä raskaana")
    assert text_of("utter_privacy", "fi") in _texts(asked)
    assert text_of("utter_ask_area", "fi") in _texts(asked)
    answer = chat.say("Oulu")
    assert first_card(answer)["category"] == "hal_clinic"


def test_the_worry_behind_an_emergency_is_kept(chat):
    danger = chat.say("mun 14-vuotias tyttö viiltelee itseään ja sanoi just et se haluu kuolla")
    assert customs(danger, "emergency")
    answer = chat.say("asutaan oulussa")
    card = first_card(answer)
    assert card["area"] == "pohjois-pohjanmaa" and card["category"] != "crisis_line"


# 3. Professionals' topics
def test_a_pregnancy_week_and_cannabis_of_a_client_is_the_hal_clinic(chat):
    answer = chat.say(
        "Olen neuvolan terveydenhoitaja Kokkolasta. Asiakkaani on raskausviikolla 14 ja käyttää "
        "kannabista lähes päivittäin. Hän pelkää lastensuojelua. Mihin hänet kannattaa ohjata?"
    )
    assert first_card(answer)["category"] == "hal_clinic" and first_card(answer)["area"] == "keski-pohjanmaa"
    assert text_of("utter_referral_hal", "fi") in _texts(answer)


def test_a_school_social_workers_teen_cannabis_is_a_youth_case_with_both_needs(chat):
    answer = chat.say(
        "Työskentelen koulukuraattorina Oulussa. Oppilas, 15 v, polttaa kannabista lähes päivittäin. "
        "Hänen äitinsä juo runsaasti. Mihin ohjaan ja tarvitaanko lastensuojeluilmoitus?"
    )
    cards = customs(answer, "service")
    assert cards[0]["category"] == "youth_substance" and cards[0]["area"] == "pohjois-pohjanmaa"
    assert text_of("utter_referral_youth", "fi") in _texts(answer)
    assert text_of("utter_referral_child_welfare", "fi") in _texts(answer)


# 4. Audience and language of the lines
def test_a_teenagers_drinking_without_a_place_gets_no_baby_family_line(chat):
    chat.say("mun 15-vuotias poika juo joka viikonloppu")
    answer = chat.say("en halua kertoa")
    ids = [c["service_id"] for c in customs(answer, "service")]
    assert ids and "vauvaperhe-ja-paihteet-chat" not in ids


def test_a_swedish_speaker_gets_swedish_lines_first(chat):
    chat.say("min man slår mig och jag är rädd")
    answer = chat.say("vill inte säga")
    assert language_of(_texts(answer)[0]) == "sv"
    assert customs(answer, "service")[0]["service_id"] in ("nollalinja", "ensi-ja-turvakotien-liitto-chatt-svenska")


# 5. Long stories and terse spoken Finnish
def test_a_terse_noun_phrase_naming_family_and_substance(chat):
    chat.say("isi juo, vauva 3kk")
    answer = chat.say("rovaniemi")
    assert first_card(answer)["category"] == "adult_substance" and first_card(answer)["area"] == "lappi"


def test_a_long_story_about_a_partners_drinking(chat):
    answer = chat.say(
        "en tiiä mistä alottaa. mun puoliso on aina ottanu vähän mut viime vuonna ku se jäi työttömäks niin "
        "juominen on lähteny ihan käsistä. se alottaa jo aamupäivällä ja iltaan mennessä lapset menee omiin "
        "huoneisiinsa. ei se oo väkivaltanen mut se on arvaamaton ja kovaääninen. meillä on kolme lasta, 3, 7 ja "
        "12 vuotta. asutaan kajaanissa. mistä tähän saa apua"
    )
    assert first_card(answer)["category"] == "adult_substance" and first_card(answer)["area"] == "kainuu"


def test_a_place_where_someone_else_lives_is_not_taken_for_the_home(chat):
    # Set B (fi-b-022): the mother's town in the story, then the answer to "where do you live?".
    story = chat.say(
        "mä oon 22 ja sain vauvan kuus viikkoa sitten. poikaystävä lähti melkein heti ja mä asun yksin. "
        "äiti asuu Rovaniemellä eikä pysty auttaa. vauva itkee iltasin tuntikausia enkä mä jaksa"
    )
    assert not customs(story, "service")
    answer = chat.say("Kannus")
    assert first_card(answer)["area"] == "keski-pohjanmaa"


def test_terse_swedish_follow_ups_and_an_abbreviated_helsinki(chat):
    # Set B (sv-b-028): the worry, the age, then "hfors".
    chat.say("dottern röker på")
    chat.say("hon e 15")
    answer = chat.say("hfors")
    assert first_card(answer) == {**first_card(answer), "category": "youth_substance", "area": "helsinki"}


# 6. Sámi: an honest answer in fi/sv, Lappi's services, no language switch
def test_a_sami_question_in_finnish_is_answered_in_finnish(chat):
    answer = chat.say("voinko saada apua saameksi")
    assert text_of("utter_sami_services", "fi") in _texts(answer)
    assert first_card(answer)["area"] == "lappi" and first_card(answer)["category"] == "family_guidance"
    after = chat.say("kiitos")
    assert language_of(_texts(after)[0]) == "fi"


def test_a_sami_question_in_swedish_stays_swedish(chat):
    answer = chat.say("finns det familjetjänster på samiska")
    assert text_of("utter_sami_services", "sv") in _texts(answer)
    assert first_card(answer)["area"] == "lappi"


# 7. Emotional and economic violence
def test_control_of_phone_and_money_is_violence(chat):
    chat.say("puoliso tarkistaa mun puhelimen joka ilta eikä anna mulle omaa rahaa")
    answer = chat.say("Kajaani")
    cards = customs(answer, "service")
    assert [c["category"] for c in cards[:2]] == ["violence_support", "social_emergency"]


def test_belittling_in_swedish_is_violence(chat):
    chat.say("min sambo säger varje dag att jag är dum och ful och tar hela min lön")
    answer = chat.say("Vasa")
    assert first_card(answer)["category"] == "violence_support" and first_card(answer)["area"] == "pohjanmaa"


# The understood-situation line and its correction button
def test_the_reply_says_what_was_understood_and_can_be_corrected(chat):
    chat.say("oon raskaana ja mun mies juo joka päivä")
    answer = chat.say("Kemi")
    line = understood(answer)
    assert line["text"].startswith("Ymmärsin:") and "raskaana" in line["text"] and "Kemi" in line["text"]
    assert _texts(answer).index(line["text"]) == 0
    assert line["buttons"][0]["title"] == "Ei ihan – korjaa"
    asked = chat.say("/correct_situation")
    assert text_of("utter_correction_intro", "fi") in _texts(asked)
    assert not customs(asked, "service")
    corrected = chat.say("/relationship_support")
    assert first_card(corrected)["area"] == "lappi"  # the place was kept
    assert first_card(corrected)["category"] == "family_counselling"


def test_the_swedish_line_and_button(chat):
    chat.say("jag är gravid och min sambo dricker")
    answer = chat.say("Vasa")
    line = understood(answer)
    assert line["text"].startswith("Jag förstod:") and line["buttons"][0]["title"] == "Inte riktigt – rätta"


def test_a_privacy_question_after_the_answer_does_not_restart_the_search(chat):
    chat.say("mun mies juo joka ilta")
    assert customs(chat.say("Oulu"), "service")
    after = chat.say("onko tämä keskustelu nimetön")
    assert text_of("utter_privacy", "fi") in _texts(after)
    assert text_of("utter_ask_area", "fi") not in _texts(after) and not customs(after, "service")


# Set D's kinds (retired 2026-12-02): a child writes about a parent's drinking; a story the classifier cannot place
def test_a_thirteen_year_old_about_a_fathers_drinking_gets_the_familys_help_and_the_childrens_line(chat):
    chat.say("mun isä juo ja mä oon 13, en tiiä kenelle puhuu")
    answer = chat.say("asun keravalla")
    cards = customs(answer, "service")
    assert first_card(answer)["category"] in ("family_social_work", "child_welfare")
    assert "adult_substance" not in {c["category"] for c in cards}
    assert cards[-1]["area"] == "national"  # the line young people call themselves
    intro = text_of("utter_recommend_substance_use_family_young", "fi").split("({county})")[0]
    assert any(t.startswith(intro) for t in _texts(answer))


def test_a_long_swedish_story_of_a_mother_who_feels_nothing_for_the_baby_goes_on_to_services(chat):
    story = chat.say(
        "Jag skriver för min svägerska egentligen. Hon bor i Tavastehus och fick sitt andra barn i våras. Hennes man "
        "reser mycket i jobbet och hon är ensam med barnen. På senaste tiden har hon slutat svara i telefon, sagt att "
        "hon inte känner något för bebisen och att hon bara vill sova."
    )
    cards = customs(story, "service")
    assert cards, _texts(story)
    assert cards[0]["area"] == "kanta-hame" and cards[0]["category"] in ("mental_health", "neuvola")
    assert text_of("utter_fallback", "sv") not in _texts(story)
