"""The demo engagement's planning: the first workshop day held, a strategy, its
priorities, the vision and one measured goal."""

from __future__ import annotations

from datetime import date, timedelta

from app.measures import services as measures
from app.models import Engagement, User
from app.planning import services as planning
from assessments.organisation import Department
from assessments.planning import CrmStrategy, Direction, Perspective


def load_planning_demo(engagement: Engagement, consultant: User) -> None:
    """The first workshop day held, led by the project manager, a strategy,
    the vision and a measured goal."""
    people = planning.session_people(engagement)
    ids = frozenset(person.id for person in people if person.in_working_group)
    manager = next(person for person in people if person.is_project_manager)
    planning.save_session(
        engagement,
        planning.guide().sections[0].id,
        planning.SessionDetails(
            held_on=date.today() - timedelta(days=3),
            facilitator_id=manager.id,
            held=True,
            invited=ids,
            attended=ids,
        ),
    )
    strategy = planning.add_strategy(
        engagement,
        "Bayilerle uzun vadeli ilişki: en değerli bayilerin siparişlerini "
        "artırmak ve kaybedilenleri geri kazanmak.",
        [],
    )
    planning.save_priorities(
        engagement,
        {
            CrmStrategy.PROSPECTING: (1, ""),
            CrmStrategy.CROSS_SELLING: (2, "Yedek parça ve bakım satışı."),
            CrmStrategy.WIN_BACK: (2, "Son iki yılda kaybedilen bayiler."),
            CrmStrategy.LOYALTY: (3, "Cironun çoğu düzenli bayilerden geliyor."),
        },
    )
    planning.save_vision(
        engagement, "Bayilerimizin ilk aradığı, en güvendiği tedarikçi olmak."
    )
    goal = planning.save_goal(
        engagement,
        None,
        planning.GoalDetails(
            title="Düzenli sipariş veren bayileri elde tutmak",
            target="Geçen yılın bayilerinin %90'ı bu yıl da sipariş versin",
            deadline=date(date.today().year + 1, 6, 30),
            department=Department.SALES,
            strategy_id=strategy.id,
        ),
    )
    measures.save_measure(
        engagement,
        None,
        measures.MeasureBasics(
            name="Bayi elde tutma oranı",
            perspective=Perspective.CUSTOMER,
            unit="%",
            direction=Direction.HIGHER_IS_BETTER,
            baseline=78.0,
            target=90.0,
        ),
        measures.MeasureTracking(goal_id=goal.id),
    )
