"""Whether the project organisation set up in preparation follows the method.

The method names one sponsor (the top decision maker), one project manager who
is not from IT, an optional consultant with CRM project experience, a project
team of the operational departments' managers, and a planning working group in
which each of its departments sends a manager **and** front-line staff. That
make-up is one rule, ``empty_seats``: the organisation page checks it on the
working group as recorded, the planning pages on each session's people. A
manager is anyone who is not front-line staff.
The team is announced only after the first awareness activity, and the
company-wide announcement, the phase's last step, after both. Each broken rule
becomes one finding; blockers are the breaches the method says sink a project.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Department(StrEnum):
    """Where a person works in the company."""

    MANAGEMENT = "management"
    MARKETING = "marketing"
    SALES = "sales"
    LOGISTICS = "logistics"
    FINANCE = "finance"
    SERVICE = "service"
    HUMAN_RESOURCES = "human_resources"
    IT = "it"
    PRODUCTION = "production"
    OTHER = "other"


class OrgRole(StrEnum):
    """A part a person plays in the project organisation."""

    SPONSOR = "sponsor"
    PROJECT_MANAGER = "project_manager"
    CONSULTANT = "consultant"
    PROJECT_TEAM = "project_team"
    WORKING_GROUP = "working_group"


#: The operational departments the method wants represented in the project team.
REQUIRED_TEAM_DEPARTMENTS: tuple[Department, ...] = (
    Department.MARKETING,
    Department.SALES,
    Department.LOGISTICS,
    Department.FINANCE,
    Department.SERVICE,
)

#: The departments whose people form the planning working group.
WORKING_GROUP_DEPARTMENTS: tuple[Department, ...] = (
    Department.MARKETING,
    Department.SALES,
    Department.LOGISTICS,
    Department.FINANCE,
    Department.HUMAN_RESOURCES,
)

#: What the method asks of a project manager, as codes the web layer translates.
PROJECT_MANAGER_QUALITIES: tuple[str, ...] = (
    "crm_knowledge",
    "trusted",
    "communicates_well",
    "knows_market",
)


@dataclass(frozen=True)
class Person:
    """One person in the project organisation, with what the rules look at."""

    name: str
    department: Department
    roles: frozenset[OrgRole]
    is_top_decision_maker: bool = False
    is_front_line: bool = False
    is_external: bool = False
    crm_knowledge: bool = False
    crm_project_experience: bool = False
    trusted: bool = False
    communicates_well: bool = False
    knows_market: bool = False


@dataclass(frozen=True)
class OrganisationFacts:
    """The organisation and its key dates, as plain values."""

    people: tuple[Person, ...]
    first_awareness_on: date | None = None
    team_announced_on: date | None = None


class Seat(StrEnum):
    """Who a department must send to the working group."""

    MANAGER = "manager"
    FRONT_LINE = "front_line"


@dataclass(frozen=True)
class Participant:
    """Someone of the working group, as its make-up rule sees them."""

    name: str
    department: Department
    is_front_line: bool


@dataclass(frozen=True)
class EmptySeat:
    """A department that has no one of this kind in the group."""

    department: Department
    seat: Seat


def seat_table(
    participants: Iterable[Participant],
) -> dict[Department, dict[Seat, tuple[str, ...]]]:
    """Each working-group department's manager and front-line seats, with
    the names of those who fill them (none: the seat is empty)."""
    people = list(participants)
    return {
        department: {
            Seat.MANAGER: tuple(
                p.name
                for p in people
                if p.department == department and not p.is_front_line
            ),
            Seat.FRONT_LINE: tuple(
                p.name for p in people if p.department == department and p.is_front_line
            ),
        }
        for department in WORKING_GROUP_DEPARTMENTS
    }


def empty_seats(participants: Iterable[Participant]) -> list[EmptySeat]:
    """The manager and front-line seats of the working group nobody fills."""
    return [
        EmptySeat(department, seat)
        for department, seats in seat_table(participants).items()
        for seat, names in seats.items()
        if not names
    ]


class Rule(StrEnum):
    """One code per rule of the method; findings come in this order."""

    NO_SPONSOR = "no_sponsor"
    SPONSOR_NOT_TOP_DECISION_MAKER = "sponsor_not_top_decision_maker"
    SECOND_SPONSOR = "second_sponsor"
    NO_PROJECT_MANAGER = "no_project_manager"
    SEVERAL_PROJECT_MANAGERS = "several_project_managers"
    PROJECT_MANAGER_FROM_IT = "project_manager_from_it"
    PROJECT_MANAGER_LACKS_QUALITIES = "project_manager_lacks_qualities"
    NO_CONSULTANT = "no_consultant"
    CONSULTANT_WITHOUT_CRM_EXPERIENCE = "consultant_without_crm_experience"
    TEAM_MISSING_DEPARTMENTS = "team_missing_departments"
    WORKING_GROUP_WITHOUT_MANAGER = "working_group_without_manager"
    WORKING_GROUP_WITHOUT_FRONT_LINE = "working_group_without_front_line"
    TEAM_ANNOUNCED_BEFORE_AWARENESS = "team_announced_before_awareness"


class Severity(StrEnum):
    """A blocker means the method expects the project to fail."""

    BLOCKER = "blocker"
    WARNING = "warning"


#: The method says a project without a top-level sponsor, or run by IT, fails.
_BLOCKERS: frozenset[Rule] = frozenset(
    {
        Rule.NO_SPONSOR,
        Rule.SPONSOR_NOT_TOP_DECISION_MAKER,
        Rule.PROJECT_MANAGER_FROM_IT,
    }
)


@dataclass(frozen=True)
class Finding:
    """One broken rule, with the people concerned and what is missing."""

    rule: Rule
    severity: Severity
    people: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


def check(facts: OrganisationFacts) -> list[Finding]:
    """Every rule of the method that the organisation breaks, in Rule order."""
    findings = [finding for rule in _CHECKS for finding in rule(facts)]
    order = list(Rule)
    return sorted(findings, key=lambda finding: order.index(finding.rule))


def blockers(findings: Iterable[Finding]) -> list[Finding]:
    """Only the findings that must stop the preparation phase from completing."""
    return [finding for finding in findings if finding.severity == Severity.BLOCKER]


def _finding(
    rule: Rule, people: Iterable[str] = (), missing: Iterable[str] = ()
) -> Finding:
    """A finding whose severity always follows from its rule."""
    severity = Severity.BLOCKER if rule in _BLOCKERS else Severity.WARNING
    return Finding(rule, severity, tuple(people), tuple(missing))


def _with_role(facts: OrganisationFacts, role: OrgRole) -> list[Person]:
    """The people holding a role, in the order they were given."""
    return [person for person in facts.people if role in person.roles]


def _sponsor(facts: OrganisationFacts) -> list[Finding]:
    """The sponsor must exist and be the company's top decision maker; a
    second sponsor who is not blurs who owns success and failure."""
    sponsors = _with_role(facts, OrgRole.SPONSOR)
    if not sponsors:
        return [_finding(Rule.NO_SPONSOR)]
    others = [person.name for person in sponsors if not person.is_top_decision_maker]
    if len(others) == len(sponsors):
        return [_finding(Rule.SPONSOR_NOT_TOP_DECISION_MAKER, people=others)]
    return [_finding(Rule.SECOND_SPONSOR, people=others)] if others else []


def _project_manager_exists(facts: OrganisationFacts) -> list[Finding]:
    """Someone, and one person, has to run the project day to day."""
    managers = _with_role(facts, OrgRole.PROJECT_MANAGER)
    if not managers:
        return [_finding(Rule.NO_PROJECT_MANAGER)]
    if len(managers) > 1:
        names = (person.name for person in managers)
        return [_finding(Rule.SEVERAL_PROJECT_MANAGERS, people=names)]
    return []


def _project_manager_not_it(facts: OrganisationFacts) -> list[Finding]:
    """The IT department must not run the CRM project."""
    from_it = [
        person.name
        for person in _with_role(facts, OrgRole.PROJECT_MANAGER)
        if person.department == Department.IT
    ]
    return [_finding(Rule.PROJECT_MANAGER_FROM_IT, people=from_it)] if from_it else []


def _project_manager_qualities(facts: OrganisationFacts) -> list[Finding]:
    """Each project manager needs CRM knowledge, trust, communication and market."""
    findings = []
    for person in _with_role(facts, OrgRole.PROJECT_MANAGER):
        lacking = [q for q in PROJECT_MANAGER_QUALITIES if not getattr(person, q)]
        if lacking:
            findings.append(
                _finding(
                    Rule.PROJECT_MANAGER_LACKS_QUALITIES,
                    people=(person.name,),
                    missing=lacking,
                )
            )
    return findings


def _consultant_experience(facts: OrganisationFacts) -> list[Finding]:
    """A consultant, if there is one, must have run CRM projects before; with
    nobody recorded as the consultant, that cannot be checked."""
    if not _with_role(facts, OrgRole.CONSULTANT):
        return [_finding(Rule.NO_CONSULTANT)]
    return [
        _finding(Rule.CONSULTANT_WITHOUT_CRM_EXPERIENCE, people=(person.name,))
        for person in _with_role(facts, OrgRole.CONSULTANT)
        if not person.crm_project_experience
    ]


def _team_departments(facts: OrganisationFacts) -> list[Finding]:
    """The team must bring in every operational department's manager: front-line
    staff on the team do not stand for their department's manager."""
    covered = {
        person.department
        for person in _with_role(facts, OrgRole.PROJECT_TEAM)
        if not person.is_front_line
    }
    missing = [d.value for d in REQUIRED_TEAM_DEPARTMENTS if d not in covered]
    return [_finding(Rule.TEAM_MISSING_DEPARTMENTS, missing=missing)] if missing else []


