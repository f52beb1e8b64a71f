"""Every code the core returns has a label in both languages."""

from enum import Enum

import pytest
from flask_babel import force_locale

from app.i18n import label
from app.models import (
    AwarenessKind,
    CompanySize,
    ResistanceStatus,
    SiteRole,
    SponsorDecision,
)
from assessments.gaps import Component, Layer
from assessments.idic import Channel, InteractionDirection, LifecycleStage, Segment
from assessments.organisation import Department, OrgRole
from assessments.progress import Phase, PhaseStatus, Step
from assessments.questionnaire import Category, Dimension, Gate
from assessments.readiness import GateStatus
from assessments.roles import Role
from assessments.scorecard import ComputedMeasure, MeasureScope, Period, Status
from assessments.transition import WorkStatus
from assessments.value_groups import Flag, ValueGroup

LABELLED: list[type[Enum]] = [
    AwarenessKind,
    CompanySize,
    ResistanceStatus,
    SiteRole,
    SponsorDecision,
    Department,
    OrgRole,
    Phase,
    PhaseStatus,
    Step,
    Category,
    Dimension,
    Gate,
    GateStatus,
    Role,
    LifecycleStage,
    Channel,
    InteractionDirection,
    Segment,
    ValueGroup,
    Flag,
    Status,
    ComputedMeasure,
    MeasureScope,
    Period,
    WorkStatus,
    Component,
    Layer,
]


@pytest.mark.parametrize("enum", LABELLED, ids=lambda enum: enum.__name__)
def test_every_member_has_a_label(app, enum):
    with app.test_request_context():
        for member in enum:
            assert label(member)


def test_codes_that_share_a_value_keep_their_own_labels(app):
    with app.test_request_context(), force_locale("en"):
        assert label(PhaseStatus.IN_PROGRESS) == "In progress"
        assert label(ResistanceStatus.IN_PROGRESS) == "Being handled"
        assert label(Role.TEAM) == "Project team"
        assert label(OrgRole.WORKING_GROUP) == "Planning working group"
