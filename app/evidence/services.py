"""Answers beside what the customer data says of them.

The figures are gathered once per page from what is stored: the data quality
of the customers as they are now, the complaints and interactions recorded,
and the latest analysis that stands (no analysis is re-run). The core's
``assessments.evidence.check`` then says which claims the data contradicts;
this module adds where each figure can be seen, and the consultant's reviews.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import url_for
from sqlalchemy import distinct, func, select

from app import activity
from app.design.analyses import quality_report
from app.extensions import db
from app.i18n.locale import local_today
from app.models import (
    ClaimFlag,
    ClaimReview,
    Complaint,
    Customer,
    Engagement,
    Interaction,
    QuestionnaireTake,
    Snapshot,
    User,
)
from app.models.columns import utcnow
from app.questionnaires.takes import answer_values, definition_of
from app.refusals import Refusal
from assessments.data_quality import QualityReport
from assessments.evidence import (
    SOURCE_OF,
    Figure,
    Finding,
    Source,
    Verdict,
    check,
    contradicted,
)
from assessments.oversight import ActivityKind
from assessments.questionnaire import QuestionnaireId, Text

COMPLAINT_DAYS, INTERACTION_DAYS = 365, 90


@dataclass(frozen=True)
class Reading:
    """A figure, and where it comes from: the customer data now, or one
    analysis (``snapshot``); ``url`` is the page that shows it."""

    value: float | None
    as_of: date | None
    snapshot: Snapshot | None
    url: str


@dataclass(frozen=True)
class CheckedClaim:
    """One answer the data tests, what the data says, and the consultant's
    word on it: on this take, or on an earlier take of the questionnaire."""

    finding: Finding
    reading: Reading
    #: where the answer is changed: its section, or a re-take once complete
    change_url: str
    review: ClaimReview | None
    earlier: ClaimReview | None
    earlier_take: int | None
    #: since when imports and analyses found the answer contradicted, or
    #: when they stopped doing so
    flag: ClaimFlag | None = None

    @property
    def open(self) -> bool:
        """Contradicted and not reviewed: what a gate must not rest on."""
        return self.finding.verdict == Verdict.CONTRADICTED and self.review is None


def readings(engagement: Engagement) -> dict[Figure, Reading]:
    """Every figure the checks read, for the engagement as it is now, with
    the page that shows it."""
    return {
        figure: Reading(value, as_of, snapshot, _page_of(engagement, figure, snapshot))
        for figure, (value, as_of, snapshot) in _figures(engagement).items()
    }


def _figures(
    engagement: Engagement, quality: tuple[date, QualityReport] | None = None
) -> dict[Figure, tuple[float | None, date | None, Snapshot | None]]:
    """Each figure with the day it describes and the analysis it comes from
    (None for the customer data as it is now); ``quality`` as in
    ``follow_data``."""
    today = local_today()
    customers = db.session.scalar(
        select(func.count(Customer.id)).where(Customer.engagement_id == engagement.id)
    )
    values = _data_figures(engagement, today, quality) if customers else {}
    snapshot = _latest_analysis(engagement.id)
    bought = _bought_share(snapshot)
    return {
        figure: (values.get(figure), today, None)
        if SOURCE_OF[figure] != Source.ANALYSIS
        else (bought, snapshot and snapshot.as_of, snapshot)
        for figure in Figure
    }


def _data_figures(
    engagement: Engagement, today: date, known: tuple[date, QualityReport] | None
) -> dict[Figure, float]:
    day, quality = known or (None, None)
    if day != today:
        quality = quality_report(engagement, today)
    complaints = db.session.scalar(
        select(func.count(Complaint.id)).where(
            Complaint.engagement_id == engagement.id,
            Complaint.received_on > today - timedelta(days=COMPLAINT_DAYS),
        )
    )
    interactions, channels = db.session.execute(
        select(func.count(Interaction.id), func.count(distinct(Interaction.channel)))
        .join(Customer, Interaction.customer_id == Customer.id)
        .where(
            Customer.engagement_id == engagement.id,
            Interaction.occurred_on > today - timedelta(days=INTERACTION_DAYS),
        )
    ).one()
    return {
        Figure.DECISION_MAKER_COVERAGE: quality.decision_maker_coverage,
        Figure.VERIFIED_12M: round(100 - quality.stale_share, 1),
        Figure.EMAIL_SHARE: quality.fields.get("email", 0.0),
        Figure.PHONE_SHARE: quality.fields.get("phone", 0.0),
        Figure.COMPLAINTS_12M: float(complaints),
        Figure.INTERACTIONS_90D: float(interactions),
        Figure.CHANNELS_90D: float(channels),
    }


def _latest_analysis(engagement_id: int) -> Snapshot | None:
    return db.session.scalar(
        select(Snapshot)
        .where(Snapshot.engagement_id == engagement_id, Snapshot.standing())
        .order_by(Snapshot.as_of.desc(), Snapshot.number.desc())
        .limit(1)
    )


def _bought_share(snapshot: Snapshot | None) -> float | None:
    """Percent of the analysed customers with an order in the 12 months
    before the analysis (everyone but those with none for a year)."""
    figures = snapshot.summary.get("figures", {}) if snapshot else {}
    count, lost = figures.get("customers"), figures.get("lost_customers")
    if not count or lost is None:
        return None
    return round(100 * (count - lost) / count, 1)


def _page_of(engagement: Engagement, figure: Figure, snapshot: Snapshot | None) -> str:
    """The page where the figure can be seen (or the data that gives it
    imported)."""
    source = SOURCE_OF[figure]
    if source == Source.ANALYSIS:
        if snapshot is None:
            return url_for("design.analysis", engagement_id=engagement.id)
        return url_for(
            "design.snapshot", engagement_id=engagement.id, snapshot_id=snapshot.id
        )
    if source in (Source.CUSTOMERS, Source.CONTACTS):
        return url_for("design.quality", engagement_id=engagement.id)
    return url_for("design.customers", engagement_id=engagement.id)


def checked_claims(
    take: QuestionnaireTake, figures: dict[Figure, Reading] | None = None
) -> list[CheckedClaim]:
    """The take's answers that a check of its questionnaire tests, each with
    the figure and the reviews: the result page's list. ``figures`` saves
    gathering them again for several takes."""
    definition = definition_of(take)
    if not any(question.evidence for question in definition.questions()):
        return []
    if figures is None:
        figures = readings(db.session.get(Engagement, take.engagement_id))
    findings = check(
        definition,
        answer_values(take),
        {figure: reading.value for figure, reading in figures.items()},
    )
    reviews = _reviews(take)
    earlier = _earlier_reviews(take)
    flags = _flags(take)
    return [
        CheckedClaim(
            finding=finding,
            reading=figures[finding.evidence.figure],
            change_url=_change_url(take, definition, finding.question.id),
            review=reviews.get(finding.question.id)
            if finding.verdict == Verdict.CONTRADICTED
            else None,
            earlier=earlier.get(finding.question.id, (None, None))[1],
            earlier_take=earlier.get(finding.question.id, (None, None))[0],
            flag=flags.get(finding.question.id),
        )
        for finding in findings
    ]


def take_url(take: QuestionnaireTake, page: str, **values) -> str:
    """A page of the take (``result``, ``section``) or of its questionnaire
    (``index``), whichever questionnaire it is: preparation has pages of its
    own, the others share the generic ones."""
    values["engagement_id"] = take.engagement_id
    if page != "index":
        values["take_id"] = take.id
    if take.questionnaire == QuestionnaireId.PREPARATION:
        return url_for(f"preparation.{page}", **values)
    return url_for(
        f"questionnaires.{page}", questionnaire_id=take.questionnaire, **values
    )


def _change_url(take: QuestionnaireTake, definition, question_id: str) -> str:
    if take.completed_at is not None:
        return take_url(take, "index")
    section, _ = definition.place_of(question_id)
    return take_url(take, "section", section_id=section.id, _anchor=f"q-{question_id}")


def _flags(take: QuestionnaireTake) -> dict[str, ClaimFlag]:
    rows = db.session.scalars(select(ClaimFlag).where(ClaimFlag.take_id == take.id))
    return {row.question_id: row for row in rows}


def _reviews(take: QuestionnaireTake) -> dict[str, ClaimReview]:
    rows = db.session.scalars(select(ClaimReview).where(ClaimReview.take_id == take.id))
    return {row.question_id: row for row in rows}


def _earlier_reviews(take: QuestionnaireTake) -> dict[str, tuple[int, ClaimReview]]:
    """The latest review of each question on an earlier take of the same
    questionnaire, with that take's number: shown on a re-assessment."""
    rows = db.session.execute(
        select(QuestionnaireTake.number, ClaimReview)
        .join(ClaimReview, ClaimReview.take_id == QuestionnaireTake.id)
        .where(
            QuestionnaireTake.engagement_id == take.engagement_id,
            QuestionnaireTake.questionnaire == take.questionnaire,
            QuestionnaireTake.number < take.number,
        )
        .order_by(QuestionnaireTake.number)
    )
    return {review.question_id: (number, review) for number, review in rows}


