"""Person names that the sentence around them shows (bot.privacy.name_context), lower-case first and
surname pairs (bot.privacy.name_pairs), and the words that must stay: each rule in Finnish and Swedish,
where it applies and where it must not."""

from __future__ import annotations

import pytest

from bot.privacy.redaction import redact
from tests.unit.swedish_words_mark import needs_swedish_words


@pytest.mark.parametrize(
    "text, expected",
    [
        # an age told after a first name that is also a word or a brand
        ("Onni on kuusivuotias ja aloittaa eskarin", "[name] on kuusivuotias ja aloittaa eskarin"),
        ("Wilma on kolme vuotta ja puhuu vähän", "[name] on kolme vuotta ja puhuu vähän"),
        ("Karin är sex år och börjar förskolan", "[name] är sex år och börjar förskolan"),
        ("Lapsi on kuusivuotias ja aloittaa eskarin", "Lapsi on kuusivuotias ja aloittaa eskarin"),
        ("Hon är sex år och börjar förskolan", "Hon är sex år och börjar förskolan"),
        # a possessive, relation or child word, then an age, "joka"/"som" or being born
        ("meiän kjell on nyt 2 ja puhuu vähän", "meiän [name] on nyt 2 ja puhuu vähän"),
        ("vår anita e 2 nu och pratar lite", "vår [name] e 2 nu och pratar lite"),
        ("tytto marja joka on 8kk ei konttaa", "tytto [name] joka on 8kk ei konttaa"),
        ("lapsi hans syntyi maaliskuussa", "lapsi [name] syntyi maaliskuussa"),
        ("meiän auto on nyt 2 vuotta vanha", "meiän auto on nyt 2 vuotta vanha"),
        ("vår hund e 2 nu och skäller", "vår hund e 2 nu och skäller"),
        # "mun ex X", "min ex X"
        ("mun ex stig laittaa viestejä", "mun ex [name] laittaa viestejä"),
        ("mun ex haluaa tavata lapsia", "mun ex haluaa tavata lapsia"),
        # the one a message is for
        ("skriv ett meddelande åt juhana att ja int hinner", "skriv ett meddelande åt [name] att ja int hinner"),
        ("kirjota viesti veikkolle et en pääse", "kirjota viesti [name] et en pääse"),
        ("kirjota viesti mirjamlle et en pääse", "kirjota viesti [name] et en pääse"),
        ("skriv ett meddelande till skolan att vi är sjuka", "skriv ett meddelande till skolan att vi är sjuka"),
        ("kirjota viesti opettajalle et en pääse", "kirjota viesti opettajalle et en pääse"),
        # who writes
        ("he e viola som skriver, ja sku behöv hjälp", "he e [name] som skriver, ja sku behöv hjälp"),
        ("det är mamma som skriver", "det är mamma som skriver"),
        # introducing oneself, then an age or "ja"/"och"
        ("ja e lena, 17, och gravid", "ja e [name], 17, och gravid"),
        ("moi oon ture ja mun vauva itkee", "moi oon [name] ja mun vauva itkee"),
        ("jag är ensamstående och trött", "jag är ensamstående och trött"),
        ("oon väsynyt ja lapset itkee", "oon väsynyt ja lapset itkee"),
        # greeting someone, "X från Y här"
        ("Hej Elisa, tack för i går", "Hej [name], tack för i går"),
        ("Hejsan! Jimmy från Rovaniemi här, vet ni", "Hejsan! [name] från Rovaniemi här, vet ni"),
        ("Hei Viitta, tarviin apua", "Hei Viitta, tarviin apua"),
        # Swedish "Hans" as a name and as "his"
        ("vi har tvillingar Armas och Hans, de e 5", "vi har tvillingar [name] och [name], de e 5"),
        ("Lillebror Hans är 12 och spelar", "Lillebror [name] är 12 och spelar"),
        ("Hans mamma är sjuk", "Hans mamma är sjuk"),
        ("jag tog hans cykel", "jag tog hans cykel"),
        # a colon before a case ending; a case ending glued onto a consonant
        ("Kävin eilen Tuulia:n kanssa neuvolassa", "Kävin eilen [name]:n kanssa neuvolassa"),
        ("Robertlta tuli taas viesti", "[name] tuli taas viesti"),
        ("Kelalta tuli taas viesti", "Kelalta tuli taas viesti"),
        # a surname spelt like a municipality: glued genitive, told to, a principal
        ("Puhuin Juulia Koskin kanssa eilen", "Puhuin [name] [name] kanssa eilen"),
        ("kirjotin Salolle sossuun mut ei vastausta", "kirjotin [name] sossuun mut ei vastausta"),
        ("rehtori Salo ei tee mitään", "rehtori [name] ei tee mitään"),
        ("muutin Saloon viime vuonna", "muutin Saloon viime vuonna"),
        # a child or relation word, then a name in its base form, or an age in months
        ("hej vi har en flicka diana på 8 mån som int kryper", "hej vi har en flicka [name] på 8 mån som int kryper"),
        ("Flickan Tilde började ettan i augusti", "Flickan [name] började ettan i augusti"),
        ("hänen uusi vaimonsa Orvokki haluaa", "hänen uusi vaimonsa [name] haluaa"),
        ("mitt ex viola skickar meddelanden", "mitt ex [name] skickar meddelanden"),
        ("Mitt ex Hans hotar i sms", "Mitt ex [name] hotar i sms"),
        ("lapsi Kelalta sai rahaa", "lapsi Kelalta sai rahaa"),
        ("min man hjälper int till", "min man hjälper int till"),
        ("lasten isä lähti eikä maksa", "lasten isä lähti eikä maksa"),
        # a sentence opened by a listed name's genitive before a family word
        ("Karis pappa vill inte skriva under", "[name] pappa vill inte skriva under"),
        ("Barnens pappa vill inte skriva under", "Barnens pappa vill inte skriva under"),
        ("Hans pappa vill inte skriva under", "Hans pappa vill inte skriva under"),
        # Hans at the end, before a capitalised word
        ("Kiitos avusta. t. Hans", "Kiitos avusta. t. [name]"),
        ("Mun työkaveri Hans Prismasta suositteli", "Mun työkaveri [name] Prismasta suositteli"),
        # a genitive Voikko knows only as a place before "kanssa"; a municipality only after a first name
        ("Mulla on tapaaminen Mikkolan kanssa torstaina", "Mulla on tapaaminen [name] kanssa torstaina"),
        ("Puhuin Laura Kankaanpään kanssa eilen", "Puhuin [name] [name] kanssa eilen"),
        ("Sovin Kankaanpään kanssa hoitopaikasta", "Sovin Kankaanpään kanssa hoitopaikasta"),
        # "hans" after a relation cue before a verb, "Hans" before "på"; an appointment with someone
        ("min man hans e helt slut", "min man [name] e helt slut"),
        ("Hälsovårdaren Hans på rådgivningen sa", "Hälsovårdaren [name] på rådgivningen sa"),
        ("ja fick tid hos Syrjälä men kan int komma", "ja fick tid hos [name] men kan int komma"),
        ("ja fick tid hos Mehiläinen i morgon", "ja fick tid hos Mehiläinen i morgon"),
        # a name told as one
        ("pappans namn e magdalena norberg och han", "pappans namn e [name] [name] och han"),
        # signatures
        ("Kram Armas", "Kram [name]"),
        ("//ina", "//[name]"),
        ("vastaus on ja/tai", "vastaus on ja/tai"),
    ],
)
def test_names_by_the_sentence(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("pitääkö mun antaa antero hietanenlle mun osoite", "pitääkö mun antaa [name] [name] mun osoite"),
        ("pitääkö mun antaa svea svenssonlle mun osoite", "pitääkö mun antaa [name] [name] mun osoite"),
        ("oon loke molin ja asun Oulussa", "oon [name] [name] ja asun Oulussa"),
        ("ja e tore näslund, har två barn", "ja e [name] [name], har två barn"),
        ("måst ja ge elliot norman min nya adress", "måst ja ge [name] [name] min nya adress"),
        ("måst ja ge antero mikkola min nya adress", "måst ja ge [name] [name] min nya adress"),
        ("ja e dan sundberg och bor i Vasa", "ja e [name] [name] och bor i Vasa"),
        ("ja e trött och ledsen", "ja e trött och ledsen"),
        ("mikko haluu tulla kotiin", "[name] haluu tulla kotiin"),
        ("mun nimi on elsie enka haluu etta kukaan tietaa", "mun nimi on [name] enka haluu etta kukaan tietaa"),
        ("hetu on 010101-123N, milloin lapsilisa alkaa tulla", "hetu on [hetu], milloin lapsilisa alkaa tulla"),
        ("varfor fick int kajsa dagisplats", "varfor fick int [name] dagisplats"),
        ("skolvägen 3 km är för lång", "skolvägen 3 km är för lång"),
        ("mies sanoo et kukaan usko mua", "mies sanoo et kukaan usko mua"),
    ],
)
def test_lower_case_first_and_surname_pairs(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # attractions, schools, media and hospitals are no people; generic streets no addresses
        ("Linnanmäelle pääsee alle 120 cm lapset ilmaiseksi", "Linnanmäelle pääsee alle 120 cm lapset ilmaiseksi"),
        ("Borgbacken släpper in barn gratis", "Borgbacken släpper in barn gratis"),
        ("Hanken och Arcada har studentbarnomsorg", "Hanken och Arcada har studentbarnomsorg"),
        ("Yle Arenan har bra barnprogram", "Yle Arenan har bra barnprogram"),
        ("Kotikadulla ajetaan niin kovaa", "Kotikadulla ajetaan niin kovaa"),
        ("Spårvagn 7 är alltid full", "Spårvagn 7 är alltid full"),
        ("Riksväg 8 är för trafikerad", "Riksväg 8 är för trafikerad"),
        ("Gågatan var full av folk", "Gågatan var full av folk"),
        ("Mumintrollen skrämmer oss, speciellt Mårran.", "Mumintrollen skrämmer oss, speciellt Mårran."),
        ("Stockmannin hulluilta päiviltä ostettiin rattaat", "Stockmannin hulluilta päiviltä ostettiin rattaat"),
        # but a person named like one, and a real street, still go
        ("asun Jännekadulla ja lapset", "asun [address] ja lapset"),
        ("Vi bor på Storgatan 5 i Vasa", "Vi bor på [address] i Vasa"),
    ],
)
def test_places_and_organisations_stay(text, expected):
    assert redact(text) == expected


