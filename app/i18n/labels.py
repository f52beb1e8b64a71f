"""Labels of the core's codes and the method's messages, in English or Turkish.

The core (``assessments``) returns enums and codes; this module turns them into
text at the edge, for templates, forms and reports alike.
"""

from __future__ import annotations

from enum import Enum

from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from app.models import (
    ActionStatus,
    AwarenessKind,
    CompanySize,
    ResistanceStatus,
    SiteRole,
    SponsorDecision,
)
from assessments.evidence import Figure, Source, Verdict
from assessments.factors import FactorState
from assessments.gaps import Component, Layer
from assessments.idic import Channel, InteractionDirection, LifecycleStage, Segment
from assessments.jobs import JobKind, JobStatus, Stage
from assessments.organisation import (
    AnnouncementBreach,
    Department,
    OrgRole,
    Rule,
    Seat,
)
from assessments.oversight import ReportKind
from assessments.planning import Blocker, CrmStrategy, Direction, Perspective
from assessments.progress import Phase, PhaseStatus, Step
from assessments.questionnaire import Category, Dimension, Gate
from assessments.readiness import GateStatus, Recommendation
from assessments.roles import Role
from assessments.scorecard import (
    Basis,
    ComputedMeasure,
    MeasureScope,
    Period,
    Status,
)
from assessments.transition import WorkStatus
from assessments.value_groups import Flag, ValueGroup

