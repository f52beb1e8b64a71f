"""Keeping an answer the customer data contradicts, with a reason."""

from __future__ import annotations

from flask import flash, redirect
from flask_babel import gettext as _
from flask_login import current_user

from app.evidence import bp, services
from app.evidence.forms import KeepAnswerForm
from app.models import Membership, QuestionnaireTake
from app.refusals import Refusal
from app.tenancy import engagement_view, owned_or_404
from assessments.roles import Action


@bp.route("/takes/<int:take_id>/<question_id>/keep", methods=["POST"])
@engagement_view(Action.OVERRIDE_GATES)
def keep(membership: Membership, take_id: int, question_id: str):
    """Keep the answer, with the reason the data does not tell the whole
    story; the reason then stands beside the flag wherever it is shown."""
    take = owned_or_404(QuestionnaireTake, take_id, membership.engagement_id)
    form = KeepAnswerForm(prefix=question_id)
    anchor = f"claim-{question_id}"
    if not form.validate_on_submit():
        for error in form.reason.errors:
            flash(f"{form.reason.label.text}: {error}", "error")
        return redirect(services.take_url(take, "result", _anchor=anchor))
    try:
        services.keep_answer(take, question_id, form.reason.data, current_user)
    except Refusal:
        flash(_("The customer data no longer contradicts this answer."), "info")
        return redirect(services.take_url(take, "result", _anchor=anchor))
    flash(_("The answer is kept, with your reason beside the data."), "success")
    return redirect(services.take_url(take, "result", _anchor=anchor))