@needs_swedish_words
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mamma säger att man förr lade bebisar på mage", "Mamma säger att man förr lade bebisar på mage"),
        ("Vecka 40 går förbi och inga tecken än.", "Vecka 40 går förbi och inga tecken än."),
        ("behöver man tidsbokning?", "behöver man tidsbokning?"),
        ("min man klas e helt slut", "min man [name] e helt slut"),
    ],
)
def test_swedish_words_that_never_inflect_stay(text, expected):
    assert redact(text) == expected


def test_a_spoken_participle_and_pronoun_after_oon_are_no_name_pair():
    text = "se hakkaa mua just nyt ja mä oon lukinnu itteni vessaan apua"
    assert redact(text) == text
    assert redact("oon loke molin ja asun Haapavesi") == "oon [name] [name] ja asun Haapavesi"


# Frames around a word that make it a name (bot.privacy.name_frames), each with words that must stay.
@pytest.mark.parametrize(
    "text, expected",
    [
        # greetings from someone: a given name's ablative, also a municipality's name in a person's case
        ("terkkuja brittalta", "terkkuja [name]"),
        ("terkkuja kaarinalta", "terkkuja [name]"),
        ("terkkuja mummolta", "terkkuja mummolta"),
        # thanks, a comma and the last word
        ("okei kiitos paljon, mika", "okei kiitos paljon, [name]"),
        ("okei kiitos paljon, moi", "okei kiitos paljon, moi"),
        # a name signing before a phone number
        ("Ei mulla muuta, kiitti. Kent 040 123 4567", "Ei mulla muuta, kiitti. [name] [phone]"),
        ("Soita 040 123 4567", "Soita [phone]"),
        # a name glossed by a relation in brackets
        (
            "en tiiä kenelle kirjottaa. Veikko (mun avokki) juo joka ilta",
            "en tiiä kenelle kirjottaa. [name] (mun avokki) juo joka ilta",
        ),
        ("Lapsi (mun poika) juo joka ilta", "Lapsi (mun poika) juo joka ilta"),
        # a given name's adessive opening a sentence before "on", in either vowel harmony
        ("Marjalla on kuumetta 39, onko hätä", "[name] on kuumetta 39, onko hätä"),
        ("Ensiollä on astma ja kysyn saako se kerhoon", "[name] on astma ja kysyn saako se kerhoon"),
        ("Meillä on kuumetta", "Meillä on kuumetta"),
        ("Tampereella on uusi neuvola", "Tampereella on uusi neuvola"),
        # a municipality that is also a given name, in the ablative or allative inside a sentence
        ("kysyin jo Kaarinalta neuvolasta mut se ei tienny", "kysyin jo [name] neuvolasta mut se ei tienny"),
        ("asun Kaarinassa ja kysyin neuvolasta", "asun Kaarinassa ja kysyin neuvolasta"),
        # a surname's genitive before the word for family, also with the -n glued onto the base form
        (
            "Hokkanenn perheen asiat hoitaa nyt uusi sosiaalityöntekijä",
            "[name] perheen asiat hoitaa nyt uusi sosiaalityöntekijä",
        ),
        ("Lapsen perheen tilanne on vaikea", "Lapsen perheen tilanne on vaikea"),
        ("Oman perheen asiat", "Oman perheen asiat"),
        # a name right after a role or relation word
        ("Joo eli terkkari Mari käski mun kysyy täältä", "Joo eli terkkari [name] käski mun kysyy täältä"),
        ("Tytär Elisa on raskaana", "Tytär [name] on raskaana"),
        ("mun äiti Lahdessa on kipeä", "mun äiti Lahdessa on kipeä"),
    ],
)
def test_frames_finnish(text, expected):
    assert redact(text) == expected


