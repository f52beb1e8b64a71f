"""Pages of the transition plan and the review log."""

from __future__ import annotations

from flask import flash, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.forms import ConfirmForm, optional_id_choices
from app.i18n.locale import local_today
from app.implementation import bp, plan
from app.implementation.forms import PlanSettingsForm, ReviewForm, WorkPackageForm
from app.memberships import members
from app.models import Membership, Review, WorkPackage
from app.refusals import saved
from app.tenancy import (
    engagement_view,
    owned_or_404,
    redirect_to,
    require,
)
from assessments.roles import Action
from assessments.transition import WorkStatus

_REFUSALS = {
    "ends_before_start": ("ends_on", _l("The end cannot be before the start.")),
    "unknown_owner": ("owner_id", _l("Choose a member of this project.")),
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


def _member_choices(membership: Membership):
    return optional_id_choices(
        (m.user_id, m.user.name) for m in members(membership.engagement)
    )


@bp.route("/plan")
@engagement_view()
def transition_plan(membership: Membership):
    """The timeline, the packages with their warnings, the plan-length limits."""
    return _plan_page(membership, None)


def _plan_page(membership: Membership, settings_form: PlanSettingsForm | None):
    view = plan.plan_view(membership.engagement_id, local_today())
    return render_template(
        "implementation/plan.html",
        engagement=membership.engagement,
        plan=view,
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
    form.owner_id.choices = _member_choices(membership)
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
    form.owner_id.choices = _member_choices(membership)
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
    return render_template(
        "implementation/reviews.html",
        engagement=membership.engagement,
        reviews=plan.reviews(membership.engagement_id),
        review=row,
        form=form,
    )


@bp.route("/reviews/<int:review_id>/delete", methods=["POST"])
@engagement_view(Action.EDIT_ENGAGEMENT)
def delete_review(membership: Membership, review_id: int):
    """Remove an entry of the review log."""
    row = owned_or_404(Review, review_id, membership.engagement_id)
    if ConfirmForm().validate_on_submit():
        plan.remove_review(row, membership.user_id)
        flash(_("Removed."), "success")
    return redirect_to("implementation.reviews", membership)
