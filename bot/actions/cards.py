"""A service as the person sees it: the card text's parts and the `custom` payload channels render."""
from __future__ import annotations

from typing import Any, Optional

from rasa_sdk.executor import CollectingDispatcher

from bot.actions.texts import render
from bot.directory.records import Match, Service


def payload(service: Service, lang: str, open_now: Optional[bool]) -> dict[str, Any]:
    """The `custom` payload of a service card (see README, "Bot messages")."""
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


def details(domain: dict, service: Service, lang: str, open_now: Optional[bool]) -> str:
    """The contact lines under the card's name, each label written in the domain."""
    lines = []
    if service.phone:
        lines.append(render(domain, "utter_label_phone", lang, phone=service.phone.value))
    if service.hours.known:
        hours = render(domain, "utter_label_hours", lang, hours=service.hours.describe(lang))
        if open_now is not None:
            hours += " " + render(domain, "utter_label_open_now" if open_now else "utter_label_closed_now", lang)
        lines.append(hours)
    if service.contact and (service.contact.role or service.contact.name):
        who = ", ".join(filter(None, [service.contact.role.get(lang) if service.contact.role else "",
                                      service.contact.name or ""]))
        lines.append(render(domain, "utter_label_contact", lang, contact=who))
    if service.email:
        lines.append(render(domain, "utter_label_email", lang, email=service.email.value))
    if service.address:
        lines.append(render(domain, "utter_label_address", lang, address=service.address.get(lang)))
    lines.append(render(domain, "utter_label_web", lang, url=service.page(lang)))
    return "\n".join(lines)


def utter_match(dispatcher: CollectingDispatcher, domain: dict, match: Match, lang: str) -> None:
    """One message per service: text for every channel plus the structured card."""
    s = match.service
    dispatcher.utter_message(
        response="utter_service_card",
        name=s.name.get(lang),
        description=s.description.get(lang),
        details=details(domain, s, lang, match.open_now),
        json_message=payload(s, lang, match.open_now),
    )
