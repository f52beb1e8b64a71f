"""The questionnaires the generic pages serve, and where each one belongs.

Each phase registers its questionnaires from its own package (a line in its
``__init__.py``), so this package never imports a phase. Preparation has pages
of its own (gates, readiness category) and is not registered here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.models import QuestionnaireTake
from assessments.progress import Phase
from assessments.questionnaire import QuestionnaireId


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


_REGISTERED: dict[QuestionnaireId, QuestionnairePages] = {}


def register(questionnaire: QuestionnaireId, pages: QuestionnairePages) -> None:
    """Serve the questionnaire on the generic pages, inside its phase's layout."""
    if questionnaire in _REGISTERED and _REGISTERED[questionnaire] != pages:
        raise RuntimeError(f"the questionnaire {questionnaire} is registered twice")
    _REGISTERED[questionnaire] = pages


def pages(questionnaire_id: str) -> QuestionnairePages | None:
    """The pages of a registered questionnaire, by the id in a URL."""
    return _REGISTERED.get(questionnaire_id)  # type: ignore[call-overload]


def of_phase(phase: Phase) -> tuple[QuestionnaireId, ...]:
    """The registered questionnaires whose pages belong to the phase."""
    return tuple(q for q, p in _REGISTERED.items() if p.phase == phase)
