"""The per-account sign-in throttle, beside the per-address one: after
LOGIN_ACCOUNT_FREE_FAILURES wrong passwords for one e-mail (from any number
of addresses), each further attempt must wait, LOGIN_ACCOUNT_DELAY at first,
twice as long after each new failure, never more than LOGIN_ACCOUNT_MAX_DELAY.

A growing delay rather than a lock: an attacker can make a real user wait a
few minutes at most, never lock them out for long, and gets about one guess
per LOGIN_ACCOUNT_MAX_DELAY. Attempts refused while waiting check no password
and add nothing, and a successful sign-in clears the account's count. Unknown
e-mails count the same, so the delay tells nothing about which accounts exist.

The counts live in the limiter's storage (the database by default, shared by
every worker): the failures in a window of a day, the wait in a window as long
as the delay."""

from __future__ import annotations

import hashlib
import math
import time

from flask import current_app

from app.extensions import limiter
from app.refusals import Refusal

#: failures are forgotten a day after the first of them
_FAILURES_KEPT = 24 * 3600


def check(login: str) -> None:
    """Refuse an attempt on the account (its normalised e-mail) while its
    delay runs: ``Refusal("wait", seconds=…)``."""
    wait_key = _key(login, "wait")
    if limiter.storage.get(wait_key):
        left = limiter.storage.get_expiry(wait_key) - time.time()
        raise Refusal("wait", seconds=max(1, math.ceil(left)))


def failed(login: str) -> None:
    """Count a wrong password; from the free failures on, start the delay."""
    failures = limiter.storage.incr(_key(login, "failures"), _FAILURES_KEPT)
    beyond = failures - current_app.config["LOGIN_ACCOUNT_FREE_FAILURES"]
    if beyond < 0:
        return
    first = current_app.config["LOGIN_ACCOUNT_DELAY"].total_seconds()
    longest = current_app.config["LOGIN_ACCOUNT_MAX_DELAY"].total_seconds()
    delay = min(first * 2 ** min(beyond, 32), longest)
    wait_key = _key(login, "wait")
    limiter.storage.clear(wait_key)
    limiter.storage.incr(wait_key, math.ceil(delay))


def succeeded(login: str) -> None:
    """A right password: the account starts again with its free failures."""
    limiter.storage.clear(_key(login, "failures"))
    limiter.storage.clear(_key(login, "wait"))


def _key(login: str, counter: str) -> str:
    # a digest, so the storage keeps no e-mail addresses
    digest = hashlib.sha256(login.encode()).hexdigest()[:32]
    return f"account-sign-in/{digest}/{counter}"
