"""Pages of a registered questionnaire: its takes, sections, result, comparison."""

from __future__ import annotations

import json

from flask import abort, flash, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from app import takes
from app.forms import ConfirmForm
from app.i18n import label
from app.models import Membership, QuestionnaireTake
from app.preparation.forms import SectionForm, form_data, section_form
from app.questionnaire_pages import bp, registry, services
from app.questionnaires import definition as loaded_definition
from app.tenancy import engagement_view, owned_or_404, redirect_to
from assessments.questionnaire import Definition, Section
from assessments.roles import Action, can


def _pages(questionnaire_id: str) -> registry.QuestionnairePages:
    """The registered questionnaire's pages, or a 404."""
    pages = registry.pages(questionnaire_id)
    if pages is None:
        abort(404)
    return pages


def _take(
    membership: Membership, questionnaire_id: str, take_id: int
) -> QuestionnaireTake:
    """A take of this engagement and of this questionnaire, or a 404."""
    take = owned_or_404(QuestionnaireTake, take_id, membership.engagement_id)
    if take.questionnaire != questionnaire_id:
        abort(404)
    return take


def _may_answer(membership: Membership) -> bool:
    return can(membership.role, Action.ANSWER_QUESTIONNAIRES)


def _render(template: str, membership: Membership, questionnaire_id: str, **context):
    """A page of the questionnaire inside its phase's layout."""
    return render_template(
        f"questionnaires/{template}",
        layout=_pages(questionnaire_id).layout,
        engagement=membership.engagement,
        questionnaire_id=questionnaire_id,
        definition=loaded_definition(questionnaire_id),
        **context,
    )


def _go(endpoint: str, membership: Membership, questionnaire_id: str, **values):
    return redirect_to(
        f"questionnaires.{endpoint}",
        membership,
        questionnaire_id=questionnaire_id,
        **values,
    )


@bp.route("/")
@engagement_view()
def index(membership: Membership, questionnaire_id: str):
    """The current take's progress per section, and every earlier take."""
    _pages(questionnaire_id)
    all_takes = takes.takes(membership.engagement, questionnaire_id)
    current = all_takes[0] if all_takes else None
    return _render(
        "index.html",
        membership,
        questionnaire_id,
        takes=all_takes,
        current=current,
        progress=takes.section_progress(current) if current else [],
    )


