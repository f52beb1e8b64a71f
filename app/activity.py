"""The activity feed: who did what in an engagement, and when.

Services record an entry in their own transaction, so the feed never claims
something that was rolled back. The subject is stored as codes (a
questionnaire and section id, a gate and decision, a report kind) and put into
words when shown, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.i18n.labels import label
from app.models import Activity, ResistanceStatus
from app.questionnaires.definitions import definition
from app.url_values import paginate
from assessments.oversight import ActivityKind, Removable, ReportKind
from assessments.progress import Phase
from assessments.questionnaire import Gate, QuestionnaireId
from assessments.roles import Role

#: What a removal says, by what was removed; the name fills %(name)s.
_REMOVALS = {
    Removable.MEMBER: _l("Removed %(name)s from the engagement"),
    Removable.PERSON: _l("Removed %(name)s from the organisation"),
    Removable.AWARENESS_ACTIVITY: _l("Removed the awareness activity %(name)s"),
    Removable.RESISTANCE: _l("Removed the resistance item of %(name)s"),
    Removable.BUSINESS_STRATEGY: _l("Removed the business strategy %(name)s"),
    Removable.GOAL: _l("Removed the goal %(name)s"),
    Removable.MEASURE: _l("Removed the measure %(name)s"),
    Removable.CUSTOMER: _l("Removed the customer %(name)s"),
    Removable.CONTACT: _l("Removed the contact %(name)s"),
    Removable.INTERACTION: _l("Removed the interaction with %(name)s"),
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
    named = _NAMED.get(activity.kind)
    if named is not None:
        return str(named) % {"name": activity.subject}
    return _WORDS[activity.kind](activity.subject)


#: What an entry about one named thing says; the subject fills %(name)s.
_NAMED = {
    ActivityKind.ENGAGEMENT_CREATED: _l("Opened the engagement %(name)s"),
    ActivityKind.PERSON_ADDED: _l("Added %(name)s to the organisation"),
    ActivityKind.PERSON_CHANGED: _l("Changed the details of %(name)s"),
    ActivityKind.AWARENESS_ADDED: _l("Logged the awareness activity %(name)s"),
    ActivityKind.RESISTANCE_ADDED: _l("Logged the resistance item of %(name)s"),
}


def _answers_saved(subject: str) -> str:
    questionnaire_id, _sep, section_id = subject.partition(":")
    questionnaire = definition(QuestionnaireId(questionnaire_id))
    section = questionnaire.section(section_id)
    return _(
        "Saved answers in %(questionnaire)s: %(section)s",
        questionnaire=questionnaire.title.in_language(_language()),
        section=section.title.in_language(_language()) if section else section_id,
    )


def _take_completed(subject: str) -> str:
    return _("Completed %(questionnaire)s", questionnaire=_title(subject))


def _reassessment_started(subject: str) -> str:
    questionnaire_id, _sep, number = subject.partition(":")
    return _(
        "Started take %(number)s of %(questionnaire)s: a re-assessment",
        number=number,
        questionnaire=_title(questionnaire_id),
    )


def _gate_decided(subject: str) -> str:
    gate, _sep, decision = subject.partition(":")
    if decision == "stopped":
        return _("Stopped the project at the gate %(gate)s", gate=label(Gate(gate)))
    verb = _("Approved") if decision == "approved" else _("Sent back")
    return _("%(verb)s the gate %(gate)s", verb=verb, gate=label(Gate(gate)))


def _removed(subject: str) -> str:
    what, _sep, name = subject.partition(":")
    if what == Removable.REVIEW:
        name = _medium_date(name)
    if what == Removable.INTERACTION:
        name = _dated(name)
    return str(_REMOVALS[Removable(what)]) % {"name": name}


def _analysis_withdrawn(subject: str) -> str:
    number, _sep, reason = subject.partition(":")
    return _("Withdrew analysis %(number)s: %(reason)s", number=number, reason=reason)


def _member_invited(subject: str) -> str:
    role, _sep, name = subject.partition(":")
    return _("Invited %(name)s as %(role)s", name=name, role=label(Role(role)))


def _resistance_updated(subject: str) -> str:
    status, _sep, name = subject.partition(":")
    return _(
        "Updated the resistance item of %(name)s (%(status)s)",
        name=name,
        status=label(ResistanceStatus(status)),
    )


def _team_announced(subject: str) -> str:
    if not subject:
        return _("Cleared the date the project team was announced")
    return _(
        "Recorded that the project team was announced on %(date)s",
        date=_medium_date(subject),
    )


def _announced(subject: str) -> str:
    day, _sep, name = subject.partition(":")
    return _(
        "Recorded the company-wide announcement by %(name)s on %(date)s",
        name=name,
        date=_medium_date(day),
    )


def _announcement_withdrawn(subject: str) -> str:
    return _(
        "Withdrew the company-wide announcement of %(date)s",
        date=_medium_date(subject),
    )


def _customers_merged(subject: str) -> str:
    absorbed, _sep, kept = subject.partition("\n")
    return _(
        "Merged the customer %(absorbed)s into %(kept)s", absorbed=absorbed, kept=kept
    )


def _claim_words(subject: str) -> dict[str, str]:
    """The questionnaire, take number and question of a claim's entry."""
    questionnaire, number, question_id = subject.split(":", 2)
    found = definition(QuestionnaireId(questionnaire))
    question = found.question(question_id)
    language = str(get_locale())
    return {
        "questionnaire": found.title.in_language(language),
        "number": number,
        "question": question.text.in_language(language) if question else question_id,
    }


