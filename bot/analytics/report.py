"""The weekly report: a markdown file with the week's numbers against the week before, and PNG charts.

No message texts go into the report (it is a file that gets forwarded); it says how many messages were not
understood and where to read them.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Optional

from sqlalchemy.engine import Engine

from bot.analytics import charts
from bot.analytics.schema import METRICS
from bot.analytics.stats import DAILY_METRICS, category_label, change, county_label, summarize, words


def week_of(end: date) -> tuple[date, date]:
    """The seven days ending on `end`."""
    return end - timedelta(days=6), end


def write_weekly_report(
    engine: Engine, out_dir: Path, end: Optional[date] = None, county: Optional[str] = None, lang: str = "fi"
) -> Path:
    """Write <out>/viitta-<year>-W<week>[-county].md and its PNG charts; returns the markdown path."""
    from bot.analytics.counters import today

    end = end or today() - timedelta(days=1)
    start, end = week_of(end)
    summary = summarize(engine, start, end, [county] if county else None)
    w = words(lang)
    year, week, _ = end.isocalendar()
    stem = f"viitta-{year}-W{week:02d}" + (f"-{county}" if county else "")
    out_dir.mkdir(parents=True, exist_ok=True)

    daily_png = f"{stem}-daily.png"
    (out_dir / daily_png).write_bytes(
        charts.png(
            charts.daily(
                summary.days,
                {w["metrics"][m]: [summary.by_day[m][d] for d in summary.days] for m in DAILY_METRICS[:3]},
                w["per_day"],
            )
        )
    )
    lines = [
        f"# {w['report_title']} {start.strftime('%d.%m.')}–{end.strftime('%d.%m.%Y')}"
        + (f" – {county_label(county, lang)}" if county else ""),
        "",
        w["report_intro"],
        "",
        f"## {w['key_figures']}",
        "",
        f"| | {w['this_period']} | {w['previous_period']} | {w['change']} |",
        "|---|---:|---:|---:|",
    ]
    for metric in METRICS:
        if metric == "intent":
            continue
        now, before = summary.totals[metric], summary.previous[metric]
        lines.append(f"| {w['metrics'][metric]} | {now} | {before} | {change(now, before)} |")
    lines += ["", f"## {w['per_day']}", "", f"![{w['per_day']}]({daily_png})", ""]

    if summary.categories:
        categories_png = f"{stem}-categories.png"
        items = [(category_label(k, lang) if k != "none" else "–", n) for k, n in summary.categories.most_common()]
        (out_dir / categories_png).write_bytes(charts.png(charts.bars(items, w["recommended_categories"])))
        lines += [
            f"## {w['recommended_categories']}",
            "",
            f"![{w['recommended_categories']}]({categories_png})",
            "",
            f"| {w['category']} | {w['count']} |",
            "|---|---:|",
            *(f"| {k} | {n} |" for k, n in items),
            "",
        ]
    if summary.intents:
        intents_png = f"{stem}-intents.png"
        top = summary.intents.most_common(12)
        (out_dir / intents_png).write_bytes(charts.png(charts.bars(top, w["top_intents"])))
        lines += [f"## {w['top_intents']}", "", f"![{w['top_intents']}]({intents_png})", ""]
    if summary.by_county and (len(summary.by_county) > 1 or not county):
        lines += [
            f"## {w['by_county']}",
            "",
            f"| {w['county']} | " + " | ".join(w["metrics"][m] for m in DAILY_METRICS) + " |",
            "|---|" + "---:|" * len(DAILY_METRICS),
        ]
        for code, numbers in sorted(summary.by_county.items()):
            lines.append(
                f"| {county_label(code, lang) if code else w['county_unknown']} | "
                + " | ".join(str(numbers[m]) for m in DAILY_METRICS)
                + " |"
            )
        lines.append("")
    if summary.fallback_guesses:
        lines += [
            f"## {w['fallback_guesses']}",
            "",
            f"| {w['guess']} | {w['count']} |",
            "|---|---:|",
            *(f"| {k or '–'} | {n} |" for k, n in summary.fallback_guesses.most_common(10)),
            "",
        ]
    lines += [w["unanswered_in_report"].format(n=summary.unanswered), ""]
    path = out_dir / f"{stem}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
