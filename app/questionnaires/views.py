"""The view steps every questionnaire's pages share: the takes, a section to
answer and save (with its conflicts and the way on to the next section),
completion, the latest result and the comparison of two takes.

Preparation's pages and the generic questionnaire pages call these with a
``TakePages`` saying where their endpoints and templates are; what only one of
them has (preparation's gates and readiness category, the generic result) stays
in their own routes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import abort, flash, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from app.forms import ConfirmForm
from app.models import Answer, Membership, QuestionnaireTake
from app.questionnaires import takes
from app.questionnaires.definitions import definition as loaded_definition
from app.questionnaires.forms import SectionForm, form_data, section_form
from app.refusals import Refusal
from app.tenancy import owned_or_404, redirect_to
from assessments.questionnaire import Definition, QuestionnaireId, Section
from assessments.roles import Action, can


@dataclass(frozen=True)
class TakePages:
    """Where the pages of one questionnaire live."""

    questionnaire: QuestionnaireId
    #: the blueprint whose endpoints (index, section, result…) serve it
    blueprint: str
    #: the folder of its templates (index.html, section.html, compare.html)
    templates: str
    #: what every URL of these pages needs besides engagement_id
    url_values: Mapping[str, Any] = field(default_factory=dict)
    #: what every page of these needs besides engagement and definition
    context: Mapping[str, Any] = field(default_factory=dict)

    def definition(self) -> Definition:
        return loaded_definition(self.questionnaire)

    def render(self, template: str, membership: Membership, **context):
        return render_template(
            f"{self.templates}/{template}",
            engagement=membership.engagement,
            definition=self.definition(),
            **self.context,
            **context,
        )

    def go(self, endpoint: str, membership: Membership, **values):
        """Redirect to another of these pages."""
        return redirect_to(
            f"{self.blueprint}.{endpoint}", membership, **self.url_values, **values
        )


def take_or_404(
    membership: Membership, questionnaire: QuestionnaireId, take_id: int
) -> QuestionnaireTake:
    """A take of this engagement and of this questionnaire, or a 404."""
    take = owned_or_404(QuestionnaireTake, take_id, membership.engagement_id)
    if take.questionnaire != questionnaire:
        abort(404)
    return take


def may_answer(membership: Membership) -> bool:
    return can(membership.role, Action.ANSWER_QUESTIONNAIRES)


def refuse_answers_from_readers(membership: Membership) -> None:
    """403 for a section posted by a member whose role may not answer."""
    if request.method == "POST" and not may_answer(membership):
        abort(403)


def index(pages: TakePages, membership: Membership):
    """The current take's progress per section, and every earlier take."""
    all_takes = takes.takes(membership.engagement, pages.questionnaire)
    current = all_takes[0] if all_takes else None
    return pages.render(
        "index.html",
        membership,
        takes=all_takes,
        current=current,
        progress=takes.section_progress(current) if current else [],
    )


