"""A service as the person sees it: the card text's parts and the `custom` payload channels render."""

from __future__ import annotations

from typing import Any, Optional

from rasa_sdk.executor import CollectingDispatcher

from bot.directory.records import Match, NamedContact, Service
from bot.labels import label


def asks_as_professional(role: Optional[str], concern: Optional[str]) -> bool:
    """A professional is asking (the role slot, or a referral question): named contacts may be shown."""
    return role == "professional" or concern == "professional_referral"


def payload(service: Service, lang: str, open_now: Optional[bool]) -> dict[str, Any]:
    """The `custom` payload of a service card (see docs/channels.md, "What the bot sends")."""
    return {
        "type": "service",
        "service_id": service.id,
        "category": service.category,
        "area": service.county or "national",
        "name": service.name.get(lang),
        "phone": service.phone.value if service.phone else None,
        "url": service.page(lang),
        "open_now": open_now,
    }


def details(service: Service, lang: str, open_now: Optional[bool], professional: bool = False) -> str:
    """The contact lines under the card's name, each label from bot/labels.yml. Named people are for
    professionals only; parents get the unit's own line. A record waiting for the county's review says so."""
    lines = []
    if service.phone:
        lines.append(label("phone", lang, phone=service.phone.value))
    if service.review:
        lines.append(label("check_number", lang))
    if service.how_to_reach:
        way = " ".join(filter(None, [service.how_to_reach.text.get(lang), service.how_to_reach.url]))
        lines.append(label("way_in", lang, way_in=way))
    if service.hours.known:
        hours = label("hours", lang, hours=service.hours.describe(lang))
        if open_now is not None:
            hours += " " + label("open_now" if open_now else "closed_now", lang)
        lines.append(hours)
    if service.contact and (service.contact.role or (professional and service.contact.name)):
        who = ", ".join(
            filter(
                None,
                [
                    service.contact.role.get(lang) if service.contact.role else "",
                    (service.contact.name or "") if professional else "",
                ],
            )
        )
        lines.append(label("contact", lang, contact=who))
    if professional:
        lines += [label("named_contact", lang, contact=_person(p, lang)) for p in service.contacts]
    if service.email:
        lines.append(label("email", lang, email=service.email.value))
    if service.address:
        lines.append(label("address", lang, address=service.address.get(lang)))
    lines.append(label("web", lang, url=service.page(lang)))
    return "\n".join(lines)


def _person(p: NamedContact, lang: str) -> str:
    return ", ".join(filter(None, [p.name, p.title.get(lang) if p.title else "", p.phone, p.email]))


def utter_match(dispatcher: CollectingDispatcher, match: Match, lang: str, professional: bool = False) -> None:
    """One message per service: text for every channel plus the structured card."""
    s = match.service
    dispatcher.utter_message(
        response="utter_service_card",
        name=s.name.get(lang),
        description=s.description.get(lang),
        details=details(s, lang, match.open_now, professional),
        json_message=payload(s, lang, match.open_now),
    )
