"""Scores of questionnaire takes for the pages: per section, per maturity
dimension, compared with the take before; and the summaries the phases show,
the IDIC capability and the maturity profile."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from flask_babel import get_locale

from app.models import Engagement, QuestionnaireTake
from app.questionnaires import takes
from assessments.comparison import AnswerChange, Movement, compare
from assessments.questionnaire import (
    Definition,
    Dimension,
    QuestionnaireId,
    Section,
)
from assessments.scoring import AnswerValue, ScoreResult, score, section_scores


@dataclass(frozen=True)
class SectionScore:
    section: Section
    #: 0–100, or None when no answer of the section counts toward a score
    percent: float | None


@dataclass(frozen=True)
class TakeResult:
    """Everything the result page shows about one take."""

    take: QuestionnaireTake
    answers: dict[str, AnswerValue]
    result: ScoreResult
    sections: tuple[SectionScore, ...]

    @property
    def touched_dimensions(self) -> dict[Dimension, float]:
        """The maturity dimensions the answers bear on, with their scores."""
        return {
            dimension: item.value
            for dimension, item in self.result.dimensions.items()
            if item.value is not None
        }


def take_result(take: QuestionnaireTake) -> TakeResult:
    definition = takes.definition_of(take)
    values = takes.answer_values(take)
    return TakeResult(
        take=take,
        answers=values,
        result=score(definition, values),
        sections=_section_scores(definition, values),
    )


def _section_scores(
    definition: Definition, values: Mapping[str, AnswerValue]
) -> tuple[SectionScore, ...]:
    percents = section_scores(definition, values)
    return tuple(SectionScore(s, percents[s.id]) for s in definition.sections)


@dataclass(frozen=True)
class TakeComparison:
    """A later take beside an earlier one of the same questionnaire."""

    sections: tuple[tuple[Section, Movement], ...]
    #: only the dimensions the questionnaire touches, in the profile's order
    dimensions: Mapping[Dimension, Movement]
    #: answers that differ, in questionnaire order
    changed_answers: tuple[AnswerChange, ...]


def comparison(previous: QuestionnaireTake, take: QuestionnaireTake) -> TakeComparison:
    definition = takes.definition_of(take)
    before, after = takes.answer_values(previous), takes.answer_values(take)
    old, new = section_scores(definition, before), section_scores(definition, after)
    compared = compare(definition, before, after)
    return TakeComparison(
        sections=tuple(
            (s, Movement(old[s.id], new[s.id])) for s in definition.sections
        ),
        dimensions={
            dimension: movement
            for dimension, movement in compared.dimensions.items()
            if movement.before is not None or movement.after is not None
        },
        changed_answers=compared.changed_answers,
    )


# --- what the design pages show ---------------------------------------------


@dataclass(frozen=True)
class SectionPercent:
    #: identify, differentiate, interact or customize
    id: str
    #: the section's title in the current locale
    title: str
    percent: float | None


@dataclass(frozen=True)
class CapabilitySummary:
    """How far the company already applies each IDIC step, by its latest
    completed IDIC take."""

    take: QuestionnaireTake
    completed_at: datetime
    #: one per step, in the questionnaire's order
    sections: tuple[SectionPercent, ...]
    #: the maturity dimensions of the take (None: no answer bears on it)
    dimensions: Mapping[Dimension, float | None]

    def percent(self, section_id: str) -> float | None:
        return next((s.percent for s in self.sections if s.id == section_id), None)


def capability_summary(engagement: Engagement) -> CapabilitySummary | None:
    """The latest completed IDIC take's scores; None when none is complete."""
    take = takes.latest_completed_take(engagement, QuestionnaireId.IDIC)
    if take is None or take.completed_at is None:
        return None
    result = take_result(take)
    language = str(get_locale())
    return CapabilitySummary(
        take=take,
        completed_at=take.completed_at,
        sections=tuple(
            SectionPercent(
                item.section.id, item.section.title.in_language(language), item.percent
            )
            for item in result.sections
        ),
        dimensions={d: item.value for d, item in result.result.dimensions.items()},
    )


#: The questionnaires whose answers make up the maturity profile.
MATURITY_SOURCES = (QuestionnaireId.PREPARATION, QuestionnaireId.IDIC)


def maturity_profile(engagement: Engagement) -> dict[Dimension, float | None]:
    """The company's maturity profile (0–100 per dimension, in Dimension order).

    Each dimension is the plain average of its scores in the latest completed
    take of the preparation questionnaire and of the IDIC capability
    questionnaire, over those of the two that have a score for it: a take that
    is missing or whose answers do not touch the dimension does not count. A
    dimension neither take scores is None. Unfinished takes are left out, so the
    profile only moves when a take is marked complete.
    """
    found: dict[Dimension, list[float]] = {d: [] for d in Dimension}
    for questionnaire in MATURITY_SOURCES:
        take = takes.latest_completed_take(engagement, questionnaire)
        if take is None:
            continue
        result = score(takes.definition_of(take), takes.answer_values(take))
        for dimension, item in result.dimensions.items():
            if item.value is not None:
                found[dimension].append(item.value)
    return {
        dimension: round(sum(values) / len(values), 1) if values else None
        for dimension, values in found.items()
    }
