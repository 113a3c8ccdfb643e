"""The guide console stands on its own: it never imports Rasa (rasa, rasa_sdk), its modules import each
other without a cycle, and bot/ never imports the console."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = ROOT / "console"


def _imported(path: Path, top_level_only: bool) -> set[str]:
    """The modules a file imports (`from console import web` counts as console.web)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_console_never_imports_rasa():
    script = (
        "import importlib, pkgutil, sys, console\n"
        "for m in pkgutil.iter_modules(console.__path__):\n"
        "    importlib.import_module('console.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('rasa', 'rasa_sdk')))"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "[]"


def test_the_console_modules_import_each_other_without_a_cycle():
    modules = {f"console.{p.stem}": p for p in CONSOLE.glob("*.py") if p.stem != "__init__"}
    graph = {
        name: sorted(m for m in _imported(path, top_level_only=True) if m in modules and m != name)
        for name, path in modules.items()
    }
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in path, " -> ".join((*path, name))
        if name in done:
            return
        for imported in graph[name]:
            visit(imported, (*path, name))
        done.add(name)

    for name in graph:
        visit(name, ())
    assert {"console.api", "console.pages", "console.owners"} <= set(graph["console.app"])


def test_bot_never_imports_the_console():
    for path in (ROOT / "bot").rglob("*.py"):
        imported = _imported(path, top_level_only=False)
        assert not {m for m in imported if m == "console" or m.startswith("console.")}, path
