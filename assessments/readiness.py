"""The readiness category and the go/no-go gates of preparation.

Category rule: the category with the most points wins. **Tie rule**: when two
or more categories share the top score, the *less ready* one is reported
(hopeless < trend follower < saver < strategic thinker), because the method
would rather have the consultant address a weakness that may not be there
than miss one that is. No category points at all gives no category.

Gate rule: a gate is *not answered* until every question counting toward it has
an answer; then it *passes* when its score reaches the questionnaire's
threshold and *fails* otherwise. A failed gate may be *overridden* by a
consultant with a written reason, which the web layer records.

**The sponsor decides every gate** once it has an outcome, in the method's
terms (``DECISIONS``): on a passed gate *go on* or *send back*; on a failed gate
*stop here*, *go on, and here is why* (the sponsor's own override) or *send
back*; on an overridden gate *go on* (the override accepted), *stop here* or
*send back*. The order: the consultant may override a failed gate first, with a
reason, or the sponsor decides it as it stands; a new override asks the sponsor
again, and once the sponsor has decided *go on* or *stop* the consultant can no
longer override. Going on past a failed gate and sending back need a written
reason (``needs_reason``); a send-back's reason is the consultant's next step.
The project goes on only when the sponsor decided *go on* at every gate; one
*stop* stops preparation (``GateState.STOPPED``); a gate waiting for the
sponsor, or sent back, holds it open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from assessments.organisation import Finding
from assessments.questionnaire import Category, Definition, Gate
from assessments.scoring import Contribution, ScoreResult

#: From least to most ready; ties resolve to the earliest.
READINESS_ORDER = (
    Category.HOPELESS,
    Category.TREND_FOLLOWER,
    Category.SAVER,
    Category.STRATEGIC_THINKER,
)
#: How many answers an explanation lists.
EXPLANATION_LENGTH = 5


class GateStatus(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    OVERRIDDEN = "overridden"
    NOT_ANSWERED = "not_answered"


class SponsorDecision(StrEnum):
    """What the sponsor decides on a gate's outcome."""

    #: go on past the gate (on a failed gate: despite it, with a reason)
    APPROVED = "approved"
    #: stop here: the project does not go past this gate
    STOPPED = "stopped"
    #: back to the consultant, with the reason as their next step
    SENT_BACK = "sent_back"


#: The sponsor's choices on each outcome, the one the outcome suggests first.
DECISIONS: dict[GateStatus, tuple[SponsorDecision, ...]] = {
    GateStatus.PASSED: (SponsorDecision.APPROVED, SponsorDecision.SENT_BACK),
    GateStatus.FAILED: (
        SponsorDecision.STOPPED,
        SponsorDecision.APPROVED,
        SponsorDecision.SENT_BACK,
    ),
    GateStatus.OVERRIDDEN: (
        SponsorDecision.APPROVED,
        SponsorDecision.STOPPED,
        SponsorDecision.SENT_BACK,
    ),
}


def needs_reason(status: GateStatus, decision: SponsorDecision) -> bool:
    """Whether the decision must come with the sponsor's written reason: a
    send-back (the consultant's next step) and going on past a failed gate."""
    return decision == SponsorDecision.SENT_BACK or (
        decision == SponsorDecision.APPROVED and status == GateStatus.FAILED
    )


def may_override(status: GateStatus, decision: SponsorDecision | None) -> bool:
    """Whether the consultant may override the gate, or change the override's
    reason: a failed gate, before the sponsor decides it or once the sponsor
    sent it back. Going on or stopping is the sponsor's decision, which an
    override would undo."""
    return status in (GateStatus.FAILED, GateStatus.OVERRIDDEN) and decision in (
        None,
        SponsorDecision.SENT_BACK,
    )


class GateState(StrEnum):
    """Where a gate stands once its outcome meets the sponsor's decision."""

    NOT_ANSWERED = "not_answered"
    AWAITING_SPONSOR = "awaiting_sponsor"
    GOING_ON = "going_on"
    STOPPED = "stopped"
    SENT_BACK = "sent_back"


_STATE_OF_DECISION = {
    SponsorDecision.APPROVED: GateState.GOING_ON,
    SponsorDecision.STOPPED: GateState.STOPPED,
    SponsorDecision.SENT_BACK: GateState.SENT_BACK,
}


def gate_state(status: GateStatus, decision: SponsorDecision | None) -> GateState:
    """The gate's state: its outcome, then the sponsor's decision on it."""
    if status == GateStatus.NOT_ANSWERED:
        return GateState.NOT_ANSWERED
    if decision is None:
        return GateState.AWAITING_SPONSOR
    return _STATE_OF_DECISION[decision]


