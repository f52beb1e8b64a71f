"""Configuration, read in flaskr's order: defaults, instance file, environment."""

from __future__ import annotations

import math
import os
import secrets
from collections import Counter
from datetime import timedelta
from pathlib import Path

#: A key shorter than this is not accepted in production...
MIN_SECRET_KEY_LENGTH = 32
#: ...nor one whose estimated entropy is lower (see `estimated_entropy_bits`):
#: 32 × "a" scores 0, a password repeated three times about 110, the key the
#: message suggests about 330 and Flask's `secrets.token_hex()` about 240. A
#: 32-digit hex key averages 115, so it is refused too: the check cannot tell
#: it from a pattern of 16 symbols.
MIN_SECRET_KEY_BITS = 128
#: How to make a key production accepts.
_KEY_COMMAND = 'python -c "import secrets; print(secrets.token_urlsafe(48))"'


class InsecureConfigurationError(RuntimeError):
    """Raised when production mode is asked for without a proper secret key."""


def defaults(instance_path: str) -> dict:
    """The settings that hold when nothing else says otherwise."""
    return {
        "APP_ENV": "development",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(instance_path) / 'crm.sqlite'}",
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        #: a signed-in session ends after this long without a request...
        "SESSION_IDLE_TIMEOUT": timedelta(hours=8),
        #: ...and this long after signing in, however busy
        "PERMANENT_SESSION_LIFETIME": timedelta(days=14),
        #: administering user accounts needs the password typed this recently
        "REAUTH_WINDOW": timedelta(minutes=10),
        "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Istanbul",
        "LANGUAGES": ("en", "tr"),
        #: where the throttles count: the app's database, which every worker
        #: shares ("database://"), or Redis ("redis://host:6379/0")
        "RATELIMIT_STORAGE_URI": "database://",
        "RATELIMIT_HEADERS_ENABLED": True,
        #: how many reports one person may lay out (issue, regenerate, pack),
        #: together, before a 429: each render costs the server a child process
        "REPORT_RENDER_LIMIT": "10 per minute",
        #: a report's layout (every part of the pack together) is stopped after
        #: this many seconds, and the user told that it is too large...
        "PDF_RENDER_TIMEOUT": 60,
        #: ...as it is when its renderer needs more than this much memory
        #: (address space of the whole child, which starts at about 220 MB)
        "PDF_RENDER_MEMORY_MB": 1024,
        #: failed logins allowed per client address before a 429
        "LOGIN_RATE_LIMIT": "10 per 15 minutes",
        #: wrong passwords for one account (from any address) before each
        #: further attempt must wait: the first delay, doubled after each new
        #: failure up to the longest (app/auth/throttle.py)
        "LOGIN_ACCOUNT_FREE_FAILURES": 5,
        "LOGIN_ACCOUNT_DELAY": timedelta(seconds=15),
        "LOGIN_ACCOUNT_MAX_DELAY": timedelta(minutes=5),
        #: how long a set-password link stays valid
        "SET_PASSWORD_LINK_MAX_AGE": 7 * 24 * 3600,
        "PAGE_SIZE": 25,
        #: the portfolio shows a peer average only over at least this many other
        #: engagements (never fewer than 3, whatever is set here)
        "PEER_MINIMUM": 3,
        #: the largest request body, in bytes; a view that takes an upload
        #: raises it to its own setting (app/request_size.py)
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        #: where uploaded import files wait between upload and commit
        "IMPORT_FOLDER": str(Path(instance_path) / "imports"),
        #: the largest file the customer-data import accepts, in bytes
        "IMPORT_MAX_BYTES": 100 * 1024 * 1024,
        #: the most data rows one import file may have
        "IMPORT_MAX_ROWS": 2_000_000,
        #: an XLSX may unpack to at most this many bytes …
        "IMPORT_XLSX_MAX_UNCOMPRESSED": 1024 * 1024 * 1024,
        #: … and to at most this many times its packed size (zip bombs)
        "IMPORT_XLSX_MAX_RATIO": 200,
        #: uploads not imported within this many seconds are removed
        "IMPORT_KEEP_SECONDS": 24 * 3600,
        #: where the job queue keeps its tasks and the progress of running
        #: jobs: this SQLite file, which the web servers and the worker of one
        #: machine share, unless JOBS_REDIS_URL names a Redis that every
        #: machine shares
        "JOBS_DATABASE": str(Path(instance_path) / "jobs.sqlite"),
        "JOBS_REDIS_URL": None,
        #: run each job at once, inside the request that starts it (the tests)
        "JOBS_IMMEDIATE": False,
    }


def from_environment() -> dict:
    """Settings that the process environment overrides."""
    settings: dict = {}
    if url := os.environ.get("DATABASE_URL"):
        settings["SQLALCHEMY_DATABASE_URI"] = _sqlalchemy_url(url)
    if key := os.environ.get("SECRET_KEY"):
        settings["SECRET_KEY"] = key
    if env := os.environ.get("APP_ENV"):
        settings["APP_ENV"] = env
    if storage := os.environ.get("RATELIMIT_STORAGE_URI"):
        settings["RATELIMIT_STORAGE_URI"] = storage
    if redis := os.environ.get("REDIS_URL"):
        settings["JOBS_REDIS_URL"] = redis
    if queue := os.environ.get("JOBS_DATABASE"):
        settings["JOBS_DATABASE"] = queue
    if uploads := os.environ.get("IMPORT_FOLDER"):
        settings["IMPORT_FOLDER"] = uploads
    return settings


def _sqlalchemy_url(url: str) -> str:
    """Point plain PostgreSQL URLs at the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def ensure_secret_key(config: dict, instance_path: str) -> None:
    """Fill in SECRET_KEY, or refuse to run production without a real one.

    Outside production a key is generated once into the instance folder so that
    sessions survive restarts; production must get its key from the environment,
    because every server behind a load balancer needs the same one.
    """
    key = config.get("SECRET_KEY")
    if config["APP_ENV"] == "production":
        if problem := _weakness(key, Path(instance_path) / "secret_key"):
            raise InsecureConfigurationError(
                f"APP_ENV=production refuses this SECRET_KEY: {problem}. Set "
                f"SECRET_KEY in the environment to a new random key: {_KEY_COMMAND}"
            )
        return
    if not key:
        config["SECRET_KEY"] = _instance_secret_key(Path(instance_path))


def estimated_entropy_bits(key: str) -> float:
    """How many bits of randomness the key seems to hold: its length times the
    Shannon entropy of its characters' frequencies. It overrates patterns
    ("abcd" repeated) but never rates a key of few distinct characters high."""
    counts = Counter(key)
    return sum(n * math.log2(len(key) / n) for n in counts.values())


def _weakness(key: str | None, development_key_file: Path) -> str | None:
    """What makes the key unfit for production, if anything."""
    if not key:
        return "it is not set"
    if len(key) < MIN_SECRET_KEY_LENGTH:
        return f"it is shorter than {MIN_SECRET_KEY_LENGTH} characters"
    if estimated_entropy_bits(key) < MIN_SECRET_KEY_BITS:
        return (
            f"it is too predictable (about {estimated_entropy_bits(key):.0f} bits"
            f" of entropy, {MIN_SECRET_KEY_BITS} needed)"
        )
    if development_key_file.exists() and secrets.compare_digest(
        key.encode(), development_key_file.read_text().strip().encode()
    ):
        return f"it is the development key of {development_key_file}"
    return None


def _instance_secret_key(instance_path: Path) -> str:
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    try:
        # Owner-only from the start; O_EXCL lets one of two racing workers win.
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return key_file.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key