def _claim_contradicted(subject: str) -> str:
    return _(
        "The customer data came to contradict an answer of take %(number)s of "
        "“%(questionnaire)s”: %(question)s",
        **_claim_words(subject),
    )


def _claim_cleared(subject: str) -> str:
    return _(
        "The customer data no longer contradicts an answer of take %(number)s "
        "of “%(questionnaire)s”: %(question)s",
        **_claim_words(subject),
    )


#: How every other kind of entry is put into words, from its subject.
_WORDS: dict[ActivityKind, Callable[[str], str]] = {
    ActivityKind.ANSWERS_SAVED: _answers_saved,
    ActivityKind.TAKE_COMPLETED: _take_completed,
    ActivityKind.REASSESSMENT_STARTED: _reassessment_started,
    ActivityKind.GATE_OVERRIDDEN: lambda subject: _(
        "Overrode the gate %(gate)s", gate=label(Gate(subject))
    ),
    ActivityKind.GATE_DECIDED: _gate_decided,
    ActivityKind.CUSTOMERS_IMPORTED: lambda subject: _(
        "Imported %(file)s", file=subject
    ),
    ActivityKind.VALUE_RECORDED: lambda subject: _(
        "Recorded a value of %(measure)s", measure=subject
    ),
    ActivityKind.ANALYSIS_TAKEN: lambda subject: _(
        "Took analysis %(number)s of the customers", number=subject
    ),
    ActivityKind.REVIEW_RECORDED: lambda subject: _(
        "Wrote the review of %(date)s", date=_medium_date(subject)
    ),
    ActivityKind.INTERACTION_CORRECTED: lambda subject: _(
        "Corrected the interaction with %(name)s", name=_dated(subject)
    ),
    ActivityKind.REMOVED: _removed,
    ActivityKind.PHASE_CLOSED: lambda subject: _(
        "Closed the %(phase)s phase", phase=label(Phase(subject))
    ),
    ActivityKind.PHASE_REOPENED: lambda subject: _(
        "Opened the %(phase)s phase again", phase=label(Phase(subject))
    ),
    ActivityKind.ANALYSIS_WITHDRAWN: _analysis_withdrawn,
    ActivityKind.REPORT_ISSUED: lambda subject: _(
        "Issued: %(report)s", report=label(ReportKind(subject))
    ),
    ActivityKind.MEMBER_INVITED: _member_invited,
    ActivityKind.RESISTANCE_UPDATED: _resistance_updated,
    ActivityKind.TEAM_ANNOUNCED: _team_announced,
    ActivityKind.ANNOUNCED: _announced,
    ActivityKind.ANNOUNCEMENT_WITHDRAWN: _announcement_withdrawn,
    ActivityKind.CUSTOMERS_MERGED: _customers_merged,
    ActivityKind.CLAIM_CONTRADICTED: _claim_contradicted,
    ActivityKind.CLAIM_CLEARED: _claim_cleared,
}


def _title(questionnaire_id: str) -> str:
    return definition(QuestionnaireId(questionnaire_id)).title.in_language(_language())


def _medium_date(iso: str) -> str:
    return format_date(date.fromisoformat(iso), "medium")


def _dated(subject: str) -> str:
    """ "date:name" as "name on <date>", in the reader's words."""
    day, _sep, name = subject.partition(":")
    return _("%(name)s on %(date)s", name=name, date=_medium_date(day))


def _language() -> str:
    return str(get_locale())
