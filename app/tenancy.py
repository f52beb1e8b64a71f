"""The one way to reach engagement data: through the user's own memberships.

A user who is not a member of an engagement gets 404 for anything of it, never
403, so that nobody can learn that an engagement exists by probing ids.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from flask import Flask, abort, flash, g, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.forms import ConfirmForm
from app.models import Membership
from assessments.roles import Action, can

Model = TypeVar("Model")


def membership_or_404(engagement_id: int) -> Membership:
    """The signed-in user's membership of the engagement, or a 404."""
    membership = db.session.scalar(
        select(Membership)
        .options(joinedload(Membership.engagement))
        .where(
            Membership.engagement_id == engagement_id,
            Membership.user_id == current_user.id,
        )
    )
    if membership is None:
        abort(404)
    return membership


def owned_or_404(model: type[Model], object_id: int, engagement_id: int) -> Model:
    """A row of an engagement-owned model, only if it belongs to that engagement."""
    row = db.session.scalar(
        select(model).where(
            model.id == object_id,  # type: ignore[attr-defined]
            model.engagement_id == engagement_id,  # type: ignore[attr-defined]
        )
    )
    if row is None:
        abort(404)
    return row


def engagement_view(action: Action = Action.VIEW) -> Callable:
    """Decorate a view taking ``engagement_id``: it receives the membership instead.

    Signs the user in first, then answers 404 to non-members and 403 to members
    whose role does not allow the action. The membership is also put on ``g`` so
    that the layout can show the engagement's navigation.
    """

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def scoped_view(engagement_id: int, **kwargs):
            membership = membership_or_404(engagement_id)
            if not can(membership.role, action):
                abort(403)
            g.membership = membership
            return view(membership, **kwargs)

        return scoped_view

    return decorator


def redirect_to(endpoint: str, membership: Membership, **values):
    """Redirect to another page of the same engagement."""
    return redirect(url_for(endpoint, engagement_id=membership.engagement_id, **values))


def delete_confirmed(row) -> None:
    """Delete an engagement-owned row if the confirmation form came with the post."""
    if ConfirmForm().validate_on_submit():
        db.session.delete(row)
        db.session.commit()
        flash(_("Removed."), "success")


def require(membership: Membership, action: Action) -> None:
    """403 unless the member's role allows the action (for views that serve a
    page to every member but accept a change only from some)."""
    if not can(membership.role, action):
        abort(403)


def allowed(action: str) -> bool:
    """In a template: whether the current member may perform the action."""
    membership = g.get("membership")
    return membership is not None and can(membership.role, Action(action))


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.globals["allowed"] = allowed
