"""Only the Rasa server runs on Python 3.10 (SECURITY.md, "Which process runs which Python"): read off the
processes of the running stack, the way `ps` shows them."""

from __future__ import annotations

import re
import subprocess

import psutil


def _python_version(executable: str) -> tuple[int, int]:
    out = subprocess.run(
        [executable, "-c", "import sys; print(*sys.version_info[:2])"], capture_output=True, text=True, check=True
    ).stdout
    major, minor = out.split()
    return int(major), int(minor)


def _servers(stack) -> dict[str, tuple[int, int]]:
    """Each child of bot.serve by what it runs (bot.server / bot.action_server / console) → its Python."""
    found = {}
    for child in psutil.Process(stack.process.pid).children(recursive=True):
        cmdline = child.cmdline()
        match = re.search(r"-m (bot\.server|bot\.action_server|console)\b", " ".join(cmdline))
        if match and match.group(1) not in found:
            found[match.group(1)] = _python_version(child.exe())
    return found


def test_only_the_rasa_server_runs_on_python_3_10(stack):
    runtimes = _servers(stack)
    assert set(runtimes) == {"bot.server", "bot.action_server", "console"}, runtimes
    assert runtimes["bot.server"] == (3, 10)
    assert runtimes["bot.action_server"] >= (3, 12)
    assert runtimes["console"] >= (3, 12)
    assert _python_version(psutil.Process(stack.process.pid).exe()) >= (3, 12)  # bot.serve, the supervisor
