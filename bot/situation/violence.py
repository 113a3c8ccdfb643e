"""Violence in a message: which kinds are said (physical, emotional, economic, sexual; a negated cue does not
count), whether a child is the one hurt, and whether only marks on a child are told."""

from __future__ import annotations

import re

from bot.situation import cues
from bot.situation.negation import said

_CHILD_VICTIM = re.compile(
    r"\b(?:naapurin|kaverin|luokkakaverin|serkun|grannens|grannarnas|kompisens) (?:\w+ )?(?:lap|poja|poika|tyto|tytt|barn|son|dotter)|"
    r"\b(?:lapsia|lasta|lapsiaan|lastaan|barnen|barnet|ungarna) (?:\w+ )?(?:lyodaan|lyo|hakataan|pahoinpidellaan|slas|blir slagna|misshandlas)"
)
# A parent's partner at the child's other home ("äidin uusi mies oli lyönyt äitiä hänen nähtensä", told by a
# foster parent): violence a child sees there, the child welfare office's matter.
_PARENTS_PARTNER = re.compile(
    r"\b(?:aidin|isan|mamman|pappan|mammas|pappas|biologisen aidin|biologiska mammans) (?:uusi |uus |nya |nye )?"
    r"(?:mies|miesystava|poikaystava|puoliso|kumppani|naisystava|tyttoystava|kille|pojkvan|sambo|karl|man|flickvan|fru)"
)


def signs_only(folded: str) -> bool:
    """Only marks on the child are told, no violence seen: "naapurin pojalla on usein mustelmia"."""
    physical = dict(cues.VIOLENCE_KINDS)["physical"]
    return bool(cues.SIGNS.search(folded)) and not physical.search(cues.SIGNS.sub(" ", folded))


def at_other_home(folded: str) -> bool:
    """Violence by a parent's partner at the child's other home, told afterwards: the child's social worker's."""
    return bool(_PARENTS_PARTNER.search(folded))


def child_victim(folded: str) -> bool:
    """Violence against a child that is not the writer's partner's violence against the writer."""
    if _PARENTS_PARTNER.search(folded):
        return True
    return bool(_CHILD_VICTIM.search(folded)) and not cues.PARTNER_STRONG.search(folded)


def kinds_of(folded: str) -> list[str]:
    folded = cues.SIBLINGS_FIGHT.sub(" ", folded)  # "de äldre slåss hela tiden": children's quarrels
    folded = cues.LEGAL_THREAT.sub(" ", folded)
    folded = cues.HITS_OTHERS.sub(" ", folded)  # "poika lyö muita päiväkodissa": a child's behaviour
    kinds = []
    partner = bool(cues.PARTNER_STRONG.search(folded) or cues.PARTNER.search(folded))
    for kind, pattern in cues.VIOLENCE_KINDS:
        if not said(pattern, folded):
            continue
        if kind == "economic" and not cues.CONTROL.search(folded):
            continue
        if kind == "emotional" and not (partner or cues.VIOLENCE_WORDS.search(folded)):
            continue
        kinds.append(kind)
    if "economic" not in kinds and cues.ECONOMIC_STRONG.search(folded):
        kinds.append("economic")
    if not kinds and said(cues.VIOLENCE_WORDS, folded):
        kinds.append("physical" if "henki" not in folded and "psykisk" not in folded else "emotional")
    return kinds
