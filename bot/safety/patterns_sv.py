"""Swedish crisis patterns for bot.safety.crisis, over folded text (lower case, å→a, ä→a, ö→o: "dö" is "do").

Finland-Swedish and spoken forms ("ja e", "int", "me" for mig, "tagi", "barna") are part of the word
families. See patterns_fi for the structure and the flags.
"""

from bot.safety.patterns_sv_g import ACUTE_G, KID_EXTRA, NEVER_G, WHOLE_G

CODE = "sv"

WORDS = {
    "me": r"(?:mig|mej|me|oss)",
    "victim": r"(?:mig|mej|me|oss|mamma|mamman|pappa|henne|honom|min syster|min bror|en kvinna|kvinnan|grannen)",
    "child": r"(?:bebis\w*|baby\w*|barn|barnet|barnen|barna|barnens|mitt barn|lillebror|lillasyster|lillasyrra|"
    r"sonen|dottern|min son|min dotter|pojken|flickan|tonaring\w*|ungen|ungarna|tvaaring\w*|treaaring\w*|"
    r"spadbarn\w*|nyfod\w*|litet barn|lilla barnet|\d+ ?aring\w*)",
    "hit": r"(?:slar|slaar|misshandlar|sparkar|stryper|knuffar|valdtar|klar pa|lugger|slar sonder)",
    "hit_passive": r"(?:blir slagen|blir misshandlad|blir sparkad|slas|misshandlas)",
    "hit_past": r"(?:slog|misshandlade|sparkade|strop|knuffade|valdtog|har slagit|har slagi|ha slagi|ha slagit|"
    r"har misshandlat)",
    "pills": r"(?:tablett\w*|piller\w*|pillren|lakemedel\w*|medicin\w*|varktablett\w*|somntablett\w*|"
    r"antidepressiv\w*|benso\w*|subutex\w*|subbe|metadon\w*|oxikodon\w*|ipren|alvedon|panodil|"
    r"paracetamol\w*|droger|knark|heroin\w*|amfetamin\w*|hasch\w*|cannabis|burken|burk)",
    "amount": r"(?:for manga|for mycket|for mycke|en overdos|overdos|alla|allt|en (?:hel )?massa|massor|"
    r"(?:en hel |en och en halv |hela |tva |\w+ )?(?:burk|burken|karta|kartan|kartor|forpackning\w*|"
    r"paket|paketet|flaskan)|resten|en naven|en stor dos|\d+ (?:tabletter|piller|st))",
    # household chemicals a child or anyone may drink: a poisoning whoever drank it
    "corrosive": r"(?:diskmedel\w*|tvattmedel\w*|lampolja\w*|gift\w*|kemikal\w*|klor\w*|rengoringsmedel\w*|"
    r"blekmedel\w*|propplosare\w*|avloppsrens\w*|frostskydd\w*|lut|lutet|tandvatska|spolarvatska\w*|"
    r"fonsterputs\w*|ammoniak\w*|t-rod|tandarvatska)",
    # calling for help, which a threat forbids ("om jag ringer polisen ...")
    "call_help": r"(?:(?:ringer|ringa|kontaktar|anmaler|gar till|springer till|berattar for|sager till) (?:\w+ ){0,2}"
    r"(?:polis\w*|112|nodnumret|nodcentral\w*|socialen|soc|nan|nagon|hjalp|skyddshem\w*|barnskydd\w*|grann\w*)|"
    r"soker hjalp|ber om hjalp|skriker pa hjalp)\b",
    "drunk": r"(?:full|fulla|berusad|dackad|dackat|medvetslos|svimmat|paverkad|hog|pa stan|pa krogen|onykter|"
    r"packad|aspackad|plakat|forsvunnit|ar borta)",
    "suicide_act": r"(?:ta livet av (?:mig|mej|sig)|ta mitt liv|ta sitt liv|doda (?:mig|mej|sig) sjalv)",
    "symptom": r"(?:mar (?:\w+ )?(?:konstigt|illa|jattekonstigt)|ar yr|hjartat rusar|ont i brostet|svarar (?:inte|int)|"
    r"vaknar (?:inte|int)|(?:inte|int) vaknar|kan (?:inte|int) halla ogonen oppna|ser bla ut|bla lappar|"
    r"skakar|ar slott|slott)",
}

WORDS["kid"] = rf"(?:{WORDS['child']}|{KID_EXTRA})"

