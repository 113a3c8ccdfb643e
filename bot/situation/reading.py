"""Read one message into evidence for the situation (bot.situation.model).

Sources, strongest first: a button the person pressed (1.0); the answer to the question just asked
(the worry when the worry was asked: at least 0.9); the word patterns of bot.situation.cues (0.8,
a pregnancy week or a named kind of violence is not a guess); the intent classifier, at its own
confidence. A follow-up that only adds context ("he's 15", "we have a 3-month-old") therefore adds
facts, and its weak intent never replaces the worry said before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from bot.places.finnish import fold
from bot.situation import cues, violence
from bot.situation.model import STRONG, Reading
from bot.situation.negation import said

WORRY_INTENTS = (
    "substance_use_pregnancy",
    "substance_use_family",
    "youth_substance_use",
    "family_support",
    "relationship_support",
    "child_welfare_concern",
    "domestic_violence",
    "parent_mental_health",
)
SUBSTANCE_INTENTS = ("substance_use_pregnancy", "substance_use_family", "youth_substance_use")
CUE = 0.8
# A need only the words suggest (the classifier said something else): counts, but below a clear intent.
CUE_NEED = 0.6
WORDLESS_PREGNANCY = 0.8  # the classifier's confidence that makes a pregnancy of a message without its word
# An intent the words do not back, in a short message or an answer to another question, counts this much.
DISCOUNT = 0.5
BUTTON = 1.0
ANSWER = 0.9
# Messages this long that name problems are read for every need they name (long stories, professionals).
LONG_WORDS = 25


@dataclass
class Message:
    text: str
    intent: Optional[str] = None
    confidence: float = 0.0
    entities: list[dict] = field(default_factory=list)
    asked: Optional[str] = None  # the slot the bot asked for just before ("concern", "area", "role")
    acute: bool = False
    language: Optional[str] = None
    worry_held: bool = False  # the situation already holds a worry (a short follow-up is then context first)
    pregnant_held: bool = False  # a pregnancy said before: a later "tagit nån tablett" is the pregnancy's use

    @property
    def button(self) -> bool:
        return self.text.startswith("/")


def from_parse(
    latest: dict, asked: Optional[str], language: Optional[str], worry_held: bool = False, pregnant_held: bool = False
) -> Message:
    """A Message from Rasa's latest_message (parse data)."""
    intent = latest.get("intent") or {}
    return Message(
        text=latest.get("text") or "",
        intent=intent.get("name"),
        confidence=float(intent.get("confidence") or 0.0),
        entities=list(latest.get("entities") or []),
        asked=asked,
        acute=bool((latest.get("viitta_crisis") or {}).get("acute")),
        language=language,
        worry_held=worry_held,
        pregnant_held=pregnant_held,
    )


