"""Swedish crisis patterns added from set G's misses (read by patterns_sv, same format and flags).

Set G (retired, bench/blind/crisis_g) showed the patterns alone missed most Swedish wordings that name the
method, the means ready or a last time instead of the word "självmord"; self-harm said as an act going on;
a child hit seen or heard by someone else; a lone carer drunk with small children; urges and voices about
the baby; and a relative's farewell followed by silence. Each rule below is one such family; the near
misses of sets E–G (idioms, the past, a cut finger while cooking) must stay quiet.
"""

# Children named the way G's writers did ("sin pojke", "lillkillen", "den minsta", "ettåringen", "de små"),
# joined to patterns_sv's {child} as {kid}.
KID_EXTRA = (
    r"sin (?:pojke|flicka|son|dotter|bebis|baby)|sitt barn|sina barn|var (?:son|dotter|bebis|pojke|flicka)|vart barn|"
    r"vara barn|deras (?:\w+aring\w*|barn|son|dotter|bebis)|lillkillen|lilltjejen|lillan|den lilla|den minsta|"
    r"minstingen|de sma|tvillingarna|(?:ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio)aring\w*|\d+ ?aring\w*|"
    r"en liten (?:pojke|flicka|kille|tjej)"
)

# Idioms and accidents taken out before the rules: a cut finger while cooking, "skär mig i tummen".
NEVER_G = (
    r"|\b(?:skar|skurit|skuri|skara) (?:mig|mej|me|sig) (?:lite |latt )?(?:i|pa) (?:fingret|tummen|fingertoppen|"
    r"pekfingret)\b(?! (?:\w+ )?med flit)"
    # work and paperwork as killers, a farewell card for a colleague
    r"|\bta livet av (?:mig|mej)(?: sjalv)? med (?:jobb\w*|arbete\w*|plugg\w*|\w*arbete)\b|\bkvavas (?:under|av) "
    r"(?:\w+ )?(?:\w*hog\w*|\w*papper\w*|\w*arbete)|\bavskedsbrev\w* (?:till|for|at) (?:en |min |var |vart )?"
    r"(?:kollega|chef|larare|frok\w*|klass\w*|jobb\w*)"
)

