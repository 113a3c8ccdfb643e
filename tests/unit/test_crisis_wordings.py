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


# -- set F's wordings (bench/blind/crisis_f, retired into training): each class of wording the patterns did not
# know, asserted on bot.safety.risk.assess (caught = the full reply or the check-in), with the near misses of the same
# words that must not get the full reply.

from bot.safety.risk import assess  # noqa: E402


@pytest.mark.parametrize(
    "text",
    [
        # suicide_explicit: dialect forms of "itseni" (savo "ittein")
        "mie tapan ittein ku toi lähtee töihin",
        "mä tapan itteen tänä yönä",
        # suicide_explicit: going now to the railway or into the lake, the means named by the place
        "mä meen kohta junaradalle",
        "mie meen nyt raiteille",
        "jag går till tågrälsen nu",
        "ja går ut i havet i kväll",
        # suicide_explicit: a threat with a condition said in earnest
        "jag kommer ta livet av mig om han inte svarar inom en timme, jag menar det på riktigt",
        "mä tapan itteni jos se ei soita, oon ihan tosissani",
        # suicide_implicit: the way and the time decided, a day one will not be there
        "Oon jo päättäny miten ja milloin.",
        "jag har bestämt hur och när",
        "kysyn koska en aio olla täällä huomenna",
        "en aio olla elossa jouluna",
        # suicide_implicit: messages left for the children
        "Hej då. Krama barnen från mig.",
        "kan ni hälsa min dotter att det inte var hennes fel",
        "halatkaa lapsia musta",
        "sanokaa tytölle että se ei ollut sen vika",
        # suicide_implicit: custody after one's death asked against a deadline tonight
        "vem får vårdnaden om man inte finns mer? jag behöver veta det före i natt",
        # child_hurt: a carer hurt the child this morning, told by a bystander
        "Olen opettaja ja oppilas tuli juuri kouluun ja kertoi että isä poltti häntä silitysraudalla aamulla.",
        "naapurin poika kertoi että isä löi häntä tänään",
        # child_alone: a child with a carer high or drunk and nobody else there
        "siskoni on aivan sekaisin amfetamiinista, hänen lapsensa on hänen kanssaan eikä kukaan muu ole siellä",
        "mamma är packad och bebisen är hemma med henne, ingen annan är där",
        # harm_baby: a wish that the baby stops breathing; next time it will not be the wall
        "vill bara att han ska sluta andas så det blir tyst",
        "haluun vaan et se vauva lakkais hengittämästä",
        "jag har slagit i väggen men jag känner att nästa gång blir det inte väggen",
        "löin seinää ja seuraavalla kerralla se ei oo seinä",
        # psychosis: flying from a roof, a body steered to do harm
        "jag är utvald, jag kan flyga från taket, jag ska visa barnen",
        "jag känner att nån styr min kropp och den vill göra nåt farligt, jag kan int stoppa den",
        "mä pystyn lentää katolta, äänet sanoo niin",
        "joku ohjaa mun kehoa ja se haluu tehdä jotain vaarallista",
        # relative_farewell: a picture of a bridge with a farewell; going to the dead parent, and silence
        "Min bästa vän la upp en bild på en bro och skrev 'tack och hej'.",
        "kaveri laittoi kuvan sillalta ja kirjoitti hyvästi",
        "aiti laitto mulle et se on 'menossa isan luo' ja isa kuoli viime vuonna. se ei vastaa enaa",
    ],
)
def test_a_set_f_wording_is_caught(text):
    assert assess(text).tier != "none", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        # a privacy question about violence ("sökt hjälp" is no cry for help)
        "Kan min man få reda på att jag har sökt hjälp för att han slår mig?",
        "Får han se att jag har sökt hjälp för att han slog mig?",
        "näkeekö mies että oon hakenut apua kun se lyö mua?",
        # a habit, not now
        "morsan e full jämt",
        # idioms
        "Aion hirttää itteni tähän uuteen lastenrattaan kokoamisohjeeseen, kuka nää kirjottaa",
        "Ja dör snart av skratt, lillpojken sa att pappa har en ölmage",
        "Jag bara vill gräva ner mig och dö. Skickade ett meddelande till fel mamma",
        "Jag ska sätta eld på den där blöjhinken, den luktar som ett slagfält.",
        "Jag är sliten åt alla håll.",
        # the past of someone else, a minor bleed seen to, a farewell letter long ago, the writer safe
        "Vår son slutade andas en kort stund när han var nyfödd, det var ett reflexanfall. Han är tre nu och frisk.",
        "Tyttö kaatui pyörällä ja polvesta tuli verta, pestiin ja laastari päälle.",
        "Joskus 2017 kirjotin jäähyväiskirjeen ja kaikki, mut kaveri löysi sen ajoissa. Nyt elämä on ihan eri.",
        "mulla on nii paha mieli et itken bussissa. en tee mitää typerää, haluun vaa puhuu jonku kans",
        # a professional on a child's play
        "varhaiskasvatuksen erityisopettaja: lapsi kertoo leikeissä, että 'äiti nukkuu lattialla ja ei herää', mutta "
        "äiti on tullut hakemaan ihan tavallisena.",
        # the same places and days, harmless
        "vi går till bron i kväll och tittar på fyrverkerierna",
        "en oo täällä jouluna, ollaan mökillä",
        "jag kommer inte vara hemma till julen, vi åker till Thailand",
        "mitä lapsille tapahtuu jos kuolen? mulla on leikkaus huomenna",
    ],
)
def test_a_set_f_near_miss_gets_no_full_reply(text):
    assert assess(text).tier != "acute", assess(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kan min man få reda på att jag har sökt hjälp för att han slår mig?",
        "vi går till bron i kväll och tittar på fyrverkerierna",
        "en oo täällä jouluna, ollaan mökillä",
        "Jag ska sätta eld på den där blöjhinken.",
        "Aion hirttää itteni tähän kokoamisohjeeseen",
    ],
)
def test_a_set_f_near_miss_is_no_pattern_alarm(text):
    assert not detect(text).acute, detect(text)


def test_help_is_a_now_word_only_as_a_cry_for_help():
    assert detect("hjälp han slår mig").acute
    assert not detect("jag har sökt hjälp för att han slår mig").acute
