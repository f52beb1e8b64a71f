"""Answers checked against the customer data: the figures that test them, the
consultant's reviews, and the list every questionnaire's result page shows."""

from flask import Blueprint, Flask

bp = Blueprint(
    "evidence", __name__, url_prefix="/engagements/<int:engagement_id>/claims"
)

from app.evidence import routes  # noqa: E402,F401  (they attach to bp)


def register_template_helpers(app: Flask) -> None:
    """``checked_claims(take)`` for the result pages of every questionnaire,
    which belong to packages that do not know the customer data."""
    from flask_babel import get_locale

    from app.evidence.forms import KeepAnswerForm
    from app.evidence.services import checked_claims, latest_takes, open_claims
    from app.questionnaires.takes import definition_of
    from assessments.evidence import IN_PERCENT

    app.jinja_env.globals.update(
        checked_claims=checked_claims,
        open_claims=open_claims,
        latest_takes=latest_takes,
        questionnaire_title=lambda take: definition_of(take).title.in_language(
            str(get_locale())
        ),
        keep_answer_form=lambda question_id: KeepAnswerForm(
            formdata=None, prefix=question_id
        ),
        evidence_in_percent=IN_PERCENT,
    )