#: Labels of the core's codes. Keyed by (enum class, member): different enums
#: share values ("sponsor", "in_progress"), and StrEnum members equal their values.
_LABELS: dict[tuple[type, str], object] = {
    (type(member), member.value): text
    for member, text in (
        (Role.CONSULTANT, _l("Consultant")),
        (JobKind.ANALYSIS, _l("Customer analysis")),
        (JobKind.IMPORT_CHECK, _l("Check of an import")),
        (JobKind.IMPORT_COMMIT, _l("Import of a file")),
        (JobKind.DUPLICATES, _l("Search for duplicate customers")),
        (JobKind.PACK, _l("Report pack")),
        (JobStatus.QUEUED, _l("Waiting for a worker")),
        (JobStatus.RUNNING, _l("Running")),
        (JobStatus.DONE, _l("Done")),
        (JobStatus.FAILED, _l("Failed")),
        (JobStatus.CANCELLED, _l("Cancelled")),
        (Stage.WAITING, _l("Waiting to start")),
        (Stage.READING, _l("Reading the sales")),
        (Stage.SCORING, _l("Scoring the customers")),
        (Stage.STORING, _l("Storing the result")),
        (Stage.READING_FILE, _l("Reading the file")),
        (Stage.CHECKING, _l("Checking the rows")),
        (Stage.SAVING, _l("Saving")),
        (Stage.READING_CUSTOMERS, _l("Reading the customers")),
        (Stage.COMPARING, _l("Comparing the customers")),
        (Stage.RENDERING, _l("Laying out the reports")),
        (Stage.BINDING, _l("Binding the pack with its page numbers")),
        (Role.TEAM, _l("Project team")),
        (Role.SPONSOR, _l("Sponsor")),
        (SiteRole.ADMIN, _l("Administrator")),
        (SiteRole.CONSULTANT, _l("Consultant")),
        (SiteRole.MEMBER, _l("Client member")),
        (CompanySize.MICRO, _l("Micro (under 10 employees)")),
        (CompanySize.SMALL, _l("Small (10–49 employees)")),
        (CompanySize.MEDIUM, _l("Medium (50–249 employees)")),
        (CompanySize.LARGE, _l("Large (250 employees or more)")),
        (Phase.PREPARATION, _l("Preparation")),
        (Phase.PLANNING, _l("Planning")),
        (Phase.DESIGN, _l("Design")),
        (Phase.IMPLEMENTATION, _l("Implementation")),
        (PhaseStatus.NOT_STARTED, _l("Not started")),
        (PhaseStatus.IN_PROGRESS, _l("In progress")),
        (PhaseStatus.STOPPED, _l("Stopped at a gate")),
        (PhaseStatus.COMPLETE, _l("Complete")),
        (Step.COMPLETE_QUESTIONNAIRE, _l("Complete the preparation questionnaire")),
        (Step.CLEAR_GATES, _l("Clear the go/no-go gates with the sponsor")),
        (Step.RECORD_ORGANISATION, _l("Set up the project organisation")),
        (Step.HOLD_AWARENESS, _l("Hold awareness activities")),
        (Step.ANNOUNCE_PROJECT, _l("Record the company-wide announcement")),
        (Step.HOLD_WORKSHOPS, _l("Hold the four workshop sessions")),
        (Step.WRITE_VISION, _l("Write the CRM vision")),
        (Step.MEASURE_GOALS, _l("Set goals, each with a measure")),
        (Step.CLOSE_PLANNING, _l("Close planning")),
        (Step.IMPORT_CUSTOMERS, _l("Import the customers and their sales")),
        (Step.ASSESS_CAPABILITY, _l("Assess the IDIC capability")),
        (Step.ANALYSE_CUSTOMERS, _l("Analyse the customers")),
        (Step.SET_GROUP_STRATEGIES, _l("Set the MVC, MGC and BZ strategies")),
        (Step.ANALYSE_GAPS, _l("Analyse the gaps to the designed system")),
        (Step.SET_TRANSITION_PLAN, _l("Set the transition plan")),
        (Step.RECORD_MEASURE_VALUES, _l("Give every goal's measures a value")),
        (Status.GREEN, _l("Green")),
        (Status.AMBER, _l("Amber")),
        (Status.RED, _l("Red")),
        (Status.NO_VALUE, _l("No status")),
        (ComputedMeasure.MVC_COUNT, _l("Number of most valuable customers")),
        (ComputedMeasure.MVC_SHARE, _l("Share of most valuable customers")),
        (
            ComputedMeasure.MVC_VALUE_SHARE,
            _l("Most valuable customers' share of value"),
        ),
        (ComputedMeasure.BZ_SHARE, _l("Share of below-zero customers")),
        (ComputedMeasure.CUSTOMERS_ABOVE_VALUE, _l("Customers above a value")),
        (ComputedMeasure.CUSTOMERS_LOST, _l("Customers lost (no order for a year)")),
        (ComputedMeasure.RETENTION_12M, _l("Customers retained over 12 months")),
        (
            ComputedMeasure.MVC_RETENTION_12M,
            _l("Last year's most valuable customers who bought again"),
        ),
        (ComputedMeasure.AVERAGE_FREQUENCY, _l("Average purchase frequency")),
        (ComputedMeasure.AVERAGE_VALUE, _l("Average value per customer")),
        (ComputedMeasure.REVENUE_12M, _l("Revenue of the last 12 months")),
        (ComputedMeasure.PROFIT_12M, _l("Profit of the last 12 months")),
        (ComputedMeasure.VALUABLE_COMPLAINTS, _l("Valuable customers who complained")),
        (
            ComputedMeasure.INTERACTIONS_PER_CUSTOMER,
            _l("Interactions per customer in 12 months"),
        ),
        (ComputedMeasure.DECISION_MAKER_COVERAGE, _l("Decision-maker coverage")),
        (ComputedMeasure.DATA_COMPLETENESS, _l("Completeness of customer data")),
        (MeasureScope.COMPANY, _l("The company (scorecard)")),
        (MeasureScope.DEPARTMENT, _l("A department (KPI)")),
        (MeasureScope.PERSONAL, _l("One person (KPI)")),
        (Basis.TURNOVER, _l("Turnover")),
        (Basis.PROFIT, _l("Profit")),
        (Period.MONTHLY, _l("Monthly")),
        (Period.QUARTERLY, _l("Quarterly")),
        (ReportKind.SUMMARY, _l("Engagement summary")),
        (ReportKind.EXECUTIVE, _l("Executive summary")),
        (ReportKind.PREPARATION, _l("Preparation report")),
        (ReportKind.PLANNING, _l("Planning report")),
        (ReportKind.DESIGN, _l("Design report")),
        (ReportKind.IMPLEMENTATION, _l("Implementation report")),
        (ReportKind.SCORECARD, _l("Scorecard report")),
        (ReportKind.PACK, _l("Report pack")),
        (WorkStatus.PLANNED, _l("Planned")),
        (WorkStatus.IN_PROGRESS, _l("Under way")),
        (WorkStatus.DONE, _l("Done")),
        (WorkStatus.ON_HOLD, _l("On hold")),
        (ActionStatus.OPEN, _l("Open")),
        (ActionStatus.IN_PROGRESS, _l("Under way")),
        (ActionStatus.DONE, _l("Done")),
        (FactorState.IN_PLACE, _l("In place")),
        (FactorState.PARTLY, _l("Partly")),
        (FactorState.NOT_YET, _l("Not yet")),
        (Component.STRATEGY, _l("Strategy")),
        (Component.PEOPLE, _l("People")),
        (Component.PROCESS, _l("Process")),
        (Component.TECHNOLOGY, _l("Technology")),
        (Layer.OPERATIONAL, _l("Operational CRM")),
        (Layer.ANALYTICAL, _l("Analytical CRM")),
        (Layer.COLLABORATIVE, _l("Collaborative CRM")),
        (CrmStrategy.PROSPECTING, _l("Prospecting new customers")),
        (CrmStrategy.CROSS_SELLING, _l("Cross-selling")),
        (CrmStrategy.WIN_BACK, _l("Winning back lost customers")),
        (CrmStrategy.LOYALTY, _l("Loyalty")),
        (LifecycleStage.SELECTION, _l("Selection")),
        (LifecycleStage.ACQUISITION, _l("Acquisition")),
        (LifecycleStage.RETENTION, _l("Retention")),
        (LifecycleStage.DEEPENING, _l("Deepening")),
        (Channel.PHONE, _l("Phone")),
        (Channel.EMAIL, _l("E-mail")),
        (Channel.WEB, _l("Web")),
        (Channel.LETTER_FAX, _l("Letter or fax")),
        (Channel.FACE_TO_FACE, _l("Face to face")),
        (Channel.OTHER, _l("Other")),
        (InteractionDirection.INBOUND, _l("The customer")),
        (InteractionDirection.OUTBOUND, _l("We did")),
        (ValueGroup.MVC, _l("Most valuable (MVC)")),
        (ValueGroup.MGC, _l("Most growable (MGC)")),
        (ValueGroup.BZ, _l("Below zero (BZ)")),
        (ValueGroup.OTHER, _l("Other customers")),
        (Segment.MVC, _l("Most valuable (MVC)")),
        (Segment.MGC, _l("Most growable (MGC)")),
        (Segment.BZ, _l("Below zero (BZ)")),
        (Segment.OTHER, _l("Other customers")),
        (Segment.A, _l("Class A")),
        (Segment.B, _l("Class B")),
        (Segment.C, _l("Class C")),
        (Flag.TOP_FIVE_PERCENT, _l("Top 5 percent by last year's sales")),
        (Flag.NO_ORDER_FOR_A_YEAR, _l("No order for a year or more")),
        (Flag.VALUABLE_COMPLAINED, _l("Valuable customer who complained")),
        (Flag.ORDERED_LESS, _l("Ordered less than the year before")),
        (Flag.BUYS_FROM_COMPETITORS, _l("Buys more from competitors")),
        (Perspective.FINANCIAL, _l("Financial")),
        (Perspective.CUSTOMER, _l("Customer")),
        (Perspective.INTERNAL, _l("Internal process")),
        (Perspective.LEARNING, _l("Creativity and learning")),
        (Direction.HIGHER_IS_BETTER, _l("Higher is better")),
        (Direction.LOWER_IS_BETTER, _l("Lower is better")),
        (Category.TREND_FOLLOWER, _l("Trend followers")),
        (Category.HOPELESS, _l("The hopeless")),
        (Category.SAVER, _l("Savers")),
        (Category.STRATEGIC_THINKER, _l("Strategic thinkers")),
        (Dimension.STRATEGY, _l("Strategy")),
        (Dimension.PEOPLE_CULTURE, _l("People and culture")),
        (Dimension.PROCESS, _l("Process")),
        (Dimension.TECHNOLOGY, _l("Technology")),
        (Dimension.CUSTOMER_KNOWLEDGE, _l("Customer knowledge")),
        (Dimension.MEASUREMENT, _l("Measurement")),
        (Gate.NEED, _l("Need for CRM")),
        (Gate.BACKING, _l("Top-management backing")),
        (Gate.CULTURE, _l("Culture open to change")),
        (GateStatus.PASSED, _l("Passed")),
        (GateStatus.FAILED, _l("Failed")),
        (GateStatus.OVERRIDDEN, _l("Overridden")),
        (GateStatus.NOT_ANSWERED, _l("Not answered")),
        (Recommendation.NOT_YET, _l("Not yet: a gate is still unanswered")),
        (Recommendation.GO, _l("Go: every gate passed")),
        (
            Recommendation.GO_WITH_CONDITIONS,
            _l("Go, on the conditions the overrides name"),
        ),
        (Recommendation.NO_GO, _l("No go: a gate failed and stands")),
        (
            Figure.DECISION_MAKER_COVERAGE,
            _l("Customers with a decision maker recorded"),
        ),
        (Figure.VERIFIED_12M, _l("Records verified in the last 12 months")),
        (Figure.EMAIL_SHARE, _l("Customers with an e-mail address")),
        (Figure.PHONE_SHARE, _l("Customers with a phone number")),
        (Figure.COMPLAINTS_12M, _l("Complaints recorded in the last 12 months")),
        (Figure.INTERACTIONS_90D, _l("Interactions recorded in the last 90 days")),
        (Figure.CHANNELS_90D, _l("Channels of the last 90 days' interactions")),
        (
            Figure.BOUGHT_12M_SHARE,
            _l("Customers who bought in the 12 months before the analysis"),
        ),
        (Source.CUSTOMERS, _l("Import the customers to test this answer.")),
        (
            Source.CONTACTS,
            _l("Import the customers and their contacts to test this answer."),
        ),
        (
            Source.COMPLAINTS,
            _l("Import the customers, then their complaints, to test this answer."),
        ),
        (
            Source.INTERACTIONS,
            _l(
                "Import the customers, then record their interactions, to test "
                "this answer."
            ),
        ),
        (
            Source.ANALYSIS,
            _l("Import the sales and run an analysis to test this answer."),
        ),
        (Verdict.CONTRADICTED, _l("The data contradicts this answer")),
        (Verdict.SUPPORTED, _l("The data agrees")),
        (Verdict.UNTESTED, _l("Not tested yet")),
        (SponsorDecision.APPROVED, _l("Approve")),
        (SponsorDecision.STOPPED, _l("Stop here")),
        (SponsorDecision.SENT_BACK, _l("Send back")),
        (Department.MANAGEMENT, _l("Management")),
        (Department.MARKETING, _l("Marketing")),
        (Department.SALES, _l("Sales")),
        (Department.LOGISTICS, _l("Logistics")),
        (Department.FINANCE, _l("Finance")),
        (Department.SERVICE, _l("Service")),
        (Department.HUMAN_RESOURCES, _l("Human resources")),
        (Department.IT, _l("Information technology")),
        (Department.PRODUCTION, _l("Production")),
        (Department.OTHER, _l("Other")),
        (AwarenessKind.INFORMAL_MEETING, _l("Informal meeting")),
        (AwarenessKind.TRAINING, _l("Training")),
        (AwarenessKind.VISIT, _l("Visit")),
        (ResistanceStatus.OPEN, _l("Open")),
        (ResistanceStatus.IN_PROGRESS, _l("Being handled")),
        (ResistanceStatus.RESOLVED, _l("Resolved")),
        (OrgRole.SPONSOR, _l("Sponsor")),
        (OrgRole.PROJECT_MANAGER, _l("Project manager")),
        (OrgRole.CONSULTANT, _l("Consultant")),
        (OrgRole.PROJECT_TEAM, _l("Project team")),
        (OrgRole.WORKING_GROUP, _l("Planning working group")),
    )
}