#: The finding of each kind of empty seat in the working group.
_SEAT_RULES = {
    Seat.MANAGER: Rule.WORKING_GROUP_WITHOUT_MANAGER,
    Seat.FRONT_LINE: Rule.WORKING_GROUP_WITHOUT_FRONT_LINE,
}


def _working_group_make_up(facts: OrganisationFacts) -> list[Finding]:
    """Each working-group department sends a manager and front-line staff."""
    group = (
        Participant(person.name, person.department, person.is_front_line)
        for person in _with_role(facts, OrgRole.WORKING_GROUP)
    )
    seats = empty_seats(group)
    findings = []
    for seat, rule in _SEAT_RULES.items():
        missing = [s.department.value for s in seats if s.seat == seat]
        if missing:
            findings.append(_finding(rule, missing=missing))
    return findings


def _announcement_after_awareness(facts: OrganisationFacts) -> list[Finding]:
    """The team is announced only once awareness work has begun."""
    announced, awareness = facts.team_announced_on, facts.first_awareness_on
    if announced is None:
        return []
    if awareness is not None and announced >= awareness:
        return []
    return [_finding(Rule.TEAM_ANNOUNCED_BEFORE_AWARENESS)]


#: One check per group of rules; ``check`` sorts their findings into Rule order.
_CHECKS: tuple[Callable[[OrganisationFacts], list[Finding]], ...] = (
    _sponsor,
    _project_manager_exists,
    _project_manager_not_it,
    _project_manager_qualities,
    _consultant_experience,
    _team_departments,
    _working_group_make_up,
    _announcement_after_awareness,
)


class AnnouncementBreach(StrEnum):
    """Why a company-wide announcement's date breaks the method's order."""

    BEFORE_AWARENESS = "before_awareness"
    BEFORE_TEAM_APPOINTMENT = "before_team_appointment"


@dataclass(frozen=True)
class OutOfOrder:
    """A step the announcement comes before, and the date of that step."""

    breach: AnnouncementBreach
    step_on: date


def announcement_breaches(
    facts: OrganisationFacts, announced_on: date
) -> list[OutOfOrder]:
    """The steps an announcement on this date would come before: the method
    makes it the last step of preparation, after the first awareness activity
    and after the team's appointment (when that is recorded)."""
    earlier = (
        (AnnouncementBreach.BEFORE_AWARENESS, facts.first_awareness_on),
        (AnnouncementBreach.BEFORE_TEAM_APPOINTMENT, facts.team_announced_on),
    )
    return [
        OutOfOrder(breach, step_on)
        for breach, step_on in earlier
        if step_on is not None and announced_on < step_on
    ]
