"""The shipped preparation questionnaire, answered as a browser would post it."""

from assessments.examples import typical_answers
from assessments.questionnaire import DEFINITIONS, Category, load

PREPARATION = load(DEFINITIONS / "preparation.yaml")


def answer_as(category: Category, supportive: bool = True) -> dict:
    return typical_answers(PREPARATION, category, supportive)


def form_posts(answers: dict) -> list[tuple[str, dict]]:
    """(section id, form data) for each section, as a browser would post them."""
    posts = []
    for section in PREPARATION.sections:
        data = {"seen": "{}", "save": "1"}
        for question in section.questions:
            if question.id in answers:
                value = answers[question.id]
                data[question.id] = value if isinstance(value, list) else str(value)
        posts.append((section.id, data))
    return posts
