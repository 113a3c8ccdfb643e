"""Reviewed word patterns (fi and sv, on folded text: lower case, no ä/ö/å) for the situation's fields.

They catch what the intent classifier cannot carry: a pregnancy written as a week number, a child's
age, whose worry it is, the kind of violence (emotional and economic too), several needs in one
long message. Patterns are deliberately stems with spoken and misspelt variants; each one is covered
by tests/unit/test_situation.py.
"""

from __future__ import annotations

import re


def _c(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# A pregnancy that is over ("vaimoni kanto raskauden", "när jag var gravid"): the baby is born, no HAL clinic.
PAST_PREGNANCY = _c(
    r"\bkanto(?:i)? (?:\w+ )?raskauden|\bkantoi (?:\w+ )?(?:vauvan|lapsen)|\bolin raskaana|\boli raskaana|"
    r"\bbar (?:\w+ )?(?:graviditeten|barnet)|\b(?:nar|da) (?:jag|hon) var gravid"
)
PREGNANCY = _c(
    r"\braskaa?n|\braskaus|\bsynnyttaj|\bsynnyttava|\bforlossningen narmar|\braskauden|\braskautt|\braskausviik|\brv\s?\d|\bviikolla \d|\bviikko \d|"
    r"\blaskettu aika|\blasketun ajan|\bberaknad (?:fodsel|tid|nedkomst)|\bvauva syntyy|\bbebisen (?:ska )?fods|\bodota?n (?:\w+ )?(?:vauvaa|lasta)|\bodottaa (?:\w+ )?(?:vauvaa|lasta)|\bodottava|\bmasuasukki|"
    r"\bgravid|\bgraviditet|\bi (?:\w+ )?manaden\b|\bkuukaudella raskaana|\braskausaika|\bvantar (?:\w+ ){0,2}(?:barn|bebis)|\bi vecka \d|\bvecka \d+|\bhavande|\bpaksuna|\bpieniin paivin|"
    r"\bi v\.? ?\d{1,2}\b|\bgv\.? ?\d{1,2}\b|\brvk\.? ?\d|\b\d{1,2}\.? ?(?:raskaus)?viikolla|\bi \d{1,2}(?::?e)? (?:graviditets)?veckan|\b\d{1,2}(?::?e)? graviditetsveckan"
)
PREGNANCY_WEEK = _c(
    r"(?:raskausviiko?(?:lla|lle|n|a)?|\brvk?\.?|\bgv\.?|viikolla|viikko|viikon|\bi vecka|\bvecka|\bv\.?|graviditetsvecka\w*)\s?(\d{1,2})\b|"
    r"\b(\d{1,2})(?:\.|:?e)?\s?(?:raskausviiko\w*|viikolla|rv\b|graviditetsvecka\w*|veckan)"
)

# Ages: "15-vuotias", "15v", "15 vuotta", "15-åring", "15 år (gammal)"; babies in months or weeks.
AGE = _c(
    r"\b(\d{1,2})\s?(?:-?\s?vuotia\w*|-?v\b|vuotta\b|vuoden ikai\w*|-?\s?arin\w*|-?\s?aring\w*|-?\s?arig\w*|ar gammal|ars\b|ar\b)"
)
# A bare number about a child: "se on 15", "poika on 16", "sonen 15", "hon e 14".
AGE_BARE = _c(
    r"\b(?:pa|oon|olen|ollaan|ma oon|mina olen|ja e|jag ar|jag e|ja ar|vi e|vi ar|se|han|poika|poikani|tytto|tyttoni|tytar|tyttareni|nuori|sonen|dottern|hon|min son|min dotter|"
    r"poika|pojan|tyton|lapsi)(?: on| ar| e)? (\d{1,2})\b(?! ?(?:kk|kuuk|manad|man\b|vko|viik|veck|kg|e\b|euro|min))"
)
# The writer's own age ("mä oon 13", "oon 15 ja juon", "olen 17-vuotias", "jag är 13", "ja e 16 år").
WRITER_AGE = _c(
    r"(?:^|[.!?,]\s*|\b(?:ma|maa|mina|mie|ite|itse|ja|jag) |\b(?:vaik|vaikka|kun|jos) (?=o)|\b(?:fast|fastan|om|nar) (?:man|jag|ja) )"
    r"(?:oon|olen|olen vasta|oon vasta|on vasta|on vast|oon vast|ar|e|ar bara|e bara) "
    r"(\d{1,2})(?:\s?-?(?:v|vuotias|vuotiaana|v\.|ar|ars|ar gammal))?\b(?! ?(?:kk|kuuk|manad|vko|viik|veck|kg|euro|min|%))"
)
BABY_MONTHS = _c(r"\b(\d{1,2})\s?(?:-?kk\b|kuukau\w*|kuukaut\w*|kuun ikai\w*|manad\w*|manader|man\b\.?)")  # "5 mån"
BABY_WEEKS = _c(r"\b(\d{1,2})\s?(?:viikon ikai\w*|viikkoinen|viikon vanha|veckor gammal|veckors|veckor gamla)")
BABY = _c(
    r"\b(?:en|ett|tva|tre|fyra|fem|sex|atta|nagra) (?:veckor|vecka|manader|manad) gammal\w*|\b\d{1,2} veckor gammalt|"
    r"\b(?:viikon|kahden|kolmen|neljan|viiden|kuuden|parin) (?:viikon|kuukauden) ikai\w*|"
    r"\b(?:kaksi|kolme|nelja|viisi|kuusi|pari) (?:viikkoa|kuukautta) (?:vanha|sitten syntyn)|\bvauva|\bbebi\b|\bbebin\b|\bbebben|\bbebbe\b|\bbebisen|\bvastasynty|\bimevai|\bbebis|\bbaby|\bspadbarn|\bnyfod|\bkuopus\w* on \d+ ?kk"
)
WORD_AGE_FI = {
    "yks": 1,
    "kaks": 2,
    "kolm": 3,
    "nelj": 4,
    "viis": 5,
    "kuu": 6,
    "seitsem": 7,
    "kahdeks": 8,
    "yhdeks": 9,
    "kymmen": 10,
    "yksitoist": 11,
    "kaksitoist": 12,
    "kolmetoist": 13,
    "neljatoist": 14,
    "viisitoist": 15,
    "kuusitoist": 16,
    "seitsemantoist": 17,
    "kahdeksantoist": 18,
}
WORD_AGE = _c(
    r"\b(yksitoist|kaksitoist|kolmetoist|neljatoist|viisitoist|kuusitoist|seitsemantoist|"
    r"kahdeksantoist|yks|kaks|kolm|nelj|viis|kuu|seitsem|kahdeks|yhdeks|kymmen)\w*\s?-?vuotia"
)

YOUTH = _c(
    r"\bnuor(?:i|en|ta|ena|ille|et|ten|ia|emme|eni|esi|ukai|iso|ella)\b|\bnuoriso|\bteini|\bylakoulu|\bylaaste|\b[789]\.? ?-?luokkalai|"
    r"\blukiola|\blukio|\bammattikoulu|\bamis\b|\bamikse|\bkasiluok|\bysiluok|\bseiskaluok|\bnuorempi|"
    r"\bungdom|\btonaring|\btonars|\bton(?:aren|aringen|aringar)|\bhogstadi|\bgymnasi|\byrkesskol|\bunga?\b|\bungen\b|"
    r"\belev(?:en)? i (?:sjuan|attan|nian|hogstadiet)|\bi (?:sjuan|attan|nian)\b|\boppila\w* (?:\w+ )?(?:kasi|ysi|seiska)|"
    r"\bpojkvan|\bflickvan|\bfjortis|\b(?:13|14|15|16|17)-?(?:vuotia|v\b|aring)|\bteen|"
    # a pupil's own use: a pupil who drinks or smokes is a young person, whatever the class
    r"\boppila(?:s|ani|amme) (?:\w+ )?(?:juo|polttaa|kayttaa|vetaa|on (?:ollut )?(?:kannissa|humalassa|paissaan|pilvessa))|"
    r"\beleven (?:\w+ )?(?:dricker|roker|anvander|super|har varit (?:full|berusad|hog))"
)
CHILD = _c(
    r"\blapse|\blapsi|\blapset|\blasten|\blapsia|\bpoika|\bpojan|\bpoikani|\btytto|\btyttar|\bmuksu|\bskid|"
    r"\bbarn|\bson\b|\bsonen|\bdotter|\bdottern|\bkids?\b|\bunge\b|\bungar"
)
# An ex-partner in every form people write ("exä", "exän kanssa", "exet", "exmannen", "ex-mies"), but not
# "extra", "exakt" or "exempel".
EX = (
    r"\bex(?:a|an|aa|alla|alta|alle|ani|asi|ansa|aani|alleni)?\b|\bex(?:et|en|man|mannen|mann|pojkvan\w*|flickvan\w*|"
    r"fru\w*|sambo\w*|partner\w*|poikaystav\w*|tyttoystav\w*|mies\w*|miehe\w*|vaimo\w*|puoliso\w*)\b|\bex-"
)
# Whose worry: the writer's partner, own child / young person, the writer themselves, a client, a relative.
# A young parent: "ung mamma", "nuori äiti", "raskaana ja nuori" (the parent's own needs, not a youth case).
YOUNG_PARENT = _c(
    r"\b(?:ung|unga|nuori|nuoren|nuorella|nuoret|nuorten) (?:\w+ )?(?:mamma|mammor|mamman|mammorna|aiti|aidin|aidille|"
    r"aidit|aitien|foralder|foraldrar|pappa|isa|isan|vanhemp\w*|odottaja\w*|gravid)\b|\braskaana ja nuori|\bnuori ja raskaana|"
    r"\bung och gravid|\bgravid och ung"
)
# Children who fight each other: no violence in a close relationship.
SIBLINGS_FIGHT = _c(
    r"\b(?:de aldre|de stora|barnen|syskonen|pojkarna|flickorna|ungarna|lapset|pojat|tytot|sisarukset|veljekset|isommat) "
    r"(?:\w+ )?(?:slass|brakar|tappelee|tappelevat|tappelee|riitelevat|nahistelee|nahistelevat)"
)
# A child who hits other children at day care or school ("päiväkoti soittaa kun poika lyö muita") is a
# parenting worry, not violence in the family.
HITS_OTHERS = _c(
    r"\b(?:lyo|lyonyt|lyony|potkii|puree|tonii|tuuppii|kiusaa) (?:\w+ )?(?:muita|toisia|kavereita|luokkakavereita|"
    r"pienempia|muita lapsia)\b|\b(?:slar|sparkar|biter|knuffar|slass med) (?:\w+ )?(?:andra|kompisar|klasskompisar|"
    r"de andra barnen|andra barn|mindre barn)\b"
)
# "eläkkeellä oleva opettaja", "f.d. lärare": no professional writing of a client.
# A professional who writes for themselves: "olen terveydenhoitaja mutta kysyn nyt omana itsenäni".
PRIVATE_CAPACITY = _c(
    r"\bkysyn (?:\w+ ){0,2}(?:omana itsenani|yksityishenkilona|siviilissa|omasta puolestani|ihan itselleni)|"
    r"\bfragar (?:\w+ ){0,2}(?:som privatperson|for egen del|privat)|\bsom privatperson|\byksityishenkilona"
)
RETIRED = _c(r"\belakkeella oleva|\belakkeelle jaanyt|\bentinen|\bpensionerad|\bf\.? ?d\.? |\bfore detta|\bexlarare")
# Marks seen on a child ("usein mustelmia", "blåmärken på armarna"): a sign for a child welfare report, not
# violence seen happening.
SIGNS = _c(r"\bmustelm\w*|\bblamark\w*|\bjalkia\b|\bnaarmu\w*|\bruhjeit\w*")
SUSPICION = _c(r"\bmisstanker|\bmisstankt|\bepailen|\bepailisin|\bepaily|\bepaillaan|\bom jag tror|\bjos epailee")
PARTNER = _c(
    r"\bmie(?:s|hen|heni|hes|heen|helle|hellani)\b|\bmieheni|\bvaimo|\bpuoliso|\bkumppani|\bpoikaystav|"
    r"\btyttoystav|\bavomie|\bavovaimo|\bukko\b|\bukkoni|\bakka\b|" + EX + r"|\blapsen isa|"
    r"\b(?:lapseni|lasteni|vauvani|poikani|tyttoni|tyttareni) (?:isa|aiti)|\b(?:mitt barns|mina barns) (?:pappa|mamma)|"
    r"\blasten isa|\bvauvan isa|\blapsen aiti|\blasten aiti|\bsambo|\bman(?:nen)?\b|\bmin man|\bmaken|\bmake\b|"
    r"\bfru(?:n|gan)?\b|\bgubben\b|\bgumman\b|\bmuija|\bpartner|\bbarnens pappa|\bbarnets pappa|\bbarnens mamma|\bkarl(?:en)?\b|"
    r"\bhan\b|\bhon\b|\bse\b|\bsambon\b"
)
PARTNER_STRONG = _c(
    r"\bmie(?:s|hen|heni|hes|heen|helle)\b|\bvaimo|\bpuoliso|\bkumppani|\bpoikaystav|\btyttoystav|"
    r"\bavomie|\bavovaimo|\bukkoni|\bukko\b|\baija\b|\baijani|\b(?:deras|vara|hans|hennes) pappa\b(?=.*\b(?:dricker|super|drack))|"
    + EX
    + r"|\blapsen isa|\blasten isa|\bvauvan isa|\bsambo|\b(?:min|ens|din|hennes|sin) man\b|"
    r"\b(?:lapseni|lasteni|vauvani|poikani|tyttoni|tyttareni) (?:isa|aiti)|\b(?:mitt barns|mina barns) (?:pappa|mamma)|"
    r"\b(?:pappan|mamman)\b(?=.*\bbarn)|"
    r"\bmannen\b|\bmaken\b|\bmake\b|\bfrun\b|\bfrugan\b|\bmin fru\b|\bmuija(?:ni|n)?\b|\bpartner|\bbarnens pappa|\bbarnets pappa|"
    r"\bkarlen\b|\bpojkvan|\bflickvan|\bbor (?:ihop|tillsammans) med [a-z]"
)
# "han dricker, barnen hemma": a drinker who is not one of the children the message names as a group.
ADULT_WITH_CHILDREN = _c(
    r"\b(?:han|hon|se|han)\b (?:\w+ )?(?:dricker|super|ar full|e full|juo|dokaa|ryyppaa|on kannissa|on humalassa)\b"
    r"(?=.*\b(?:barnen|ungarna|skidorna|lapset|kakarat|muksut)\b)"
    # one who drives the children after drinking: "se ajo autolla lapset kyydissä vaikka oli ottanu"
    r"|\b(?:ajo|ajoi|ajaa|korde|kor) (?:\w+ )?(?:autolla |bilen |bil )?(?:lapset|barnen|ungarna) (?:kyydissa|kyytiin|i bilen|med)"
    r"(?=.*\b(?:ottanu|ottanut|juonut|juonu|kannissa|humalassa|druckit|full|berusad|packad)\b)"
)
# A child placed in the family: foster care is the child welfare office's work ("meidän sijoitettu 9v raivoaa").
FOSTER = _c(
    r"\bsijaisvanhem|\bsijaisaiti|\bsijaisisa|\bsijaisperhe|\bsijoitettu|\bsijoitetu|\bsijaislap|"
    r"\bfosterforald|\bfostermamma|\bfosterpappa|\bfosterbarn|\bfamiljehem|\bplacerade? barn"
)
# A grandparent writes ("mitt barnbarn", "oon 70-vuotias mummo"): a relative, when no other role is said.
GRANDPARENT = _c(
    r"\bbarnbarn|\blapsenlap|\bmummo|\bmormor|\bfarmor|\bmorfar|\bfarfar|\bisoaiti|\bisoisa|\bvaari\b|\bpappa till mitt barnbarn"
)
# A child left alone ("barnet blir lämnat ensamt"): a clear worry for the child's care.
LEFT_ALONE = _c(
    r"\blamna(?:s|t|d|de|ts)? (?:\w+ )?ensam\w*|\bensam hemma|\bjatetaan (?:\w+ )?yksin|\bjattaa (?:\w+ )?yksin|"
    r"\bjaa (?:\w+ )?yksin kotiin|\b(?:on|ovat|oli) yksin kotona"
)
# The partner named as the one who is pregnant ("minun vaimo on raskaana ja minä juon"): the writer's own use.
PARTNER_PREGNANT = _c(
    r"\b(?:vaimo|puoliso|tyttoystava|kumppani|avovaimo|naisystava|emanta|muija|frun|hustrun|flickvannen|sambon|"
    r"min fru|min flickvan|min sambo|min partner)\w* (?:on|ar|e) (?:nyt |jo |ocksa |myos )?(?:raskaana|gravid|paksuna)"
)
SELF_USE = _c(
    r"\b(?:man|jag) sjalv (?:dricker|super|anvander|roker|tar)|\bmina itse (?:juon|kaytan)|"
    r"\b(?:jag|ja) har (?:sjalv |sjalva |ocksa |sjalv ocksa )?(?:problem|bekymmer) med (?:alkohol|sprit|droger|drickande|tabletter|knark)|"
    r"\bhar sjalv problem med|\b(?:mulla|minulla|mul) on (?:itella |itsella |ite |itse )?(?:ongelmia|ongelma|ongelmaa) "
    r"(?:alkoholin|viinan|juomisen|huumeiden|paihteiden|kannabiksen)|"
    r"\b(?:jag|man) (?:\w+ ){0,4}sluta (?:dricka|supa|knarka|roka|med (?:alkoholen|spriten|drogerna|droger|supandet))|"
    r"\b(?:haluan|haluisin|haluaisin|pitais|pitaisi|yritan|yrittanyt) (?:\w+ )?lopettaa (?:juominen|juomisen|juomista|kaytto|kayttaminen)|"
    r"\b(?:juon|juonut|kaytan|kaytin|olen kayttanyt|oon kayttany?t?|poltan|otan|vedan|mun (?:juominen|kaytto)|"
    r"jag dricker|ja dricker|jag drack|jag anvander|jag har anvant|jag roker|jag tar|mitt drickande|mitt bruk|"
    r"min anvandning|(?:mitt|sitt|mitt egna|sitt egna|eget) (?:drickande|bruk|missbruk)|"
    r"(?:oma|omaa|oman|omasta) (?:juomi\w*|kaytto\w*|kayto\w*|paihteiden kaytto\w*)|mun juomiseni|juomiseni|kayttoni)\b"
)
CLIENT = _c(
    r"\basiaka|\basiakk|\bpotila|\boppila|\bdaghem|\bpaivakoti|\bpaivakodi|\bperhe(?:en)? jonka|\bklient|\bpatient|\bfamiljen jag|\boppilaa|\belev"
)
# Day care and pupils name a client only when the writer does not write of their own child ("päiväkoti soittaa kun
# poika lyö muita" from a father).
CLIENT_PLACE_ONLY = _c(r"\bdaghem|\bpaivakoti|\bpaivakodi|\boppila|\boppilaa|\belev")
OWN_CHILD = _c(
    r"\b(?:mun|mu|minun|meidan|meian|meijan|min|mitt|mina|vår|var|vart|vara) (?:\w+ )?(?:poika|poja|poikani|tytto|tyto|"
    r"tyttoni|tytar|lapsi|lapse|lapset|lapsia|kuopus|esikoinen|son|sonen|dotter|dottern|barn|barnen|pojke|flicka)\b|"
    r"\byksinhuoltaja|\b(?:oon|olen|ma oon|mina olen) (?:\w+ )?(?:isa|aiti|aitee|faija|mutsi)\b|"
    r"\b(?:jag ar|ja e|jag e) (?:\w+ )?(?:pappa|mamma)\b|\b(?:poikani|tyttoni|lapseni|lapsemme|sonen min|dottern min)\b"
)
RELATIVE = _c(
    r"\btyttareni|\bpoikani (?:tyttoystava|vaimo|puoliso)|\bsiskoni|\bveljeni|\bsisareni|\bminiani|\bvavyni|"
    r"\blapsenlap|\bmin dotter|\bmin son|\bmin syster|\bmin bror|\bbarnbarn|\bsvardotter|\bsvarson|"
    r"\bmummo|\bisoaiti|\bmormor|\bfarmor|\bystavani|\bmin van|\bnaapuri|\bgranne|"
    # a sibling, an aunt or an uncle: "min lillasyster har en bebis", "mun pikkusisko juo"
    r"\bmin (?:lilla|stora|yngre|aldre) ?(?:syster|bror)|\blillasyster|\bstorasyster|\blillebror|\bstorebror|"
    r"\bmun (?:pikku|iso)?(?:sisko|veli)\b|\bsiskoni|\bveljeni|\bmoster\b|\bfaster\b|\bmorbror|\bfarbror"
)

VIOLENCE_KINDS = (
    (
        "physical",
        _c(
            r"\bloi\b|\bloi (?:mua|minua|mun|mua)|\blyo|\blyon|\blyonyt|\blyony|\blyoda|\blyomaan|\blyonti|\blyoty|\blyoka|(?<!sydan )(?<!sydameni )(?<!syke )\bhakka|\bpotki|"
            r"\bkuristi|\bkurist|\btonii|\btonais|\brepi|\bretuutt|\bpahoinpit|\bmustelm|\bkayny kasiks|"
            r"\bkaynyt kasiksi|\bheitteli|\bheitti|\bsla(?:r|git|gs|ss)?\b|\bslog\b|\bslagit|\bslagna\b|\bslagen\b|\bmisshand|\bsparkar|"
            r"\bsparkade|\bstryper|\bknuffa|\bknuffar|\bknuffade|\bblamarken|\bvaldsam|\bfysiskt vald|\bfysiskt"
        ),
    ),
    (
        "emotional",
        _c(
            r"\bhaukku|\bhaukkuu|\bnoyryytt|\bmitatoi|\bmitatoin|\bvahatt|\bhuu(?:taa|si|tanut|tany|taen) (?:\w+ )?(?:mulle|minulle|mun paalle|mua\b|minua\b|lapsille|lapsia\b)|\b(?:mies|miehe\w*|vaimo\w*|puoliso\w*|exa\w*|ukko|ukkoni|akka|kumppani\w*) (?:\w+ )?huutaa|\buhkail|\buhkaa|"
            r"\b(?:mies|miehe\w*|vaimo\w*|puoliso\w*|exa\w*|ukko|ukkoni|akka|akkani|aija|aijani|kumppani\w*) (?:\w+ )?pelottaa|\bpelottaa (?:mua|minua) (?:\w+ )?(?:mies|miehe\w*|vaimo\w*|puoliso\w*|ukko|akka|aija)|"
            r"\bpelkaan (?:miesta|miestani|vaimoa|vaimoani|puolisoa|puolisoani|sita|hanta|exaa|exaani|kumppania)|"
            r"\ben saa (?:kayda|lahtea|menna|tavata|nahda|olla)|\bei anna mun (?:kayda|lahtea|menna)|\bpelossa|\bpelkaan etta (?:se|han) (?:lyo|satuttaa|tappaa|vie)|\btarkkail|\bkontrolloi|\bkontrol|\bmustasuk|"
            r"\beristaa|\beristaytt|\bkieltaa tapaamasta|\bei saa tavata|\btarkistaa (?:mun |minun )?(?:puhelim|viest)|"
            r"\blukee\b.{0,20}\bviest|\bvahti|\bvahtii|\bsaa tavata|\bsaa nahda|\bpaikanti|\bgps|"
            r"\btietaa aina missa|\bsoittaa (?:\w+ )?kertaa|\bhenkinen vakivalta|\bhenkista vakivaltaa|"
            r"\bhenkisesti|\bmanipul|\bkiristaa|\bsyyllista|\bsanoo (?:\w+ ){0,3}(?:etta|et) (?:ma|mina)? ?(?:olen|oon) (?:ihan |tosi |niin )?(?:huono|tyhma|arvoton|ruma|lihava|idiootti|surkea|hyodyton|kelvoton|paska)|"
            r"\bforminskar|\bforminsk|\bfornedr|\bkallar mig|\bhotar|\bhotade|\bhot\b|\brad(?:d|da) for (?:honom|henne|min man|min fru|sambon|min sambo|exet|mannen|frun)|"
            r"\bkaikki salasanat|\bei halua (?:et|etta) (?:ma|mina) (?:kayn|kaisin|nain|tapaan|lahden|menen)|"
            r"\blaser (?:alla )?mina (?:meddelanden|sms)|\bsparning pa min|\bsparar min|\bvagar (?:int|inte) (?:aka|ga|traffa)|"
            r"\bkontrollerar|\bsvartsjuk|\bisolera|\bfar inte traffa|\blaser min|"
            r"\bkollar min (?:telefon|mobil)|\bpsykiskt vald|\bpsykisk misshandel|"
            # "frugan e hotfull", "min man är hård mot mig", "sambon har bytt lösenord på allt"
            r"\bhotfull|\b(?:ar|e|va|var) (?:sa |valdigt |sa himla )?hard mot (?:mig|mej|oss|barnen)|"
            r"\bbytt (?:alla )?losenord(?:en|et)? pa|\bhar (?:inte|int) tillgang till (?:nanting|nagonting|mina|min|mitt)|"
            r"\bsager (?:\w+ ){0,4}att (?:jag|ja) (?:ar|e) (?:en |ett |sa |helt )?(?:dum|ful|fet|vardelos|dalig|usel|kass|idiot|misslyck|ingenting|inget)|\bdum o(?:ch)? ful|"
            r"\bsparar (?:mig|min telefon)|\bvet alltid var|\bhanar\b|\bhanade\b|\bhanfull|\bvisar var jag (?:ar|e|befinner)|"
            r"\bapp som (?:\w+ ){0,2}(?:visar|foljer|sparar|spar)|\bpilkkaa|\bpilkkas|\bivailee|\bsovellu\w* (?:\w+ ){0,3}(?:missa (?:ma|mina|oon|olen)|seuraa (?:mua|minua))|\bskriker (?:at|pa) mig|\bskrek (?:at|pa) mig|\bmanipuler|\bnedvardera|\bnedlatande|\btrakasser|\bvainoa|\bvainoaa|\bforfoljer"
        ),
    ),
    (
        "economic",
        _c(
            r"\brahat|\brahani|\brahoja|\brahaa|\brahoist|\btilin|\btilille|\bpankkitil|\bpankkitunnu|\bpankkikort|\bostoks|\bostokse|\bkulutuks|\bkaupassakayn|"
            r"\bkayttoraha|\bpalkkani|\bpalkan|\bkela|\btaloudellinen vakivalta|\btaloudellista|"
            r"\bpengar|\bpengarna|\bmina pengar|\bbankkort|\bbankkonto|\bkonto|\blonen|\bmin lon|\bmina kop\b|\bvad jag koper|\bkvitton|"
            r"\bekonomiskt vald|\bekonomisk|\bfickpengar|\bhushallspengar"
        ),
    ),
    (
        "sexual",
        _c(
            r"\bseksiin|\bseksia vasten|\bpakott\w* (?:seks|sanky)|\braiska|\bseksuaalinen vakivalta|"
            r"\bseksuaalista|\bahdistel|\bsex mot min vilja|\btvingar (?:mig )?(?:till|att ha) sex|\bvaldtag|"
            r"\bsexuellt vald|\bsexuella overgrepp|\bovergrepp"
        ),
    ),
)
# A substance verb that means use only in a pregnancy ("käytän raskaana", "tar grejer fast ja e gravid").
PREGNANCY_USE = _c(r"\bkayta[nt]\b|\bkaytetaan|\bkayttaa\b|\bkayttanyt|\bkayttany|\btar grejer|\banvander\b|\btar nat")
# The writer fears child welfare ("will they take the children if I tell?"): the fear, not a worry about a child.
CHILD_WELFARE_FEAR = _c(
    # being judged a bad parent for asking: "utan att dom tror att jag är en dålig mamma", "että oon huono äiti"
    r"\b(?:tror|tanker|tycker) (?:\w+ ){0,4}(?:dalig|samre) (?:mamma|pappa|foralder)|"
    r"\b(?:luulee|ajattelee|pitaa) (?:\w+ ){0,3}(?:huono\w*|surkea\w*) (?:aiti|aitina|isa|isana|vanhemp\w*)|"
    r"\b(?:vieko|viekoo|ottaako|tuleeko|tekeeko|tekevatko|ilmoittaako|ilmotatteko|ilmoitatteko|"
    r"saako) (?:\w+ )?(?:lastensuojel|lasu|lapset|lapsen|ilmoitu|ilmotu|poliisi)|"
    r"\b(?:tehdaanko|tehaanko|tekeeko|tekeekse) (?:\w+ ){0,2}(?:lastensuojeluilmo|lasuilmo|ilmoitu|ilmotu)|\bjoudunko lastensuojelun|"
    r"\bmenetanko lapse|\bviedaanko lapse|\bhuostaan jos|\b(?:tar|tas) (?:dom|ni|de) barnen|"
    r"\b(?:tar|tas|tar bort) (?:\w+ )?(?:barnen|barnet|ungarna) (?:ifran|av) (?:mig|en|oss)|\bottaa (?:\w+ )?lapset pois|"
    r"\bta barnen|\bgor ni en (?:barnskydds)?anmalan|\bblir (?:det|he) en (?:barnskydds)?anmalan|"
    r"\bfar (?:dom|de|barnskydd\w*|socialen) veta|\bsaako lastensuojelu tiedon|\bsaavatko (?:\w+ )?tiedon|\bberattar ni for"
)
# A writer who keeps something from their own parents is young: "mutsi å fatsi vet int", "vanhemmat ei tiiä".
HIDES_FROM_PARENTS = _c(
    r"\b(?:mutsi|faija|morsan|farsan|fatsi|mamsen|mutsi (?:ja|o|a|och) faija|mutsi (?:ja|o|a|och) fatsi|"
    r"morsan (?:o|a|och) farsan|mina foraldrar|foraldrarna|mun vanhemmat|vanhemmat|mun (?:aiti|isa)) "
    r"(?:\w+ )?(?:vet int|vet inte|vet inget|vet ingenting|far int veta|far inte veta|ei tieda|ei tiia|"
    r"ei saa tietaa|ei tii|ei oo tietoa)"
    r"|\butan att (?:mina |mutsi|morsan|farsan|foraldrarna|dom|de)\w* (?:\w+ )?far veta"
    r"|\bettei (?:mun )?(?:vanhemmat|mutsi|faija|aiti|isa) (?:\w+ )?(?:saa tietaa|tieda|tiia)"
)
# A parent's use as a child tells it: "äiti juo", "pappa e full".
PARENT_USER = _c(
    r"(?<!lapseni )(?<!lasteni )(?<!lapsen )(?<!lasten )(?<!vauvan )(?<!vauvani )(?<!barnens )(?<!barnets )(?<!barns )"
    r"\b(?:aiti|aitee|isa|iska|isi|faija|mutsi|mamma|mamman|pappa|pappan|mamma|morsan|farsan|mamsen|mamsi|"
    r"fatsi|farsa|morsa|isukki|aippa|isapuoli|aitipuoli|styvpappa|styvmamma)\w{0,3} (?:\w+ ){0,4}(?:juo|juopottelee|kannissa|"
    r"humalassa|kayttaa|vetaa|polttaa|possyttelee|pilvessa|sekaisin|aineissa|kamoissa|dokaa|ryyppaa|"
    r"dricker|e full|ar full|super|tar piller|knarkar|roker|e hog|ar hog|e pataend|ar pataend|e packad|ar packad)"
    # The home's use, as a professional or a neighbour tells it: "oppilaan kotona on päihteitä".
    r"|\b(?:kotona|kodissa) (?:on |oli |kaytetaan |juodaan |naky[yi] )?(?:paljon |aina |usein )?(?:paihte|alkoho|huume|viina)"
    r"|\bhemma(?:t)? (?:finns|fanns|dricks|anvands|super|ar det) (?:mycket |ofta |alltid )?(?:alkohol|droger|rusmedel|sprit|fylla|supande)"
)
# A verb of telling just before a parent's use: "kertoi, että äiti juo", "berättade att pappa dricker".
TOLD = _c(
    r"\b(?:kertoi|kertonut|kertoo|kertoneet|sanoi|sano|sanoo|sanonut|berattade|berattar|sa|sade|sager|sagt|skrev|kirjoitti)\b"
)
# A threat to go to court over custody is a dispute, not violence: "uhkaa viedä asian oikeuteen", "hotar me
# tingsrätten".
LEGAL_THREAT = _c(
    r"\buhka(?:a|si|ilee) (?:\w+ ){0,3}(?:oikeuteen|oikeudella|karajille|karajilla|lakimieh\w*)|"
    r"\bhota(?:r|de) (?:\w+ ){0,2}(?:tingsratten|domstol\w*|ratten|advokat\w*)|"
    # a threat to leave or divorce is a relationship crisis: "vaimo uhkaa lähteä lasten kanssa ja haluaa eron"
    r"\buhka(?:a|si|ilee) (?:\w+ ){0,2}(?:lahtea|lahteva|erota|eroa|erolla|muuttaa pois|jattaa minut)|"
    r"\bhota(?:r|de) (?:\w+ ){0,2}(?:med skilsmassa|att lamna|att flytta|att ga ifran|med att lamna|med separation)"
)
# Economic violence that needs no control word.
ECONOMIC_STRONG = _c(
    r"\blan i mitt namn|\binget eget bankkort|\bger (?:mig|mej) \d+ euro|\bmaste be om (?:pengar|allt)|"
    r"\btarkistaa kuit|\bkuitit|\bpankkitunnukset on (?:sill|miehell|vaimoll|puolisoll)|"
    r"\bomaa palkkaa|\bantaa (?:mulle |minulle )?\d+ euroa|\bkayttorahaa|\bvelkaa (?:mun|minun) nimiin|\blainaa (?:mun|minun) nimiin|\btar hela min lon|"
    r"\bottaa (?:koko )?palkkani|\b(?:eika|ei) anna (?:\w+ )?(?:pankkitunnu|pankkikort|rahaa|tilin)|\bjoudun pyytamaan rahaa|"
    r"\bottanut (?:\w+ )?(?:lapsilisat|palkkani|rahani|rahat)|\bhoitaa kaikki raha|\bmaste fraga om (?:pengar|lov)|\bottaa (?:mun|minun) palkan|\btaloudellista vakivaltaa|"
    r"\bekonomiskt vald"
)
# "ei se oo väkivaltainen", "han blir int våldsam", "ingen har varit elak eller våldsam": a cue in the
# scope of a negation does not count (bot.situation.negation: the same clause, a few words, a list joined by "or").
NEGATION_WORDS = frozenset(
    "ei en eika enka emme ette eivat inte int aldrig ikinaan koskaan ingen inget inga ilman utan".split()
)
# In a Swedish clause "en" is the article ("jag behöver en plats på mödrahem"), not the Finnish "I do not".
SWEDISH_CLAUSE_WORDS = frozenset("jag du hon vi och att ar pa for med som det har behover vill kan till".split())
# Words that open a new clause: a negation before them does not reach the cue ("en tiedä mitä teen kun se lyö").
CLAUSE_OPENERS = frozenset("kun ku mut mutta koska jos vaikka etta et men nar da eftersom fast om att sa".split())
# Words that join a list: "ei elak eller våldsam", "ei huuda tai lyö" stay in the negation.
LIST_JOINERS = frozenset("tai eli tahi eller".split())
# Money or phone are violence only together with control words: "rahat on tiukalla" is not violence.
CONTROL = _c(
    r"\bpaattaa kaik|\bpaattaa mita|\bbestammer allt|\bkontrolloi|\bkontrol|\bei anna|\bei saa|\bvie (?:mun |minun |kaikki |koko )?(?:rahat|rahani|palk|tili|kortin|lapsilis)|\bottaa (?:mun |minun |kaikki |koko )?(?:rahat|rahani|palk|tili|kortin|lapsilis)|\bpitaa "
    r"(?:mun |minun |kaikki )?(?:rahat|rahoja|tili|pankki|kortit|kortin|palk)|\bvalvoo|\btarkist|\blukee|\bkieltaa|\bpakott|\bhallitsee|\bkaikki rahat|"
    r"\bvahti|\bkontrollerar|\bkontroll|\bfar inte|\btar (?:mina|min|alla)|\bhaller i|\bbestammer over|\blaser|"
    r"\bkollar|\bforbjuder|\btvingar|\bger mig inte|\bnekar"
)
VIOLENCE_WORDS = _c(
    r"\bvakival|\bvakivallan|\bvaldet?\b|\bvald i|\bvald\b|\blahisuhdevakival|\bturvakoti|\bskyddshem|"
    r"\bparisuhdevakival|\bvaldsam|\bhustrumisshandel"
)
# "I was afraid of my father as a child" is past; "he hit me years ago" too (still violence, past).
PAST = _c(
    r"\blapsena\b|\bvuosia sitten|\baikoinaan|\bennen\b|\bsilloin kun|" + EX + r"|\bsom barn\b|"
    r"\bfor (?:manga )?ar sedan|\btidigare\b|\bforr\b"
)

# "Ero tuli kaksi vuotta sitten": a time ago, told as background.
AGO = _c(r"\b(?:\w+ )?(?:vuo(?:si|tta|den)|kuukau\w*|viiko\w*) sitten\b|\b(?:\w+ )?(?:ar|manader|manad|veckor) sedan\b")
SUBSTANCE_WORDS = _c(
    r"\bsomnmedel|\bsomnpiller|\bsomntablett|\blugnande|\bunilaak|\brauhoittav|\bpaihte|\bpaihde|\bhuume|\bjuo\b|\bjoin\b|\bjoit\b|\bjoimme\b|\bjuonu\b|\bjuo(?:d|mi|n|p|v|t)|\bjoi\b|\bgrejer|\bfesta|\broker pa|\brokt pa|\brokte pa|\broka pa|\bjuopot|\bjuomin|\bjuominen|\bryyp|\bkannab|\bpilve|"
    r"\bjuomaan\b|\bjuomassa\b|\b(?:oli|on) ottanu(?:t)?\b|\bamfe|\bpiri|\bsubu|\bsubutex|\bbentso|\balkoho|\bviina|\bkalja|\bkaljaa|\bhumala|\bkannis|"
    r"\bdoka|\bnisti|\bvetaa|\bvetaa kamaa|\bkamaa|\bkokai|\bekstaasi|\bmdma|\bspiidi|\bnuuska|"
    r"\bdricker|\bdrack|\bdricka|\bfyllo|\bsuper\b|\bsuperi|\bsupa|\bfylla|\bfull\b(?! (?:med|av)\b)|\bberusad|\bknark|\bdroger|\bdrog|"
    r"\brusmed|\bmissbruk|\balkohol|\bhasch|\bgras\b|\bweed|\bamfetamin|\bkokain|\bsnus|\bvin\b|"
    r"\bol\b|\bsprit|\bbeer|\bpillere|\blaakkei|\blaakkeit|\bpiller|\btabletter|\bopioid|\bheroi|"
    r"\bmetadon|\bkorvaushoi|\bsubstitution|\bsmoking|\broker|\bpolttaa|\bpoltt|\bkrapula|\bbakis"
)
MENTAL = _c(
    # the wish not to be here, said of oneself or by a partner: "se sano et ois parempi jos se ei ois täällä"
    r"\b(?:ois|olis|olisi) parempi (?:jos|etta|et) (?:\w+ ){0,2}(?:ei|en) (?:ois|olis|olisi) (?:\w+ )?(?:taalla|olemassa)|"
    r"\bparempi ilman (?:mua|minua)\b|\bbattre (?:om|ifall) (?:jag|hon|han) (?:inte|int) (?:fanns|var har)|\bbattre utan mig\b|"
    r"\btungt (?:\w+ ){0,4}efter forlossningen|"
    r"\bsynnytyksen jalkeen (?:\w+ ){0,3}(?:raskasta|vaikeaa|paha olla|ahdistaa|itkettaa)|"
    # a mother who turns from her baby after the birth: "säger hon vill inte se bebisen"
    r"\bvill (?:inte|int) (?:se|halla|ta hand om|amma) (?:bebisen|babyn|den lilla|sitt barn)|"
    r"\bei (?:halua|haluu) (?:nahda|pitaa sylissa|hoitaa|imettaa) (?:\w+ )?vauva|"
    r"\bitkee (?:\w+ )?(?:paivat|paivat pitkat|koko ajan|joka paiva|paljon|yksin|navetassa|vessassa)|\bon ollu(?:t)? (?:\w+ )?eri ihminen|"
    r"\bettei (?:se |han )?(?:oo|ole) hyva aiti|\b(?:hon|frun|hustrun|sambon) grater (?:hela dagarna|jamt|hela tiden|varje dag)|"
    r"\b(?:int|inte) (?:matt|mar) bra|\bmatt daligt|\bsover daligt|\bta livet av|\bsjalvmord|"
    r"\bitsemurha|\bitsetuhoyri|\bmasenn|\bmasentu|\bmasent|\bdeppi|(?:\b|jatte|super|tosi|ihan)depp(?:ad|ig|ade|ar|ari|aa)\b|\bdeprimer|\bmar (?:\w+ )?daligt|\bepaonnistu|\bitkee paljon|\bahdist|\bpaniikki|\bpaniikkikoht|\bsynnytysmasenn|\bitkettaa koko ajan|"
    r"\bmielenterv|\bpsyyk|\bterapi|\bitsetuho|\bitsetuhois|\bviiltel|\bviiltaa|\bei jaksa elaa|"
    r"\bloppuun palanut|\bburnout|\buupumus|\buupun|\bunettom|\bdepress|\bangest|\bangslig|"
    r"\bpanikangest|\bforlossningsdepress|\bpsykisk|\bmentalt|\bsjalvskad|\bskar sig|\bskar mig|\butbrand|"
    r"\b(?:ja|jag) grater (?:varje dag|hela tiden|jamt)|\bkanner ingenting nar|\bitken joka paiva|\ben tunne mitaan|"
    r"\butmattad|\bsomnlos|\bmar daligt|\bmar psykiskt|\bmielialaongelm|\bmieliala|"
    r"\bitken (?:\w+ )?(?:joka paiva|koko ajan|paivittain)|\bmikaan ei tunnu (?:miltaan|miltakaan)|"
    r"\b(?:en|ei) (?:jaksa|jaksanut) (?:nousta|edes nousta)|\b(?:en|ei) tunne mitaan (?:vauvaa|lasta)|"
    r"\bhaluaa? (?:vaan|vain|vaa) nukkua|\b(?:int|inte) kanner (?:nagot|nanting) for|\bvill bara sova|"
    r"\borkar (?:int|inte) (?:ga upp|stiga upp)|\bingenting kanns|\bkanns meningslost|"
    r"\b(?:int|inte) vill (?:halla|ta hand om|se pa|vara med) (?:sin|min|mitt|sitt|var) (?:egen |egna )?(?:bebis|baby|barn)|"
    r"\ben (?:halua|jaksa) (?:pitaa sylissa|hoitaa|koskea|nahda) (?:omaa |mun |minun )?(?:vauva|lasta)"
)
SELF_HARM = _c(r"\bviiltel|\bviiltaa|\bitsetuho|\bsatuttaa itse|\bsjalvskad|\bskar sig|\bskadar sig")
COPING = _c(
    r"\ben jaksa|\bei jaksa|\bparjaank|\bparjaa(?:n|mme)? (?:\w+ )?(?:vauvan|lapsen|lasten)|\bei (?:oo|ole) ketaan tukena|\bkanner mig (?:helt )?vilsen|\bvet inte hur man tar hand om|\ben osaa hoitaa|\bklarar (?:mig|det) (?:inte )?(?:med|ensam)|\bjaksami|\bvasyny|\bvasynyt|\bvasymys|\bvaiku arki|\barki on|\barjen|\bunet|"
    r"\bnukkuma|\bvalvo|\bitkuinen|\bitkee|\buhma|\bkiukku|\braivari|\bkasvatu|\bvanhemmu|\btoimeentul|"
    r"\brahat ei riita|\brahat loppu|\bvelat|\bkotiapu|\bkotipalvelu|\borkar inte|\bork|\btrott|\butmatt|"
    r"\bvardagen|\bsomn|\bsover inte|\bsover (?:daligt|knappt|oroligt)|\bnukkuu (?:huonosti|levottomasti)|\bei nuku\b|\bskriker hela|\bskriker (?:jamt|konstant|hela tiden|varje natt|pa natterna)|\bgrater (?:jamt|hela tiden|konstant)|\btrotsalder|\buppfostr|\bforaldraskap|\bhemhjalp|"
    r"\bpengarna racker inte|\bskulder|\bekonomin|\bklarar (?:inte|int) (?:av )?allt|\ben (?:parjaa|selvia) (?:\w+ )?kaikest|"
    # a parent who shouts at the children: parenting support, no violence named
    r"\bskriker pa (?:mina |vara |sina )?(?:barn|ungar)|\bhuudan (?:\w+ )?(?:lapsille|lapsia|lapsilleni)|"
    r"\braivoan (?:\w+ )?lapsille|\bhermostun (?:\w+ )?lapsiin|\btappar (?:talamodet|humoret) (?:med|pa) (?:barnen|ungarna)"
)
RELATIONSHIP = _c(
    r"\bero\b|\beron|\beroa|\berot|\berota|\berotaan|\beronnut|\berottu|\berotila|\bparisuht|\briidel|"
    r"\briita|\briidat|\briitelem|\briitoja|\bhuoltajuu|\bhuolto|\btapaamis|\blastenvalvoj|\bsovittelu|"
    r"\bpariterap|\bskilsmass|\bskilja|\bskiljer|\bseparat|\bseparera|\bgrala|\bbrak\b|\bbrakar|\bbraka|"
    r"\bpettanyt|\bpetti\b|\bpettany|\buskottom|\bviestitell\w* toisen|\btoisen (?:naisen|miehen) kanssa|\bluottaa? (?:siihen|mieheen|vaimoon|puolisoon|toisiimme)|"
    r"\bluottamaan|\bluottamus|\bollaan oltu yhessa|\bollaan oltu yhdessa|\bvieraannut|\botrogen|\botrohet|\bvarit ett par|\btappa varandra|\bparsamtal|"
    r"\bparrelation|\bparterapi|\bvardnad|\bumgang|\bbarnets boende|\bboende och umgange|\bvaxelvis boende|\bfamiljeratt|\bsamarbetssamtal|"
    r"\bparforhallande|\bforhallande|\bvi bra?kar|\bvi grala"
)
CHILD_WELFARE = _c(
    r"\blikaise(?:na|ssa|t)\b|\b(?:aiti|isa|mamma|pappa|mutsi|faija|aitee|vanhemmat) (?:\w+ )?(?:nukkuu aina|nukkuu paivat|nukkuvat aina)|"
    r"\b(?:mamma|pappa|foraldrarna) (?:\w+ )?sover (?:hela dagarna|jamt|alltid)|"
    r"\b(?:kenelle|mihin|miten) (?:\w+ ){0,2}ilmoit|\btehda ilmoitus|\bvem (?:ska|kan|bor) (?:\w+ )?anmala|\bgora en anmalan|"
    r"\b(?:int|inte|ej) (?:\w+ )?(?:far|fa|far nan) (?:\w+ )?(?:mat|ata)\b|\bei (?:\w+ )?(?:saa|saa tarpeeks|saa kunnolla) (?:ruokaa|syoda|syotavaa)|"
    r"\blastensuojel|\bvanskot|\butan (?:mat|vinterklader|klader)\b|\bsvalt|\bsvalter|\bei (?:\w+ )?(?:ole|oo) syotavaa|\bgrannunga|\blapset (?:\w+ ){1,3}yksin\b|\bvaippaihottum|\bkynnet (?:\w+ )?mustat|\bei (?:olis |ole |oo |ollu )?syony paiviin|\b(?:oli|on|ollu) tait\b|"
    r"\blikaisissa vaatteissa|\bilman puhtaita vaatteita|\b(?:koti|asunto|kamppa) (?:\w+ )?taynna roskia|\bei (?:ole |oo )?(?:kaynyt|kayny) (?:eskarissa|paivakodissa|hoidossa)|"
    r"\butan rena klader|\b(?:hemmet|lagenheten|huset) (?:ar )?fullt? (?:med|av) skrap|\bskrap overallt|\bhoitamatta|\bei pideta huolta|\bhuolissani (?:\w+ )?(?:lapsenlaps|lapsist|lapsesta)|"
    r"\bloss\b|\bblojeutslag|\bsamma bloja|\bsamassa vaipassa|\bvaippaa ei (?:\w+ )?vaihd|\bblojan (?:har )?(?:inte|int) bytts|\binte atit pa|\bsmutsiga klader|\bingen tar hand om|\bingen mat|\bsmutsig|\blikainen|\bei ruokaa|\bei oo ruokaa|\bnalissa|\bnalka|\bnalkaise|\byksin kotona|\byksin ulkona|\bhungriga|\bhungrig\b|\bhungrigt|\bar ofta hungr|"
    r"\bensamma|\bensam hemma|\blasu\b|\blaiminly|\bheitteille|\bhuoli lapse|\bhuolissani lapse|\bhuolestunut lapse|"
    r"\bnaapurin lap|\blapsi on yksin|\blapset yksin|\bei hoida lapsi|\bbarnskydd|\bbarnskyddsanmal|"
    r"\bforsummel|\bforsummar|\boro for barn|\borolig for barn|\bgrannens barn|\bbarnen ensamma|"
    r"\bhuostaan|\bomhandertag|\bhamta\w* (?:\w+ ){0,3}(?:full|berusad)|"
    r"\b(?:haki|hakee|hakemaan|noutaa|nouti) (?:\w+ ){0,3}(?:humalassa|kannissa)|"
    r"\b(?:humalassa|kannissa) (?:\w+ )?(?:hakemaan|noutamaan)|\bfull nar (?:hon|han) hamta"
)
# A kind of service named in words ("Finns det mödrahem i Helsingfors?", "pääseekö turvakotiin"): what the
# person asked for goes first.
NAMED_SERVICES = (
    (
        "mother_child_home",
        _c(
            r"\bensikoti|\bensikodi|\bmodrahem|\bmoder- och barnhem|\basumaan vauvan kanssa|\basua vauvan kanssa|\bvauvan kanssa (?:\w+ )?asu(?:maan|a)\b|\basumismuotoi\w* tu\w* (?:\w+ )?vauvan|\btuettu\w* asumi\w* (?:\w+ )?vauvan|\bboende med stod (?:\w+ )?(?:efter forlossningen|med (?:bebisen|babyn|barnet))|\bbo med (?:bebisen|babyn)|"
            # "ställen där de kan bo tillsammans och hon får missbruksrehabilitering", "asua yhdessä päihdekuntoutuksessa"
            r"\bbo tillsammans (?:\w+ ){0,8}(?:missbruk|rehabilit|vard)|\b(?:asua|asuisi|asumaan) yhdessa (?:\w+ ){0,8}(?:paihde|kuntoutu|hoido)"
        ),
    ),
    ("violence_support", _c(r"\bturvakoti|\bturvakodi|\bskyddshem")),
    ("hal_clinic", _c(r"\bhal-?(?:poliklini|klinik|mottagning)|\bhal\b")),
    ("youth_substance", _c(r"\bnuorisoasem|\bungdomsstation")),
    ("family_counselling", _c(r"\bperheneuvol|\bfamiljeradgivning|\buppfostringsradgivning|\bpariterapi|\bparterapi")),
    ("adult_substance", _c(r"\ba-klinik|\bpaihdeklinik|\bberoendeklinik|\bmissbruksvard")),
)
# The need a service asked for by name says, when nothing else does.
NEED_OF_SERVICE = {
    "mother_child_home": "family_support",
    "violence_support": "domestic_violence",
    "hal_clinic": "substance_use_pregnancy",
    "youth_substance": "youth_substance_use",
    "family_counselling": "relationship_support",
    "adult_substance": "substance_use_family",
}
URGENT = _c(r"\bnyt heti|\btanaan|\btana yona|\bjuuri nyt|\bjust nu|\bgenast|\bi natt|\bidag\b|\bakuutti|\bakut")
SAMI = _c(
    r"\w*samisk|\bsame\b|\bbures\b|\bsaame|\bsaamen|\bsaameksi|\bsaamenkiel|\bsami\b|\bsamisk|\bsamiska|\bsamer\b|\bsapmi|\bsaamelai|"
    r"\bpohjoissaame|\binarinsaame|\bkoltansaame|\bnordsamisk|\bsamegiel|\bsamigiel"
)
_TITLES = (
    r"(?:terveydenhoitaja|terkkari|katilo|sosiaalityontekija|sosiaaliohjaaja|laakari|perhetyontekija|nuorisotyontekija|"
    r"kuraattori|koulukuraattori|opettaja|luokanopettaja|psykologi|sairaanhoitaja|sosionomi|diakoni|"
    r"halsovardare|barnmorska|socialarbetare|socialhandledare|familjearbetare|ungdomsarbetare|lakare|kurator|"
    r"skolkurator|larare|klasslarare|sjukskotare|socionom|diakon|psykolog)"
)
# A professional who introduces themselves: "olen sosiaaliohjaaja Riihimäellä", "Socialhandledare här.",
# "perhetyöntekijä savonlinnasta.", "jag jobbar som kurator". ("Opettaja soitti" is a parent's news.)
PROFESSIONAL_INTRO = _c(
    r"\b(?:olen|oon|olemme|toimin|tyoskentelen|jag ar|ja e|jag e|jobbar som|arbetar som) (?:\w+ ){0,2}?"
    + _TITLES
    + r"\w*|^\s*"
    + _TITLES
    + r"\w*(?: (?:i|fran) \w+| \w+(?:sta|lta|lla|ssa|sta))?\s*(?:[.,:!]|\bhar\b|\btassa\b|\btaalla\b)"
)