NOW = (
    r"\b(?:nu|just nu|genast|direkt|i kvall|ikvall|i natt|inatt|idag|i dag|snart|(?<!sokt )(?<!soka )(?<!soker )(?<!sokte )(?<!fa )(?<!fatt )(?<!far )(?<!fick )(?<!om )(?<!efter )(?<!av )(?<!ha )(?<!behover )hjalp(?! (?:med|for|av|att|fran)\b)|"
    r"(?:ar|e) kvar (?:har|hemma|i lagenheten)|ar har|star har|e har|pa vag (?:hit|in)|kommer hit|"
    r"om en (?:minut|stund)|barnen (?:ser pa|tittar|grater|skriker)|barna (?:ser pa|tittar|grater|skriker))\b"
)
STRICT_NOW = (
    r"\b(?:nu|just nu|genast|i kvall|ikvall|i natt|inatt|idag|i dag|precis|nyss|om en (?:minut|stund)|"
    r"(?:ar|e) kvar (?:har|hemma|i lagenheten)|pa vag (?:hit|in)|barn(?:en|a) (?:skriker|grater))\b"
)

# "på en gång" is "at once", not "once" (set G: "tagit hela dosetten på en gång").
PAST = (
    r"\b(?:for (?!(?:\w+ ){{0,2}}(?:stund|kvart|timme|timmar|halvtimme|halvtimma|minut\w*) )(?:\w+ ){{1,3}}(?:sedan|sen)|(?<!pa )en gang|nagon gang|"
    r"forr|forut|tidigare|som barn|nar (?:han|hon|hen|de|dom|ja|vi) var (?:\w+ )?(?:liten|sma|nyfodd\w*|bebis|baby|spadbarn|\d+|yngre|mindre)|som liten|som ung|som tonaring|i hogstadiet|i lagstadiet|i mellanstadiet|i gymnasiet|i skolan|i militaren|nar jag var|nar vi var|i barndomen|"
    r"forra (?:aret|veckan|manaden|sommaren|vintern|hosten|mandagen|tisdagen|onsdagen|torsdagen|fredagen|lordagen|"
    r"sondagen)|i fjol|i varas|i hostas|i somras|i vintras|i julas|i paskas|igar|"
    r"i forrgar|forra forhallande\w*|(?:efter|under|vid) (?:den )?forra (?:forlossning\w*|graviditet\w*|gang\w*)|sitt forra|som forut|"
    r"(?:ar|år) (?:19|20)\d\d|(?:vi )?hade ett fall|overlevde|klarade sig|"
    r"(?:\d+|ett|en|tva|tre|fyra|fem|sex|sju|atta|nio|tio|flera|manga|nagra|ett par) (?:\w+ )?"
    r"(?:ar|manader|manad|veckor|vecka) (?:sedan|sen|tillbaka))\b"
)
QUESTION = (
    r"\b(?:vad (?:gor|ska) (?:jag|man) (?:\w+ )?om|vad hander om|hur (?:pratar|talar|gor|kanner|"
    r"hjalper|stoder|vet) (?:jag|man)|var far man|vart hanvisar|ar det (?:normalt|farligt|okej|ok|vanligt)|"
    r"far man|kan man|(?:far|kan|kommer) (?:\w+ ){{0,3}}(?:fa )?reda pa|kan (?:\w+ ){{0,2}}se att (?:jag|ja)|kan du|kan ni|hur mycket|vet (?:inte|int) om|om (?:jag|ja) ska|borde jag|"
    r"ska jag anmala|misstanker|ska jag oroa mig|hypotetisk\w*|behover jag oroa mig|ska jag vara orolig|kan (?:en )?(?:bebis\w*|barn\w*|man)\b|"
    r"(?:e|ar) (?:de|det) normalt|hur vet man|nar (?:e|ar) (?:de|det) (?:ett )?nod\w*|om en (?:bebis|baby)|"
    r"(?:e|ar) (?:de|det) (?:nat|nagot) for 112|nar (?:ska|bor|behover|maste) (?:man|jag|ja) ringa|"
    r"i vilka (?:fall|lagen) ringer man|hur (?:\w+ )?(?:forvarar|forvara) (?:jag|ja|man|vi)|"
    r"var (?:ska|bor) (?:jag|ja|man|vi) forvara|"
    r"om (?:nagon|nan|en van|en kompis|en kollega|en elev|en granne|ett barn|en mamma|en pappa) (?:\w+ )?(?:skriver|skrev|skulle skriva|sager|sa|"
    r"skulle saga|berattar|skulle beratta)|vad (?:skulle |ska |gor )?(?:ni|du) (?:svara|svarar|gora|gor|saga|sager)|"
    r"hur (?:skulle|kan|ska) (?:man|jag|ja) (?:kanna igen|veta|marka|se)|kanna igen|i teorin|teoretiskt|vad ar skillnaden)\b"
)
# Fears and intrusive thoughts ("tankar om att jag skadar bebisen") are common after a birth and not acute.
FEAR = r"\b(?:jag ar|ja e|jag e|ar) (?:sa |jatte )?radd (?:att|for att)\b|\bradd att\b|\btankar (?:om )?att\b"
SAFE = (
    r"\b(?:jag ar|ja e|vi ar) (?:nu |redan )?(?:\w+ )?i sakerhet\b"
    r"|\b(?:hon|han|hen|den|barnet|bebisen) verkar (?:helt |alldeles )?(?:som vanligt|normal|pigg)\b"
)
# Someone else's story: a film, a series, the news, a post online, or a professional about a client.
REPORT = (
    r"\b(?:\w*film\w*|\w*serie\w*|dokumentar\w*|nyhet\w*|tidning\w*|i en bok|roman\w*|pa natet|pa naten|"
    r"pa sociala medier|pa tiktok|video\w*|forum\w*|klient\w*|patient\w*|"
    r"(?:jag ar|ja e|jag e|jobbar som|arbetar som) (?:\w+ )?(?:psykolog\w*|sjukskotar\w*|"
    r"halsovard\w*|socialarbetar\w*|kurator\w*|lakare\w*|barnmorsk\w*|forstavardar\w*|ambulans\w*|"
    r"larare\w*|barnskotar\w*|familjearbetar\w*))\b"
    r"|^ ?(?:\w+ )?(?:psykolog|sjukskotare|kurator|socialarbetare|halsovardare|barnmorska|lakare|forstavardare)\b"
    r"|\b(?:dromde|drommen|mardrom\w*|novell\w*|pjas\w*|teater\w*|teaterpjas\w*|rollfigur\w*|"
    r"gymnasiearbete\w*|projektarbete\w*|specialarbete\w*|essan|essa|referat\w*)\b"
    r"|\b(?:skolarbete\w*|uppsats\w*|skoluppgift\w*|examensarbete\w*|lektion\w*|leker|lekte|i leken|ett fall dar|dockan|i spelet|datorspel\w*|\w*minecraft\w*|fortnite\w*)\b"
)
JOKE = r"\b(?:haha\w*|hah|hehe\w*|lol|xd|heh|(?:alltsa )?(?:int|inte|ej) pa riktigt|bildligt talat)\b"
# A dream told (also one of the REPORT frames): in its own clause no now overrules it.
DREAM = r"\b(?:dromde|drommen|drommde|dromt|mardrom\w*|i en drom|i drommen)\b"
CONDITIONAL = r"\bom\b"
EARNEST = r"(?<!inte )(?<!int )\b(?:jag |ja )?menar (?:det|allvar)\b(?! (?:inte|int))|\bpa fullaste allvar\b|\bdet (?:ar|e) (?:inget|int nat|inte nagot) skamt\b"
DANGER = (
    r"\b(?:doda\w*|dodar|dodade|dog|dor|do|dod|sjalvmord\w*|sjalvskad\w*|ta livet|tog livet|{hit}|{hit_past}|"
    r"{hit_passive}|slagit|slar|strypt|stryp\w*|overdos\w*|forgift\w*|svalj\w*|svalde|kvav\w*|andas|vald\w*|"
    r"hota\w*|kniv\w*|skar (?:mig|sig)|skurit|hoppa\w*|foll|skaka\w*|skada\w*|illa|sitt liv|blod\w*|blo\w*|"
    r"for manga|for mycket|tablett\w*|piller\w*|avskedsbrev\w*|avskedsmeddelande\w*)\b"
)

