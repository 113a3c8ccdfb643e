"""`make bench`: Viitta and stock Rasa side by side in one run – training, cold start, memory, latency, NLU.

    python -m bench.run [--levels 1 10 20 50] [--duration 20] [--stock-diet-epochs 2]

1. Trains Viitta (config.yml) and stock Rasa (bench/stock/config.yml, `rasa init` defaults) on the
   same data and domain, each with an empty Rasa cache, timing the wall clock.
2. For each bot: starts `python -m bot.serve` (Rasa server + the same action server) on free ports
   with fresh SQLite databases, times the cold start, samples resident memory, evaluates the NLU
   holdout through /model/parse, then runs the conversation mix at each concurrency level.
3. Writes bench/results/bench.md (+ bench.json, latency.png, resources.png) and prints the table.

Everything temporary (models, databases, logs) goes to var/bench/run/.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from bench import report
from bench.stack import Stack

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
RUN = ROOT / "var" / "bench" / "run"
# `rasa train` runs in the Rasa server's own environment (Python 3.10, make install builds it).
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
FULL_EPOCHS = 100


def stock_inputs(directory: Path, diet_epochs: int) -> tuple[Path, Path]:
    """Stock config (DIET epochs as asked) and the domain with a fixed language.

    Viitta's LanguagePolicy sets the `language` slot that picks each response's fi/sv variation; stock
    Rasa has no such policy, so its copy of the domain starts the slot at `fi` – otherwise no response
    would match and the stock bot would answer nothing. Everything else is the same domain.
    """
    directory.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((ROOT / "bench" / "stock" / "config.yml").read_text(encoding="utf-8"))
    for component in config["pipeline"]:
        if component["name"] == "DIETClassifier":
            component["epochs"] = diet_epochs
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    domain["slots"]["language"]["initial_value"] = "fi"
    (directory / "config.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (directory / "domain.yml").write_text(yaml.safe_dump(domain, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return directory / "config.yml", directory / "domain.yml"


def train(name: str, config: Path, domain: Path, out: Path) -> tuple[Path, dict]:
    """`rasa train` as `make train` runs it, with an empty cache so that nothing is reused; wall time."""
    cache = out / f"cache-{name}"
    shutil.rmtree(cache, ignore_errors=True)
    env = {
        **os.environ,
        "RASA_CACHE_DIRECTORY": str(cache),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
    }
    log = out / f"train-{name}.log"
    print(f"[bench] training {name} …", flush=True)
    started = time.monotonic()
    with log.open("w") as handle:
        subprocess.run(
            [
                str(RASA),
                "train",
                "--config",
                str(config),
                "--domain",
                str(domain),
                "--data",
                str(ROOT / "bot" / "data"),
                "--out",
                str(out),
                "--fixed-model-name",
                name,
                "--force",
            ],
            cwd=ROOT,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            check=True,
        )
    seconds = time.monotonic() - started
    shutil.rmtree(cache, ignore_errors=True)
    print(f"[bench] {name} trained in {seconds:.0f} s", flush=True)
    return out / f"{name}.tar.gz", {"seconds": seconds, "epochs": epoch_times(log.read_text(errors="replace"))}


def epoch_times(log: str) -> dict[str, dict]:
    """Per trained component with epochs: epochs run, seconds of the first and of all epochs (tqdm output)."""
    found = {}
    parts = re.split(r"Starting to train component '(\w+)'", log)
    for component, text in zip(parts[1::2], parts[2::2]):
        marks = [
            (int(k), _seconds(elapsed))
            for k, elapsed in re.findall(r"Epochs:\s+\d+%\|[^|]*\|\s*(\d+)/\d+ \[([\d:]+)<", text)
            if int(k) > 0
        ]
        if marks:
            first, done = min(k for k, _ in marks), max(k for k, _ in marks)
            found[component] = {
                "epochs": done,
                "first_s": min(s for k, s in marks if k == first),
                "total_s": max(s for k, s in marks if k == done),
            }
    return found


def _seconds(clock: str) -> int:
    total = 0
    for part in clock.split(":"):
        total = total * 60 + int(part)
    return total


def client(mode: str, url: str, out: Path, **options) -> dict:
    args = [sys.executable, "-m", "bench.client", mode, "--url", url, "--out", str(out)]
    for key, value in options.items():
        args += [f"--{key}", str(value)]
    subprocess.run(args, cwd=ROOT, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def measure(models: dict[str, Path], args) -> dict[str, dict]:
    """Cold start and memory at rest of each bot, the NLU holdout, then the load levels.

    Both bots are started one after the other (each start measured alone) and stay up; every load
    level then runs on one bot right after the other, so that both meet the same background load of
    the machine. A bot that is not under load only waits on its sockets.
    """
    stacks, results = {}, {}
    try:
        for name, model in models.items():
            workdir = RUN / name
            shutil.rmtree(workdir, ignore_errors=True)  # fresh databases: no conversation of an earlier run
            stacks[name] = stack = Stack(name, model, workdir)
            print(f"[bench] starting {name} …", flush=True)
            stack.start()
            results[name] = {"cold_start": dict(stack.cold_start), "rest_rss_mb": stack.settle(), "levels": []}
            print(
                f"[bench] {name} ready: {_rounded(stack.cold_start)} s; at rest "
                f"{_rounded(results[name]['rest_rss_mb'])} MiB",
                flush=True,
            )
        for name, stack in stacks.items():
            stack.memory.mark("nlu")
            results[name]["nlu"] = client("parse", stack.url, stack.workdir / "parse.json")
            stack.memory.mark("load")
        for level in args.levels:
            for name, stack in stacks.items():
                print(f"[bench] {name}: {level} concurrent conversations for {args.duration:.0f} s …", flush=True)
                load_average = os.getloadavg()[0]  # other work on the machine, for reading the numbers
                before = stack.cpu_seconds()
                data = client(
                    "load",
                    stack.url,
                    stack.workdir / f"load-{level}.json",
                    concurrency=level,
                    duration=args.duration,
                    think=args.think,
                    prefix=f"{name}-{level}",
                )
                after = stack.cpu_seconds()
                data["cpu_s"] = {p: after[p] - before.get(p, 0.0) for p in after}
                data["load_average"] = load_average
                results[name]["levels"].append(data)
        for name, stack in stacks.items():
            results[name]["load_peak_rss_mb"] = dict(stack.memory.peaks.get("load", {}))
            results[name]["startup_peak_rss_mb"] = dict(stack.memory.peaks.get("start", {}))
    finally:
        for stack in stacks.values():
            stack.stop()
    return results


def _rounded(values: dict) -> dict:
    return {k: round(v, 1) for k, v in values.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 10, 20, 50])
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds per level")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds a person takes to answer")
    parser.add_argument(
        "--stock-diet-epochs",
        type=int,
        default=int(os.environ.get("STOCK_DIET_EPOCHS", 2)),
        help=f"DIET epochs of the stock model ({FULL_EPOCHS} = rasa init; ~40 s each here)",
    )
    parser.add_argument("--only", choices=["viitta", "stock"], help="measure one bot (development)")
    parser.add_argument(
        "--reuse-models",
        action="store_true",
        help="serve the models of the previous run instead of training (development)",
    )
    args = parser.parse_args(argv)
    started = time.time()
    load_before = os.getloadavg()

    models = RUN / "models"
    previous = json.loads((RUN / "training.json").read_text()) if args.reuse_models else {}
    if not args.reuse_models:
        shutil.rmtree(RUN, ignore_errors=True)
        models.mkdir(parents=True)
    training = dict(previous)
    bots = [b for b in ("viitta", "stock") if args.only in (None, b)]
    if not args.reuse_models:
        if "viitta" in bots:
            _, training["viitta"] = train("viitta", ROOT / "config.yml", ROOT / "domain.yml", models)
        if "stock" in bots:
            config, domain = stock_inputs(RUN / "stock-inputs", args.stock_diet_epochs)
            _, training["stock"] = train("stock", config, domain, models)
        (RUN / "training.json").write_text(json.dumps(training))

    results = measure({name: models / f"{name}.tar.gz" for name in bots}, args)
    for name in bots:
        results[name]["training"] = training.get(name)
    meta = {
        "started": started,
        "seconds": time.time() - started,
        "load_before": load_before,
        "load_after": os.getloadavg(),
        "levels": args.levels,
        "duration": args.duration,
        "think": args.think,
        "stock_diet_epochs": args.stock_diet_epochs,
        "full_epochs": FULL_EPOCHS,
    }
    text = report.write(results, meta, RESULTS)
    print(text)
    return 0 if all(report.answered_share(results[b]) >= report.MIN_ANSWERED for b in bots) else 1


if __name__ == "__main__":
    raise SystemExit(main())
