"""What a person needs: from the worry (intent) and who is asking to ordered service categories.

"helpline:<kind>" entries name a national line that belongs in the answer whatever the region has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from bot.places.finnish import fold
from bot.situation.cues import YOUNG_PARENT

# Most specific first (e.g. HAL clinic before neuvola for substance use in pregnancy).
CATEGORIES_BY_CONCERN: dict[str, tuple[str, ...]] = {
    "substance_use_pregnancy": ("hal_clinic", "neuvola", "adult_substance", "mother_child_home", "helpline:substance"),
    "substance_use_family": ("adult_substance", "family_social_work", "mother_child_home", "helpline:substance"),
    "youth_substance_use": ("youth_substance", "family_guidance", "family_counselling", "helpline:substance"),
    "family_support": ("family_guidance", "neuvola", "family_social_work", "helpline:parents"),
    "relationship_support": ("family_counselling", "family_guidance", "helpline:parents"),
    "child_welfare_concern": ("child_welfare", "social_emergency", "helpline:children"),
    "domestic_violence": ("violence_support", "social_emergency", "helpline:violence"),
    "parent_mental_health": ("mental_health", "neuvola", "helpline:crisis"),
    "request_human": ("family_guidance", "family_social_work"),
}
CONCERNS = tuple(CATEGORIES_BY_CONCERN) + ("professional_referral",)

# A professional's question, by topic: (referral guidance response, categories).
REFERRAL_TOPICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "anticipatory": ("utter_referral_anticipatory", ("child_welfare", "hal_clinic", "family_social_work")),
    "hal": ("utter_referral_hal", ("hal_clinic", "neuvola", "adult_substance")),
    "child_welfare": ("utter_referral_child_welfare", ("child_welfare", "social_emergency")),
    "violence": ("utter_referral_violence", ("violence_support", "social_emergency", "helpline:violence")),
    "youth": ("utter_referral_youth", ("youth_substance", "family_guidance")),
    "substance_family": (
        "utter_referral_substance_family",
        ("adult_substance", "family_social_work", "mother_child_home"),
    ),
    "mental_health": ("utter_referral_mental_health", ("mental_health", "neuvola")),
    "network": ("utter_referral_network", ("family_guidance", "family_social_work")),
    "relationship": ("utter_referral_relationship", ("family_counselling", "family_guidance")),
    "general": ("utter_referral_general", ("family_guidance", "family_social_work")),
}

# Checked in this order on folded text; the first topic whose pattern matches wins.
_TOPIC_PATTERNS = (
    ("anticipatory", r"ennakolli|ennakkoilmoi|forhandsanmal|foregripande"),
    (
        "hal",
        # a word boundary before the pregnancy: "Träskända" folds to "traskanda"
        r"\bhal\b|\bhal-|\braska(?:a?n|u[sd])\w*.*(paihte|huume|alkoho|juo|korvaushoi|subutex|amfetam|kannab)|"
        r"(paihte|huume|alkoho|juo|korvaushoi|subutex|amfetam|kannab)\w*.*\braska(?:a?n|u[sd])|"
        r"\bgravid\w*.*(rusmed|drog|alkohol|dricker)|(rusmed|drog|alkohol|dricker)\w*.*\bgravid",
    ),
    ("child_welfare", r"lastensuojeluilmoi|barnskyddsanmal|lastensuojelu|barnskydd"),
    ("violence", r"vakival|lyo|lyonyt|pahoinpit|\bvald\b|\bvaldet|\bvalds|\bslar\b|misshandel"),
    ("youth", r"\bnuor|teini|\bungdom|tonaring|\bunga?\b|\bungdomar"),
    (
        "substance_family",
        r"paihte|huume|alkoho|juo|ryypp|korvaushoi|amfetam|kannab|rusmed|drog|alkohol|dricker|super\b",
    ),
    ("mental_health", r"masenn|ahdist|mielenterv|psyk|itsetuho|depress|angest|mentalv|sjalvmord"),
    ("network", r"verkosto|natverk|monialai|yrkesovergripande"),
    ("relationship", r"\bero\b|eroti|erota|huoltajuu|tapaamisoike|lastenvalvoj|skilsmass|separat|umgang|vardnad"),
)


def categories_for(concern: Optional[str], role: Optional[str] = None) -> tuple[str, ...]:
    """Ordered categories for a lay person's worry; a pregnant writer's substance worry is a pregnancy one."""
    if concern == "substance_use_family" and role == "pregnant":
        concern = "substance_use_pregnancy"
    return CATEGORIES_BY_CONCERN.get(concern or "", CATEGORIES_BY_CONCERN["request_human"])


@dataclass(frozen=True)
class Referral:
    topic: str
    response: str
    categories: tuple[str, ...]


# A professional who answers with a lay worry ("the client is pregnant and uses drugs") keeps its topic.
TOPIC_OF_CONCERN = {
    "substance_use_pregnancy": "hal",
    "substance_use_family": "substance_family",
    "youth_substance_use": "youth",
    "domestic_violence": "violence",
    "parent_mental_health": "mental_health",
    "relationship_support": "relationship",
    "child_welfare_concern": "child_welfare",
    "family_support": "network",
}


def referral_for(texts: Sequence[str], concern: Optional[str] = None) -> Referral:
    """The professional's topic from their own words (newest message first), else from the worry."""
    topic = next((t for t in map(_topic_of, texts) if t), None) or TOPIC_OF_CONCERN.get(concern or "", "general")
    response, categories = REFERRAL_TOPICS[topic]
    return Referral(topic, response, categories)


def _topic_of(text: str) -> Optional[str]:
    # "en ung mamma med missbruk", "nuori äiti": a young parent's case is not a young person's use.
    folded = YOUNG_PARENT.sub(" ", fold(text))
    return next((topic for topic, pattern in _TOPIC_PATTERNS if re.search(pattern, folded)), None)


SPECIFIC_TOPICS = ("anticipatory", "hal", "network")


def referral_topics(texts: Sequence[str], needs: Sequence[str], concern: Optional[str] = None) -> list[str]:
    """Every topic a professional named, from their words (oldest message first) and from the needs read
    from the whole situation; `general` when nothing is known."""
    said = [t for t in map(_topic_of, reversed(list(texts))) if t]
    # A question named in words ("ennakollinen", "HAL-lähete", "verkostotapaaminen") first, then every need of
    # the situation in its order, then what else the words matched.
    topics = [t for t in said if t in SPECIFIC_TOPICS]
    topics += [TOPIC_OF_CONCERN[n] for n in needs if n in TOPIC_OF_CONCERN]
    topics += said
    if not topics and concern in TOPIC_OF_CONCERN:
        topics.append(TOPIC_OF_CONCERN[concern])
    return list(dict.fromkeys(topics)) or ["general"]
