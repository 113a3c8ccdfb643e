"""docs/guide-api.yaml describes the console's JSON API, and a third-party fuzzer (schemathesis) checks the
running console against it: with a token no answer is a 5xx, answers match the document, and every
operation refuses the same request without credentials (schemathesis' ignored_auth); without a token
every operation answers 401."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import requests
import yaml

from bot.db import make_engine
from bot.handoff import service
from console import sessions
from console.app import make_app
from tests.conftest import create_schema
from tests.unit.guide_fixtures import RunningConsole, fast_kdf, make_guide  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "docs" / "guide-api.yaml"
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@pytest.fixture
def running(tmp_path, fast_kdf):  # noqa: F811
    engine = make_engine(f"sqlite:///{tmp_path / 'app.db'}")
    create_schema(engine)
    guide = make_guide(engine, "aino", counties=("lappi", "kainuu"))
    admin = make_guide(engine, "boss", counties=(), role="admin")
    for n, county in enumerate(("lappi", "lappi", "kainuu")):  # something to list, read and take
        handoff = service.request(engine, f"person-{n}", county, "fi")
        service.consent(
            engine, handoff.id, {"role": "parent", "concern": "jaksaminen", "area": county, "language": "fi"}
        )
    tokens = {
        "guide": sessions.create_token(engine, guide, days=1, label="fuzz"),
        "admin": sessions.create_token(engine, admin, days=1, label="fuzz-admin"),
    }
    with RunningConsole(make_app(engine, f"sqlite:///{tmp_path / 'tracker.db'}")) as console:
        yield console, tokens
    engine.dispose()


def _operations() -> list[tuple[str, str]]:
    document = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    return [
        (method.upper(), path)
        for path, item in document["paths"].items()
        for method in item
        if method in ("get", "post", "put", "delete")
    ]


def test_the_document_names_every_api_route():
    from console import api

    routes = {(r.method, r.path) for r in api.routes}
    assert routes == set(_operations())


def _schemathesis(url: str, *extra: str, examples: int) -> subprocess.CompletedProcess:
    assert SCHEMATHESIS.exists() or shutil.which("schemathesis"), "schemathesis is a test dependency"
    return subprocess.run(
        [
            str(SCHEMATHESIS),
            "run",
            str(DOCUMENT),
            "--url",
            url,
            "--seed",
            "13",
            "--max-examples",
            str(examples),
            "--workers",
            "1",
            "--request-timeout",
            "20",
            "--phases",
            "examples,coverage,fuzzing",
            "--suppress-health-check",
            "all",
            "--warnings",
            "off",
            *extra,
        ],
        # its example database and reports go to the temporary folder, not the repository
        cwd=tempfile.gettempdir(),
        capture_output=True,
        text=True,
        timeout=900,
    )


CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,ignored_auth"


@pytest.mark.parametrize("who", ["guide", "admin"])
def test_schemathesis_finds_no_server_error_and_no_route_that_ignores_auth(running, who):
    console, tokens = running
    auth = ("--header", f"Authorization: Bearer {tokens[who]}", "--checks", CHECKS)
    # Revoking last: schemathesis reuses ids it has seen in answers, so it revokes the very token it runs
    # with (as it should be able to), and everything after that would only be a 401.
    run = _schemathesis(console.url, *auth, "--exclude-operation-id", "revokeToken", examples=8)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    run = _schemathesis(console.url, *auth, "--include-operation-id", "revokeToken", examples=8)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]


def test_without_credentials_every_operation_is_refused(running):
    console, _tokens = running
    run = _schemathesis(console.url, "--checks", "not_a_server_error,status_code_conformance", examples=4)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    for method, path in _operations():
        concrete = path.replace("{handoff_id}", "x").replace("{county}", "lappi").replace("{token_id}", "0" * 12)
        answer = requests.request(method, f"{console.url}{concrete}", json={}, timeout=10)
        assert answer.status_code == 401 and answer.json()["error"] == "login_required", (method, path)
        forged = requests.request(
            method, f"{console.url}{concrete}", json={}, timeout=10, headers={"Authorization": "Bearer vgt_forged"}
        )
        assert forged.status_code == 401, (method, path)