def read(message: Message) -> Reading:
    r = Reading()
    folded = fold(message.text)
    entity: dict = {}
    for e in message.entities:  # the first of a kind: "i Lovisa … Vanda" names the home first
        entity.setdefault(e.get("entity"), e.get("value"))
    substances = [e["value"] for e in message.entities if e.get("entity") == "substance" and e.get("value")]
    intent, conf = message.intent, message.confidence
    if message.button:
        conf = BUTTON
    elif message.asked == "concern" and intent in WORRY_INTENTS:
        conf = max(conf, ANSWER)

    # ---- who writes, about whom
    role = entity.get("role")
    private = bool(cues.PRIVATE_CAPACITY.search(folded))
    if role == "professional" and private:
        role = None  # "olen terveydenhoitaja mutta kysyn omana itsenäni": a relative or a parent writes
    if role:
        r.add("role", role, BUTTON if message.button else (ANSWER if message.asked == "role" else CUE))
    if not role and cues.GRANDPARENT.search(folded) and intent != "professional_referral":
        r.add("role", "relative", 0.7)
    if intent == "professional_referral" and not private:
        r.add("role", "professional", max(conf, 0.6))
    elif intent == "inform_role" and role:
        r.add("role", role, ANSWER)
    introduced = (
        role != "professional"
        and bool(cues.PROFESSIONAL_INTRO.search(folded))
        and not cues.RETIRED.search(folded)
        and not private
    )
    if introduced:
        # Stronger than a role word in their story ("en ensamstående mamma" is the client).
        r.add("role", "professional", ANSWER)
    writer_age = _first_int(cues.WRITER_AGE, folded)
    if (
        writer_age is not None
        and 8 <= writer_age <= 17
        and not role
        and intent != "professional_referral"
        and not introduced
    ):
        r.add("role", "young", CUE)  # "mä oon 13": a child or young person writes themselves
    elif (
        not role
        and intent in SUBSTANCE_INTENTS
        and not introduced
        and cues.HIDES_FROM_PARENTS.search(folded)
        and not cues.PARENT_USER.search(folded)
    ):
        r.add("role", "young", CUE_NEED)  # "röker gräs varje dag, mutsi å fatsi vet int": the writer is young
    # An adult writer's own age ("olen 34-vuotias") is nobody's child's age; a young writer's own age ("oon 15")
    # says who writes, not whom the worry is about.
    about_others = cues.WRITER_AGE.sub(" ", folded) if writer_age is not None else folded
    # "en ung mamma": the young one is a parent, not a young person the worry is about.
    subject = _subject(cues.YOUNG_PARENT.sub(" mamma ", about_others), "professional" if introduced else role)
    if subject:
        r.add("subject", subject[0], subject[1])

    # ---- facts
    pregnancy_words = bool(cues.PREGNANCY.search(cues.PAST_PREGNANCY.sub(" ", folded)))
    # The classifier's weak guess of a pregnancy stays weak when the bot had asked about the worry: the answer's
    # confidence is raised, not the evidence of a pregnancy ("Meillä on 6 viikon vauva ja mä juon liikaa", 0.45).
    # Without a word of it, even a surer guess is no pregnancy ("röker typ gräs varje dag, mutsi å fatsi vet
    # int", 0.64): the words name a pregnancy in many ways (cues.PREGNANCY), the classifier only guesses one.
    weak_pregnancy_guess = (
        intent == "substance_use_pregnancy"
        and message.confidence < WORDLESS_PREGNANCY
        and not message.button
        and not pregnancy_words
        and role != "pregnant"
        and not message.pregnant_held
    )
    if weak_pregnancy_guess:
        intent = "substance_use_family"
    pregnant = pregnancy_words or role == "pregnant" or intent == "substance_use_pregnancy"
    week = _first_int(cues.PREGNANCY_WEEK, folded)
    if week and 2 <= week <= 42 and pregnant:
        r.add("pregnancy_week", week, CUE)
    if pregnant:
        r.add("pregnancy", _pregnant_who(folded, role), CUE if pregnancy_words or week else max(conf, 0.5))
    age = _age(about_others if writer_age is None or writer_age >= 18 else folded)
    if age is not None and age > 22:
        age = None  # "en patient, 24 år": an adult, nobody's child or young person
    if age is not None:
        r.add("child_age", age, CUE)
    months = _first_int(cues.BABY_MONTHS, folded)
    if months is not None and months <= 24:
        r.add("baby_months", months, CUE)
    elif _first_int(cues.BABY_WEEKS, folded) is not None or cues.BABY.search(folded):
        r.add("baby_months", 0, 0.6)
    if cues.SUBSTANCE_WORDS.search(folded) and not said(cues.SUBSTANCE_WORDS, folded):
        substances = []  # "Ingen dricker eller så, vi bara orkar int": no substance
    if substances:
        r.add("substances", substances, CUE)
    elif said(cues.SUBSTANCE_WORDS, folded):
        r.add("substances", ["other"], 0.6)
    kinds = violence.kinds_of(folded)
    if kinds:
        r.add("violence", kinds, CUE)
    # "ung mamma", "raskaana ja nuori": a young parent's own needs, not a young person's case.
    young = age is not None and 10 <= age <= 22 or bool(cues.YOUTH.search(cues.YOUNG_PARENT.sub(" ", folded)))
    own_mental = _own_mental(folded, about_young=young and writer_age is None)
    if cues.SELF_HARM.search(folded):
        r.add("mental_health", "self_harm", CUE)
    elif own_mental:
        r.add("mental_health", "yes", CUE)
    if cues.COPING.search(folded):
        r.add("coping", "hard", 0.6)
    if cues.RELATIONSHIP.search(folded):
        r.add("relationship", "crisis", CUE)
    if (cues.CHILD_WELFARE.search(folded) or cues.LEFT_ALONE.search(folded)) and not cues.CHILD_WELFARE_FEAR.search(
        folded
    ):
        r.add("child_welfare", "worry", CUE)
    elif _child_told_of_parents_use(about_others) and (subject or ("", 0))[0] in ("client", "parent"):
        # "en elev berättade att pappa dricker": a child's account of a parent's use, relayed by someone else.
        r.add("child_welfare", "parent_uses", CUE)
    asked = next((category for category, pattern in cues.NAMED_SERVICES if said(pattern, folded)), None)
    if asked:
        r.add("asked_service", asked, CUE)
    if cues.SAMI.search(folded):
        r.add("sami", True, CUE)
    if message.acute or intent == "emergency":
        r.add("urgency", "acute", 1.0 if message.acute else conf)
    elif said(cues.URGENT, folded):  # "jag kör inte bil just nu" is not urgency
        r.add("urgency", "soon", 0.6)
    if entity.get("municipality"):
        r.add("municipality", entity["municipality"], 1.0)
    if message.language:
        r.add("language", message.language, 0.6)

    # ---- needs: the intent at its confidence; what the words say at CUE_NEED, more when both agree
    cue_needs: dict[str, float] = {}
    has_substance = (
        bool(substances) or said(cues.SUBSTANCE_WORDS, folded) or (pregnant and bool(cues.PREGNANCY_USE.search(folded)))
    )
    # A pregnancy the words or a button say; the classifier's guess alone ("mä poltan pilveä", read as a
    # pregnancy at 0.48) is not evidence enough to make the substance a pregnancy's.
    pregnant_said = pregnancy_words or role == "pregnant" or (pregnant and conf >= STRONG) or message.pregnant_held
    parents_use_only = bool(cues.PARENT_USER.search(about_others)) and not (
        cues.SELF_USE.search(folded) or _partner(folded)
    )
    if has_substance and pregnant_said and parents_use_only and role == "pregnant":
        # "Oon 19 ja odotan vauvaa. Mun äiti juo ihan hirveesti ja asun vielä kotona": the pregnancy is the
        # writer's, the use her mother's: the expecting young person's own support, not the HAL clinic.
        cue_needs["family_support"] = CUE
        if intent == "substance_use_pregnancy":
            intent = "family_support"
    elif has_substance:
        if pregnant_said:
            cue_needs["substance_use_pregnancy"] = CUE
        elif (
            young
            and not cues.PARENT_USER.search(about_others)
            and (subject is None or subject[0] not in ("partner", "parent"))
        ):
            cue_needs["youth_substance_use"] = CUE
        elif subject:
            cue_needs["substance_use_family"] = CUE_NEED
    if kinds and violence.child_victim(folded):
        # "naapurin lapsia lyödään": a child is hurt by someone who is not the writer's partner. A suspicion
        # ("om jag misstänker att grannens barn blir slagna") is the child welfare office's, not urgent.
        cue_needs["child_welfare_concern"] = CUE
        if intent == "domestic_violence":
            intent = "child_welfare_concern"  # the classifier's violence is the child's, not the writer's
        if not (cues.SUSPICION.search(folded) or violence.signs_only(folded) or violence.at_other_home(folded)):
            r.add("urgency", "soon", 0.6)
    elif kinds:
        cue_needs["domestic_violence"] = CUE if kinds != ["emotional"] or _partner(folded) else CUE_NEED
    if own_mental:
        cue_needs["parent_mental_health"] = CUE_NEED
    if cues.MENTAL.search(folded) or cues.SELF_HARM.search(folded):
        if cues.SELF_HARM.search(folded) and (young or cues.CHILD.search(folded)):
            cue_needs["child_welfare_concern"] = CUE_NEED
    if _relationship_now(folded) and not kinds:
        cue_needs["relationship_support"] = CUE_NEED
    fear = bool(cues.CHILD_WELFARE_FEAR.search(folded)) or intent == "ask_privacy"
    if cues.LEFT_ALONE.search(folded) and not fear:
        cue_needs["child_welfare_concern"] = CUE
    elif cues.CHILD_WELFARE.search(folded) and not fear:
        cue_needs["child_welfare_concern"] = CUE_NEED
    foster = bool(cues.FOSTER.search(folded))
    if foster and not fear:
        r.add("foster", True, CUE)  # a placed child: the child welfare office is the family's own service
    if cues.COPING.search(folded) and not (has_substance or kinds):
        # A baby that cries or does not sleep is a family's everyday worry ("bebin skriker jämt").
        baby = cues.BABY.search(folded) or months is not None
        cue_needs["family_support"] = CUE_NEED if fear or baby else 0.5
    if (
        "relationship_support" in cue_needs
        and len(cue_needs) > 1
        and (intent != "relationship_support" or conf < STRONG)
    ):
        cue_needs["relationship_support"] = 0.5  # "since the divorce ..." is often only the background
    if (
        intent == "youth_substance_use"
        and conf < CUE
        and not young
        and role != "young"
        and "substance_use_family" in cue_needs
        and (subject or ("", 0))[0] in ("partner", "parent")
    ):
        # "min man Johan har börjat dricka mycket mer" read as a young person's use (0.67): no word of a young
        # person, the partner's use named; a sure reading ("tyttären poikaystävä polttaa", 0.99) stays.
        intent = "substance_use_family"
    if (
        intent == "youth_substance_use"
        and (subject or ("", 0))[0] == "self"
        and (writer_age or 0) >= 18
        and (cues.CHILD.search(about_others) or cues.BABY.search(folded))
    ):
        # "Olen 19 ja juon paljon, mulla on 1-vuotias lapsi": a young parent's own use in a family with a child.
        intent = "substance_use_family"
    if not cue_needs and foster and (intent not in WORRY_INTENTS or conf < STRONG):
        # "sijaisvanhempana tarvisin tukea, meidän sijoitettu 9v raivoaa": a foster family's everyday worry.
        cue_needs["family_support"] = CUE_NEED
    if not cue_needs and (intent not in WORRY_INTENTS or conf < STRONG) and asked in cues.NEED_OF_SERVICE:
        # "finns det mödrahem nära S:t Michel?": the service asked for says the need.
        cue_needs[cues.NEED_OF_SERVICE[asked]] = CUE_NEED
    if fear and intent == "child_welfare_concern" and conf < STRONG and "child_welfare_concern" not in cue_needs:
        # "Går det att få hjälp hemma utan att dom tror att jag är en dålig mamma?": the fear of being judged,
        # not a worry for a child's care
        conf *= DISCOUNT
    if intent in SUBSTANCE_INTENTS and not has_substance and message.confidence < STRONG and not message.button:
        # A weak substance guess with no word of any substance ("pappa till en nyfödd, känner mig vilsen"):
        # the family's everyday worry, weakly.
        intent, conf = "family_support", message.confidence * DISCOUNT
    if intent in WORRY_INTENTS:
        if intent in cue_needs:
            conf = min(1.0, conf + 0.2)
        elif not message.button and message.asked != "concern" and (message.asked or _short(folded, message)):
            # A short message or the answer to another question ("poikaystävä" when asked the place) that the
            # words do not back: context, not a new worry.
            conf *= DISCOUNT
        r.need(intent, conf)
    for name, value in cue_needs.items():
        r.need(name, value, _position(CUE_PATTERNS.get(name, ()), folded))
    return r


