"""The ten success factors of a take, for the result page, the report, the
review log and the plan's pilot check (the rules are
``assessments.factors``)."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import get_locale

from app.models import Engagement, QuestionnaireTake, WorkPackage
from app.questionnaires import takes
from assessments import factors as rules
from assessments.questionnaire import QuestionnaireId


@dataclass(frozen=True)
class FactorRow:
    """A factor as a page shows it: number, wording, state and evidence."""

    factor: rules.Factor
    text: str
    #: the chosen option's wording, "" when unanswered
    answer: str


def factor_rows(take: QuestionnaireTake, language: str) -> list[FactorRow]:
    """The take's ten factors in order, numbered 1–10, with their evidence."""
    definition = takes.definition_of(take)
    rows = []
    for factor in rules.factors(definition, takes.answer_values(take)):
        question = definition.question(factor.question_id)
        option = question.option(factor.state.value) if factor.state else None
        rows.append(
            FactorRow(
                factor,
                question.text.in_language(language),
                option.text.in_language(language) if option else "",
            )
        )
    return rows


def latest_check(engagement: Engagement) -> QuestionnaireTake | None:
    """The latest completed check of the success factors."""
    return takes.latest_completed_take(engagement, QuestionnaireId.SUCCESS_FACTORS)


def factor_context(take: QuestionnaireTake) -> dict:
    """What the checklist's result panel shows besides the section scores."""
    rows = factor_rows(take, str(get_locale() or "en")[:2])
    return {
        "factor_rows": rows,
        "in_place": rules.in_place([row.factor for row in rows]),
        "lacking_evidence": [row for row in rows if row.factor.lacks_evidence],
    }


@dataclass(frozen=True)
class PilotCheck:
    """The pilot factor of the latest check beside the plan's pilot package."""

    state: rules.FactorState | None
    package: WorkPackage | None
    disagrees: bool


def pilot_check(engagement: Engagement, packages: list[WorkPackage]) -> PilotCheck:
    """The pilot as the success factors and as the plan tell it."""
    take = latest_check(engagement)
    found = (
        rules.factors(takes.definition_of(take), takes.answer_values(take))
        if take
        else []
    )
    state = next((f.state for f in found if f.question_id == rules.PILOT_FACTOR), None)
    package = next((p for p in packages if p.is_pilot), None)
    return PilotCheck(
        state,
        package,
        rules.pilot_disagrees(state, package.status if package else None),
    )


@dataclass(frozen=True)
class Recheck:
    """A review's re-check of the factors against the check before it."""

    take: QuestionnaireTake
    previous: QuestionnaireTake | None
    changes: list[rules.FactorChange]
    in_place_before: int | None
    in_place_after: int


def recheck(take: QuestionnaireTake) -> Recheck:
    """The change of each factor since the check before this one."""
    definition = takes.definition_of(take)
    after = rules.factors(definition, takes.answer_values(take))
    previous = takes.previous_take(take)
    before = (
        rules.factors(takes.definition_of(previous), takes.answer_values(previous))
        if previous
        else []
    )
    return Recheck(
        take,
        previous,
        rules.changes(before, after),
        rules.in_place(before) if previous else None,
        rules.in_place(after),
    )