#: What each readiness category means, in one sentence.
_CATEGORY_MEANINGS = {
    Category.TREND_FOLLOWER: _l(
        "Interested in CRM because it is in fashion or competitors have it, without"
        " a goal of the company's own."
    ),
    Category.HOPELESS: _l(
        "Sees CRM only as buying software: a technology investment, not a change"
        " in how the company works."
    ),
    Category.SAVER: _l("Sees CRM as a way to cut costs and work more efficiently."),
    Category.STRATEGIC_THINKER: _l(
        "Sees CRM as reorganising the company around its customers to compete"
        " better: the motivation the method looks for."
    ),
}

#: What the consultant should do next for each category.
_CATEGORY_ADVICE = {
    Category.TREND_FOLLOWER: _l(
        "Before going further, work with top management on what the company itself"
        " wants from its customers; turn the interest into two or three goals of"
        " its own, or stop here."
    ),
    Category.HOPELESS: _l(
        "Stop and re-frame CRM as a matter of strategy and organisation before any"
        " talk of software. Without that shift the project should not go ahead."
    ),
    Category.SAVER: _l(
        "Build on the efficiency goals, but widen them: show how knowing and"
        " serving the most valuable customers better pays more than cutting costs."
    ),
    Category.STRATEGIC_THINKER: _l(
        "Go ahead: confirm the gates, set up the project organisation and prepare"
        " the awareness activities."
    ),
}

