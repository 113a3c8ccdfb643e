"""Password hashing with scrypt (memory-hard KDF), parameters stored in the hash so they can grow later.

Format: ``scrypt$<log2 n>$<r>$<p>$<salt, base64>$<key, base64>``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from functools import lru_cache
from pathlib import Path

# OWASP's password storage minimum for scrypt at 32 MiB of memory (N=2^15, r=8, p=3): ~0.2 s per login here.
LOG2_N, R, P = 15, 8, 3
KEY_BYTES = 32
MIN_LENGTH = 10
MIN_DISTINCT = 5  # "aaaaaaaaaa", "ababababab" and ten spaces are long enough but guessed at once
BLOCKLIST = Path(__file__).resolve().parent / "common_passwords.txt"


@lru_cache(maxsize=1)
def _blocked() -> frozenset:
    lines = BLOCKLIST.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def weakness(password: str, username: str = "") -> str:
    """Why a new password is refused ("" when it is fine): length, only spaces or a few characters
    repeated, a common password (also with digits or punctuation added at the end), or the username."""
    if len(password) < MIN_LENGTH:
        return f"a password needs at least {MIN_LENGTH} characters"
    if not password.strip():
        return "a password cannot be only spaces"
    if len(set(password)) < MIN_DISTINCT:
        return f"a password needs at least {MIN_DISTINCT} different characters"
    lowered = password.strip().lower()
    stem = lowered.rstrip("0123456789!?.,-_#*@$% ")
    if lowered in _blocked() or stem in _blocked() or (username and username.strip().lower() in (lowered, stem)):
        return "this password is too common or too easy to guess: choose another"
    return ""


def _scrypt(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    n = 1 << log2_n
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES, maxmem=256 * n * r + (1 << 20)
    )


def hash_password(password: str, username: str = "") -> str:
    """The stored form of a new password; ValueError (with the reason) for a weak one."""
    problem = weakness(password, username)
    if problem:
        raise ValueError(problem)
    salt = secrets.token_bytes(16)
    key = _scrypt(password, salt, LOG2_N, R, P)
    b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${LOG2_N}${R}${P}${b64(salt)}${b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time comparison; any malformed hash is simply a mismatch."""
    try:
        scheme, log2_n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        actual = _scrypt(password, base64.b64decode(salt), int(log2_n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# Verified against when the username does not exist, so that the answer takes as long as for a real one.
_DUMMY = None


def dummy_verify(password: str) -> None:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password(secrets.token_urlsafe(16))
    verify_password(password, _DUMMY)
