"""Answer sets for the shipped preparation questionnaire, built from its file so
that they follow it when it changes."""

from assessments.questionnaire import DEFINITIONS, Category, Kind, Question, load

PREPARATION = load(DEFINITIONS / "preparation.yaml")


def answer_as(category: Category, supportive: bool = True) -> dict:
    """Answers a company of this category would give.

    Choice questions take the option with most points for the category; gate and
    scale questions are answered as a supportive (or reluctant) company would.
    """
    answers = {}
    for question in PREPARATION.questions():
        value = _answer(question, category, supportive)
        if value is not None:
            answers[question.id] = value
    return answers


def _answer(question: Question, category: Category, supportive: bool):
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE) and any(
        option.categories for option in question.options
    ):
        best = max(question.options, key=lambda o: o.categories.get(category, 0))
        return [best.id] if question.kind == Kind.MULTIPLE else best.id
    if question.kind in (Kind.SINGLE, Kind.YES_NO, Kind.MULTIPLE):
        pick = max if supportive else min
        option = pick(question.options, key=lambda o: o.score or 0)
        return [option.id] if question.kind == Kind.MULTIPLE else option.id
    if question.kind == Kind.SCALE:
        high = supportive != question.reverse
        return 5 if high else 1
    if question.kind == Kind.NUMBER:
        return 1200
    return None


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
