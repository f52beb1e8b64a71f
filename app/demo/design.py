"""The demo engagement's design phase: the client's customer files imported, a
group override on one well-known customer, a completed IDIC capability
questionnaire (one answer the data contradicts kept with a reason), two
analyses a year apart and the strategies for two groups, so every design page
has something true to show."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from app.demo.customers import customer_files, import_files
from app.design import analyses, customers
from app.design import strategies as group_strategies
from app.extensions import db
from app.models import ClaimReview, Customer, Engagement, User
from app.questionnaires import takes
from assessments.examples import typical_answers
from assessments.idic import Channel, Segment
from assessments.planning import CrmStrategy
from assessments.questionnaire import Category, Kind, QuestionnaireId
from assessments.value_groups import ValueGroup

#: The sector's best-known firm, kept among the most valuable whatever it buys.
REFERENCE_ACCOUNT = "120.0004"


def load_design_demo(engagement: Engagement, consultant: User) -> None:
    """Customers, two years of their sales, and two analyses a year apart."""
    today = date.today()
    import_files(engagement, consultant, customer_files(today))
    reference = db.session.scalar(
        select(Customer).where(
            Customer.engagement_id == engagement.id,
            Customer.account_number == REFERENCE_ACCOUNT,
        )
    )
    customers.set_override(
        reference,
        ValueGroup.MVC,
        "Sektörün en bilinen firması; referans olarak stratejik önemi var.",
        consultant,
    )
    _capability_take(engagement, consultant)
    for as_of in (today - timedelta(days=365), today):
        analyses.take_snapshot(engagement, analyses.Settings(as_of=as_of), consultant)
    for segment, crm_strategy, actions, channel in (
        (
            Segment.MVC,
            CrmStrategy.LOYALTY,
            "Üç ayda bir ziyaret, öncelikli teslimat, yıllık anlaşma.",
            Channel.FACE_TO_FACE,
        ),
        (
            Segment.BZ,
            CrmStrategy.WIN_BACK,
            "Hizmet maliyetini düşür; siparişleri e-posta ile al.",
            Channel.EMAIL,
        ),
    ):
        group_strategies.save_strategy(
            engagement.id,
            segment,
            group_strategies.StrategyDetails(
                crm_strategy=crm_strategy,
                actions=actions,
                channel=channel,
                owner_id=None,
            ),
        )


def _capability_take(engagement: Engagement, consultant: User) -> None:
    """A completed IDIC capability questionnaire of a company that knows its
    customers better than it treats them differently."""
    take = takes.start_take(engagement, QuestionnaireId.IDIC, consultant)
    definition = takes.definition_of(take)
    answers = typical_answers(definition, Category.STRATEGIC_THINKER)
    for number, section in enumerate(definition.sections):
        for question in section.questions:
            if question.kind == Kind.SCALE:
                answers[question.id] = max(1, 4 - number)
    takes.record_answers(take, answers, consultant)
    takes.complete_take(take, consultant)
    # The records name a decision maker at a third of the customers: the
    # consultant has heard why, and keeps the answer with the reason.
    coverage = analyses.quality_report(engagement, date.today()).decision_maker_coverage
    db.session.add(
        ClaimReview(
            take_id=take.id,
            question_id="identify_decision_maker",
            reason=(
                "Müşteri dosyasında karar vericiler eksik; satış ekibi onları "
                "kendi rehberlerinde tutuyor ve aktarım planda var."
            ),
            figure_value=coverage,
            reviewed_by_id=consultant.id,
        )
    )
    db.session.commit()
