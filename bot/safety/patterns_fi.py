"""Finnish crisis patterns for bot.safety.crisis, over folded text (lower case, ä→a, ö→o).

WORDS are word families ("lemmas" with every written and spoken form we expect); the patterns name
them as {kill}, {me}, ... ACUTE rules are (category, pattern, *flags): "now" = needs a *now* word near
the match ("mies lyö mua" is a worry, "mies lyö mua nyt" is acute); "conditional" = someone else's
threat that a condition defuses ("se tappaa mut jos lähden"). Past-tense violence counts only with its
own immediacy ("löi mua just", "... ja on vielä täällä").
"""

CODE = "fi"

WORDS = {
    "me": r"(?:mua|mut|minua|minut|mu|meita|meidat|meit)",
    "victim": r"(?:mua|mut|minua|minut|meita|meidat|aitia|aitii|aitiani|isaa|siskoa|siskoani|veljea|naista|"
    r"naapuria|kaveria|hanta|sita|vaimoa|tyttoystavaa|mummoa)",
    "self": r"(?:itseni|itteni|ittein|itsein|itteain|itteen|itseani|itteani|itteeni|itsesi|ittesi|itsensa|ittensa|itseaan|itteaan|itteensa|"
    r"itseensa|itsemme|ittemme)",
    "self_to": r"(?:itselleni|itelleni|ittelleni|itselleen|itelleen)",
    "kill": r"(?:tapan|tapat|tappaa|tappais|tappaisi|tappaisin|tappamaan|tapetaan|tappaan|tappavat)",
    "die": r"(?:kuolla|kuolen|kuolemaan|kuolisin|kuolis)",
    "want": r"(?:haluan|haluun|halua|haluu|haluaa|tahdon|tahtoo|haluaisin|haluisin|halusin|aion|meinaan)",
    "live": r"(?:elaa|elamaan|olla olemassa|olla enaa|jatkaa elamaa|elaa enaa)",
    "child": r"(?:vauva\w*|lapsi|lapsen|lasta|lapset|lapsia|lapselle|lapsella|lapseni|lapsemme|taapero\w*|"
    r"pikkuveli\w*|pikkuvelje\w*|pikkusisko\w*|pikkusisar\w*|poika|pojan|poikaa|poikani|tytto|tyton|"
    r"tyttoa|tyttoni|tytar|lapsensa|lapsesi|lapsiaan|oppilas|oppilaa\w*|tyttare\w*|pienokai\w*|vastasyntyn\w*|muksu\w*|skidi\w*|kersa\w*|teini\w*|"
    r"kaksonen|kaksoset|pikkuinen|\d+ ?v(?:uotia\w*)?|\w*vuotia\w*|\w*vuotias)",
    "hit": r"(?:lyo|lyovat|lyoo|hakkaa|hakkaavat|potkii|potkivat|kuristaa|raiskaa|pahoinpitelee|tonii|tuuppii|"
    r"riepottelee|retuuttaa|hakkaamaan|lyomaan|satuttaa)",
    "hit_passive": r"(?:lyodaan|hakataan|pahoinpidellaan|potkitaan|kuristetaan)",
    "hit_past": r"(?:loi|loivat|hakkasi|hakkas|potki|potkaisi|kuristi|heitti|tyrkkasi|raiskasi|pahoinpiteli|"
    r"on lyony|on lyonyt|on hakannu|on hakannut)",
    "pills": r"(?:laak\w*|\w*laake\w*|\w*laakk\w*|pillere\w*|pilleri\w*|tablet\w*|nappe\w*|nappi\w*|burana\w*|"
    r"panadol\w*|parasetamol\w*|bentso\w*|subu\w*|metadon\w*|oksikodon\w*|opiaat\w*|rauhoittav\w*|"
    r"huume\w*|ainei\w*|kamaa|piri\w*|amfetamiini\w*|heroiini\w*|gamma\w*|lyrica\w*|purkin|purkki|"
    r"myrky\w*)",
    "amount": r"(?:liikaa|yliannostuks\w*|kaikki|loput|kourallisen|kasallisen|ison (?:maaran|annoksen)|"
    r"(?:koko |puolitoista |kaksi |pari |\w+ )?(?:levyn|levya|levyllisen|purkin|purkkia|purkillisen|paketin|"
    r"pakkauksen|pullon|pussin|liuskan|liuskaa)|\d+ (?:tablettia|pilleria|nappia|kpl|laaketta))",
    # household chemicals a child or anyone may drink: a poisoning whoever drank it
    "corrosive": r"(?:\w*pesuaine\w*|\w*pesunest\w*|tiskiaine\w*|lamppuoljy\w*|sytytysneste\w*|kemikaal\w*|"
    r"kloori\w*|klooria|\w*puhdistusain\w*|\w*puhdistusnest\w*|valkaisu\w*|viemarinavaaja\w*|pakkasnest\w*|"
    r"jaanestonest\w*|lipea\w*|ammoniak\w*|tarpatti\w*|myrkky\w*|myrkkya|myrkyn)",
    # calling for help, which a threat forbids ("jos soitan poliisille ...")
    "call_help": r"(?:(?:soitan|soitat|soittaa|ilmoitan|ilmoittaa|kerron|kertoo|meen|menen|juoksen) (?:\w+ ){0,2}"
    r"(?:poliisi\w*|poliisille|112|hatanumero\w*|hatakeskuks\w*|sossu\w*|sosiaali\w*|lastensuojelu\w*|kenellekaan|"
    r"kellekaan|jollekin|kellekkaan|naapuri\w*|turvakoti\w*)|haen apua|hakee apua|pyydan apua|huudan apua)\b",
    "drunk": r"(?:kannissa|kannis|humalassa|aineissa|pilvessa|juovuksissa|sekaisin|sammunut|sammuny|sammui|"
    r"tajuton|jurrissa|perseet|lakit|ryyppaamaan|juomaan|baariin|bileisiin|ryypylle)",
    "symptom": r"(?:pyorryttaa|pyorryin|huimaa|(?:en|enka) pysty pitamaan silmia auki|sydan hakkaa|"
    r"rintaan (?:sattuu|koskee)|oksennan|oksentaa|ei vastaa|eika vastaa|ei heraa|eika heraa|"
    r"on tajuton|hengittaa oudosti)",
}

