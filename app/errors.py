"""Friendly error pages, in the user's language."""

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException

from app.request_size import upload_limit_here

#: Errors that get a page of their own; any other code keeps Werkzeug's answer.
PAGES = {400, 403, 404, 405, 413, 429, 500}


def register(app: Flask) -> None:
    """Render HTTP errors (unhandled exceptions arrive as 500) with the layout."""
    app.register_error_handler(HTTPException, _http_error)


def error_page(error: HTTPException, **context):
    """The error's own page in the layout, keeping what the error says in its
    headers (a 405's Allow, a 429's Retry-After)."""
    code = error.code or 500
    page = render_template(f"errors/{code}.html", **context)
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return page, code, headers


def _http_error(error: HTTPException):
    code = error.code or 500
    if code not in PAGES:
        return error
    return error_page(
        error,
        signing_in=request.endpoint in ("auth.login", "auth.confirm_password"),
        uploading=upload_limit_here() is not None,
    )