@dataclass(frozen=True)
class Readiness:
    category: Category | None
    #: points of every category, in READINESS_ORDER
    points: tuple[tuple[Category, float], ...]
    #: the categories that shared the top score, when the tie rule decided
    tied: tuple[Category, ...]
    #: the answers that pushed most toward the reported category
    explanation: tuple[Contribution, ...]

    def share(self, category: Category) -> float:
        """The category's share of all points, in percent."""
        total = sum(points for _, points in self.points)
        return round(100 * dict(self.points)[category] / total, 1) if total else 0.0


@dataclass(frozen=True)
class GateResult:
    gate: Gate
    status: GateStatus
    score: float | None
    threshold: float
    answered: int
    total: int
    #: answers below the gate's line that held it back (weakest first) when it
    #: failed, else the answers that carried it (strongest first)
    reasons: tuple[Contribution, ...]

    @property
    def cleared(self) -> bool:
        return self.status in (GateStatus.PASSED, GateStatus.OVERRIDDEN)


def classify(result: ScoreResult) -> Readiness:
    """The readiness category of a scored questionnaire, with its explanation."""
    points = tuple((c, result.categories[c].value or 0.0) for c in READINESS_ORDER)
    top = max(value for _, value in points)
    if top <= 0:
        return Readiness(category=None, points=points, tied=(), explanation=())
    leaders = tuple(category for category, value in points if value == top)
    category = leaders[0]
    return Readiness(
        category=category,
        points=points,
        tied=leaders if len(leaders) > 1 else (),
        explanation=result.categories[category].contributions[:EXPLANATION_LENGTH],
    )


def evaluate_gates(
    definition: Definition,
    result: ScoreResult,
    overridden: Iterable[Gate] = (),
) -> list[GateResult]:
    """Every gate of the questionnaire with its status and reasons."""
    overridden = set(overridden)
    return [
        _gate_result(gate, threshold, result, gate in overridden)
        for gate, threshold in definition.gates.items()
    ]


def _gate_result(
    gate: Gate, threshold: float, result: ScoreResult, overridden: bool
) -> GateResult:
    score = result.gates[gate]
    if score.answered < score.total or score.value is None:
        status = GateStatus.NOT_ANSWERED
    elif score.value >= threshold:
        status = GateStatus.PASSED
    else:
        status = GateStatus.OVERRIDDEN if overridden else GateStatus.FAILED
    held_back = status in (GateStatus.FAILED, GateStatus.OVERRIDDEN)
    reasons = (
        tuple(part for part in reversed(score.contributions) if below(part, threshold))
        if held_back
        else score.contributions
    )
    return GateResult(
        gate=gate,
        status=status,
        score=score.value,
        threshold=threshold,
        answered=score.answered,
        total=score.total,
        reasons=reasons[:EXPLANATION_LENGTH],
    )


def below(part: Contribution, threshold: float) -> bool:
    """Whether an answer's support (0–1) falls below the gate's line (0–100):
    only such an answer held a failed gate back."""
    return part.points * 100 < threshold


class Recommendation(StrEnum):
    """What the gates, as they stand, recommend to the sponsor."""

    #: a gate is not answered yet
    NOT_YET = "not_yet"
    #: every gate passed
    GO = "go"
    #: every gate passed or was overridden with a reason: go, on the
    #: conditions the reasons name
    GO_WITH_CONDITIONS = "go_with_conditions"
    #: a gate failed and stands
    NO_GO = "no_go"


def recommend(gates: Sequence[GateResult]) -> Recommendation:
    """The recommendation a report's first page gives the board: the
    method's gates decide, an override turns a go into a conditional one."""
    statuses = {gate.status for gate in gates}
    if not gates or GateStatus.NOT_ANSWERED in statuses:
        return Recommendation.NOT_YET
    if GateStatus.FAILED in statuses:
        return Recommendation.NO_GO
    if GateStatus.OVERRIDDEN in statuses:
        return Recommendation.GO_WITH_CONDITIONS
    return Recommendation.GO


def lets_project_go_on(gates: Sequence[GateResult], approved: Iterable[Gate]) -> bool:
    """Whether every gate has a decision that lets the project go on: answered,
    and the sponsor decided *go on* (``approved``), on a failed gate with the
    sponsor's reason."""
    approved = set(approved)
    return bool(gates) and all(
        gate.status != GateStatus.NOT_ANSWERED and gate.gate in approved
        for gate in gates
    )