def keep_answer(
    take: QuestionnaireTake, question_id: str, reason: str, user: User
) -> ClaimReview:
    """Keep an answer the data contradicts, with the reason (replacing an
    earlier reason on this take). Refused ("not_contradicted") when the data
    does not contradict the answer now."""
    claim = next(
        (c for c in checked_claims(take) if c.finding.question.id == question_id),
        None,
    )
    if claim is None or claim.finding.verdict != Verdict.CONTRADICTED:
        raise Refusal("not_contradicted")
    review = claim.review or ClaimReview(take_id=take.id, question_id=question_id)
    review.reason = reason
    review.figure_value = claim.finding.value
    review.reviewed_by_id = user.id
    review.reviewed_at = utcnow()
    db.session.add(review)
    db.session.commit()
    return review


@dataclass(frozen=True)
class OpenClaims:
    """A take whose answers the data contradicts, unreviewed, and how many."""

    take: QuestionnaireTake
    #: the questionnaire's title
    title: Text
    count: int
    url: str


def open_claims(engagement: Engagement) -> list[OpenClaims]:
    """The latest take of each questionnaire with contradictions not yet
    resolved: what the dashboard and the glance warn of, before a gate or a
    report rests on them."""
    figures = readings(engagement)
    found = []
    for take in latest_takes(engagement.id):
        count = sum(claim.open for claim in checked_claims(take, figures))
        if count:
            title = definition_of(take).title
            url = take_url(take, "result", _anchor="claims")
            found.append(OpenClaims(take, title, count, url))
    return found


