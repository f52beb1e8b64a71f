"""The gap analysis of a take of the gap-analysis questionnaire, for its
result page and the implementation report."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n.labels import label
from app.models import Engagement, QuestionnaireTake
from app.questionnaires import takes
from assessments import gaps as rules
from assessments.questionnaire import QuestionnaireId


@dataclass(frozen=True)
class GapAnalysis:
    take: QuestionnaireTake
    cells: list[rules.Gap]
    #: cells with a gap, the most pressing first
    priorities: list[rules.Gap]
    components: list[rules.ComponentGap]


def gap_analysis(take: QuestionnaireTake) -> GapAnalysis:
    cells = rules.gaps(takes.answer_values(take))
    return GapAnalysis(
        take=take,
        cells=cells,
        priorities=rules.priorities(cells),
        components=rules.by_component(cells),
    )


def latest_gap_analysis(engagement: Engagement) -> GapAnalysis | None:
    """The latest completed gap analysis; None before the first is complete."""
    take = takes.latest_completed_take(engagement, QuestionnaireId.GAP_ANALYSIS)
    return gap_analysis(take) if take else None


def cell_names() -> dict[str, str]:
    """Every cell's code and its words ("People · Operational CRM"), in the
    method's order: what a work package's gaps read as."""
    return {
        rules.cell_code(component, layer): f"{label(component)} · {label(layer)}"
        for component in rules.Component
        for layer in rules.Layer
    }
