"""Redaction on messages from an independent generator (Faker fi_FI/sv_SE values in blind and own sentence
shapes, tests/privacy/generated.py), seeded. Figures: `python -m tests.privacy.measure_generated`."""

from __future__ import annotations

import pytest

from tests.privacy.generated import generate, templates
from tests.privacy.measure_generated import report, score

COUNT = 1500  # per language; the measure script runs 3000
# Fixed formats: nothing may be left. Street addresses: the target (≤ 1 % of the messages that
# hold one keep any part). Names: the target is 1 %; the redactor measures 1.3-1.4 % on this generator
# (docs/privacy-and-crisis.md, "Privacy"), and the bar sits just above that so that a regression fails the build.
MAX_MESSAGES_LEFT = {"hetu": 0.0, "phone": 0.0, "email": 0.0, "iban": 0.0, "address": 0.01, "name": 0.02}
MAX_FALSE_POSITIVES = 0.01  # of the words of ordinary messages


@pytest.fixture(scope="module", params=["fi", "sv"])
def figures(request):
    return score(request.param, generate(request.param, COUNT, seed=13))


def test_enough_shapes_and_messages(figures):
    assert len(templates(figures.language)) >= 40
    assert figures.messages == COUNT and all(figures.with_kind[k] >= 50 for k in MAX_MESSAGES_LEFT)


@pytest.mark.parametrize("kind", sorted(MAX_MESSAGES_LEFT))
def test_personal_data_left(figures, kind):
    assert figures.share_left(kind) <= MAX_MESSAGES_LEFT[kind], report([figures], examples=10)


def test_false_positives_on_ordinary_messages(figures):
    assert figures.ordinary_words >= 500
    assert figures.false_positive_rate <= MAX_FALSE_POSITIVES, report([figures], examples=10)


def test_cost_per_message_stays_small(figures):
    figures.ms.sort()
    assert figures.ms[len(figures.ms) // 2] < 50  # milliseconds; it runs on every stored event


def test_generation_is_seeded():
    assert [m.text for m in generate("fi", 20, seed=5)] == [m.text for m in generate("fi", 20, seed=5)]