@needs_swedish_words
@pytest.mark.parametrize(
    "text, expected",
    [
        ("okej tack så mycket, jonny", "okej tack så mycket, [name]"),
        ("okej tack så mycket, bra", "okej tack så mycket, bra"),
        ("Inget mer, tack. Johan 070-123 45 67", "Inget mer, tack. [name] [phone]"),
        ("alltså Armas (min son) har varit borta", "alltså [name] (min son) har varit borta"),
        ("/ Helén (Annas mamma)", "/ [name] ([name] mamma)"),
        # a given name opening a sentence before a Swedish verb; not a fronted object nor a definition
        ("Per har 39 i feber, är det akut", "[name] har 39 i feber, är det akut"),
        ("Johan har astma, får han gå i klubben", "[name] har astma, får han gå i klubben"),
        ("Vilja har han, men orken tar slut", "Vilja har han, men orken tar slut"),
        ("Tor var åskguden", "Tor var åskguden"),
        ("Arbis har kurser i babymassage", "Arbis har kurser i babymassage"),
        # introducing oneself after a greeting
        ("hej det är karina, jag har två barn", "hej det är [name], jag har två barn"),
        ("hej det är bra, jag har två barn", "hej det är bra, jag har två barn"),
        # who said it
        ("jamen pär sa att ni kan hjälpa", "jamen [name] sa att ni kan hjälpa"),
        ("jamen läkaren sa att ni kan hjälpa", "jamen läkaren sa att ni kan hjälpa"),
        # a given name's genitive before a noun; a surname's before "familj"
        ("Aris lärare ringde och sa att hon somnar", "[name] lärare ringde och sa att hon somnar"),
        ("Jag skriver för Elisas räkning", "Jag skriver för [name] räkning"),
        ("Barnens lärare ringde", "Barnens lärare ringde"),
        ("Berglunds familj har fått en ny socialarbetare", "[name] familj har fått en ny socialarbetare"),
        ("Hela familjen mår dåligt", "Hela familjen mår dåligt"),
        # at an office, a municipality's Finnish genitive in a Swedish sentence too
        ("Ja sko vilja tala me Kian på socialen igen", "Ja sko vilja tala me [name] på socialen igen"),
        ("jag frågade redan Simon på rådgivningen", "jag frågade redan [name] på rådgivningen"),
        ("Vi var i Vasa på dagis", "Vi var i Vasa på dagis"),
        ("Mamma på jobbet sa", "Mamma på jobbet sa"),
        # after a relation word, a municipality that is a given name
        ("Min exman Simo hotar att ta barnen", "Min exman [name] hotar att ta barnen"),
        ("svärmor Mari lägger sig i allt", "svärmor [name] lägger sig i allt"),
    ],
)
def test_frames_swedish(text, expected):
    assert redact(text) == expected
