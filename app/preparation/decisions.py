"""The sponsor's decision on a gate, taken alike on the result page and on the
sponsor's glance: record it and say how it went."""

from __future__ import annotations

from flask import flash
from flask_babel import gettext as _
from flask_login import current_user

from app.models import QuestionnaireTake, SponsorDecision
from app.preparation import services
from app.preparation.forms import DecisionForm
from app.refusals import Refusal
from assessments.questionnaire import Gate


def record_decision(take: QuestionnaireTake, gate: Gate, form: DecisionForm) -> None:
    """Store the validated decision form's approval or return of the gate, and
    flash whether it was recorded (a gate whose questions are unanswered
    cannot be decided yet)."""
    try:
        services.decide_gate(
            take,
            gate,
            SponsorDecision(form.decision.data),
            form.comment.data or "",
            current_user,
        )
    except Refusal:
        flash(
            _("This gate cannot be decided until its questions are answered."),
            "error",
        )
    else:
        flash(_("Your decision is recorded."), "success")
