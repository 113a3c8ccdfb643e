"""The weekly report command: markdown with the week against the week before, PNG charts, no message texts."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from bot.analytics.counters import count, remember_unanswered
from bot.db import make_engine, upgrade

ROOT = Path(__file__).resolve().parents[2]
END = date(2026, 11, 22)  # a Sunday: ISO week 47


def test_the_weekly_report_is_written_with_its_charts(tmp_path):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade(url)
    engine = make_engine(url)
    for offset in range(7):
        count(engine, "conversation", "pohjanmaa", "sv", day=END - timedelta(days=offset), n=offset + 1)
    count(engine, "conversation", "pohjanmaa", "sv", day=END - timedelta(days=7), n=14)  # the week before
    count(engine, "recommendation", "pohjanmaa", "sv", key="neuvola", day=END, n=3)
    count(engine, "intent", "pohjanmaa", "sv", key="family_support", day=END, n=2)
    count(engine, "fallback", "", "sv", key="greet", day=END)
    remember_unanswered(engine, "nlu_fallback", "hemligt meddelande", "sv", day=END)
    out = tmp_path / "reports"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.analytics",
            "--database-url",
            url,
            "weekly-report",
            "--out",
            str(out),
            "--end",
            END.isoformat(),
            "--lang",
            "sv",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    report = (out / "viitta-2026-W47.md").read_text(encoding="utf-8")
    assert report.startswith("# Viittas veckorapport 16.11.–22.11.2026")
    assert "| Samtal | 28 | 14 | +100 % |" in report  # 1+2+…+7 against 14
    assert "| Mödra- och barnrådgivning | 3 |" in report
    assert "hemligt" not in report and "Meddelanden som inte förstods: 1." in report
    for chart in ("daily", "categories", "intents"):
        assert f"](viitta-2026-W47-{chart}.png)" in report
        assert (out / f"viitta-2026-W47-{chart}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
