"""What the sponsor and the consultant oversee: the decisions waiting for the
sponsor, where a project stands, how a client compares with the consultant's
other clients, what happened in an engagement, and the reports it issued.

Decisions, pinned by tests:

- **Awaiting the sponsor.** A gate of the latest completed preparation take
  waits for the sponsor once it has an outcome (passed, failed or overridden)
  and no decision yet; an unanswered gate has nothing to decide.
- **Where the project stands** is each phase's own state, never one "current
  phase": phases overlap. A phase whose steps include clearing the go/no-go
  gates holds the later phases back until that step is done (the method makes
  the sponsor's gate decisions the condition for going on), so a later phase
  under way before then is a risk.
- **Peers.** A client's maturity profile is compared with the plain average
  of the consultant's *other* engagements, per dimension, over those that
  have a score for it; no name of another client is ever part of it. Like is
  compared with like: the caller passes profiles of one definition (the
  preparation questionnaire's) for all. An average over fewer than the
  minimum (a setting, never under ``PEER_FLOOR``) is withheld with its count:
  over one it *is* that client's profile, over two it gives each away to
  whoever knows the other.
- **The report pack** holds the executive summary first, then the phase
  reports in the method's order and the scorecard.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from assessments.progress import (
    PHASE_STEPS,
    EngagementFacts,
    Phase,
    PhaseProgress,
    PhaseStatus,
    Step,
    overview,
)
from assessments.questionnaire import Dimension, Gate
from assessments.readiness import GateStatus


class ActivityKind(StrEnum):
    """What the activity feed records."""

    ANSWERS_SAVED = "answers_saved"
    TAKE_COMPLETED = "take_completed"
    GATE_OVERRIDDEN = "gate_overridden"
    GATE_DECIDED = "gate_decided"
    CUSTOMERS_IMPORTED = "customers_imported"
    ANALYSIS_TAKEN = "analysis_taken"
    REPORT_ISSUED = "report_issued"
    VALUE_RECORDED = "value_recorded"
    REVIEW_RECORDED = "review_recorded"
    #: a phase was closed or opened again; the subject is the phase
    PHASE_CLOSED = "phase_closed"
    PHASE_REOPENED = "phase_reopened"
    #: the subject is "date:customer name"
    INTERACTION_CORRECTED = "interaction_corrected"
    #: the subject is "number:reason"
    ANALYSIS_WITHDRAWN = "analysis_withdrawn"
    #: something was removed; the subject is "what:name", what a ``Removable``
    REMOVED = "removed"
    #: the subject is the engagement's name
    ENGAGEMENT_CREATED = "engagement_created"
    #: the subject is "role:name"
    MEMBER_INVITED = "member_invited"
    #: the subject is the person's name
    PERSON_ADDED = "person_added"
    PERSON_CHANGED = "person_changed"
    #: the subject is the activity's topic
    AWARENESS_ADDED = "awareness_added"
    #: the subject is "who: concern"
    RESISTANCE_ADDED = "resistance_added"
    #: the subject is "status:who: concern"
    RESISTANCE_UPDATED = "resistance_updated"
    #: the subject is the date (ISO), empty when the date was cleared
    TEAM_ANNOUNCED = "team_announced"
    #: the subject is "date:name of the top executive"
    ANNOUNCED = "announced"
    #: the subject is the date (ISO) of the announcement withdrawn
    ANNOUNCEMENT_WITHDRAWN = "announcement_withdrawn"
    #: the subject is "absorbed\nkept", each "name (account number)"
    CUSTOMERS_MERGED = "customers_merged"
    #: a take after an earlier one; the subject is "questionnaire:number"
    REASSESSMENT_STARTED = "reassessment_started"
    #: the customer data came to contradict an answer, or stopped doing so;
    #: the subject is "questionnaire:take number:question id"
    CLAIM_CONTRADICTED = "claim_contradicted"
    CLAIM_CLEARED = "claim_cleared"


class Removable(StrEnum):
    """What the activity feed says was removed."""

    MEMBER = "member"
    PERSON = "person"
    AWARENESS_ACTIVITY = "awareness_activity"
    #: the name is "who: concern"
    RESISTANCE = "resistance"
    BUSINESS_STRATEGY = "business_strategy"
    GOAL = "goal"
    MEASURE = "measure"
    CUSTOMER = "customer"
    CONTACT = "contact"
    #: the name is "date:customer name"
    INTERACTION = "interaction"
    GROUP_OVERRIDE = "group_override"
    OBJECTIVE = "objective"
    MEASURE_VALUE = "measure_value"
    WORK_PACKAGE = "work_package"
    REVIEW = "review"


class ReportKind(StrEnum):
    """Every report the product issues."""

    SUMMARY = "summary"
    EXECUTIVE = "executive"
    PREPARATION = "preparation"
    PLANNING = "planning"
    DESIGN = "design"
    IMPLEMENTATION = "implementation"
    SCORECARD = "scorecard"
    PACK = "pack"


#: The parts of the report pack, in the order they are bound.
PACK_ORDER = (
    ReportKind.EXECUTIVE,
    ReportKind.PREPARATION,
    ReportKind.PLANNING,
    ReportKind.DESIGN,
    ReportKind.IMPLEMENTATION,
    ReportKind.SCORECARD,
)


def awaiting_decision(
    gates: Iterable[tuple[Gate, GateStatus]], decided: Iterable[Gate]
) -> list[Gate]:
    """The gates with an outcome the sponsor has not decided on yet."""
    done = set(decided)
    return [
        gate
        for gate, status in gates
        if status != GateStatus.NOT_ANSWERED and gate not in done
    ]


@dataclass(frozen=True)
class RunningAhead:
    """Later phases under way while an earlier phase's gates are not cleared."""

    #: the phase whose go/no-go gates the sponsor has not cleared
    gated: Phase
    #: the later phases in progress or complete, in the method's order
    running: tuple[Phase, ...]