NEVER = (
    r"\b(?:dog|dor|do|holl pa att do) (?:snart |nastan |typ )?av (?:skratt|skam|tristess|langtan|nyfikenhet|varme|trotthet)"
    r"|\bskams? ihjal|\bskrattade ihjal|\btrakas ihjal|\bdods? ?trott\w*|\bvill (?:typ|liksom) (?:bara )?do\b|\b(?:tog|tar) nastan livet av (?:mig|mej)"
    r"|\b(?:jobbet|stressen|trottheten|tristessen|varmen|kylan|vantan|vardagen|det har|detta|allt|braket) "
    r"(?:\w+ )?(?:tar livet av|dodar) (?:mig|mej|en|oss)?"
    r"|\b(?:hostan|forkylningen|traningen|den har \w+|det har \w+|\w*hogen|\w*tvatt\w*|disken|stadning\w*|"
    r"laxor\w*|kalas\w*|naterna|nattvak\w*|vabb\w*|\w*lovet|flytten|renovering\w*|skriket|"
    r"skrikandet|tjatet|brakandet|trotsen) (?:\w+ )?(?:tar|kommer att ta|ska ta) livet av (?:mig|mej)"
    r"|\blivet av (?:alla |mina |vara )?\w*(?:plantor|blommor|vaxter|tomater)"
    r"|\bhoppa\w* fran (?:soffan|sangen|stolen|bordet|studsmattan|trappan|gungan)"
    r"|\b(?:kunde|kunna|skulle kunna) doda for\b|\bdodsskon\w*"
    r"|\b(?:barnen|barna|ungarna|ungen|kidsen|bebisen|tonaringen|tvillingarna|mina barn|de har ungarna|"
    r"den har ungen|trotsaldern) (?:\w+ ){{0,2}}(?:tar|kommer att ta|kommer ta|ska ta) livet av (?:mig|mej|en|oss)"
    r"|\b(?:jag )?(?:ska )?dodar? (?:honom|henne|dig|den|det)\b(?: \w+){{0,4}} om\b"
    r"|\bslar vad\b|\bfor full hals\b|\bklattra pa vaggarna\b|\bmordet pa mina nerver\b|\bhoppa av\b"
    r"|\b(?:inte|int|aldrig) (?:\w+ )?sjalvmordsbenagen|\binga sjalvmordstankar"
    r"|\b(?:tanker|ska|vill) inte (?:gora mig (?:sjalv )?illa|skada mig|ta livet av mig|do)\b"
    r"|\bhar aldrig (?:slagit|skadat|hotat)|\bingen fara\b|\binget vald\b|\binte i fara\b|\bandas (?:helt )?normalt"
    r"|\bvaknar (?:inte|int) (?:pa morgonen|pa morgnarna|i tid|av vackarklockan)"
    # a child's tantrum ("vill dö när hon int fick godis"), embarrassment over photos, "can't live like this"
    r"|\bvill (?:bara )?do nar (?:hon|han|hen|ja|jag) (?:int|inte|ej) fick\b"
    r"|\bvill (?:bara )?do nar (?:ja|jag) (?:ser|tittar pa|tanker pa) hur (?:ja|jag) (?:sag ut|lat|betedde)"
    r"|\borkar (?:int|inte|ej) leva sa har (?:langre )?, (?:\w+ ){{0,2}}maste (?:andras|forandras|bli)\b"
    r"|\b(?:ja|jag) skulle aldrig gora (?:nat|nagot|det)\b"
    # "gräva ner mig och dö" of embarrassment, "åt alla håll" (not "ate them all"), "inget dumt"
    r"|\b(?:grava|krypa) ner (?:mig|mej) (?:\w+ )?och do\b|\bat alla hall\b"
    r"|\b(?:tanker|kommer|ska) (?:inte|int) (?:att )?gora (?:nat|nagot|nagonting) dumt\b"
    r"|\bnu hoppar (?:ja|jag) (?:fran|ut genom) (?:\w+ ){{0,2}}, (?:\w+ ){{0,4}}(?:malat|klottrat|kladdat|spillt|glomt|smetat)\w*"
    + NEVER_G
)

