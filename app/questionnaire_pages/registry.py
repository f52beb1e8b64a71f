"""The questionnaires the generic pages serve, and where each one belongs.

Preparation has pages of its own (gates, readiness category) and is not here.
To serve another questionnaire, ship its definition in
``assessments/definitions/`` and add its id below.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessments.progress import Phase


@dataclass(frozen=True)
class QuestionnairePages:
    #: the phase whose pages these are
    phase: Phase
    #: the phase's layout template; the pages fill its ``page`` block
    layout: str


QUESTIONNAIRES: dict[str, QuestionnairePages] = {
    "idic": QuestionnairePages(Phase.DESIGN, "design/_layout.html"),
    "success_factors": QuestionnairePages(
        Phase.IMPLEMENTATION, "implementation/_layout.html"
    ),
}


def pages(questionnaire_id: str) -> QuestionnairePages | None:
    return QUESTIONNAIRES.get(questionnaire_id)