# (category, pattern, *flags), as patterns_sv.ACUTE.
ACUTE_G: tuple[tuple[str, ...], ...] = (
    # intent with a method: shooting, a car into a tree, cutting the wrists, "ta död på mej", "ta självmord"
    (
        "suicide",
        r"\b(?:ska|skall|tanker|vill|kommer att|har bestamt mig for att) (?:\w+ )?(?:ta dod pa (?:mig|mej|me)|"
        r"ta sjalvmord|bega sjalvmord|skjuta (?:mig|mej|me)|skara upp (?:\w+ )?(?:handled\w*|pulsad\w*|armar\w*)|"
        r"kora (?:\w+ )?(?:in i (?:ett |en )?(?:\w+ )?(?:trad|tradet|vagg\w*|bergvagg\w*|lastbil\w*|langtradare\w*|"
        r"stolpe\w*|pelare\w*|motande\w*|berget|klippan|brofastet)|ihjal|av vagen|framfor)|hanga (?:mig|mej|me)|dranka (?:mig|mej|me))",
        "conditional",
    ),
    (
        "suicide",
        r"\b(?:funderar pa|tanker pa|overvager) att hoppa\b|\bmotorn (?:pa|igang|gaende)\b.*\bgarage\w*|"
        r"\bgarage\w*\b.*\bmotorn (?:pa|igang|gaende)\b|\b(?:star|stått|statt|sitter) (?:\w+ )?(?:vid|pa) "
        r"(?:tagsparet|sparet|ralsen|tagralsen|jarnvagen)\b.*\b(?:nasta tag|taget kommer)",
    ),
    # the means ready: the rope in the car, the pills ready, a hook that holds
    (
        "suicide",
        r"\b(?:repet|snaran|tabletterna|pillren|tablettern|vapnet|gevaret|pistolen|slangen|yxan) (?:\w+ )?"
        r"(?:ligger|finns|ar|e|star|hanger|har (?:jag|ja)) (?:redan )?(?:\w+ ){{0,2}}(?:i bilen|i garaget|framme|"
        r"redo|klara|klar|laddad|i fickan|i vaskan)\b|\b(?:har|ha) (?:\w+ )?(?:repet|ett rep|snaran) "
        r"(?:i|pa) (?:garaget|bilen|forradet|vinden|skogen)\b|\bkrok\w* i taket\b.*\bhaller\b|"
        r"\b(?:tabletterna|pillren|tablettkartorna) (?:\w+ )?(?:klara|redo|framme)\b",
    ),
    # a last time or a last message: "ikväll blir sista kvällen", "sista gången ni hör av mej", "somnar för gott"
    (
        "suicide",
        r"\b(?:blir|ar|e) (?:mitt|min|den) sista (?:meddelande|kvall|natt|dag)\b(?! (?:har|hit)\b)|\b(?:ikvall|i kvall|i natt|inatt|"
        r"idag|i dag) (?:blir|ar|e) (?:den )?sista (?:kvallen|natten|dagen)\b|\b(?:det har|detta|de har) (?:ar|e|blir) "
        r"(?:den )?sista (?:kvallen|natten|gangen (?:ni|du|nan|nagon) hor)\b|\bsista gangen (?:ni|du) hor (?:av|fran) "
        r"(?:mig|mej|me)\b|\b(?:innan|nar|sen) (?:jag|ja) somnar for gott\b|\bredan skrivi\w* (?:\w+ )?lappen\b",
    ),
    # self-harm going on: burning, scratching, tearing the arms, a belt round the neck, needles swallowed
    (
        "suicide",
        r"\b(?:brannt|brant|branner) (?:mig|mej|me) (?:\w+ ){{0,3}}(?:med|me) (?:tandare\w*|strykjarn\w*|cigg\w*|"
        r"cigarett\w*|ljus\w*)|\brispa\w* (?:mig|mej|me)\b|\brivit upp (?:\w+ )?(?:armar\w*|armen|handled\w*|benen)|"
        r"\bslagit huvudet i (?:vaggen|golvet) tills\b|\b(?:svalt|svalde) (?:\w+ ){{0,2}}(?:nalar|knappnalar|"
        r"glasbitar|rakblad|spikar)\b|\b(?:skarp|balte|balt|rep|snore|sladd|sladden)\w* runt halsen\b|"
        r"\b(?:vill|ska|har borjat) (?:bara )?gora (?:mig |mej )?ont pa (?:mig|mej) sjalv|"
        r"\bhaller pa att skada (?:mig|mej|sig)\b|\bmaste skara (?:ut|upp|bort)\b|"
        r"\b(?:skurit|skuri|skar) sig (?:\w+ ){{0,4}}(?:djupt|sprutar|blod\w*)",
    ),
    ("suicide", r"\b(?:har )?skadat (?:mig|mej) (?:sjalv |igen )+.*\b(?:sy|sys|stygn|blod\w*)\b"),
    # taken too much: a number of tablets, an unknown amount, the week's dosette
    (
        "overdose",
        r"\b(?:tagit|tog|svalt|svalde|atit|at) (?:\w+ ){{0,2}}[1-9]\d+ (?:st |stycken )?{pills}|"
        r"\b(?:tagit|tog|atit|at|svalt) (?:\w+ )?okant antal\b|\b(?:tagit|tog) hela dosett\w*|"
        r"\b(?:andas|andades) (?:valdigt |jatte |sa |mycket )?(?:langsamt|tungt)\b|\bfar (?:inte|int) liv i\b|"
        r"\bsover sa djupt att (?:hon|han|hen) (?:inte|int) (?:reagerar|vaknar)",
    ),
    (
        "child",
        r"\b{kid} (?:\w+ ){{0,2}}(?:svalde|svalt|har svalt|at|har atit|drack|har druckit|bitit sonder|bet sonder|"
        r"fick i sig|har fatt i sig|slickat i sig) (?:\w+ ){{0,3}}(?:{pills}|{corrosive}|batteri\w*|knappcell\w*|"
        r"\w*batteri\w*)",
    ),
    ("overdose", r"\b(?:drack|har druckit|druckit) (?:ur |av )?(?:\w+ ){{0,3}}{corrosive}\b"),
    # a medical emergency with a child or a lone carer
    (
        "medical",
        r"\b(?:har|fick|fatt) feberkramp\w*|\bogonen (?:har )?rullat bakat\b|\bser navelstrang\w*|"
        r"\bnavelstrangen (?:syns|kommer|hanger)\b|\bfoder (?:hemma|i bilen|pa golvet|i badrummet) nu\b|"
        r"\bmunnen hanger\b|\b(?:har )?fatt (?:en )?stroke\b|\bkokande vatten over (?:sig|henne|honom)\b|"
        r"\bhuden lossnar\b|\b(?:drunknade|holl pa att drunkna) nastan\b|\bnastan drunkna\w*|"
        r"\bvaser nar (?:han|hon|hen) andas\b|\b(?:ansiktet|lapparna|tungan) svullnar\b|"
        r"\b(?:kanner|marker) (?:inga|inte nagra) (?:sparkar|rorelser)\b|\bsvarar konstigt\b|"
        r"\bblodet (?:rinner|droppar|forsar) (?:\w+ )?(?:ner )?pa golvet\b|\b{kid}\b.*\b(?:ar|e) (?:alldeles|helt|jatte) slo\b|"
        r"\b(?:tagit|piller|druckit)\b.*\bforsokt vacka (?:henne|honom|mamma|pappa)\b",
    ),
    (
        "medical",
        r"\b(?:haller pa att|kommer att) svimma\b.*\bensam\b|\bensam\b.*\b(?:haller pa att|kommer att) svimma\b|"
        r"\b(?:foll|har fallit|ramlade|segnade) (?:ihop|ner)\b.*\bsvarar (?:inte|int)\b|"
        r"\b(?:slagit|slog) i huvudet\b.*\b(?:kraks|krakts|kraktes|medvetslos|slo)\b|"
        r"^(?=.*\bgravid)(?=.*\bflimmer).*",
    ),
    # violence now: strangling someone, dragging by the hair, petrol poured, a weapon ready
    (
        "violence",
        r"\bhaller pa att strypa (?:\w+ )?{victim}\b|\bdrar (?:henne|honom|mig|mej|mamma|pappa) i haret\b|"
        r"\bstrypgrepp pa (?:mig|mej|me|mamma|henne)\b|\b(?:hallde|haller|har hallt) (?:ut )?bensin\b|"
        r"\bforsokt kora (?:in i|pa|over) (?:oss|mig|mej)\b|\bhotat (?:mig|mej|oss) med (?:en |ett )?(?:kniv|hammare|"
        r"yxa|pistol|vapen|gevar)\b|\b(?:kniv|kniven|vapnet|gevaret|pistolen|yxan|hammaren) (?:\w+ )?(?:framme|redo|"
        r"i handen)\b|\bhar (?:ett|en) (?:gevar|pistol|yxa)\b.*\blast\b|\blast (?:dorren|ytterdorren)\b.*\b(?:tagit|tog) "
        r"(?:\w+ )?nycklarna\b",
    ),
    (
        "violence",
        r"\b(?:har )?slagit (?:mig|mej|me) (?:\w+ ){{0,4}}(?:ikvall|i kvall|i natt|idag)\b|"
        r"\btanda (?:eld )?pa (?:huset|lagenheten|oss)\b.*\b(?:nu|rok)\b",
        "now",
    ),
    (
        "violence",
        r"\bom (?:jag|ja) (?:\w+ )?{call_help}.*\bsista (?:jag|ja) gor\b|"
        r"\b(?:han|hon|mitt ex|exet|sambon|pappan|exmannen) (?:\w+ ){{0,2}}utanfor (?:\w*dorren|porten)|"
        r"\b(?:brot|brutit) sig in\b.*\b(?:nu|kvar)\b|\bdoda (?:mig|mej|me)\b.*\bska ta (?:dem|honom|henne) forst\b",
    ),
    # a child hit, seen or heard by someone else ("hör grannen slå sitt barn", "såg en pappa sparka sitt barn")
    (
        "child",
        r"(?<!\bman )\b(?:hor|horde|ser|sag|hort|sett) (?:\w+ ){{0,4}}(?:sla|sparka|slar|sparkar|slog|sparkade|misshandla|"
        r"ruska|ruskar|skaka|skakar|strypa|kasta) (?:pa )?(?:\w+ )?{kid}",
    ),
    (
        "child",
        r"\b(?:ruska\w*|skaka\w*) (?:\w+ )?{kid}|\b(?:slar|sparkar|slog|sparkade|har slagit) (?:pa )?(?:\w+ )?{kid}\b"
        r".*\b(?:slutar (?:inte|int)|igen|hela kvallen|flog|just nu)\b|\bflog (?:in )?i vaggen\b|"
        r"\b(?:har )?slagit (?:\w+ )?{kid} (?:hela kvallen|ikvall|i kvall|i natt)\b",
    ),
    # a lone carer drunk or high with small children
    (
        "child",
        r"\bensam (?:hemma )?med (?:\w+ ){{0,2}}{kid}\b.*\b(?:full|berusad|dackad|hog|jattehog|paverkad|packad|"
        r"aspackad|onykter|dricka|druckit|sluddrar)\b|\b(?:full|berusad|dackad|hog|jattehog|paverkad|packad|aspackad|"
        r"onykter|sluddrar)\b.*\bensam (?:hemma )?med (?:\w+ ){{0,2}}(?:{kid}|honom|henne)\b|"
        r"\bbarnvakten (?:ar|e) (?:full|berusad|dackad|hog|paverkad|packad)\b|\blamnat {kid} (?:ensam )?i badkaret\b|"
        r"(?=.*\b(?:kora|kor|bakom ratten)\b)(?=.*\b(?:full|berusad|paverkad|packad|onykter)\b).*\b(?:{kid}|baksatet)\b",
    ),
    # urges to harm the baby as will or voices ("jag vill skaka henne", "rösten säger åt mig att skada bebisen")
    (
        "child",
        r"\b(?:vill|ska|kommer att) (?:\w+ )?(?:skaka|kasta|dranka|kvava|strypa|sla|trycka kudden over) "
        r"(?:\w+ )?(?:henne|honom|{kid})\b|\b(?:vill|ska|tanker) (?:\w+ )?skada (?:\w+ )?{kid}|"
        r"\bkasta (?:\w+ )?{kid} (?:fran|ut genom|i)\b|\b(?:trycka|halla) (?:en |kudden |kudde )?(?:kudde|kudden) "
        r"over (?:ansiktet|huvudet)|\b(?:jag|ja) (?:kommer att|kommer|ska) gora (?:henne|honom) illa\b|"
        r"\b(?:skakade|ruskade) (?:honom|henne) (?:\w+ )?(?:nyss|precis|just|hart)\b|"
        r"\b(?:inte|int) litar pa (?:mig|mej|me) sjalv\b",
    ),
    (
        "child",
        r"\b(?:rost|rosten|rosterna|roster|en rost)\b(?: \w+){{0,3}} (?:sager|sa|befaller|tvingar|kraver|vill)\b.*"
        r"\b(?:skada|doda|dranka|kasta|kvava|strypa|ta livet av|gora (?:\w+ )?illa|gora (?:mig|mej) av med|maste|ska)\b",
    ),
    (
        "child",
        r"\b(?:de|dom|nagon|nan) (?:\w+ )?sager (?:at (?:mig|mej) )?att (?:jag|ja) (?:ska|maste) (?:skada|doda|dranka)\b|"
        r"\bhor (?:hela tiden |\w+ )?att (?:jag|ja) (?:ska|maste) (?:skada|doda|dranka|kvava)\b",
    ),
    (
        "child",
        r"\b(?:{kid}|hon|han) (?:maste|ska) do\b|\bgora (?:mig|mej) av med (?:den|henne|honom|{kid})\b",
    ),
    # a relative's farewell: a goodbye, a picture of the tablets, "do not look for me", the insurance
    (
        "suicide",
        r"\b(?:skickade|skickat|skrev|skrivit|sa|sagt|ringde och sa) (?:\w+ ){{0,4}}(?:hej ?da|hejda\w*|farval|adjo|"
        r"avsked\w*)\b.*\b(?:(?:svarar|oppnar) (?:han |hon |hen )?(?:inte|int)|avstangd)|\b(?:inte|int) ska leta efter "
        r"(?:honom|henne|mig|mej|oss)\b|\bleta (?:inte|int) efter (?:mig|mej)\b|\bforsakringen (?:racker|tacker)\b|"
        r"\bingen ska sakna (?:dem|oss|mig|mej|honom|henne)\b|\b(?:bild|foto) (?:pa|av) (?:\w+ ){{0,3}}tablett\w*|"
        r"\bavsked(?:sinlagg|ssms|svideo|sbrev|smeddelande)\w*|\b(?:inte|int) vill (?:leva|finnas)\b(?! (?:sa har|sahar|det har|detta|pa det har))",
    ),
)

