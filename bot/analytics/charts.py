"""Charts drawn on the server with matplotlib (Agg): inline SVG for the owners' page, PNG for the weekly
report. No scripts reach the browser."""

from __future__ import annotations

import io
import re
import warnings
from datetime import date
from typing import Mapping, Sequence

import matplotlib

# matplotlib 3.5 calls pyparsing names that pyparsing 3.1+ deprecates: noise, not our concern.
warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"matplotlib\.")
matplotlib.use("Agg")  # no display on servers
from matplotlib.figure import Figure  # noqa: E402  (Figure without pyplot: no global state between requests)
from matplotlib.ticker import MaxNLocator  # noqa: E402

# Calm, distinguishable colours that also read in greyscale print.
COLOURS = ("#1f5f8b", "#e07b39", "#5a9e4b", "#b83b5e", "#7d5ba6")
matplotlib.rcParams.update(
    {
        "svg.hashsalt": "viitta",
        "svg.fonttype": "none",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


def _whole_numbers() -> MaxNLocator:
    """Matplotlib's default tick placement (AutoLocator's settings), on whole numbers only: counts have no halves."""
    return MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=True)


def daily(days: Sequence[date], series: Mapping[str, Sequence[int]], title: str) -> Figure:
    """One line per metric over the days of a period."""
    fig = Figure(figsize=(8, 3.2))
    ax = fig.subplots()
    labels = [d.strftime("%d.%m.") for d in days]
    for (name, values), colour in zip(series.items(), COLOURS):
        ax.plot(labels, list(values), marker="o", markersize=3, linewidth=1.6, label=name, color=colour)
    ax.set_title(title, loc="left")
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(_whole_numbers())
    step = max(1, len(labels) // 10)
    ax.set_xticks(range(0, len(labels), step))
    ax.set_xticklabels(labels[::step])
    ax.legend(frameon=False, fontsize=8, ncol=min(3, max(1, len(series))))
    fig.tight_layout()
    return fig


def bars(items: Sequence[tuple[str, int]], title: str, limit: int = 12) -> Figure:
    """Horizontal bars, largest on top."""
    items = list(items)[:limit]
    fig = Figure(figsize=(8, 0.6 + 0.32 * max(1, len(items))))
    ax = fig.subplots()
    names = [name for name, _ in items][::-1]
    values = [value for _, value in items][::-1]
    ax.barh(names, values, color=COLOURS[0])
    for y, value in enumerate(values):
        ax.text(value, y, f" {value}", va="center", fontsize=8)
    ax.set_title(title, loc="left")
    ax.xaxis.set_major_locator(_whole_numbers())
    fig.tight_layout()
    return fig


def svg(fig: Figure, label: str) -> str:
    """The figure as an <svg> element to put straight into HTML (with a text alternative)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)
    return text.replace("<svg ", f'<svg role="img" aria-label="{_attr(label)}" ', 1)


def png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
