"""The patterns' rules for wordings of the taxonomy kinds they did not know, each with the near misses that share its
words (bot/safety/README.md): acute in Finnish and Swedish, and the same words in a past, a dream, a play, a question or
an idiom left alone. Deterministic (no model): bot.safety.crisis.detect and the farewell phrases of bot.safety.risk."""

from __future__ import annotations

import pytest

from bot.safety.crisis import detect
from bot.safety.risk import farewell


@pytest.mark.parametrize(
    "text, category",
    [
        # a threat to the children (or the writer) if the writer calls for help
        ("se sanoo että jos soitan poliisille se tappaa lapset", "violence"),
        ("se sano et se tappaa lapset jos mä soitan kellekään", "violence"),
        ("han säger att om jag ringer polisen så dödar han barnen", "violence"),
        ("Han sa att om jag ringer nån så gör han illa barnen.", "violence"),
        # a household chemical drunk, by a sibling or anyone
        ("pikkuveli joi just klooria", "child"),
        ("veljeni joi äsken puhdistusainetta", "overdose"),
        ("lillebror drack precis klorin", "child"),
        ("min bror har druckit rengöringsmedel", "overdose"),
        # a wound still spurting after self-harm
        ("haavasta pulppuaa verta eikä se lopu", "medical"),
        ("haava vuotaa edelleen eikä lakkaa", "medical"),
        ("såret slutar inte blöda", "medical"),
        ("blodet sprutar ur skåran på armen", "medical"),
        # fear of one's own acts towards the baby, or oneself
        ("mä pelkään mitä mä teen sille vauvalle", "child"),
        ("ja e rädd för va ja ska göra me henne", "child"),
        ("jag är rädd för vad jag ska göra med bebisen", "child"),
        ("pelkään mitä teen itselleni tänä yönä", "suicide"),
        # a relative going to join the dead behind a closed door
        ("mummo sanoo että menee vainaan papan luo eikä avaa ovea", "suicide"),
        ("äiti sanoi että lähtee edesmenneen isän luokse eikä vastaa puhelimeen", "suicide"),
        ("mormor säger att hon ska gå till sin döda man och hon öppnar inte dörren", "suicide"),
        ("farmor sa att hon snart ska förenas med morfar som dog och hon svarar inte", "suicide"),
        # intent said with "ta mitt liv" / "döda mej" without "själv"
        ("imorgon på min 18-årsdag tar ja mitt liv", "suicide"),
        ("ja vill döda mej. ja e så trött på att vara till besvär", "suicide"),
    ],
)
def test_a_new_wording_of_a_taxonomy_kind_is_acute(text, category):
    found = detect(text)
    assert found.acute and found.category == category, found


@pytest.mark.parametrize(
    "text",
    [
        # the same words in the past, with a time ago
        "se sano kaks vuotta sitten et satuttaa lapsia jos soitan poliisille, nyt ollaan erottu ja turvassa",
        "han sa för två år sen att han skulle skada barnen om jag ringde polisen, nu är vi skilda",
        "viis vuotta sitten veli joi klooria mutta selvis",
        "för fem år sedan drack min bror klorin men han överlevde",
        "det hände tre år sen, jag tog en överdos",
        # a threat that is a condition without calling for help stays with the violence services
        "se tappaa mut jos lähden",
        # fears and intrusive thoughts are no intention
        "pelkään että satutan vauvaa",
        "jag är rädd att jag ska bli som min mamma som slog",
        # a relative who misses the dead
        "mummo puhuu paljon vainaasta papasta ja sanoo ikävöivänsä",
        "mormor pratar mycket om morfar som dog och säger att hon saknar honom",
        # dreams, plays, essays
        "jag drömde i natt att jag tappade bebisen i trappan, vaknade och hon sov lugnt",
        "jag drömde att jag tog livet av mig",
        "unessa hyppäsin sillalta",
        "näytelmässä päähenkilö tappaa itsensä",
        "i pjäsen tar huvudpersonen livet av sig",
        "kirjoitan esseeseen itsemurhasta",
        "om någon skulle skriva till er att han tänker hoppa, vad skulle ni svara då?",
        # when to call 112, safe storage of medicines, an accidental cut
        "milloin pitää soittaa 112 jos lapsella on kuumetta",
        "när behöver man ringa 112 om barnet har feber",
        "miten säilytän lääkkeet turvallisesti ettei lapsi pääse niihin",
        "hur förvarar jag mediciner säkert så barnen inte kommer åt",
        "poika viilsi sormeen pienen haavan leipäveitsellä",
        # idioms: tiring children, "dödstrött", "dödsskönt", "could kill for"
        "barnen tar livet av mig",
        "ungarna tar livet av mig idag",
        "tvätthögen tar livet av mej",
        "dödstrött idag, lillen vaknade fem gånger i natt",
        "det var dödsskönt i bastun",
        "jag skulle kunna döda för en kaffe",
        "nää lapset tappaa mut",
        "pyykkivuori tappaa mut",
    ],
)
def test_the_same_words_in_a_near_miss_are_not_acute(text):
    assert not detect(text).acute


def test_a_dream_takes_back_only_its_own_clause():
    assert detect("näin unta että tapoin itteni, nyt aion tappaa itteni oikeesti").acute


@pytest.mark.parametrize(
    "text",
    [
        "tää on mun jäähyväisviesti",
        "viimesen kerran moi",
        "en tuu enää takas kotiin",
        "sista orden till min dotter: mamma är ledsen",
        "köp inga julklappar åt mej i år, ja e int här då",
        "min tid ar ute, tack a forlat",
        "farväl",
    ],
)
def test_a_last_message_without_the_word_is_a_farewell(text):
    assert farewell(text, defused=False)


@pytest.mark.parametrize(
    "text", ["kiitos ja hei", "tack och hej", "nähdään huomenna", "vi ses i morgon", "säg farväl till blöjorna"]
)
def test_an_everyday_closing_is_no_farewell(text):
    assert not farewell(text, defused=False)