NOW = (
    r"\b(?:nyt|nyyt|just|juuri|justiinsa|justiin|talla hetkella|parhaillaan|heti|tanaan|tanaa|"
    r"tana (?:iltana|yona|aamuna|paivana)|kohta|hetken paasta|apua|apuu|apuaa|hata|hadassa|aasken|"
    r"edelleen|vielakin|yha|on viela (?:taalla|tassa|kotona|sisalla)|on tulossa|tulee kohta|"
    r"lapset (?:kattoo|katsoo|nakee|itkee|huutaa))\b"
)
# Time words that overrule a past/question/fear guard when they stand next to the match.
STRICT_NOW = (
    r"\b(?:nyt|just|juuri|justiinsa|talla hetkella|parhaillaan|tanaan|tana (?:iltana|yona|aamuna)|"
    r"aasken|hetki sitten|on viela (?:taalla|tassa|kotona)|on tulossa)\b"
)

PAST = (
    r"\b(?:(?:\d+|pari|muutama|kaksi|kaks|kolme|nelja|viis|viisi|monta|vuosi|vuos|viikko|kuukausi|kuukaus) (?:\w+ )?sitten|"
    r"\w+ (?:vuotta|vuosi|vuosia|viikkoa|kuukautta|kuukausi) (?:sitten|takaperin|takaperin)|"
    r"kerran|joskus|aikanaan|(?<!ku )(?<!kuin )ennen|aikoinaan|aiemmin|aikaisemmin|lapsena|\w*vuotiaana|ylaastee\w*|ala-astee\w*|ala astee\w*|lukiossa|yliopistossa|armeijassa|parikymppisena|lapsuude\w*|nuorena|nuoruude\w*|teinina|"
    r"silloin kun|kun olin|olin pieni|kun (?:se|han|ne|he|poika|tytto|vauva) oli (?:\w+ )?(?:pieni|vauva|vastasyntyn\w*|\d+|nuori|pienempi)|viime (?:vuonna|kesana|talvena|kevaana|syksyna|viikolla|kuussa|kerralla|"
    r"yona|maanantaina|tiistaina|keskiviikkona|torstaina|perjantaina|lauantaina|sunnuntaina)|kevaalla|syksylla|eilen|toissapaivana|edellise\w*|entise\w*|vuosia|"
    r"(?:vuonna|vuodelta|vuoden) (?:19|20)\d\d|siita on (?:jo )?(?:\w+ )?(?:vuotta|vuosi|vuosia|kuukautta|viikkoa))\b"
    # a sentence that opens with a year ("2018 tyttö nieli ..."), not with a dose ("2000 mg ...")
    r"|^ ?(?:19|20)\d\d\b(?! ?(?:mg|g|ml|milli\w*)\b)"
)
QUESTION = (
    r"\b(?:mita (?:teen|tehda|pitaa tehda|kannattaa tehda) jos|mita tapahtuu jos|"
    r"miten (?:puhun|puhua|toimin|toimia|tunnistaa|tunnistan|autan|auttaa|tuen|tukea|teen)|"
    r"mista saa (?:apua|tukea)|mista (?:\w+ )?(?:saa|saadaan|saisin|saisi|saan|saataisiin|saatais|vois saada|voi saada) (?:\w+ )?(?:apua|tukea)|mihin (?:ohjaan|ohjata)|onko (?:\w+ )?(?:normaalia|vaarallista|ok|okei|tavallista)|"
    r"voiko|saako|tietaako|nakeeko|saako (?:\w+ ){{0,2}}(?:tietaa|selville)|saa(?:ko)? (?:\w+ )?selville|kuinka paljon|saanko|pitaako|pitaisko|pitaisiko|pitaiskohan|kannattaako|kenelle (?:soitan|ilmoitan)|"
    r"onko syyta huoleen|hypoteett\w*|teoriassa|pitaako (?:\w+ )?huolestua|"
    r"ilmo(?:i)?tt?aa jonnekin|tehda ilmoitus|epailen|en (?:oo|ole) varma|"
    r"jos joku (?:\w+ )?(?:kirjoittaa|kirjoittais\w*|sanoo|sanois\w*|kertoo|kertois\w*)|"
    r"mita (?:sa |sina |te )?(?:vastaisit|vastaisitte|tekisit|tekisitte)|(?<!tiia )(?<!tieda )onko (?:\w+ ){{0,6}}hatatilan\w*|"
    r"(?:milloin|missa tilanteessa|missa vaiheessa) (?:\w+ )?(?:pitaa|pitais|pitaisi|kannattaa|tarvii|tarvitsee|"
    r"tulee|saa|voi|pitaako) (?:\w+ )?(?:soittaa|soitetaan)|milloin soitetaan|"
    r"miten (?:\w+ )?(?:sailytan|sailyttaa|sailyttaisin|sailytetaan|sailytatte)|missa (?:\w+ )?(?:sailytan|sailyttaa|"
    r"pitaisi sailyttaa|kannattaa sailyttaa)|"
    r"vai voinko|voinko (?:\w+ )?(?:odottaa|soittaa (?:neuvolaan|aamulla|huomenna)))\b"
)
# Fears and intrusive thoughts ("tulee ajatuksia että satutan vauvaa") are common after a birth and not acute.
FEAR = r"\b(?:pelkaan|pelottaa|mua pelottaa|ajatuksia|ajatus|pelkoja) (?:\w+ )?(?:etta|et)\b"
SAFE = r"\b(?:oon|olen|ollaan|olemme|ovat) (?:nyt |jo )?(?:\w+ )?turvassa\b"
# Someone else's story: a film, a series, the news, a post online, or a professional about a client.
REPORT = (
    r"\b(?:\w*leffa\w*|\w*elokuva\w*|\w*sarja\w*|dokkari\w*|dokumentti\w*|uutis\w*|lehde\w*|lehdessa|kirjassa|"
    r"romaani\w*|somessa|some-\w*|somevideo\w*|tiktok\w*|videolla|netissa|foorumi\w*|"
    r"asiakas|asiakkaa\w*|asiakkai\w*|potilas|potilaa\w*|potilai\w*|"
    r"(?:olen|oon|toimin|tyoskentelen) (?:\w+ )?(?:psykologi\w*|sairaanhoitaja\w*|terveydenhoitaja\w*|"
    r"sosiaalityontekija\w*|laakari\w*|katilo\w*|ensihoitaja\w*|opettaja\w*|lastenhoitaja\w*|"
    r"perhetyontekija\w*)|\w*(?:hoitajana|tyontekijana|psykologina|laakarina|opettajana|katilona)|"
    r"leikitaan|leikittiin|leikissa|leikeissa|leikei\w*|leikki\w* (?:ensihoitaja\w*|ambulanssi\w*|laakari\w*|sairaala\w*|poliisi\w*)|nukke|nuken|leikin kautta|leikkiessa\w*|\w*minecraft\w*|fortnite\w*|pelissa|videopel\w*|"
    r"unessa|unessani|unissani|nain unta|naen unta|nain painajais\w*|painajaise\w*|uneksin|"
    r"nayttelma\w*|naytelma\w*|teatteri\w*|naytoksessa|roolihahmo\w*|esseeseen|esseessa|essee|esseen|"
    r"kirjoitelma\w*|aine(?:kirjoitu\w*|essee\w*)|esitelma\w*|kouluprojekt\w*|"
    r"opinnayte\w*|gradu\w*|koulutyo\w*|tutkielm\w*|koulutusesimerk\w*|tapaus vuodelta)\b"
    r"|^ ?(?:\w+ ){{0,2}}\w*(?:opettaja|tyontekija|hoitaja|kasvattaja)\b(?! (?:\w+ )?(?:lyo|hakkaa|satuttaa|ravistelee))"
    r"|^ ?(?:\w+ )?(?:psykologi|sairaanhoitaja|terveydenhoitaja|sosiaalityontekija|laakari|katilo|ensihoitaja|"
    r"perhetyontekija)\b"
)
JOKE = r"\b(?:haha\w*|hah|hehe\w*|lol|xd|heh|ei oikeesti|ei oikeasti|en tosissani|kuvainnollisesti|ihan sairasta)\b"
# A dream told (also one of the REPORT frames): in its own clause no now overrules it.
DREAM = r"\b(?:unessa|unessani|unissani|nain unta|naen unta|nain painajais\w*|painajaise\w*|painajaisessa|uneksin)\b"
CONDITIONAL = r"\bjos\b"
EARNEST = r"\b(?:oon|olen|mä oon|ma oon) (?:ihan |aivan )?tosissani\b|\b(?:tarkotan|tarkoitan) (?:sita|tata|tota)\b|\bei oo vitsi\b|\bei ole vitsi\b"
# Words of danger at all (for "defused": such a word inside a past, question, fear or condition).
DANGER = (
    r"\b(?:{kill}|tappo\w*|tapettiin|tappanu\w*|{die}|kuoli\w*|kuoleman|itsemurh\w*|itsetuho\w*|{hit}|{hit_past}|"
    r"{hit_passive}|lyony\w*|lyonyt|hakannu\w*|kurist\w*|yliannost\w*|myrkyty\w*|niel\w*|tukehtu\w*|"
    r"hengit\w*|vakival\w*|uhka\w*|uhkail\w*|puuko\w*|veitse\w*|viiltel\w*|hypat\w*|hyppaa\w*|hyppas\w*|putos\w*|"
    r"ravistel\w*|satuta\w*|satutta\w*|vahingoit\w*|pudot\w*|verta|vuota\w*|liikaa|laak\w*|pilleri\w*|"
    r"tablet\w*|jaahyvais\w*|hyvastikirje\w*|hyvastivies\w*|itsemurhavies\w*|hirt\w*)"
)