#: Why each rule of the project organisation matters.
_RULE_MESSAGES = {
    Rule.NO_SPONSOR: _l(
        "No sponsor is named. The project needs the top decision maker as its sponsor."
    ),
    Rule.SPONSOR_NOT_TOP_DECISION_MAKER: _l(
        "The sponsor (%(people)s) is not the company's top decision maker. CRM puts"
        " strategy on the table; only the owner or general manager can carry it."
    ),
    Rule.SECOND_SPONSOR: _l(
        "%(people)s is recorded as a sponsor but is not the top decision maker."
        " The method has one sponsor: the company's top decision maker, who owns"
        " success and failure."
    ),
    Rule.NO_PROJECT_MANAGER: _l("No project manager is named."),
    Rule.SEVERAL_PROJECT_MANAGERS: _l(
        "There are several project managers (%(people)s). The method gives the"
        " project one manager, whom the sponsor backs in everything."
    ),
    Rule.PROJECT_MANAGER_FROM_IT: _l(
        "The project manager (%(people)s) comes from the IT department. The IT"
        " department must not run a CRM project: it is a change of strategy and"
        " organisation, not a software installation."
    ),
    Rule.PROJECT_MANAGER_LACKS_QUALITIES: _l(
        "The project manager %(people)s lacks: %(missing)s."
    ),
    Rule.NO_CONSULTANT: _l(
        "Nobody in the organisation is recorded as the consultant. If a"
        " consulting firm takes part, record its consultant, so that the method's"
        " check of CRM project experience can be made."
    ),
    Rule.CONSULTANT_WITHOUT_CRM_EXPERIENCE: _l(
        "The consultant %(people)s has no CRM project experience."
    ),
    Rule.TEAM_MISSING_DEPARTMENTS: _l(
        "The project team has no manager from: %(missing)s."
    ),
    Rule.WORKING_GROUP_WITHOUT_MANAGER: _l(
        "The planning working group has no manager from: %(missing)s."
    ),
    Rule.WORKING_GROUP_WITHOUT_FRONT_LINE: _l(
        "The planning working group has no front-line staff from: %(missing)s;"
        " add people who do the operational work next to their managers."
    ),
    Rule.TEAM_ANNOUNCED_BEFORE_AWARENESS: _l(
        "The team's appointment was announced before the awareness activities."
        " Managers should meet CRM's ideas first."
    ),
}