def _short(folded: str, message: Message) -> bool:
    """Short enough to be context: three words, or six once a worry is held ("en tunne niitä kunnolla" after
    a neighbour's child's bruises adds who they are, not a mood of the writer)."""
    words = len(folded.split())
    return words <= 3 or (message.worry_held and words <= 6)


# Where a need is named in a message (the first of its patterns found).
CUE_PATTERNS = {
    "substance_use_pregnancy": (cues.SUBSTANCE_WORDS, cues.PREGNANCY),
    "youth_substance_use": (cues.SUBSTANCE_WORDS,),
    "substance_use_family": (cues.SUBSTANCE_WORDS,),
    "domestic_violence": tuple(p for _, p in cues.VIOLENCE_KINDS),
    "parent_mental_health": (cues.MENTAL,),
    "child_welfare_concern": (cues.CHILD_WELFARE, cues.SELF_HARM),
    "relationship_support": (cues.RELATIONSHIP,),
    "family_support": (cues.COPING,),
}


def _position(patterns, text: str) -> int:
    starts = [m.start() for m in (p.search(text) for p in patterns) if m]
    return min(starts) if starts else len(text)


def _first_int(pattern, text: str) -> Optional[int]:
    m = pattern.search(text)
    if not m:
        return None
    digits = next((g for g in m.groups() if g), None)
    return int(digits) if digits else None