@bp.route("/takes", methods=["POST"])
@engagement_view(Action.ANSWER_QUESTIONNAIRES)
def start(membership: Membership, questionnaire_id: str):
    """Start the questionnaire, or a re-take after a completed take."""
    _pages(questionnaire_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        take = takes.start_take(membership.engagement, questionnaire_id, current_user)
    except takes.TakeError:
        flash(_("Finish the current take before starting another."), "error")
        return _go("index", membership, questionnaire_id)
    first = loaded_definition(questionnaire_id).sections[0]
    return _go(
        "section", membership, questionnaire_id, take_id=take.id, section_id=first.id
    )


@bp.route("/takes/<int:take_id>/<section_id>", methods=["GET", "POST"])
@engagement_view()
def section(
    membership: Membership, questionnaire_id: str, take_id: int, section_id: str
):
    """One section: answer, save, resume later."""
    if request.method == "POST" and not _may_answer(membership):
        abort(403)
    _pages(questionnaire_id)
    take = _take(membership, questionnaire_id, take_id)
    definition = loaded_definition(questionnaire_id)
    current = definition.section(section_id)
    if current is None:
        abort(404)
    editable = take.completed_at is None and _may_answer(membership)
    if request.method == "POST":
        if not editable:
            abort(403)
        form = section_form(current)
        if form.validate_on_submit():
            return _save_section(membership, take, current, form)
    else:
        stored = takes.answers_of(take)
        values = {qid: answer.value for qid, answer in stored.items()}
        form = section_form(current, data=form_data(current, values))
        form.seen.data = json.dumps({qid: a.revision for qid, a in stored.items()})
    return _section_page(membership, take, current, form, editable)


def _save_section(
    membership: Membership,
    take: QuestionnaireTake,
    current: Section,
    form: SectionForm,
):
    outcome = takes.save_section(
        take, current, form.answers(current), form.seen_revisions(), current_user
    )
    if outcome.conflicts:
        stored = takes.answers_of(take)
        form.seen.data = json.dumps({qid: a.revision for qid, a in stored.items()})
        return _section_page(
            membership, take, current, form, True, conflicts=outcome.conflicts
        )
    if form.save_and_complete.data:
        return _complete(membership, take)
    flash(_("Section saved."), "success")
    following = _next_section(takes.definition_of(take), current.id)
    section_id = (
        following.id
        if form.save_and_next.data and following is not None
        else current.id
    )
    return _go(
        "section",
        membership,
        take.questionnaire,
        take_id=take.id,
        section_id=section_id,
    )


def _next_section(definition: Definition, section_id: str) -> Section | None:
    ids = [s.id for s in definition.sections]
    index = ids.index(section_id)
    return definition.sections[index + 1] if index + 1 < len(ids) else None


def _section_page(membership, take, current, form, editable, conflicts=()):
    values = takes.answer_values(take)
    return _render(
        "section.html",
        membership,
        take.questionnaire,
        take=take,
        section=current,
        form=form,
        editable=editable,
        conflicts=conflicts,
        progress=takes.section_progress(take),
        unanswered=[q for q in current.questions if q.required and q.id not in values],
        next_section=_next_section(takes.definition_of(take), current.id),
        answers=takes.answers_of(take),
    )


@bp.route("/takes/<int:take_id>/complete", methods=["POST"])
@engagement_view(Action.ANSWER_QUESTIONNAIRES)
def complete(membership: Membership, questionnaire_id: str, take_id: int):
    """Close the take once every required question has an answer."""
    _pages(questionnaire_id)
    take = _take(membership, questionnaire_id, take_id)
    if not ConfirmForm().validate_on_submit() or take.completed_at is not None:
        abort(400)
    return _complete(membership, take)


def _complete(membership: Membership, take: QuestionnaireTake):
    missing = takes.complete_take(take)
    if missing:
        flash(
            _(
                "%(count)d required questions are still unanswered; they are "
                "marked in each section.",
                count=len(missing),
            ),
            "error",
        )
        return _go("index", membership, take.questionnaire)
    flash(_("The questionnaire is complete."), "success")
    return _go("result", membership, take.questionnaire, take_id=take.id)


@bp.route("/takes/<int:take_id>/result")
@engagement_view()
def result(membership: Membership, questionnaire_id: str, take_id: int):
    """The score of each section and the maturity dimensions the answers touch."""
    _pages(questionnaire_id)
    take = _take(membership, questionnaire_id, take_id)
    outcome = services.take_result(take)
    language = str(get_locale())
    return _render(
        "result.html",
        membership,
        questionnaire_id,
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
    )


@bp.route("/result")
@engagement_view()
def latest_result(membership: Membership, questionnaire_id: str):
    """The result of the latest take, or the questionnaire when there is none."""
    _pages(questionnaire_id)
    latest = takes.latest_take(membership.engagement, questionnaire_id)
    if latest is None:
        flash(_("Answer the questionnaire first."), "info")
        return _go("index", membership, questionnaire_id)
    return _go("result", membership, questionnaire_id, take_id=latest.id)


@bp.route("/takes/<int:take_id>/compare")
@engagement_view()
def compare(membership: Membership, questionnaire_id: str, take_id: int):
    """This take beside the one before it."""
    _pages(questionnaire_id)
    take = _take(membership, questionnaire_id, take_id)
    previous = takes.previous_take(take)
    if previous is None:
        abort(404)
    return _render(
        "compare.html",
        membership,
        questionnaire_id,
        take=take,
        previous=previous,
        comparison=services.comparison(previous, take),
    )
