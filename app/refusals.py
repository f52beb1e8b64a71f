"""Changes a service refuses, and how a form shows them: shared by the phases
and the measures below them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from flask_wtf import FlaskForm

from app.models import Engagement

Saved = TypeVar("Saved")


class Refusal(ValueError):
    """A change a service refuses; the code names the reason."""


def check_member(engagement: Engagement, user_id: int | None) -> None:
    """Refuse an owner who is not a member of the engagement: a foreign user id
    in a form must not reach another company's people."""
    if user_id and user_id not in {m.user_id for m in engagement.memberships}:
        raise Refusal("unknown_owner")


def saved(
    form: FlaskForm,
    save: Callable[[], Saved],
    messages: Mapping[str, tuple[str, object]],
) -> Saved | None:
    """Run a service's save. A refusal becomes an error on the form field its
    code belongs to (``messages``: code → (field, message)), and None comes
    back, so the view shows the form again with the message where it belongs."""
    try:
        return save()
    except Refusal as refusal:
        field, message = messages[str(refusal)]
        form[field].errors = [*form[field].errors, str(message)]
        return None
