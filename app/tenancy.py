"""The one way to reach engagement data: through the user's own memberships.

A user who is not a member of an engagement gets 404 for anything of it, never
403, so that nobody can learn that an engagement exists by probing ids.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from flask import Flask, abort, g, redirect, url_for
from flask_login import current_user, login_required
from sqlalchemy import ColumnElement, inspect, select
from sqlalchemy.orm import (
    MANYTOONE,
    ONETOMANY,
    QueryableAttribute,
    joinedload,
    with_parent,
)

from app.extensions import db
from app.models import Membership
from app.url_values import valid_id
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


def owned(
    model: type[Model],
    object_id: int,
    engagement_id: int,
    through=None,
    where: ColumnElement[bool] | None = None,
) -> Model | None:
    """A row of the engagement, or None: the one query that scopes a row.

    ``through`` names the parent a child row belongs to. A relationship
    (``Contact.customer``) reaches the engagement through the parent, for a
    row that has no ``engagement_id`` of its own; a parent row (a measure)
    also requires the child to be that parent's, not another's of the same
    engagement. ``where`` adds a condition of the row itself (a take of one
    questionnaire). Modelled on Redash's ``get_by_id_and_org``. An id no
    row can have (a posted 2^40) is None without a query.
    """
    if not valid_id(object_id):
        return None
    columns = model.__mapper__.columns  # type: ignore[attr-defined]
    query = select(model).where(columns.id == object_id)
    if isinstance(through, QueryableAttribute):
        parent = through.property.mapper.class_
        query = query.join(through).where(parent.engagement_id == engagement_id)
    elif through is not None:
        if through.engagement_id != engagement_id:
            return None
        query = query.where(_child_of(model, through))
    if "engagement_id" in columns:
        query = query.where(columns.engagement_id == engagement_id)
    elif through is None:
        raise TypeError(f"{model.__name__} reaches its engagement through a parent")
    if where is not None:
        query = query.where(where)
    return db.session.scalar(query)


def owned_or_404(
    model: type[Model],
    object_id: int,
    engagement_id: int,
    through=None,
    where: ColumnElement[bool] | None = None,
) -> Model:
    """A row of an engagement-owned model, only if it belongs to that engagement
    (and to the parent ``through`` names); otherwise a 404. See ``owned``."""
    row = owned(model, object_id, engagement_id, through=through, where=where)
    if row is None:
        abort(404)
    return row


def _child_of(model: type, parent) -> ColumnElement[bool]:
    """The condition that a row of ``model`` belongs to the parent row: by the
    model's relationship to the parent, or else by the parent's to the model."""
    parent_mapper = inspect(parent).mapper
    to_parent = [
        getattr(model, relation.key) == parent
        for relation in inspect(model).relationships
        if relation.mapper is parent_mapper and relation.direction is MANYTOONE
    ]
    to_children = [
        with_parent(parent, getattr(parent_mapper.class_, relation.key))
        for relation in parent_mapper.relationships
        if relation.mapper.class_ is model and relation.direction is ONETOMANY
    ]
    conditions = to_parent or to_children
    if len(conditions) != 1:
        raise TypeError(
            f"{model.__name__} needs one relationship to "
            f"{parent_mapper.class_.__name__}, has {len(conditions)}"
        )
    return conditions[0]


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