ACUTE: tuple[tuple[str, ...], ...] = (
    (
        "child",
        r"\b{child} (?:\w+ ){{0,2}}(?:andas (?:inte|int)|vaknar (?:inte|int)|reagerar (?:inte|int)|"
        r"slutade andas|har slutat andas|slutar andas|kvavs|kvavas|haller pa att kvavas|har kramper|krampar)",
    ),
    (
        "child",
        r"\b{child}\b.*\b(?:ar|e) (?:\w+ )?(?:bla|gra|slapp\w*|medvetslos)\b|\b{child}\b.*\bror sig (?:inte|int)\b|"
        r"\b{child} (?:\w+ )?(?:foll|ramlade|trillade) (?:ut )?(?:genom|fran|ner fran|nerfor) (?:fonstret|"
        r"balkongen|trappan|taket)",
    ),
    (
        "child",
        r"\b{child} (?:\w+ ){{0,2}}(?:svalde|svalt|har svalt|at|har atit|drack|har druckit|fick i sig|"
        r"har fatt i sig|har tagit|tog|hittat|hittade|fick tag pa|fatt tag pa|har hittat) (?:\w+ ){{0,3}}"
        r"(?:{pills}|{corrosive}|batteri\w*|knappcell\w*)",
    ),
    (
        "child",
        r"\b{child} (?:\w+ ){{0,2}}(?:foll|ramlade|trillade|tappades) (?:\w+ ){{0,6}}(?:slapp|medvetslos|"
        r"vaknar inte|reagerar inte|blod\w*|krampar|kraks)|\btappade {child}",
    ),
    ("child", r"\bskaka\w* (?:\w+ )?{child}"),
    ("child", r"\b(?:kastade|slangde|slog|sparkade|tappade) (?:\w+ )?{child}", "now"),
    (
        "child",
        r"\b{child}\b.*\b(?:borta|forsvunnen|forsvunnit)\b.*\b{drunk}|\b{drunk}\b.*\btog (?:henne|honom|"
        r"barnet|bebisen) med sig",
    ),
    (
        "child",
        r"\b{drunk}\b.*\b{child} (?:\w+ ){{0,2}}ensam\w*|\b{child} (?:\w+ ){{0,3}}ensam\w* (?:\w+ ){{0,6}}"
        r"(?:{drunk}|vet inte var|i (?:en )?bil)|\bkan (?:inte|int) vacka\b",
    ),
    ("child", r"(?=.*\b(?:kor|bakom ratten|ratten)\b)(?=.*\b(?:full|berusad|paverkad|packad|onykter)\b).*\b{child}"),
    ("child", r"\b{hit} (?!(?:och|eller|att|nar|men) )(?:\w+ )?{child}|\b{child} (?:\w+ ){{0,2}}{hit_passive}", "now"),
    (
        "child",
        r"\b(?:jag|ja) (?:\w+ ){{0,2}}(?:skadar|ska skada|kommer (?:att )?(?:skada|gora (?:\w+ )?illa)|"
        r"gor (?:\w+ )?illa) (?:\w+ ){{0,2}}"
        r"{child}|\bgor (?:jag |ja )?{child} illa|\b(?:tappar|har tappat) kontrollen\b.*\b{child}|"
        r"\b{child}\b.*\btappar kontrollen",
    ),
    (
        "child",
        r"\bhotar (?:\w+ ){{0,2}}(?:att )?(?:doda|skada|ta livet av) (?:\w+ )?(?:{child}|det|henne|honom)",
        "conditional",
    ),
    (
        "child",
        r"\b{child} (?:\w+ ){{0,5}}(?:i kylan|i snon|pa balkongen)\b.*\b(?:last|stangd)|\b{child} (?:\w+ ){{0,3}}"
        r"(?:pa motorvagen|pa isen|pa taket)|\bdragit kniv mot {child}",
    ),
    (
        "child",
        r"\b(?:huset|lagenheten|det) brinner\b|\bbranna ner (?:huset|lagenheten)|\bsatta eld pa (?:\w+ )?(?:huset|lagenheten|hemmet|rummet|dorren|sangen|oss|mig|mej|sig|allt|{child})\b",
    ),
    (
        "suicide",
        r"\b(?:vill|ville|tanker|ska|skall|kommer att|kommer|hotar att|har bestamt mig for att|bara|pa vag att|"
        r"haller pa att) (?:\w+ ){{0,2}}{suicide_act}\b|\btar (?:jag |ja )?livet av (?:mig|mej)\b|"
        r"\btar (?:jag |ja )mitt liv\b|\b(?:jag|ja) (?:\w+ )?(?:vill|ska|tanker|kommer att) doda (?:mig|mej)\b",
        "conditional",
    ),
    (
        "suicide",
        r"\b(?:jag |ja )?(?:vill|ville|will|vil) (?:bara |nu |bara nu )?do\b|\b(?:han|hon|hen) vill do\b|"
        r"\bbestamt mig for att do\b|\bvill (?:inte|int) vakna\b|\blamna(?:r)? (?:den har |denna )?varlden\b|"
        r"\bni ser (?:mig|mej) (?:inte|int) (?:mer|igen)",
    ),
    ("suicide", r"\bskrivit (?:\w+ ){{0,2}}(?:brev|avskedsbrev\w*|avskedsmeddelande\w*)"),
    ("suicide", r"^(?=.*{pills}).*\b(?:tanker|ska) ta (?:dem |de )?alla\b"),
    ("suicide", r"\b(?:vill|ville|orkar|kan|klarar) (?:inte|int) (?:\w+ )?(?:leva|finnas)\b"),
    ("suicide", r"\b(?:tanker pa|funderar pa|planerar|begar|har planer pa|overvager) (?:\w+ ){{0,2}}sjalvmord\w*"),
    (
        "suicide",
        r"\b(?:gor|gora|gjort) slut pa (?:allt|mitt liv|livet)\b|\b(?:avsluta|avslutar) (?:allt|mitt liv|livet)\b|"
        r"\b(?:det har|allt|livet) tar slut (?:idag|i dag|i kvall|ikvall|nu|har)\b",
    ),
    (
        "suicide",
        r"\b(?:hoppa|hoppar) (?:\w+ ){{0,2}}(?:fran|framfor|ut genom|ner|ut fran)\b|\b(?:tanker|ska|vill) hoppa\b|"
        r"\b(?:star|sitter) (?:\w+ )?(?:pa taket|pa bron|pa racket|pa balkongracket|pa spaaret|pa raelsen)",
    ),
    (
        "suicide",
        r"\b(?:rep|repet|snara|snaran) (?:\w+ ){{0,2}}(?:redo|klart|klar|framme)|\bhanga (?:mig|mej)\b|"
        r"\b(?:rep|repet|snara|kniv|vapen|tabletter\w*|pillren)\b.*\b(?:tanker|ska) (?:gora det|anvanda|ta dem)",
    ),
    (
        "suicide",
        r"\b(?:tar|ta) (?:\w+ ){{0,2}}(?:alla|resten av) (?:\w+ ){{0,2}}{pills}|\b(?:sparat|samlat) (?:\w+ )?{pills}|"
        r"\bsitter med (?:\w+ )?{pills}",
    ),
    (
        "suicide",
        r"\b(?:skurit|skar) (?:mig|mej)\b|\bskadar (?:mig|mej) sjalv\b|\b(?:ska|vill|tanker|kommer att) "
        r"(?:\w+ )?skada (?:sig|mig|mej)\b",
    ),
    ("suicide", r"\bhotar att (?:\w+ )?skada (?:sig|mig|mej)\b", "conditional"),
    (
        "suicide",
        r"\b(?:kan|klarar) (?:inte|int) (?:att )?(?:halla|haller) (?:mig|mej) (?:sjalv )?saker\b|"
        r"\blitar (?:inte|int) pa (?:mig|mej) sjalv|\bavskedsbrev\w*",
    ),
    (
        "overdose",
        r"\b(?:tagit|tog|svalt|svalde|at|atit|injicerat|ha tagi|tagi|har tagit|precis tagit) (?:\w+ ){{0,3}}"
        r"{amount}\b",
    ),
    ("overdose", r"\b(?:tagit|tog|tagi|druckit|injicerat|injicerade|rokt) .*\b{symptom}"),
    (
        "overdose",
        r"\b(?:andas|andades) (?:inte|int|konstigt|daligt|knappt|svagt)\b|\b(?:slutade|har slutat) andas\b|"
        r"\b(?:inte|int) andas\b",
    ),
    ("overdose", r"\b(?:vaknar|vakna) (?:inte|int)\b|\breagerar (?:inte|int) (?:pa nanting|pa nagonting|alls)"),
    (
        "overdose",
        r"\b(?:medvetslos\w*|svimmat|dackat|dackad|bla i ansiktet|alldeles bla|helt bla|blivit bla|kramper|"
        r"krampanfall|krampar|kvavs|kvavas|far ingen luft|kan inte andas|kollaps\w*|fallit ihop)\b|"
        r"\blappar(?:na)? (?:ar |e )?(?:bla|blaa)\b|\bbla lappar",
    ),
    (
        "violence",
        r"\b{hit} (?:\w+ )?{victim}\b(?! (?:inte|int|aldrig))|\b(?:{me}|jag|ja) (?:\w+ )?{hit_passive}\b",
        "now",
    ),
    (
        "violence",
        r"\b(?:stryper|haller pa att strypa) (?:\w+ )?{me}\b|\b{me} (?:\w+ )?stryps\b|\bhaller fast (?:mig|mej)\b|"
        r"\bforsokte (?:\w+ )?(?:strypa|doda|knivhugga) (?:mig|mej)\b|\bhaller (?:mig|mej) (?:i strupen|i halsen|"
        r"om halsen)|\bstruptag (?:pa )?(?:mig|mej) (?:nu|just nu)",
    ),
    (
        "violence",
        r"\b{hit_past} (?:\w+ ){{0,2}}{me}\b(?: \w+){{0,2}} (?:just|nyss|precis)|\b{hit_past} (?:\w+ ){{0,3}}"
        r"{me}\b.* (?:ar|e) kvar\b",
    ),
    ("violence", r"\bspark\w* (?:\w+ ){{0,2}}(?:i magen|i buken)|\bser dubbelt\b"),
    (
        "violence",
        r"\b(?:hotar|hotade just) (?:\w+ ){{0,3}}(?:doda|dodar|mord|kniv\w*|vapen|pistol|gevar|yxa|brann\w*|"
        r"satta eld|sticka ner|skjuta)",
        "conditional",
    ),
    (
        "violence",
        r"\b(?:han|hon|hen|min man|mitt ex|sambon|pojkvannen|pappa|nagon|nan) (?:\w+ ){{0,2}}(?:dodar|doda|"
        r"ska doda|kommer att doda|tanker doda) (?:{me}|oss|barnen)\b",
        "conditional",
    ),
    (
        "violence",
        r"\b(?:han|hon|mitt ex|exet|sambon|pappan) (?:\w+ ){{0,2}}utanfor (?:dorren|huset|fonstret)|"
        r"\b(?:forsoker|haller pa att) (?:\w+ )?(?:ta sig in|komma in|bryta sig in)|\btar sig in\b|"
        r"\b(?:sparkar|bankar|slar) pa dorren|\bbryter sig in",
    ),
    (
        "violence",
        r"\blast in (?:mig|mej|oss|sig)\b|\b(?:ar|e) inlast\b|\b(?:gomt|gommer|gomde) (?:mig|mej|oss)\b|"
        r"\b(?:slapper|later) (?:inte|int|mig inte|mej inte) (?:\w+ )?(?:ut|ga ut)\b",
    ),
    ("violence", r"\bkastar (?:\w+ ){{0,2}}(?:saker|grejer|moblerna|pa barnen|pa mig)", "now"),
    ("violence", r"\bkastar (?:\w+ ){{0,2}}pa barnen|\bdragit kniv|\bdrog kniv|\bviftar med (?:en )?(?:kniv|yxa)"),
    (
        "violence",
        r"\b(?:grannen|grannarna|bredvid)\b.*\b(?:blir slagen|slas|misshandl\w*|mord)|\bskrike\w* pa hjalp\b|"
        r"\b(?:skriks|smaller)\b.*\bbredvid\b",
        "now",
    ),
    ("violence", r"\b(?:kniv|kniven|vapen|vapnet|pistol|yxa)\b", "now"),
    ("violence", r"\b(?:vapen|kniv|gevar|pistol)\b.*\b(?:full|berusad|arg|galen)\b"),
    (
        # a threat to the children (or the writer) if the writer calls for help: a trap, danger now
        "violence",
        r"\bom (?:jag|ja) (?:\w+ )?{call_help}.*\b(?:doda\w*|dodar|skada\w*|gor (?:\w+ )?illa|gora illa|ta livet av|tar barnen|ta barnen|forsvinner med) "
        r"(?:\w+ )?(?:{child}|mig|mej|oss|alla)\b|\b(?:dodar|doda|ska doda|skadar|ska skada|gor illa) (?:\w+ )?"
        r"(?:{child}|mig|mej|oss)\b(?: \w+){{0,3}} om (?:jag|ja) (?:\w+ )?{call_help}",
    ),
    (
        # "ja e rädd för va ja ska göra me henne": fear of one's own acts, not an intrusive "rädd att"
        "child",
        r"\b(?:radd|skrammer mig|skrammer mej) (?:for )?(?:vad|va) (?:jag|ja) (?:\w+ )?(?:ska|kan|kommer att|kommer|"
        r"skulle|ska kunna) (?:\w+ )?gora (?:med|mot|at|me) (?:{child}|henne|honom|hen|den lilla|lillan|"
        r"den lille)\b",
    ),
    (
        "suicide",
        r"\b(?:radd|skrammer mig|skrammer mej) (?:for )?(?:vad|va) (?:jag|ja) (?:\w+ )?(?:ska|kan|kommer att|kommer|"
        r"skulle) (?:\w+ )?gora (?:med|mot|at|me) (?:mig|mej) (?:sjalv|sjalva)?",
    ),
    (
        # a relative's farewell said as joining the dead, behind a closed door or silence
        "suicide",
        r"\b(?:forenas med|ga till|komma till|fa traffa|traffa|folja efter|vara med|aka till) (?:\w+ ){{0,4}}"
        r"(?:doda|avlidne|avlidna|bortgangne|bortgangna|salig\w*|i himlen|pa andra sidan|som dog|som gick bort)\b"
        r".*\b(?:oppnar|svarar|tar) (?:inte|int|inga|ej)\b|\b(?:oppnar|svarar) (?:inte|int|ej)\b.*\b(?:forenas med|"
        r"ga till|komma till|fa traffa|folja efter) (?:\w+ ){{0,4}}(?:doda|avlidne|avlidna|bortgangne|salig\w*|"
        r"i himlen|pa andra sidan|som dog)\b",
    ),
    (
        # drinking a household chemical, whoever drank it
        "overdose",
        r"\b(?:drack|har druckit|druckit|druckit upp|svalde|har svalt|svalt|fick i sig|har fatt i sig|"
        r"har tagit|tog) (?:\w+ ){{0,3}}{corrosive}\b",
    ),
    (
        # a wound that still spurts or pulses blood after cutting
        "medical",
        r"\b(?:sprutar|pulserar|forsar|pumpar|rinner) (?:\w+ ){{0,2}}blod\w*|\bblod\w* (?:\w+ )?(?:sprutar|"
        r"pulserar|forsar|pumpar)|\b(?:saret|saren|sar|skaran) (?:\w+ ){{0,2}}(?:sprutar|slutar (?:inte|int) "
        r"(?:att )?blo\w*|ar djup\w*|gapar)|\bslutar (?:inte|int) (?:att )?blo\w*",
    ),
    (
        "medical",
        r"\b(?:bloder|blodde|blodning|blo) (?:\w+ ){{0,3}}(?:\w*mycket|kraftigt|gravid|fran huvudet)|"
        r"\b(?:borjat )?blod\w*\b.*\b(?:vecka \d+|gravid|ont i magen|efter forlossningen)",
    ),
    (
        "medical",
        r"\b(?:ring|ringer ni|kan ni ringa|skicka) (?:\w+ )?(?:ambulans\w*|polis\w*|112|nan|nagon)\b|\b(?:behover|"
        r"maste ha) (?:en )?ambulans\b|\bakut hjalp\b|\bhjalp akut\b|\bhjalp (?:nu|genast|snabbt)\b|\bnodlage\b|"
        r"\bdet ar akut\b|\bdet ar brattom\b",
    ),
)

