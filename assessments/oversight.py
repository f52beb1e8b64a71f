"""What the sponsor and the consultant oversee: the decisions waiting for the
sponsor, where a project stands, how a client compares with the consultant's
other clients, what happened in an engagement, and the reports it issued.

Decisions, pinned by tests:

- **Awaiting the sponsor.** A gate of the latest completed preparation take
  waits for the sponsor once it has an outcome (passed, failed or overridden)
  and no decision yet; an unanswered gate has nothing to decide.
- **Current phase.** The first phase that is not complete; a project whose
  four phases are complete stands in implementation.
- **Peers.** A client's maturity profile is compared with the plain average
  of the consultant's *other* engagements, per dimension, over those that
  have a score for it; no name of another client is ever part of it.
- **The report pack** holds the executive summary first, then the phase
  reports in the method's order and the scorecard.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from assessments.progress import Phase, PhaseProgress, PhaseStatus
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


class Removable(StrEnum):
    """What the activity feed says was removed."""

    MEMBER = "member"
    PERSON = "person"
    AWARENESS_ACTIVITY = "awareness_activity"
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


def current_phase(phases: Iterable[PhaseProgress]) -> Phase:
    """The phase the project stands in."""
    return next(
        (tile.phase for tile in phases if tile.status != PhaseStatus.COMPLETE),
        Phase.IMPLEMENTATION,
    )


@dataclass(frozen=True)
class PeerComparison:
    mine: float | None
    #: the average of the other engagements with a score; None without any
    others: float | None
    #: how many other engagements the average is over
    count: int


def compare_with_peers(
    mine: Mapping[Dimension, float | None],
    others: Iterable[Mapping[Dimension, float | None]],
) -> dict[Dimension, PeerComparison]:
    """This client's profile beside the average of the other clients."""
    profiles = list(others)
    comparison = {}
    for dimension in Dimension:
        scores = [p[dimension] for p in profiles if p.get(dimension) is not None]
        comparison[dimension] = PeerComparison(
            mine.get(dimension),
            round(sum(scores) / len(scores), 1) if scores else None,
            len(scores),
        )
    return comparison
