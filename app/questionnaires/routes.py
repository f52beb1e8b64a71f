"""The generic pages of a registered questionnaire (the IDIC capability of
design, the gap analysis and success factors of implementation): its takes,
sections, result, comparison. The steps preparation's pages share are in
``views``; which questionnaires are served is in ``registry``."""

from __future__ import annotations

from flask import Blueprint, abort
from flask_babel import get_locale

from app.i18n.labels import label
from app.models import Membership
from app.questionnaires import registry, results, takes, views
from app.tenancy import engagement_view
from assessments.questionnaire import QuestionnaireId
from assessments.roles import Action

bp = Blueprint(
    "questionnaires",
    __name__,
    url_prefix="/engagements/<int:engagement_id>/questionnaires/<questionnaire_id>",
)


def _pages(questionnaire_id: str) -> views.TakePages:
    """The registered questionnaire's pages, or a 404."""
    pages = registry.pages(questionnaire_id)
    if pages is None:
        abort(404)
    return views.TakePages(
        questionnaire=QuestionnaireId(questionnaire_id),
        blueprint="questionnaires",
        templates="questionnaires",
        url_values={"questionnaire_id": questionnaire_id},
        context={
            "layout": pages.layout,
            "questionnaire_id": questionnaire_id,
            "result_panel": pages.result_panel,
        },
    )


@bp.route("/")
@engagement_view()
def index(membership: Membership, questionnaire_id: str):
    """The current take's progress per section, and every earlier take."""
    return views.index(_pages(questionnaire_id), membership)


@bp.route("/takes", methods=["POST"])
@engagement_view(Action.ANSWER_QUESTIONNAIRES)
def start(membership: Membership, questionnaire_id: str):
    """Start the questionnaire, or a re-take after a completed take."""
    return views.start(_pages(questionnaire_id), membership)


@bp.route("/takes/<int:take_id>/<section_id>", methods=["GET", "POST"])
@engagement_view()
def section(
    membership: Membership, questionnaire_id: str, take_id: int, section_id: str
):
    """One section: answer, save, resume later."""
    views.refuse_answers_from_readers(membership)
    pages = _pages(questionnaire_id)
    take = views.take_or_404(membership, pages.questionnaire, take_id)
    return views.section(pages, membership, take, section_id)


@bp.route("/takes/<int:take_id>/complete", methods=["POST"])
@engagement_view(Action.ANSWER_QUESTIONNAIRES)
def complete(membership: Membership, questionnaire_id: str, take_id: int):
    """Close the take once every required question has an answer."""
    pages = _pages(questionnaire_id)
    take = views.take_or_404(membership, pages.questionnaire, take_id)
    return views.complete(pages, membership, take)


@bp.route("/takes/<int:take_id>/result")
@engagement_view()
def result(membership: Membership, questionnaire_id: str, take_id: int):
    """The score of each section and the maturity dimensions the answers touch."""
    pages = _pages(questionnaire_id)
    take = views.take_or_404(membership, pages.questionnaire, take_id)
    outcome = results.take_result(take)
    language = str(get_locale())
    return pages.render(
        "result.html",
        membership,
        take=take,
        outcome=outcome,
        previous=takes.previous_take(take),
        section_rows=[
            (item.section.title.in_language(language), item.percent, False)
            for item in outcome.sections
        ],
        dimension_rows=[
            (label(dimension), value, False)
            for dimension, value in outcome.touched_dimensions.items()
        ],
        **registry.pages(questionnaire_id).result_context(take),
    )


@bp.route("/result")
@engagement_view()
def latest_result(membership: Membership, questionnaire_id: str):
    """The result of the latest take, or the questionnaire when there is none."""
    return views.latest_result(_pages(questionnaire_id), membership)


@bp.route("/takes/<int:take_id>/compare")
@engagement_view()
def compare(membership: Membership, questionnaire_id: str, take_id: int):
    """This take beside the one before it."""
    pages = _pages(questionnaire_id)
    take = views.take_or_404(membership, pages.questionnaire, take_id)
    return views.compare(pages, membership, take, results.comparison)
