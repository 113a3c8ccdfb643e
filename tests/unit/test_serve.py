"""Start-up settings: the HTTP API is never open to the network without a token."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot import serve, settings


@pytest.fixture(autouse=True)
def fresh_settings():
    settings.get_settings.cache_clear()
    yield
    settings.get_settings.cache_clear()


def test_without_a_token_the_http_api_is_off(monkeypatch, tmp_path):
    monkeypatch.delenv("RASA_TOKEN", raising=False)
    for host in ("127.0.0.1", "0.0.0.0"):  # the channels may face the network; the API never without a token
        monkeypatch.setenv("RASA_HOST", host)
        settings.get_settings.cache_clear()
        _, rasa = serve.commands(tmp_path / "endpoints.yml")
        assert "--enable-api" not in rasa and "--auth-token" not in rasa


def test_a_token_switches_the_http_api_on_behind_it(monkeypatch, tmp_path):
    monkeypatch.setenv("RASA_HOST", "0.0.0.0")
    monkeypatch.setenv("RASA_TOKEN", "s3cret")
    _, rasa = serve.commands(tmp_path / "endpoints.yml")
    assert "--enable-api" in rasa and rasa[rasa.index("--auth-token") + 1] == "s3cret"


def test_the_action_server_is_ours_bound_to_action_host(monkeypatch, tmp_path):
    actions, _ = serve.commands(tmp_path / "endpoints.yml")
    assert actions[1:3] == ["-m", "bot.action_server"]


@pytest.mark.rasa_only  # loads the endpoints with Rasa
def test_the_action_token_reaches_rasa_only_through_the_environment(monkeypatch, tmp_path):
    import yaml
    from rasa.utils.endpoints import read_endpoint_config

    path = serve.write_endpoints(tmp_path / "e.yml", action_token=True)
    assert yaml.safe_load(path.read_text())["action_endpoint"]["token"] == "${ACTION_TOKEN}"
    monkeypatch.setenv("ACTION_TOKEN", "per-run-secret")
    assert read_endpoint_config(str(path), "action_endpoint").token == "per-run-secret"
    assert "token" not in yaml.safe_load(serve.write_endpoints(tmp_path / "f.yml").read_text())["action_endpoint"]


def test_an_action_server_off_loopback_needs_a_secret(monkeypatch):
    monkeypatch.setenv("ACTION_HOST", "0.0.0.0")
    monkeypatch.delenv("ACTION_TOKEN", raising=False)
    monkeypatch.setattr(serve.subprocess, "Popen", lambda *a, **k: pytest.fail("started without a secret"))
    with pytest.raises(SystemExit, match="ACTION_TOKEN"):
        serve.main(["--actions-only"])


def test_the_tracker_store_follows_one_url():
    assert serve.tracker_store_config("sqlite:////tmp/t.db") == {
        "type": "bot.server.tracker_store.RedactingTrackerStore",
        "dialect": "sqlite",
        "db": "/tmp/t.db",
    }
    pg = serve.tracker_store_config("postgresql://viitta:pw@db.local:5433/tracker")
    assert pg["dialect"] == "postgresql" and pg["url"] == "db.local" and pg["port"] == 5433 and pg["db"] == "tracker"
    assert pg["type"] == "bot.server.tracker_store.RedactingTrackerStore"


@pytest.mark.rasa_only  # loads the endpoints with Rasa
def test_passwords_stay_out_of_the_endpoints_file(monkeypatch, tmp_path):
    monkeypatch.setenv("TRACKER_STORE_URL", "postgresql://viitta:tracker-secret@db.local/tracker")
    monkeypatch.setenv("LOCK_STORE_URL", "redis://:lock-secret@cache.local:6380/2?key_prefix=viitta")
    path = serve.write_endpoints(tmp_path / "e.yml")
    written = path.read_text()
    assert "tracker-secret" not in written and "lock-secret" not in written
    assert serve.secret_environment() == {
        "VIITTA_TRACKER_PASSWORD": "tracker-secret",
        "VIITTA_LOCK_PASSWORD": "lock-secret",
    }
    # Rasa reads the file with ${VAR} substitution from the environment the Rasa server gets.
    from rasa.utils.endpoints import read_endpoint_config

    monkeypatch.setenv("VIITTA_TRACKER_PASSWORD", "tracker-secret")
    monkeypatch.setenv("VIITTA_LOCK_PASSWORD", "lock-secret")
    tracker = read_endpoint_config(str(path), "tracker_store")
    lock = read_endpoint_config(str(path), "lock_store")
    assert tracker.kwargs["password"] == "tracker-secret"
    assert lock.type == "bot.server.lock_store.AtomicRedisLockStore" and lock.url == "cache.local"
    assert lock.kwargs["port"] == 6380
    assert lock.kwargs["db"] == 2 and lock.kwargs["password"] == "lock-secret" and lock.kwargs["key_prefix"] == "viitta"


def test_no_lock_store_url_keeps_rasas_in_process_lock(monkeypatch, tmp_path):
    import yaml

    monkeypatch.delenv("LOCK_STORE_URL", raising=False)
    assert "lock_store" not in yaml.safe_load(serve.write_endpoints(tmp_path / "e.yml").read_text())
    with pytest.raises(SystemExit, match="redis"):
        serve.lock_store_config("memcached://x")


def test_endpoints_point_at_the_configured_action_server(monkeypatch, tmp_path):
    import yaml

    monkeypatch.setenv("ACTION_PORT", "6055")
    path = serve.write_endpoints(tmp_path / "e.yml")
    assert yaml.safe_load(path.read_text())["action_endpoint"]["url"] == "http://127.0.0.1:6055/webhook"


def test_the_shell_is_the_patched_rasa_with_its_own_action_server(monkeypatch, tmp_path):
    """`make shell` (python -m bot.serve --shell): Rasa's shell through bot.server on RASA_PORT, the endpoints
    of the settings, and an action server of its own on a free port, so that it runs next to `make run`."""
    import yaml

    monkeypatch.setenv("RASA_PORT", "5006")
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.delenv("ACTION_TOKEN", raising=False)
    monkeypatch.setattr(serve, "ROOT", tmp_path)
    monkeypatch.setenv("RASA_PYTHON", sys.executable)
    started = []

    class Finished:
        def __init__(self, command, **kwargs):
            started.append((command, kwargs))
            self.returncode = 0

        def poll(self):
            return 0

        def terminate(self):
            pass

        def wait(self, timeout=None):
            return 0

    monkeypatch.setattr(serve.subprocess, "Popen", Finished)
    monkeypatch.setattr(serve.signal, "signal", lambda *_: None)
    assert serve.main(["--shell"]) == 0
    (actions, action_kwargs), (rasa, rasa_kwargs) = started
    assert rasa[1:4] == ["-m", "bot.server", "shell"] and rasa[rasa.index("--port") + 1] == "5006"
    assert "--enable-api" not in rasa and "--credentials" not in rasa
    port = int(actions[actions.index("--port") + 1])
    assert port != 5055 and action_kwargs["stdin"] is serve.subprocess.DEVNULL
    endpoints = yaml.safe_load(Path(rasa[rasa.index("--endpoints") + 1]).read_text())
    assert endpoints["action_endpoint"] == {"url": f"http://127.0.0.1:{port}/webhook", "token": "${ACTION_TOKEN}"}
    assert endpoints["tracker_store"]["db"] == str(tmp_path / "tracker.db")
    assert action_kwargs["env"]["ACTION_TOKEN"] == rasa_kwargs["env"]["ACTION_TOKEN"]  # a secret for this run


def test_only_the_rasa_server_runs_on_the_rasa_environment(monkeypatch, tmp_path):
    """Rasa on .venv-rasa's Python 3.10 (or RASA_PYTHON); the action server and the console on this Python."""
    rasa_python = tmp_path / ".venv-rasa" / "bin" / "python"
    rasa_python.parent.mkdir(parents=True)
    rasa_python.write_text("")
    monkeypatch.setattr(serve, "ROOT", tmp_path)
    monkeypatch.delenv("RASA_PYTHON", raising=False)
    actions, rasa = serve.commands(tmp_path / "endpoints.yml")
    here = str(Path(sys.executable).parent / "python")
    assert rasa[0] == str(rasa_python) and rasa[1:4] == ["-m", "bot.server", "run"]
    assert actions[0] == here and serve.console_command()[0] == here
    monkeypatch.setenv("RASA_PYTHON", "/usr/bin/python3")
    assert serve.commands(tmp_path / "endpoints.yml")[1][0] == "/usr/bin/python3"


def test_a_missing_rasa_environment_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(serve, "ROOT", tmp_path)
    monkeypatch.delenv("RASA_PYTHON", raising=False)
    with pytest.raises(SystemExit, match="make install"):
        serve.commands(tmp_path / "endpoints.yml")
