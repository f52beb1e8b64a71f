"""Pages of the balanced scorecard: the overview, the strategy map, the KPIs,
objectives, measures and their values; and the two reports."""

from __future__ import annotations

from flask import abort, flash, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.forms import ConfirmForm, SelectChoice, optional_id_choices
from app.i18n.labels import label
from app.i18n.numbers import period_label, with_unit
from app.implementation import bp, scorecard
from app.implementation.forms import ObjectiveForm, ValueForm
from app.measures import services as measures
from app.measures.forms import TARGET_REFUSALS, ScorecardMeasureForm
from app.memberships import members
from app.models import Measure, MeasureValue, Membership, Objective
from app.refusals import Refusal, saved
from app.tenancy import engagement_view, owned_or_404, redirect_to
from assessments.planning import Perspective
from assessments.questionnaire import QuestionnaireId
from assessments.roles import Action, can
from assessments.scorecard import (
    FIXED_BY_RULES,
    VALUED_BY_BASIS,
    MeasureScope,
    Period,
    named_figure,
)

#: What a refused change means, and which field it belongs to.
_REFUSALS = {
    "unknown_goal": ("goal_id", _l("Choose one of this project's goals.")),
    "unknown_objective": (
        "objective_id",
        _l("Choose one of this project's objectives."),
    ),
    "unknown_owner": ("owner_id", _l("Choose a member of this project.")),
    "other_perspective": (
        "objective_id",
        _l("The objective belongs to another perspective than the measure."),
    ),
    "amount_needed": (
        "value_floor",
        _l("Give the value a customer must reach to be counted."),
    ),
    **TARGET_REFUSALS,
}


@bp.route("/")
@engagement_view()
def index(membership: Membership):
    """The scorecard overview: the page a sponsor reads in ten seconds."""
    return render_template(
        "implementation/overview.html",
        engagement=membership.engagement,
        overview=scorecard.overview(membership.engagement_id),
    )


@bp.route("/gaps")
@engagement_view()
def gap_analysis(membership: Membership):
    """The gap analysis is a questionnaire: its pages serve it."""
    return redirect_to(
        "questionnaires.index",
        membership,
        questionnaire_id=QuestionnaireId.GAP_ANALYSIS,
    )


@bp.route("/map")
@engagement_view()
def strategy_map(membership: Membership):
    """Vision → goals → objectives → measures."""
    return render_template(
        "implementation/map.html",
        engagement=membership.engagement,
        strategy_map=scorecard.strategy_map(membership.engagement),
    )


@bp.route("/kpis")
@engagement_view()
def kpis(membership: Membership):
    """Department and personal KPIs, each tied to a goal and owned by a member."""
    rows = scorecard.measures(
        membership.engagement_id, (MeasureScope.DEPARTMENT, MeasureScope.PERSONAL)
    )
    return render_template(
        "implementation/kpis.html",
        engagement=membership.engagement,
        states=[scorecard.measure_state(m) for m in rows],
    )


# --- objectives --------------------------------------------------------------