ACUTE = ACUTE + (
    # going now to a place to die (the railway, into the sea)
    (
        "suicide",
        r"\b(?:gar|ska ga|aker|cyklar|kor) (?:\w+ ){{0,2}}(?:till|ut pa|upp pa|ner till) (?:\w+ )?(?:spaaret|"
        r"tagspaaret|ralsen|tagralsen|jarnvagen)\b|\b(?:gar|ska ga) (?:\w+ )?(?:ut|ner) i (?:havet|sjon|alven|vattnet)\b",
        "now",
    ),
    # the plan said without the word: the way and the time decided
    (
        "suicide",
        r"\b(?:bestamt|bestamt mig for|planerat) (?:\w+ )?(?:hur och nar|nar och hur)\b",
    ),
    # a wish that the baby stops breathing
    (
        "child",
        r"\b(?:vill|onskar|ville) (?:bara )?att (?:han|hon|hen|den|{child}) (?:ska |skulle )?(?:sluta andas|"
        r"slutar andas|aldrig vaknar|inte vaknar|int vaknar)\b",
    ),
    # hitting the wall, and next time it will not be the wall
    (
        "child",
        r"\bnasta gang (?:blir det|ar det|e det|kan det bli|kommer det bli) (?:inte|int) (?:\w+ )?"
        r"(?:vaggen|dorren|bordet|kudden|skapet)\b",
    ),
    # a child alone with a carer high or drunk: nobody else there
    (
        "child",
        r"\b(?:full|fulla|berusad|dackad|hog|paverkad|packad|aspackad|plakat|pa amfetamin|pa droger|knarkpaverkad)\b"
        r".*\b{child}\b.*\b(?:ingen annan (?:ar|e) (?:dar|hemma|med)|ingen annan vuxen|enda vuxna)",
    ),
    # delusions with danger: flying from a roof, a body steered by someone else to do harm
    (
        "suicide",
        r"\bkan flyga (?:\w+ )?(?:fran|ner fran|ut genom) (?:taket|balkongen|fonstret|bron)|"
        r"\b(?:nan|nagon|nagot|nat|rosterna|den|de|dom) styr (?:min kropp|mig|mej|mina hander)\b.*\b"
        r"(?:farligt|skada|kan (?:inte|int) (?:stoppa|sluta|halla emot))",
    ),
    # someone posted a picture of a bridge or the railway with a farewell
    (
        "suicide",
        r"\b(?:la upp|lagt upp|lade upp|postade|skickade|delade) (?:en |ett )?(?:bild|foto) (?:pa|av|fran) "
        r"(?:en |ett )?(?:bro|bron|taket|ett tak|stupet|ett stup|spaaret|ralsen|tagralsen|klippan)\b.*\b(?:skrev|skrivit|"
        r"med texten)\b",
    ),
)

# Read over the whole message (bot.safety.crisis.detect): a question about the children's custody after one's
# own death, asked against a deadline tonight.
WHOLE: tuple[tuple[str, str], ...] = (
    (
        "suicide",
        r"\bom (?:man|jag|ja) (?:inte|int) finns (?:mer|kvar)\b.*\b(?:fore|innan|till) (?:i natt|inatt|ikvall|i kvall)\b",
    ),
)
ACUTE = ACUTE + ACUTE_G
WHOLE = WHOLE + WHOLE_G
