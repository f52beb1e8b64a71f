"""The activity feed: who did what in an engagement, and when.

Services record an entry in their own transaction, so the feed never claims
something that was rolled back. The subject is stored as codes (a
questionnaire and section id, a gate and decision, a report kind) and put into
words when shown, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.i18n.labels import label
from app.models import Activity
from app.questionnaires.definitions import definition
from app.url_values import paginate
from assessments.oversight import ActivityKind, Removable, ReportKind
from assessments.questionnaire import Gate, QuestionnaireId

#: What a removal says, by what was removed; the name fills %(name)s.
_REMOVALS = {
    Removable.MEMBER: _l("Removed %(name)s from the engagement"),
    Removable.PERSON: _l("Removed %(name)s from the organisation"),
    Removable.AWARENESS_ACTIVITY: _l("Removed the awareness activity %(name)s"),
    Removable.BUSINESS_STRATEGY: _l("Removed the business strategy %(name)s"),
    Removable.GOAL: _l("Removed the goal %(name)s"),
    Removable.MEASURE: _l("Removed the measure %(name)s"),
    Removable.CUSTOMER: _l("Removed the customer %(name)s"),
    Removable.CONTACT: _l("Removed the contact %(name)s"),
    Removable.GROUP_OVERRIDE: _l("Removed the value-group override of %(name)s"),
    Removable.OBJECTIVE: _l("Removed the objective %(name)s"),
    Removable.MEASURE_VALUE: _l("Removed a value of %(name)s"),
    Removable.WORK_PACKAGE: _l("Removed the work package %(name)s"),
    Removable.REVIEW: _l("Removed the review of %(name)s"),
}
#: How much of a removed row's name the feed keeps.
NAME_KEPT = 200


def record(
    engagement_id: int, user_id: int | None, kind: ActivityKind, subject: str = ""
) -> None:
    """Add an entry to the feed, in the caller's transaction."""
    db.session.add(
        Activity(
            engagement_id=engagement_id, user_id=user_id, kind=kind, subject=subject
        )
    )


def record_removal(
    engagement_id: int, user_id: int | None, what: Removable, name: str
) -> None:
    """Add a removal to the feed, in the caller's transaction. The name is
    kept as it was, since the row it named is gone."""
    record(engagement_id, user_id, ActivityKind.REMOVED, f"{what}:{name[:NAME_KEPT]}")


def feed(engagement_id: int, page: int, per_page: int) -> Pagination:
    """The engagement's activity, newest first, one page of it."""
    query = (
        select(Activity)
        .options(selectinload(Activity.user))
        .where(Activity.engagement_id == engagement_id)
        .order_by(Activity.occurred_at.desc(), Activity.id.desc())
    )
    return paginate(query, page, per_page)


def last_activity(engagement_ids: Iterable[int]) -> dict[int, datetime]:
    """When each engagement last saw any activity."""
    rows = db.session.execute(
        select(Activity.engagement_id, func.max(Activity.occurred_at))
        .where(Activity.engagement_id.in_(list(engagement_ids)))
        .group_by(Activity.engagement_id)
    )
    return {engagement_id: when for engagement_id, when in rows}


def describe(activity: Activity) -> str:
    """The entry in words, in the current language."""
    kind, subject = activity.kind, activity.subject
    if kind in (ActivityKind.ANSWERS_SAVED, ActivityKind.TAKE_COMPLETED):
        questionnaire_id, _sep, section_id = subject.partition(":")
        questionnaire = definition(QuestionnaireId(questionnaire_id))
        title = questionnaire.title.in_language(_language())
        if kind == ActivityKind.TAKE_COMPLETED:
            return _("Completed %(questionnaire)s", questionnaire=title)
        section = questionnaire.section(section_id)
        return _(
            "Saved answers in %(questionnaire)s: %(section)s",
            questionnaire=title,
            section=section.title.in_language(_language()) if section else section_id,
        )
    if kind == ActivityKind.GATE_OVERRIDDEN:
        return _("Overrode the gate %(gate)s", gate=label(Gate(subject)))
    if kind == ActivityKind.GATE_DECIDED:
        gate, _sep, decision = subject.partition(":")
        verb = _("Approved") if decision == "approved" else _("Sent back")
        return _("%(verb)s the gate %(gate)s", verb=verb, gate=label(Gate(gate)))
    if kind == ActivityKind.CUSTOMERS_IMPORTED:
        return _("Imported %(file)s", file=subject)
    if kind == ActivityKind.VALUE_RECORDED:
        return _("Recorded a value of %(measure)s", measure=subject)
    if kind == ActivityKind.REVIEW_RECORDED:
        held_on = format_date(date.fromisoformat(subject), "medium")
        return _("Wrote the review of %(date)s", date=held_on)
    if kind == ActivityKind.REMOVED:
        what, _sep, name = subject.partition(":")
        if what == Removable.REVIEW:
            name = format_date(date.fromisoformat(name), "medium")
        return str(_REMOVALS[Removable(what)]) % {"name": name}
    if kind == ActivityKind.ANALYSIS_TAKEN:
        return _("Took analysis %(number)s of the customers", number=subject)
    return _("Issued: %(report)s", report=label(ReportKind(subject)))


def _language() -> str:
    return str(get_locale())