#: The qualities a project manager should have, as the rules name them.
_QUALITIES = {
    "crm_knowledge": _l("knowledge of CRM concepts"),
    "trusted": _l("the trust of the company"),
    "communicates_well": _l("communication skills"),
    "knows_market": _l("knowledge of the company and its market"),
}


_SEAT_MESSAGES = {
    Seat.MANAGER: _l("No manager from %(department)s."),
    Seat.FRONT_LINE: _l("No front-line staff from %(department)s."),
}

#: What keeps planning open, by blocker: each takes how many things it
#: concerns and the values of %(session)s and %(items)s.
_OBSTACLE_MESSAGES = {
    Blocker.SESSION_NOT_HELD: lambda n, v: _(
        "The session “%(session)s” has not been held.", **v
    ),
    Blocker.SESSION_WITHOUT_DATE: lambda n, v: _(
        "The session “%(session)s” is marked held, but not the day it was held on.",
        **v,
    ),
    Blocker.SESSION_WITHOUT_FACILITATOR: lambda n, v: _(
        "The session “%(session)s” is marked held, but not who led it.", **v
    ),
    Blocker.SESSION_WITHOUT_ATTENDANCE: lambda n, v: _(
        "The session “%(session)s” is marked held, but nobody is recorded as present.",
        **v,
    ),
    Blocker.ANSWERS_NOT_AGREED: lambda n, v: ngettext(
        "“%(session)s”: question %(items)s has no agreed answer, nor a reason "
        "why nothing was agreed.",
        "“%(session)s”: questions %(items)s have no agreed answer, nor a reason "
        "why nothing was agreed.",
        n,
        **v,
    ),
    Blocker.NO_VISION: lambda n, v: _("The CRM vision is not written yet."),
    Blocker.NO_STRATEGY: lambda n, v: _("No business strategy is agreed yet."),
    Blocker.NO_GOALS: lambda n, v: _("No goal is set yet."),
    Blocker.GOAL_WITHOUT_STRATEGY: lambda n, v: ngettext(
        "This goal comes from no business strategy: %(items)s.",
        "These goals come from no business strategy: %(items)s.",
        n,
        **v,
    ),
    Blocker.GOAL_WITHOUT_MEASURE: lambda n, v: ngettext(
        "This goal has no measure: %(items)s.",
        "These goals have no measure: %(items)s.",
        n,
        **v,
    ),
    Blocker.PERSPECTIVE_WITHOUT_MEASURE: lambda n, v: ngettext(
        "No measure yet in this perspective of the scorecard: %(items)s.",
        "No measure yet in these perspectives of the scorecard: %(items)s.",
        n,
        **v,
    ),
}


