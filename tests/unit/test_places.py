"""The municipality resolver over all 308 names, their inflections, Swedish names and typos."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from bot.places import registry, resolver
from bot.places.finnish import fold

DATA = Path(__file__).resolve().parent.parent / "data"
MENTIONS = Path(__file__).resolve().parent.parent / "nlu" / "municipality_mentions.yml"
MUNICIPALITIES = registry.municipalities()


def _found(text: str):
    place = resolver.resolve(text)
    return place.municipality if place else None


def test_there_are_308_municipalities_in_23_areas():
    assert len(MUNICIPALITIES) == 308
    assert len({m.county for m in MUNICIPALITIES.values()}) == 23


def test_county_numbers_come_from_the_counties_file():
    """Statistics Finland's numbers 01–21, 90 (Helsinki) and 91 (Åland), each paired in counties.yml only."""
    assert sorted(registry.county_codes()) == [f"{n:02}" for n in range(1, 22)] + ["90", "91"]
    assert set(registry.county_codes().values()) == set(registry.county_names())
    assert registry.county_codes()["17"] == "pohjanmaa" and registry.county_codes()["90"] == "helsinki"


@pytest.mark.parametrize("name", sorted(MUNICIPALITIES))
def test_every_name_resolves_in_both_languages_and_without_diacritics(name):
    m = MUNICIPALITIES[name]
    for written in {m.name_fi, m.name_sv, m.name_fi.lower(), fold(m.name_fi), m.name_sv.lower()}:
        assert _found(written) == name, written


def _forms():
    with (DATA / "municipality_forms.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("row", _forms(), ids=lambda r: r["name_fi"])
def test_inflected_forms_resolve(row):
    for case in ("locative", "elative", "illative", "genitive"):
        form = row[case]
        for written in (form, form.lower(), fold(form)):
            assert _found(f"asun {written}" if case == "locative" else written) == row["name_fi"], written


def test_labelled_mentions_resolve_at_least_98_percent():
    items = yaml.safe_load(MENTIONS.read_text(encoding="utf-8"))["mentions"]
    wrong = [(i["text"], i["municipality"], _found(i["text"])) for i in items if _found(i["text"]) != i["municipality"]]
    accuracy = 1 - len(wrong) / len(items)
    assert accuracy >= 0.98, f"accuracy {accuracy:.3f}; wrong: {wrong[:20]}"


@pytest.mark.parametrize(
    "text, county",
    [
        ("asun Lapissa", "lappi"),
        ("vi bor i Österbotten", "pohjanmaa"),
        ("pohjois pohjanmaalla", "pohjois-pohjanmaa"),
        ("Kainuussa", "kainuu"),
        ("i Egentliga Finland", "varsinais-suomi"),
    ],
)
def test_a_region_name_gives_the_county_only(text, county):
    place = resolver.resolve(text)
    assert place and place.municipality is None and place.county == county


@pytest.mark.parametrize(
    "text",
    [
        "olin kolarissa viime viikolla",
        "mun mies juo liikaa ja meil on vauva",
        "min sambo dricker och vi har en bebis",
        "tarviisin apua",
        "se on ihan salaa",
        "nokia-puhelin hajosi",
        "turvakotiin pääsee suoraan",
    ],
)
def test_everyday_words_are_not_places(text):
    assert resolver.find_places(text) == []


def test_an_ambiguous_name_counts_with_a_location_cue_or_as_a_bare_answer():
    assert _found("asun kolarissa") == "Kolari"
    assert _found("Kolari") == "Kolari"
    assert _found("olin eilen kolarissa ja auto meni rikki") is None


def test_typos_get_the_nearest_names():
    assert _found("rovanimi") == "Rovaniemi"
    assert resolver.suggest("Pelkosniemi")[0] == "Pelkosenniemi"
    assert resolver.suggest("xyzzy qwerty") == []


@pytest.mark.parametrize(
    "text, home",
    [
        ("Nyt ex on saanut uuden työn Tampereelta ja muuttaa sinne. Mä asun Kotkassa lasten kanssa", "Kotka"),
        ("Mummi on Rovaniemellä mutta me asutaan Kemissä", "Kemi"),
        ("Min mamma bor i Vasa, men jag bor i Jakobstad med barnen", "Pietarsaari"),
        ("Vauva on 2 kk. Mies on töissä Helsingissä, oon päivät yksin täällä Hämeenlinnassa", "Hämeenlinna"),
        ("Hej, jobbar här i Vasa och min syster i Åbo", "Vaasa"),
        # Where someone else lives or works is not the writer's home.
        ("Äiti asuu Rovaniemellä ja mä oon Oulusta", "Oulu"),
        ("Pappa bor i Åbo och vi är i Salo", "Salo"),
        ("Mun ex asuu Turussa. Itse oon Salosta", "Salo"),
        # With no cue at all the first place stays.
        ("Rovaniemi vai Oulu, en tiedä", "Rovaniemi"),
    ],
)
def test_the_writers_own_verb_of_living_picks_the_home(text, home):
    assert _found(text) == home
