"""Turning assessment results into what templates show: answer texts, chart rows."""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import format_decimal, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.i18n.labels import finding_message, label
from app.preparation import bp
from app.preparation.organisation import ROLE_FLAGS
from assessments.questionnaire import (
    CHOICE_KINDS,
    SCALE_MAX,
    Definition,
    Dimension,
    Kind,
    Question,
)
from assessments.readiness import (
    DECISIONS,
    GateStatus,
    NextStep,
    Readiness,
    SponsorDecision,
    Step,
    category_maxima,
)
from assessments.scoring import ScoreResult

#: A chart row: (label, value or None, highlighted)
ChartRow = tuple[str, float | None, bool]


@bp.app_template_global()
def answer_text(question: Question, value) -> str:
    """An answer as a person reads it: option texts, "4 / 5", a number, a text."""
    if value is None or value in ("", [], ()):
        return "—"
    language = str(get_locale())
    if question.kind in CHOICE_KINDS:
        ids = value if isinstance(value, list | tuple) else [value]
        texts = [o.text.in_language(language) for i in ids if (o := question.option(i))]
        return ", ".join(texts) or "—"
    shown = value[0] if isinstance(value, tuple) else value
    if question.kind == Kind.SCALE:
        return f"{shown} / {SCALE_MAX}"
    if question.kind == Kind.NUMBER:
        return format_decimal(float(shown))
    return str(shown)


#: What *go on* means depends on the gate's outcome, so its words do too.
_GO_ON_WORDS = {
    GateStatus.PASSED: _l("Go on"),
    GateStatus.FAILED: _l("Go on anyway (give your reason below)"),
    GateStatus.OVERRIDDEN: _l("Accept the override and go on"),
}
_OTHER_DECISION_WORDS = {
    SponsorDecision.STOPPED: _l("Stop here"),
    SponsorDecision.SENT_BACK: _l(
        "Send back to the consultant (give your reason below)"
    ),
}


@bp.app_template_global()
def decision_choices(status: GateStatus) -> dict[str, str]:
    """The decisions the sponsor has on a gate with this outcome, worded for
    it: a failed gate offers no plain "approve" that could mean either way."""
    return {
        decision.value: str(
            _GO_ON_WORDS[status]
            if decision == SponsorDecision.APPROVED
            else _OTHER_DECISION_WORDS[decision]
        )
        for decision in DECISIONS.get(status, ())
    }


#: A decision as a record names it, beside the gate's outcome.
_DECISION_WORDS = {
    SponsorDecision.APPROVED: _l("Go on"),
    SponsorDecision.STOPPED: _l("Stop here"),
    SponsorDecision.SENT_BACK: _l("Sent back"),
}


@bp.app_template_global()
def decision_word(decision: SponsorDecision) -> str:
    """The sponsor's decision in the method's words: go on, stop here, sent back."""
    return str(_DECISION_WORDS[SponsorDecision(decision)])


#: The sponsor's decision as a sentence, a whole sentence for each decision
#: (no decision word lower-cased into a sentence, which Turkish gets wrong).
_DECISION_SENTENCES = {
    SponsorDecision.APPROVED: _l(
        "Sponsor's decision on the outcome “%(outcome)s”: go on, by %(name)s on"
        " %(date)s."
    ),
    SponsorDecision.STOPPED: _l(
        "Sponsor's decision on the outcome “%(outcome)s”: stop here, by %(name)s"
        " on %(date)s."
    ),
    SponsorDecision.SENT_BACK: _l(
        "Sponsor's decision on the outcome “%(outcome)s”: sent back, by %(name)s"
        " on %(date)s."
    ),
}


@bp.app_template_global()
def decision_sentence(
    decision: SponsorDecision, outcome: GateStatus, name: str, date: str
) -> str:
    """Who decided what on which outcome of a gate, and when: what the result
    page shows where the offer to override was, once the sponsor decided."""
    return str(_DECISION_SENTENCES[SponsorDecision(decision)]) % {
        "outcome": label(GateStatus(outcome)),
        "name": name,
        "date": date,
    }


@bp.app_template_global()
def decision_rule(decision: SponsorDecision, final: bool) -> str:
    """Whether a decision taken can still change, and by whom: the sponsor may
    change it until the project is announced company-wide; a send-back is the
    consultant's to take up first."""
    if final:
        return _("This decision is final: the project was announced company-wide.")
    if SponsorDecision(decision) == SponsorDecision.SENT_BACK:
        return _(
            "The consultant takes up the sponsor's reason; the sponsor then decides"
            " again, and can change the decision until the project is announced"
            " company-wide."
        )
    return _(
        "Only the sponsor can change this decision, until the project is announced"
        " company-wide; then it is final."
    )


@bp.app_template_global()
def category_rows(readiness: Readiness) -> list[ChartRow]:
    """The four categories' points, the reported one highlighted."""
    return [
        (label(category), points, category == readiness.category)
        for category, points in readiness.points
    ]


@bp.app_template_global()
def dimension_rows(result: ScoreResult) -> list[ChartRow]:
    """The maturity profile, in the order of the dimensions."""
    return [(label(d), result.dimensions[d].value, False) for d in Dimension]


@bp.app_template_filter()
def recorded_name(person) -> str:
    """A person's name as a record shows it: marked once they have left."""
    if person.left_on is None:
        return person.name
    return _("%(name)s (left the organisation)", name=person.name)


@bp.app_template_global()
def person_roles(person) -> list[str]:
    """The project roles of a person of the organisation, as labels."""
    return [label(role) for flag, role in ROLE_FLAGS.items() if getattr(person, flag)]


