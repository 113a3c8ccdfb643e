"""Redaction of personal data: the rules one by one, and recall/false positives on the labelled sets."""

from __future__ import annotations

import pytest

from bot.privacy.redaction import find, offset_map, redact, redact_value
from tests.privacy.measure import measure, report


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hetu 131052-308T", "hetu [hetu]"),
        ("hetu 131052-308U", "hetu 131052-308U"),  # wrong check character: an order number, not a hetu
        ("hetu 310252-308T", "hetu 310252-308T"),  # 31 February does not exist
        ("tili FI21 1234 5600 0007 85", "tili [iban]"),
        ("tili FI21 1234 5600 0007 86", "tili FI21 1234 5600 0007 86"),  # mod-97 fails
        ("soita 040 123 4567 tai +358 50 765 4321", "soita [phone] tai [phone]"),
        ("MIELI 09 2525 0111 ja 112", "MIELI 09 2525 0111 ja 112"),  # public numbers stay
        ("mikko.v@gmail.com", "[email]"),
        ("asun Kauppakatu 12 B 4, 90100 Oulu", "asun [address]"),
        ("jag bor på Storgatan 5", "jag bor på [address]"),
        ("valtatie 4 on kiinni", "valtatie 4 on kiinni"),
        ("nimeni on Mikko Virtanen", "nimeni on [name] [name]"),
        ("jag heter Anna", "jag heter [name]"),
        ("Anna mulle apua", "Anna mulle apua"),  # the verb, not the name
        ("asun Sallassa ja Kaarinassa", "asun Sallassa ja Kaarinassa"),  # places stay for the resolver
        ("Jari Lahti soitti", "[name] [name] soitti"),
        ("puhuin Mikon kanssa", "puhuin [name] kanssa"),
        # phones as people write them (issue 13)
        ("puh (+358) 40 1234567", "puh [phone]"),
        ("soita +358 (0)40 123 4567", "soita [phone]"),
        ("puh.040.123.4567", "puh.[phone]"),
        ("ring 08-123 45 67", "ring [phone]"),
        ("tavataan 01.02.2024 klo 09.30-16.00", "tavataan 01.02.2024 klo 09.30-16.00"),  # a date and a time
        ("konto SE08 3080 2300 2531 5754 6453 om ni vill", "konto [iban] om ni vill"),
        # streets without a house number, and in words
        ("asutaan Jännekadulla", "asutaan [address]"),
        ("vi bor på Nygatan i ett höghus", "vi bor på [address] i ett höghus"),
        ("asun Gunnel Nymanin katu 6", "asun [address]"),
        ("asun Pyhärannassa", "asun Pyhärannassa"),  # a municipality, not a street
        ("Kvällen är värst", "Kvällen är värst"),
        # names by Voikko's dictionary and by context
        ("Kustaa Pääkkönen täällä, vauva on 3kk", "[name] [name] täällä, vauva on 3kk"),
        ("jonny här, vet inte vad jag ska göra", "[name] här, vet inte vad jag ska göra"),
        ("Kiitos! -Marja", "Kiitos! -[name]"),
        ("Kontakt: Mika Lehtinen", "Kontakt: [name] [name]"),
        ("kan man ringa Toivo anonymt?", "kan man ringa Toivo anonymt?"),  # the service
        ("toivo alkaa loppua", "toivo alkaa loppua"),
        ("lasten isä lähti eikä maksa", "lasten isä lähti eikä maksa"),
        ("meillä on paljon riitaa", "meillä on paljon riitaa"),  # quarrel, not a form of Riitta
        ("olen terveydenhoitaja, milloin pitää ilmoittaa", "olen terveydenhoitaja, milloin pitää ilmoittaa"),
    ],
)
def test_redaction_rules(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "nimeni on Mikko, puh 040 123 4567, hetu 131052-308T, Kauppakatu 12 B 4",
        "jag heter Anna, ring 050-7654321, mejla anna@x.fi",
    ],
)
def test_redaction_is_idempotent(text):
    once = redact(text)
    assert redact(once) == once
    assert "[name]" in once


def test_offsets_follow_the_placeholders():
    text = "nimeni on Mikko ja asun Oulussa"
    findings = find(text)
    shifted = offset_map(findings)
    redacted = redact(text)
    start = text.index("Oulussa")
    assert redacted[shifted(start) : shifted(start + len("Oulussa"))] == "Oulussa"
    assert redacted[shifted(text.index("Mikko"))] == "["


def test_nested_values_are_redacted():
    value = {"language": "sv", "note": ["ring 040 123 4567"], "n": 3}
    assert redact_value(value) == {"language": "sv", "note": ["ring [phone]"], "n": 3}


# Thresholds. Structured identifiers have a fixed format (and a checksum for hetu and IBAN): missing one
# on the labelled set is a bug, so they must all be found. Street addresses and names depend on
# wording; the set was built to include hard cases (sentence-initial names that are also words,
# street names without a suffix). The bars sit a few points under what the current redactor measures,
# so a regression fails the build while one new hard example does not.
MIN_RECALL = {"email": 1.0, "hetu": 1.0, "iban": 1.0, "phone": 1.0, "address": 0.85, "name": 0.9}
MIN_RECALL_ALL = 0.95
MAX_CLEAN_MESSAGES_HIT = 0.03  # share of messages without personal data that lose a word anyway


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_recall_and_false_positives_on_the_labelled_set(language, capsys):
    result = measure(language)
    with capsys.disabled():
        print(f"\nredaction, {language}:\n{report([result])}")
    for kind, minimum in MIN_RECALL.items():
        assert result.recall(kind) >= minimum, (kind, result.recall(kind))
    assert result.recall() >= MIN_RECALL_ALL
    assert result.clean_messages >= 50 and sum(result.labelled.values()) >= 70
    assert result.clean_messages_hit / result.clean_messages <= MAX_CLEAN_MESSAGES_HIT


def test_a_sentence_break_before_the_name_does_not_break_the_redactor():
    # "Anna." ends a sentence, so "Tapani" starts the next one: the "X [name] tässä" rule has no next word
    # in the same sentence to look at (it raised AttributeError).
    assert "Tapani" not in redact("Anna. Tapani tässä")
    assert "Tapani" not in redact("moi Mikko. Tapani tässä")
