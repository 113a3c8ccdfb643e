"""Lower-case names in spoken frames and given names that are also words after one's own possessive
(bot.privacy.name_spoken, bot.privacy.name_frames): each frame in Finnish and Swedish, where it applies and
where the same shape holds an everyday word that must stay."""

from __future__ import annotations

import pytest

from bot.privacy.redaction import redact


@pytest.mark.parametrize(
    "text, expected",
    [
        # back again after a greeting; a greeting itself is no name
        ("heippa täs teija taas, kysyin eilen", "heippa täs [name] taas, kysyin eilen"),
        ("hejsan tomas igen, jag frågade", "hejsan [name] igen, jag frågade"),
        ("heippa täs", "heippa täs"),
        ("hej igen", "hej igen"),
        ("hejsan alla igen", "hejsan alla igen"),
        ("moi kaikki taas", "moi kaikki taas"),
        # "it is X, my son": a listed name even if it is a word too; an adjective after "it is" stays
        ("No se on anna, mun poika", "No se on [name], mun poika"),
        ("He e gunvor, min pojk", "He e [name], min pojk"),
        ("No se on kipee, mun poika", "No se on kipee, mun poika"),
        ("he e bra, min pojk", "he e bra, min pojk"),
        ("ja e ensamstående, min son", "ja e ensamstående, min son"),
        # introducing oneself before a place
        ("Asså typ, ja e sören från Hesa, morsan", "Asså typ, ja e [name] från Hesa, morsan"),
        ("ja e ensam från Vasa", "ja e ensam från Vasa"),
        ("ja e hemma från jobbet", "ja e hemma från jobbet"),
        # oneself and the other one; a relative's word stays
        ("Tja, mig och sophia har lite bråk", "Tja, mig och [name] har lite bråk"),
        ("jag och sambon har bråk", "jag och sambon har bråk"),
        ("mä ja veli ollaan", "mä ja veli ollaan"),
        ("mig och frugan har bråk", "mig och frugan har bråk"),
        # a given name that is also a word, after one's own possessive; a brand stays
        ("mun Orvokki on kaksikielinen", "mun [name] on kaksikielinen"),
        ("meidän Kela-tuki loppui", "meidän Kela-tuki loppui"),
        ("mun Mersu hajos", "mun Mersu hajos"),
        # a possessive gloss names a person, even a word the directory uses
        ("miten Tuulia (mun poika) vois", "miten [name] (mun poika) vois"),
        ("hur Simon (min son) kunde", "hur [name] (min son) kunde"),
        ("Kela (mun tuki) on kiinni", "Kela (mun tuki) on kiinni"),
        # right after a relation word or one's own possessive; verbs, compounds and "was" stay
        ("Anoppi teija haluu etta", "Anoppi [name] haluu etta"),
        ("Grannen elliot på nedre våningen", "Grannen [name] på nedre våningen"),
        ("Våran kristina har börja bita", "Våran [name] har börja bita"),
        ("mun kaveri sano", "mun kaveri sano"),
        ("Natten var lång och ingen sov.", "Natten var lång och ingen sov."),
        ("Vår hemgata är så trafikerad", "Vår hemgata är så trafikerad"),
        ("hur söker man specialvårdspenning", "hur söker man specialvårdspenning"),
        ("jag är rädd att barnet springer ut", "jag är rädd att barnet springer ut"),
        # an age in brackets, a signature of name, age and place, pet-name compounds
        ("Pappa hit. Anna (7) har ont i magen", "Pappa hit. [name] (7) har ont i magen"),
        ("Lapsi (7) on kipeä", "Lapsi (7) on kipeä"),
        ("Oulu (13)", "Oulu (13)"),
        ("Kemi (9)", "Kemi (9)"),
        ("– Kari, 29, Jakobstad", "– [name], 29, Jakobstad"),
        ("Väsynyt, 34, Vaasa", "Väsynyt, 34, Vaasa"),
        ("meiän eero-kulta täyttää huomenna 3", "meiän [name] täyttää huomenna 3"),
        ("Björn-gubben har fått feber igen", "[name] har fått feber igen"),
        ("lilla Simo vill inte gå", "lilla [name] vill inte gå"),
        ("Kuopio-kulta", "Kuopio-kulta"),
        ("Pikku Kakkonen alkaa", "Pikku Kakkonen alkaa"),
    ],
)
def test_spoken_frames(text, expected):
    assert redact(text) == expected