@dataclass(frozen=True)
class AnswerPart:
    """One answer as an explanation lists it."""

    question: str
    answer: str
    points: float
    #: in a dimension: the most the answer could have added (its weight)
    weight: float | None = None


@dataclass(frozen=True)
class ScoreLine:
    """A category's points or a dimension's score, with what it is made of."""

    name: str
    value: float | None
    #: the most the category's points can reach (dimensions: 100)
    maximum: float
    parts: list[AnswerPart]


@bp.app_template_global()
def category_lines(readiness: Readiness, result: ScoreResult, definition: Definition):
    """Each category's points out of the most it can reach, with the answers
    that gave them: what the category chart's numbers are."""
    maxima = category_maxima(definition)
    return [
        ScoreLine(
            label(category),
            points,
            maxima[category],
            _parts(definition, result.categories[category].contributions),
        )
        for category, points in readiness.points
    ]


@bp.app_template_global()
def dimension_lines(result: ScoreResult, definition: Definition):
    """Each dimension's score with the answers that feed it and their weights."""
    return [
        ScoreLine(label(d), score.value, 100, _parts(definition, score.contributions))
        for d, score in result.dimensions.items()
    ]


def _parts(definition: Definition, contributions) -> list[AnswerPart]:
    language = str(get_locale())
    parts = []
    for part in contributions:
        question = definition.question(part.question_id)
        parts.append(
            AnswerPart(
                question.text.in_language(language),
                answer_text(question, part.answer),
                part.points,
                getattr(part, "weight", None),
            )
        )
    return parts


#: What each next step asks, and the screen where it is done: (words, the
#: link's words, endpoint, anchor).
_NEXT_STEPS = {
    NextStep.FINISH_TAKE: (
        _l("Answer the remaining required questions and mark the take complete."),
        _l("Open the questionnaire"),
        "preparation.index",
        None,
    ),
    NextStep.ANSWER_GATE: (
        _l("Answer every question of the gate “%(gate)s”: it is judged only then."),
        _l("Open the questionnaire"),
        "preparation.index",
        None,
    ),
    NextStep.DISCUSS_FAILED_GATE: (
        _l(
            "The gate “%(gate)s” failed. Go through the answers that held it back"
            " with the sponsor: override it with a written reason if the project"
            " should go on anyway, or stop here."
        ),
        _l("See the gate"),
        "preparation.result",
        "gates",
    ),
    NextStep.SENT_BACK: (
        _l("The sponsor sent the gate back: %(reason)s"),
        _l("Address it"),
        "preparation.result",
        "gates",
    ),
    NextStep.INVITE_SPONSOR: (
        _l(
            "No member of the engagement is its sponsor yet: invite the sponsor,"
            " who decides on every gate."
        ),
        _l("Invite the sponsor"),
        "engagements.members",
        None,
    ),
    NextStep.SPONSOR_DECIDES: (
        _l("Ask the sponsor to decide on the gates still waiting for a decision."),
        _l("See the gates"),
        "preparation.result",
        "gates",
    ),
    NextStep.RECORD_ORGANISATION: (
        _l(
            "Record the project organisation: the sponsor, the project manager"
            " and the team."
        ),
        _l("Open the project organisation"),
        "preparation.organisation_page",
        None,
    ),
    NextStep.FIX_ORGANISATION: (
        "%(finding)s",
        _l("Open the project organisation"),
        "preparation.organisation_page",
        None,
    ),
    NextStep.REFRAME_WITH_MANAGEMENT: (
        _l(
            "Meet top management on what CRM should change for the customers,"
            " before any talk of software, and record the meeting as an awareness"
            " activity."
        ),
        _l("Open the change log"),
        "preparation.change_log",
        None,
    ),
    NextStep.OWN_GOALS_WITH_MANAGEMENT: (
        _l(
            "Work out with top management two or three customer goals of the"
            " company's own, and record the meeting as an awareness activity."
        ),
        _l("Open the change log"),
        "preparation.change_log",
        None,
    ),
    NextStep.WIDEN_SAVINGS_TO_CUSTOMER_VALUE: (
        _l(
            "Show top management, in an awareness session, what keeping and growing"
            " the most valuable customers is worth beside the savings they expect."
        ),
        _l("Open the change log"),
        "preparation.change_log",
        None,
    ),
    NextStep.PLAN_AWARENESS: (
        _l("Plan the awareness activities that come before the team is announced."),
        _l("Open the change log"),
        "preparation.change_log",
        None,
    ),
    NextStep.RETAKE_AFTERWARDS: (
        _l("Then start a re-assessment and compare it with this take."),
        _l("Open the questionnaire"),
        "preparation.index",
        None,
    ),
}


@dataclass(frozen=True)
class NextStepLink:
    text: str
    link_text: str
    url: str


@bp.app_template_global()
def next_step_links(steps: list[Step], take) -> list[NextStepLink]:
    """The next steps in words, each with a link to the screen where it is done
    (a gate's step to that gate on this take's result)."""
    links = []
    for step in steps:
        text, link_text, endpoint, anchor = _NEXT_STEPS[step.step]
        words = str(text) % {
            "gate": label(step.gate) if step.gate else "",
            "finding": finding_message(step.finding) if step.finding else "",
            "reason": step.reason,
        }
        values = {"engagement_id": take.engagement_id, "_anchor": anchor}
        if endpoint == "preparation.result":
            values["take_id"] = take.id
            if step.gate:
                values["_anchor"] = f"gate-{step.gate.value}"
        links.append(NextStepLink(words, str(link_text), url_for(endpoint, **values)))
    return links
