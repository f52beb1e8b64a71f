"""The demo: a mid-size Turkish manufacturer taken through all four phases by
its three kinds of member, and the consultant's second client, only just
assessed. One module per phase, each through that phase's own services; the
customer data comes in through the customer-data import."""

from __future__ import annotations

from sqlalchemy import select

from app.demo.customers import DemoImportFailed
from app.demo.design import load_design_demo
from app.demo.engagements import (
    DEMO_ACCOUNTS,
    DEMO_COMPANY,
    DEMO_PASSWORD,
    SECOND_COMPANY,
    DemoAccount,
    demo_engagement,
    demo_users,
    second_engagement,
)
from app.demo.implementation import load_implementation_demo
from app.demo.planning import load_planning_demo
from app.demo.preparation import load_preparation_demo
from app.extensions import db
from app.models import Engagement

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_COMPANY",
    "DEMO_PASSWORD",
    "SECOND_COMPANY",
    "DemoAccount",
    "DemoImportFailed",
    "load_demo",
]


def load_demo() -> bool:
    """Create the demo engagement and its accounts; False if they already exist."""
    if db.session.scalar(select(Engagement).where(Engagement.name == DEMO_COMPANY)):
        return False
    users = demo_users()
    consultant = users["consultant@example.com"]
    engagement = demo_engagement(consultant)
    load_preparation_demo(engagement, consultant)
    load_planning_demo(engagement, consultant)
    load_design_demo(engagement, consultant)
    load_implementation_demo(engagement, users)
    second_engagement(consultant)
    return True
