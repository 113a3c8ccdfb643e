"""Numbers of a `make bench` run -> bench/results/bench.md, bench.json, latency.png, resources.png."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
BOTS = {"viitta": "Viitta", "stock": "stock Rasa"}
# Below this share of answered messages a bot is broken, not slow: the run fails.
MIN_ANSWERED = 0.95
# The foundation's holdout accuracy of config.yml's pipeline (docs/nlu-and-speed.md, "Language understanding"); a faster
# pipeline must not fall below it by more than 0.5 points (2 of 480 messages).
REFERENCE_ACCURACY = {"fi": 0.956, "sv": 0.935}
TOLERANCE = 0.005
TARGETS = {"p95_ms_at_20": 60.0, "ready_s": 15.0, "rss_mb": 1024.0, "train_s": 180.0}


def level_stats(level: dict) -> dict:
    turns = level["turns"]
    ok = [t for t in turns if t["status"] == 200]
    ms = np.array([t["ms"] for t in ok]) if ok else np.array([np.nan])
    service = np.array([t["ms"] for t in ok if t["service_cards"]]) if any(t["service_cards"] for t in ok) else None
    expected = [t["expected"] for t in turns if t["expected"] is not None]
    return {
        "concurrency": level["concurrency"],
        "turns": len(turns),
        "errors": len(turns) - len(ok),
        "per_s": len(turns) / level["window"] if level["window"] else 0.0,
        "p50": float(np.percentile(ms, 50)),
        "p95": float(np.percentile(ms, 95)),
        "p99": float(np.percentile(ms, 99)),
        "max": float(ms.max()),
        "service_p95": float(np.percentile(service, 95)) if service is not None else None,
        "answered": sum(t["answered"] for t in turns) / len(turns) if turns else 0.0,
        "as_expected": sum(expected) / len(expected) if expected else None,
        # CPU per message barely depends on what else runs on the machine, unlike the latencies.
        "cpu_ms": {p: seconds * 1000 / level["sent"] for p, seconds in level.get("cpu_s", {}).items()}
        if level.get("sent")
        else {},
        "load_average": level.get("load_average"),
    }


def answered_share(result: dict) -> float:
    turns = [t for level in result["levels"] for t in level["turns"]]
    return sum(t["answered"] for t in turns) / len(turns) if turns else 0.0


def nlu_stats(nlu: dict) -> dict:
    out: dict = {"intent": {}, "fallback": {}, "municipality": {}}
    by_lang = defaultdict(list)
    for item in nlu["holdout"]:
        by_lang[item["lang"]].append(item)
    for lang, items in by_lang.items():
        out["intent"][lang] = sum(i["predicted"] == i["intent"] for i in items) / len(items)
        out["fallback"][lang] = sum(i["fallback"] for i in items) / len(items)
    mentions = defaultdict(list)
    for m in nlu["mentions"]:
        mentions[m["lang"]].append(m["found"] == m["municipality"])
    out["municipality"] = {lang: sum(v) / len(v) for lang, v in mentions.items()}
    return out


def training_estimate(training: dict, full_epochs: int) -> float:
    """Wall time with every epoch-trained component at `full_epochs`, from the measured per-epoch times."""
    seconds = training["seconds"]
    for info in training.get("epochs", {}).values():
        done = info["epochs"]
        if done < full_epochs and done > 1:
            per_epoch = (info["total_s"] - info["first_s"]) / (done - 1)
            seconds += (full_epochs - done) * per_epoch
    return seconds


def summarise(results: dict, meta: dict) -> dict:
    summary = {}
    for name, r in results.items():
        levels = [level_stats(level) for level in r["levels"]]
        training = r.get("training") or {}
        summary[name] = {
            "cold_start": r["cold_start"],
            "rest_rss_mb": r["rest_rss_mb"],
            "load_peak_rss_mb": r["load_peak_rss_mb"],
            "startup_peak_rss_mb": r.get("startup_peak_rss_mb", {}),
            "levels": levels,
            "nlu": nlu_stats(r["nlu"]),
            "train_s": training.get("seconds"),
            "train_full_s": training_estimate(training, meta["full_epochs"]) if training else None,
            "train_epochs": training.get("epochs", {}),
            "answered": answered_share(r),
        }
    return summary


def _fmt(value, unit="", digits=0) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "–"
    return f"{value:.{digits}f}{unit}"


def _ratio(a, b) -> str:
    if a is None or b is None or not b:
        return "–"
    return f"{a / b:.2f}"


def _level(summary: dict, concurrency: int) -> dict:
    return next((lv for lv in summary["levels"] if lv["concurrency"] == concurrency), {})


def _cpu_per_message(summary: dict, process: str) -> float | None:
    """CPU time of a process over all load levels, per message sent."""
    weighted = [(lv["cpu_ms"][process], lv["turns"]) for lv in summary["levels"] if process in lv["cpu_ms"]]
    total = sum(n for _, n in weighted)
    return sum(ms * n for ms, n in weighted) / total if total else None


def _peak(s: dict, process: str) -> float | None:
    values = [s["startup_peak_rss_mb"].get(process), s["rest_rss_mb"].get(process), s["load_peak_rss_mb"].get(process)]
    values = [v for v in values if v is not None]
    return max(values) if values else None


def targets(v: dict) -> list[tuple[str, str, bool]]:
    at20 = _level(v, 20).get("p95")
    rss = _peak(v, "rasa_server")
    accuracy_kept = all(v["nlu"]["intent"].get(lang, 0) >= ref - TOLERANCE for lang, ref in REFERENCE_ACCURACY.items())
    return [
        (
            "webhook p95 at 20 concurrent conversations ≤ 60 ms (action server in the loop)",
            _fmt(at20, " ms"),
            at20 is not None and at20 <= TARGETS["p95_ms_at_20"],
        ),
        (
            "Rasa server answers its first message ≤ 15 s after start",
            _fmt(v["cold_start"].get("rasa_server_s"), " s", 1),
            v["cold_start"].get("rasa_server_s", 1e9) <= TARGETS["ready_s"],
        ),
        (
            "Rasa server resident memory ≤ 1.0 GB (1024 MiB; highest sample of start-up, rest and load)",
            _fmt(rss, " MiB"),
            rss is not None and rss <= TARGETS["rss_mb"],
        ),
        (
            "full training ≤ 3 min",
            _fmt(v["train_s"], " s"),
            v["train_s"] is not None and v["train_s"] <= TARGETS["train_s"],
        ),
        (
            f"… without losing NLU accuracy (holdout ≥ fi {REFERENCE_ACCURACY['fi']:.1%}, sv {REFERENCE_ACCURACY['sv']:.1%} "
            f"– {TOLERANCE:.1%})",
            ", ".join(f"{lang} {acc:.1%}" for lang, acc in sorted(v["nlu"]["intent"].items())),
            accuracy_kept,
        ),
    ]


def markdown(summary: dict, meta: dict) -> str:
    v, s = summary.get("viitta"), summary.get("stock")
    cpu = _cpu_model()
    lines = [
        "# Viitta and stock Rasa, side by side",
        "",
        f"Run {datetime.fromtimestamp(meta['started'], timezone.utc):%Y-%m-%d %H:%M UTC}, commit {_commit()}, "
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}; the run took "
        f"{meta['seconds'] / 60:.1f} min. Load average before/after: "
        f"{meta['load_before'][0]:.2f} / {meta['load_after'][0]:.2f} (other work on the machine shows here: "
        "absolute numbers are noisy, the ratios measured in the same run are what counts).",
        "",
        f"Load: N people each hold whole conversations of the mix (bench/conversations.py: {_mix_size()}), "
        f"answering every reply after a think time of {meta['think'] * 0.5:.1f}–{meta['think'] * 1.5:.1f} s "
        f"(a real person takes 5–30 s, so N here stands for several times N real conversations), "
        f"{meta['duration']:.0f} s measured per level after 3 s of warm-up, through POST /webhooks/rest/webhook "
        "from a separate process; SQLite tracker store and directory, action server in the loop.",
        "",
    ]
    if v:
        lines += ["## Targets (Viitta)", "", "| target | measured | met |", "|---|---|---|"]
        lines += [f"| {name} | {value} | {'yes' if ok else '**no**'} |" for name, value, ok in targets(v)]
        lines.append("")
    if v and s:
        lines += _side_by_side(v, s, meta)
    lines += [
        "## Latency and throughput",
        "",
        "| bot | concurrent | turns | msg/s | p50 ms | p95 ms | p99 ms | max ms | p95 ms, turns with service cards "
        "| CPU ms/msg Rasa + actions | errors | answered | as expected | load avg |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, data in summary.items():
        for lv in data["levels"]:
            expected = lv["as_expected"] * 100 if lv["as_expected"] is not None else None
            lines.append(
                f"| {BOTS[name]} | {lv['concurrency']} | {lv['turns']} | {lv['per_s']:.1f} | {lv['p50']:.0f} | "
                f"{lv['p95']:.0f} | {lv['p99']:.0f} | {lv['max']:.0f} | {_fmt(lv['service_p95'])} | "
                f"{_fmt(lv['cpu_ms'].get('rasa_server'), digits=1)} + {_fmt(lv['cpu_ms'].get('action_server'), digits=1)} | "
                f"{lv['errors']} | {lv['answered']:.0%} | {_fmt(expected, ' %')} | {_fmt(lv['load_average'], digits=1)} |"
            )
    lines += [
        "",
        "'As expected': replies that contained what the conversation needed at that point (service cards "
        "of the right county, or the emergency numbers; bench/conversations.py). 'CPU ms/msg': CPU time of "
        "each server process during the level divided by the messages sent – unlike latency, it hardly "
        "depends on other work on the machine. 'Load avg': the machine's 1-minute load average when the "
        "level started (2 cores: above ~1.5, other processes compete with the servers for the CPU).",
        "",
        "![latency vs concurrency](latency.png)",
        "",
        "![start-up, memory, training](resources.png)",
        "",
    ]
    return "\n".join(lines)


def _side_by_side(v: dict, s: dict, meta: dict) -> list[str]:
    rows = [
        (
            "Rasa server: first answer after start (s)",
            v["cold_start"].get("rasa_server_s"),
            s["cold_start"].get("rasa_server_s"),
            1,
        ),
        (
            "action server: first answer after start (s)",
            v["cold_start"].get("action_server_s"),
            s["cold_start"].get("action_server_s"),
            1,
        ),
        ("Rasa server RSS at rest (MiB)", v["rest_rss_mb"].get("rasa_server"), s["rest_rss_mb"].get("rasa_server"), 0),
        (
            "Rasa server RSS peak under load (MiB)",
            v["load_peak_rss_mb"].get("rasa_server"),
            s["load_peak_rss_mb"].get("rasa_server"),
            0,
        ),
        (
            "Rasa server RSS peak during start-up (MiB)",
            v["startup_peak_rss_mb"].get("rasa_server"),
            s["startup_peak_rss_mb"].get("rasa_server"),
            0,
        ),
        (
            "action server RSS at rest (MiB)",
            v["rest_rss_mb"].get("action_server"),
            s["rest_rss_mb"].get("action_server"),
            0,
        ),
        (
            "action server RSS peak under load (MiB)",
            v["load_peak_rss_mb"].get("action_server"),
            s["load_peak_rss_mb"].get("action_server"),
            0,
        ),
        (
            "training wall time (s; stock: extrapolated to 100 DIET epochs, see below)",
            v["train_s"],
            s["train_full_s"],
            0,
        ),
    ]
    for c in meta["levels"]:
        rows.append((f"webhook p95 at {c} concurrent (ms)", _level(v, c).get("p95"), _level(s, c).get("p95"), 0))
    for c in meta["levels"]:
        rows.append((f"messages per second at {c} concurrent", _level(v, c).get("per_s"), _level(s, c).get("per_s"), 1))
    for process, label in (("rasa_server", "Rasa server"), ("action_server", "action server")):
        rows.append(
            (f"{label} CPU per message, all levels (ms)", _cpu_per_message(v, process), _cpu_per_message(s, process), 1)
        )
    for lang in ("fi", "sv"):
        rows.append(
            (
                f"holdout intent accuracy {lang} (%)",
                v["nlu"]["intent"].get(lang, 0) * 100,
                s["nlu"]["intent"].get(lang, 0) * 100,
                1,
            )
        )
    for lang in ("fi", "sv"):
        rows.append(
            (
                f"municipality resolved right {lang} (%)",
                v["nlu"]["municipality"].get(lang, 0) * 100,
                s["nlu"]["municipality"].get(lang, 0) * 100,
                1,
            )
        )
    lines = ["## Side by side", "", "| measurement | Viitta | stock Rasa | Viitta / stock |", "|---|---|---|---|"]
    lines += [f"| {name} | {_fmt(a, digits=d)} | {_fmt(b, digits=d)} | {_ratio(a, b)} |" for name, a, b, d in rows]
    diet = s["train_epochs"].get("DIETClassifier", {})
    lines += [
        "",
        f"Stock training: measured {_fmt(s['train_s'])} s with {meta['stock_diet_epochs']} DIET epochs "
        f"(first epoch {_fmt(diet.get('first_s'))} s, then "
        f"{_fmt((diet.get('total_s', 0) - diet.get('first_s', 0)) / max(diet.get('epochs', 2) - 1, 1), digits=1)} s each); "
        f"the table shows it extrapolated to the `rasa init` default of {meta['full_epochs']} epochs. Serving "
        "cost does not depend on the number of epochs; the stock NLU accuracy is that of the shorter training.",
        "",
    ]
    return lines


def plots(summary: dict, directory: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    styles = {"viitta": dict(color="#1b7837"), "stock": dict(color="#762a83")}
    fig, (lat, thr) = plt.subplots(1, 2, figsize=(10, 4))
    for name, data in summary.items():
        xs = [lv["concurrency"] for lv in data["levels"]]
        for key, dash in (("p50", ":"), ("p95", "-"), ("p99", "--")):
            lat.plot(
                xs, [lv[key] for lv in data["levels"]], dash, marker="o", label=f"{BOTS[name]} {key}", **styles[name]
            )
        thr.plot(xs, [lv["per_s"] for lv in data["levels"]], "-", marker="o", label=BOTS[name], **styles[name])
    lat.axhline(TARGETS["p95_ms_at_20"], color="grey", lw=0.8)
    lat.annotate(
        "target: p95 ≤ 60 ms at 20",
        (1, TARGETS["p95_ms_at_20"]),
        fontsize=7,
        color="grey",
        xytext=(0, 3),
        textcoords="offset points",
    )
    lat.set(xlabel="concurrent conversations", ylabel="webhook latency (ms)", yscale="log", title="Latency")
    thr.set(xlabel="concurrent conversations", ylabel="messages per second", title="Throughput")
    lat.legend(fontsize=7)
    thr.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(directory / "latency.png", dpi=80)
    plt.close(fig)

    fig, axes = plt.subplots(1, 3, figsize=(11, 3.5))
    names = list(summary)
    width = 0.8 / len(names)
    panels = [
        (
            "first answer after start (s)",
            ["Rasa server", "action server"],
            lambda d: [d["cold_start"].get("rasa_server_s", 0), d["cold_start"].get("action_server_s", 0)],
        ),
        (
            "resident memory (MiB)",
            ["Rasa rest", "Rasa load", "actions rest", "actions load"],
            lambda d: [
                d["rest_rss_mb"].get("rasa_server", 0),
                d["load_peak_rss_mb"].get("rasa_server", 0),
                d["rest_rss_mb"].get("action_server", 0),
                d["load_peak_rss_mb"].get("action_server", 0),
            ],
        ),
        ("training wall time (s)", ["training"], lambda d: [d["train_full_s"] or 0]),
    ]
    for ax, (title, labels, values) in zip(axes, panels):
        for i, name in enumerate(names):
            ax.bar(np.arange(len(labels)) + i * width, values(summary[name]), width, label=BOTS[name], **styles[name])
        ax.set_xticks(np.arange(len(labels)) + width * (len(names) - 1) / 2)
        ax.set_xticklabels(labels, fontsize=8)
        ax.set_title(title, fontsize=10)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(directory / "resources.png", dpi=80)
    plt.close(fig)


def write(results: dict, meta: dict, directory: Path) -> str:
    directory.mkdir(parents=True, exist_ok=True)
    summary = summarise(results, meta)
    text = markdown(summary, meta)
    (directory / "bench.md").write_text(text, encoding="utf-8")
    (directory / "bench.json").write_text(json.dumps({"meta": meta, "summary": summary}, indent=1), encoding="utf-8")
    plots(summary, directory)
    return text


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _mix_size() -> str:
    from bench.conversations import MIX

    langs = defaultdict(int)
    for c in MIX:
        langs[c.lang] += 1
    return (
        f"{len(MIX)} conversations, {langs['fi']} Finnish and {langs['sv']} Swedish, "
        f"{sum(len(c.messages) for c in MIX)} messages"
    )