# Idioms and negations: blanked out before the rules run.
NEVER = (
    r"\b(?:kuolla|kuolen|kuolin|olin kuolla|kuolemaisillani) (?:\w+ )?(?:nauruun|naurusta|hapeasta|hapeaan|"
    r"tylsyyteen|ikavaan|nalkaan|janoon|kauhusta|jannityksesta|uteliaisuudesta)"
    # laughing oneself to death ("tapan itteni naurusta"), set G
    r"|\b(?:tapan|tappaa|tapoin) (?:itteni|itseni|ittein|itteeni|mut) (?:\w+ )?(?:naurusta|nauruun)"
    r"|\b\w*(?:pyykki|pyykit|tiski|tiskit|siivous|laksyt|laksy|kotityo|juhlat|synttarit|kekkerit)\w* "
    r"(?:\w+ )?(?:tappaa|tappavat|vie hengen)(?: {me})?"
    r"|\b(?:tyo|tama|taa|toi|tuo|stressi|vasymys|tylsyys|helle|kuumuus|kylmyys|ikava|nalka|jano|kiire|arki|"
    r"valvominen|univaje|meteli|ruuhka|odottaminen|riitely) (?:\w+ )?tappaa(?: {me})?"
    r"|\b(?:voisin|vois|voisi) tappaa (?:\w+ ){{0,3}}(?:eteen|takia)"
    r"|\b(?:lapset|naa lapset|nama lapset|noi lapset|nuo lapset|kakarat|muksut|skidit|kersat|penskat|teini|"
    r"uhmaikainen|kaksoset|vauva|nama|naa) (?:\w+ )?(?:tappaa|tappavat|tappaa viela|tappavat viela|vie hengen)"
    r"(?: {me})?(?! jos)\b"
    r"|\b(?:ma )?tapan (?:sen|ton|taman|hanet|sut|sinut|miehen|akan|ukon|kaikki)\b(?: \w+){{0,3}} jos\b"
    r"|\bviil\w* (?:\w+ )?(?:sormeen|sormensa|sormea|peukaloon)\b"
    r"|\bhypata seinille|\blyo\w* vetoa|\bhenkensa edesta|\bhengen edesta"
    r"|\ben (?:ole|oo) (?:\w+ )?itsetuho\w*|\bei (?:ole |oo )?(?:\w+ )?itsetuhoisia"
    r"|\ben (?:aio|meinaa|halua|haluu) (?:tehda itselleni mitaan|satuttaa|tappaa|kuolla|vahingoittaa)\w*"
    r"|\bei (?:ole|oo) (?:koskaan )?(?:lyony|lyonyt|satuttanut|satuttanu|uhannut|uhannu)"
    r"|\bei (?:ole |oo )?(?:mitaan )?hataa|\bei (?:ole|oo) (?:vakivaltaa|vaaraa|vaarassa)"
    r"|\bhengittaa (?:ihan )?normaalisti"
    r"|\b(?:on|oli) (?:ollut|ollu) (?:\w+ )?itsetuhoisia ajatuksia|\ben (?:ikina|koskaan) (?:tekis|tekisi) (?:mitaan|sita)"
    r"|\b(?:maailma|elama|kaikki) (?:\w+ ){{0,2}}romahti|\b(?:ei|eika) (?:\w+ )?kouristel\w*"
    # emotional blackmail ("tappaa itsensä jos jätän hänet"), a child's tantrum ("haluaa kuolla kun ei saanut")
    r"|\b{kill} {self} jos (?:ma |mina )?(?:jatan|lahden|eroan)\b"
    r"|\b{want} {die} (?:kun|koska) (?:se |han )?(?:ei|eika) (?:saanut|saanu|saa|paassyt)\b"
    # "kohta mä hyppään sillalta, jos tää ratikkatyömaa ei lopu": a nuisance, not a plan
    r"|\bhyppaan (?:\w+ ){{0,2}}(?:, )?jos (?:\w+ ){{0,2}}"
    r"\w*(?:tyomaa|remontti|meteli|ruuhka|kokous|jono|tentti|liikenne|sade|helle)\w*"
    # "hirttää itteni tähän kokoamisohjeeseen": hanging oneself onto a nuisance is an idiom
    r"|\bhirt\w* {self} (?:tahan|tohon|tuohon|siihen|noihin|naihin) (?:\w+ ){{0,3}}\w*(?:ohje\w*|lomake\w*|kokous\w*|"
    r"palaveri\w*|excel\w*|byrokratia\w*|laskui\w*|kaavakke\w*|hakemuks\w*|sotku\w*|jonoon|puheluun|"
    r"projekti\w*|laksy\w*|tenttii\w*)"
    # a minor bleed that was seen to ("polvesta tuli verta, laastari päälle")
    r"|\b(?:polve\w*|sorme\w*|kyynarpaa\w*|kyynarpaast\w*|huulesta|peukalosta|varpaasta) (?:\w+ )?(?:tuli|vuoti|valui) "
    r"(?:\w+ )?verta"
    # "en tee mitään typerää": the writer says they are safe
    r"|\ben (?:aio |meinaa )?(?:tee|tehda) (?:mitaan?|mittaan) (?:typeraa|tyhmaa|itselleni)"
)

