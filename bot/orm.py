"""The one module that knows which SQLAlchemy is installed: what the app database's schema modules need to
declare SQLAlchemy 2 typed models (`DeclarativeBase`, `Mapped`, `mapped_column`, `relationship`).

Why it exists: the app (action server, console, CLIs) runs on SQLAlchemy 2, but the Rasa server imports the
same models (its channels relay handoff messages and count events) and must stay on SQLAlchemy 1.4, because
Rasa 3.6 pins SQLAlchemy < 1.5. On 1.4 the same class bodies work: `mapped_column` is `Column`, `Mapped`
is 1.4's placeholder, and `DeclarativeBase` is a root whose direct subclasses each get their own registry
and MetaData, like 2.0's. Type checkers always see the SQLAlchemy 2 branch.

Give every column its type and `nullable=` explicitly: 2.0 derives nullability from `Optional[...]` in the
annotation, 1.4 does not read annotations, and both must create the same tables (tests/unit/test_orm.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlalchemy
from sqlalchemy.orm import relationship

SQLALCHEMY_MAJOR = int(sqlalchemy.__version__.split(".")[0])

if TYPE_CHECKING:
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
elif SQLALCHEMY_MAJOR >= 2:
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
else:
    from sqlalchemy import Column as mapped_column
    from sqlalchemy.orm import Mapped, registry
    from sqlalchemy.orm.decl_api import DeclarativeMeta, _declarative_constructor

    class _PerModuleBase(DeclarativeMeta):
        """Metaclass of the 1.4 stand-in: a direct subclass of DeclarativeBase becomes an abstract base with
        a registry (and MetaData) of its own; its subclasses are mapped into that registry."""

        def __init__(cls, classname: str, bases: tuple, dict_: dict, **kw: Any) -> None:
            if not any(isinstance(base, _PerModuleBase) for base in bases):  # DeclarativeBase itself
                type.__init__(cls, classname, bases, dict_)
                return
            if DeclarativeBase in bases:
                cls.registry = cls._sa_registry = registry()
                cls.metadata = cls.registry.metadata
                cls.__abstract__ = True
            super().__init__(classname, bases, dict_, **kw)

    class DeclarativeBase(metaclass=_PerModuleBase):
        """SQLAlchemy 1.4 stand-in for 2.0's DeclarativeBase: `class Base(DeclarativeBase): pass`."""

        __init__ = _declarative_constructor


__all__ = ["SQLALCHEMY_MAJOR", "changed_rows", "DeclarativeBase", "Mapped", "mapped_column", "relationship"]


def changed_rows(result: Any) -> int:
    """How many rows an UPDATE or DELETE changed. Typed `Any`: SQLAlchemy 2's stubs give Session.execute()
    a Result without `rowcount`, although for these statements it is always a CursorResult that has one."""
    return int(result.rowcount)
