"""Import rules of Viitta's own packages, read from the source (nothing is imported or run).

1. The guide console (``console``) never imports ``rasa`` or
   ``rasa_sdk``, directly or through the ``bot`` modules it uses: it is a separate aiohttp process that
   only changes the app database.
2. ``bot`` never imports ``connectors`` or ``console``: the channels and the console build on ``bot``,
   not the other way round.
3. No import cycle among the modules of ``bot``, ``connectors``, ``console`` and ``bench``.

Every ``import`` statement counts, also one inside a function (a deferred import that closes a cycle is
the same cycle, only hidden), except those under ``if TYPE_CHECKING:``, which never run. So does
``importlib.import_module("a.module")``; a module that imports by a computed name is taken to import every
first-party module its strings name (``bot.db.SCHEMA_MODULES``). Packages that do not exist are skipped.

    python scripts/check_imports.py [ROOT]     # exit 0 when every rule holds, 1 with one line per violation
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGES = ("bot", "connectors", "console", "bench")
CONSOLE = ("console",)
# (importers, forbidden imports, why)
FORBIDDEN = (
    (CONSOLE, ("rasa", "rasa_sdk"), "the guide console never imports Rasa"),
    (("bot",), ("connectors", "console"), "bot never imports the channels or the console"),
)
# Imports left out of the rules, each with why. One that no longer exists is reported too, so that the
# list only shrinks.
ALLOWED = {
    # bot.directory.sql.load() migrates an empty database first (bot.db.upgrade), and the migrations read
    # every table module by name; both imports run only inside those calls.
    ("bot.directory.sql", "bot.db"): "load() prepares an empty database through the migrations",
}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def find_modules(root: Path) -> dict[str, Path]:
    """Every module of the first-party packages that exist under root, by dotted name."""
    modules = {}
    for package in PACKAGES:
        top = root / package.replace(".", "/")
        if not (top / "__init__.py").exists():
            continue  # e.g. console/ before the guide console moved there
        for path in sorted(top.rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _statements(tree: ast.AST):
    """Every node of the tree except what sits under `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> list[Import]:
    """The modules `module` imports: first-party ones resolved to the deepest existing module, others by
    their full dotted name (`rasa.core.agent`)."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    by_name = False

    def add(name: str, line: int) -> None:
        found.append(Import(module, name, line))

    for node in _statements(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(_resolve(alias.name, modules), node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            for alias in node.names:
                submodule = f"{name}.{alias.name}"
                add(submodule if submodule in modules else _resolve(name, modules), node.lineno)
        elif isinstance(node, ast.Call) and _is_import_module(node.func) and node.args:
            if isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                add(_resolve(node.args[0].value, modules), node.lineno)
            else:
                by_name = True
    if by_name:  # a name computed at run time: count every first-party module the module's strings name
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in modules:
                add(node.value, node.lineno)
    return [i for i in found if i.imported != module]


def _is_import_module(func: ast.expr) -> bool:
    return (isinstance(func, ast.Attribute) and func.attr == "import_module") or (
        isinstance(func, ast.Name) and func.id == "import_module"
    )


def _resolve(name: str, modules: dict[str, Path]) -> str:
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in modules:
            return ".".join(parts[:end])
    return name


def forbidden_imports(imports: list[Import], modules: dict[str, Path]) -> list[str]:
    """Imports a rule forbids, directly or through other first-party modules: once per import statement
    that reaches the forbidden package, with one chain that leads there."""
    by_importer: dict[str, list[Import]] = {}
    for i in imports:
        by_importer.setdefault(i.importer, []).append(i)
    problems = []
    for importers, targets, why in FORBIDDEN:
        starts = sorted(m for m in modules if _within(m, importers))
        came_from: dict[str, Import | None] = {m: None for m in starts}
        queue = list(starts)
        reported = set()
        while queue:
            module = queue.pop(0)
            for i in by_importer.get(module, []):
                if _within(i.imported, targets):
                    if (i.importer, i.imported) not in reported:
                        reported.add((i.importer, i.imported))
                        problems.append(f"{_chain(i, came_from)}: {why}")
                elif i.imported in modules and i.imported not in came_from:
                    came_from[i.imported] = i
                    queue.append(i.imported)
    return problems


def _chain(last: Import, came_from: dict[str, Import | None]) -> str:
    hops = [last]
    while (before := came_from[hops[-1].importer]) is not None:
        hops.append(before)
    return _hops(hops[::-1])


def _hops(hops: list[Import]) -> str:
    """a:3 -> b:12 -> c: line 3 of a imports b, line 12 of b imports c."""
    return "".join(f"{i.importer}:{i.line} -> " for i in hops) + hops[-1].imported


def cycles(imports: list[Import], modules: dict[str, Path]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted, as the cycles."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for i in imports:
        if i.imported in modules:
            graph[i.importer].add(i.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components = []

    def visit(start: str) -> None:  # iterative, so a deep graph cannot hit the recursion limit
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(components)


def _cycle_path(component: list[str], imports: list[Import]) -> str:
    """One shortest cycle through the component's first module, for the message."""
    members = set(component)
    start = component[0]
    paths: list[list[Import]] = [[]]
    seen = {start}
    while paths:
        path = paths.pop(0)
        for i in imports:
            if i.importer != (path[-1].imported if path else start) or i.imported not in members:
                continue
            if i.imported == start:
                return _hops(path + [i])
            if i.imported not in seen:
                seen.add(i.imported)
                paths.append(path + [i])
    raise AssertionError(f"no cycle in {component}")


def check(root: Path, allowed: dict[tuple[str, str], str] | None = None) -> list[str]:
    """One line per broken rule (and per allowance that is no longer needed); empty when all hold."""
    allowed = ALLOWED if allowed is None else allowed
    modules = find_modules(root)
    every = [i for m, p in modules.items() for i in imports_of(m, p, modules)]
    imports = [i for i in every if (i.importer, i.imported) not in allowed]
    problems = forbidden_imports(imports, modules)
    problems += [f"import cycle among {', '.join(c)}: {_cycle_path(c, imports)}" for c in cycles(imports, modules)]
    present = {(i.importer, i.imported) for i in every}
    problems += [
        f"{a} no longer imports {b}: remove the allowance from scripts/check_imports.py"
        for a, b in sorted(set(allowed) - present)
    ]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args(argv)
    problems = check(args.root)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"imports: {len(find_modules(args.root))} modules, every rule holds")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