def running_ahead(facts: EngagementFacts) -> list[RunningAhead]:
    """Each phase with uncleared gates that later phases already run ahead of."""
    phases = overview(facts)
    done = facts.done_steps()
    risks = []
    for position, tile in enumerate(phases):
        if Step.CLEAR_GATES not in PHASE_STEPS[tile.phase] or Step.CLEAR_GATES in done:
            continue
        running = _under_way(phases[position + 1 :])
        if running:
            risks.append(RunningAhead(tile.phase, running))
    return risks


def _under_way(phases: Sequence[PhaseProgress]) -> tuple[Phase, ...]:
    return tuple(t.phase for t in phases if t.status != PhaseStatus.NOT_STARTED)


def furthest_along(phases: Sequence[PhaseProgress]) -> tuple[int, int]:
    """A sort key: the furthest phase under way (its place, 0 for none or only
    preparation), then the steps done in all phases."""
    started = [i for i, t in enumerate(phases) if t.status != PhaseStatus.NOT_STARTED]
    return (max(started, default=0), sum(t.steps_done for t in phases))


#: The fewest other engagements a peer average may be drawn from, whatever the
#: setting says: below it the average tells one client's figures.
PEER_FLOOR = 3


@dataclass(frozen=True)
class PeerComparison:
    mine: float | None
    #: the average of the other engagements with a score; None when fewer than
    #: the minimum have one
    others: float | None
    #: how many other engagements the average is over; None with the average
    count: int | None


def compare_with_peers(
    mine: Mapping[Dimension, float | None],
    others: Iterable[Mapping[Dimension, float | None]],
    minimum: int = PEER_FLOOR,
) -> dict[Dimension, PeerComparison]:
    """This client's profile beside the average of the other clients, per
    dimension scored by at least ``minimum`` of them (raised to PEER_FLOOR)."""
    profiles = list(others)
    enough = max(minimum, PEER_FLOOR)
    comparison = {}
    for dimension in Dimension:
        scores = [p[dimension] for p in profiles if p.get(dimension) is not None]
        shown = len(scores) >= enough
        comparison[dimension] = PeerComparison(
            mine.get(dimension),
            round(sum(scores) / len(scores), 1) if shown else None,
            len(scores) if shown else None,
        )
    return comparison
