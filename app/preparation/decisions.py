"""The sponsor's decision on a gate, taken alike on the result page and on the
sponsor's glance: record it and say how it went."""

from __future__ import annotations

from flask import flash
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.models import QuestionnaireTake, SponsorDecision
from app.preparation import services
from app.preparation.forms import DecisionForm
from app.refusals import Refusal, flash_refusal
from assessments.questionnaire import Gate

#: Why a decision was refused.
_REFUSALS = {
    "not_decidable": _l(
        "This gate cannot be decided until its questions are answered."
    ),
    "not_offered": _l("This decision is not offered on this gate's outcome."),
    "reason_needed": _l(
        "Give your reason: it is needed to go on past a failed gate or to send"
        " a gate back."
    ),
    "decisions_final": _l("The project was announced: the gate decisions are final."),
}


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
    except Refusal as refusal:
        flash_refusal(refusal, _REFUSALS)
    else:
        flash(_("Your decision is recorded."), "success")
