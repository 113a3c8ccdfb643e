"""The guide console's command line: serve it, manage guide accounts, duty hours and the duty switch.

    python -m console serve
    python -m console create-user --username aino --name "Aino (Lappi)" --county lappi --county kainuu
    python -m console create-user --username admin --name "Pääkäyttäjä" --role admin --password-stdin < pw
    python -m console set-password --username aino
    python -m console list-users
    python -m console deactivate --username aino
    python -m console create-token --username aino --days 90 --label "county CRM"   # JSON API token
    python -m console list-tokens [--username aino]              # id, label, owner, dates (never the token)
    python -m console revoke-token "county CRM"                  # by label or by id
    python -m console set-hours --county lappi "ma-pe 08:00-16:00"
    python -m console duty --county lappi on|off|auto             # without a mode: show the state

Passwords come from a prompt or standard input (--password-stdin), never from the command line.
Every command first brings the app database to the newest schema with Alembic (bot.db.upgrade), the
only thing that creates tables outside the tests.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Optional

from bot.handoff import duty
from bot.handoff.schema import ROLES
from bot.places.registry import county_names
from console import accounts, hours_text, sessions


def _engine():
    from bot.db import make_engine, upgrade

    engine = make_engine()
    upgrade(engine)  # a fresh clone can create guides before anything else ran; an old database is migrated
    return engine


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Again: "):
        raise accounts.AccountError("the passwords differ")
    return first


def _county(code: str) -> str:
    if code not in county_names():
        raise argparse.ArgumentTypeError(f"unknown county {code!r}; one of: {', '.join(county_names())}")
    return code


def serve(_args: argparse.Namespace) -> int:
    from aiohttp import web

    from bot.settings import get_settings
    from console.app import make_app

    s = get_settings()
    app = make_app(
        _engine(),
        s.tracker_store_url,
        s.guide_session_minutes,
        s.guide_secure_cookies,
        tuple(s.guide_trusted_proxy.replace(",", " ").split()),
        s.guide_secret,
    )
    print(
        f"Guide console on http://{s.guide_host}:{s.guide_port}/guide/ (cookies Secure"
        + (
            " except over plain http://127.0.0.1 for development)"
            if s.guide_secure_cookies is None
            else ")"
            if s.guide_secure_cookies
            else ": never - GUIDE_SECURE_COOKIES=0)"
        ),
        flush=True,
    )
    web.run_app(app, host=s.guide_host, port=s.guide_port, print=None, access_log=None)
    return 0


def create_user(args: argparse.Namespace) -> int:
    engine = _engine()
    guide = accounts.create(engine, args.username, args.name, _password(args), args.county or (), args.role)
    print(f"created {guide.role} {guide.username} ({', '.join(guide.counties) or 'all counties'})")
    return 0


def set_password(args: argparse.Namespace) -> int:
    accounts.set_password(_engine(), args.username, _password(args))
    print(f"password of {args.username} changed; their sessions and tokens ended")
    return 0


def list_users(_args: argparse.Namespace) -> int:
    for guide in accounts.all_guides(_engine()):
        state = "active" if guide.active else "deactivated"
        print(f"{guide.username}\t{guide.display_name}\t{guide.role}\t{','.join(guide.counties) or '*'}\t{state}")
    return 0


def deactivate(args: argparse.Namespace) -> int:
    guide = accounts.deactivate(_engine(), args.username)
    print(f"deactivated {guide.username}; their sessions and tokens ended")
    return 0


def create_token(args: argparse.Namespace) -> int:
    engine = _engine()
    guide = accounts.by_username(engine, args.username)
    if guide is None or not guide.active:
        raise accounts.AccountError(f"no active guide {args.username!r}")
    print(sessions.create_token(engine, guide, args.days, args.label or ""))
    return 0


def list_tokens(args: argparse.Namespace) -> int:
    engine = _engine()
    owner = None
    if args.username:
        guide = accounts.by_username(engine, args.username)
        if guide is None:
            raise accounts.AccountError(f"no guide {args.username!r}")
        owner = guide.id
    when = lambda value: value.isoformat(timespec="minutes") if value else "never"  # noqa: E731
    print("id\tlabel\towner\tcreated\tlast used\texpires")
    for t in sessions.list_tokens(engine, owner):
        print(
            f"{t.id}\t{t.label or '-'}\t{t.username}\t{when(t.created_at)}\t{when(t.last_used_at)}\t{when(t.expires_at)}"
        )
    return 0


def revoke_token(args: argparse.Namespace) -> int:
    revoked = sessions.revoke_token(_engine(), args.token)
    if not revoked:
        raise accounts.AccountError(f"no token with the id or label {args.token!r} (see list-tokens)")
    for t in revoked:
        print(f"revoked {t.id} ({t.label or 'no label'}, {t.username})")
    return 0


def set_hours(args: argparse.Namespace) -> int:
    try:
        ranges = hours_text.parse(args.hours)
    except hours_text.HoursError as exc:
        raise accounts.AccountError(str(exc)) from exc
    engine = _engine()
    duty.set_hours(engine, args.county, ranges)
    print(f"{args.county}: {hours_text.describe(ranges) or 'no duty hours'}")
    return 0


def duty_switch(args: argparse.Namespace) -> int:
    engine = _engine()
    if args.mode:
        duty.set_switch(engine, args.county, args.mode)
    hours = hours_text.describe(duty.hours(engine, args.county)) or "no duty hours"
    state = "on duty now" if duty.on_duty(engine, args.county) else "not on duty now"
    print(f"{args.county}: switch {duty.switch(engine, args.county)}; hours {hours}; {state}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m console", description=__doc__.split("\n\n")[0])
    commands = main.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the console (GUIDE_HOST, GUIDE_PORT)").set_defaults(run=serve)

    def with_password(command: argparse.ArgumentParser) -> None:
        command.add_argument("--password-stdin", action="store_true", help="read the password from standard input")

    create = commands.add_parser("create-user", help="a new guide or admin account")
    create.add_argument("--username", required=True)
    create.add_argument("--name", required=True, help="the name the person sees, e.g. 'Aino'")
    create.add_argument("--county", action="append", type=_county, help="a county code; repeat for several")
    create.add_argument("--role", choices=ROLES, default="guide")
    with_password(create)
    create.set_defaults(run=create_user)

    change = commands.add_parser("set-password", help="a new password (ends the guide's sessions)")
    change.add_argument("--username", required=True)
    with_password(change)
    change.set_defaults(run=set_password)

    commands.add_parser("list-users", help="every account").set_defaults(run=list_users)

    off = commands.add_parser("deactivate", help="the guide can no longer log in")
    off.add_argument("--username", required=True)
    off.set_defaults(run=deactivate)

    token = commands.add_parser("create-token", help="a bearer token for the JSON API (printed once)")
    token.add_argument("--username", required=True)
    token.add_argument("--days", type=int, default=90)
    token.add_argument("--label", help="what the token is for")
    token.set_defaults(run=create_token)

    listing = commands.add_parser("list-tokens", help="API tokens: id, label, owner, created, last used, expiry")
    listing.add_argument("--username", help="only this guide's")
    listing.set_defaults(run=list_tokens)

    revoke = commands.add_parser("revoke-token", help="end API tokens at once, by id or label (list-tokens)")
    revoke.add_argument("token", help="a token id (12 characters) or a label")
    revoke.set_defaults(run=revoke_token)

    hours = commands.add_parser("set-hours", help="a county's weekly duty hours, e.g. 'ma-pe 08:00-16:00'")
    hours.add_argument("--county", required=True, type=_county)
    hours.add_argument("hours", help="'ma-pe 08:00-16:00; la 10-14' (fi, sv or en day names); '-' for none")
    hours.set_defaults(run=set_hours)

    switch = commands.add_parser("duty", help="the manual on-duty switch: on, off or auto (follow the hours)")
    switch.add_argument("--county", required=True, type=_county)
    switch.add_argument("mode", nargs="?", choices=duty.SWITCH_MODES)
    switch.set_defaults(run=duty_switch)
    return main


def main(argv: Optional[list[str]] = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except accounts.AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
