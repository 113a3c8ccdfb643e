"""1,000 generated inputs through the real REST channel: odd text, binary, huge messages, wrong JSON types,
odd sender ids and metadata. Nothing may produce a server error or stop the server."""

from __future__ import annotations

import json

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TEXT = st.one_of(
    st.text(max_size=60),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=200, max_size=2500),  # cut at 2,000
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),  # bytes as they come off a broken client
    st.sampled_from(
        [
            "",
            " ",
            "/",
            "/emergency",
            "/affirm{",
            '/inform_role{"role": "x"}',
            "/unknown_intent",
            "{{}}",
            "%s%s%s",
            "\u202e\u200b",
            "🙂" * 300,
            "mun mies juo " * 300,
            "a" * 10_000,
        ]
    ),
)
MESSAGE = st.one_of(
    TEXT,
    TEXT,
    TEXT,
    st.none(),
    st.integers(),
    st.floats(allow_nan=True),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5)),
)
SENDER = st.one_of(
    st.text(min_size=1, max_size=40),
    st.text(min_size=120, max_size=140),
    st.just(""),
    st.none(),
    st.integers(),
    st.uuids().map(str),
)
METADATA = st.one_of(
    st.none(),
    st.dictionaries(
        st.sampled_from(["language", "x"]), st.one_of(st.sampled_from(["fi", "sv", "en"]), st.integers(), st.none())
    ),
    st.text(max_size=10),
)
BODY = st.one_of(
    st.fixed_dictionaries({"sender": SENDER, "message": MESSAGE}, optional={"metadata": METADATA}).map(json.dumps),
    st.binary(max_size=300),  # not JSON at all
    st.sampled_from(["", "null", "[]", '"text"', "{", '{"sender": "x"}', '{"message": "hei"}']),
)


@settings(
    max_examples=1000,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(body=BODY)
def test_generated_input_never_breaks_the_channel(viitta, body):
    response = requests.post(
        f"{viitta}/webhooks/rest/webhook", data=body, timeout=60, headers={"Content-Type": "application/json"}
    )
    assert response.status_code < 500, (body, response.status_code, response.text[:300])
    if response.status_code == 200:
        assert isinstance(response.json(), list)


def test_the_server_is_still_up_after_the_fuzzing(viitta):
    assert requests.get(f"{viitta}/", timeout=10).status_code == 200
    replies = requests.post(
        f"{viitta}/webhooks/rest/webhook", json={"sender": "after-fuzz", "message": "hei"}, timeout=30
    ).json()
    assert replies and replies[0].get("text")