#: Why an announcement is out of the method's order; %(date)s is the step's date.
ANNOUNCEMENT_MESSAGES = {
    AnnouncementBreach.BEFORE_AWARENESS: _l(
        "The announcement is the last step of preparation: it cannot come before"
        " the first awareness activity (%(date)s)."
    ),
    AnnouncementBreach.BEFORE_TEAM_APPOINTMENT: _l(
        "The announcement is the last step of preparation: it cannot come before"
        " the team's appointment was announced (%(date)s)."
    ),
}


def announcement_message(early) -> str:
    """An announcement dated before an earlier step, explained."""
    return str(ANNOUNCEMENT_MESSAGES[early.breach]) % {
        "date": format_date(early.step_on, "medium")
    }


def seat_message(seat) -> str:
    """An empty seat of a workshop session, explained."""
    return str(_SEAT_MESSAGES[seat.seat]) % {"department": label(seat.department)}


def obstacle_message(obstacle, session: str = "", links: Markup | None = None):
    """What keeps planning open, explained, as markup. ``session`` names the
    session concerned; ``links`` (markup) stands in for the plain names of the
    questions, goals or perspectives concerned, on pages that link to them."""
    subjects = _obstacle_subjects(obstacle)
    values = {
        "session": escape(session),
        "items": links if links is not None else escape(", ".join(subjects)),
    }
    # The values are escaped (or markup built by a template); the rest is the
    # catalog's own text.
    message = _OBSTACLE_MESSAGES[obstacle.blocker](len(subjects), values)
    return Markup(message)  # noqa: S704