def start(pages: TakePages, membership: Membership):
    """Start the questionnaire, or a re-take after a completed take."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        take = takes.start_take(
            membership.engagement, pages.questionnaire, current_user
        )
    except Refusal:
        flash(_("Finish the current take before starting another."), "error")
        return pages.go("index", membership)
    first = pages.definition().sections[0]
    return pages.go("section", membership, take_id=take.id, section_id=first.id)


def section(
    pages: TakePages, membership: Membership, take: QuestionnaireTake, section_id: str
):
    """One section: answer, save, resume later."""
    current = pages.definition().section(section_id)
    if current is None:
        abort(404)
    editable = take.completed_at is None and may_answer(membership)
    if request.method == "POST":
        if not editable:
            abort(403)
        form = section_form(current)
        if form.validate_on_submit():
            return _save_section(pages, membership, take, current, form)
    else:
        stored = takes.answers_of(take)
        values = {qid: answer.value for qid, answer in stored.items()}
        form = section_form(current, data=form_data(current, values))
        form.seen.data = _revisions(stored)
    return _section_page(pages, membership, take, current, form, editable)


def _revisions(stored: Mapping[str, Answer]) -> dict[str, int]:
    """The revisions the form was opened at, for its hidden ``seen`` field."""
    return {qid: answer.revision for qid, answer in stored.items()}


def _save_section(
    pages: TakePages,
    membership: Membership,
    take: QuestionnaireTake,
    current: Section,
    form: SectionForm,
):
    outcome = takes.save_section(
        take, current, form.answers(current), form.seen.data, current_user
    )
    if outcome.conflicts:
        # 409: the page shows the conflicts, with this person's answers kept
        form.seen.data = _revisions(takes.answers_of(take))
        page = _section_page(
            pages, membership, take, current, form, True, conflicts=outcome.conflicts
        )
        return page, 409
    if form.save_and_complete.data:
        return _complete(pages, membership, take)
    flash(_("Section saved."), "success")
    following = next_section(pages.definition(), current.id)
    section_id = (
        following.id
        if form.save_and_next.data and following is not None
        else current.id
    )
    return pages.go("section", membership, take_id=take.id, section_id=section_id)


def next_section(definition: Definition, section_id: str) -> Section | None:
    ids = [s.id for s in definition.sections]
    index = ids.index(section_id)
    return definition.sections[index + 1] if index + 1 < len(ids) else None


def _section_page(pages, membership, take, current, form, editable, conflicts=()):
    return pages.render(
        "section.html",
        membership,
        take=take,
        section=current,
        form=form,
        editable=editable,
        conflicts=conflicts,
        progress=takes.section_progress(take),
        refused=[q for q in current.questions if form[q.id].errors],
        unanswered=_unanswered(take, current, form),
        next_section=next_section(pages.definition(), current.id),
        answers=takes.answers_of(take),
    )


def _unanswered(take: QuestionnaireTake, current: Section, form: SectionForm):
    """The required questions without an answer: in the form as sent, when a
    save came back (what the person typed counts, though nothing was stored),
    else among the stored answers."""
    if form.is_submitted():
        return [q for q in current.questions if q.required and _left_empty(form[q.id])]
    values = takes.answer_values(take)
    return [q for q in current.questions if q.required and q.id not in values]


def _left_empty(field) -> bool:
    return not any(str(value).strip() for value in field.raw_data or ())


def complete(pages: TakePages, membership: Membership, take: QuestionnaireTake):
    """Close the take once every required question has an answer."""
    if not ConfirmForm().validate_on_submit() or take.completed_at is not None:
        abort(400)
    return _complete(pages, membership, take)


def _complete(pages: TakePages, membership: Membership, take: QuestionnaireTake):
    missing = takes.complete_take(take, current_user)
    if missing:
        flash(
            ngettext(
                "%(count)d required question is still unanswered; it is marked "
                "in its section.",
                "%(count)d required questions are still unanswered; they are "
                "marked in each section.",
                len(missing),
                count=len(missing),
            ),
            "error",
        )
        return pages.go("index", membership)
    flash(_("The questionnaire is complete."), "success")
    return pages.go("result", membership, take_id=take.id)


def latest_result(pages: TakePages, membership: Membership):
    """The result of the latest take, or the questionnaire when there is none."""
    latest = takes.latest_take(membership.engagement, pages.questionnaire)
    if latest is None:
        flash(_("Answer the questionnaire first."), "info")
        return pages.go("index", membership)
    return pages.go("result", membership, take_id=latest.id)


def compare(
    pages: TakePages,
    membership: Membership,
    take: QuestionnaireTake,
    comparison: Callable[[QuestionnaireTake, QuestionnaireTake], object],
):
    """This take beside the one before it (404 for a first take)."""
    previous = takes.previous_take(take)
    if previous is None:
        abort(404)
    return pages.render(
        "compare.html",
        membership,
        take=take,
        previous=previous,
        comparison=comparison(previous, take),
    )
