"""Pages of the planning phase."""

from __future__ import annotations

from flask import (
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.forms import ConfirmForm
from app.measures import services as measures
from app.measures.forms import TARGET_REFUSALS, MeasureForm
from app.models import BusinessStrategy, Goal, Measure, Membership
from app.planning import bp, services
from app.planning.forms import (
    AnswerForm,
    GoalForm,
    PriorityForm,
    SessionForm,
    StrategyForm,
    VisionForm,
)
from app.redirects import safe_next
from app.refusals import Refusal, flash_refusal, saved
from app.tenancy import engagement_view, owned_or_404, redirect_to, require
from assessments.planning import CrmStrategy
from assessments.roles import Action

#: Why planning refuses any change once it is closed.
_CLOSED = _l("Planning is closed, so this can no longer change. Reopen planning first.")

#: What a refused change means, and which field it belongs to.
_REFUSALS = {
    "unknown_strategy": ("strategy_id", _l("Choose one of this project's strategies.")),
    "unknown_person": (None, _l("Choose people of this project's organisation.")),
    "deadline_passed": (
        "deadline",
        _l("This day has passed: a goal's deadline lies ahead."),
    ),
}

#: What a refused change of a measure means, and which field it belongs to:
#: the objective is set on the scorecard, so planning names the perspective.
_MEASURE_REFUSALS = {
    "other_perspective": (
        "perspective",
        _l("The objective belongs to another perspective than the measure."),
    ),
    **TARGET_REFUSALS,
}


@bp.errorhandler(Refusal)
def refused_while_closed(refusal: Refusal):
    """A change refused because planning is closed: nothing is saved, and the
    page the change came from says so (its banner offers to reopen). The
    presenter's autosave gets 423, the record being locked."""
    if refusal.code != "planning_closed":
        raise refusal
    if request.accept_mimetypes.best == "application/json":
        return jsonify(saved=False, closed=True), 423
    flash_refusal(refusal, {"planning_closed": _CLOSED})
    return redirect(_page_of_the_change())


def _page_of_the_change() -> str:
    """The page showing what a refused POST tried to change: its own page
    where it has one, else the page that holds its form."""
    if "GET" in request.url_rule.methods:
        return request.path
    args = request.view_args or {}
    page = _FORM_PAGES.get(request.endpoint, "planning.index")
    keep = {"engagement_id", "goal_id", "measure_id"}
    return url_for(page, **{name: args[name] for name in keep & args.keys()})


#: Where the forms of POST-only changes stand.
_FORM_PAGES = {
    "planning.add_strategy": "planning.strategy",
    "planning.delete_strategy": "planning.strategy",
    "planning.save_priorities": "planning.strategy",
    "planning.save_vision": "planning.strategy",
    "planning.delete_goal": "planning.goal",
    "planning.add_measure": "planning.goal",
    "planning.delete_measure": "planning.measure",
}


def _section(section_id: str):
    section = services.guide_section(section_id)
    if section is None:
        abort(404)
    return section


@bp.route("/")
@engagement_view()
def index(membership: Membership):
    """The workshop: sessions, outputs, and what still keeps planning open."""
    engagement = membership.engagement
    sessions = services.sessions(engagement)
    return render_template(
        "planning/index.html",
        engagement=engagement,
        guide=services.guide(),
        sessions=sessions,
        seats={
            s.id: services.empty_seats(sessions.get(s.id))
            for s in services.guide().sections
        },
        agreed=services.agreed_counts(engagement),
        vision=services.state(engagement).vision,
        goals=services.goals(engagement),
        obstacles=services.obstacles(engagement),
    )


# --- sessions and presenter mode --------------------------------------------


@bp.route("/sessions/<section_id>", methods=["GET", "POST"])
@engagement_view()
def session(membership: Membership, section_id: str):
    """A session's date, facilitator, participants and attendance."""
    section = _section(section_id)
    engagement = membership.engagement
    current = services.sessions(engagement).get(section_id)
    form = SessionForm(obj=current)
    people = services.session_people(engagement, current)
    form.invited.choices = form.attended.choices = [(p.id, p.name) for p in people]
    form.facilitator_id.choices = [(0, "—")] + [
        (p.id, p.name) for p in services.organisation_people(engagement, current)
    ]
    if request.method == "GET" and current is not None:
        form.facilitator_id.data = current.facilitator_id or 0
        form.invited.data = [p.person_id for p in current.participants]
        form.attended.data = [p.person_id for p in current.participants if p.attended]
    if request.method == "POST":
        require(membership, Action.EDIT_ENGAGEMENT)
        if form.validate_on_submit():
            details = form.details()
            if saved(
                form,
                lambda: services.save_session(engagement, section_id, details),
                _REFUSALS,
            ):
                flash(_("Session saved."), "success")
                return redirect_to(
                    "planning.session", membership, section_id=section_id
                )
    return render_template(
        "planning/session.html",
        engagement=engagement,
        section=section,
        number=_number(section_id),
        form=form,
        people=people,
        session=current,
        seats=services.empty_seats(current),
    )


def _number(section_id: str) -> int:
    return [s.id for s in services.guide().sections].index(section_id) + 1


@bp.route("/sessions/<section_id>/present")
@engagement_view()
def present(membership: Membership, section_id: str):
    """Presenter mode: one guide question at a time, large, keyboard-driven."""
    section = _section(section_id)
    index = request.args.get("q", 1, type=int)
    if not 1 <= index <= len(section.questions):
        abort(404)
    answer = services.answers(membership.engagement).get(
        section.questions[index - 1].id
    )
    return _presenter_page(membership, section, index, AnswerForm(obj=answer), answer)


def _presenter_page(membership, section, index, form, answer, conflict=False):
    return render_template(
        "planning/present.html",
        engagement=membership.engagement,
        section=section,
        number=_number(section.id),
        question=section.questions[index - 1],
        index=index,
        form=form,
        answer=answer,
        conflict=conflict,
    )


@bp.route("/answers/<question_id>", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def save_answer(membership: Membership, question_id: str):
    """Save a guide question's notes and agreed answer (autosave or button).
    A save over someone else's newer text is refused: the page keeps this
    person's text and shows theirs, and saving again replaces it."""
    place = services.guide().place_of(question_id)
    if place is None:
        abort(404)
    section, index = place
    form = AnswerForm()
    wants_json = request.accept_mimetypes.best == "application/json"
    if not form.validate_on_submit():
        if wants_json:
            return jsonify(saved=False, errors=form.errors), 400
        abort(400)
    try:
        answer = services.save_answer(
            membership.engagement,
            section.questions[index - 1],
            form.text(),
            form.revision.data,
            current_user,
        )
    except Refusal as refusal:
        if refusal.code != "changed":
            raise
        theirs = services.answers(membership.engagement)[question_id]
        if wants_json:
            return jsonify(saved=False, conflict=_answer_json(theirs)), 409
        form.revision.data = theirs.revision
        return _presenter_page(membership, section, index, form, theirs, True), 409
    if wants_json:
        return jsonify(saved=True, **_answer_json(answer))
    flash(_("Saved."), "success")
    presenter = url_for(
        "planning.present",
        engagement_id=membership.engagement_id,
        section_id=section.id,
        q=index,
    )
    return redirect(safe_next(request.form.get("next"), presenter))


def _answer_json(answer) -> dict:
    return {
        "revision": answer.revision,
        "at": answer.updated_at.isoformat(),
        "by": answer.updated_by.name if answer.updated_by else "",
        "notes": answer.notes,
        "agreed": answer.agreed,
        "nothing_agreed": answer.nothing_agreed,
    }


# --- strategies, vision, goals, measures -----------------------------------


@bp.route("/strategy")
@engagement_view()
def strategy(membership: Membership):
    """Business strategies, the four CRM strategies' priorities, the vision."""
    return _strategy_page(membership)


def _strategy_page(membership: Membership, **forms):
    engagement = membership.engagement
    priorities = services.priorities(engagement)
    priority_form = forms.get("priority_form") or PriorityForm(
        data={
            **{f"{s.value}_priority": row.priority for s, row in priorities.items()},
            **{f"{s.value}_rationale": row.rationale for s, row in priorities.items()},
        }
    )
    strategy_form = forms.get("strategy_form") or StrategyForm()
    strategy_form.sources.choices = _question_choices()
    return render_template(
        "planning/strategy.html",
        engagement=engagement,
        strategies=services.strategies(engagement),
        priorities=priorities,
        strategy_form=strategy_form,
        priority_form=priority_form,
        vision_form=forms.get("vision_form")
        or VisionForm(vision=services.state(engagement).vision),
        guide=services.guide(),
        answers=services.answers(engagement),
    )


def _question_choices() -> list[tuple[str, str]]:
    language = str(get_locale())
    return [(q.id, q.text.in_language(language)) for q in services.guide().questions()]


@bp.route("/strategy/strategies", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def add_strategy(membership: Membership):
    """Add a business strategy."""
    form = StrategyForm()
    form.sources.choices = _question_choices()
    engagement = membership.engagement
    if not form.validate_on_submit() or not saved(
        form,
        lambda: services.add_strategy(
            engagement, form.statement.data, form.sources.data
        ),
        _REFUSALS,
    ):
        return _strategy_page(membership, strategy_form=form)
    flash(_("Strategy added."), "success")
    return redirect_to("planning.strategy", membership, _anchor="strategies")


@bp.route("/strategy/strategies/<int:strategy_id>/delete", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def delete_strategy(membership: Membership, strategy_id: int):
    """Remove a business strategy (its goals stay, without a strategy)."""
    row = owned_or_404(BusinessStrategy, strategy_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        services.remove_strategy(row, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("planning.strategy", membership, _anchor="strategies")


@bp.route("/strategy/priorities", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def save_priorities(membership: Membership):
    """Weigh the four CRM strategies."""
    form = PriorityForm()
    if not form.validate_on_submit():
        return _strategy_page(membership, priority_form=form)
    values = {
        s: (form[f"{s.value}_priority"].data, form[f"{s.value}_rationale"].data or "")
        for s in CrmStrategy
    }
    if not saved(
        form, lambda: services.save_priorities(membership.engagement, values), _REFUSALS
    ):
        return _strategy_page(membership, priority_form=form)
    flash(_("Priorities saved."), "success")
    return redirect_to("planning.strategy", membership, _anchor="priorities")


@bp.route("/strategy/vision", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def save_vision(membership: Membership):
    """Write the CRM vision."""
    form = VisionForm()
    if not form.validate_on_submit() or not saved(
        form,
        lambda: services.save_vision(membership.engagement, form.vision.data),
        _REFUSALS,
    ):
        return _strategy_page(membership, vision_form=form)
    flash(_("Vision saved."), "success")
    return redirect_to("planning.strategy", membership, _anchor="crm-vision")


@bp.route("/goals", methods=["GET", "POST"])
@engagement_view()
def goals(membership: Membership):
    """Goals with their measures; add a goal."""
    engagement = membership.engagement
    form = _goal_form(membership)
    if request.method == "POST":
        require(membership, Action.EDIT_ENGAGEMENT)
        if form.validate_on_submit():
            details = form.values()
            goal = saved(
                form, lambda: services.save_goal(engagement, None, details), _REFUSALS
            )
            if goal:
                flash(_("Goal added. Give it at least one measure."), "success")
                return redirect_to("planning.goal", membership, goal_id=goal.id)
    return render_template(
        "planning/goals.html",
        engagement=engagement,
        goals=services.goals(engagement),
        form=form,
        vision=services.state(engagement).vision,
    )


def _goal_form(membership: Membership, goal: Goal | None = None) -> GoalForm:
    form = GoalForm(obj=goal)
    form.strategy_id.choices = [(0, "—")] + [
        (s.id, s.statement[:120]) for s in services.strategies(membership.engagement)
    ]
    return form


@bp.route("/goals/<int:goal_id>", methods=["GET", "POST"])
@engagement_view()
def goal(membership: Membership, goal_id: int):
    """One goal: edit it, and add or change its measures."""
    row = owned_or_404(Goal, goal_id, membership.engagement_id)
    form = _goal_form(membership, row)
    if request.method == "POST":
        require(membership, Action.EDIT_ENGAGEMENT)
        if form.validate_on_submit():
            details = form.values()
            if saved(
                form,
                lambda: services.save_goal(membership.engagement, row, details),
                _REFUSALS,
            ):
                flash(_("Goal saved."), "success")
                return redirect_to("planning.goal", membership, goal_id=row.id)
    return render_template(
        "planning/goal.html",
        engagement=membership.engagement,
        goal=row,
        form=form,
        measure_form=MeasureForm(),
    )


@bp.route("/goals/<int:goal_id>/delete", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def delete_goal(membership: Membership, goal_id: int):
    """Remove a goal and its measures."""
    row = owned_or_404(Goal, goal_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        services.remove_goal(row, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("planning.goals", membership)


@bp.route("/goals/<int:goal_id>/measures", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def add_measure(membership: Membership, goal_id: int):
    """Give a goal a measure."""
    row = owned_or_404(Goal, goal_id, membership.engagement_id)
    form = MeasureForm()
    if not form.validate_on_submit() or not saved(
        form,
        lambda: services.save_measure(
            membership.engagement,
            None,
            form.values(),
            measures.MeasureTracking(goal_id=row.id),
        ),
        _MEASURE_REFUSALS,
    ):
        return render_template(
            "planning/goal.html",
            engagement=membership.engagement,
            goal=row,
            form=_goal_form(membership, row),
            measure_form=form,
        )
    flash(_("Measure added."), "success")
    return redirect_to("planning.goal", membership, goal_id=row.id)


@bp.route("/measures/<int:measure_id>", methods=["GET", "POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def measure(membership: Membership, measure_id: int):
    """Change a measure."""
    row = owned_or_404(Measure, measure_id, membership.engagement_id)
    form = MeasureForm(obj=row)
    if form.validate_on_submit():
        engagement, basics = membership.engagement, form.values()
        if saved(
            form,
            lambda: services.save_measure(engagement, row, basics),
            _MEASURE_REFUSALS,
        ):
            flash(_("Measure saved."), "success")
            return _back_from(membership, row.goal_id)
    return render_template(
        "planning/measure.html",
        engagement=membership.engagement,
        measure=row,
        form=form,
    )


@bp.route("/measures/<int:measure_id>/delete", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def delete_measure(membership: Membership, measure_id: int):
    """Remove a measure."""
    row = owned_or_404(Measure, measure_id, membership.engagement_id)
    goal_id = row.goal_id
    if ConfirmForm().validate_on_submit():
        services.remove_measure(row, membership.user_id)
        flash(_("Removed."), "success")
    return _back_from(membership, goal_id)


def _back_from(membership: Membership, goal_id: int | None):
    """Back to the measure's goal, or to the list of goals for a measure that
    serves none (the scorecard's measures need not)."""
    if goal_id is None:
        return redirect_to("planning.goals", membership)
    return redirect_to("planning.goal", membership, goal_id=goal_id)


# --- closing and the report ---------------------------------------------------


@bp.route("/close", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def close(membership: Membership):
    """Close planning once sessions, vision, goals and measures are in place."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if services.close(membership.engagement, membership.user_id):
        flash(_("Planning cannot be closed yet; see what is missing below."), "error")
    else:
        flash(_("Planning is complete."), "success")
    return redirect_to("planning.index", membership)


@bp.route("/reopen", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def reopen(membership: Membership):
    """Open planning again."""
    if ConfirmForm().validate_on_submit():
        services.reopen(membership.engagement, membership.user_id)
        flash(_("Planning is open again."), "success")
    return redirect_to("planning.index", membership)