ACUTE: tuple[tuple[str, ...], ...] = (
    # a child in danger (before the general rules, so that the category says so)
    (
        "child",
        r"\b{child} (?:\w+ ){{0,3}}(?:(?:ei|eika) (?:se |han |enaa |yhtaan |ollenkaan |kunnolla )?"
        r"(?:hengita|heraa|reagoi|liiku)\b(?! (?:aamulla|"
        r"aamuisin|ajoissa|syomaan|oisin))|lakkasi hengittamasta|tukehtu\w*|kourist\w*)",
    ),
    (
        "child",
        r"\b{child}\b.*\bon (?:ihan |tosi |aivan )?(?:veltto|sininen|harmaa|tajuton|kylma ja)|"
        r"\b{child} (?:\w+ )?(?:putosi|putos|tippui|tippu|kaatui) (?:\w+ )?(?:ikkunasta|parvekkeelta|katolta|"
        r"portaista|portaita)|\b{child}\b.*\b(?:kylmaan|kuumaan|lukittuun) autoon|\b{child} (?:\w+ ){{0,3}}"
        r"(?:kylmassa|kuumassa|lukitussa) autossa",
    ),
    (
        "child",
        r"\b{child} (?:\w+ ){{0,2}}(?:nieli|soi|joi|nielaisi|on syonyt|on niellyt|on juonut|nielly\w*|"
        r"syony\w*|sai suuhunsa|loysi|sai kasiinsa|on ottanut|otti) (?:\w+ ){{0,3}}(?:{pills}|{corrosive}|"
        r"paristo\w*|nappiparisto\w*)",
    ),
    (
        "child",
        r"\b{child} (?:\w+ ){{0,2}}(?:putos\w*|tippu\w*|kaatui|loi paansa) (?:\w+ ){{0,6}}(?:veltto|tajuton|"
        r"ei heraa|ei reagoi|verta|vuotaa|oksentaa|kourist\w*|ei itke)|\bpudott\w* {child}",
    ),
    ("child", r"\bravistel\w* (?:\w+ )?{child}|\b{child} (?:\w+ )?ravistel\w*"),
    (
        "child",
        r"\b{drunk}\b.*\b{child} (?:\w+ ){{0,2}}yksin\w*|\b{child} (?:\w+ ){{0,3}}yksin\w* "
        r"(?:\w+ ){{0,6}}(?:{drunk}|en muista|lahti)|\b{child} jai (?:\w+ ){{0,2}}(?:sisalle|sen kanssa)",
    ),
    (
        "child",
        r"(?=.*\b(?:ajaa|ajelee|ajamaan|rattiin)\b)(?=.*\b(?:kannissa|humalassa|aineissa|pilvessa|"
        r"juovuksissa|kannis)\b).*\b{child}",
    ),
    (
        "child",
        r"(?<!ei )\b{hit} (?!(?:ja|tai|etta|et|kun|mutta|mut) )(?:\w+ )?{child}|\b{child} (?:\w+ ){{0,2}}"
        r"{hit_passive}|\b{hit_passive} (?:\w+ )?{child}",
        "now",
    ),
    ("child", r"\b{hit_past} (?:\w+ ){{0,2}}{child} (?:just|juuri|aasken|aiken|hetki sitten)"),
    (
        "child",
        r"\b(?:satutan|vahingoitan|tapan|heitan|ravistan|tukehdutan|hukutan) (?:\w+ ){{0,2}}{child}|"
        r"\bteen (?:\w+ )?(?:vauvalle|lapselle|sille) (?:jotain|pahaa)|\bmenetan (?:\w+ )?(?:hermoni|malttini|"
        r"hallinnan)\b.*\b{child}|\b(?:en|enka) (?:pysty|voi) (?:pitamaan|pitaa) (?:\w+ )?turvassa",
    ),
    (
        "child",
        r"\b(?:uhkaa|uhkailee) (?:\w+ )?(?:tappaa|satuttaa|vahingoittaa) (?:\w+ )?(?:{child}|sen|hanet)",
        "conditional",
    ),
    (
        "child",
        r"\bvei {child} (?:\w+ ){{0,4}}(?:vakisin|{drunk})|\bvei {child}\b.*\b{drunk}|"
        r"\b{child}\b.*\b(?:kadonnut|kateissa)\b.*\b{drunk}|\b{drunk}\b.*\bvei (?:sen|hanet)\b",
    ),
    ("child", r"\b(?:heitti|paiskasi|ravisteli|loi|potkaisi|pudotti) (?:\w+ )?{child}", "now"),
    (
        "child",
        r"\b{child} (?:\w+ ){{0,4}}(?:pakkasessa|pakkaseen|kylmassa ulkona|moottoritiella|kaiteelle|"
        r"ikkunalaudalla)|\b(?:pakkasessa|parvekkeella) (?:\w+ ){{0,4}}ovi on (?:lukossa|kiinni)|"
        r"\b(?:kiipea\w*|kiipesi|roikkuu) (?:\w+ )?(?:kaiteelle|kaiteella|ikkunalaudalle|katolle)",
    ),
    ("child", r"\b(?:talossa|asunnossa|kotona|kampassa|talo|asunto) (?:\w+ )?palaa\b|\btulipalo\b"),
    # suicidal intent, also someone else's
    (
        "suicide",
        r"\b{want} (?:\w+ ){{0,2}}{die}\b|\ben (?:halua|haluu|tahdo) herata\b|"
        r"\blahden (?:\w+ )?(?:tasta|talta) maailmasta|\bette nae (?:minua|mua) enaa",
    ),
    (
        "suicide",
        r"\b(?:kirjoitin|kirjoittanut|kirjottanu\w*|kirjoittanu) (?:\w+ ){{0,2}}(?:viestit|kirjeet|kirjeen|"
        r"jaahyvais\w*|hyvastit|hyvastiviesti\w*)",
    ),
    ("suicide", r"^(?=.*{pills}).*\b(?:(?:aion|meinaan|ajattelin) ottaa|otan) (?:ne |nama |noi )?kaikki\b"),
    ("suicide", r"\ben (?:enaa |edes |ma |mina )?(?:halua|haluu|jaksa|pysty|kesta|tahdo)(?: enaa)? {live}\b"),
    ("suicide", r"\b{kill} (?:\w+ )?{self}\b|\b{self} (?:\w+ )?{kill}\b"),
    (
        "suicide",
        r"\b(?:teen|tehda|aion|meinaan|suunnittelen|ajattelen|mietin|harkitsen|haluan) (?:\w+ ){{0,2}}"
        r"itsemurh\w*",
    ),
    (
        "suicide",
        r"\b(?:lopetan|lopettaa|lopettais|lopettaisin) (?:tan |taman |ton |tama |koko )?(?:kaiken|kaikki|"
        r"elamani|elaman|elamansa)\b(?! \w+(?:misen|mista)\b)|\b(?:paatan|paattaa) (?:paivani|paivansa|"
        r"elamani|elamansa)\b|\b(?:taa|tama|kaikki) (?:\w+ )?loppuu (?:tanaan|nyt|tahan)\b|"
        r"\b(?:tanaan|nyt|tana yona) loppuu (?:\w+ ){{0,2}}(?:kaikki|taa|tama)\b",
    ),
    (
        "suicide",
        r"\b(?:hyppaan|hypata|hyppaa|hyppaamaan|hyppaisin) (?:\w+ ){{0,2}}(?:sillalta|katolta|parvekkeelta|"
        r"ikkunasta|alas|junan alle|auton alle|kalliolta|veteen)\b|\b(?:aion|meinaan|taidan|ajattelin) hypata\b",
    ),
    (
        "suicide",
        r"\bhyppaan\b|\b(?:seison|istun|oon|olen) (?:\w+ )?(?:sillalla|katolla|kaiteella|raiteilla|"
        r"junaradalla)",
        "now",
    ),
    (
        "suicide",
        r"\bkoysi\w* (?:\w+ )?(?:valmiina|kadessa|kaulassa|valmis)|\bhirtan\b|\bhirttaa? {self}|"
        r"\b(?:ase|aseen|veitsi|veitsen|koysi|koyden)\b.*\b(?:aion|meinaan) (?:kayttaa|ampua)",
    ),
    (
        "suicide",
        r"\b(?:otan|ottamassa|nielemassa) (?:\w+ )?(?:kaikki|loput)\b(?: \w+){{0,2}} {pills}|"
        r"\b(?:saastin|saastan|keraan|kerasin) (?:\w+ )?{pills} (?:\w+ ){{0,4}}(?:otan|nielen)",
    ),
    (
        "suicide",
        r"\b(?:viiltel\w*|viilsin|viillan|viilsi|leikkasin (?:itt|its)\w*|leikannu\w* (?:itt|its)\w*)|"
        r"\b(?:satutan|satuttaa|satuttamaan|vahingoitan|vahingoittaa) (?:\w+ )?{self}|"
        r"\bteen (?:\w+ )?{self_to} (?:jotain|pahaa)",
    ),
    (
        "suicide",
        r"\b(?:en|enka) (?:pysty|voi|uskalla) (?:pitamaan|pitaa) {self} turvassa|\bitsetuho\w* (?:\w+ ){{0,4}}"
        r"(?:nyt|niin vahv\w*|en uskalla|etten uskalla)|\ben (?:pysty|voi) lupaamaan|\ben (?:oo|ole) turvassa\b|"
        r"\ben luota {self}|\bon (?:mun|minun) viimei?ne\w*|\bviimei?nen (?:iltani|paivani|yoni)|"
        r"\b(?:jaahyvaiskirje\w*|itsemurhavies\w*|hyvastikirje\w*)",
    ),
    (
        "suicide",
        r"\b(?:ajan|ajaa|ajamaan) (?:\w+ ){{0,2}}(?:puuhun|seinaan|rekan alle|kallioon|jarveen|mereen|"
        r"rekkaa pain|rekan eteen)",
    ),
    # overdose, poisoning, someone unconscious
    (
        "overdose",
        r"\b(?:otin|otti|ottanu\w*|ottanut|ottaneet|ottamassa|nielin|nieli|nielly\w*|soin|soi|syonyt|"
        r"syony|vedin|veti|vetany\w*|vetanyt|piikitin|piikitti) (?:\w+ ){{0,3}}{amount}\b",
    ),
    (
        "overdose",
        r"\b(?:otin|otti|ottanu\w*|ottanut|vetany\w*|vetanyt|veti|vedin|piikitin|piikitti|nappasin|"
        r"poltin) .*\b{symptom}|\bhuulet (?:\w+ )?(?:siniset|sinertavat|sinertaa)|\bsiniset huulet",
    ),
    (
        "overdose",
        r"\b(?:ei|eika) (?:se |han |enaa |yhtaan |ollenkaan |edes |kunnolla )?(?:heraa|hengita|reagoi)\b(?! (?:aamulla|"
        r"aamuisin|ajoissa|syomaan|kouluun|herat\w*|oisin))|\blakkasi hengittamasta|"
        r"\ben saa (?:\w+ )?(?:heratettya|hereille)",
    ),
    (
        "overdose",
        r"\b(?:tajuton|tajuttomana|tajuttom\w*|on ihan sininen|on sininen|on sinertava|muuttui siniseksi|"
        r"hengittaa (?:tosi |ihan )?(?:oudosti|huonosti|heikosti|katkonaisesti|hitaasti)|en saa henkea|"
        r"ei saa henkea|kourist\w*|vetaa henkea (?:oudosti|huonosti|vaivalloisesti)|romahti|lyyhistyi)\b",
    ),
    # violence going on
    (
        "violence",
        r"(?<!ei )(?<!en )\b{hit} (?:\w+ )?{victim}\b|\b{me} (?:\w+ )?{hit_passive}\b|"
        r"\b(?:se|han|mies) (?:\w+ )?lyo (?:edelleen|vielakin|yha)",
        "now",
    ),
    ("violence", r"\bei lopeta (?:lyomista|hakkaamista|potkimista|kuristamista)"),
    (
        "violence",
        r"(?<!ei )\b(?:kuristaa|kuristavat|kuristamassa) (?:\w+ )?{me}|\b{me} (?:\w+ )?(?:kuristaa|"
        r"kuristetaan)|\b(?:pitaa|puristaa) (?:{me} )?(?:kurkusta|kaulasta)",
    ),
    (
        "violence",
        r"\b{hit_past} (?:\w+ ){{0,2}}{me}\b(?: \w+){{0,2}} (?:just|juuri|aasken|aiken|hetki sitten)|"
        r"\b{hit_past} (?:\w+ ){{0,2}}{me}\b.* on (?:viela|vielakin) (?:taalla|tassa|kotona|sisalla)",
    ),
    ("violence", r"\bpotk\w* (?:\w+ )?(?:{me} )?(?:vatsaan|mahaan)"),
    (
        "violence",
        r"\b(?:uhkaa|uhkailee|uhkaavat|uhkasi just) (?:\w+ ){{0,2}}(?:tappaa|tappamaan|tapolla|puukottaa|"
        r"ampua|polttaa|veitsella|veitsen|puukolla|aseella|aseen|kirveella)",
        "conditional",
    ),
    (
        "violence",
        r"\b(?:se|han|mies|eksa|ex|exa|poikaystava|puoliso|isa|isi|kumppani|vaimo|aiti|ukko|kundi|joku) "
        r"(?:\w+ ){{0,2}}(?:tappaa|tappais|tulee tappamaan|aikoo tappaa|on tappamassa) "
        r"(?:{me}|meidat|meita|lapset)\b",
        "conditional",
    ),
    (
        "violence",
        r"\b(?:oven takana|yrittaa (?:paasta |tulla )?sisaan|tulossa sisaan|potkii ovea|hakkaa ovea|"
        r"paukuttaa ovea|murtautu\w*|murtaa ovea|rikkoo ovea)\b",
    ),
    (
        "violence",
        r"\b(?:lukinnu\w*|lukitsin|lukittautu\w*|piiloutu\w*|piilossa) (?:\w+ ){{0,5}}(?:vessa\w*|kylppari\w*|"
        r"kylpyhuonee\w*|makkari\w*|makuuhuonee\w*|huoneeseen|kaappiin|autoon)",
    ),
    ("violence", r"\b(?:pitaa|pitavat) {me} (?:\w+ )?lukit\w*|\bei paasta (?:{me} )?ulos\b"),
    (
        "violence",
        r"\briehu\w* (?:\w+ ){{0,4}}(?:lasten|lapsia|veitsen)|\bheittel\w* (?:\w+ ){{0,2}}(?:tavaroita|"
        r"esineita|lasten paalle|lapsia|meita|mua)",
        "now",
    ),
    (
        "violence",
        r"\bheittel\w* (?:\w+ ){{0,2}}(?:lasten paalle|lapsia|lapsen paalle)|\bheilutt\w* (?:\w+ )?(?:puukkoa|"
        r"veista|veitsea|asetta|kirvesta|mailaa)",
    ),
    (
        "violence",
        r"\b(?:naapurissa|naapurista|naapurin|viereisessa|seinan takana) (?:\w+ ){{0,4}}(?:{hit_passive}|"
        r"tapetaan)|\bhuuta\w* apua\b",
    ),
    (
        "violence",
        r"\b(?:veitsen|puukon|aseen|kirveen|mailan) (?:\w+ )?(?:kanssa|kadessa)\b|\b(?:on|silla on) "
        r"(?:\w+ )?(?:puukko|veitsi|ase|kirves)\b",
        "now",
    ),
    # medical emergencies and explicit calls for help
    (
        # a threat to the children (or the writer) if the writer calls for help: a trap, danger now
        "violence",
        r"\bjos (?:ma |mina )?(?:\w+ )?{call_help}.*\b(?:{kill}|satuttaa|satuttaisi|satuttais|vahingoittaa|vie|"
        r"tappaisi|tappais) (?:\w+ )?(?:lapset|lapsia|lapsen|lasta|{child}|{me}|kaikki)\b|"
        r"\b(?:{kill}|satuttaa|satuttaisi|vahingoittaa) (?:\w+ )?(?:lapset|lapsia|lapsen|lasta|{child}|{me})\b"
        r"(?: \w+){{0,3}} jos (?:ma |mina )?(?:\w+ )?{call_help}",
    ),
    (
        # "pelkään mitä mä teen sille": fear of one's own acts, not an intrusive "pelkään että"
        "child",
        r"\b(?:pelkaan|pelottaa|pelkaan ihan|en tieda) (?:\w+ )?(?:mita|mitä) (?:ma |mina )?(?:\w+ )?(?:teen|tekisin|"
        r"voin tehda|saatan tehda|ehka teen|mahdan tehda) (?:\w+ )?(?:sille|hanelle|vauvalle|lapselle|lapsille|"
        r"pojalle|tytolle|tyttarelle|pienelle|niille|{child})\b",
    ),
    (
        "suicide",
        r"\b(?:pelkaan|pelottaa) (?:\w+ )?(?:mita|mitä) (?:ma |mina )?(?:\w+ )?(?:teen|tekisin|voin tehda|saatan tehda) "
        r"(?:\w+ )?{self_to}\b",
    ),
    (
        # a relative's farewell said as joining the dead, behind a closed door or silence
        "suicide",
        r"\b(?:menee|lahtee|paasee|haluaa|aikoo|menen|lahden) (?:\w+ ){{0,4}}(?:vainaa\w*|edesmen\w*|kuolleen\w*|"
        r"taivaaseen|toiselle puolelle|manalle|luokse taivaaseen)\b.*\b(?:ei|eika|en|enka) (?:\w+ )?(?:avaa|vastaa|"
        r"paasta)\b|\b(?:ei|eika) (?:\w+ )?(?:avaa|vastaa)\b.*\b(?:menee|lahtee|paasee) (?:\w+ ){{0,4}}"
        r"(?:vainaa\w*|edesmen\w*|kuolleen\w*|taivaaseen|toiselle puolelle)\b",
    ),
    (
        # drinking a household chemical, whoever drank it
        "overdose",
        r"\b(?:joi|juonut|juonu|on juonut|join|nieli|nielaisi|niellyt|nielly|otti|ottanut) (?:\w+ ){{0,3}}"
        r"{corrosive}",
    ),
    (
        # a wound that still spurts or pulses blood after cutting
        "medical",
        r"\b(?:suihkuaa|suihkuu|pulppuaa|pulppuu|sykkii|spruttaa|valuu|tulvii) (?:\w+ ){{0,2}}verta|"
        r"\bverta (?:\w+ )?(?:suihkuaa|suihkuu|pulppuaa|pulppuu|spruttaa|tulvii)|\bveri (?:\w+ )?(?:suihkuaa|"
        r"suihkuu|pulppuaa|pulppuu|spruttaa|sykkii)|\bhaava\w* (?:\w+ ){{0,2}}(?:suihkuaa|pulppuaa|ei lakkaa vuotamasta|"
        r"vuotaa edelleen|vuotaa vielakin|ammottaa|on syva)|\b(?:ei lakkaa|ei lopu|ei tyrehdy) (?:\w+ )?vuotamasta",
    ),
    (
        "medical",
        r"\b(?:vuodan|vuotaa|vuotanut) (?:paljon |kovasti |runsaasti |tosi paljon |ihan hirveesti )verta|"
        r"\b(?:vuodan|vuotaa) (?:\w+ )?verta\b.*\b(?:paljon|raskaana|kovasti|paasta|ei lopu)|"
        r"\b(?:raskaana|synnytyksen jalkeen|synnytys)\b.*\bvuo\w* (?:\w+ ){{0,2}}verta|"
        r"\bverta tulee (?:tosi |ihan )?paljon|\bsynnytys (?:alko\w*|kaynnisty\w*|on alkanu\w*)",
    ),
    (
        "medical",
        r"\b(?:soittakaa|soita|tarvitsen|tarviin|tarvitaan|tilatkaa|tilaa) (?:\w+ )?(?:ambulanssi\w*|"
        r"poliisi\w*|hatanumero\w*|112)\b|\bambulanssi\w* (?:heti|nyt)|\bhatatilanne\b|\bhata on\b|"
        r"\bapua (?:nyt|heti|ny)\b|\b(?:nyt|heti) apua\b|\bapuaa\b",
    ),
)

