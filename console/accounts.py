"""Guide accounts: create, list, deactivate, change a password, check a login.

Guides see the queues of their own counties; admins see every county (and the owners' pages).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.handoff.schema import ROLES, GuideCountyRow, GuideRow, GuideSessionRow, GuideTokenRow
from bot.handoff.service import utcnow
from bot.places.registry import county_names
from console.passwords import dummy_verify, hash_password, verify_password


@dataclass(frozen=True)
class Guide:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    counties: tuple[str, ...]

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def sees(self, county: str) -> bool:
        return self.is_admin or county in self.counties

    def visible_counties(self) -> tuple[str, ...]:
        """The counties whose queues this guide works on (admins: every county)."""
        return tuple(county_names()) if self.is_admin else self.counties


class AccountError(ValueError):
    """A request the account rules refuse (the message says why)."""


def known_county(code: str) -> bool:
    return code in county_names()


def _guide(session: Session, row: GuideRow) -> Guide:
    counties = session.scalars(
        select(GuideCountyRow.county).where(GuideCountyRow.guide_id == row.id).order_by(GuideCountyRow.county)
    ).all()
    return Guide(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        active=bool(row.active),
        counties=tuple(counties),
    )


def create(
    engine: Engine, username: str, display_name: str, password: str, counties: Iterable[str] = (), role: str = "guide"
) -> Guide:
    counties = sorted(set(counties))
    username = username.strip().lower()
    if not username or len(username) > 80 or any(ch.isspace() for ch in username):
        raise AccountError("a username is 1-80 characters without spaces")
    if not display_name.strip() or len(display_name) > 80:
        raise AccountError("a display name is 1-80 characters")
    if role not in ROLES:
        raise AccountError(f"role is one of {', '.join(ROLES)}")
    unknown = [c for c in counties if not known_county(c)]
    if unknown:
        raise AccountError(f"unknown county code(s): {', '.join(unknown)}")
    if role == "guide" and not counties:
        raise AccountError("a guide needs at least one county (--county)")
    try:
        password_hash = hash_password(password, username)
    except ValueError as exc:
        raise AccountError(str(exc)) from exc
    with Session(engine) as session, session.begin():
        if session.scalars(select(GuideRow).where(GuideRow.username == username)).first():
            raise AccountError(f"the username {username!r} is taken")
        row = GuideRow(
            username=username,
            display_name=display_name.strip(),
            password_hash=password_hash,
            role=role,
            active=True,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        session.add_all(GuideCountyRow(guide_id=row.id, county=c) for c in counties)
        session.flush()
        return _guide(session, row)


def by_id(engine: Engine, guide_id: int) -> Optional[Guide]:
    with Session(engine) as session:
        row = session.get(GuideRow, guide_id)
        return _guide(session, row) if row else None


def by_username(engine: Engine, username: str) -> Optional[Guide]:
    with Session(engine) as session:
        row = session.scalars(select(GuideRow).where(GuideRow.username == username.strip().lower())).first()
        return _guide(session, row) if row else None


def all_guides(engine: Engine) -> list[Guide]:
    with Session(engine) as session:
        return [_guide(session, r) for r in session.scalars(select(GuideRow).order_by(GuideRow.username))]


def authenticate(engine: Engine, username: str, password: str) -> Optional[Guide]:
    """The active guide with this username and password, else None (in about the same time either way)."""
    with Session(engine) as session:
        row = session.scalars(select(GuideRow).where(GuideRow.username == username.strip().lower())).first()
        if row is None:
            dummy_verify(password)
            return None
        if not verify_password(password, row.password_hash) or not row.active:
            return None
        return _guide(session, row)


def set_password(engine: Engine, username: str, password: str) -> None:
    """A new password; every session and API token of the guide ends (whoever had them)."""
    try:
        password_hash = hash_password(password, username)
    except ValueError as exc:
        raise AccountError(str(exc)) from exc
    with Session(engine) as session, session.begin():
        row = session.scalars(select(GuideRow).where(GuideRow.username == username.strip().lower())).first()
        if row is None:
            raise AccountError(f"no guide {username!r}")
        row.password_hash = password_hash
        # Read inside the session: after the commit the row is expired and detached.
        guide_id = row.id
    _logout_everywhere(engine, guide_id)


def deactivate(engine: Engine, username: str) -> Guide:
    """The guide can no longer log in; their sessions and API tokens end at once."""
    with Session(engine) as session, session.begin():
        row = session.scalars(select(GuideRow).where(GuideRow.username == username.strip().lower())).first()
        if row is None:
            raise AccountError(f"no guide {username!r}")
        row.active = False
        guide_id = row.id
    _logout_everywhere(engine, guide_id)
    return by_id(engine, guide_id)  # type: ignore[return-value]  # found above


def _logout_everywhere(engine: Engine, guide_id: int) -> None:
    with Session(engine) as session, session.begin():
        session.execute(delete(GuideSessionRow).where(GuideSessionRow.guide_id == guide_id))
        session.execute(delete(GuideTokenRow).where(GuideTokenRow.guide_id == guide_id))