def latest_takes(engagement_id: int) -> list[QuestionnaireTake]:
    """The newest take of each questionnaire: the answers that stand."""
    newest = (
        select(QuestionnaireTake.questionnaire, func.max(QuestionnaireTake.number))
        .where(QuestionnaireTake.engagement_id == engagement_id)
        .group_by(QuestionnaireTake.questionnaire)
    )
    wanted = {
        (questionnaire, number) for questionnaire, number in db.session.execute(newest)
    }
    rows = db.session.scalars(
        select(QuestionnaireTake)
        .where(QuestionnaireTake.engagement_id == engagement_id)
        .order_by(QuestionnaireTake.id)
    )
    return [take for take in rows if (take.questionnaire, take.number) in wanted]


def follow_data(
    engagement_id: int,
    user_id: int | None = None,
    quality: tuple[date, QualityReport] | None = None,
) -> None:
    """After an import, an analysis or its withdrawal: note which answers of
    the standing takes the data has come to contradict, or stopped
    contradicting, with the time and an entry in the activity feed.
    ``quality`` is the data quality an analysis has just computed, with the
    day it was computed for: used when that day is today, instead of reading
    every customer again."""
    engagement = db.session.get(Engagement, engagement_id)
    figures = _figures(engagement, quality)
    values = {figure: value for figure, (value, _, _) in figures.items()}
    for take in latest_takes(engagement_id):
        definition = definition_of(take)
        if not any(question.evidence for question in definition.questions()):
            continue
        found = check(definition, answer_values(take), values)
        now = {finding.question.id for finding in contradicted(found)}
        _update_flags(take, now, user_id)
    db.session.commit()


def _update_flags(take: QuestionnaireTake, now: set[str], user_id: int | None) -> None:
    flags = _flags(take)
    for question_id in sorted(now | set(flags)):
        flag = flags.get(question_id)
        raised = question_id in now
        if raised and (flag is None or flag.cleared_at is not None):
            flag = flag or ClaimFlag(take_id=take.id, question_id=question_id)
            flag.raised_at, flag.cleared_at = utcnow(), None
            db.session.add(flag)
            kind = ActivityKind.CLAIM_CONTRADICTED
        elif not raised and flag.cleared_at is None:
            flag.cleared_at = utcnow()
            kind = ActivityKind.CLAIM_CLEARED
        else:
            continue
        subject = f"{take.questionnaire}:{take.number}:{question_id}"
        activity.record(take.engagement_id, user_id, kind, subject)
