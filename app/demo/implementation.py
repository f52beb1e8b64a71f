"""The demo engagement's implementation: a completed gap analysis and
success-factor checklist, a scorecard whose customer measures compute
themselves from the two analyses, KPIs, a transition plan with one package
overdue, and a first review."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta

from app.extensions import db
from app.implementation import plan
from app.measures import services as measures
from app.models import Engagement, Measure, User
from app.questionnaires import takes
from assessments.gaps import Component, Layer, question_id
from assessments.organisation import Department
from assessments.planning import CrmStrategy, Direction, Perspective
from assessments.questionnaire import QuestionnaireId
from assessments.scorecard import ComputedMeasure, MeasureScope, Period
from assessments.transition import WorkStatus

#: (component, layer) → (current, designed, note): people and process lag most.
_GAPS = {
    (Component.STRATEGY, Layer.OPERATIONAL): (3, 4, ""),
    (Component.STRATEGY, Layer.ANALYTICAL): (
        2,
        4,
        "Bayi değeri kararlarda kullanılmıyor.",
    ),
    (Component.STRATEGY, Layer.COLLABORATIVE): (2, 3, ""),
    (Component.PEOPLE, Layer.OPERATIONAL): (2, 5, "Satış ekibi yeni süreci bilmiyor."),
    (Component.PEOPLE, Layer.ANALYTICAL): (1, 3, "Analiz yapabilecek kimse yok."),
    (Component.PEOPLE, Layer.COLLABORATIVE): (2, 4, ""),
    (Component.PROCESS, Layer.OPERATIONAL): (2, 4, "Sipariş ve şikâyet ayrı yürüyor."),
    (Component.PROCESS, Layer.ANALYTICAL): (1, 4, ""),
    (Component.PROCESS, Layer.COLLABORATIVE): (2, 4, ""),
    (Component.TECHNOLOGY, Layer.OPERATIONAL): (3, 4, ""),
    (Component.TECHNOLOGY, Layer.ANALYTICAL): (2, 4, "Veri ambarı yok."),
    (Component.TECHNOLOGY, Layer.COLLABORATIVE): (3, 4, ""),
}


def load_implementation_demo(engagement: Engagement, users: dict[str, User]) -> None:
    """The completed gap analysis and success factors, the scorecard and the
    transition plan with its first review."""
    consultant = users["consultant@example.com"]
    team = users["team@example.com"]
    _gap_take(engagement, consultant)
    _factor_take(engagement, consultant)
    _scorecard(engagement, consultant, team)
    _plan(engagement, consultant, team)


def _gap_take(engagement: Engagement, consultant: User) -> None:
    take = takes.start_take(engagement, QuestionnaireId.GAP_ANALYSIS, consultant)
    answers: dict[str, object] = {}
    for (component, layer), (current, designed, note) in _GAPS.items():
        answers[question_id(component, layer, "current")] = current
        answers[question_id(component, layer, "designed")] = designed
        if note:
            answers[question_id(component, layer, "note")] = note
    takes.record_answers(take, answers, consultant)
    takes.complete_take(take, consultant)


def _factor_take(engagement: Engagement, consultant: User) -> None:
    take = takes.start_take(engagement, QuestionnaireId.SUCCESS_FACTORS, consultant)
    states = ("in_place", "partly", "partly", "not_yet", "partly")
    answers: dict[str, object] = {}
    choices = [
        q for q in takes.definition_of(take).questions() if q.kind.value == "single"
    ]
    for number, question in enumerate(choices):
        answers[question.id] = states[number % len(states)]
    # a factor in place needs its evidence
    answers["productivity_evidence"] = "Bayi kartı tek ekranda, Ekim 2026."
    answers["pilot_first_evidence"] = "Ege bölgesi bayileriyle üç aylık pilot."
    takes.record_answers(take, answers, consultant)
    takes.complete_take(take, consultant)


_BASICS = {field.name for field in fields(measures.MeasureBasics)}


def _measure(engagement: Engagement, row: Measure | None, **data) -> Measure:
    basics = {"unit": "", "baseline": None} | {
        name: value for name, value in data.items() if name in _BASICS
    }
    tracking = {name: value for name, value in data.items() if name not in _BASICS}
    return measures.save_measure(
        engagement,
        row,
        measures.MeasureBasics(**basics),
        measures.MeasureTracking(**tracking),
    )


def _scorecard(engagement: Engagement, consultant: User, team: User) -> None:
    goal = measures.goals(engagement)[0]
    keep, profit, learn = (
        measures.save_objective(
            engagement,
            None,
            measures.ObjectiveDetails(
                title=title,
                perspective=perspective,
                goal_id=goal.id,
                crm_strategy=crm_strategy,
            ),
        )
        for title, perspective, crm_strategy in (
            ("Düzenli bayileri elde tutmak", Perspective.CUSTOMER, CrmStrategy.LOYALTY),
            (
                "Değersiz bayilerin maliyetini düşürmek",
                Perspective.FINANCIAL,
                CrmStrategy.WIN_BACK,
            ),
            ("Çalışanlar işin yapılışını iyileştirsin", Perspective.LEARNING, None),
        )
    )
    planned = goal.measures[0]
    _measure(
        engagement,
        planned,
        name=planned.name,
        perspective=planned.perspective,
        unit=planned.unit,
        direction=planned.direction,
        baseline=planned.baseline,
        target=planned.target,
        green=88.0,
        amber=80.0,
        goal_id=goal.id,
        objective_id=keep.id,
        owner_id=consultant.id,
        computed=ComputedMeasure.RETENTION_12M,
    )
    _measure(
        engagement,
        None,
        name="En değerli bayilerin ciro payı",
        perspective=Perspective.CUSTOMER,
        unit="%",
        direction=Direction.HIGHER_IS_BETTER,
        target=65.0,
        green=65.0,
        amber=60.0,
        goal_id=goal.id,
        objective_id=keep.id,
        owner_id=consultant.id,
        computed=ComputedMeasure.MVC_VALUE_SHARE,
    )
    _measure(
        engagement,
        None,
        name="Sıfırın altındaki bayilerin payı",
        perspective=Perspective.FINANCIAL,
        unit="%",
        direction=Direction.LOWER_IS_BETTER,
        target=5.0,
        green=6.0,
        amber=10.0,
        goal_id=goal.id,
        objective_id=profit.id,
        owner_id=consultant.id,
        computed=ComputedMeasure.BZ_SHARE,
    )
    proposals = _measure(
        engagement,
        None,
        name="Çalışanlardan gelen iyileştirme önerisi",
        perspective=Perspective.LEARNING,
        unit="öneri",
        direction=Direction.HIGHER_IS_BETTER,
        baseline=2.0,
        target=10.0,
        period=Period.MONTHLY,
        goal_id=goal.id,
        objective_id=learn.id,
        owner_id=team.id,
    )
    today = date.today()
    for months_ago, value in ((3, 2.0), (2, 4.0), (1, 5.0)):
        day = today - timedelta(days=30 * months_ago)
        measures.save_value(
            proposals, day, value, "", measures.value_revisions(proposals), team
        )
    _measure(
        engagement,
        None,
        name="Elde tutulan bayilerden büyüme (İsmail Güçlü)",
        perspective=Perspective.CUSTOMER,
        unit="%",
        direction=Direction.HIGHER_IS_BETTER,
        baseline=0.0,
        target=10.0,
        scope=MeasureScope.PERSONAL,
        goal_id=goal.id,
        owner_id=team.id,
    )
    sales = _measure(
        engagement,
        None,
        name="Satış bölümünün son 12 aylık kârı",
        perspective=Perspective.FINANCIAL,
        unit="TRY",
        direction=Direction.HIGHER_IS_BETTER,
        target=2_000_000.0,
        scope=MeasureScope.DEPARTMENT,
        department=Department.SALES,
        goal_id=goal.id,
        owner_id=team.id,
    )
    measures.save_value(
        sales,
        today,
        1_650_000.0,
        "Muhasebe kapanışı",
        measures.value_revisions(sales),
        team,
    )


def _plan(engagement: Engagement, consultant: User, team: User) -> None:
    """The plan, owned by people of the organisation (Hakan Demir has no
    login), each package naming the gaps it closes; the pilot is under way
    while the success factors call it in place, so the plan warns."""
    today = date.today()
    start = today - timedelta(days=75)
    people = {person.name: person.id for person in plan.people(engagement.id)}
    sales, logistics, adviser = (
        people["İsmail Güçlü"],
        people["Hakan Demir"],
        people["Deniz Aydın"],
    )
    steps = (
        ("Proje ekibine CRM eğitimi", 0, 30, WorkStatus.DONE, sales, False,
         ["people/operational"], False),
        ("Sipariş ve şikâyet sürecini birleştirmek", 20, 65, WorkStatus.IN_PROGRESS,
         logistics, False, ["process/operational"], False),
        ("Ege bölgesinde pilot", 66, 150, WorkStatus.IN_PROGRESS, adviser, False,
         ["people/collaborative"], True),
        ("Pilotun değerlendirilmesi", 150, 150, WorkStatus.PLANNED, adviser, True,
         [], False),
        ("Tüm bayilere yaygınlaştırma", 155, 300, WorkStatus.PLANNED, sales, False,
         ["process/collaborative"], False),
    )  # fmt: skip
    previous = None
    pilot = None
    for title, first, last, status, owner, milestone, closes, is_pilot in steps:
        previous = plan.save_package(
            engagement,
            None,
            plan.WorkPackageDetails(
                title=title,
                owner_id=owner,
                starts_on=start + timedelta(days=first),
                ends_on=start + timedelta(days=last),
                status=status,
                is_milestone=milestone,
                depends_on_id=previous.id if previous else None,
                closes=closes,
                is_pilot=is_pilot,
            ),
            seen=0,
        )
        pilot = previous if is_pilot else pilot
    review = plan.save_review(
        engagement,
        None,
        plan.ReviewDetails(
            held_on=today - timedelta(days=14),
            findings="Pilot bayilerin yarısı sipariş portalını kullanmıyor.",
            owner_id=sales,
        ),
        consultant.id,
    )
    plan.save_action(
        review,
        None,
        plan.ActionDetails(
            text="Bayi ziyaretlerinde portal tanıtımı; aylık kullanım raporu.",
            owner_id=people["Ali Yıldız"],
            due_on=today + timedelta(days=30),
            work_package_id=pilot.id if pilot else None,
        ),
    )
    plan.link_recheck(engagement, review, _factor_check(engagement), consultant)
    db.session.commit()


def _factor_check(engagement: Engagement) -> int | None:
    take = takes.latest_completed_take(engagement, QuestionnaireId.SUCCESS_FACTORS)
    return take.id if take else None
