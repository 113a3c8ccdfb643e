"""Finnish phone numbers as PTV gives them (`prefixNumber` + `number`, or a Finnish service number) in the two
forms Viitta keeps: the Finnish written form people read and dial ("040 123 4567", "06 325 2347",
"0800 12345", "116 117") and E.164 for links and machines ("+358401234567"; none for short national numbers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# Trunk codes that are followed by a service-number range rather than a local number (020x, 029x, 030x ...).
_SERVICE_PREFIXES = ("020", "029", "030", "060", "070", "075", "080")


@dataclass(frozen=True)
class Phone:
    national: str  # the Finnish written form
    e164: Optional[str]  # None for short national numbers (116 117) that cannot be dialled from abroad


def from_ptv(prefix: Optional[str], number: str, finnish_service_number: bool = False) -> Optional[Phone]:
    """PTV's two fields as one number; None when there are no digits."""
    digits = re.sub(r"\D", "", number or "")
    prefix_digits = re.sub(r"\D", "", prefix or "")
    if not digits:
        return None
    if prefix_digits and prefix_digits != "358" and not finnish_service_number:
        return Phone(f"+{prefix_digits} {' '.join(str(number).split())}", f"+{prefix_digits}{digits}")
    if digits.startswith("358") and len(digits) > 8:
        digits = digits[3:]
    if not digits.startswith("0") and not (len(digits) <= 6 and digits.startswith("1")):
        digits = "0" + digits  # PTV writes "+358" + "40 123 4567": the trunk 0 is left out
    grouped = national(digits)
    groups = str(number).replace("-", " ").split()
    if len(groups) > 1 and all(g.isdigit() for g in groups) and "".join(groups).lstrip("0") == digits.lstrip("0"):
        # The county grouped the number itself ("08 6150 1102"): keep its grouping, with the trunk 0.
        if digits.startswith("0") and not groups[0].startswith("0"):
            groups[0] = "0" + groups[0]
        return Phone(" ".join(groups), grouped.e164)
    return grouped


def national(digits: str) -> Phone:
    """Group a Finnish national number: trunk code, then the rest (first three digits apart when long)."""
    if not digits.startswith("0"):  # a short national number: 112, 116 117, 116 111
        grouped = digits if len(digits) <= 3 else f"{digits[:3]} {digits[3:]}"
        return Phone(grouped, None)
    if digits[:3] in _SERVICE_PREFIXES or digits.startswith("010"):
        code_length = 4 if digits[:3] in _SERVICE_PREFIXES else 3
    elif digits.startswith(("04", "050")) or digits[:2] == "01":
        code_length = 3  # mobiles 040–050 and the area codes 013–019
    else:
        code_length = 2  # the area codes 02, 03, 05, 06, 08, 09
    code, rest = digits[:code_length], digits[code_length:]
    body = rest if len(rest) <= 5 else f"{rest[:3]} {rest[3:]}"
    return Phone(f"{code} {body}".strip(), "+358" + digits[1:])
