"""Pages of the preparation phase."""

from __future__ import annotations

from flask import abort, flash, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.forms import ConfirmForm, FormPerItem
from app.i18n.labels import ANNOUNCEMENT_MESSAGES
from app.i18n.locale import local_today
from app.models import (
    AwarenessActivity,
    Membership,
    OrgPerson,
    QuestionnaireTake,
    ResistanceItem,
)
from app.preparation import bp, organisation, services
from app.preparation.decisions import record_decision
from app.preparation.forms import (
    AnnouncementForm,
    AwarenessForm,
    DecisionForm,
    OverrideForm,
    PersonForm,
    ResistanceForm,
    TeamAnnouncedForm,
)
from app.questionnaires import takes, views
from app.refusals import Refusal, flash_refusal, saved
from app.tenancy import engagement_view, owned_or_404, redirect_to, require
from assessments.questionnaire import Gate, QuestionnaireId
from assessments.roles import Action

#: What a refused change means, and which field of its form it belongs to
#: (None: the form as a whole); a button's refusal has only its message.
_REFUSALS = {
    "not_top_executive": (
        "announced_by",
        _l("The announcement must come from the top executive."),
    ),
    "not_ready": (None, _l("Finish the earlier steps of preparation first.")),
    **{
        breach.value: ("announced_on", message)
        for breach, message in ANNOUNCEMENT_MESSAGES.items()
    },
}
_RESISTANCE_REFUSALS = {
    "unknown_person": (
        "raised_by_id",
        _l("Choose someone of this organisation, or type the name."),
    )
}
_GATE_REFUSALS = {
    "not_failed": _l("Only a failed gate can be overridden."),
    "decided": _l(
        "The sponsor has decided this gate: only the sponsor can change it now."
    ),
}

#: Where the questionnaire's pages are; the steps they share with the generic
#: questionnaire pages are in ``app.questionnaires.views``.
PAGES = views.TakePages(
    questionnaire=QuestionnaireId.PREPARATION,
    blueprint="preparation",
    templates="preparation",
)


def _take(membership: Membership, take_id: int) -> QuestionnaireTake:
    return views.take_or_404(membership, QuestionnaireId.PREPARATION, take_id)


def _gate(value: str) -> Gate:
    try:
        return Gate(value)
    except ValueError:
        abort(404)


# --- questionnaire ----------------------------------------------------------


@bp.route("/")
@engagement_view()
def index(membership: Membership):
    """The questionnaire: the current take's sections and every earlier take."""
    return views.index(PAGES, membership)


@bp.route("/takes", methods=["POST"])
@engagement_view(Action.ANSWER_QUESTIONNAIRES)
def start(membership: Membership):
    """Start the questionnaire, or a re-assessment after a completed take."""
    return views.start(PAGES, membership)


@bp.route("/takes/<int:take_id>/<section_id>", methods=["GET", "POST"])
@engagement_view()
def section(membership: Membership, take_id: int, section_id: str):
    """One section of the questionnaire: answer, save, resume later."""
    views.refuse_answers_from_readers(membership)
    return views.section(PAGES, membership, _take(membership, take_id), section_id)


@bp.route("/takes/<int:take_id>/complete", methods=["POST"])
@engagement_view(Action.ANSWER_QUESTIONNAIRES)
def complete(membership: Membership, take_id: int):
    """Close the take once every required question has an answer."""
    return views.complete(PAGES, membership, _take(membership, take_id))


# --- result and gates -------------------------------------------------------


@bp.route("/takes/<int:take_id>/result")
@engagement_view()
def result(membership: Membership, take_id: int):
    """Readiness category with its explanation, gates and maturity profile."""
    return _result_page(membership, _take(membership, take_id))


def _result_page(
    membership: Membership,
    take: QuestionnaireTake,
    override_forms: FormPerItem | None = None,
    decision_forms: FormPerItem | None = None,
) -> str:
    assessment = services.assess(take)
    return render_template(
        "preparation/result.html",
        engagement=membership.engagement,
        assessment=assessment,
        steps=services.next_steps(assessment, membership.engagement),
        definition=services.definition(),
        previous=takes.previous_take(take),
        decisions_final=services.decisions_final(take.engagement_id),
        override_forms=override_forms or FormPerItem(OverrideForm),
        decision_forms=decision_forms or FormPerItem(DecisionForm),
    )


@bp.route("/result")
@engagement_view()
def latest_result(membership: Membership):
    """The result of the latest take, or the questionnaire when there is none."""
    return views.latest_result(PAGES, membership)


