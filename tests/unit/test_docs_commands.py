"""The README and docs/ as a newcomer walks them (issue 16, item 8): the cheap documented commands run
(every `--help`, `make help`, `make -n` of every documented make line), every `make <target>` exists, every
repository path, module and `python -m` named in backticks or code blocks exists, links and anchors
between the pages resolve, and the README stays a front door of at most 200 lines."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
# docs/language-review.md is the dated record of issue 15's review: its paths are those of its time.
RECORDS = {ROOT / "docs" / "language-review.md"}
DOCS = [README, ROOT / "SECURITY.md", *(p for p in sorted((ROOT / "docs").glob("*.md")) if p not in RECORDS)]


# The command lines cheap enough to run here: `--help` of each (their subcommands named in the docs must
# be in it).
CLIS = ("bot.directory", "bot.privacy", "bot.analytics", "bot.serve", "console")
# Made by `make run` / `make install`, not part of a checkout.
CREATED = ("var/", ".venv/", "bot/models/viitta.tar.gz", "tests/browser/node_modules", "tests/privacy/results/")
# Written by a documented command (a PTV import, a benchmark); not committed until someone runs it.
OUTPUTS = {
    "bot/directory/data/ptv/<county>.yml",
    "bot/directory/data/ptv/pohjanmaa.yml",
    "bench/results/nlu_candidates.md",
}
PACKAGES = ("bot", "connectors", "console", "tests", "bench")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _code(text: str) -> list[str]:
    """Code blocks (their lines without shell comments) and inline code spans."""
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.S | re.M)
    prose = re.sub(r"^```[^\n]*\n.*?^```", "", text, flags=re.S | re.M)
    lines = [re.sub(r"(^|\s)#.*$", "", line) for block in blocks for line in block.splitlines()]
    return lines + re.findall(r"`([^`\n]+)`", prose)


def _all_code() -> list[tuple[Path, str]]:
    return [(doc, snippet) for doc in DOCS for snippet in _code(_read(doc))]


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --- make ---------------------------------------------------------------------------------------------


def _makefile_targets() -> set[str]:
    return set(re.findall(r"^([A-Za-z][\w-]*):(?!=)", _read(ROOT / "Makefile"), flags=re.M))


def _make_lines() -> set[tuple[str, ...]]:
    """Every documented make invocation as (targets…, VAR=value…), options left out."""
    found = set()
    for _, snippet in _all_code():
        for m in re.finditer(r"(?<![\w./-])make((?:[ \t]+[^\s;|&`)]+)*)", snippet):
            words, skip, line = m.group(1).split(), False, []
            for word in words:
                if skip:
                    skip = False
                elif word in ("-o", "-C", "-f", "-W"):
                    skip = True
                elif word.startswith("-"):
                    continue
                elif re.fullmatch(r"[A-Z_]+=\S*", word) or re.fullmatch(r"[a-z][\w-]*", word):
                    line.append(word)
                else:
                    break
            if any("=" not in w for w in line):
                found.add(tuple(line))
    return found


def test_every_documented_make_target_exists():
    targets = _makefile_targets()
    named = {w for line in _make_lines() for w in line if "=" not in w}
    assert {"run", "test", "help"} <= named
    missing = named - targets
    assert not missing, f"make targets named in README/docs but not in the Makefile: {sorted(missing)}"


def _make(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(["make", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def test_make_help_runs():
    done = _make("help")
    assert done.returncode == 0, done.stderr
    assert "make run" in done.stdout and "make test" in done.stdout


@pytest.mark.parametrize("line", sorted(_make_lines()), ids=" ".join)
def test_every_documented_make_line_dry_runs(line):
    done = _make("-n", *line)
    assert done.returncode == 0, done.stderr


def test_make_run_and_shell_do_as_documented():
    """`make run` installs no test-only packages; `make shell PORT=5006` runs the patched server beside it."""
    run = _make("-n", "-B", "run")
    assert run.returncode == 0, run.stderr
    assert not re.search(r"\bnpm\b|requirements-dev", run.stdout), run.stdout
    shell = _make("-n", "-B", "shell", "PORT=5006")
    assert shell.returncode == 0, shell.stderr
    # bot.serve --shell starts the patched server (python -m bot.server shell) with its own action server.
    assert "RASA_PORT=5006" in shell.stdout and "bot.serve --shell" in shell.stdout, shell.stdout


# --- python -m and their --help -----------------------------------------------------------------------


def _module_file(dotted: str) -> Path | None:
    """The file of the longest module prefix of a dotted name (bot.x.y.Class.method → bot/x/y.py)."""
    parts = dotted.split(".")
    for k in range(len(parts), 0, -1):
        base = ROOT.joinpath(*parts[:k])
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate
    return None


def _python_m() -> dict[str, set[str]]:
    """{module run with `python -m`: the subcommands the docs give it}."""
    found: dict[str, set[str]] = {}
    for _, snippet in _all_code():
        for m in re.finditer(r"python\S* -m ([\w.]+)(?:[ \t]+([^\s`]+))?", snippet):
            words = set(re.split(r"[|]", m.group(2) or ""))
            found.setdefault(m.group(1), set()).update(w for w in words if re.fullmatch(r"[a-z][\w-]+", w))
    for doc in DOCS:  # G=".venv/bin/python -m console" and then `$G create-user …`
        text = _read(doc)
        for name, module in re.findall(r"\b(\w+)=\"[^\"]*python -m ([\w.]+)\"", text):
            found.setdefault(module, set()).update(re.findall(r"\$%s ([a-z][\w-]+)" % name, text))
    return found


def test_every_documented_python_m_module_exists():
    missing = []
    for module in sorted(_python_m()):
        if module in ("pytest", "pip", "venv"):
            continue
        parts = module.split(".")
        base = ROOT.joinpath(*parts)
        if not ((base / "__main__.py").is_file() or base.with_suffix(".py").is_file()):
            missing.append(module)
    assert not missing, f"`python -m` of modules that do not exist: {missing}"


@pytest.mark.parametrize("cli", CLIS)
def test_every_cheap_command_line_answers_help_with_its_documented_subcommands(cli):
    documented = _python_m()
    assert cli in documented, f"{cli} is not documented any more: take it out of CLIS"
    parts = cli.split(".")
    assert ROOT.joinpath(*parts, "__main__.py").is_file() or ROOT.joinpath(*parts).with_suffix(".py").is_file(), cli
    done = subprocess.run([sys.executable, "-m", cli, "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    missing = {sub for sub in documented[cli] if sub not in done.stdout}
    assert not missing, f"python -m {cli}: subcommands the docs name but --help does not: {sorted(missing)}"


# --- paths, modules, links ------------------------------------------------------------------------------


def _top_level() -> set[str]:
    return {p.name for p in ROOT.iterdir() if not p.name.startswith(".git")}


def _expand(token: str) -> list[str]:
    """{fi,sv} alternatives expanded; <placeholder> and * become glob stars."""
    token = re.sub(r"<[^>]+>", "*", token)
    m = re.search(r"\{([^{}]+)\}", token)
    if m:
        return list(
            itertools.chain.from_iterable(
                _expand(token[: m.start()] + alt.strip() + token[m.end() :]) for alt in m.group(1).split(",")
            )
        )
    return [token]


def _exists(path: str) -> bool:
    path = path.rstrip("/")
    if "*" in path:
        return any(ROOT.glob(path))
    return (ROOT / path).exists()


def _paths_and_modules() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    top, paths, modules = _top_level(), set(), set()
    for doc, snippet in _all_code():
        for raw in re.split(r"[\s|]+", snippet):
            token = raw.strip(".,;:()[]\"'").split("::")[0]
            if not token or "…" in token or "://" in token or "=" in token:
                continue
            if re.fullmatch(r"(%s)(\.\w+)+(\(.*)?" % "|".join(PACKAGES), token) and "/" not in token:
                modules.add((_rel(doc), token.split("(")[0]))
            elif "/" in token and token.split("/")[0] in top and not token.startswith(CREATED) and token not in OUTPUTS:
                paths.add((_rel(doc), token))
            elif "/" not in token and token in top:
                paths.add((_rel(doc), token))
    return paths, modules


def test_every_repository_path_named_in_the_docs_exists():
    paths, _ = _paths_and_modules()
    assert len(paths) > 100  # the check reads what it should
    missing = sorted((doc, p) for doc, p in paths if not any(_exists(e) for e in _expand(p)))
    assert not missing, "paths named in backticks or code blocks that do not exist:\n" + "\n".join(
        f"  {doc}: {p}" for doc, p in missing
    )


def test_every_module_named_in_the_docs_exists():
    _, modules = _paths_and_modules()
    assert len(modules) > 10
    missing = sorted((doc, m) for doc, m in modules if _module_file(m) is None)
    missing += sorted((doc, m) for doc, m in modules if _module_file(m) is not None and not _names_resolve(m))
    assert not missing, "modules named in the docs that do not exist:\n" + "\n".join(
        f"  {doc}: {m}" for doc, m in missing
    )


def _names_resolve(dotted: str) -> bool:
    """The module exists and at most two names (a class and its method) follow it, each defined there."""
    path = _module_file(dotted)
    module_parts = len(path.relative_to(ROOT).with_suffix("").parts) - (path.name == "__init__.py")
    rest = dotted.split(".")[module_parts:]
    source = _read(path)
    return len(rest) <= 2 and all(re.search(r"\b%s\b" % re.escape(n), source) for n in rest)


def _slug(heading: str) -> str:
    """GitHub's anchor of a heading."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", _read(path), flags=re.S | re.M)
    return {_slug(h) for h in re.findall(r"^#+\s+(.*)$", text, flags=re.M)}