ACUTE = ACUTE + (
    # going now to a place to die (the railway, into the lake): the means named by the place
    (
        "suicide",
        r"\b(?:meen|menen|mie meen|lahden|lahen|kavelen|ajan) (?:\w+ ){{0,2}}(?:junaradalle|junaradan|"
        r"raiteille|kiskoille|sillan kaiteelle|jarveen|mereen|avantoon|koskeen)\b",
        "now",
    ),
    # the plan said without the word: the way and the time decided
    (
        "suicide",
        r"\b(?:paattany|paattanyt|paattanu|paatin|mietin|mietitty|suunnitellu|suunnitellut) "
        r"(?:jo |valmiiks |valmiiksi )?(?:miten ja milloin|milloin ja miten|tavan ja paivan|paivan ja tavan)\b",
    ),
    # a wish that the baby stops breathing
    (
        "child",
        r"\b(?:haluun|haluan|toivon|toivoisin|toivoin) (?:\w+ ){{0,2}}(?:et|etta) (?:se|han|{child}) "
        r"(?:\w+ )?(?:lakkais|lakkaisi|lakkaa|lopettais|lopettaisi) hengittamasta",
    ),
    # hitting the wall, and next time it will not be the wall
    (
        "child",
        r"\bseuraavalla kerralla (?:se |sita )?(?:ei|eika) (?:oo|ole|ookaan|olekaan) (?:enaa )?"
        r"(?:seina|ovi|poyta|tyyny)\b",
    ),
    # a child hurt by a carer today (a burn, a beating), told by the child or a bystander
    (
        "child",
        r"\b(?:{hit_past}|poltti|polttanut|polttanu|vaantanyt|vaansi|kuristanut) (?:\w+ ){{0,2}}(?:hanta|sita|{child})\b"
        r"(?: \w+){{0,3}} (?:aamulla|tana aamuna|tanaan|tanaa|just|juuri|aasken|hetki sitten)\b",
    ),
    # a child alone with a carer high or drunk: nobody else there
    (
        "child",
        r"\b(?:kannissa|humalassa|aineissa|pilvessa|juovuksissa|sammunu\w*|tajuton|huumeissa|\w*amfetamiini\w*|"
        r"piri\w*|heroiini\w*|sekaisin (?:\w+ )?(?:huumei\w*|aineista|viinasta|alkoholista|pillereista|laakkeista))\b"
        r".*\b{child}\b.*\b(?:(?:ei|eika) (?:\w+ )?(?:ole |oo )?kukaan muu|kukaan muu ei|(?:ei|eika) (?:ole |oo )?muita "
        r"aikuisia|ainoa aikuinen)",
    ),
    # delusions with danger: flying from a roof, a body steered by someone else to do harm
    (
        "suicide",
        r"\b(?:pystyn|voin|osaan) lentaa (?:\w+ )?(?:katolta|parvekkeelta|ikkunasta|sillalta)|"
        r"\b(?:joku|jokin|aanet|ne) (?:ohjaa|ohjaavat|kayttaa) (?:mun|minun) (?:kehoa|kroppaa|kasia)\b.*\b"
        r"(?:vaarallis\w*|pahaa|satuttaa|en pysty (?:estamaan|pysayttamaan|lopettamaan))",
    ),
    # someone posted a picture of a bridge or the railway with a farewell
    (
        "suicide",
        r"\b(?:laittoi|laitto|postasi|julkaisi|lahetti|laittanu\w*) (?:\w+ )?kuva\w* (?:\w+ )?(?:sillasta|sillalta|"
        r"katolta|junaradalta|raiteilta|kalliolta|laiturilta)\b.*\b(?:kirjoitti|kirjotti|kirjottanu\w*|ja teksti\w*)",
    ),
)

# Read over the whole message (bot.safety.crisis.detect): a relative going to join the dead, and silence.
WHOLE = (
    (
        "suicide",
        r"\b(?:menossa|menee|lahtee|lahdossa|paasee|haluaa) (?:\w+ ){{0,2}}(?:\w+n) (?:luo|luokse|tyko)\b.*\b"
        r"(?:kuoli|kuollut|kuollu|vainaa\w*|haudattiin)\b.*\b(?:ei|eika) (?:\w+ )?(?:vastaa|avaa|vastannut|vastannu)",
    ),
)
