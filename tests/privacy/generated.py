"""Messages with personal data from an independent generator: the Faker library's fi_FI and sv_SE values
placed in sentence shapes (tests/privacy/blind/templates_*.yml, written blind, plus own_templates.yml).

Seeded: the same seed gives the same messages. The values are Faker's, never the redactor's lists;
phone numbers are Faker's numbers rewritten in the ways people write them (+358, (+358), 0xx, spaces,
dashes, dots, parentheses), IBANs Faker's FI and SE ones, compact or in groups of four.
"""
from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from faker import Faker
from faker.providers.bank import Provider as BankProvider

HERE = Path(__file__).resolve().parent
# The blind shapes: set B by default (tests/privacy/blind, with own_templates.yml); VIITTA_PRIVACY_SET
# names another blind folder, measured on its own shapes only (set C: tests/privacy/blind_c).
BLIND = Path(os.environ.get("VIITTA_PRIVACY_SET", HERE / "blind"))
PLACEHOLDER = re.compile(r"\{(\w+)(\|lower)?\}")
# What each placeholder counts as. A post code with its town is not a street address (and the town is
# a municipality, which must stay for the place resolver): it is generated but not scored.
KIND = {"first_name": "name", "last_name": "name", "name": "name", "hetu": "hetu", "phone": "phone",
        "email": "email", "address": "address", "street": "address", "iban": "iban", "postcode_city": "postcode"}
SCORED = ("hetu", "phone", "email", "iban", "name", "address")


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Message:
    language: str
    template: str
    text: str
    spans: tuple[Span, ...]


class _SwedishBank(BankProvider):
    """Faker's bank provider with Sweden's IBAN layout (its sv_SE locale has no bank provider)."""
    country_code = "SE"
    bban_format = "#" * 20


@cache
def templates(language: str) -> tuple[str, ...]:
    blind = yaml.safe_load((BLIND / f"templates_{language}.yml").read_text(encoding="utf-8"))["templates"]
    if BLIND != HERE / "blind":
        return tuple(blind)
    own = yaml.safe_load((HERE / "own_templates.yml").read_text(encoding="utf-8"))[language]
    return tuple(blind) + tuple(own)


@cache
def ordinary(language: str) -> tuple[str, ...]:
    """Messages without personal data (blind), for false positives."""
    return tuple(yaml.safe_load((BLIND / f"ordinary_{language}.yml").read_text(encoding="utf-8"))["messages"])


def _groups(digits: str, sizes: list[int]) -> list[str]:
    out, i = [], 0
    for size in sizes:
        if i >= len(digits):
            break
        out.append(digits[i:i + size])
        i += size
    if i < len(digits):
        out[-1] += digits[i:]
    return out


def phone(fake_fi: Faker, fake_sv: Faker, rng: random.Random, language: str) -> str:
    """A Faker phone number in one of the ways people write it."""
    if language == "sv" and rng.random() < 0.15:
        return fake_sv.phone_number()  # a Swedish number as Faker writes it
    raw = fake_fi.phone_number()
    if rng.random() < 0.15:
        return raw
    national = re.sub(r"\D", "", raw)
    national = re.sub(r"^(?:00358|358)", "", national).lstrip("0")
    if len(national) < 6:
        national = national.rjust(8, "5")
    area, rest = (national[:2], national[2:]) if national[0] in "45" else (national[:1], national[1:])
    a, b = _groups(rest, [3, 4]) if len(rest) > 4 else (rest, "")
    c = _groups(rest, [3, 2, 2])
    forms = [
        f"0{area} {a} {b}", f"0{area}-{rest}", f"0{area} {rest}", f"0{area}-{a} {b}", f"0{area}.{a}.{b}",
        f"(0{area}) {a} {b}", f"(0{area}) {rest}", f"+358 {area} {a} {b}", f"+358{area}{rest}",
        f"(+358) {area} {rest}", f"(+358) {area} {a} {b}", f"+358 (0){area} {a} {b}", f"+358-{area}-{a}-{b}",
        f"00358 {area} {a} {b}", f"0{area} {' '.join(c)}", f"0{area}{rest}", f"+358 {area} {' '.join(c)}",
        f"0{area}/{rest}", f"+358.{area}.{a}.{b}", f"+358 {area}-{rest}",
    ]
    return rng.choice(forms).strip(" -.")


def iban(fake_fi: Faker, fake_se: Faker, rng: random.Random, language: str) -> str:
    value = fake_se.iban() if rng.random() < (0.4 if language == "sv" else 0.1) else fake_fi.iban()
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if rng.random() < 0.5 else value


def generate(language: str, count: int, seed: int = 13) -> list[Message]:
    """`count` messages in `language`, cycling through every template."""
    rng = random.Random(f"{seed}-{language}")
    fake_fi, fake_sv = Faker("fi_FI"), Faker("sv_SE")
    fake_fi.seed_instance(seed)
    fake_sv.seed_instance(seed + 1)
    fake_se_bank = Faker("sv_SE")
    fake_se_bank.add_provider(_SwedishBank)
    fake_se_bank.seed_instance(seed + 2)
    shapes = templates(language)
    # Swedish speakers in Finland have Finnish and Swedish names and live on streets named in either.
    finnish_share = 0.8 if language == "fi" else 0.5
    out = []
    for i in range(count):
        template = shapes[i % len(shapes)]
        person = fake_fi if rng.random() < finnish_share else fake_sv
        place = fake_fi if rng.random() < (0.9 if language == "fi" else 0.6) else fake_sv

        def value(name: str) -> str:
            if name == "first_name":
                return person.first_name()
            if name == "last_name":
                return person.last_name()
            if name == "name":
                return f"{person.first_name()} {person.last_name()}"
            if name == "hetu":
                return fake_fi.ssn()
            if name == "phone":
                return phone(fake_fi, fake_sv, rng, language)
            if name == "email":
                return person.email() if rng.random() < 0.7 else person.free_email()
            if name == "address":
                return place.street_address()
            if name == "street":
                return place.street_name()
            if name == "iban":
                return iban(fake_fi, fake_se_bank, rng, language)
            if name == "postcode_city":
                return f"{place.postcode()} {place.city()}"
            raise KeyError(name)

        text, spans, last = [], [], 0
        length = 0
        for m in PLACEHOLDER.finditer(template):
            before = template[last:m.start()]
            filled = value(m.group(1))
            if m.group(2):
                filled = filled.lower()
            text.append(before)
            length += len(before)
            spans.append(Span(KIND[m.group(1)], length, length + len(filled)))
            text.append(filled)
            length += len(filled)
            last = m.end()
        text.append(template[last:])
        out.append(Message(language, template, "".join(text), tuple(spans)))
    return out