# --- what to do next ---------------------------------------------------------


class NextStep(StrEnum):
    """One concrete step after a take, in the order the consultant takes them."""

    FINISH_TAKE = "finish_take"
    ANSWER_GATE = "answer_gate"
    #: a failed gate: override it with a written reason, or stop here
    DISCUSS_FAILED_GATE = "discuss_failed_gate"
    #: a gate the sponsor sent back, with the sponsor's reason
    SENT_BACK = "sent_back"
    INVITE_SPONSOR = "invite_sponsor"
    SPONSOR_DECIDES = "sponsor_decides"
    RECORD_ORGANISATION = "record_organisation"
    FIX_ORGANISATION = "fix_organisation"
    #: the category's own steps
    REFRAME_WITH_MANAGEMENT = "reframe_with_management"
    OWN_GOALS_WITH_MANAGEMENT = "own_goals_with_management"
    WIDEN_SAVINGS_TO_CUSTOMER_VALUE = "widen_savings_to_customer_value"
    PLAN_AWARENESS = "plan_awareness"
    RETAKE_AFTERWARDS = "retake_afterwards"


@dataclass(frozen=True)
class Step:
    step: NextStep
    #: the gate the step is about
    gate: Gate | None = None
    #: the organisation's broken rule the step puts right
    finding: Finding | None = None
    #: the sponsor's reason for sending the gate back
    reason: str = ""


#: The category's own steps, after those of this take.
CATEGORY_STEPS: dict[Category, tuple[NextStep, ...]] = {
    Category.HOPELESS: (NextStep.REFRAME_WITH_MANAGEMENT, NextStep.RETAKE_AFTERWARDS),
    Category.TREND_FOLLOWER: (
        NextStep.OWN_GOALS_WITH_MANAGEMENT,
        NextStep.RETAKE_AFTERWARDS,
    ),
    Category.SAVER: (NextStep.WIDEN_SAVINGS_TO_CUSTOMER_VALUE, NextStep.PLAN_AWARENESS),
    Category.STRATEGIC_THINKER: (NextStep.PLAN_AWARENESS,),
}


def next_steps(
    readiness: Readiness,
    gates: Sequence[GateResult],
    complete: bool,
    undecided: Iterable[Gate],
    has_sponsor: bool,
    organisation_recorded: bool,
    findings: Iterable[Finding],
    sent_back: Mapping[Gate, str] | None = None,
    decided: Iterable[Gate] = (),
) -> list[Step]:
    """The consultant's next steps after a take: finish it, settle each gate
    (a failed one is discussed first: override it or stop), bring in the
    sponsor, put the organisation right, then the category's own steps.
    ``undecided`` are the cleared gates without the sponsor's approval and
    ``findings`` the rules the recorded organisation breaks; ``sent_back``
    maps each gate the sponsor sent back to the sponsor's reason, which comes
    first. A failed gate in ``decided`` (the sponsor has decided on it) is
    discussed no more: the decision, or the send-back's reason, stands."""
    decided = set(decided)
    steps = [] if complete else [Step(NextStep.FINISH_TAKE)]
    steps += [
        Step(NextStep.SENT_BACK, gate, reason=reason)
        for gate, reason in (sent_back or {}).items()
    ]
    for gate in gates:
        if gate.status == GateStatus.NOT_ANSWERED:
            steps.append(Step(NextStep.ANSWER_GATE, gate.gate))
        elif gate.status == GateStatus.FAILED and gate.gate not in decided:
            steps.append(Step(NextStep.DISCUSS_FAILED_GATE, gate.gate))
    undecided = list(undecided)
    if not has_sponsor:
        steps.append(Step(NextStep.INVITE_SPONSOR))
    elif complete and undecided:
        steps.append(Step(NextStep.SPONSOR_DECIDES))
    if not organisation_recorded:
        steps.append(Step(NextStep.RECORD_ORGANISATION))
    steps += [Step(NextStep.FIX_ORGANISATION, finding=f) for f in findings]
    if readiness.category is not None:
        steps += [Step(step) for step in CATEGORY_STEPS[readiness.category]]
    return steps


def category_maxima(definition: Definition) -> dict[Category, float]:
    """The most points each category can get: every choice question's best
    option for it, summed (what the category chart is out of)."""
    maxima = dict.fromkeys(READINESS_ORDER, 0.0)
    for question in definition.questions():
        for category in maxima:
            maxima[category] += max(
                (option.categories.get(category, 0) for option in question.options),
                default=0,
            )
    return maxima
