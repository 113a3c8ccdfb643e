"""The action server's directory remembers answers for a minute, then reads the database again."""

from __future__ import annotations

from sqlalchemy import event

from bot.directory.cached import CachedSqlDirectory
from bot.directory.sql import SqlDirectory, load


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _count_queries(engine) -> list:
    queries = []
    event.listen(engine, "before_cursor_execute", lambda *args: queries.append(1))
    return queries


def test_answers_are_the_databases_and_repeated_reads_stay_in_memory(engine, directory_data, categories):
    load(engine, directory_data, categories)
    clock = Clock()
    cached, plain = CachedSqlDirectory(engine, ttl=60, clock=clock), SqlDirectory(engine)
    first = cached.lookup("hal_clinic", "lappi", "Kemi", "fi")
    assert first == plain.lookup("hal_clinic", "lappi", "Kemi", "fi")
    assert cached.counties() == plain.counties() and cached.all_helplines() == plain.all_helplines()
    some_id = first[0].service.id
    assert cached.service(some_id) == plain.service(some_id) and cached.county("lappi") == plain.county("lappi")

    queries = _count_queries(engine)
    cached.lookup("hal_clinic", "lappi", "Kemi", "fi")
    cached.counties(), cached.all_helplines(), cached.service(some_id), cached.county("lappi")
    assert queries == []
    clock.now += 61
    cached.lookup("hal_clinic", "lappi", "Kemi", "fi")
    assert queries


def test_a_new_load_shows_after_the_time_to_live(engine, directory_data, categories):
    from dataclasses import replace

    load(engine, directory_data, categories)
    clock = Clock()
    cached = CachedSqlDirectory(engine, ttl=60, clock=clock)
    gone = directory_data.services[0]
    assert cached.service(gone.id) is not None
    load(engine, replace(directory_data, services=directory_data.services[1:]), categories)
    clock.now += 30
    assert cached.service(gone.id) is not None  # still remembered
    clock.now += 31
    assert cached.service(gone.id) is None


def test_callers_get_their_own_lists(engine, directory_data, categories):
    load(engine, directory_data, categories)
    cached = CachedSqlDirectory(engine, clock=Clock())
    lines = cached.all_helplines()
    lines.reverse()
    lines.pop()
    assert cached.all_helplines() == SqlDirectory(engine).all_helplines()
