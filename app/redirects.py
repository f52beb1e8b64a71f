"""Where to send the user next: a page named by the request, only if it is ours."""

from urllib.parse import urlsplit

from flask import url_for


def safe_next(target: str | None, fallback: str | None = None) -> str:
    """Where to go after signing in, changing the language or saving: the
    requested page, only if it is in this app, so that a crafted link cannot
    send the user to another site; else ``fallback`` (the engagement list)."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return fallback or url_for("engagements.index")
