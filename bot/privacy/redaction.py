"""Replace personal data in free text with typed placeholders before it is stored.

Covers e-mail addresses, Finnish personal identity codes (henkilötunnus) and phone numbers.
"""
from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HETU = re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b", re.IGNORECASE)
PHONE = re.compile(r"(?<![\w])(?:\+358|00358|0)[\s-]?\d{1,3}(?:[\s-]?\d){5,8}(?![\w])")


def redact(text: str) -> str:
    text = EMAIL.sub("[email]", text)
    text = HETU.sub("[hetu]", text)
    return PHONE.sub("[phone]", text)
