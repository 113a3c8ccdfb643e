"""The owners' page of the guide console: what people need, in numbers (admin role only).

    GET /guide/owners                 HTML: tables and server-drawn charts (inline SVG, no scripts), the
                                      unanswered messages of the period (redacted); ?lang=fi|sv ?days=28 ?county=
    GET /guide/owners/export.csv      the counters as CSV (?table=unanswered: the redacted messages)
    GET /guide/api/stats              the same numbers as JSON

Plain aiohttp handlers (routes named "owners", "owners_export", "owners_stats"; the page's links are built
from those names): the console's auth middleware puts the logged-in guide at request["guide"] (.role
"guide"|"admin", .counties, and .language "fi"|"sv" if it has one: the page's language unless ?lang= says
otherwise). An admin with counties sees those counties' numbers; one without sees
all. Unanswered messages are shown also when their county is not known (most are written before the person
says where), since they only serve to improve the shared training data. The engine is routes(engine),
else app["engine"], else the app database of DATABASE_URL.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from html import escape
from typing import Any, Optional

from aiohttp import web

from bot.analytics import charts
from bot.analytics.counters import counts, today, unanswered
from bot.analytics.schema import METRICS
from bot.analytics.stats import DAILY_METRICS, category_label, change, county_label, summarize, words

PERIODS = (7, 28, 90)
DEFAULT_DAYS = 28
MAX_MESSAGES = 300
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:60rem;color:#1b1b1b;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0;width:100%}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}td.n,th.n{text-align:right}
form{display:flex;gap:1rem;flex-wrap:wrap;align-items:end;margin:1rem 0}label{display:flex;flex-direction:column;font-size:.9rem}
.muted{color:#555;font-size:.9rem}svg{max-width:100%;height:auto}nav a{margin-right:1rem}
"""


class _Scope:
    def __init__(
        self,
        lang: str,
        counties: Optional[tuple[str, ...]],
        start: date,
        end: date,
        days: int,
        county: str,
        allowed: tuple[str, ...],
        page_url: str,
        export_url: str,
    ) -> None:
        self.lang, self.counties, self.start, self.end, self.days = lang, counties, start, end, days
        self.county, self.allowed = county, allowed
        self.page_url, self.export_url = page_url, export_url  # of the named routes "owners", "owners_export"

    @property
    def message_counties(self) -> Optional[tuple[str, ...]]:
        return None if self.counties is None else (*self.counties, "")


