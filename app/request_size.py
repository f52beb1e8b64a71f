"""How large a request may be: MAX_CONTENT_LENGTH (small, enough for any form)
everywhere, raised for the views that take an uploaded file. Werkzeug refuses
a larger body with a 413 as soon as the form is read, from its Content-Length
alone (or after that many bytes of a chunked body), so nothing reads it all."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, current_app, request
from flask_login import current_user

#: Room for the multipart envelope around the file itself.
ENVELOPE = 64 * 1024


def init_app(app: Flask) -> None:
    """Raise the limit for upload views before any other hook reads the body
    (the CSRF check reads the form first): call this before ``csrf.init_app``."""
    app.before_request(_raise_for_uploads)


def accepts_upload(setting: str) -> Callable:
    """Let a view take a body of up to ``app.config[setting]`` bytes of file
    (plus its envelope) from a signed-in user; every other request stays
    within MAX_CONTENT_LENGTH."""

    def decorator(view: Callable) -> Callable:
        view.upload_limit_setting = setting
        return view

    return decorator


def upload_limit_here() -> int | None:
    """The file size the current request's view accepts, if it takes uploads."""
    view = current_app.view_functions.get(request.endpoint or "")
    setting = getattr(view, "upload_limit_setting", None)
    return current_app.config[setting] if setting else None


def _raise_for_uploads() -> None:
    limit = upload_limit_here()
    if limit is not None and current_user.is_authenticated:
        request.max_content_length = limit + ENVELOPE
