"""Pages of the transition plan and the review log."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.forms import ConfirmForm, optional_id_choices, select_choices
from app.i18n.locale import local_today
from app.implementation import bp, plan, scorecard
from app.implementation.factors import recheck
from app.implementation.forms import (
    ActionForm,
    PlanSettingsForm,
    RecheckForm,
    ReviewForm,
    WorkPackageForm,
)
from app.implementation.gaps import cell_names
from app.models import Membership, OrgPerson, Review, ReviewAction, WorkPackage
from app.refusals import Refusal, flash_refusal, saved
from app.tenancy import (
    engagement_view,
    owned_or_404,
    redirect_to,
    require,
)
from assessments.roles import Action
from assessments.scorecard import MeasureScope
from assessments.transition import WorkStatus

_REFUSALS = {
    "ends_before_start": ("ends_on", _l("The end cannot be before the start.")),
    "unknown_owner": ("owner_id", _l("Choose a person of the project organisation.")),
    "unknown_gap": ("closes", _l("Choose cells of the gap analysis.")),
    "unknown_package": ("work_package_id", _l("Choose a package of this plan.")),
    "unknown_measure": ("measure_id", _l("Choose a measure of this project.")),
    "unknown_take": ("take_id", _l("Choose a check of this project.")),
    "unfinished": (
        "take_id",
        _l("A check of the success factors is still open: link it instead."),
    ),
    "unknown_dependency": ("depends_on_id", _l("Choose a package of this plan.")),
    "dependency_loop": (
        "depends_on_id",
        _l("That package already waits for this one: the plan would go in a circle."),
    ),
    "changed": (
        None,
        _l(
            "Someone else saved this work package while you were editing it. "
            "Your changes are still in the form: check theirs on the plan, or "
            "save again to replace them."
        ),
    ),
}


def _people_choices(membership: Membership, kept: OrgPerson | None = None):
    """Anyone of the project organisation, with a login or not."""
    return optional_id_choices(
        (p.id, p.name) for p in plan.people(membership.engagement_id, kept)
    )


def _gap_choices():
    return select_choices(cell_names().items())


@bp.route("/plan")
@engagement_view()
def transition_plan(membership: Membership):
    """The timeline, the packages with their warnings, the plan-length limits."""
    return _plan_page(membership, None)


def _plan_page(membership: Membership, settings_form: PlanSettingsForm | None):
    view = plan.plan_view(membership.engagement, local_today())
    return render_template(
        "implementation/plan.html",
        engagement=membership.engagement,
        plan=view,
        cells=cell_names(),
        today=local_today(),
        settings_form=settings_form or PlanSettingsForm(obj=view.settings),
    )


@bp.route("/plan/settings", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def plan_settings(membership: Membership):
    """Change the plan length below and above which the plan gets a warning."""
    form = PlanSettingsForm()
    if form.validate_on_submit():
        plan.save_settings(
            membership.engagement_id,
            form.shortest_months.data,
            form.longest_months.data,
        )
        flash(_("Plan-length limits saved."), "success")
        return redirect_to("implementation.transition_plan", membership)
    return _plan_page(membership, form), 400


@bp.route("/plan/packages/new", methods=["GET", "POST"])
@bp.route("/plan/packages/<int:package_id>", methods=["GET", "POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def package(membership: Membership, package_id: int | None = None):
    """Add or change a work package or milestone."""
    row = (
        owned_or_404(WorkPackage, package_id, membership.engagement_id)
        if package_id
        else None
    )
    form = WorkPackageForm(obj=row)
    form.owner_id.choices = _people_choices(membership, row.owner if row else None)
    form.closes.choices = _gap_choices()
    form.depends_on_id.choices = optional_id_choices(
        (p.id, p.title)
        for p in plan.packages(membership.engagement_id)
        if row is None or p.id != row.id
    )
    if row is None and not form.is_submitted():
        form.status.data = WorkStatus.PLANNED.value
    status = 200
    if form.validate_on_submit():
        details = form.values()
        if saved(
            form,
            lambda: plan.save_package(
                membership.engagement, row, details, form.revision.data
            ),
            _REFUSALS,
        ):
            flash(_("Work package saved."), "success")
            return redirect_to("implementation.transition_plan", membership)
        if row is not None and form.revision.data != row.revision:
            # "changed" (checked first): 409, and the next save replaces the
            # newer package knowingly
            form.revision.data, status = row.revision, 409
    return render_template(
        "implementation/package.html",
        engagement=membership.engagement,
        package=row,
        form=form,
    ), status


@bp.route("/plan/drafts", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def draft_packages(membership: Membership):
    """A planned package for each priority of the gap analysis no package
    closes yet, to be given its owner and dates."""
    if ConfirmForm().validate_on_submit():
        count = plan.draft_from_priorities(
            membership.engagement,
            local_today(),
            lambda cell: _("Close the gap: %(cell)s", cell=cell_names()[cell.code]),
        )
        flash(
            ngettext(
                "%(num)d package drafted from the priorities: give it an owner "
                "and dates.",
                "%(num)d packages drafted from the priorities: give each an "
                "owner and dates.",
                count,
            )
            if count
            else _("Every priority already has a package."),
            "success",
        )
    return redirect_to("implementation.transition_plan", membership)


@bp.route("/plan/packages/<int:package_id>/delete", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def delete_package(membership: Membership, package_id: int):
    """Remove a work package; packages that waited for it wait for nothing."""
    row = owned_or_404(WorkPackage, package_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        plan.remove_package(row, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("implementation.transition_plan", membership)


# --- the review log ------------------------------------------------------------


@bp.route("/reviews", methods=["GET", "POST"])
@bp.route("/reviews/<int:review_id>", methods=["GET", "POST"])
@engagement_view()
def reviews(membership: Membership, review_id: int | None = None):
    """The review log, newest first, with the form to add or change an entry."""
    row = (
        owned_or_404(Review, review_id, membership.engagement_id) if review_id else None
    )
    form = ReviewForm(obj=row)
    form.owner_id.choices = _people_choices(membership, row.owner if row else None)
    if form.is_submitted():
        require(membership, Action.EDIT_ENGAGEMENT)
    if form.validate_on_submit():
        details = form.values()
        if saved(
            form,
            lambda: plan.save_review(
                membership.engagement, row, details, membership.user_id
            ),
            _REFUSALS,
        ):
            flash(_("Review saved."), "success")
            return redirect_to("implementation.reviews", membership)
    log = plan.reviews(membership.engagement_id)
    return render_template(
        "implementation/reviews.html",
        engagement=membership.engagement,
        reviews=log,
        rechecks={r.id: recheck(r.factors_take) for r in log if r.factors_take},
        today=local_today(),
        review=row,
        form=form,
        recheck_form=_recheck_form(membership),
    )


def _recheck_form(membership: Membership) -> RecheckForm:
    form = RecheckForm()
    form.take_id.choices = optional_id_choices(
        (t.id, _("Take %(number)s", number=t.number))
        for t in plan.factor_checks(membership.engagement)
    )
    return form


@bp.route("/reviews/<int:review_id>/recheck", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def review_recheck(membership: Membership, review_id: int):
    """Link a check of the success factors to the review, or start a new one
    and go on to it."""
    row = owned_or_404(Review, review_id, membership.engagement_id)
    form = _recheck_form(membership)
    if form.validate_on_submit():
        try:
            take = plan.link_recheck(
                membership.engagement,
                row,
                None if form.start.data else form.take_id.data,
                membership.user,
            )
        except Refusal as refusal:
            flash_refusal(refusal, {c: m for c, (_f, m) in _REFUSALS.items()})
        else:
            if take.completed_at is None:
                return redirect(
                    url_for(
                        "questionnaires.index",
                        engagement_id=membership.engagement_id,
                        questionnaire_id=take.questionnaire,
                    )
                )
            flash(_("Check linked to the review."), "success")
    return redirect_to("implementation.reviews", membership)


@bp.route("/reviews/<int:review_id>/actions/new", methods=["GET", "POST"])
@bp.route("/reviews/<int:review_id>/actions/<int:action_id>", methods=["GET", "POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def review_action(membership: Membership, review_id: int, action_id: int | None = None):
    """Add or change an action of a review."""
    review = owned_or_404(Review, review_id, membership.engagement_id)
    row = (
        owned_or_404(ReviewAction, action_id, membership.engagement_id, through=review)
        if action_id
        else None
    )
    form = ActionForm(obj=row)
    form.owner_id.choices = _people_choices(membership, row.owner if row else None)
    form.work_package_id.choices = optional_id_choices(
        (p.id, p.title) for p in plan.packages(membership.engagement_id)
    )
    form.measure_id.choices = optional_id_choices(
        (m.id, m.name)
        for m in scorecard.measures(membership.engagement_id, tuple(MeasureScope))
    )
    if form.validate_on_submit():
        details = form.values()
        if saved(form, lambda: plan.save_action(review, row, details), _REFUSALS):
            flash(_("Action saved."), "success")
            return redirect_to("implementation.reviews", membership)
    return render_template(
        "implementation/review_action.html",
        engagement=membership.engagement,
        review=review,
        action=row,
        form=form,
    ), 400 if form.errors else 200


@bp.route("/reviews/<int:review_id>/delete", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def delete_review(membership: Membership, review_id: int):
    """Remove an entry of the review log."""
    row = owned_or_404(Review, review_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        plan.remove_review(row, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("implementation.reviews", membership)
