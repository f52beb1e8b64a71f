"""One way to refuse a change: services name the reason, pages say it.

A service that will not make a change raises ``Refusal("code")``. It carries
no words: the service knows neither the reader's language nor where the page
shows the message. The view keeps a ``_REFUSALS`` dict of code → (field,
message) and runs the change through ``saved()``, so the message appears on
the field it is about (a field of None: on the form as a whole). A change made
by a button, without a form to show again, is refused with ``flash_refusal()``.
A refusal may carry details (a name, a date) that its message puts in its
place; a date is written the reader's way.
Checks that several areas' services share live here too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TypeVar

from flask import flash
from flask_babel import format_date
from flask_wtf import FlaskForm

from app.models import Engagement

Saved = TypeVar("Saved")


class Refusal(Exception):
    """A change a service refuses; the code names the reason."""

    def __init__(self, code: str, **details: object):
        super().__init__(code)
        self.code = code
        self.details = details


def in_words(refusal: Refusal, message: object) -> str:
    """The message of a refusal in the current language, its details filled in."""
    text = str(message)
    if not refusal.details:
        return text
    return text % {
        name: format_date(value, "medium") if isinstance(value, date) else value
        for name, value in refusal.details.items()
    }


def saved(
    form: FlaskForm,
    save: Callable[[], Saved],
    messages: Mapping[str, tuple[str | None, object]],
) -> Saved | None:
    """Run a service's save. A refusal becomes an error on the form field its
    code belongs to (``messages``: code → (field, message)), and None comes
    back, so the view shows the form again with the message where it belongs."""
    try:
        return save()
    except Refusal as refusal:
        if refusal.code not in messages:
            raise  # not this form's to place: the blueprint's handler says it
        field, message = messages[refusal.code]
        if field is None:
            form.form_errors.append(in_words(refusal, message))
        else:
            form[field].errors = [*form[field].errors, in_words(refusal, message)]
        return None


def flash_refusal(refusal: Refusal, messages: Mapping[str, object]) -> None:
    """Say why a button's change was refused (``messages``: code → message)."""
    flash(in_words(refusal, messages[refusal.code]), "error")


def check_member(engagement: Engagement, user_id: int | None) -> None:
    """Refuse an owner who is not a member of the engagement: a foreign user id
    in a form must not reach another company's people."""
    if user_id and user_id not in {m.user_id for m in engagement.memberships}:
        raise Refusal("unknown_owner")
