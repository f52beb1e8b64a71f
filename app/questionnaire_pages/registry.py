"""The questionnaires the generic pages serve, and where each one belongs.

Preparation has pages of its own (gates, readiness category) and is not here.
To serve another questionnaire, ship its definition in
``assessments/definitions/`` and add its id below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.implementation.gaps import GAP_ANALYSIS, gap_analysis
from app.models import QuestionnaireTake
from assessments.progress import Phase


def _no_context(take: QuestionnaireTake) -> dict:
    return {}


@dataclass(frozen=True)
class QuestionnairePages:
    #: the phase whose pages these are
    phase: Phase
    #: the phase's layout template; the pages fill its ``page`` block
    layout: str
    #: the body of the result page; the default shows the score per section
    #: and the maturity dimensions the answers touch
    result_panel: str = "questionnaires/_scores.html"
    #: what that body needs besides the generic scores, from the take
    result_context: Callable[[QuestionnaireTake], dict] = _no_context


QUESTIONNAIRES: dict[str, QuestionnairePages] = {
    "idic": QuestionnairePages(Phase.DESIGN, "design/_layout.html"),
    "success_factors": QuestionnairePages(
        Phase.IMPLEMENTATION, "implementation/_layout.html"
    ),
    GAP_ANALYSIS: QuestionnairePages(
        Phase.IMPLEMENTATION,
        "implementation/_layout.html",
        result_panel="implementation/_gaps.html",
        result_context=lambda take: {"analysis": gap_analysis(take)},
    ),
}


def pages(questionnaire_id: str) -> QuestionnairePages | None:
    return QUESTIONNAIRES.get(questionnaire_id)
