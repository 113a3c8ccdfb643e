"""Person names by their place in the message and by their shape (bot.privacy.name_passes, name_shapes),
and capitalised words that are not people (bot.privacy.not_people): each rule in Finnish and Swedish,
where it applies and where it must not."""

from __future__ import annotations

import pytest

from bot.privacy import swedish_words
from bot.privacy.redaction import redact
from tests.unit.swedish_words_mark import needs_swedish_words


@pytest.mark.parametrize(
    "text, expected",
    [
        # a lower-case name after a relation or child word
        ("kumppani maarit on tosi mustasukkainen", "kumppani [name] on tosi mustasukkainen"),
        ("mun vaimo sisko on raskaana", "mun vaimo [name] on raskaana"),
        ("mun poika juoksee karkuun", "mun poika juoksee karkuun"),
        ("min dotter nathalie har feber", "min dotter [name] har feber"),
        ("min son vägrar gå till dagis", "min son vägrar gå till dagis"),
        # subject of a question
        ("miks vesa ei saanu paikkaa", "miks [name] ei saanu paikkaa"),
        ("miks se ei saanu paikkaa", "miks se ei saanu paikkaa"),
        ("varfor fick int kajsa dagisplats", "varfor fick int [name] dagisplats"),
        ("varfor fick int barnen dagisplats", "varfor fick int barnen dagisplats"),
        # a signature ending the message
        ("Okej, jag försöker igen i morgon. /abdi", "Okej, jag försöker igen i morgon. /[name]"),
        ("kiitos avusta -vesa", "kiitos avusta -[name]"),
        ("vastaus on 2/3", "vastaus on 2/3"),
        # joined to a found name by o/och/ja
        ("walter o Mikko e tvillingar", "[name] o [name] e tvillingar"),
        ("Mikko ja koira on kotona", "[name] ja koira on kotona"),
        ("Mikko och hunden är hemma", "[name] och hunden är hemma"),
        # introducing oneself
        ("ja e michal o 16, kan ja prata", "ja e [name] o 16, kan ja prata"),
        ("sören har hej, glomde fraga", "[name] har hej, glomde fraga"),
        ("barnen har feber", "barnen har feber"),
        ("Anna tas, kiitos eilisestä", "[name] tas, kiitos eilisestä"),
        ("oon vuokko ja oon 16, voinko puhua", "oon [name] ja oon 16, voinko puhua"),
        ("Tack så mycket!! /Hans", "Tack så mycket!! /[name]"),
        ("min man klas e helt slut", "min man [name] e helt slut"),
        ("min man alltid är trött", "min man alltid är trött"),
        # two unfound words joined, one a name by the list or Voikko
        ("gunnar o robert e tvillingar", "[name] o [name] e tvillingar"),
        ("Kuumetta oli illalla 38,7 ja aamulla 37,2.", "Kuumetta oli illalla 38,7 ja aamulla 37,2."),
        # a capitalised base-form word before a sure surname; contact labels
        ("Kelan virkailija Tina Carlsson käski", "Kelan virkailija [name] [name] käski"),
        ("Kontaktuppgifter: Kari Karhu, adress", "Kontaktuppgifter: [name] [name], adress"),
        ("Tiedot: Kela on hoitanut", "Tiedot: Kela on hoitanut"),
        # a lower-case genitive before a family word; "det är X igen"
        ("christines mamma dricker", "[name] mamma dricker"),
        ("barnens mamma dricker", "barnens mamma dricker"),
        ("hej viitta, det är per igen", "hej viitta, det är [name] igen"),
        ("det är samma igen", "det är samma igen"),
    ],
)
def test_names_by_their_place(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a case ending glued onto a surname's base form
        ("Pitääkö Ahonenille ilmoittaa?", "Pitääkö [name] ilmoittaa?"),
        ("Pitääkö Saloille ilmoittaa?", "Pitääkö [name] ilmoittaa?"),
        ("Menimme koskille uimaan", "Menimme koskille uimaan"),
        ("Koskille on pitkä matka", "Koskille on pitkä matka"),
        # a place that is also a surname, after a profession word
        ("Kysyin jo sairaanhoitaja Salolta asiaa", "Kysyin jo sairaanhoitaja [name] asiaa"),
        ("Jag frågade sjukskötaren Salo men", "Jag frågade sjukskötaren [name] men"),
        ("asun Salossa", "asun Salossa"),
        # a Swedish genitive opening a sentence
        ("Perssons har lovat att ta hunden", "[name] har lovat att ta hunden"),
        ("Tapanis dagis ringde", "[name] dagis ringde"),
        ("Miks se ei tullu", "Miks se ei tullu"),
        ("onko se turvallista 5-vuotiaalle?", "onko se turvallista 5-vuotiaalle?"),  # an age, no house number
    ],
)
def test_names_by_their_shape(text, expected):
    assert redact(text) == expected


