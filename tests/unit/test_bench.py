"""The benchmark's own arithmetic: epoch times from Rasa's training log, extrapolation, percentiles, expectations."""

from __future__ import annotations

import pytest

from bench.conversations import MIX, met
from bench.report import level_stats, training_estimate
from bench.run import epoch_times

LOG = (
    "2026-11-22 INFO rasa.engine.training.hooks  - Starting to train component 'TEDPolicy'.\n"
    "Epochs:   0%|          | 0/100 [00:00<?, ?it/s]Epochs: 100%|##########| 100/100 [00:31<00:00,  3.14it/s]\n"
    "2026-11-22 INFO rasa.engine.training.hooks  - Starting to train component 'DIETClassifier'.\n"
    "Epochs:   0%|          | 0/2 [00:00<?, ?it/s]Epochs:  50%|#####     | 1/2 [01:16<01:16, 76.00s/it]"
    "Epochs: 100%|##########| 2/2 [02:07<00:00, 63.50s/it, t_loss=4.9]\n"
)


def test_epoch_times_are_read_per_component():
    assert epoch_times(LOG) == {
        "TEDPolicy": {"epochs": 100, "first_s": 31, "total_s": 31},  # only the last epoch shown
        "DIETClassifier": {"epochs": 2, "first_s": 76, "total_s": 127},
    }


def test_training_is_extrapolated_from_the_epochs_after_the_first():
    training = {"seconds": 300.0, "epochs": epoch_times(LOG)}
    # DIET: 98 more epochs of 51 s each; TED already ran its 100.
    assert training_estimate(training, 100) == pytest.approx(300 + 98 * 51)


def test_level_statistics():
    turns = [
        {
            "t": i,
            "ms": float(i + 1),
            "status": 200,
            "answered": True,
            "service_cards": i % 2,
            "expected": None if i % 3 else True,
        }
        for i in range(100)
    ]
    turns[0].update(status=0, answered=False)
    stats = level_stats({"concurrency": 10, "window": 20.0, "turns": turns, "sent": 110, "cpu_s": {"rasa_server": 2.2}})
    assert stats["errors"] == 1 and stats["per_s"] == 5.0 and stats["answered"] == 0.99
    assert stats["p50"] == pytest.approx(51.0) and stats["max"] == 100.0
    assert stats["cpu_ms"] == {"rasa_server": pytest.approx(20.0)}


def test_expectations_of_the_mix():
    card = {"custom": {"type": "service", "area": "lappi"}}
    assert met(("services", "lappi"), [{"text": "…"}, card])
    assert not met(("services", "pohjanmaa"), [card])
    assert met(("emergency", None), [{"custom": {"type": "emergency", "numbers": ["112"]}}])
    assert not met(("emergency", None), [{"text": "112"}])
    assert {c.lang for c in MIX} == {"fi", "sv"}
    assert all(0 <= i < len(c.messages) for c in MIX for i in c.expect)