@bp.route("/takes/<int:take_id>/gates/<gate>/override", methods=["POST"])
@engagement_view(Action.OVERRIDE_GATES)
def override(membership: Membership, take_id: int, gate: str):
    """Let a failed gate pass, with a written reason."""
    take, chosen = _take(membership, take_id), _gate(gate)
    forms = FormPerItem(OverrideForm)
    form = forms.received(chosen)
    if not form.validate_on_submit():
        return _result_page(membership, take, override_forms=forms), 400
    try:
        services.override_gate(take, chosen, form.reason.data, current_user)
    except Refusal as refusal:
        flash_refusal(refusal, _GATE_REFUSALS)
    else:
        flash(_("Override recorded. The sponsor is asked to approve it."), "success")
    return redirect_to(
        "preparation.result", membership, take_id=take.id, _anchor="gates"
    )


@bp.route("/takes/<int:take_id>/gates/<gate>/decision", methods=["POST"])
@engagement_view(Action.APPROVE_GATES)
def decide(membership: Membership, take_id: int, gate: str):
    """The sponsor approves a gate decision or sends it back from the result
    page (the sponsor's glance posts to its own route, ``engagements.decide_gate``)."""
    take, chosen = _take(membership, take_id), _gate(gate)
    forms = FormPerItem(DecisionForm)
    form = forms.received(chosen)
    if not form.validate_on_submit():
        return _result_page(membership, take, decision_forms=forms), 400
    record_decision(take, chosen, form)
    return redirect_to(
        "preparation.result", membership, take_id=take.id, _anchor="gates"
    )


@bp.route("/takes/<int:take_id>/compare")
@engagement_view()
def compare(membership: Membership, take_id: int):
    """This take beside the one before it."""
    take = _take(membership, take_id)
    return views.compare(PAGES, membership, take, services.comparison)


# --- organisation -----------------------------------------------------------


@bp.route("/organisation", methods=["GET", "POST"])
@engagement_view()
def organisation_page(membership: Membership):
    """The project organisation and the method's warnings about it."""
    form = PersonForm()
    if request.method == "POST":
        require(membership, Action.MANAGE_ORGANISATION)
        if form.validate_on_submit():
            person = organisation.save_person(
                membership.engagement, None, form.values(), membership.user_id
            )
            flash(
                _("%(name)s was added to the organisation.", name=person.name),
                "success",
            )
            return redirect_to("preparation.organisation_page", membership)
    return _organisation_page(membership, form)


@bp.route("/organisation/<int:person_id>", methods=["GET", "POST"])
@engagement_view(Action.MANAGE_ORGANISATION)
def edit_person(membership: Membership, person_id: int):
    """Change a person's roles or qualities."""
    person = owned_or_404(OrgPerson, person_id, membership.engagement_id)
    form = PersonForm(obj=person)
    if form.validate_on_submit():
        organisation.save_person(
            membership.engagement, person, form.values(), membership.user_id
        )
        flash(_("Saved."), "success")
        return redirect_to("preparation.organisation_page", membership)
    return render_template(
        "preparation/person.html",
        engagement=membership.engagement,
        form=form,
        person=person,
    )


