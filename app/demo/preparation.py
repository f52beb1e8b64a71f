"""The demo engagement's preparation: a completed questionnaire of a strategic
company whose practice today is modest, the client's people, and a first
awareness meeting."""

from __future__ import annotations

from datetime import date, timedelta

from app.models import AwarenessKind, Engagement, User
from app.preparation import organisation
from app.preparation import services as preparation
from app.questionnaires import takes
from assessments.examples import typical_answers
from assessments.organisation import Department
from assessments.questionnaire import Category, Kind, QuestionnaireId

#: The client's people: (name, title, department, flags). Nobody from service
#: is on the team yet and the working group is not complete, so the demo shows
#: how the method's checks read.
DEMO_ORGANISATION = (
    (
        "Şule Karaağaç",
        "Genel Müdür",
        Department.MANAGEMENT,
        {"is_sponsor", "is_top_decision_maker", "trusted", "knows_market"},
    ),
    (
        "Murat Erdem",
        "Pazarlama Müdürü",
        Department.MARKETING,
        {
            "is_project_manager",
            "in_project_team",
            "crm_knowledge",
            "trusted",
            "communicates_well",
            "knows_market",
        },
    ),
    (
        "İsmail Güçlü",
        "Satış Müdürü",
        Department.SALES,
        {"in_project_team", "in_working_group", "knows_market"},
    ),
    (
        "Hakan Demir",
        "Lojistik Müdürü",
        Department.LOGISTICS,
        {"in_project_team", "in_working_group"},
    ),
    (
        "Elif Şahin",
        "Mali İşler Müdürü",
        Department.FINANCE,
        {"in_project_team", "in_working_group"},
    ),
    (
        "Ali Yıldız",
        "Satış Temsilcisi",
        Department.SALES,
        {"in_working_group", "is_front_line"},
    ),
    (
        "Deniz Aydın",
        "CRM Danışmanı",
        Department.OTHER,
        {"is_consultant", "is_external", "crm_knowledge", "crm_project_experience"},
    ),
)

_FLAGS = {
    "is_sponsor",
    "is_project_manager",
    "is_consultant",
    "is_external",
    "crm_project_experience",
    "in_project_team",
    "in_working_group",
    "is_top_decision_maker",
    "is_front_line",
    "crm_knowledge",
    "trusted",
    "communicates_well",
    "knows_market",
}


def load_preparation_demo(engagement: Engagement, consultant: User) -> None:
    """A completed questionnaire, the organisation and a first awareness meeting."""
    take = takes.start_take(engagement, QuestionnaireId.PREPARATION, consultant)
    definition = preparation.definition()
    answers = typical_answers(definition, Category.STRATEGIC_THINKER)
    # A strategic company that has a long way to go: today's practice is modest.
    today = definition.section("today")
    for number, question in enumerate(today.questions if today else ()):
        if question.kind == Kind.SCALE:
            answers[question.id] = 2 + number % 2
    takes.record_answers(take, answers, consultant)
    takes.complete_take(take, consultant)
    for name, title, department, on in DEMO_ORGANISATION:
        organisation.save_person(
            engagement,
            None,
            organisation.PersonDetails(
                name=name,
                department=department,
                title=title,
                **{flag: flag in on for flag in _FLAGS},
            ),
        )
    organisation.add_awareness(
        engagement,
        organisation.AwarenessDetails(
            held_on=date.today() - timedelta(days=14),
            kind=AwarenessKind.INFORMAL_MEETING,
            topic="Müşteriyi merkeze almak: CRM neyi değiştirir?",
            attendees="Genel müdür ve bölüm müdürleri",
        ),
    )