def _obstacle_subjects(obstacle) -> list[str]:
    return (
        [str(number) for number in obstacle.questions]
        + [goal.name for goal in obstacle.goals]
        + [label(perspective) for perspective in obstacle.perspectives]
    )


def category_meaning(category: Category) -> str:
    return str(_CATEGORY_MEANINGS[category])


def category_advice(category: Category) -> str:
    """What the consultant should do next for a company in this category."""
    return str(_CATEGORY_ADVICE[category])


def finding_message(finding) -> str:
    """A broken organisation rule, explained, with the people and gaps it concerns."""
    missing = [
        str(_QUALITIES[code]) if code in _QUALITIES else label(Department(code))
        for code in finding.missing
    ]
    return str(_RULE_MESSAGES[finding.rule]) % {
        "people": ", ".join(finding.people),
        "missing": ", ".join(missing),
    }


#: One sentence per phase for its dashboard tile.
_PHASE_PURPOSES = {
    Phase.PREPARATION: _l(
        "Decide whether the company is ready: its need, its motivation, the backing"
        " of top management, its openness to change, and the project organisation."
    ),
    Phase.PLANNING: _l(
        "Workshops that turn questions about the market, the customers and the"
        " company into strategies, a CRM vision, goals and measures."
    ),
    Phase.DESIGN: _l(
        "Identify, differentiate, interact, customize: the customer data, its value"
        " groups and how customers move between analyses."
    ),
    Phase.IMPLEMENTATION: _l(
        "The gap analysis, the transition plan and the balanced scorecard that"
        " tracks the goals."
    ),
}


#: What the method says to do about the customers each rule flags.
_FLAG_ACTIONS = {
    Flag.TOP_FIVE_PERCENT: _l(
        "Give them your best people and first attention; losing one hurts most."
    ),
    Flag.NO_ORDER_FOR_A_YEAR: _l(
        "Cut the cost of serving them, or try once to win them back."
    ),
    Flag.VALUABLE_COMPLAINED: _l(
        "Handle them personally and check the quality of what they complained about."
    ),
    Flag.ORDERED_LESS: _l("Visit them and find out how satisfied they are."),
    Flag.BUYS_FROM_COMPETITORS: _l(
        "Make them an offer that wins back the share they give to competitors."
    ),
}


def flag_action(flag: Flag) -> str:
    """The method's advice for the customers a rule flags."""
    return str(_FLAG_ACTIONS[flag])


def phase_purpose(phase: Phase) -> str:
    """What a phase is for, in one sentence."""
    return str(_PHASE_PURPOSES[phase])


#: A member's role as a note beside a person of the organisation: a phrase of
#: its own rather than a lower-cased label, which Turkish would get wrong.
_MEMBER_ROLES = {
    Role.CONSULTANT: _l("member: consultant"),
    Role.TEAM: _l("member: project team"),
    Role.SPONSOR: _l("member: sponsor"),
}


def member_role(role: Role) -> str:
    """Which member of the engagement a person of the organisation is."""
    return str(_MEMBER_ROLES[role])


def label(code: Enum) -> str:
    """The translated label of one of the core's codes."""
    return str(_LABELS[(type(code), code.value)])


def labelled_enums() -> list[type[Enum]]:
    """Every enum with a label for at least one member: each must then have one
    for every member (the label test reads this list, so it never goes stale)."""
    return sorted({enum for enum, _value in _LABELS}, key=lambda enum: enum.__name__)


def flag_label(value: str) -> str:
    """The label of a rule flag stored as text in a snapshot."""
    return label(Flag(value))


def group_label(value: str) -> str:
    """The label of a value group stored as text in a snapshot."""
    return label(ValueGroup(value))