class OwnersPage:
    def __init__(self, engine=None) -> None:
        self._engine = engine

    def engine(self, request: web.Request):
        if self._engine is not None:
            return self._engine
        if "engine" in request.config_dict:
            return request.config_dict["engine"]
        from bot.db import shared_engine

        return shared_engine()

    def scope(self, request: web.Request) -> _Scope:
        guide = request.get("guide")
        lang: Any = request.query.get("lang")  # "fi" or "sv" after the next two lines
        if lang not in ("fi", "sv"):
            lang = getattr(guide, "language", None) if getattr(guide, "language", None) in ("fi", "sv") else "fi"
        if guide is None:
            raise web.HTTPUnauthorized(text=words(lang)["not_allowed"])
        if getattr(guide, "role", None) != "admin":
            raise web.HTTPForbidden(text=words(lang)["not_allowed"])
        allowed = tuple(sorted(getattr(guide, "counties", None) or ()))
        county = request.query.get("county", "")
        if county and allowed and county not in allowed:
            raise web.HTTPForbidden(text=words(lang)["not_allowed"])
        counties = (county,) if county else (allowed or None)
        try:
            days = max(1, min(366, int(request.query.get("days", DEFAULT_DAYS))))
        except ValueError:
            raise web.HTTPBadRequest(text="days must be a number")
        end = today()
        router = request.app.router
        return _Scope(
            lang,
            counties,
            end - timedelta(days=days - 1),
            end,
            days,
            county,
            allowed,
            str(router["owners"].url_for()),
            str(router["owners_export"].url_for()),
        )

    async def page(self, request: web.Request) -> web.Response:
        scope = self.scope(request)
        html = render(self.engine(request), scope)
        return web.Response(
            text=html,
            content_type="text/html",
            charset="utf-8",
            headers={"Content-Security-Policy": CSP, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"},
        )

    async def stats(self, request: web.Request) -> web.Response:
        scope = self.scope(request)
        summary = summarize(self.engine(request), scope.start, scope.end, scope.counties)
        return web.json_response(summary.as_json(), headers={"Cache-Control": "no-store"})

    async def export_csv(self, request: web.Request) -> web.Response:
        scope = self.scope(request)
        engine = self.engine(request)
        out = io.StringIO()
        writer = csv.writer(out)
        table = request.query.get("table", "counts")
        if table == "unanswered":
            writer.writerow(["day", "county", "language", "reason", "intent", "confidence", "text"])
            for u in unanswered(engine, scope.start, scope.end, scope.message_counties, limit=100_000):
                writer.writerow(
                    [
                        u.day.isoformat(),
                        u.county,
                        u.language,
                        u.reason,
                        u.intent or "",
                        "" if u.confidence is None else f"{u.confidence:.2f}",
                        _cell(u.text),
                    ]
                )
        else:
            table = "counts"
            writer.writerow(["day", "county", "language", "metric", "key", "count"])
            for c in counts(engine, scope.start, scope.end, scope.counties):
                writer.writerow([c.day.isoformat(), c.county, c.language, c.metric, c.key, c.count])
        name = f"viitta-{table}-{scope.start.isoformat()}-{scope.end.isoformat()}.csv"
        return web.Response(
            body=("\ufeff" + out.getvalue()).encode("utf-8"),
            content_type="text/csv",
            charset="utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
        )


def routes(engine=None) -> list[web.RouteDef]:
    """The owners' routes, to add to the guide console's application."""
    owners = OwnersPage(engine)
    return [
        web.get("/guide/owners", owners.page, name="owners"),
        web.get("/guide/owners/export.csv", owners.export_csv, name="owners_export"),
        web.get("/guide/api/stats", owners.stats, name="owners_stats"),
    ]


def render(engine, scope: _Scope) -> str:
    """The whole page for a scope (separate from the handler so that it can be tested and reused)."""
    from bot.settings import get_settings

    w = words(scope.lang)
    summary = summarize(engine, scope.start, scope.end, scope.counties)
    messages = unanswered(engine, scope.start, scope.end, scope.message_counties, limit=MAX_MESSAGES)
    metric = w["metrics"]
    parts = [
        f"<h1>{escape(w['title'])}</h1>",
        f"<p class=muted>{escape(w['intro'].format(keep_days=get_settings().analytics_keep_days))}</p>",
        _filters(scope, w),
    ]

    parts.append(f"<h2>{escape(w['key_figures'])}</h2>")
    parts.append(
        _table(
            ["", w["this_period"], w["previous_period"], w["change"]],
            [
                [metric[m], summary.totals[m], summary.previous[m], change(summary.totals[m], summary.previous[m])]
                for m in METRICS
                if m != "intent"
            ],
            numeric=(1, 2, 3),
        )
    )

    parts.append(f"<h2>{escape(w['per_day'])}</h2>")
    if summary.totals:
        series = {metric[m]: [summary.by_day[m][d] for d in summary.days] for m in DAILY_METRICS[:3]}
        parts.append(charts.svg(charts.daily(summary.days, series, w["per_day"]), w["per_day"]))
    else:
        parts.append(f"<p>{escape(w['nothing'])}</p>")

    if summary.categories:
        items = [
            (category_label(k, scope.lang) if k != "none" else "–", n) for k, n in summary.categories.most_common()
        ]
        parts.append(f"<h2>{escape(w['recommended_categories'])}</h2>")
        parts.append(charts.svg(charts.bars(items, w["recommended_categories"]), w["recommended_categories"]))
        parts.append(_table([w["category"], w["count"]], items, numeric=(1,)))

    parts.append(f"<h2>{escape(w['by_county'])}</h2>")
    rows = [
        [county_label(code, scope.lang) if code else w["county_unknown"], *(numbers[m] for m in DAILY_METRICS)]
        for code, numbers in sorted(summary.by_county.items())
    ]
    parts.append(
        _table(
            [w["county"], *(metric[m] for m in DAILY_METRICS)], rows, numeric=tuple(range(1, len(DAILY_METRICS) + 1))
        )
        if rows
        else f"<p>{escape(w['nothing'])}</p>"
    )

    parts.append(f"<h2>{escape(w['by_language'])}</h2>")
    rows = [
        [lang or "–", *(numbers[m] for m in DAILY_METRICS)] for lang, numbers in sorted(summary.by_language.items())
    ]
    parts.append(
        _table(
            [w["language"], *(metric[m] for m in DAILY_METRICS)], rows, numeric=tuple(range(1, len(DAILY_METRICS) + 1))
        )
        if rows
        else f"<p>{escape(w['nothing'])}</p>"
    )

    if summary.intents:
        top = summary.intents.most_common(15)
        parts.append(f"<h2>{escape(w['top_intents'])}</h2>")
        parts.append(charts.svg(charts.bars(top, w["top_intents"]), w["top_intents"]))
    if summary.fallback_guesses:
        parts.append(f"<h2>{escape(w['fallback_guesses'])}</h2>")
        parts.append(
            _table(
                [w["guess"], w["count"]],
                [[k or "–", n] for k, n in summary.fallback_guesses.most_common(15)],
                numeric=(1,),
            )
        )

    parts += _directory_section(engine, scope, w)

    parts.append(f"<h2 id=unanswered>{escape(w['unanswered'])}</h2><p class=muted>{escape(w['unanswered_intro'])}</p>")
    if messages:
        parts.append(
            _table(
                [w["day"], w["language"], w["county"], w["reason"], w["guess"], w["confidence"], w["text"]],
                [
                    [
                        m.day.strftime("%d.%m."),
                        m.language or "–",
                        county_label(m.county, scope.lang) or "–",
                        w["reasons"].get(m.reason, m.reason),
                        m.intent or "–",
                        "" if m.confidence is None else f"{m.confidence:.2f}",
                        m.text,
                    ]
                    for m in messages
                ],
                numeric=(5,),
            )
        )
    else:
        parts.append(f"<p>{escape(w['unanswered_none'])}</p>")
    return (
        f"<!doctype html><html lang={scope.lang}><head><meta charset=utf-8>"
        f"<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<title>{escape(w['title'])} – Viitta</title><style>{_STYLE}</style></head>"
        f"<body><main>{''.join(parts)}</main></body></html>"
    )


def _directory_section(engine, scope: _Scope, w: dict, stale_months: int = 12) -> list[str]:
    """How full and fresh the directory is per county (of the scope), from the records in the app database."""
    from bot.directory.freshness import REGIONAL_CATEGORIES, per_county
    from bot.directory.sql import SqlDirectory

    directory = SqlDirectory(engine)
    counties = [c for c in directory.counties() if scope.counties is None or c.code in scope.counties]
    parts = [
        f"<h2 id=directory>{escape(w['directory'])}</h2>",
        f"<p class=muted>{escape(w['directory_intro'].format(months=stale_months))}</p>",
    ]
    if not counties:
        return parts + [f"<p>{escape(w['nothing'])}</p>"]
    rows = per_county(counties, directory.services(), stale_months=stale_months)
    headers = [
        w["county"],
        w["directory_categories"],
        w["directory_records"],
        w["directory_with_phone"],
        w["directory_review"],
        w["directory_stale"].format(months=stale_months),
        w["directory_old_contacts"],
    ]
    body = [
        [
            county_label(r.county, scope.lang),
            f"{r.categories}/{len(REGIONAL_CATEGORIES)}",
            r.records,
            f"{r.with_phone} ({r.phone_share})",
            r.review,
            r.stale,
            r.stale_contacts,
        ]
        for r in rows
    ]
    return parts + [_table(headers, body, numeric=(1, 2, 3, 4, 5, 6))]


def _filters(scope: _Scope, w: dict) -> str:
    periods = "".join(
        f"<option value={d}{' selected' if d == scope.days else ''}>{escape(w['days'].format(days=d))}</option>"
        for d in sorted({*PERIODS, scope.days})
    )
    choices = [("", w["all_counties"])] + [(c, county_label(c, scope.lang)) for c in scope.allowed or _known_counties()]
    counties = "".join(
        f"<option value='{escape(c)}'{' selected' if c == scope.county else ''}>{escape(n)}</option>"
        for c, n in choices
    )
    query = f"days={scope.days}" + (f"&county={scope.county}" if scope.county else "")
    other = "sv" if scope.lang == "fi" else "fi"
    page, export = escape(scope.page_url), escape(scope.export_url)
    return (
        f"<form method=get action={page}><input type=hidden name=lang value={scope.lang}>"
        f"<label>{escape(w['period'])}<select name=days>{periods}</select></label>"
        f"<label>{escape(w['county'])}<select name=county>{counties}</select></label>"
        f"<button type=submit>{escape(w['show'])}</button></form>"
        f"<nav><a href='{page}?{escape(query)}&amp;lang={other}' hreflang={other}>{escape(w['other_language'])}</a>"
        f"<a href='{export}?{escape(query)}'>{escape(w['export_counts'])}</a>"
        f"<a href='{export}?{escape(query)}&amp;table=unanswered'>{escape(w['export_unanswered'])}</a></nav>"
    )


def _known_counties() -> list[str]:
    from bot.places.registry import county_codes

    return sorted(county_codes().values())


def _table(headers: list, rows: list, numeric: tuple = ()) -> str:
    head = "".join(f"<th{' class=n' if i in numeric else ''}>{escape(str(h))}</th>" for i, h in enumerate(headers))
    body = "".join(
        "<tr>"
        + "".join(f"<td{' class=n' if i in numeric else ''}>{escape(str(v))}</td>" for i, v in enumerate(row))
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(text: str) -> str:
    """Free text in a CSV cell, defused: a leading = + - @ would run as a formula in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
