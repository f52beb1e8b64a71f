"""Answers checked against the customer data: the figures that test them, the
consultant's reviews, and the list every questionnaire's result page shows.
It reads the customer data of design and the takes of every questionnaire, so
it stands above the phases, beside engagements and reports."""

from flask import Blueprint, Flask
from flask_babel import get_locale

from app.data_events import customer_data_changed
from app.evidence import services
from app.evidence.forms import KeepAnswerForm
from app.questionnaires.takes import definition_of
from assessments.evidence import IN_PERCENT

bp = Blueprint(
    "evidence", __name__, url_prefix="/engagements/<int:engagement_id>/claims"
)

from app.evidence import routes  # noqa: E402,F401  (they attach to bp)


def register_template_helpers(app: Flask) -> None:
    """What the result pages, the dashboard, the glance and the reports show
    of the checks (their own packages do not know the customer data), and
    the flags following every change of the data."""
    customer_data_changed.connect(_follow_data)
    app.jinja_env.globals.update(
        checked_claims=services.checked_claims,
        open_claims=services.open_claims,
        latest_takes=services.latest_takes,
        questionnaire_title=lambda take: definition_of(take).title.in_language(
            str(get_locale())
        ),
        keep_answer_form=lambda question_id: KeepAnswerForm(
            formdata=None, prefix=question_id
        ),
        evidence_in_percent=IN_PERCENT,
    )


def _follow_data(engagement_id: int, user_id: int | None = None, quality=None) -> None:
    services.follow_data(engagement_id, user_id, quality)
