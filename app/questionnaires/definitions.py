"""The questionnaire definitions, loaded and validated once when the app starts."""

from flask import Flask, current_app

from assessments.questionnaire import DEFINITIONS, Definition, QuestionnaireId, load_all


def init_app(app: Flask) -> None:
    """Load every definition; a faulty file stops the app with the faults listed.

    Every questionnaire the product names must ship a definition, so that a
    missing file fails at start-up instead of on the first page that needs it.
    """
    loaded = load_all(DEFINITIONS)
    missing = {str(q) for q in QuestionnaireId} - set(loaded)
    if missing:
        raise RuntimeError(f"no definition for the questionnaires {sorted(missing)}")
    app.extensions["questionnaires"] = loaded


def definition(questionnaire: QuestionnaireId) -> Definition:
    return current_app.extensions["questionnaires"][questionnaire]
