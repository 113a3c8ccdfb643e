"""The safety net's parts that run in both runtimes (tests/conftest.py): the counties' reviewed contact lines
and the per-sender rate limit. What needs Rasa (the crisis detector, the policy, the channel) is in
test_safety.py."""

from __future__ import annotations

from bot.safety.contacts import county_contact, county_of
from connectors.limits import RateLimiter


def test_county_contact_comes_from_the_reviewed_data():
    line = county_contact("lappi", "fi")
    assert line.startswith("Lapin hyvinvointialue:") and "040 726 6965" in line
    assert county_contact("pohjanmaa", "sv").startswith("Österbottens välfärdsområde")
    assert county_of(None, "Kemi") == "lappi" and county_contact(None, "fi") is None


def test_the_rate_limit_counts_a_sliding_minute_per_sender():
    now = [0.0]
    limiter = RateLimiter(3, clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")  # another sender is not affected
    now[0] = 59.0
    assert not limiter.allow("a")
    now[0] = 60.5
    assert limiter.allow("a")
    assert RateLimiter(0).allow("x")  # 0 switches it off


def test_the_rate_limit_forgets_the_oldest_senders_first():
    limiter = RateLimiter(1, max_senders=2)
    for sender in ("a", "b", "c"):
        assert limiter.allow(sender)
    assert limiter.allow("a")  # "a" was forgotten, so it starts afresh