def _age(folded: str) -> Optional[int]:
    value = _first_int(cues.AGE, folded)
    if value is not None:
        return value
    m = cues.WORD_AGE.search(folded)
    if m:
        return cues.WORD_AGE_FI.get(m.group(1))
    value = _first_int(cues.AGE_BARE, folded)
    return value if value is not None and 1 <= value <= 25 else None


def _relationship_now(folded: str) -> bool:
    """A relationship worry in a sentence of its own time: "ero tuli kaksi vuotta sitten, sovussa" is background."""
    return any(
        cues.RELATIONSHIP.search(sentence) and not cues.AGO.search(sentence)
        for sentence in re.split(r"[.!?\n]+", folded)
    )


# "Hon mår dåligt och röker på", "poika on masentunut": the young person's own state, not the parent's.
_SOMEONE_ELSES_STATE = re.compile(
    r"\b(?:hon|han|hen|se|han on|poika|poikani|tytto|tyttoni|nuori|sonen|dottern|min son|min dotter|lapsi|lapseni)"
    r"(?: \w+)? $"
)


# "bebisen sover dåligt", "vauva nukkuu huonosti": the baby's sleep is the family's everyday worry.
_BABYS_STATE = re.compile(r"\b(?:bebisen|bebin|babyn|vauva|vauvan|vauvamme|lillen|lillan|nyfodda)(?: \w+)? $")


