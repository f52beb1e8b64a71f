"""The data each report shows, gathered once for the page and the PDF alike."""

from __future__ import annotations

from datetime import date

from app.engagements.services import engagement_facts
from app.models import Engagement, OrgPerson
from app.pdf import ReportSource, report_source
from app.preparation import organisation
from assessments.organisation import OrgRole
from assessments.oversight import running_ahead
from assessments.progress import overview

#: The parts of the project organisation the engagement summary lists.
PROJECT_ROLES = (
    OrgRole.SPONSOR,
    OrgRole.PROJECT_MANAGER,
    OrgRole.CONSULTANT,
    OrgRole.PROJECT_TEAM,
)


def summary_report(
    engagement: Engagement, issued_on: date, language: str
) -> ReportSource:
    """The engagement summary: the company, its people and the four phases."""
    facts = engagement_facts(engagement)
    return report_source(
        "reports/engagement_summary.html",
        language,
        engagement=engagement,
        people=project_organisation(engagement),
        phases=overview(facts),
        running_ahead=running_ahead(facts),
        issued_on=issued_on,
    )


def project_organisation(engagement: Engagement) -> list[OrgPerson]:
    """The people the client named to the project (sponsor, project manager,
    consultant, team), sponsor first: the organisation, not the logins, since
    most of them never sign in."""
    flags = [
        flag for flag, role in organisation.ROLE_FLAGS.items() if role in PROJECT_ROLES
    ]
    return [
        person
        for person in organisation.people(engagement)
        if any(getattr(person, flag) for flag in flags)
    ]
