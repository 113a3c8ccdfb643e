"""The risk model's artifact is rebuilt when the patterns change: their frames and idioms are its features
(bot.safety.model.cue_view), so a model built under older patterns must not be used silently."""

from __future__ import annotations

from pathlib import Path

from bot.safety import model, patterns_sv


def test_a_change_to_the_patterns_changes_the_fingerprint(monkeypatch) -> None:
    before = model.fingerprint()
    target = Path(patterns_sv.__file__)
    real = Path.read_bytes

    def edited(path: Path) -> bytes:
        data = real(path)
        return data + b"\n# edited\n" if path == target else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert model.fingerprint() != before