def _own_mental(folded: str, about_young: bool) -> bool:
    """A mental-health cue about a parent (the writer or the one written of), not about the young person a
    parent writes of: in a message about a teenager, "hon mår dåligt" is the teenager's."""
    for m in cues.MENTAL.finditer(folded):
        if re.search(r"bebis|babyn|vauva|den lilla|sitt barn", m.group(0)):
            return True  # "hon vill inte se bebisen": only a parent turns from the baby
        before = folded[max(0, m.start() - 30) : m.start()]
        if not (about_young and _SOMEONE_ELSES_STATE.search(before) or _BABYS_STATE.search(before)):
            return True
    return False


def _child_told_of_parents_use(folded: str) -> bool:
    """ "Yksi 16-vuotias kertoi, että äiti juo": what a child told, not a professional's own account of a family."""
    return any(cues.TOLD.search(folded[max(0, m.start() - 40) : m.start()]) for m in cues.PARENT_USER.finditer(folded))


def _partner(folded: str) -> bool:
    return bool(cues.PARTNER_STRONG.search(folded))


def _subject(folded: str, role: Optional[str]) -> Optional[tuple[str, float]]:
    """About whom: client, partner, child / young person, relative, or the writer (with confidence)."""
    if role == "professional" or _client(folded):
        return "client", CUE
    if cues.PARENT_USER.search(folded):
        return "parent", CUE
    if cues.SELF_USE.search(folded) and (not _partner(folded) or cues.PARTNER_PREGNANT.search(folded)):
        return "self", CUE
    if _partner(folded):
        return "partner", CUE
    if cues.ADULT_WITH_CHILDREN.search(folded) and not cues.YOUTH.search(folded) and (_age(folded) or 0) < 10:
        return "partner", 0.6  # "han dricker, barnen hemma": an adult of the household
    if cues.YOUTH.search(folded) or (_age(folded) or 0) >= 10:
        return "young", 0.7
    if cues.RELATIVE.search(folded):
        return "relative", 0.7
    if cues.CHILD.search(folded):
        return "child", 0.6
    return None


def _client(folded: str) -> bool:
    if not cues.CLIENT.search(folded):
        return False
    only_places = not cues.CLIENT.search(cues.CLIENT_PLACE_ONLY.sub(" ", folded))
    return not (only_places and cues.OWN_CHILD.search(folded))


def _pregnant_who(folded: str, role: Optional[str]) -> str:
    if role == "pregnant" or any(
        w in folded for w in ("olen raskaana", "oon raskaana", "jag ar gravid", "ja ar gravid", "odotan", "jag vantar")
    ):
        return "self"
    if _client(folded):
        return "client"
    if _partner(folded):
        return "partner"
    if cues.RELATIVE.search(folded):
        return "relative"
    return "self"
