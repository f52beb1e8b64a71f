"""Removing rows through their pages, as the area tests check it: every delete
route goes through its area's service, which notes the removal in the feed.

The rows are ``Factory.phase_rows`` of the engagement (plus a value-group
override and a member, which those do not hold)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, url_for
from flask.testing import FlaskClient
from sqlalchemy import func, select

from app.extensions import db
from app.models import (
    Activity,
    AwarenessActivity,
    BusinessStrategy,
    Contact,
    Customer,
    Goal,
    GroupOverride,
    Interaction,
    Measure,
    MeasureValue,
    Membership,
    Objective,
    OrgPerson,
    ResistanceItem,
    Review,
    SiteRole,
    WorkPackage,
)
from assessments.oversight import ActivityKind
from assessments.roles import Role
from assessments.value_groups import ValueGroup


@dataclass(frozen=True)
class Delete:
    """A delete route: its URL arguments (by the row they name), the row it
    removes, and what the activity feed then says, in English."""

    arguments: dict[str, str]
    model: type
    row: str
    feed_says: str


#: Every route that removes a row, by endpoint.
DELETES = {
    "engagements.remove_member": Delete(
        {"member_id": "member_id"},
        Membership,
        "member_id",
        "Removed Ece Yıldız from the engagement",
    ),
    "preparation.delete_person": Delete(
        {"person_id": "person_id"},
        OrgPerson,
        "person_id",
        "Removed Gizli Kişi from the organisation",
    ),
    "preparation.delete_awareness": Delete(
        {"item_id": "awareness_id"},
        AwarenessActivity,
        "awareness_id",
        "Removed the awareness activity Gizli eğitim",
    ),
    "preparation.delete_resistance": Delete(
        {"item_id": "resistance_id"},
        ResistanceItem,
        "resistance_id",
        "Removed the resistance item of Gizli Müdür: Gizli itiraz",
    ),
    "planning.delete_strategy": Delete(
        {"strategy_id": "strategy_id"},
        BusinessStrategy,
        "strategy_id",
        "Removed the business strategy Gizli",
    ),
    "planning.delete_goal": Delete(
        {"goal_id": "goal_id"}, Goal, "goal_id", "Removed the goal Gizli hedef"
    ),
    "planning.delete_measure": Delete(
        {"measure_id": "measure_id"},
        Measure,
        "measure_id",
        "Removed the measure Gizli ölçüt",
    ),
    "design.delete_customer": Delete(
        {"customer_id": "customer_id"},
        Customer,
        "customer_id",
        "Removed the customer Gizli Müşteri",
    ),
    "design.delete_contact": Delete(
        {"contact_id": "contact_id"},
        Contact,
        "contact_id",
        "Removed the contact Gizli Kişi",
    ),
    "design.delete_interaction": Delete(
        {"interaction_id": "interaction_id"},
        Interaction,
        "interaction_id",
        "Removed the interaction with Gizli Müşteri on 7 Jan 2026",
    ),
    "design.remove_override": Delete(
        {"customer_id": "customer_id"},
        GroupOverride,
        "customer_id",
        "Removed the value-group override of Gizli Müşteri",
    ),
    "implementation.delete_objective": Delete(
        {"objective_id": "objective_id"},
        Objective,
        "objective_id",
        "Removed the objective Gizli amaç",
    ),
    "implementation.delete_measure": Delete(
        {"measure_id": "measure_id"},
        Measure,
        "measure_id",
        "Removed the measure Gizli ölçüt",
    ),
    "implementation.delete_value": Delete(
        {"measure_id": "measure_id", "value_id": "value_id"},
        MeasureValue,
        "value_id",
        "Removed a value of Gizli ölçüt",
    ),
    "implementation.delete_package": Delete(
        {"package_id": "package_id"},
        WorkPackage,
        "package_id",
        "Removed the work package Gizli iş paketi",
    ),
    "implementation.delete_review": Delete(
        {"review_id": "review_id"},
        Review,
        "review_id",
        "Removed the review of 9 Jan 2026",
    ),
}


@dataclass(frozen=True)
class Removal:
    """What posting a delete did."""

    status: int
    #: whether the row is still stored
    still_there: bool
    #: (kind, author's e-mail) of every feed entry since the post
    entries: list[tuple[ActivityKind, str | None]]
    #: the activity feed's page afterwards
    feed: str


def remove(
    app: Flask, client: FlaskClient, factory, engagement_id: int, endpoint: str
) -> Removal:
    """Post the confirmed delete of a row of the engagement; the signed-in
    user must be its consultant."""
    delete = DELETES[endpoint]
    with app.app_context():
        consultant = db.session.scalar(
            select(Membership.user_id).where(
                Membership.engagement_id == engagement_id,
                Membership.role == Role.CONSULTANT,
            )
        )
    member = factory.user("ece@example.com", "Ece Yıldız", site_role=SiteRole.MEMBER)
    rows = {
        "member_id": factory.member(engagement_id, member, Role.TEAM),
        **factory.phase_rows(engagement_id, consultant),
    }
    with app.app_context():
        db.session.add(
            GroupOverride(
                customer_id=rows["customer_id"],
                value_group=ValueGroup.MVC,
                reason="Stratejik bayi",
            )
        )
        db.session.commit()
        before = db.session.scalar(select(func.max(Activity.id))) or 0
    with app.test_request_context():
        path = url_for(
            endpoint,
            engagement_id=engagement_id,
            **{name: rows[row] for name, row in delete.arguments.items()},
        )
    response = client.post(path)
    with app.app_context():
        entries = [
            (entry.kind, entry.user.email if entry.user else None)
            for entry in db.session.scalars(
                select(Activity).where(Activity.id > before).order_by(Activity.id)
            )
        ]
        still_there = db.session.get(delete.model, rows[delete.row]) is not None
    feed = client.get(f"/engagements/{engagement_id}/activity").text
    return Removal(response.status_code, still_there, entries, feed)
