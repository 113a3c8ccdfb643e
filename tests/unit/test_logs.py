"""Logs: no message text at INFO and above, sender ids hashed, personal data redacted from tracebacks."""

from __future__ import annotations

import io
import logging

import pytest

from bot.privacy import logs

SENDER = "telegram-123456789"
TEXT = "mun mies Jari lyö mua, soita 040 123 4567"


@pytest.fixture
def captured():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("viitta.test.logs")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logs.install()
    yield logger, stream
    logger.removeHandler(handler)


def test_info_lines_carry_neither_the_text_nor_the_sender(captured):
    logger, stream = captured
    with logs.turn(SENDER, TEXT):
        logger.info("Received message %r from %s", TEXT, SENDER)
        logger.warning("tracker unavailable for %s", SENDER)
    out = stream.getvalue()
    assert TEXT not in out and SENDER not in out and "040 123 4567" not in out and "Jari" not in out
    assert out.count(logs.pseudonym(SENDER)) == 2 and "[message]" in out


def test_debug_keeps_the_text_but_hashes_the_sender(captured):
    logger, stream = captured
    with logs.turn(SENDER, TEXT):
        logger.debug("parsed %r for %s", TEXT, SENDER)
    out = stream.getvalue()
    assert TEXT in out and SENDER not in out and logs.pseudonym(SENDER) in out


def test_tracebacks_are_redacted(captured):
    logger, stream = captured
    with logs.turn(SENDER, "x"):
        try:
            raise ValueError("could not parse 'asun Kauppakatu 12 B 4, soita 040 123 4567'")
        except ValueError:
            logger.exception("component failed")
    out = stream.getvalue()
    assert "ValueError" in out and "040 123 4567" not in out and "Kauppakatu" not in out


def test_pseudonyms_are_stable_and_differ_between_senders():
    assert logs.pseudonym("a") == logs.pseudonym("a") != logs.pseudonym("b")
    assert logs.pseudonym("a").startswith("c-") and len(logs.pseudonym("a")) == 14