@needs_swedish_words
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Febern var 38,7 på kvällen", "Febern var 38,7 på kvällen"),
        ("Barnbidraget är 94,88 euro", "Barnbidraget är 94,88 euro"),
        ("Rådgivningstiden är 15.3", "Rådgivningstiden är 15.3"),
        ("Räcker D-vitamin droppar?", "Räcker D-vitamin droppar?"),
        ("Karl-Johan-svampar plockade vi", "Karl-Johan-svampar plockade vi"),
        ("Kan man ändra underhållsbidraget?", "Kan man ändra underhållsbidraget?"),
        ("Lykkes dagis ringde", "[name] dagis ringde"),  # a genitive no list knows
        ("Grunddelens belopp räcker inte", "Grunddelens belopp räcker inte"),
        ("Axel här, hur gör man", "[name] här, hur gör man"),  # a listed name, though also a Swedish word
        ("Anna-liisa ringde", "[name] ringde"),  # a name's hyphen, not a compound's
    ],
)
def test_swedish_everyday_words_opening_a_sentence_stay(text, expected):
    assert redact(text) == expected


def test_swedish_word_forms_and_compounds():
    if not swedish_words.WORDS.exists():
        assert not swedish_words.everyday("febern")  # without the list the check knows nothing
        return
    assert swedish_words.everyday("Febern") and swedish_words.everyday("rådgivningstiden")
    assert not swedish_words.everyday("Karin") and not swedish_words.everyday("Lindberg")  # proper nouns left out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ostin Lidlistä Pampersin vaippoja", "Ostin Lidlistä Pampersin vaippoja"),
        ("Clas Ohlsonilta sai turvaportin", "Clas Ohlsonilta sai turvaportin"),
        ("Mannerheimin Lastensuojeluliiton puhelin auttoi", "Mannerheimin Lastensuojeluliiton puhelin auttoi"),
        ("Röda Korset hade en kurs", "Röda Korset hade en kurs"),
        ("Hartwalls läsk är förbjuden", "Hartwalls läsk är förbjuden"),
        ("Alfons Åberg-böckerna har vi läst", "Alfons Åberg-böckerna har vi läst"),
        # a brand that is also a given name stays a name after a cue or next to a surname
        ("nimeni on Elisa", "nimeni on [name]"),
        ("Elisa Lindqvist soitti", "[name] [name] soitti"),
        ("puhuin Wilman kanssa", "puhuin [name] kanssa"),
    ],
)
def test_brands_and_organisations_are_not_people(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Yrjö-Koskisen polku 8, 64261 Saltvik", "[address], 64261 Saltvik"),  # a hyphenated genitive
        ("Meidän katu on kiva", "Meidän katu on kiva"),
        ("oon aino ja asun fahlanderin puistotie jossain", "oon [name] ja asun [address] jossain"),
        ("vi bor på capellan puistokuja typ", "vi bor på [address] typ"),
        ("asun joen rannalla", "asun joen rannalla"),
        ("asun miehen kanssa", "asun miehen kanssa"),
        # a house number and post code read as a phone: the street before it is still an address
        ("asun Yrjö-Koskisen bulevardi 034 12345 Reisjärvi", "asun [address] [phone] Reisjärvi"),
    ],
)
def test_streets_in_words(text, expected):
    assert redact(text) == expected
