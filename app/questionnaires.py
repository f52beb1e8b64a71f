"""The questionnaire definitions, loaded and validated once when the app starts."""

from flask import Flask, current_app

from assessments.questionnaire import DEFINITIONS, Definition, load_all


def init_app(app: Flask) -> None:
    """Load every definition; a faulty file stops the app with the faults listed."""
    app.extensions["questionnaires"] = load_all(DEFINITIONS)


def definition(questionnaire_id: str) -> Definition:
    return current_app.extensions["questionnaires"][questionnaire_id]
