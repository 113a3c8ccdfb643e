"""The understood-situation line ("Ymmärsin: olet raskaana, puolisosi käyttää päihteitä, kunta: Kemi"):
which fragments (domain responses `utter_fact_*`, fi and sv) say what Viitta understood, in order."""

from __future__ import annotations

from typing import Any, Optional

from bot.situation import model

Fragment = tuple[str, dict[str, Any]]
_WHO = ("self", "partner", "young", "child", "client", "relative")
# Needs said of the client when a professional writes ("asiakkaasi jaksaminen on koetuksella").
CLIENT_NEEDS = ("family_support", "relationship_support", "parent_mental_health")


def fragments(situation: dict, needs: list[str], place: Optional[str]) -> list[Fragment]:
    s = situation
    role, subject = model.value(s, "role"), model.value(s, "subject")
    out: list[Fragment] = []
    if role == "professional":
        out.append(("utter_fact_role_professional", {}))
    elif role == "relative":
        out.append(("utter_fact_role_relative", {}))
    pregnancy = (
        model.value(s, "pregnancy")
        if "substance_use_pregnancy" in needs or model.confidence(s, "pregnancy") >= 0.8
        else None
    )
    if pregnancy:
        who = (
            "client"
            if role == "professional"
            else pregnancy
            if pregnancy in ("self", "partner", "relative", "client")
            else "self"
        )
        week = model.value(s, "pregnancy_week")
        out.append(
            (
                f"utter_fact_pregnant_{who}_week" if week and who == "self" else f"utter_fact_pregnant_{who}",
                {"week": week},
            )
        )
    age, months = model.value(s, "child_age"), model.value(s, "baby_months")
    if age is not None and age >= 1:
        out.append(("utter_fact_age_young" if age >= 10 else "utter_fact_age_child", {"age": age}))
    elif months is not None and model.confidence(s, "baby_months") >= 0.6:
        out.append(("utter_fact_baby", {}))
    for need in needs:
        if need in ("substance_use_pregnancy", "substance_use_family", "youth_substance_use"):
            who = _substance_user(need, subject, pregnancy, role)
            key = f"utter_fact_substance_{who}"
            if (key, {}) not in out:
                out.append((key, {}))
        elif need == "domestic_violence":
            kinds = model.value(s, "violence") or ["physical"]
            named = [k for k in ("emotional", "economic", "sexual") if k in kinds]
            if role == "professional":
                out.append(("utter_fact_violence_client", {}))
            else:
                if "physical" in kinds or not named:
                    out.append(("utter_fact_violence_self", {}))
                out += [(f"utter_fact_violence_{k}", {}) for k in named]
        elif role == "professional" and need in CLIENT_NEEDS:
            out.append((f"utter_fact_need_{need}_client", {}))
        else:
            out.append((f"utter_fact_need_{need}", {}))
    if place:
        out.append(("utter_fact_place", {"place": place}))
    return out


def _substance_user(need: str, subject: Optional[str], pregnancy: Optional[str], role: Optional[str]) -> str:
    if role == "professional" or subject == "client":
        return "client"
    if need == "youth_substance_use":
        return "young"
    if subject in ("self", "partner", "relative"):
        return subject
    if need == "substance_use_pregnancy" and pregnancy == "self":
        return "self"
    return "relative" if role == "relative" else "partner" if role in ("pregnant", "parent") else "family"