@bp.route("/organisation/<int:person_id>/delete", methods=["POST"])
@engagement_view(Action.MANAGE_ORGANISATION)
def delete_person(membership: Membership, person_id: int):
    """Remove a person from the organisation."""
    person = owned_or_404(OrgPerson, person_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        organisation.remove_person(person, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("preparation.organisation_page", membership)


def _organisation_page(membership: Membership, form: PersonForm):
    engagement = membership.engagement
    latest = services.latest_take(engagement)
    return render_template(
        "preparation/organisation.html",
        engagement=engagement,
        people=organisation.people(engagement),
        members_of_people=organisation.members_of_people(engagement),
        former_people=organisation.former_people(engagement),
        findings=organisation.findings(engagement),
        form=form,
        gates_cleared=latest is not None and services.assess(latest).gates_cleared,
    )


# --- change log -------------------------------------------------------------


@bp.route("/change-log")
@engagement_view()
def change_log(membership: Membership):
    """Awareness activities, resistance, and the announcement."""
    return _change_log_page(membership)


def _change_log_page(membership: Membership, **forms):
    engagement = membership.engagement
    milestones = organisation.milestones(engagement)
    announcement = forms.get("announcement_form") or AnnouncementForm(
        announced_on=milestones.announced_on or local_today(),
        announced_by=milestones.announced_by_id,
        note=milestones.announcement_note,
    )
    announcement.announced_by.choices = [
        (person.id, person.name) for person in organisation.people(engagement)
    ]
    return render_template(
        "preparation/change_log.html",
        engagement=engagement,
        activities=organisation.awareness_activities(engagement),
        resistance=organisation.resistance_items(engagement),
        milestones=milestones,
        awareness_form=forms.get("awareness_form")
        or AwarenessForm(held_on=local_today()),
        resistance_form=forms.get("resistance_form")
        or ResistanceForm(
            raised_on=local_today(),
            people=organisation.resistance_people(engagement),
        ),
        team_form=TeamAnnouncedForm(team_announced_on=milestones.team_announced_on),
        announcement_form=announcement,
        unmet=services.steps_before_announcement(engagement),
        out_of_order=organisation.announcement_breaches(engagement),
    )


@bp.route("/change-log/awareness", methods=["POST"])
@engagement_view(Action.MANAGE_ORGANISATION)
def add_awareness(membership: Membership):
    """Log an awareness activity."""
    form = AwarenessForm()
    if not form.validate_on_submit():
        return _change_log_page(membership, awareness_form=form)
    organisation.add_awareness(membership.engagement, form.values(), membership.user_id)
    flash(_("Activity added."), "success")
    return redirect_to("preparation.change_log", membership, _anchor="awareness")


@bp.route("/change-log/awareness/<int:item_id>/delete", methods=["POST"])
@engagement_view(Action.MANAGE_ORGANISATION)
def delete_awareness(membership: Membership, item_id: int):
    """Remove an awareness activity."""
    item = owned_or_404(AwarenessActivity, item_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        organisation.remove_awareness(item, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("preparation.change_log", membership, _anchor="awareness")


@bp.route("/change-log/resistance", methods=["POST"])
@engagement_view(Action.MANAGE_ORGANISATION)
def add_resistance(membership: Membership):
    """Log a resistance item."""
    engagement = membership.engagement
    form = ResistanceForm(people=organisation.resistance_people(engagement))
    if not form.validate_on_submit() or not saved(
        form,
        lambda: organisation.add_resistance(
            engagement, form.values(), membership.user_id
        ),
        _RESISTANCE_REFUSALS,
    ):
        return _change_log_page(membership, resistance_form=form)
    flash(_("Resistance item added."), "success")
    return redirect_to("preparation.change_log", membership, _anchor="resistance")


@bp.route("/change-log/resistance/<int:item_id>", methods=["GET", "POST"])
@engagement_view(Action.MANAGE_ORGANISATION)
def edit_resistance(membership: Membership, item_id: int):
    """Update how a resistance item is handled."""
    item = owned_or_404(ResistanceItem, item_id, membership.engagement_id)
    people = organisation.resistance_people(membership.engagement, item)
    form = ResistanceForm(obj=item, people=people)
    if form.validate_on_submit() and saved(
        form,
        lambda: organisation.update_resistance(item, form.values(), membership.user_id),
        _RESISTANCE_REFUSALS,
    ):
        flash(_("Saved."), "success")
        return redirect_to("preparation.change_log", membership, _anchor="resistance")
    return render_template(
        "preparation/resistance.html",
        engagement=membership.engagement,
        form=form,
        item=item,
    )


@bp.route("/change-log/resistance/<int:item_id>/delete", methods=["POST"])
@engagement_view(Action.MANAGE_ORGANISATION)
def delete_resistance(membership: Membership, item_id: int):
    """Remove a resistance item."""
    item = owned_or_404(ResistanceItem, item_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        organisation.remove_resistance(item, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("preparation.change_log", membership, _anchor="resistance")


@bp.route("/change-log/team-announced", methods=["POST"])
@engagement_view(Action.MANAGE_ORGANISATION)
def team_announced(membership: Membership):
    """Record when the team's appointment was made known."""
    form = TeamAnnouncedForm()
    if form.validate_on_submit():
        organisation.set_team_announced(
            membership.engagement, form.team_announced_on.data, membership.user_id
        )
        flash(_("Saved."), "success")
    return redirect_to("preparation.change_log", membership, _anchor="milestones")


@bp.route("/change-log/announcement", methods=["POST"])
@engagement_view(Action.MANAGE_ORGANISATION)
def announce(membership: Membership):
    """Record the company-wide announcement that completes preparation."""
    engagement = membership.engagement
    form = AnnouncementForm()
    form.announced_by.choices = [
        (p.id, p.name) for p in organisation.people(engagement)
    ]
    if not form.validate_on_submit():
        return _change_log_page(membership, announcement_form=form)
    person = owned_or_404(OrgPerson, form.announced_by.data, engagement.id)
    announcement = organisation.Announcement(
        form.announced_on.data, person, form.note.data or ""
    )
    ready = not services.steps_before_announcement(engagement)
    if not saved(
        form,
        lambda: organisation.announce(
            engagement, announcement, ready=ready, user_id=membership.user_id
        ),
        _REFUSALS,
    ):
        return _change_log_page(membership, announcement_form=form)
    flash(_("The announcement is recorded: preparation is complete."), "success")
    return redirect_to("preparation.change_log", membership, _anchor="milestones")


@bp.route("/change-log/announcement/withdraw", methods=["POST"])
@engagement_view(Action.MANAGE_ORGANISATION)
def withdraw_announcement(membership: Membership):
    """Take back a recorded announcement (preparation reopens)."""
    if ConfirmForm().validate_on_submit():
        organisation.withdraw_announcement(membership.engagement, membership.user_id)
        flash(_("The announcement was withdrawn."), "success")
    return redirect_to("preparation.change_log", membership, _anchor="milestones")
