"""Secrets come only from the environment: no configuration file or module in the repository holds one."""

from __future__ import annotations

import re
import subprocess

import yaml

from bot.settings import ROOT

SECRET_KEY = re.compile(r"(token|password|passwd|secret|api_?key|credentials?)$", re.IGNORECASE)
ASSIGNED_SECRET = re.compile(r"""(?i)\b\w*(token|password|secret|api_?key)\w*\s*[:=]\s*["']([^"'${}\s]{8,})["']""")
ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]+$")  # naming an environment variable is fine


def _tracked(*patterns: str) -> list:
    out = subprocess.run(["git", "ls-files", *patterns], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [ROOT / line for line in out.splitlines() if line and (ROOT / line).exists()]


def _walk(value, path=()):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _walk(inner, path + (str(key),))
    elif isinstance(value, list):
        for inner in value:
            yield from _walk(inner, path)
    else:
        yield path, value


def test_configuration_files_name_secrets_only_as_environment_variables():
    for path in _tracked("*.yml", "*.yaml"):
        if "/data/" in str(path) or "tests/" in str(path.relative_to(ROOT)):
            continue
        for keys, value in _walk(yaml.safe_load(path.read_text(encoding="utf-8")) or {}):
            if keys and SECRET_KEY.search(keys[-1]) and value not in (None, ""):
                assert str(value).startswith("${"), f"{path.name}: {'.'.join(keys)} holds a literal secret"


def test_no_module_assigns_a_literal_secret():
    for path in _tracked("bot/*.py", "connectors/*.py", "bench/*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = ASSIGNED_SECRET.search(line)
            assert not found or ENV_NAME.match(found.group(2)), f"{path.relative_to(ROOT)}:{number}: {line.strip()}"


def test_the_token_is_read_from_the_environment(monkeypatch):
    from bot import settings

    monkeypatch.setenv("RASA_TOKEN", "from-the-environment")
    settings.get_settings.cache_clear()
    try:
        assert settings.get_settings().rasa_token == "from-the-environment"
    finally:
        settings.get_settings.cache_clear()