# Read over the whole message: silence after a farewell said in another sentence, the children reached
# in play (no "leker" frame for a child who drank antifreeze), going to a relative who died.
WHOLE_G: tuple[tuple[str, str], ...] = (
    (
        "suicide",
        r"\bsitter (?:\w+ ){{0,5}}och (?:skar|rispar) (?:mig|mej|me)\b(?! i (?:fingret|tummen))|"
        r"\b(?:star|statt|sitter|suttit) (?:\w+ )?(?:vid|pa) (?:tagsparet|sparet|ralsen|tagralsen|jarnvagen)\b.*"
        r"\bnasta tag\b|\bsamlat (?:\w+ ){{0,4}}{pills}\b.*\b(?:ikvall|i kvall|i natt|idag|nu) racker det\b|"
        r"\bhamta (?:henne|honom|bebisen|barnen|barna)\b.*\bkommer (?:inte|int) (?:att )?vara (?:har|kvar)\b|"
        r"\bnagonsin mer\b.*\bhar det (?:han|hon|hen|jag|ja) behover\b|"
        r"\bsitter (?:jag |ja )?(?:\w+ ){{0,3}}med det (?:jag|ja) behover\b|"
        r"\bavskedsinlagg\w*\b.*\b(?:(?:inte|int) i sitt rum|svarar (?:inte|int)|forsvunn\w*|(?:ar|e) borta)\b",
    ),
    (
        "suicide",
        r"\bfardig med (?:allt|livet)\b.*\b(?:svarar (?:inte|int)|avstangd)\b|\btack for allt\b.*\btelefon\w* (?:ar |e )?"
        r"avstangd\b|\b(?:svarar|oppnar) (?:inte|int)\b.*\bhittade (?:ett |en )?(?:brev|lapp)\b|"
        r"\bhittade (?:ett |en )?(?:brev|lapp)\b.*\b(?:svarar|oppnar) (?:inte|int)\b|"
        r"\balskar (?:dem|oss)\b.*\bdorren (?:ar|e) last\b",
    ),
    (
        "suicide",
        r"\b(?:ska|gar|aker) till (mormor|morfar|farmor|farfar|mamma|pappa) (?:nu|ikvall|i kvall|i natt)\b"
        r".*\b\1 (?:dog|gick bort|avled|ar dod)\b",
    ),
    (
        "child",
        r"\b(?:har druckit|drack|svalt|svalde|fick i sig) (?:\w+ ){{0,2}}(?:frostskydd\w*|propplosare\w*|lampolja\w*|"
        r"avloppsrens\w*|t rod|tandarvatska|spolarvatska\w*)",
    ),
)