def test_every_link_between_the_pages_resolves():
    broken = []
    for doc in DOCS:
        text = _read(doc)
        for target in re.findall(r"\]\(([^)\s]+)\)", text) + re.findall(r'src="([^"]+)"', text):
            if "://" in target or target.startswith("mailto:"):
                continue
            file, _, anchor = target.partition("#")
            linked = (doc.parent / file).resolve() if file else doc
            if not linked.exists():
                broken.append(f"{_rel(doc)}: {target} (no such file)")
            elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
                broken.append(f"{_rel(doc)}: {target} (no such heading)")
    assert not broken, "\n".join(broken)


# --- the front door ------------------------------------------------------------------------------------


def test_the_readme_is_a_front_door_of_at_most_200_lines():
    lines = _read(README).splitlines()
    assert len(lines) <= 200, f"README.md has {len(lines)} lines: move the detail to docs/"
    text = _read(README)
    assert "make run" in text and "make test" in text


def test_the_readme_shows_real_screenshots_each_under_300_kb():
    images = re.findall(r'src="(docs/img/[^"]+\.png)"', _read(README))
    assert len(images) >= 2
    for image in images:
        data = (ROOT / image).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", image
        assert len(data) < 300_000, f"{image}: {len(data)} bytes"


def test_the_readme_links_every_page_of_docs():
    text = _read(README)
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f"docs/{page.name}" in text, f"README.md does not point to docs/{page.name}"


def test_the_county_codes_in_the_docs_are_those_of_counties_yml():
    text = _read(ROOT / "docs" / "directory.md")
    section = text.split("### County codes", 1)[1].split("\n#", 1)[0]
    documented = [c for c in re.findall(r"`([a-z][a-z-]*)`", section) if c not in ("code", "area", "data-county")]
    counties = yaml.safe_load(_read(ROOT / "bot" / "directory" / "data" / "counties.yml"))["counties"]
    assert documented == [c["code"] for c in counties]
