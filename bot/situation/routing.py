"""From the whole situation to ordered service categories, the lines that fit, and the reason.

Order, as the families' services work (issue 11):
1. violence of any kind -> violence support and the social emergency service before anything else;
2. pregnancy and any substance -> the HAL clinic first, whoever writes (a writer whose partner is pregnant and who
   uses: adult substance services, then the HAL clinic);
3. a young person's own substance use -> youth substance services;
4. a worry for a child's care, then an adult's substance use in a family with children (what a child told of
   it: child welfare first);
5. then every other need in the order the person raised it;
6. the county's family service guidance (every county has it) before national lines.
A professional gets the referral guidance of every need named, then the services.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from bot.actions.needs import CATEGORIES_BY_CONCERN, REFERRAL_TOPICS, TOPIC_OF_CONCERN
from bot.situation import cues, model

PRECEDENCE = (
    "domestic_violence",
    "substance_use_pregnancy",
    "youth_substance_use",
    "child_welfare_concern",
    "substance_use_family",
)
TOPIC_PRECEDENCE = ("violence", "hal", "youth", "child_welfare", "substance_family")
GUIDANCE = "family_guidance"
# Helpline kinds per need; `children` is the line young people call themselves.
LINES = {
    "substance_use_pregnancy": ("substance",),
    "substance_use_family": ("substance", "parents"),
    "youth_substance_use": ("children", "substance"),
    "family_support": ("parents",),
    "relationship_support": ("parents",),
    "child_welfare_concern": ("children",),
    "domestic_violence": ("violence",),
    "parent_mental_health": ("crisis",),
}
# Helpline audiences (helplines.yml `audience`) that fit only some situations.
NARROW_AUDIENCES = {"expecting": "pregnancy", "baby_families": "baby"}


@dataclass
class Route:
    needs: list[str]
    categories: list[str]
    line_kinds: list[str]
    audience: str = "families"
    referrals: list[str] = field(default_factory=list)  # utter_referral_* responses, one per topic

    @property
    def concern(self) -> Optional[str]:
        return self.needs[0] if self.needs else None


SUBSTANCE_NEEDS = ("substance_use_pregnancy", "youth_substance_use", "substance_use_family")


def young_writer(situation: dict) -> bool:
    """A child or young person writes about their own life ("mun isä juo ja mä oon 13")."""
    return model.value(situation, "role") == "young"


def substance_kind(situation: dict) -> Optional[str]:
    """Whose substance use, from the whole situation (a later "he's 15" or "rv 11" decides it)."""
    if model.value(situation, "pregnancy") and model.confidence(situation, "pregnancy") >= 0.6:
        return "substance_use_pregnancy"
    subject, age = model.value(situation, "subject"), model.value(situation, "child_age")
    if young_writer(situation) and subject in ("parent", "partner", "relative"):
        return "substance_use_family"  # a parent's use, told by their child
    if young_writer(situation) and subject in (None, "self", "young"):
        return "youth_substance_use"
    if model.value(situation, "child_welfare") == "parent_uses":
        return "substance_use_family"  # "a 16-year-old told me her mother drinks": the mother's use
    if subject == "young" or (subject in (None, "child", "client") and age is not None and 10 <= age <= 22):
        return "youth_substance_use"
    if subject == "child" and age is not None and age >= 10:
        return "youth_substance_use"  # "pojan huoneesta löytyi pilveä": a child who uses is a young person
    if subject == "child" and age is None:
        # ... unless a family's use was read surely: "Mina två barn är 1 och 3 och deras pappa har börjat dricka"
        # names children, and the one who drinks is their father
        family = _need_confidence(situation, "substance_use_family")
        if "youth_substance_use" in model.needs(situation) or family < 0.7:
            return "youth_substance_use"
    return None


def ordered_needs(situation: dict) -> list[str]:
    raised = model.needs(situation)
    if not raised and model.primary_need(situation):
        raised = [model.primary_need(situation)]  # type: ignore[list-item]  # not None: just checked
    kind = substance_kind(situation)
    if kind and any(n in SUBSTANCE_NEEDS for n in raised):
        first = next(i for i, n in enumerate(raised) if n in SUBSTANCE_NEEDS)
        raised = [n for n in raised if n not in SUBSTANCE_NEEDS]
        raised.insert(min(first, len(raised)), kind)
    # A child who tells of a parent who hits or shouts at them ("se huutaa mulle", "mä oon 13"): the child welfare
    # office's, not a shelter's for adults. A young person's own partner's violence stays violence.
    child_hurt = (
        young_writer(situation) and "domestic_violence" in raised and model.value(situation, "subject") != "partner"
    )
    if child_hurt:
        raised = list(dict.fromkeys("child_welfare_concern" if n == "domestic_violence" else n for n in raised))
    ahead = [
        n
        for n in PRECEDENCE
        if n in raised and (n not in WEAK_AHEAD or child_hurt or _need_confidence(situation, n) >= 0.7)
    ]
    if child_hurt:  # before the young person's own use too: first that they are safe at home
        ahead = ["child_welfare_concern"] + [n for n in ahead if n != "child_welfare_concern"]
    return ahead + [n for n in raised if n not in ahead]


# A worry for a child's care goes ahead only when said clearly: "hon lagar ingen mat längre" in a story of a
# mother's depression is part of that story.
WEAK_AHEAD = ("child_welfare_concern",)


def _need_confidence(situation: dict, need: str) -> float:
    return float((situation.get("needs") or {}).get(need, {}).get("confidence") or 0.0)


def categories_of(need: str, situation: dict) -> list[str]:
    cats = [c for c in CATEGORIES_BY_CONCERN.get(need, ()) if not c.startswith("helpline:")]
    if need == "child_welfare_concern":
        # Not acute: the child welfare office and family social work, then the guidance; acute: the emergency service.
        urgent = model.value(situation, "urgency") in ("acute", "soon")
        cats = (
            ["social_emergency", "child_welfare", "family_social_work"]
            if urgent
            else ["child_welfare", "family_social_work"]
        )  # the social emergency service after the guidance (route)
    if (
        need == "substance_use_family"
        and model.value(situation, "role") is None
        and model.value(situation, "subject") == "parent"
    ):
        # "mamma e full jämt", no role said: the parent's own services, then the office that sees the children safe.
        return ["adult_substance", "child_welfare", "family_social_work"]
    relative_writer = model.value(situation, "role") == "relative" or model.value(situation, "subject") == "relative"
    if (
        need == "substance_use_family"
        and relative_writer
        and model.value(situation, "subject") in ("parent", "relative")
    ):
        # A grandparent who looks after the children of a parent who uses: support for the carer and the office
        # that sees the children safe, not adult services (the parent's own, in third place).
        if model.value(situation, "child_welfare"):  # a neglected child: the office that sees the child safe first
            return ["child_welfare", "family_social_work", "adult_substance"]
        return ["family_social_work", "child_welfare", "adult_substance"]
    if need == "substance_use_family" and young_writer(situation):
        # The child of a parent who drinks: child welfare (whose work it is to see that the child is safe) and the
        # family's social work, not adult services.
        return ["child_welfare", "family_social_work"]
    if need in ("family_support", "parent_mental_health", "relationship_support") and model.value(situation, "foster"):
        # A foster family's worry for the placed child: the child's social worker at child welfare first.
        cats = ["child_welfare"] + [c for c in cats if c != "child_welfare"]
    if need == "family_support" and model.value(situation, "pregnancy", 0.6):
        # An expecting family's everyday worry ("raskaana, ei ketään tukena"): the maternity clinic knows them.
        cats = ["neuvola"] + [c for c in cats if c != "neuvola"]
    if need == "substance_use_family" and not _baby_or_pregnancy(situation):
        # A mother-and-child home is for babies' families; a teenager's parent who drinks needs adult services.
        cats = [c for c in cats if c != "mother_child_home"]
    return cats


# Pregnancy and substances: the HAL clinic, and where the county has none the neuvola (where the follow-up of a
# pregnancy is), before any other need's services.
HAL_LEAD = ["hal_clinic", "neuvola"]


def merge_categories(
    blocks: list[list[str]], violence: bool, after: tuple[str, ...] = (), hal: bool = False
) -> list[str]:
    """Violence's two first, then the HAL clinic's two; then the first category of every need, the second of
    every need, …; the family service guidance, the fallback of every county, where a need puts it first, else
    last."""
    out = (["violence_support", "social_emergency"] if violence else []) + (HAL_LEAD if hal else [])
    for depth in range(max((len(b) for b in blocks), default=0)):
        out += [b[depth] for b in blocks if depth < len(b)]
    # The guidance keeps its place where the leading need lists it (a young person's use: youth services, then
    # the guidance that finds them where the county has none); for the other needs it is the last resort.
    keep_guidance = bool(blocks) and GUIDANCE in blocks[0][:2] or any(b[:1] == [GUIDANCE] for b in blocks)
    out = [c for c in dict.fromkeys(out) if (c != GUIDANCE or keep_guidance) and c not in after]
    return out + ([GUIDANCE] if GUIDANCE not in out else []) + [c for c in after if c not in out]


def route(situation: dict, fallback_concern: Optional[str] = None, topics: Optional[list[str]] = None) -> Route:
    """`topics`: a professional's referral topics (bot.actions.needs.REFERRAL_TOPICS), in order."""
    needs = ordered_needs(situation) or ([fallback_concern] if fallback_concern in LINES else [])
    professional = (
        model.value(situation, "role") == "professional"
        or model.value(situation, "subject") == "client"
        or topics is not None
    )
    blocks = [categories_of(n, situation) for n in needs]
    referrals: list[str] = []
    if topics:
        # A need that goes first (violence, pregnancy and substances, a young person's use) keeps its topic even
        # when the words named another ("raskausviikolla 9, alkoholin suurkulutus ja aiempi lastensuojelu").
        topics = list(topics) + [TOPIC_OF_CONCERN[n] for n in needs if n in PRECEDENCE]
        # The guidance in the order asked about; the services with violence, HAL and youth first.
        told = model.value(situation, "child_welfare") == "parent_uses"
        if (told or model.value(situation, "subject") == "parent") and "youth_substance_use" not in needs:
            topics = [t for t in topics if t != "youth"]  # the youth worker's title, not a young person's use
        if told:
            topics = ["child_welfare"] + topics  # what a child told of a parent's use: the child's safety first
        referrals = list(dict.fromkeys(REFERRAL_TOPICS[t][0] for t in topics))
        topics = sorted(dict.fromkeys(topics), key=lambda t: TOPIC_PRECEDENCE.index(t) if t in TOPIC_PRECEDENCE else 9)
        # A mother-and-child home only for a baby's or a pregnancy's family, as for lay people (categories_of).
        baby = _baby_or_pregnancy(situation)
        blocks = [
            [c for c in REFERRAL_TOPICS[t][1] if not c.startswith("helpline:") and (baby or c != "mother_child_home")]
            for t in topics
        ] + blocks
    violence = "domestic_violence" in needs or "violence" in (topics or [])
    calm_child_worry = (
        "child_welfare_concern" in needs and not violence and model.value(situation, "urgency") not in ("acute", "soon")
    )
    hal = "substance_use_pregnancy" in needs or "hal" in (topics or [])
    categories = merge_categories(blocks, violence, after=("social_emergency",) if calm_child_worry else (), hal=hal)
    if hal and model.value(situation, "pregnancy") == "partner" and model.value(situation, "subject") == "self":
        # "vaimo on raskaana ja minä juon": the writer's own use has its own services first; the HAL clinic, where
        # the pregnancy is followed, right after.
        categories = ["adult_substance"] + [c for c in categories if c != "adult_substance"]
    asked = model.value(situation, "asked_service")
    if asked and not (violence and asked != "violence_support"):
        # The kind of service the person asked for: first where it fits the needs, else right after the first
        # ("voiko perheneuvolaan mennä jos isä juo": the father's drinking has its own services).
        rest = [c for c in categories if c != asked]
        # ... and first when the worry itself is only a weak guess ("paikka mihin voi mennä vauvan kanssa asumaan").
        found = model.load(situation)["needs"].get(needs[0]) if needs else None
        weak = not found or found["confidence"] < model.STRONG
        first = asked in categories or weak or (needs and cues.NEED_OF_SERVICE.get(asked) == needs[0])
        categories = [asked] + rest if first else rest[:1] + [asked] + rest[1:]
    kinds = [k for n in needs for k in LINES.get(n, ())] + ["crisis"]
    if young_writer(situation):
        kinds = ["children"] + [k for k in kinds if k != "parents"]  # the line young people call themselves
    return Route(
        needs=needs,
        categories=categories,
        line_kinds=list(dict.fromkeys(kinds)),
        audience="professionals" if professional else "families",
        referrals=referrals,
    )


def _baby_or_pregnancy(situation: dict) -> bool:
    return bool(model.value(situation, "pregnancy") or model.value(situation, "baby_months") is not None)


def line_fits(audience: tuple[str, ...], situation: dict) -> bool:
    """A helpline for expecting or baby families only when the situation has a pregnancy or a baby."""
    if not set(audience) & set(NARROW_AUDIENCES):
        return True
    return _baby_or_pregnancy(situation)
