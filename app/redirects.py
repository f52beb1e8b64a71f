"""Where to send the user next: a page named by the request, only if it is ours."""

from urllib.parse import urlsplit

from flask import url_for


def safe_next(target: str | None) -> str:
    """Where to go after signing in (or changing the language): the requested
    page, only if it is in this app, so that a crafted link cannot send the
    user to another site."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return url_for("engagements.index")
