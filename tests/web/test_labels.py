"""Every code the core returns has a label in both languages."""

import pytest
from flask_babel import force_locale

from app.i18n.labels import label, labelled_enums
from app.models import (
    AwarenessKind,
    CompanySize,
    ResistanceStatus,
    SiteRole,
    SponsorDecision,
)
from assessments.organisation import OrgRole
from assessments.progress import PhaseStatus
from assessments.roles import Role


@pytest.mark.parametrize("enum", labelled_enums(), ids=lambda enum: enum.__name__)
def test_every_member_has_a_label_in_both_languages(app, enum):
    with app.test_request_context():
        for member in enum:
            with force_locale("en"):
                english = label(member)
            with force_locale("tr"):
                turkish = label(member)
            assert english and turkish


def test_the_labelled_enums_include_those_stored_by_the_models(app):
    assert {
        AwarenessKind,
        CompanySize,
        ResistanceStatus,
        SiteRole,
        SponsorDecision,
    } <= (set(labelled_enums()))


def test_codes_that_share_a_value_keep_their_own_labels(app):
    with app.test_request_context(), force_locale("en"):
        assert label(PhaseStatus.IN_PROGRESS) == "In progress"
        assert label(ResistanceStatus.IN_PROGRESS) == "Being handled"
        assert label(Role.TEAM) == "Project team"
        assert label(OrgRole.WORKING_GROUP) == "Planning working group"
