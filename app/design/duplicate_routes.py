"""Pages of the duplicate customers: the suggested pairs, and merging two
records after a confirmation."""

from __future__ import annotations

from flask import abort, flash, render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from app.design import bp
from app.design import duplicates as merging
from app.design.presenters import FIELD_LABELS
from app.forms import ConfirmForm
from app.jobs.presenters import job_view
from app.models import Customer, Membership
from app.refusals import Refusal, flash_refusal
from app.tenancy import engagement_view, owned_or_404, redirect_to
from app.url_values import page_number
from assessments.jobs import JobStatus
from assessments.roles import Action

#: Why a pair is suggested, as the pages say it.
REASON_LABELS = {
    "email": _l("Same e-mail"),
    "phone": _l("Same phone"),
    "name": _l("Similar name"),
}
#: What a merge moves, as the pages say it.
MOVE_LABELS = {
    "contacts": _l("Contacts"),
    "transactions": _l("Sales"),
    "complaints": _l("Complaints"),
    "interactions": _l("Interactions"),
}
#: Why a merge was refused, as the page says it (the route answers 404 before
#: the service could find the two one record or another engagement's).
_REFUSALS = {"gone": _l("One of the two customers no longer exists.")}


@bp.route("/customers/duplicates", endpoint="duplicates")
@engagement_view()
def duplicate_list(membership: Membership):
    """Pairs of customers that look like one customer entered twice. When
    the customers changed since the last search (or none ran yet), a job
    looks for them again, and the page follows it until it is done."""
    engagement = membership.engagement
    found = merging.current(engagement.id)
    if found is None:
        found = merging.search(engagement, current_user)
        if found.status != JobStatus.DONE:
            return render_template(
                "design/duplicates.html", engagement=engagement, search=job_view(found)
            )
    return render_template(
        "design/duplicates.html",
        engagement=engagement,
        page=merging.suggestions(found, page_number()),
        reason_labels=REASON_LABELS,
    )


@bp.route(
    "/customers/merge/<int:keep_id>/<int:absorb_id>",
    methods=["GET", "POST"],
    endpoint="merge",
)
@engagement_view(Action.ANALYSE_CUSTOMERS)
def merge_customers(membership: Membership, keep_id: int, absorb_id: int):
    """What merging one record into the other does; the post does it."""
    if keep_id == absorb_id:
        abort(404)
    engagement = membership.engagement
    keep = owned_or_404(Customer, keep_id, engagement.id)
    absorb = owned_or_404(Customer, absorb_id, engagement.id)
    form = ConfirmForm()
    if form.validate_on_submit():
        kept, absorbed = merging.named(keep), merging.named(absorb)
        try:
            plan = merging.merge(engagement, keep, absorb, current_user)
        except Refusal as refusal:
            flash_refusal(refusal, _REFUSALS)
            return redirect_to("design.duplicates", membership)
        message = (
            _("%(absorbed)s was merged into %(kept)s.", absorbed=absorbed, kept=kept),
            ngettext(
                "%(num)s record moved.", "%(num)s records moved.", plan.moved_total
            ),
            ngettext(
                "%(num)s empty field filled.",
                "%(num)s empty fields filled.",
                len(plan.filled),
            ),
        )
        flash(" ".join(message), "success")
        return redirect_to("design.customer", membership, customer_id=keep_id)
    return render_template(
        "design/merge.html",
        engagement=engagement,
        plan=merging.merge_plan(engagement, keep, absorb),
        form=form,
        field_labels=FIELD_LABELS,
        move_labels=MOVE_LABELS,
    )