@bp.route("/objectives/new", methods=["GET", "POST"])
@bp.route("/objectives/<int:objective_id>", methods=["GET", "POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def objective(membership: Membership, objective_id: int | None = None):
    """Add or change an objective of the scorecard."""
    row = (
        owned_or_404(Objective, objective_id, membership.engagement_id)
        if objective_id
        else None
    )
    form = ObjectiveForm(obj=row)
    form.goal_id.choices = optional_id_choices(
        (goal.id, goal.title) for goal in measures.goals(membership.engagement)
    )
    if row is None and not form.is_submitted():
        form.perspective.data = Perspective.CUSTOMER.value
    if form.validate_on_submit():
        details, engagement = form.values(), membership.engagement
        if saved(
            form,
            lambda: measures.save_objective(engagement, row, details),
            _REFUSALS,
        ):
            flash(_("Objective saved."), "success")
            return redirect_to("implementation.index", membership)
    return render_template(
        "implementation/objective.html",
        engagement=membership.engagement,
        objective=row,
        form=form,
    )


@bp.route("/objectives/<int:objective_id>/delete", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def delete_objective(membership: Membership, objective_id: int):
    """Remove an objective; its measures stay, without an objective."""
    row = owned_or_404(Objective, objective_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        measures.remove_objective(row, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("implementation.index", membership)


# --- measures ----------------------------------------------------------------


@bp.route("/measures/new", methods=["GET", "POST"])
@bp.route("/measures/<int:measure_id>/edit", methods=["GET", "POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def edit_measure(membership: Membership, measure_id: int | None = None):
    """Add or change a measure or KPI, with its thresholds, owner and source."""
    row = (
        owned_or_404(Measure, measure_id, membership.engagement_id)
        if measure_id
        else None
    )
    form = _measure_form(membership, row)
    if form.validate_on_submit():
        basics, tracking = form.values(), form.tracking()
        engagement = membership.engagement
        stored = saved(
            form,
            lambda: measures.save_measure(engagement, row, basics, tracking),
            _REFUSALS,
        )
        if stored:
            flash(_("Measure saved."), "success")
            return redirect_to(
                "implementation.measure", membership, measure_id=stored.id
            )
    return render_template(
        "implementation/measure_form.html",
        engagement=membership.engagement,
        measure=row,
        form=form,
    )


def _measure_form(membership: Membership, row: Measure | None) -> ScorecardMeasureForm:
    form = ScorecardMeasureForm(obj=row)
    form.goal_id.choices = optional_id_choices(
        (goal.id, goal.title) for goal in measures.goals(membership.engagement)
    )
    form.objective_id.choices = optional_id_choices(
        (o.id, f"{o.title} ({label(o.perspective)})")
        for o in scorecard.objectives(membership.engagement_id)
    )
    form.owner_id.choices = optional_id_choices(
        (m.user_id, m.user.name) for m in members(membership.engagement)
    )
    if row is not None and row.computed in FIXED_BY_RULES:
        # no longer offered, but a measure that reads it keeps it
        form.computed.choices = [
            *form.computed.choices,
            SelectChoice(row.computed.value, label(row.computed)),
        ]
    if row is None and not form.is_submitted():
        form.scope.data = MeasureScope.COMPANY.value
        form.period.data = Period.QUARTERLY.value
    elif row is not None and not form.is_submitted():
        form.computed.data = row.computed.value if row.computed else ""
        form.department.data = row.department.value if row.department else ""
    return form


@bp.route("/measures/<int:measure_id>")
@engagement_view()
def measure(membership: Membership, measure_id: int):
    """A measure: its status, trend and values, and the form to add one."""
    row = owned_or_404(Measure, measure_id, membership.engagement_id)
    return _measure_page(membership, row, ValueForm(seen=measures.value_revisions(row)))


def _measure_page(membership: Membership, row: Measure, form: ValueForm):
    return render_template(
        "implementation/measure.html",
        engagement=membership.engagement,
        state=scorecard.measure_state(row),
        form=form,
        may_record=row.computed is None and _may_record(membership, row),
        basis_matters=row.computed in VALUED_BY_BASIS,
        fixed_by_rules=row.computed in FIXED_BY_RULES,
        named_figure=named_figure(row.name) if row.computed is None else None,
        other_basis=measures.analyses_of_other_basis(row),
    )


def _may_record(membership: Membership, measure: Measure) -> bool:
    """The consultant, or the measure's owner, may record its values."""
    return can(membership.role, Action.EDIT_ENGAGEMENT) or (
        can(membership.role, Action.UPDATE_OWN_MEASURES)
        and measure.owner_id == membership.user_id
    )


@bp.route("/measures/<int:measure_id>/values", methods=["POST"])
@engagement_view(Action.UPDATE_OWN_MEASURES)
def record_value(membership: Membership, measure_id: int):
    """Record the value of a period (replacing the one it had)."""
    row = owned_or_404(Measure, measure_id, membership.engagement_id)
    if not _may_record(membership, row):
        abort(403)
    if row.computed is not None:
        abort(409)
    form = ValueForm()
    if not form.validate_on_submit():
        return _measure_page(membership, row, form), 400
    try:
        recorded = measures.save_value(
            row,
            form.day.data,
            form.value.data,
            form.note.data or "",
            form.seen.data,
            current_user,
        )
    except Refusal:
        return _recorded_meanwhile(membership, row, form), 409
    # said back in the user's own notation, so a misread number shows at once
    flash(
        _(
            "Recorded %(value)s for %(period)s.",
            value=with_unit(recorded.value, row.unit),
            period=period_label(recorded.period_start, row.period),
        ),
        "success",
    )
    return redirect_to("implementation.measure", membership, measure_id=row.id)


def _recorded_meanwhile(membership: Membership, row: Measure, form: ValueForm):
    """The measure's page again, with this person's value still in the form
    and the one someone else recorded for the period meanwhile named: a second
    press of the button replaces it, knowingly."""
    theirs = measures.recorded_value(row, form.day.data)
    form.value.errors = [
        _(
            "%(name)s recorded %(value)s for %(period)s meanwhile. Record again "
            "to replace it.",
            name=theirs.recorded_by.name if theirs.recorded_by else "",
            value=with_unit(theirs.value, row.unit),
            period=period_label(theirs.period_start, row.period),
        )
        if theirs
        else _("Someone removed the value of this period meanwhile. Record again.")
    ]
    form.seen.data = measures.value_revisions(row)
    return _measure_page(membership, row, form)


@bp.route("/measures/<int:measure_id>/values/<int:value_id>/delete", methods=["POST"])
@engagement_view(Action.UPDATE_OWN_MEASURES)
def delete_value(membership: Membership, measure_id: int, value_id: int):
    """Remove a typed value (computed ones go with their analysis)."""
    row = owned_or_404(Measure, measure_id, membership.engagement_id)
    value = owned_or_404(MeasureValue, value_id, membership.engagement_id, through=row)
    if not _may_record(membership, row) or value.snapshot_id is not None:
        abort(403)
    if ConfirmForm().validate_on_submit():
        measures.remove_value(row, value, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("implementation.measure", membership, measure_id=row.id)


@bp.route("/measures/<int:measure_id>/compute", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def compute_measure(membership: Membership, measure_id: int):
    """Let a typed measure take its values from the figure of the customer
    data its name says it counts."""
    row = owned_or_404(Measure, measure_id, membership.engagement_id)
    figure = named_figure(row.name)
    if row.computed is not None or figure is None:
        abort(409)
    if ConfirmForm().validate_on_submit():
        measures.compute_named_figure(row, figure)
        flash(_("The measure now computes itself from the analyses."), "success")
    return redirect_to("implementation.measure", membership, measure_id=row.id)


@bp.route("/measures/<int:measure_id>/delete", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def delete_measure(membership: Membership, measure_id: int):
    """Remove a measure with its values."""
    row = owned_or_404(Measure, measure_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        measures.remove_measure(row, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("implementation.index", membership)
