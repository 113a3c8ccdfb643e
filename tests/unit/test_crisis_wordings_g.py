"""The kinds of wording set G showed the patterns missed (bot/safety/patterns_sv_g.py): a method or the means ready, a
last time, self-harm going on, a child hit seen or heard, a drunk lone carer, urges and voices about the baby, a
relative's farewell and silence; and the near misses sharing their words (a cut finger while cooking, a question about
what one would do, paperwork and work as idioms) left alone. Deterministic (no model): bot.safety.crisis.detect."""

from __future__ import annotations

import pytest

from bot.safety.crisis import detect


@pytest.mark.parametrize(
    "text, category",
    [
        # intent with a method, the means ready, a last time
        ("jag ska skjuta mig med pappas gevär i natt", "suicide"),
        ("tänker köra rakt in i en bergvägg på väg hem", "suicide"),
        ("tabletterna ligger redan framme på bordet", "suicide"),
        ("ikväll blir den sista natten för mig", "suicide"),
        ("det här är sista gången ni hör av mej, tack för allt", "suicide"),
        ("jag har svalt 25 sömntabletter", "overdose"),
        # self-harm going on
        ("har rispat mej med en rakhyvel hela kvällen", "suicide"),
        ("sladden runt halsen drar jag åt nu", "suicide"),
        # a child hit, seen or heard by a bystander
        ("jag hör grannen slå sitt barn igen, det skriker", "child"),
        ("såg nyss en mamma sparka sitt barn på parkeringen", "child"),
        # a lone carer drunk with a small child
        ("pappa är aspackad och ensam hemma med lillebror som är två", "child"),
        ("barnvakten är full och bebisen skriker", "child"),
        # urges and voices about the baby
        ("rösten i huvudet säger åt mig att skada bebisen", "child"),
        ("jag vill skaka honom tills han slutar skrika", "child"),
        # a relative's farewell and silence
        ("min syster skickade ett hejdå-meddelande och svarar inte i telefon", "suicide"),
        ("min son skrev att vi inte ska leta efter honom", "suicide"),
    ],
)
def test_set_g_wordings_are_acute(text: str, category: str) -> None:
    found = detect(text)
    assert found.acute, text
    assert found.category == category


@pytest.mark.parametrize(
    "text",
    [
        # an accidental cut: not self-harm
        "skar mig i fingret när jag lagade mat",
        "jag skar mig i tummen när jag hackade lök",
        # a question about what one would do, a goodbye before a move
        "vad ska man göra om man ser någon slå sitt barn i affären?",
        "det här blir mitt sista meddelande här, vi flyttar till Vasa i vår",
        "ska köra in i garaget och sen hämta barnen",
        # work and paperwork as idioms, a farewell card for a colleague, a theory question
        "jag kommer att ta livet av mig själv med plugg den här veckan",
        "jag håller på att kvävas under tvätthögarna",
        "hur skriver man ett avskedsbrev till en kollega som slutar?",
        "i teorin, ska man lägga ett medvetslöst barn i sidoläge?",
        # Finnish: laughing oneself to death, a child's accident told by age
        "tapan itteni naurusta kun katoin sitä videota",
        "poika joi tiskiainetta kaksivuotiaana, nyt kaikki on hyvin",
    ],
)
def test_set_g_near_misses_stay_quiet(text: str) -> None:
    assert not detect(text).acute, text
