"""Wording checks that stay after the language review (issue 15, docs/language-review.md):

- no Swedish text of the domain, the UI labels (bot/labels.yml) or the service directory says "missbruk" (harsher than the Finnish
  "päihteiden käyttö"), except in a proper name on the allow-list;
- a Finnish text and its Swedish pair contain the same numbers and phone numbers, except the numbers
  of Swedish-language lines that only the Swedish text adds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.domain import load_domain
from bot.labels import LABELS_PATH, labels

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bot" / "directory" / "data"
DOMAIN = load_domain()

# Established proper names that contain the word (none are in use today; add with the source).
MISSBRUK_ALLOWED: tuple[str, ...] = ()
# Swedish-language lines a Swedish text names next to (or instead of) the Finnish line.
SWEDISH_ONLY_NUMBERS = {"0925250112", "080096116"}
NUMBER = re.compile(r"\+?\d[\d ]*\d|\d")


def numbers(text: str) -> set[str]:
    """Every number in a text, phone numbers without their spaces ("09 2525 0111" → "0925250111")."""
    return {n.replace(" ", "") for n in NUMBER.findall(text)}


def missbruk(text: str) -> list[str]:
    for name in MISSBRUK_ALLOWED:
        text = text.replace(name, "")
    return re.findall(r"\w*missbruk\w*", text, flags=re.IGNORECASE)


def _domain_pairs() -> list[tuple[str, str, str]]:
    pairs = []
    for name, variations in DOMAIN["responses"].items():
        by_key: dict[tuple, dict[str, str]] = {}
        for v in variations:
            lang = next((c["value"] for c in v.get("condition") or [] if c.get("name") == "language"), None)
            texts = [v.get("text") or ""] + [b.get("title", "") for b in v.get("buttons") or []]
            by_key.setdefault((v.get("channel"),), {})[lang] = "\n".join(texts)
        for (channel,), langs in by_key.items():
            pairs.append((f"{name}" + (f" ({channel})" if channel else ""), langs.get("fi", ""), langs.get("sv", "")))
    return pairs


def _label_pairs() -> list[tuple[str, str, str]]:
    """Every UI label's Finnish and Swedish (bot/labels.yml)."""
    return [(f"labels.yml {name}", wording.get("fi", ""), wording.get("sv", "")) for name, wording in labels().items()]


def _directory_pairs(paths) -> list[tuple[str, str, str]]:
    """Every {fi, sv} pair of text in the directory files (names, descriptions), not addresses."""
    found = []

    def walk(node, where):
        if isinstance(node, dict):
            if (
                isinstance(node.get("fi"), str)
                and isinstance(node.get("sv"), str)
                and not node["sv"].startswith("http")
            ):
                found.append((where, node["fi"], node["sv"]))
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{node[i].get('id', i) if isinstance(node[i], dict) else i}]")

    for path in paths:
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
    return found


OWN_FILES = [DATA / "categories.yml", DATA / "helplines.yml", DATA / "counties.yml"]
SERVICE_FILES = sorted((DATA / "services").glob("*.yml"))


def test_the_checks_see_the_texts():
    assert len(_domain_pairs()) > 100 and len(_directory_pairs(OWN_FILES)) > 40 and len(_label_pairs()) > 30
    assert len(_directory_pairs(SERVICE_FILES)) > 300
    assert missbruk("vid missbruk (HAL)") == ["missbruk"] and missbruk("rusmedelsbruk") == []
    assert numbers("ring 09 2525 0111 eller 112, 25 c §") == {"0925250111", "112", "25"}


@pytest.mark.parametrize(
    "where,fi,sv", _domain_pairs() + _label_pairs(), ids=[p[0] for p in _domain_pairs() + _label_pairs()]
)
def test_no_missbruk_in_the_domains_swedish(where, fi, sv):
    assert missbruk(sv) == [], where


def test_no_missbruk_in_the_swedish_of_categories_helplines_and_counties():
    assert [(where, missbruk(sv)) for where, _, sv in _directory_pairs(OWN_FILES) if missbruk(sv)] == []


# The services' Swedish is being rewritten on the research branches (issue 15 item 8); until they are
# merged this may fail there. Not strict: it passes as soon as the texts are fixed.
def test_no_missbruk_in_the_swedish_of_the_services():
    assert [(where, missbruk(sv)) for where, _, sv in _directory_pairs(SERVICE_FILES) if missbruk(sv)] == []


def test_finnish_and_swedish_responses_contain_the_same_numbers():
    differ = [
        (where, numbers(fi) ^ numbers(sv))
        for where, fi, sv in _domain_pairs() + _label_pairs()
        if (numbers(fi) ^ numbers(sv)) - SWEDISH_ONLY_NUMBERS
    ]
    assert differ == []


def test_finnish_and_swedish_directory_texts_contain_the_same_numbers():
    differ = [
        (where, numbers(fi) ^ numbers(sv))
        for where, fi, sv in _directory_pairs(OWN_FILES)
        if (numbers(fi) ^ numbers(sv)) - SWEDISH_ONLY_NUMBERS
    ]
    assert differ == []


def test_finnish_and_swedish_service_texts_contain_the_same_numbers():
    differ = [
        (where, numbers(fi) ^ numbers(sv))
        for where, fi, sv in _directory_pairs(SERVICE_FILES)
        if (numbers(fi) ^ numbers(sv)) - SWEDISH_ONLY_NUMBERS
    ]
    assert differ == []


def _split_pairs(node, where="") -> list[str]:
    """{fi, sv} mappings with extra empty keys: an unquoted comma in a YAML flow mapping
    (`name: {fi: Lastenneuvola, Porvoo, sv: …}`) cuts the text at the comma without any YAML error."""
    found = []
    if isinstance(node, dict):
        if "fi" in node and any(value is None for value in node.values()):
            found.append(f"{where}: {sorted(k for k, v in node.items() if v is None)}")
        for key, value in node.items():
            found += _split_pairs(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _split_pairs(value, f"{where}[{value.get('id', i) if isinstance(value, dict) else i}]")
    return found


@pytest.mark.parametrize("path", OWN_FILES + SERVICE_FILES + [LABELS_PATH], ids=lambda p: p.name)
def test_no_text_is_cut_at_a_comma(path):
    assert _split_pairs(yaml.safe_load(path.read_text(encoding="utf-8")), path.name) == []


def test_the_cut_check_sees_a_cut_name():
    assert _split_pairs(yaml.safe_load("name: {fi: Lastenneuvola, Porvoo, sv: Barnrådgivningen i Borgå}")) == [
        ".name: ['Porvoo']"
    ]
