"""Answer sets typical of each readiness category.

They show what a company of a category would answer, for the demo engagement
and for tests that must follow the questionnaire file when it changes.
"""

from __future__ import annotations

from assessments.questionnaire import Category, Definition, Kind, Question
from assessments.scoring import AnswerValue

#: The number given to number questions in a typical answer set.
TYPICAL_NUMBER = 1200


def typical_answers(
    definition: Definition, category: Category, supportive: bool = True
) -> dict[str, AnswerValue]:
    """Answers of a company of this category.

    Choice questions that carry category points take the option with most points
    for the category; gate and scale questions are answered as a supportive (or,
    with ``supportive=False``, a reluctant) company would; texts stay empty.
    """
    answers = {}
    for question in definition.questions():
        value = _typical(question, category, supportive)
        if value is not None:
            answers[question.id] = value
    return answers


def _typical(question: Question, category: Category, supportive: bool):
    multiple = question.kind == Kind.MULTIPLE
    if any(option.categories for option in question.options):
        best = max(question.options, key=lambda o: o.categories.get(category, 0))
        return [best.id] if multiple else best.id
    if question.options:
        pick = max if supportive else min
        option = pick(question.options, key=lambda o: o.score or 0)
        return [option.id] if multiple else option.id
    if question.kind == Kind.SCALE:
        return 5 if supportive != question.reverse else 1
    if question.kind == Kind.NUMBER:
        return TYPICAL_NUMBER
    return None
